//! The JSON writer: `cue export` (indented) and `json.Marshal` (compact).
//!
//! Facts from CUE v0.14 (`internal/encoding/encoder.go`, `cue/types.go`)
//! and Go's `encoding/json`:
//! - `cue export` uses a `json.Encoder` with `SetIndent("", "    ")` and
//!   `SetEscapeHTML(false)` (unless `--escape`); every document is followed
//!   by a newline; empty lists and structs stay `[]` and `{}`.
//! - CUE marshals strings without HTML escaping (`"x<y>&"` stays as is),
//!   also in `json.Marshal`, which is compact with no final newline;
//!   `json.MarshalStream` puts a newline after each value.
//! - Strings: `"` and `\` are backslash-escaped, `\b \f \n \r \t` use
//!   their short forms (Go 1.22 and later), other bytes below 0x20 are
//!   `\u00XX` (lowercase hex), U+2028 and U+2029 are always `\u2028` and
//!   `\u2029`, and everything else (DEL, non-ASCII) is written raw.
//! - Bytes are standard base64 in a string.

mod string;

use super::{base64, Emit};
pub(super) use string::write_string;

/// The layout of JSON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonStyle {
    /// One element per line, four spaces per level, `": "` after keys.
    Indented,
    /// No whitespace at all.
    Compact,
}

/// Writes JSON text into a `String`.
#[derive(Debug)]
pub struct JsonWriter {
    out: String,
    style: JsonStyle,
    escape_html: bool,
    newline_after_document: bool,
    /// The open lists and structs, innermost last.
    open: Vec<Open>,
}

/// An open collection; `nonempty` once it has an element.
#[derive(Clone, Copy, Debug)]
struct Open {
    is_struct: bool,
    nonempty: bool,
}

/// A line break and the indentation of up to 32 levels.
const NEWLINE_AND_SPACES: &str = concat!(
    "\n",
    "                                                                ",
    "                                                                "
);

impl JsonWriter {
    /// A writer of the given style; `newline_after_document` ends every
    /// document with `\n`.
    pub fn new(style: JsonStyle, newline_after_document: bool) -> Self {
        JsonWriter {
            out: String::new(),
            style,
            escape_html: false,
            newline_after_document,
            open: Vec::new(),
        }
    }

    /// `cue export`: indented, a newline after every document.
    pub fn export() -> Self {
        Self::new(JsonStyle::Indented, true)
    }

    /// `json.Marshal`: compact, no final newline.
    pub fn marshal() -> Self {
        Self::new(JsonStyle::Compact, false)
    }

    /// `json.MarshalStream`: compact, a newline after every value.
    pub fn marshal_stream() -> Self {
        Self::new(JsonStyle::Compact, true)
    }

    /// Escapes `<`, `>` and `&` as `\u003c`, `\u003e` and `\u0026`
    /// (`cue export --escape`).
    pub fn escape_html(mut self, escape: bool) -> Self {
        self.escape_html = escape;
        self
    }

    /// Reserves room for `additional` more bytes of output.
    pub fn reserve(&mut self, additional: usize) {
        self.out.reserve(additional);
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// The text written so far, taken out: the writer goes on from where
    /// it was with an empty buffer (to pass large output on in pieces).
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    /// The text written.
    pub fn finish(self) -> String {
        debug_assert!(self.open.is_empty(), "unfinished JSON value");
        self.out
    }

    fn newline(&mut self, depth: usize) {
        if self.style == JsonStyle::Indented {
            let width = depth * 4;
            if let Some(line) = NEWLINE_AND_SPACES.get(..width + 1) {
                self.out.push_str(line);
                return;
            }
            self.out.push('\n');
            for _ in 0..depth {
                self.out.push_str("    ");
            }
        }
    }

    /// Separates a value from what precedes it in its list.
    fn before_value(&mut self) {
        let depth = self.open.len();
        if let Some(open) = self.open.last_mut() {
            if open.is_struct {
                return; // `key` wrote the separator
            }
            let first = !open.nonempty;
            open.nonempty = true;
            if !first {
                self.out.push(',');
            }
            self.newline(depth);
        }
    }

    fn after_value(&mut self) {
        if self.open.is_empty() && self.newline_after_document {
            self.out.push('\n');
        }
    }

    fn end(&mut self, close: char) {
        let open = self.open.pop();
        debug_assert!(open.is_some(), "unbalanced end of a JSON collection");
        if open.is_some_and(|open| open.nonempty) {
            self.newline(self.open.len());
        }
        self.out.push(close);
        self.after_value();
    }
}

impl Emit for JsonWriter {
    fn null(&mut self) {
        self.before_value();
        self.out.push_str("null");
        self.after_value();
    }

    fn bool(&mut self, value: bool) {
        self.before_value();
        self.out.push_str(if value { "true" } else { "false" });
        self.after_value();
    }

    fn number(&mut self, text: &str) {
        self.before_value();
        self.out.push_str(text);
        self.after_value();
    }

    fn string(&mut self, value: &str) {
        self.before_value();
        write_string(&mut self.out, value, self.escape_html);
        self.after_value();
    }

    fn bytes(&mut self, value: &[u8]) {
        self.before_value();
        self.out.push('"');
        base64::encode_into(&mut self.out, value);
        self.out.push('"');
        self.after_value();
    }

    fn begin_list(&mut self, _len: usize) {
        self.before_value();
        self.out.push('[');
        self.open.push(Open {
            is_struct: false,
            nonempty: false,
        });
    }

    fn end_list(&mut self) {
        self.end(']');
    }

    fn begin_struct(&mut self, _len: usize) {
        self.before_value();
        self.out.push('{');
        self.open.push(Open {
            is_struct: true,
            nonempty: false,
        });
    }

    fn key(&mut self, key: &str) {
        let depth = self.open.len();
        let Some(open) = self.open.last_mut() else {
            debug_assert!(false, "JSON key outside a struct");
            return;
        };
        debug_assert!(open.is_struct, "JSON key inside a list");
        let first = !open.nonempty;
        open.nonempty = true;
        if !first {
            self.out.push(',');
        }
        self.newline(depth);
        write_string(&mut self.out, key, self.escape_html);
        self.out.push_str(match self.style {
            JsonStyle::Indented => ": ",
            JsonStyle::Compact => ":",
        });
    }

    fn end_struct(&mut self) {
        self.end('}');
    }
}
