//! Doc comments: a field's doc comment is the block of whole-line
//! comments directly above it, with no blank line between. The lexer
//! looks for one when it reads the first token after a comment (only that
//! token can start a documented field) and notes the block with the
//! token's start; the parser, building a field, looks its start up
//! instead of scanning back through the source for every field.

use crate::ast::{Comment, CommentRange};

/// The comments lexed so far and the doc comment blocks among them;
/// shared by the lexer, which adds them, and the parser, which reads doc
/// comments while building fields.
#[derive(Debug, Default)]
pub(crate) struct LexedComments {
    /// Every comment, in source order.
    pub(crate) all: Vec<Comment>,
    /// The start of each token that a doc comment block directly
    /// precedes, with the block; in source order.
    docs: Vec<(usize, CommentRange)>,
}

impl LexedComments {
    /// Notes the doc comment block (if any) of a token starting at
    /// `start`: the first token read after a comment.
    pub(crate) fn note_doc(&mut self, src: &str, start: usize) {
        if let Some(range) = doc_for(&self.all, src, start) {
            self.docs.push((start, range));
        }
    }

    /// The doc comment of a field starting at `start`.
    pub(crate) fn doc_at(&self, start: usize) -> Option<CommentRange> {
        // A field is built while the lexer is at most a few tokens
        // further, so the last block noted is usually before the field
        // (then there is none) or the field's own.
        match self.docs.last() {
            None => None,
            Some(&(at, range)) if at == start => Some(range),
            Some(&(at, _)) if at < start => None,
            Some(_) => self
                .docs
                .binary_search_by_key(&start, |&(at, _)| at)
                .ok()
                .map(|i| self.docs[i].1),
        }
    }
}

/// The doc comment of a field starting at `start`: indices into
/// `comments` (which hold every comment before `start`, in order).
fn doc_for(comments: &[Comment], src: &str, start: usize) -> Option<CommentRange> {
    // Only a field that starts its line can have a doc comment.
    let bytes = src.as_bytes();
    let newline = bytes[..start]
        .iter()
        .rposition(|&b| b != b' ' && b != b'\t')?;
    if bytes[newline] != b'\n' || comments.is_empty() {
        return None;
    }
    // Most fields are built before any comment after their start has
    // been lexed: then the last comment is the candidate, without a search.
    let end = match comments.last() {
        Some(last) if (last.span.end as usize) <= start => comments.len(),
        _ => comments.partition_point(|c| (c.span.end as usize) <= start),
    };
    // The blanks between `newline` and `start` hold no newline.
    let line_start = newline + 1;
    if end == 0 || !next_line(src, comments[end - 1].span.end as usize, line_start) {
        return None;
    }
    let mut first = end;
    let mut anchor = start;
    while first > 0 {
        let candidate = &comments[first - 1];
        if !next_line(src, candidate.span.end as usize, anchor) || !own_line(src, candidate) {
            break;
        }
        first -= 1;
        anchor = candidate.span.start as usize;
    }
    (first < end).then_some(CommentRange {
        start: first as u32,
        end: end as u32,
    })
}

/// Whether the comment is the first thing on its line.
fn own_line(src: &str, comment: &Comment) -> bool {
    let start = comment.span.start as usize;
    let line_start = src[..start].rfind('\n').map_or(0, |n| n + 1);
    src[line_start..start]
        .bytes()
        .all(|b| b == b' ' || b == b'\t' || b == b'\r')
}

/// Whether `to` is on the line right after the one that ends at `from`:
/// only whitespace with exactly one newline between them. Scans backwards
/// from `to`, so the cost is the whitespace, not the gap.
fn next_line(src: &str, from: usize, to: usize) -> bool {
    let bytes = src.as_bytes();
    let mut newlines = 0;
    for &b in bytes[from.min(to)..to].iter().rev() {
        match b {
            b'\n' => {
                newlines += 1;
                if newlines > 1 {
                    return false;
                }
            }
            b' ' | b'\t' | b'\r' => {}
            _ => return false,
        }
    }
    newlines == 1
}
