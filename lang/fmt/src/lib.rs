//! The canonical formatter of Tenon source, behind `tenon fmt`: it prints a
//! parsed file in the one layout every Tenon file shares — tabs for
//! indentation, one declaration per line in multi-line blocks, aligned
//! field values, normalised spacing — while keeping everything the author
//! chose deliberately: comments, blank lines (at most one in a row),
//! whether a struct, list or call is written on one line, where long
//! expressions break, and the exact text of literals and attributes.
//!
//! The printer reads only the syntax tree and the source text, and every
//! layout decision depends on the source layout in a way the output
//! reproduces, so formatting is idempotent: formatting the output again
//! changes nothing. The output parses to the same tree as the input.
//!
//! [`format_file`] prints an already parsed tree; [`format_source`] parses
//! first and, like gofmt, refuses input with syntax errors.

mod block;
mod comments;
mod decls;
mod exprs;
mod layout;
mod printer;
mod strings;

use comments::Comments;
use printer::Printer;
use tenon_syntax::ast::File;
use tenon_syntax::{Diagnostic, FileId};

/// Formats a tree parsed from `src`. The source is needed to copy literals
/// and attributes verbatim and to read the original layout; comments come
/// from [`File::comments`].
pub fn format_file(file: &File, src: &str) -> String {
    let mut f = Formatter {
        src,
        p: Printer::default(),
        c: Comments::new(src, &file.comments),
        in_interpolation: false,
    };
    f.file(file);
    f.p.finish()
}

/// Parses `src` and formats it; returns the diagnostics instead when the
/// source has syntax errors.
pub fn format_source(id: FileId, src: &str) -> Result<String, Vec<Diagnostic>> {
    let parsed = tenon_syntax::parse_file(id, src);
    if parsed.diagnostics.iter().any(Diagnostic::is_error) {
        return Err(parsed.diagnostics);
    }
    Ok(format_file(&parsed.file, src))
}

/// The state of one formatting run: the source, the output and the cursor
/// over the comments still to print. Its methods are spread over the
/// modules of this crate, one concept each.
struct Formatter<'a> {
    src: &'a str,
    p: Printer,
    c: Comments<'a>,
    /// Inside the expressions of a single-line string's interpolation,
    /// where a line break after a complete operand is an error.
    in_interpolation: bool,
}

impl<'a> Formatter<'a> {
    /// The source text of a byte range (empty if out of range).
    fn slice(&self, start: u32, end: u32) -> &'a str {
        self.src.get(start as usize..end as usize).unwrap_or("")
    }
}
