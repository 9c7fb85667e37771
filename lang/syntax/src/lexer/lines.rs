//! Line ends: automatic comma insertion, single-line interpolations cut
//! by a line break, operators that continue an expression onto the next
//! line, and looking ahead on a line.

use super::{Lexer, SpannedTok};
use crate::token::Tok;

impl Lexer<'_> {
    /// A newline: inserts a comma where the line ended an element; closes
    /// a single-line string's interpolation that a line break cut (only
    /// where the line ended a complete operand: after `\\(` or an operator
    /// a newline is plain white space); otherwise white space.
    pub(super) fn newline(&mut self, start: usize, end: usize) -> Option<SpannedTok> {
        if self.comma_pending && self.open_single_line_interpolation() {
            // When the next line goes on with the `)`, the line break
            // itself is the typo: report it and read on.
            if self.next_char_is(end, b')') {
                self.error(
                    "unterminated-string",
                    start,
                    start,
                    "line break inside a string interpolation: a single-line string must end on its line",
                );
                self.comma_pending = false;
                return None;
            }
            return Some(self.cut_interpolation(start));
        }
        // An inserted comma is zero-width, at the newline; none is inserted
        // before a line that starts with `,` or `:` (so comma-first JSON
        // reads as written).
        if self.comma_pending && !self.next_line_continues(end) {
            self.comma_pending = false;
            self.track_nesting(&Tok::Comma, start, false);
            self.label_position = true;
            return Some((start, Tok::Comma, start));
        }
        if let Some(op) = self.last_operator() {
            self.continued_by = Some(op);
        }
        None
    }

    /// Closes an interpolation cut by a line break: an error, an
    /// interpolation end and the comma the line break inserts.
    pub(super) fn cut_interpolation(&mut self, start: usize) -> SpannedTok {
        self.interpolations.pop();
        self.pop_interpolation_bracket();
        // A string opened inside the interpolation and left unterminated
        // on this line is the same typo: report once, where it starts.
        let line_start = self.src[..start].rfind('\n').map_or(0, |n| n + 1);
        let mut at = start;
        if let Some(d) = self.diagnostics.last() {
            if d.code == "unterminated-string" && d.span().start as usize >= line_start {
                at = d.span().start as usize;
                self.diagnostics.pop();
            }
        }
        self.error(
            "unterminated-string",
            at,
            start,
            "string interpolation not terminated: missing `)`",
        );
        self.track_nesting(&Tok::InterpEnd, start, false);
        self.queued.push_back((start, Tok::Comma, start));
        self.track_nesting(&Tok::Comma, start, false);
        self.label_position = true;
        self.comma_pending = false;
        (start, Tok::InterpEnd, start)
    }

    /// Remembers the token, so that an operator at the end of a line is
    /// known for the message of an error on the next line.
    #[inline]
    pub(super) fn note_continuation(&mut self, tok: &Tok, start: usize) {
        if let Some((op_start, op)) = self.continued_by.take() {
            self.continuations.push((start, op_start, op));
        }
        self.last_token = Some((start, *tok));
    }

    /// The previous token, when it was an operator or `.` (its offset and
    /// text): a newline after it continues the expression.
    fn last_operator(&self) -> Option<(usize, &'static str)> {
        let (start, tok) = self.last_token?;
        matches!(
            tok,
            Tok::Dot
                | Tok::Or
                | Tok::And
                | Tok::LogicalOr
                | Tok::LogicalAnd
                | Tok::Eq
                | Tok::Ne
                | Tok::Lt
                | Tok::Le
                | Tok::Gt
                | Tok::Ge
                | Tok::Match
                | Tok::NotMatch
                | Tok::Plus
                | Tok::Minus
                | Tok::Star
                | Tok::Slash
                | Tok::Bang
        )
        .then(|| (start, tok.text()))
    }

    /// Whether the next token after `pos` (skipping blanks and newlines)
    /// is `,` or `:`.
    pub(super) fn next_line_continues(&self, pos: usize) -> bool {
        self.src.as_bytes()[pos..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b',' || b == b':')
    }

    /// Whether the first non-blank byte after `pos` is `byte`.
    pub(super) fn next_char_is(&self, pos: usize, byte: u8) -> bool {
        self.src.as_bytes()[pos..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == byte)
    }

    /// Where `:` follows `pos` on the same line (after blanks).
    pub(super) fn colon_after(&self, pos: usize) -> Option<usize> {
        let blanks = self.src.as_bytes()[pos..]
            .iter()
            .position(|&b| b != b' ' && b != b'\t')?;
        (self.src.as_bytes()[pos + blanks] == b':').then_some(pos + blanks)
    }
}
