//! Tokens that need more than their logos pattern: identifiers, bad
//! numbers, string openers, parentheses (which may close an
//! interpolation), comments, invalid characters and the end of input.

use super::raw::Raw;
use super::{Lexer, SpannedTok};
use crate::ast::{Comment, StringKind};
use crate::token::Tok;
use tenon_diagnostics::Span;

impl Lexer<'_> {
    /// At the end of input: an interpolation still open is an error at
    /// its `\(`; a pending comma is inserted.
    pub(super) fn end_of_input(&mut self) -> Option<SpannedTok> {
        self.done = true;
        let end = self.src.len();
        if let Some(open) = self.interpolations.last() {
            let what = if open.kind.bytes { "bytes" } else { "string" };
            let at = self
                .open_brackets
                .iter()
                .rev()
                .find(|(_, b)| *b == "\\(")
                .map_or(end, |&(at, _)| at);
            self.error(
                "unterminated-string",
                at,
                end,
                format!("{what} interpolation not terminated: missing `)`"),
            );
        }
        std::mem::take(&mut self.comma_pending).then_some((end, Tok::Comma, end))
    }

    /// A character no token starts with; a run of them is one error.
    pub(super) fn invalid_character(&mut self, start: usize) {
        let ch = self.src[start..].chars().next().unwrap_or('\u{fffd}');
        let ch_end = start + ch.len_utf8();
        match self.diagnostics.last_mut() {
            Some(d) if d.code == "invalid-character" && d.span().end as usize == start => {
                let first = d.span().start as usize;
                d.primary.span = Span::new(self.file, first, ch_end);
                let count = self.src[first..ch_end].chars().count();
                let lead = self.src[first..].chars().next().unwrap_or(ch);
                d.message = format!("{count} invalid characters, starting with {lead:?}");
            }
            _ => self.error(
                "invalid-character",
                start,
                ch_end,
                format!("invalid character {ch:?}"),
            ),
        }
        // The bad character most likely stood for a token that ends its
        // line's element; keep the next line a new element.
        self.comma_pending = true;
    }

    pub(super) fn comment(&mut self, start: usize, end: usize) {
        let comment = Comment {
            text: self.src[start..end].trim_end().to_string(),
            span: self.span(start, end),
        };
        self.comments.borrow_mut().all.push(comment);
        self.after_comment = true;
    }

    /// An identifier; one that starts a declaration and is followed by
    /// `:` is a label token, which takes the colon in.
    #[inline]
    pub(super) fn ident(&mut self, start: usize, end: usize) -> Tok {
        if self.src[start..end].starts_with("__") {
            self.error(
                "reserved-identifier",
                start,
                end,
                "identifiers starting with `__` are reserved",
            );
        }
        if self.label_position && self.in_struct() {
            if let Some(colon) = self.colon_after(end) {
                self.label_colon = colon;
                self.inner.bump(colon + 1 - end);
                return Tok::LabelIdent;
            }
        }
        Tok::Ident
    }

    /// Something that starts like a number but is not one: reported, then
    /// read as the number it most resembles.
    pub(super) fn bad_number(&mut self, start: usize, end: usize) -> Tok {
        let text = &self.src[start..end];
        let float =
            !text.starts_with("0x") && !text.starts_with("0X") && text.contains(['.', 'e', 'E']);
        self.error(
            "invalid-number",
            start,
            end,
            format!("invalid number literal `{text}`"),
        );
        if float {
            Tok::Float
        } else {
            Tok::Int
        }
    }

    /// The opening quotes of a string or bytes literal.
    pub(super) fn string_start(&mut self, raw: Raw, start: usize, end: usize) -> Tok {
        let hashes = self.src[start..end]
            .bytes()
            .take_while(|&b| b == b'#')
            .count();
        let hashes = u16::try_from(hashes).unwrap_or_else(|_| {
            self.error(
                "too-many-hashes",
                start,
                start + hashes,
                format!(
                    "a string is opened with {hashes} `#`: at most {} are allowed",
                    u16::MAX
                ),
            );
            u16::MAX
        });
        let kind = StringKind {
            bytes: matches!(raw, Raw::Apostrophe | Raw::TripleApostrophe),
            multiline: matches!(raw, Raw::TripleQuote | Raw::TripleApostrophe),
            hashes,
        };
        self.string_rest(start, end, kind, true)
    }

    #[inline]
    pub(super) fn left_paren(&mut self) -> Tok {
        if let Some(open) = self.interpolations.last_mut() {
            open.parens += 1;
        }
        Tok::LParen
    }

    /// `)`: closes a parenthesis, or the innermost interpolation.
    #[inline]
    pub(super) fn right_paren(&mut self, start: usize, end: usize) -> Tok {
        match self.interpolations.last_mut() {
            Some(open) if open.parens == 0 => {
                let kind = open.kind;
                self.string_rest(start, end, kind, false)
            }
            Some(open) => {
                open.parens -= 1;
                Tok::RParen
            }
            None => Tok::RParen,
        }
    }
}
