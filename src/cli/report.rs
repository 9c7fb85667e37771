//! Printing diagnostics: ariadne reports, coloured only on a terminal.

use std::io::{IsTerminal, Write};
use tenon_diagnostics::{render, Diagnostic, RenderOptions, SourceMap};

/// How many diagnostics of one batch are shown in full; the rest are
/// counted. (Each report shows its source lines, so thousands of errors
/// on one long line would take long to print and read.)
const SHOWN: usize = 50;

/// Prints diagnostics to standard error, the first [`SHOWN`] in full.
pub fn print(diagnostics: &[Diagnostic], sources: &SourceMap) {
    let options = RenderOptions {
        color: std::io::stderr().is_terminal(),
    };
    let mut stderr = std::io::stderr().lock();
    for diagnostic in diagnostics.iter().take(SHOWN) {
        let _ = stderr.write_all(render(diagnostic, sources, options).as_bytes());
    }
    let hidden = diagnostics.len().saturating_sub(SHOWN);
    if hidden > 0 {
        let noun = if hidden == 1 { "error" } else { "errors" };
        let _ = writeln!(stderr, "… and {hidden} more {noun} not shown");
    }
}

/// `N errors` in words, for the closing line.
pub fn count(n: usize) -> String {
    match n {
        1 => "1 error".to_string(),
        n => format!("{n} errors"),
    }
}
