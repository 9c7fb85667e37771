//! Loading the definition catalog for `render` and `def`: the built-in
//! definitions, then the module's own `definitions/` directory (next to
//! `cue.mod/` above the applications), then every `--defs` directory; a
//! later definition replaces an earlier one of the same kind and name.

use super::files;
use std::path::{Path, PathBuf};
use tenon_diagnostics::{Diagnostic, SourceMap};
use tenon_render::Catalog;

pub fn load(
    defs: &[PathBuf],
    apps: &[PathBuf],
    sources: &mut SourceMap,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Catalog, String> {
    let (mut catalog, builtin) = Catalog::builtin(sources);
    diagnostics.extend(builtin);
    let mut dirs: Vec<PathBuf> = module_definitions(apps).into_iter().collect();
    dirs.extend(defs.iter().cloned());
    for path in files::expand(&dirs)? {
        let text = files::read(&path)?;
        if let Err(more) = catalog.add(&path.display().to_string(), &text, sources) {
            diagnostics.extend(more);
        }
    }
    Ok(catalog)
}

/// `<module root>/definitions` of the first application inside a module.
fn module_definitions(apps: &[PathBuf]) -> Option<PathBuf> {
    let first = apps.first()?;
    let start = std::fs::canonicalize(first).ok()?;
    let mut dir: Option<&Path> = start.parent();
    while let Some(d) = dir {
        if d.join("cue.mod").is_dir() {
            let definitions = d.join("definitions");
            return definitions.is_dir().then_some(definitions);
        }
        dir = d.parent();
    }
    None
}
