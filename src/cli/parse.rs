//! `tenon parse`: report syntax errors, optionally print trees.

use super::{files, report};
use std::path::PathBuf;
use std::process::ExitCode;
use tenon_diagnostics::SourceMap;

pub fn run(paths: &[PathBuf], tree: bool) -> Result<ExitCode, String> {
    let mut sources = SourceMap::new();
    let mut errors = 0;
    let inputs = files::expand(paths)?;
    for path in &inputs {
        let text = files::read(path)?;
        let id = sources.add(path.display().to_string(), text.as_str());
        let parsed = tenon_syntax::parse_file(id, &text);
        if tree {
            println!("# {}", path.display());
            print!("{}", tenon_syntax::dump::file(&parsed.file));
        }
        errors += parsed.diagnostics.iter().filter(|d| d.is_error()).count();
        report::print(&parsed.diagnostics, &sources);
    }
    if errors > 0 {
        eprintln!("{} in {} file(s)", report::count(errors), inputs.len());
        return Ok(ExitCode::FAILURE);
    }
    eprintln!("{} file(s) parsed, no errors", inputs.len());
    Ok(ExitCode::SUCCESS)
}
