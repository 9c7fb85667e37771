//! Layout decisions: what the source layout asks for (one line or many,
//! blank lines, line breaks in expressions) and the alignment of field
//! values. Every decision reads only where things start in the source,
//! and the output puts them in the same relative place, so reformatting
//! the output decides the same way.

use crate::printer::Printer;
use crate::Formatter;
use tenon_syntax::ast::Span;

impl Formatter<'_> {
    /// Whether a line break lies between source offsets `from` and `to`.
    pub(crate) fn breaks_between(&self, from: u32, to: u32) -> bool {
        self.slice(from, to).contains('\n')
    }

    /// Rule 4: whether the source has at least one blank line between
    /// offsets `from` and `to` (nothing but whitespace and commas lies
    /// there, so two line breaks mean an empty line).
    pub(crate) fn blank_between(&self, from: u32, to: u32) -> bool {
        self.slice(from, to).bytes().filter(|&b| b == b'\n').count() >= 2
    }

    /// Rule 3: a bracketed block (struct, list, call arguments, import
    /// group) is printed on one line when every element starts on the same
    /// source line as the opening bracket at `open` and no comment lies
    /// directly inside the brackets, that is between `open` and `close`
    /// but outside every element (a comment inside an element is that
    /// element's business, so `[{` … `}]` keeps its shape). `elements` are
    /// the elements' spans, in order.
    ///
    /// Inside a single-line string's interpolation every block is printed
    /// on one line: there a line break after an element is an error, so
    /// the source can only have broken lines where the one-line form does
    /// too (after an operator, an opening bracket, a comma or a comment).
    pub(crate) fn single_line(&self, open: u32, elements: &[Span], close: u32) -> bool {
        if self.in_interpolation {
            return true;
        }
        let starts_on_open_line = elements
            .last()
            .is_none_or(|last| !self.breaks_between(open, last.start));
        if !starts_on_open_line {
            return false;
        }
        // The gaps around and between the elements.
        let mut from = open.saturating_add(1);
        for element in elements {
            if self.c.any_in(from, element.start) {
                return false;
            }
            from = from.max(element.end);
        }
        !self.c.any_in(from, close)
    }

    /// Rule 7: a binary expression breaks after its operator when the right
    /// operand starts on a later source line than the operator.
    pub(crate) fn breaks_after_operator(&self, op_end: u32, rhs_start: u32) -> bool {
        self.breaks_between(op_end, rhs_start)
    }
}

/// One field that may join a run of aligned values.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Output offset just after the field's first `:`.
    colon: usize,
    /// Printed width of the label before it, in characters.
    width: usize,
}

/// Rule 5: in a multi-line struct, a run of consecutive fields each printed
/// on a single line aligns its values: after the first label's `:` spaces
/// are inserted so that every value of the run starts in the same column.
/// The width of a label is its printed text (alias and `?`/`!` included)
/// in characters; in a field chain `a: b: 1` only the first `:` counts. A
/// blank line, an own-line comment, a field printed on several lines or
/// any other declaration ends the run.
///
/// The block records every field as it prints it; the padding is inserted
/// in one pass when the block is complete.
#[derive(Debug, Default)]
pub(crate) struct Aligner {
    run: Vec<Entry>,
    pads: Vec<(usize, usize)>,
}

impl Aligner {
    /// Ends the current run.
    pub fn break_run(&mut self) {
        let widest = self.run.iter().map(|e| e.width).max().unwrap_or(0);
        for e in self.run.drain(..) {
            if e.width < widest {
                self.pads.push((e.colon, widest - e.width));
            }
        }
    }

    /// Records a printed item: the output from `start` to `end` (its text
    /// and trailing comments), `colon` the offset after its first `:` if
    /// it is a field.
    pub fn item(&mut self, out: &str, start: usize, end: usize, colon: Option<usize>) {
        let one_line = out.get(start..end).is_some_and(|t| !t.contains('\n'));
        match colon {
            Some(colon) if one_line && colon > start => {
                let label = out.get(start..colon - 1).unwrap_or("");
                self.run.push(Entry {
                    colon,
                    width: label.chars().count(),
                });
            }
            _ => self.break_run(),
        }
    }

    /// Inserts the padding of every run into the output.
    pub fn apply(mut self, p: &mut Printer) {
        self.break_run();
        p.insert_spaces(&mut self.pads);
    }
}
