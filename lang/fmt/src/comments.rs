//! Interleaving comments with code.
//!
//! Comments are not tree nodes: they sit in [`File::comments`] in source
//! order, and a cursor walks them as the code is printed. Before any token
//! that has a source position is written, every comment that starts before
//! that position is printed, so each comment comes out exactly once and in
//! source order relative to the code.
//!
//! Rule 9: a comment keeps its text (trailing whitespace trimmed). One that
//! stood alone on its line is printed on a line of its own at the current
//! indentation; one that followed code on its line stays on the line of
//! that code, one space after it. A line comment always ends its line, and
//! the code printed before it is the code that preceded it in the source,
//! so the newline that follows it ends an element (inserts a comma)
//! exactly when the source's newline did.
//!
//! [`File::comments`]: tenon_syntax::ast::File::comments

use crate::Formatter;
use tenon_syntax::ast::Comment;

/// A cursor over the comments of a file.
#[derive(Debug)]
pub(crate) struct Comments<'a> {
    src: &'a str,
    list: &'a [Comment],
    next: usize,
}

impl<'a> Comments<'a> {
    pub fn new(src: &'a str, list: &'a [Comment]) -> Comments<'a> {
        Comments { src, list, next: 0 }
    }

    /// The next comment not yet printed, if it starts before `pos`.
    pub fn peek_before(&self, pos: u32) -> Option<&'a Comment> {
        self.list.get(self.next).filter(|c| c.span.start < pos)
    }

    /// Marks the comment returned by [`Self::peek_before`] as printed.
    pub fn advance(&mut self) {
        self.next += 1;
    }

    /// Whether the comment was the first thing on its source line.
    pub fn own_line(&self, comment: &Comment) -> bool {
        let start = comment.span.start as usize;
        let before = self.src.get(..start).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        before[line_start..]
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\x0c'))
    }

    /// Whether any comment of the file starts in `lo..hi`.
    pub fn any_in(&self, lo: u32, hi: u32) -> bool {
        let first = self.list.partition_point(|c| c.span.start < lo);
        self.list.get(first).is_some_and(|c| c.span.start < hi)
    }
}

/// A comment's text as printed: verbatim but for trailing whitespace.
pub(crate) fn text(comment: &Comment) -> &str {
    comment.text.trim_end()
}

impl Formatter<'_> {
    /// Prints every comment that starts before `pos`, each on its own line
    /// or at the end of the current one as it stood in the source.
    pub(crate) fn comments_before(&mut self, pos: u32) {
        while let Some(c) = self.c.peek_before(pos) {
            self.c.advance();
            if self.c.own_line(c) {
                self.p.own_line_comment(text(c));
                // Blocks keep blank lines themselves (rule 4); inside an
                // interpolation, where blocks stay on one line, a blank
                // line after a comment is kept here, so that the comment
                // does not become the doc comment of what follows.
                let next = self.c.peek_before(pos).map_or(pos, |n| n.span.start);
                if self.in_interpolation && self.blank_between(c.span.end, next) {
                    self.p.blank_line();
                }
            } else {
                self.p.trailing_comment(text(c));
            }
        }
    }

    /// Prints the comments before `pos` that follow code on their line.
    pub(crate) fn trailing_before(&mut self, pos: u32) {
        while let Some(c) = self.c.peek_before(pos) {
            if self.c.own_line(c) {
                break;
            }
            self.c.advance();
            self.p.trailing_comment(text(c));
        }
    }

    /// Prints the comments before `pos`, then `text`: a token that starts
    /// at `pos` in the source.
    pub(crate) fn token(&mut self, pos: u32, text: &str) {
        self.comments_before(pos);
        self.p.text(text);
    }

    /// Prints the comments before `pos` and the pending whitespace, so that
    /// the next text starts the construct at `pos`; returns the indentation
    /// level of the line it starts on.
    pub(crate) fn begin(&mut self, pos: u32) -> usize {
        self.comments_before(pos);
        self.p.flush();
        self.p.line_indent
    }
}
