//! `tenon render`: applications rendered to Kubernetes objects, as a YAML
//! stream (grouped by target, each group under a comment header), JSON,
//! or files `DIR/<cluster>/<namespace>/<kind>-<name>.yaml`.

use super::{catalog, files, report};
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
    pub defs: &'a [PathBuf],
    pub cluster: Option<&'a str>,
    pub output: Option<&'a Path>,
    pub format: Format,
}

pub fn run(options: &Options) -> Result<ExitCode, String> {
    let mut sources = SourceMap::new();
    let mut diagnostics = Vec::new();
    let catalog = catalog::load(options.defs, options.apps, &mut sources, &mut diagnostics)?;
    if !diagnostics.is_empty() {
        // Rendering with a definition missing would only add confusion.
        return Ok(fail(&diagnostics, &sources));
    }
    let schema = AppSchema::new(&mut sources);
    let mut apps = Vec::new();
    for path in options.apps {
        let text = files::read(path)?;
        let id = sources.add(path.display().to_string(), text.as_str());
        let read = match path.extension().and_then(|e| e.to_str()) {
            Some("yaml" | "yml" | "json") => tenon_render::input::read_kubevela(&schema, id, &text),
            _ => tenon_render::input::read_source(&schema, id, &text),
        };
        match read {
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
