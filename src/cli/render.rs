//! `tenon render`: applications rendered to Kubernetes objects, as a YAML
//! stream (grouped by target, each group under a comment header), JSON,
//! or files `DIR/<cluster>/<namespace>/<kind>-<name>.yaml`.

use super::{catalog, files, inject, load, report};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tenon_diagnostics::{Diagnostic, SourceMap};
use tenon_render::{output, render, App, AppSchema, TargetObjects};

/// Output formats of `render`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Yaml,
    Json,
}

#[derive(Debug)]
pub struct Options<'a> {
    pub apps: &'a [PathBuf],
    /// `-t` tags for the application's files.
    pub tags: &'a [String],
    pub defs: &'a [PathBuf],
    pub cluster: Option<&'a str>,
    pub output: Option<&'a Path>,
    pub format: Format,
}

pub fn run(options: &Options) -> Result<ExitCode, String> {
    // KubeVela Applications (YAML, JSON) are read one file at a time; the
    // other files (and the `.app`, `.cue`, `.tn` files of a directory)
    // are one package: one application, overlays unified by name.
    let (kubevela, package): (Vec<PathBuf>, Vec<PathBuf>) = expand(options.apps)?
        .into_iter()
        .partition(|p| matches!(extension(p), "yaml" | "yml" | "json"));
    let mut loaded = match package.is_empty() {
        true => load::Loaded::default(),
        false => inject::load(&package, options.tags)?,
    };
    let mut sources = std::mem::take(&mut loaded.sources);
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    let catalog = catalog::load(options.defs, options.apps, &mut sources, &mut diagnostics)?;
    if !diagnostics.is_empty() {
        // Rendering with a definition missing would only add confusion.
        return Ok(fail(&diagnostics, &sources));
    }
    let schema = AppSchema::new(&mut sources);
    let mut apps = Vec::new();
    if !loaded.files.is_empty() {
        let packages = loaded.packages();
        let imports = load::imports(&packages);
        let files: Vec<&tenon_syntax::ast::File> = loaded.files.iter().collect();
        match tenon_render::input::read_package(&schema, &files, &imports) {
            Ok(app) => apps.push(app),
            Err(more) => diagnostics.extend(more),
        }
    }
    for path in &kubevela {
        let text = files::read(path)?;
        let name = path.display().to_string();
        match tenon_render::input::read_kubevela(&schema, &mut sources, &name, &text) {
            Ok(more) => apps.extend(more),
            Err(more) => diagnostics.extend(more),
        }
    }
    let mut rendered: Vec<(App, Vec<TargetObjects>)> = Vec::new();
    for app in apps {
        match render(&catalog, &app) {
            Ok(targets) => rendered.push((app, targets)),
            Err(more) => diagnostics.extend(more),
        }
    }
    if !diagnostics.is_empty() {
        return Ok(fail(&diagnostics, &sources));
    }
    for (_, targets) in &mut rendered {
        if let Some(cluster) = options.cluster {
            targets.retain(|t| t.target.cluster == cluster);
        }
    }
    match options.output {
        Some(dir) if dir != Path::new("-") => write_files(dir, &rendered, options.format)?,
        _ => print!("{}", stream(&rendered, options.format)),
    }
    Ok(ExitCode::SUCCESS)
}

/// The files named: a directory stands for its applications (`.app`,
/// `.cue`, `.tn`, `.yaml`, `.yml` and `.json` files, not those of its
/// subdirectories).
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    const EXTENSIONS: [&str; 6] = ["app", "cue", "tn", "yaml", "yml", "json"];
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries =
                std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && EXTENSIONS.contains(&extension(p)))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn extension(path: &Path) -> &str {
    path.extension().and_then(|e| e.to_str()).unwrap_or("")
}

fn fail(diagnostics: &[Diagnostic], sources: &SourceMap) -> ExitCode {
    report::print(diagnostics, sources);
    eprintln!("tenon: render failed: {}", report::count(diagnostics.len()));
    ExitCode::from(1)
}

/// The rendered objects as one YAML stream or one JSON document.
pub fn stream(rendered: &[(App, Vec<TargetObjects>)], format: Format) -> String {
    match format {
        Format::Yaml => output::yaml_stream(rendered),
        Format::Json => output::json_document(rendered),
    }
}

/// Writes one file per object: `DIR/<cluster>/<namespace>/<kind>-<name>`,
/// and lists the files written.
fn write_files(
    dir: &Path,
    rendered: &[(App, Vec<TargetObjects>)],
    format: Format,
) -> Result<(), String> {
    for (_, targets) in rendered {
        for target in targets {
            let folder = dir
                .join(safe(&target.target.cluster))
                .join(safe(&target.target.namespace));
            std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
            for object in &target.objects {
                let (extension, text) = match format {
                    Format::Yaml => ("yaml", output::yaml(&object.data)),
                    Format::Json => ("json", output::json(&object.data)),
                };
                let name = format!(
                    "{}-{}.{extension}",
                    safe(&object.kind().to_ascii_lowercase()),
                    safe(object.name())
                );
                let path = folder.join(name);
                std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
                println!("{}", path.display());
            }
        }
    }
    Ok(())
}

/// A name usable as one path component.
fn safe(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    match cleaned.as_str() {
        "" | "." | ".." => "_".to_string(),
        _ => cleaned,
    }
}
