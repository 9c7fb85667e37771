//! Matching brackets as they are read, and repairing a wrong or missing
//! closer so that one typo gives one error.

use super::Lexer;
use crate::token::Tok;
use tenon_diagnostics::Diagnostic;

impl Lexer<'_> {
    /// Keeps the stack of open brackets (interpolations included) in step
    /// with a token; `None` when a stray closer is dropped.
    #[inline]
    pub(super) fn track_brackets(&mut self, tok: Tok, start: usize, end: usize) -> Option<Tok> {
        match tok {
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                self.open_brackets.push((start, tok.text()));
                Some(tok)
            }
            Tok::InterpStart(_) => {
                self.open_interpolation_bracket(end);
                Some(tok)
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace => self.close_bracket(tok, start, end),
            Tok::InterpMid => {
                self.pop_interpolation_bracket();
                self.open_interpolation_bracket(end);
                Some(tok)
            }
            Tok::InterpEnd => {
                self.pop_interpolation_bracket();
                Some(tok)
            }
            tok => Some(tok),
        }
    }

    /// Records the `\\(` (or `\\#(`) that ends at `end`.
    pub(super) fn open_interpolation_bracket(&mut self, end: usize) {
        let hashes = self.src[..end - 1]
            .bytes()
            .rev()
            .take_while(|&b| b == b'#')
            .count();
        self.open_brackets.push((end - 2 - hashes, "\\("));
    }

    /// Whether `closer` follows later on the line, outside strings and
    /// before a comment; only a short stretch is looked at, so that many
    /// stray closers cannot make lexing quadratic.
    pub(super) fn closer_follows_on_line(&self, from: usize, closer: &str) -> bool {
        const LOOK_AHEAD: usize = 256;
        let want = closer.as_bytes().first().copied().unwrap_or(b' ');
        let bytes = &self.src.as_bytes()[from..];
        let mut in_string: Option<u8> = None;
        let mut i = 0;
        while i < bytes.len().min(LOOK_AHEAD) {
            let b = bytes[i];
            match in_string {
                Some(_) if b == b'\\' => i += 1,
                Some(q) if b == q => in_string = None,
                Some(_) => {}
                None if b == b'\n' => return false,
                None if b == b'/' && bytes.get(i + 1) == Some(&b'/') => return false,
                None if b == b'"' || b == b'\'' => in_string = Some(b),
                None if b == want => return true,
                None => {}
            }
            i += 1;
        }
        false
    }

    /// A closing bracket. When it does not match the innermost open
    /// bracket, the lexer repairs the token stream so that one typo gives
    /// one error: if it closes an outer bracket, the inner ones get the
    /// closers they miss; if the expected closer follows later on the same
    /// line, the stray one is dropped; otherwise it is read as the closer
    /// the innermost bracket expects. (Interpolations are never closed
    /// this way.) `None`: the token is dropped.
    pub(super) fn close_bracket(&mut self, tok: Tok, start: usize, end: usize) -> Option<Tok> {
        let text = tok.text();
        let opener_of = |close: &str| match close {
            ")" => "(",
            "]" => "[",
            _ => "{",
        };
        let closer = |open: &str| match open {
            "(" => ")",
            "[" => "]",
            "{" => "}",
            _ => "",
        };
        let Some(&(open_at, open)) = self.open_brackets.last() else {
            return Some(tok);
        };
        if closer(open) == text {
            self.open_brackets.pop();
            return Some(tok);
        }
        if open == "\\(" {
            return Some(tok);
        }
        let outer = self
            .open_brackets
            .iter()
            .rev()
            .take_while(|(_, o)| *o != "\\(")
            .position(|(_, o)| closer(o) == text);
        match outer {
            Some(missing) => {
                for _ in 0..missing {
                    let Some((at, open)) = self.open_brackets.pop() else {
                        break;
                    };
                    let want = closer(open);
                    let span = self.span(start, start);
                    let opener = self.span(at, at + open.len());
                    self.diagnostics.push(
                        Diagnostic::error(
                            "unclosed-bracket",
                            span,
                            format!("missing `{want}` before `{text}`"),
                        )
                        .with_primary_message(format!("`{want}` expected here"))
                        .with_label(opener, format!("this `{open}` is not closed")),
                    );
                    if !self.emit(closer_token(want), start, start) {
                        return Some(tok);
                    }
                }
                self.open_brackets.pop();
                Some(tok)
            }
            None => {
                let want = closer(open);
                if self.closer_follows_on_line(end, want) {
                    let span = self.span(start, end);
                    self.diagnostics.push(Diagnostic::error(
                        "unexpected-token",
                        span,
                        format!(
                            "unexpected `{text}`: no `{open_of}` is open here",
                            open_of = opener_of(text)
                        ),
                    ));
                    return None;
                }
                let span = self.span(start, end);
                let opener = self.span(open_at, open_at + open.len());
                self.diagnostics.push(
                    Diagnostic::error(
                        "mismatched-bracket",
                        span,
                        format!("`{text}` does not close `{open}`: expected `{want}`"),
                    )
                    .with_label(
                        opener,
                        format!("this `{open}` is the innermost open bracket"),
                    ),
                );
                self.open_brackets.pop();
                Some(closer_token(want))
            }
        }
    }

    /// Whether the innermost open bracket is a struct's (or none is open):
    /// only there does a declaration start.
    pub(super) fn in_struct(&self) -> bool {
        self.open_brackets
            .last()
            .is_none_or(|&(_, open)| open == "{")
    }
}

/// The token of a closing bracket's text.
fn closer_token(text: &str) -> Tok {
    match text {
        ")" => Tok::RParen,
        "]" => Tok::RBracket,
        _ => Tok::RBrace,
    }
}
