//! The last step of parsing: merging lexical and parse errors, leaving out
//! echoes of one mistake, and making messages say why (an operator that
//! continued a line, a bracket left open).

use crate::lexer::Lexer;
use tenon_diagnostics::{Diagnostic, Span};

/// Merges lexical and parse errors, leaving out the parse errors that only
/// echo a lexical one: those after the nesting limit cut the input short,
/// and those later on the line of an invalid character or literal.
pub(super) fn finish_diagnostics(
    src: &str,
    parse: Vec<Diagnostic>,
    lexer: &mut Lexer<'_>,
) -> Vec<Diagnostic> {
    let mut all = std::mem::take(&mut lexer.diagnostics);
    if all.is_empty() && parse.is_empty() {
        return all;
    }
    let lines = Lines::new(src);
    let too_deep_at = lexer.too_deep_at.unwrap_or(usize::MAX);
    let mut lexical_starts: Vec<usize> = all.iter().map(|d| d.span().start as usize).collect();
    lexical_starts.sort_unstable();
    // The nearest lexical error at or before `at`, on the same line.
    let echoes_lexical = |d: &Diagnostic| {
        let at = d.span().start as usize;
        let before = lexical_starts.partition_point(|&s| s <= at);
        before > 0 && lines.of(lexical_starts[before - 1]) == lines.of(at)
    };
    let kept: Vec<Diagnostic> = parse
        .into_iter()
        .filter(|d| (d.span().start as usize) < too_deep_at && !echoes_lexical(d))
        .collect();
    all.extend(kept);
    explain_continuations(&lines, &mut all, &lexer.continuations);
    explain_unclosed(src, &mut all, &lexer.open_brackets);
    all.sort_by_key(|d| (d.span().start, d.span().end));
    all.dedup();
    all
}

/// Line numbers of byte offsets, computed once per file with errors.
struct Lines(Vec<usize>);

impl Lines {
    fn new(src: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(
            src.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines(starts)
    }

    /// The 1-based line of `pos`.
    fn of(&self, pos: usize) -> usize {
        self.0.partition_point(|&s| s <= pos)
    }
}

/// An unexpected token at the start of a line that an operator on the
/// line before continued: say so, since the newline there did not end the
/// element. `continuations` are in source order.
fn explain_continuations(
    lines: &Lines,
    diagnostics: &mut [Diagnostic],
    continuations: &[(usize, usize, &str)],
) {
    for d in diagnostics.iter_mut() {
        let span = d.span().range();
        let continuation = match d.code {
            // The unexpected token is on a continued line.
            "unexpected-token" => {
                let before = continuations.partition_point(|c| c.0 <= span.start);
                continuations[..before]
                    .last()
                    .filter(|c| lines.of(c.0) == lines.of(span.start))
            }
            // A label ran on into the next line: `a: x.` then `b: 1`.
            "invalid-label" => {
                let first = continuations.partition_point(|c| c.0 < span.start);
                continuations.get(first).filter(|c| c.0 < span.end)
            }
            _ => None,
        };
        let Some(&(_, op_start, op)) = continuation else {
            continue;
        };
        let line = lines.of(op_start);
        let why = format!("the `{op}` at the end of line {line} continues the expression onto");
        if d.code == "unexpected-token" {
            let found = d
                .message
                .split(", expected")
                .next()
                .unwrap_or("")
                .to_string();
            d.message = format!("{found}: {why} this line");
        } else {
            d.notes.push(format!("{why} the next line"));
        }
    }
}

/// At an unexpected end of file, point at the bracket left open; when an
/// earlier error already explains the file, leave the end-of-file one out.
fn explain_unclosed(src: &str, diagnostics: &mut Vec<Diagnostic>, open: &[(usize, &str)]) {
    let Some(eof) = diagnostics.iter().position(|d| d.code == "unexpected-eof") else {
        return;
    };
    if diagnostics
        .iter()
        .any(|d| d.is_error() && d.code != "unexpected-eof")
    {
        diagnostics.remove(eof);
        return;
    }
    if let Some(&(at, bracket)) = open.last() {
        let span = diagnostics[eof].span();
        let bracket_span = Span::new(span.file, at, (at + bracket.len()).min(src.len()));
        let d = std::mem::replace(&mut diagnostics[eof], Diagnostic::error("", span, ""));
        diagnostics[eof] = d.with_label(bracket_span, format!("this `{bracket}` is not closed"));
    }
}
