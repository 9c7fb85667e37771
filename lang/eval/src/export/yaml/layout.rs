//! The output position of the YAML writer: column, indentation and the
//! whitespace flags that go-yaml v3's emitter keeps, with its rules for
//! line breaks, padding and indicators (best indent 2, no line width).
//!
//! Columns are counted in bytes: they are only compared with the
//! indentation right after indicators and padding (ASCII), since any
//! scalar text clears `indention` and so forces the next line break.

/// The indentation step (CUE sets `SetIndent(2)`).
pub(super) const INDENT: i32 = 2;

#[derive(Debug)]
pub(super) struct Layout {
    pub(super) out: String,
    column: usize,
    /// The last thing written was whitespace (or nothing).
    whitespace: bool,
    /// Only indentation and indicators are on the current line.
    indention: bool,
    /// The indentation of the current node; -1 before the root.
    indent: i32,
    indents: Vec<i32>,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            out: String::new(),
            column: 0,
            whitespace: true,
            indention: true,
            indent: -1,
            indents: Vec::new(),
        }
    }
}

impl Layout {
    /// The state at the start of a document (a fresh encoder in CUE).
    pub(super) fn start_document(&mut self) {
        self.column = 0;
        self.whitespace = true;
        self.indention = true;
        self.indent = -1;
        self.indents.clear();
    }

    pub(super) fn indent(&self) -> usize {
        self.indent.max(0) as usize
    }

    /// Enters a node: block collections start at column 0 at the root,
    /// scalars (`flow`) at 2; everything else is 2 deeper than its parent.
    pub(super) fn increase_indent(&mut self, flow: bool) {
        self.indents.push(self.indent);
        self.indent = if self.indent < 0 {
            if flow {
                INDENT
            } else {
                0
            }
        } else {
            self.indent + INDENT
        };
    }

    pub(super) fn decrease_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    pub(super) fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
        self.indention = true;
    }

    /// Moves to the indentation of the current node, on a new line unless
    /// only indicators precede it on this one.
    pub(super) fn write_indent(&mut self) {
        let indent = self.indent();
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.out.push(' ');
            self.column += 1;
        }
        self.whitespace = true;
    }

    pub(super) fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.out.push(' ');
            self.column += 1;
        }
        self.out.push_str(indicator);
        self.column += indicator.len();
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    /// Writes a tag handle and suffix (`!!binary`).
    pub(super) fn write_tag(&mut self, tag: &str) {
        if !self.whitespace {
            self.out.push(' ');
            self.column += 1;
        }
        self.out.push_str(tag);
        self.column += tag.len();
        self.whitespace = false;
        self.indention = false;
    }

    /// A space before a scalar unless one is already there.
    pub(super) fn space(&mut self) {
        if !self.whitespace {
            self.out.push(' ');
            self.column += 1;
        }
    }

    /// Writes scalar text without line breaks.
    pub(super) fn text(&mut self, text: &str) {
        self.out.push_str(text);
        self.column += text.len();
    }

    pub(super) fn push(&mut self, c: char) {
        self.out.push(c);
        self.column += c.len_utf8();
    }

    pub(super) fn set_whitespace(&mut self, whitespace: bool) {
        self.whitespace = whitespace;
    }

    pub(super) fn set_indention(&mut self, indention: bool) {
        self.indention = indention;
    }
}
