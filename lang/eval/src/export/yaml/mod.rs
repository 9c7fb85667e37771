//! The YAML writer: `cue export --out yaml`, `yaml.Marshal` and
//! `yaml.MarshalStream` of CUE v0.14, byte for byte where it is safe.
//!
//! CUE (`internal/encoding/yaml/encode.go`) builds go-yaml v3 nodes and
//! encodes each document with a fresh encoder, `SetIndent(2)`; a stream
//! puts `---\n` between documents. What that gives:
//! - block style throughout, two spaces per level; a list under a key is
//!   indented (`key:\n  - a`), a list item that is a struct or a list
//!   starts on the dash line (`- a: 1\n  b: 2`, `- - 1`);
//! - empty lists and structs are `[]` and `{}`;
//! - no line folding (go-yaml v3 has no width limit);
//! - keys are quoted by the same rules as values; a key longer than 128
//!   bytes or with a line break is written `? key` / `: value`;
//! - numbers, `true`, `false` and `null` are written as given;
//! - bytes are `!!binary` base64, as a literal block when CUE asks for
//!   one (the bytes are UTF-8 with a `\n`, or not UTF-8 and 52 bytes or
//!   more);
//! - every document ends with a newline.

mod analyze;
mod layout;
mod resolve;
mod scalar;

use super::{base64, Emit};
use layout::Layout;

#[cfg(test)]
pub(super) use analyze::{analyze, analyze_chars};

/// go-yaml's longest simple key, in bytes.
const MAX_SIMPLE_KEY: usize = 128;

/// Writes YAML text into a `String`; every document of the stream after
/// the first is preceded by `---`.
#[derive(Debug, Default)]
pub struct YamlWriter {
    layout: Layout,
    open: Vec<Open>,
    documents: usize,
    scratch: String,
}

/// An open collection; `started` once its first element is written (a
/// collection that ends unstarted is written `[]` or `{}`).
#[derive(Clone, Copy, Debug)]
struct Open {
    is_struct: bool,
    started: bool,
}

impl YamlWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reserves room for `additional` more bytes of output.
    pub fn reserve(&mut self, additional: usize) {
        self.layout.out.reserve(additional);
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        &self.layout.out
    }

    /// The text written.
    pub fn finish(self) -> String {
        debug_assert!(self.open.is_empty(), "unfinished YAML value");
        self.layout.out
    }

    /// Positions the next node: a new document at the top, the `-` of a
    /// list item, nothing after a key.
    fn before_node(&mut self) {
        match self.open.last_mut() {
            None => {
                if self.documents > 0 {
                    self.layout.out.push_str("---\n");
                }
                self.layout.start_document();
            }
            Some(open) if !open.is_struct => {
                if !open.started {
                    open.started = true;
                    self.layout.increase_indent(false);
                }
                self.layout.write_indent();
                self.layout.write_indicator("-", true, false, true);
            }
            Some(_) => {}
        }
    }

    /// Ends the document when the root node is complete.
    fn after_node(&mut self) {
        if self.open.is_empty() {
            self.layout.write_indent();
            self.documents += 1;
        }
    }

    fn plain(&mut self, text: &str) {
        self.before_node();
        scalar::write_plain_scalar(&mut self.layout, text);
        self.after_node();
    }

    fn end(&mut self, is_struct: bool) {
        let open = self.open.pop();
        debug_assert!(
            open.is_some_and(|open| open.is_struct == is_struct),
            "unbalanced end of a YAML collection"
        );
        if open.is_some_and(|open| open.started) {
            self.layout.decrease_indent();
        } else {
            let (start, end) = if is_struct { ("{", "}") } else { ("[", "]") };
            self.layout.write_indicator(start, true, true, false);
            self.layout.write_indicator(end, false, false, false);
        }
        self.after_node();
    }
}

impl Emit for YamlWriter {
    fn null(&mut self) {
        self.plain("null");
    }

    fn bool(&mut self, value: bool) {
        self.plain(if value { "true" } else { "false" });
    }

    fn number(&mut self, text: &str) {
        self.plain(text);
    }

    fn string(&mut self, value: &str) {
        self.before_node();
        let analysis = analyze::analyze(value);
        scalar::write_string(&mut self.layout, value, &analysis, false);
        self.after_node();
    }

    fn bytes(&mut self, value: &[u8]) {
        self.before_node();
        // CUE's node starts as a string node: literal style when its
        // value has a line break, the value being the text itself or, for
        // invalid UTF-8, go-yaml's base64 with a break every 70 symbols.
        let literal = match std::str::from_utf8(value) {
            Ok(text) => text.contains('\n'),
            Err(_) => base64::encoded_len(value.len()) >= 70,
        };
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        base64::encode_into(&mut text, value);
        scalar::write_binary(&mut self.layout, &text, literal);
        self.scratch = text;
        self.after_node();
    }

    fn begin_list(&mut self, _len: usize) {
        self.before_node();
        self.open.push(Open {
            is_struct: false,
            started: false,
        });
    }

    fn end_list(&mut self) {
        self.end(false);
    }

    fn begin_struct(&mut self, _len: usize) {
        self.before_node();
        self.open.push(Open {
            is_struct: true,
            started: false,
        });
    }

    fn key(&mut self, key: &str) {
        let Some(open) = self.open.last_mut().filter(|open| open.is_struct) else {
            debug_assert!(false, "YAML key outside a struct");
            return;
        };
        if !open.started {
            open.started = true;
            self.layout.increase_indent(false);
        }
        self.layout.write_indent();
        let analysis = analyze::analyze(key);
        if !analysis.multiline && key.len() <= MAX_SIMPLE_KEY {
            scalar::write_string(&mut self.layout, key, &analysis, true);
            self.layout.write_indicator(":", false, false, false);
        } else {
            self.layout.write_indicator("?", true, false, true);
            scalar::write_string(&mut self.layout, key, &analysis, false);
            self.layout.write_indent();
            self.layout.write_indicator(":", true, false, true);
        }
    }

    fn end_struct(&mut self) {
        self.end(true);
    }
}
