//! String, bytes and attribute bodies: scanned by hand, because an
//! interpolation `\\(…)` returns to ordinary tokens in the middle of a
//! string and may nest to any depth.

use super::Lexer;
use crate::ast::StringKind;
use crate::token::Tok;

/// An open interpolation: which string it belongs to and how many
/// parentheses are open inside it.
#[derive(Debug)]
pub(super) struct OpenInterpolation {
    pub(super) kind: StringKind,
    pub(super) parens: u32,
    /// Where the string opened.
    pub(super) start: usize,
}

/// How a string body ended.
enum BodyEnd {
    /// At the closing quotes; the offset is just past them.
    Closed(usize),
    /// At `\(`; the offset is just past the parenthesis.
    Interpolation(usize),
    /// At a newline or the end of input, without closing quotes.
    Unterminated(usize),
}

impl Lexer<'_> {
    /// Scans a string body starting at `pos` (just after an opening quote or
    /// an interpolation's closing parenthesis).
    fn scan_body(&self, pos: usize, kind: StringKind) -> BodyEnd {
        let bytes = self.src.as_bytes();
        let quote = if kind.bytes { b'\'' } else { b'"' };
        let hashes = kind.hashes as usize;
        let quotes = if kind.multiline { 3 } else { 1 };
        let mut i = pos;
        while i < bytes.len() {
            match bytes[i] {
                b'\\'
                    if bytes[i + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&b| b == b'#')
                        .count()
                        == hashes =>
                {
                    let after = i + 1 + hashes;
                    match bytes.get(after) {
                        Some(b'(') => return BodyEnd::Interpolation(after + 1),
                        // An escaped newline is not a line break of the
                        // literal; leave it to the decoder to report.
                        Some(b'\n') if !kind.multiline => return BodyEnd::Unterminated(after),
                        Some(_) => i = after + 1,
                        None => return BodyEnd::Unterminated(bytes.len()),
                    }
                }
                b'\n' if !kind.multiline => return BodyEnd::Unterminated(i),
                b if b == quote => {
                    let run = bytes[i..]
                        .iter()
                        .take(quotes)
                        .filter(|&&b| b == quote)
                        .count();
                    let closing = run == quotes
                        && bytes[i + quotes..]
                            .iter()
                            .take(hashes)
                            .filter(|&&b| b == b'#')
                            .count()
                            == hashes;
                    if closing {
                        return BodyEnd::Closed(i + quotes + hashes);
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        BodyEnd::Unterminated(bytes.len())
    }

    /// Lexes the rest of a string whose body starts at `body`; `start` is
    /// where the token began. Moves the inner lexer past what it consumed.
    pub(super) fn string_rest(
        &mut self,
        start: usize,
        body: usize,
        kind: StringKind,
        first: bool,
    ) -> Tok {
        let end = match self.scan_body(body, kind) {
            BodyEnd::Closed(end) => {
                if !first {
                    self.interpolations.pop();
                }
                self.bump_to(end);
                return if first {
                    Tok::String(kind)
                } else {
                    Tok::InterpEnd
                };
            }
            BodyEnd::Interpolation(end) => {
                if first {
                    self.interpolations.push(OpenInterpolation {
                        kind,
                        parens: 0,
                        start,
                    });
                }
                self.bump_to(end);
                return if first {
                    Tok::InterpStart(kind)
                } else {
                    Tok::InterpMid
                };
            }
            BodyEnd::Unterminated(end) => end,
        };
        let what = if kind.bytes { "bytes" } else { "string" };
        // Point at the opening quotes, also from a later part.
        let opened = match self.interpolations.last() {
            Some(open) if !first => open.start,
            _ => start,
        };
        self.error(
            "unterminated-string",
            opened,
            end,
            format!("{what} literal not terminated"),
        );
        if !first {
            self.interpolations.pop();
        }
        self.bump_to(end);
        if first {
            Tok::String(kind)
        } else {
            Tok::InterpEnd
        }
    }

    /// Closes the innermost interpolation's `\(` and any bracket left
    /// open inside it.
    pub(super) fn pop_interpolation_bracket(&mut self) {
        while let Some((_, open)) = self.open_brackets.pop() {
            if open == "\\(" {
                break;
            }
        }
    }

    pub(super) fn open_single_line_interpolation(&self) -> bool {
        self.interpolations
            .last()
            .is_some_and(|open| !open.kind.multiline)
    }

    pub(super) fn bump_to(&mut self, end: usize) {
        let current = self.inner.span().end;
        if end > current {
            self.inner.bump(end - current);
        }
    }

    /// Reads an attribute's parenthesised body after `@name`.
    pub(super) fn attribute_rest(&mut self, start: usize) {
        let bytes = self.src.as_bytes();
        // Blanks may stand between the name and `(`: `@go (Name)`.
        let name_end = self.inner.span().end;
        let name_end = name_end
            + bytes[name_end..]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
        if bytes.get(name_end) != Some(&b'(') {
            self.error(
                "attribute-syntax",
                start,
                name_end,
                "attribute must be followed by `(`",
            );
            return;
        }
        let mut depth = 0usize;
        let mut i = name_end;
        let mut in_string: Option<u8> = None;
        while i < bytes.len() {
            let b = bytes[i];
            match in_string {
                Some(q) => {
                    if b == b'\\' {
                        i += 1;
                    } else if b == q || b == b'\n' {
                        in_string = None;
                    }
                }
                None => match b {
                    b'"' | b'\'' => in_string = Some(b),
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            self.bump_to(i + 1);
                            return;
                        }
                    }
                    _ => {}
                },
            }
            i += 1;
        }
        self.error(
            "attribute-syntax",
            start,
            bytes.len(),
            "attribute not terminated: missing `)`",
        );
        self.bump_to(bytes.len());
    }
}
