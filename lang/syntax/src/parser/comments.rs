//! Doc comments: a field's doc comment is the block of whole-line
//! comments directly above it, with no blank line between. The parser
//! asks for it when it builds the field, from the comments lexed so far.

use crate::ast::{Comment, CommentRange};

/// The doc comment of a field starting at `start`: indices into
/// `comments` (which hold every comment before `start`, in order).
pub(super) fn doc_for(comments: &[Comment], src: &str, start: usize) -> Option<CommentRange> {
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
