//! Loading a package and the module packages it imports from disk (the
//! evaluator reads no files itself).
//!
//! A directory argument is the package in that directory (its `.cue` and
//! `.tn` files, not those of subdirectories); file arguments are taken as
//! they are, `.json` and `.yaml` files as data. The module root is the
//! nearest directory upwards with `cue.mod/module.cue`; its `module:`
//! field is the import path prefix of the module's own packages, which
//! live in the matching subdirectories. Other imports are looked up under
//! `cue.mod/pkg`, `cue.mod/gen` and `cue.mod/usr`. An import path with
//! `.` or `..` elements, or a package directory or file that resolves
//! (through symbolic links) outside the module root, is refused.
//!
//! Source files whose build attribute (`@if(tag)`, `@ignore()`) leaves
//! them out of the build are skipped; packages under `cue.mod/` are
//! dependencies, for which every build tag is unset.

use super::files;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use tenon_diagnostics::{Diagnostic, SourceMap, Span};
use tenon_eval::builtin::{ImportedPackage, Imports};
use tenon_eval::tags::BuildTags;
use tenon_syntax::ast;

/// A package and what it imports, parsed.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: SourceMap,
    /// The files of the package evaluated.
    pub files: Vec<ast::File>,
    /// The module packages imported, directly or not: (import path, files).
    pub packages: Vec<(String, Vec<ast::File>)>,
    /// Syntax errors, and imports refused.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// The imports as the compiler takes them.
    pub fn packages(&self) -> Vec<ImportedPackage<'_>> {
        self.packages
            .iter()
            .map(|(path, files)| ImportedPackage {
                path: path.clone(),
                files: files.iter().collect(),
            })
            .collect()
    }
}

/// The imports of a loaded package, for `Module::compile_with_imports`.
pub fn imports<'a>(packages: &'a [ImportedPackage<'a>]) -> Imports<'a> {
    Imports::new(tenon_stdlib::BUILTINS, packages)
}

/// Loads the package named by `paths` and every module package it
/// imports, the files of the build `tags` select.
pub fn load(paths: &[PathBuf], tags: &mut BuildTags) -> Result<Loaded, String> {
    let mut loaded = Loaded::default();
    let mut left_out = Vec::new();
    for path in package_files(paths)? {
        let text = files::read(&path)?;
        let id = loaded
            .sources
            .add(path.display().to_string(), text.as_str());
        let parsed = match path.extension().and_then(|e| e.to_str()) {
            Some("json") => tenon_syntax::parse_json(id, &text),
            Some("yaml" | "yml") => tenon_syntax::parse_yaml(id, &text),
            _ => {
                let mut parsed = tenon_syntax::parse_file(id, &text);
                let included = tags.includes(&parsed.file);
                if matches!(included, Ok(false)) {
                    left_out.push(path.display().to_string());
                }
                if !selected(included, &mut parsed, &mut loaded) {
                    continue;
                }
                parsed
            }
        };
        loaded.diagnostics.extend(parsed.diagnostics);
        loaded.files.push(parsed.file);
    }
    if loaded.files.is_empty() && loaded.diagnostics.is_empty() && !left_out.is_empty() {
        return Err(format!(
            "build attributes exclude every file of the package ({})",
            left_out.join(", ")
        ));
    }
    let start = match paths.first() {
        Some(p) if p.is_dir() => p.clone(),
        Some(p) => match p.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        },
        None => PathBuf::from("."),
    };
    if let Some(module) = Module::find(&start, &mut loaded)? {
        module.load_imports(&mut loaded, tags)?;
    }
    Ok(loaded)
}

/// Whether a file is part of the build, given what its build attribute
/// says. An attribute that cannot be read is reported, after the file's
/// syntax errors (which may be why); a file left out is not otherwise
/// looked at.
fn selected(
    included: Result<bool, Box<Diagnostic>>,
    parsed: &mut tenon_syntax::ParsedFile,
    loaded: &mut Loaded,
) -> bool {
    match included {
        Ok(included) => included,
        Err(diagnostic) => {
            let syntax = std::mem::take(&mut parsed.diagnostics);
            if syntax.is_empty() {
                loaded.diagnostics.push(*diagnostic);
            } else {
                loaded.diagnostics.extend(syntax);
            }
            false
        }
    }
}

/// The files of the package named on the command line.
fn package_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            out.extend(files::sources_in(path)?);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// A CUE module: its root directory and import path.
struct Module {
    root: PathBuf,
    path: String,
}

impl Module {
    /// The module containing `start`, if any.
    fn find(start: &Path, loaded: &mut Loaded) -> Result<Option<Module>, String> {
        let start =
            std::fs::canonicalize(start).map_err(|e| format!("{}: {e}", start.display()))?;
        let Some(root) = start
            .ancestors()
            .find(|dir| dir.join("cue.mod/module.cue").is_file())
        else {
            return Ok(None);
        };
        let file = root.join("cue.mod/module.cue");
        let text = files::read(&file)?;
        let id = loaded
            .sources
            .add(file.display().to_string(), text.as_str());
        let parsed = tenon_syntax::parse_file(id, &text);
        loaded.diagnostics.extend(parsed.diagnostics);
        let path = parsed.file.decls.iter().find_map(|decl| match decl {
            ast::Decl::Field(field) => match (&field.label.name, &field.value) {
                (ast::LabelName::Ident(name), ast::Expr::String(s)) if &*name.name == "module" => {
                    match &s.value {
                        ast::StrValue::Text(text) => Some(text.to_string()),
                        ast::StrValue::Bytes(_) => None,
                    }
                }
                _ => None,
            },
            _ => None,
        });
        let Some(path) = path else {
            return Err(format!("{}: no `module: \"…\"` field", file.display()));
        };
        // A major-version suffix (`example.com/app@v0`) is not part of
        // import paths.
        let path = path.split('@').next().unwrap_or_default().to_string();
        Ok(Some(Module {
            root: root.to_path_buf(),
            path,
        }))
    }

    /// Loads every module package the loaded files import, transitively.
    fn load_imports(&self, loaded: &mut Loaded, tags: &mut BuildTags) -> Result<(), String> {
        let mut seen = HashSet::new();
        let mut queue: Vec<(String, Span)> = imports_of(&loaded.files);
        while let Some((path, span)) = queue.pop() {
            let name = path.split(':').next().unwrap_or_default().to_string();
            if tenon_stdlib::BUILTINS.package(&name).is_some() || !seen.insert(path.clone()) {
                continue;
            }
            let Some(dir) = self.directory(&path, span, loaded) else {
                continue;
            };
            let files = self.package_in(&dir, &path, span, loaded, tags)?;
            if files.is_empty() {
                continue; // the compiler reports the package as not found
            }
            queue.extend(imports_of(&files));
            loaded.packages.push((path, files));
        }
        Ok(())
    }

    /// The directory of the package `path`, checked to be inside the
    /// module; `None` (with a diagnostic when refused) if there is none.
    fn directory(&self, path: &str, span: Span, loaded: &mut Loaded) -> Option<PathBuf> {
        let name = path.split(':').next().unwrap_or_default();
        if name.starts_with('/')
            || name
                .split('/')
                .any(|part| part == ".." || part == "." || part.is_empty())
        {
            loaded.diagnostics.push(Diagnostic::error(
                "invalid-import",
                span,
                format!("invalid import path \"{path}\": it must not be absolute or contain `.` or `..` elements"),
            ));
            return None;
        }
        let candidates = match name.strip_prefix(&self.path) {
            Some("") => vec![self.root.clone()],
            Some(rest) if rest.starts_with('/') => vec![self.root.join(&rest[1..])],
            _ => ["pkg", "gen", "usr"]
                .iter()
                .map(|dir| self.root.join("cue.mod").join(dir).join(name))
                .collect(),
        };
        let dir = candidates.into_iter().find(|d| d.is_dir())?;
        let inside = std::fs::canonicalize(&dir)
            .ok()
            .zip(std::fs::canonicalize(&self.root).ok())
            .is_some_and(|(dir, root)| dir.starts_with(root));
        if !inside {
            loaded.diagnostics.push(Diagnostic::error(
                "import-escape",
                span,
                format!(
                    "import \"{path}\" resolves to {}, outside the module root {}",
                    dir.display(),
                    self.root.display()
                ),
            ));
            return None;
        }
        Some(dir)
    }

    /// The files of package `path` in `dir`: those whose package clause
    /// names the package (the last path element, or the `:name`
    /// qualifier) and that are part of the build.
    fn package_in(
        &self,
        dir: &Path,
        path: &str,
        span: Span,
        loaded: &mut Loaded,
        tags: &mut BuildTags,
    ) -> Result<Vec<ast::File>, String> {
        let wanted = match path.split_once(':') {
            Some((_, qualifier)) => qualifier,
            None => path.rsplit('/').next().unwrap_or(path),
        };
        let root = std::fs::canonicalize(&self.root).map_err(|e| e.to_string())?;
        let dependency = dir.starts_with(self.root.join("cue.mod"));
        let mut files = Vec::new();
        for file in files::sources_in(dir)? {
            let real =
                std::fs::canonicalize(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            if !real.starts_with(&root) {
                loaded.diagnostics.push(Diagnostic::error(
                    "import-escape",
                    span,
                    format!(
                        "import \"{path}\": {} is a link to {}, outside the module root {}",
                        file.display(),
                        real.display(),
                        self.root.display()
                    ),
                ));
                continue;
            }
            let text = files::read(&file)?;
            let id = loaded
                .sources
                .add(file.display().to_string(), text.as_str());
            let mut parsed = tenon_syntax::parse_file(id, &text);
            let name = parsed
                .file
                .package
                .as_ref()
                .map(|p| p.name.name.to_string());
            if name.as_deref() != Some(wanted) {
                continue;
            }
            let included = match dependency {
                true => tags.includes_dependency(&parsed.file),
                false => tags.includes(&parsed.file),
            };
            if selected(included, &mut parsed, loaded) {
                loaded.diagnostics.extend(parsed.diagnostics);
                files.push(parsed.file);
            }
        }
        Ok(files)
    }
}

/// The import paths of `files`, with the span of each.
fn imports_of(files: &[ast::File]) -> Vec<(String, Span)> {
    files
        .iter()
        .flat_map(|f| f.imports.iter().flat_map(|d| d.specs.iter()))
        .filter_map(|spec| match &spec.path.value {
            ast::StrValue::Text(text) => Some((text.to_string(), spec.path.span)),
            ast::StrValue::Bytes(_) => None,
        })
        .collect()
}
