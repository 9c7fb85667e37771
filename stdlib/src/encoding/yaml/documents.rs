//! The documents of a YAML stream: where each one is in the text, and
//! the first syntax error, in go-yaml's words.
//!
//! `tenon_syntax::parse_yaml` unifies the documents of a file (as `cue
//! export` does with a YAML file); `yaml.UnmarshalStream` and
//! `yaml.Validate` need them one by one, and `yaml.Unmarshal` must reject
//! a second one. This pass reads the events of the same parser
//! (`saphyr-parser`) only to find the documents' boundaries; each
//! document's text is then read by `parse_yaml` on its own.
//!
//! Errors are reported as CUE reports go-yaml's: `:LINE: MESSAGE` (the
//! file has no name), where the message is the problem without the
//! "while parsing …" context (`did not find expected ',' or ']'`), and
//! the line is counted as go-yaml counts it (see [`go_error`]).

use saphyr_parser::{Event, Parser};

/// One document of the stream.
#[derive(Debug)]
pub(super) struct Document {
    /// Byte range of its text (from its start marker, explicit or not,
    /// to the start of the next document or the end).
    pub start: usize,
    pub end: usize,
    /// Where its value starts (line and column, from 1), and whether it
    /// is a mapping (CUE gives a second document that is a mapping no
    /// position: `-`).
    pub at: Option<(usize, usize, bool)>,
}

/// The documents read before the first syntax error, and that error
/// (`:LINE: MESSAGE`) with the index of the document it is in.
#[derive(Debug, Default)]
pub(super) struct Stream {
    pub documents: Vec<Document>,
    pub error: Option<(usize, String)>,
}

impl Stream {
    /// The position CUE prints for document `i`: `LINE:COL`, or `-` for
    /// a mapping.
    pub fn position(&self, i: usize) -> String {
        match self.documents.get(i).and_then(|d| d.at) {
            Some((line, col, false)) => format!("{line}:{col}"),
            _ => "-".into(),
        }
    }
}

/// Finds the documents of `text`.
pub(super) fn scan(text: &str) -> Stream {
    let mut stream = Stream::default();
    let mut offsets = Offsets::new(text);
    for event in Parser::new_from_str(text) {
        match event {
            Ok((Event::DocumentStart(_), span)) => {
                let start = offsets.byte(span.start.index());
                if let Some(last) = stream.documents.last_mut() {
                    last.end = start;
                }
                stream.documents.push(Document {
                    start,
                    end: text.len(),
                    at: None,
                });
            }
            Ok((event, span)) => {
                let mapping = match event {
                    Event::MappingStart(..) => true,
                    Event::Scalar(..) | Event::SequenceStart(..) | Event::Alias(_) => false,
                    Event::StreamEnd => break,
                    _ => continue,
                };
                if let Some(doc) = stream.documents.last_mut() {
                    if doc.at.is_none() {
                        doc.at = Some((span.start.line(), span.start.col() + 1, mapping));
                    }
                }
            }
            Err(error) => {
                let index = stream.documents.len().saturating_sub(1);
                let at = offsets.byte(error.marker().index());
                let message = go_error(text, at, error.marker().line(), error.info());
                stream.error = Some((index, message));
                break;
            }
        }
    }
    stream
}

/// go-yaml's error for the parser's: `:LINE: PROBLEM`, where the
/// problem is the message without its "while …" context.
///
/// go-yaml (libyaml) counts lines from 0 and prints the line of the
/// problem as it is for a parser error (one less than the line the
/// problem is on, and none on the first line) but adds one for a scanner
/// error; the parser here counts lines from 1.
fn go_error(text: &str, at: usize, line: usize, info: &str) -> String {
    if info == "while parsing node, found unknown anchor" {
        let name: String = text
            .get(at..)
            .unwrap_or_default()
            .trim_start_matches('*')
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
            .collect();
        return format!(": unknown anchor '{name}' referenced");
    }
    let parser_error = info.starts_with("while parsing a node")
        || info.starts_with("while parsing a block")
        || info.starts_with("while parsing a flow")
        || info.starts_with("did not find expected <");
    let problem = match info.strip_prefix("while ") {
        Some(rest) => rest.split_once(", ").map_or(info, |(_, p)| p),
        None => info,
    };
    let problem = if problem.starts_with("expected ") {
        format!("did not find {problem}")
    } else {
        problem.to_string()
    };
    let line = if parser_error {
        line.saturating_sub(1)
    } else {
        line
    };
    if line == 0 {
        format!(": {problem}")
    } else {
        format!(":{line}: {problem}")
    }
}

/// Byte offsets of the parser's character indices (which only grow).
struct Offsets<'s> {
    text: &'s str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl<'s> Offsets<'s> {
    fn new(text: &'s str) -> Offsets<'s> {
        Offsets {
            text,
            ascii: text.is_ascii(),
            chars: 0,
            bytes: 0,
        }
    }

    fn byte(&mut self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.text.len());
        }
        if char_index < self.chars {
            self.chars = 0;
            self.bytes = 0;
        }
        for c in self.text[self.bytes..].chars() {
            if self.chars >= char_index {
                break;
            }
            self.bytes += c.len_utf8();
            self.chars += 1;
        }
        self.bytes
    }
}
