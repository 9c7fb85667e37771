//! String and bytes literals.
//!
//! Rule 8: simple and raw strings and bytes are copied verbatim from the
//! source, escapes untouched. In an interpolation the literal fragments
//! are copied verbatim and the embedded expressions are formatted.
//! Multi-line strings (`"""`, `'''`, any number of `#`) are re-indented to
//! their new nesting: the indentation the source had (the whitespace
//! before the closing quotes) is replaced, on every non-empty content line
//! and on the closing line, by the indentation of the line the string
//! starts on plus one tab; empty lines stay empty. The parser strips
//! exactly that indentation again, so the decoded value does not change.
//! Whitespace at the end of a content line belongs to the value and is
//! kept; `\r\n` line ends become `\n` (the value reads both as `\n`).

use crate::Formatter;
use tenon_syntax::ast::{Interpolation, InterpolationPart, StringKind, StringLit};

impl Formatter<'_> {
    pub(crate) fn string_lit(&mut self, s: &StringLit) {
        let raw = self.slice(s.span.start, s.span.end);
        if !s.kind.multiline {
            self.token(s.span.start, raw);
            return;
        }
        let level = self.begin(s.span.start) + 1;
        let text = match closing_indent(raw, s.kind) {
            Some(old) => reindent(raw, old, &"\t".repeat(level)),
            None => raw.to_string(),
        };
        self.p.text_lines(&text, level);
    }

    pub(crate) fn interpolation(&mut self, i: &Interpolation) {
        let level = self.begin(i.span.start) + 1;
        let last = i.parts.iter().rev().find_map(|p| match p {
            InterpolationPart::Text { span, .. } => Some(self.slice(span.start, span.end)),
            InterpolationPart::Expr(_) => None,
        });
        let old = last
            .filter(|_| i.kind.multiline)
            .and_then(|l| closing_indent(l, i.kind));
        let new = "\t".repeat(level);
        let outer = std::mem::replace(&mut self.in_interpolation, !i.kind.multiline);
        for part in &i.parts {
            match part {
                InterpolationPart::Text { span, .. } => {
                    let raw = self.slice(span.start, span.end);
                    self.comments_before(span.start);
                    match old {
                        Some(old) => self.p.text_lines(&reindent(raw, old, &new), level),
                        None => self.p.text_lines(raw, level),
                    }
                }
                InterpolationPart::Expr(e) => self.expr(e),
            }
        }
        self.in_interpolation = outer;
    }
}

/// The indentation before the closing quotes of a multi-line literal whose
/// last raw fragment is `last`, if it is whitespace on a line of its own.
fn closing_indent(last: &str, kind: StringKind) -> Option<&str> {
    let delimiter = 3 + kind.hashes as usize;
    let body = last.get(..last.len().checked_sub(delimiter)?)?;
    let line = &body[body.rfind('\n')? + 1..];
    line.bytes()
        .all(|b| b == b' ' || b == b'\t')
        .then_some(line)
}

/// Replaces the indentation `old` at the start of every line of a raw
/// fragment but its first (which continues the line before the fragment)
/// by `new`; a line that is nothing but `old` becomes empty.
///
/// Carriage returns written in a multi-line literal are not part of its
/// value, so they are left out (which also keeps the output stable).
fn reindent(raw: &str, old: &str, new: &str) -> String {
    let raw = raw.replace('\r', "");
    let mut out = String::with_capacity(raw.len());
    let lines: Vec<&str> = raw.split('\n').collect();
    let count = lines.len();
    for (i, line) in lines.into_iter().enumerate() {
        let last = i + 1 == count;
        if i > 0 {
            out.push('\n');
            match line.strip_prefix(old) {
                Some("") if !last => {}
                Some(rest) => {
                    out.push_str(new);
                    out.push_str(rest);
                }
                None => out.push_str(line),
            }
        } else {
            out.push_str(line);
        }
    }
    out
}
