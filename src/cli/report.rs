//! Printing diagnostics: ariadne reports, coloured only on a terminal.

use std::io::IsTerminal;
use tenon_diagnostics::{render_all, Diagnostic, RenderOptions, SourceMap};

/// Prints diagnostics to standard error.
pub fn print(diagnostics: &[Diagnostic], sources: &SourceMap) {
    if diagnostics.is_empty() {
        return;
    }
    let options = RenderOptions {
        color: std::io::stderr().is_terminal(),
    };
    eprint!("{}", render_all(diagnostics, sources, options));
}

/// `N errors` in words, for the closing line.
pub fn count(n: usize) -> String {
    match n {
        1 => "1 error".to_string(),
        n => format!("{n} errors"),
    }
}
