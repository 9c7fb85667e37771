//! The output buffer: text, pending whitespace and indentation.
//!
//! Spaces and line breaks are not written when asked for but remembered
//! until the next text arrives, so that a comment can still slip in on the
//! current line and so that no line ever ends in whitespace.

/// The formatted text being built.
#[derive(Debug, Default)]
pub(crate) struct Printer {
    out: String,
    /// Line breaks to write before the next text: 0, 1 or 2 (a blank line).
    breaks: u8,
    /// One space to write before the next text, if it stays on this line.
    space: bool,
    /// The indentation level, in tabs, of the next line to start.
    pub indent: usize,
    /// The indentation level of the line being written.
    pub line_indent: usize,
}

impl Printer {
    /// The length of the output so far, in bytes.
    pub fn len(&self) -> usize {
        self.out.len()
    }

    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// Asks for a space before the next text (ignored at a line break).
    pub fn space(&mut self) {
        self.space = true;
    }

    /// Asks for a line break before the next text.
    pub fn newline(&mut self) {
        self.breaks = self.breaks.max(1);
    }

    /// Asks for a blank line before the next text.
    pub fn blank_line(&mut self) {
        self.breaks = 2;
    }

    /// Writes the pending whitespace.
    ///
    /// Rule 1: indentation is one tab per level, and no line ends in
    /// whitespace (trailing spaces are trimmed before every line break).
    pub fn flush(&mut self) {
        if self.breaks > 0 {
            if !self.out.is_empty() {
                self.trim_end();
                for _ in 0..self.breaks {
                    self.out.push('\n');
                }
            }
            for _ in 0..self.indent {
                self.out.push('\t');
            }
            self.line_indent = self.indent;
        } else if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push(' ');
        }
        self.breaks = 0;
        self.space = false;
    }

    /// Writes text after the pending whitespace.
    pub fn text(&mut self, text: &str) {
        self.flush();
        self.out.push_str(text);
    }

    /// Writes text that may span lines (a multi-line string); the lines
    /// after its first are at indentation `level`.
    pub fn text_lines(&mut self, text: &str, level: usize) {
        self.text(text);
        if text.contains('\n') {
            self.line_indent = level;
        }
    }

    /// Writes a comment at the end of the current line, one space after
    /// the code; pending line breaks stay pending and at least one follows.
    pub fn trailing_comment(&mut self, text: &str) {
        self.space = false;
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push(' ');
        }
        self.out.push_str(text);
        self.newline();
    }

    /// Writes a comment on a line of its own at the current indentation.
    pub fn own_line_comment(&mut self, text: &str) {
        self.newline();
        self.space = false;
        self.flush();
        self.out.push_str(text);
        self.newline();
    }

    /// Inserts spaces into the output: `(at, count)` puts `count` spaces
    /// at byte offset `at`. Offsets are those of the output before any
    /// insertion; only the output from the first offset on is rebuilt.
    pub fn insert_spaces(&mut self, pads: &mut [(usize, usize)]) {
        pads.sort_unstable();
        let Some(&(first, _)) = pads.first() else {
            return;
        };
        if first > self.out.len() || !self.out.is_char_boundary(first) {
            return;
        }
        let tail = self.out.split_off(first);
        let mut copied = first;
        for &(at, count) in pads.iter() {
            match tail.get(copied - first..at.saturating_sub(first)) {
                Some(piece) if at >= copied => {
                    self.out.push_str(piece);
                    copied = at;
                    self.out.extend(std::iter::repeat_n(' ', count));
                }
                _ => {}
            }
        }
        self.out.push_str(tail.get(copied - first..).unwrap_or(""));
    }

    fn trim_end(&mut self) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(kept);
    }

    /// The finished text: rule 1, it ends with exactly one newline, and an
    /// empty file formats to an empty string.
    pub fn finish(mut self) -> String {
        self.trim_end();
        let kept = self.out.trim_end_matches(['\n', ' ', '\t']).len();
        self.out.truncate(kept);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}
