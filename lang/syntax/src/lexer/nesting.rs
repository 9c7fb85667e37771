//! The nesting guard: input nested deeper than [`MAX_NESTING`] is refused
//! with a diagnostic, so that no later stage can overflow its stack.

use super::Lexer;
use crate::token::Tok;

/// How deeply expressions and structs may nest. Every open bracket counts
/// one level, and so does every operator, selector, call, index and label
/// colon still open in an element (commas end elements).
pub const MAX_NESTING: usize = 1000;

impl Lexer<'_> {
    /// Applies the nesting guard to a token; returns false when the limit
    /// is exceeded. (Inlined into the per-token path: a call cost more
    /// than the counting.)
    #[inline(always)]
    pub(super) fn track_nesting(&mut self, tok: &Tok, start: usize, postfix: bool) -> bool {
        match tok {
            Tok::Comma => {
                if let Some(level) = self.levels.last_mut() {
                    self.depth -= *level;
                    *level = 0;
                }
            }
            // The bracket itself counts one level for as long as it is
            // open; its elements' operators count in its own level, which
            // a comma resets.
            Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::InterpStart(_) => {
                // A call or index (`f(`, `x[`) also nests the tree at the
                // outer level.
                if postfix {
                    self.depth += 1;
                    if let Some(level) = self.levels.last_mut() {
                        *level += 1;
                    }
                }
                self.depth += 1;
                self.levels.push(0);
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::InterpEnd => {
                if self.levels.len() > 1 {
                    let level = self.levels.pop().unwrap_or(0);
                    self.depth -= level + 1;
                }
            }
            tok if tok.is_operand() => {}
            _ => {
                self.depth += 1;
                if let Some(level) = self.levels.last_mut() {
                    *level += 1;
                }
            }
        }
        if self.depth > MAX_NESTING {
            self.too_deep(start);
            return false;
        }
        true
    }

    #[cold]
    fn too_deep(&mut self, start: usize) {
        self.error(
            "too-deep",
            start,
            start,
            format!("input nested too deeply (the limit is {MAX_NESTING} levels)"),
        );
        self.too_deep_at = Some(start);
    }
}
