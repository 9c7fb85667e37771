//! `tenon fmt`: canonical formatting in place, `--check`, or stdin.

use super::{files, report};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tenon_diagnostics::SourceMap;

pub fn run(paths: &[PathBuf], check: bool) -> Result<ExitCode, String> {
    if paths.len() == 1 && paths[0] == Path::new("-") {
        return stdin();
    }
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut sources = SourceMap::new();
    let mut failed = false;
    let mut changed = Vec::new();
    for path in files::expand(paths)? {
        let text = files::read(&path)?;
        let id = sources.add(path.display().to_string(), text.as_str());
        match tenon_fmt::format_source(id, &text) {
            Ok(formatted) if formatted == text => {}
            Ok(formatted) => {
                if !check {
                    std::fs::write(&path, formatted)
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                }
                changed.push(path);
            }
            Err(diagnostics) => {
                report::print(&diagnostics, &sources);
                failed = true;
            }
        }
    }
    if check {
        for path in &changed {
            println!("{}", path.display());
        }
        if !changed.is_empty() {
            failed = true;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn stdin() -> Result<ExitCode, String> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| format!("standard input: {e}"))?;
    let mut sources = SourceMap::new();
    let id = sources.add("<stdin>", text.as_str());
    match tenon_fmt::format_source(id, &text) {
        Ok(formatted) => {
            std::io::stdout()
                .write_all(formatted.as_bytes())
                .map_err(|e| format!("standard output: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(diagnostics) => {
            report::print(&diagnostics, &sources);
            Ok(ExitCode::FAILURE)
        }
    }
}
