//! Export writers: JSON and YAML text from a stream of value events.
//!
//! The evaluator walks a concrete value and calls [`Emit`] methods; a
//! writer turns the events straight into text, so no intermediate tree is
//! built for large outputs. [`Data`] is a small owned tree for tests and
//! builtins; it replays itself with [`Data::emit`], and [`DataBuilder`]
//! builds one from events.
//!
//! The output is that of CUE v0.14:
//! - [`JsonWriter::export`] is `cue export` (Go `encoding/json` with a
//!   four-space indent, HTML characters left alone, one newline after each
//!   document); [`JsonWriter::marshal`] is `json.Marshal` and
//!   [`JsonWriter::marshal_stream`] is `json.MarshalStream`.
//! - [`YamlWriter`] is `cue export --out yaml`, `yaml.Marshal` and
//!   `yaml.MarshalStream` (CUE's encoder over go-yaml v3, indent 2,
//!   documents separated by `---`). It quotes every string that a YAML 1.1
//!   or 1.2 reader would take for another type, a little more often than
//!   CUE does (see `yaml/resolve.rs`).

mod base64;
mod data;
mod json;
mod yaml;

#[cfg(test)]
mod tests;

pub use data::{Data, DataBuilder, SpanTree};
pub use json::{JsonStyle, JsonWriter};
pub use yaml::YamlWriter;

/// The receiver of a walk over a concrete value.
///
/// A document is one value: a scalar event, or `begin_list` / `begin_struct`
/// followed by the elements and the matching `end_list` / `end_struct`.
/// Inside a struct every field is a [`key`](Emit::key) followed by one
/// value. Writers take several documents in a row as a stream.
///
/// The `len` of `begin_list` and `begin_struct` is the number of elements
/// or fields that follow; the writers here do not depend on it (an empty
/// collection is recognised at its end), so it may serve as a capacity
/// hint only.
pub trait Emit {
    /// `null`.
    fn null(&mut self);
    /// `true` or `false`.
    fn bool(&mut self, value: bool);
    /// A number, `text` already spelled as CUE exports it (`42`, `1E+3`,
    /// `1.50`); it is written as is.
    fn number(&mut self, text: &str);
    /// A string.
    fn string(&mut self, value: &str);
    /// A bytes value (standard base64 in JSON, `!!binary` in YAML).
    fn bytes(&mut self, value: &[u8]);
    /// The start of a list of `len` elements.
    fn begin_list(&mut self, len: usize);
    /// The end of the innermost list.
    fn end_list(&mut self);
    /// The start of a struct of `len` fields.
    fn begin_struct(&mut self, len: usize);
    /// The label of the next field of the innermost struct.
    fn key(&mut self, key: &str);
    /// The end of the innermost struct.
    fn end_struct(&mut self);
}

/// An [`Emit`] that writes nothing: for walking a value as export would.
pub(crate) struct Discard;

impl Emit for Discard {
    fn null(&mut self) {}
    fn bool(&mut self, _: bool) {}
    fn number(&mut self, _: &str) {}
    fn string(&mut self, _: &str) {}
    fn bytes(&mut self, _: &[u8]) {}
    fn begin_list(&mut self, _: usize) {}
    fn end_list(&mut self) {}
    fn begin_struct(&mut self, _: usize) {}
    fn key(&mut self, _: &str) {}
    fn end_struct(&mut self) {}
}

/// `cue export` JSON of one value (indented, with a final newline).
pub fn to_json(data: &Data) -> String {
    let mut writer = JsonWriter::export();
    data.emit(&mut writer);
    writer.finish()
}

/// `json.Marshal` of one value (compact, no final newline).
pub fn to_json_compact(data: &Data) -> String {
    let mut writer = JsonWriter::marshal();
    data.emit(&mut writer);
    writer.finish()
}

/// `yaml.Marshal` (and `cue export --out yaml`) of one value.
pub fn to_yaml(data: &Data) -> String {
    let mut writer = YamlWriter::new();
    data.emit(&mut writer);
    writer.finish()
}
