//! The JSON reader: a small recursive-descent parser (RFC 8259), since
//! JSON is almost, but not exactly, CUE syntax.
//!
//! As CUE reads a `.json` file (Go's `json.Decoder`), a file holds a
//! stream of values separated by white space (`{"a": 1} {"b": 2}`), which
//! are unified; an empty file holds none. Strings take JSON's escapes
//! (`\/`, `\uXXXX` with surrogate pairs); an unpaired surrogate is an
//! error, as in CUE. There are no comments and no trailing commas. A
//! leading byte order mark is skipped.
//!
//! Errors inside a string or a number are reported and reading goes on;
//! the first error in the structure (an unexpected character, the end of
//! the file) ends the reading, since what follows cannot be placed.

use super::build::{Nodes, CONTAINER_LEVELS, MEMBER_LEVELS};
use super::number::json_number;
use crate::ast::{Decl, Expr};
use crate::lexer::MAX_NESTING;
use crate::parser::ParsedFile;
use std::borrow::Cow;
use tenon_diagnostics::{Diagnostic, FileId, Span};

/// Reads a JSON file (a stream of JSON values) into a tree.
pub fn parse_json(id: FileId, text: &str) -> ParsedFile {
    let mut reader = Reader {
        src: text,
        bytes: text.as_bytes(),
        pos: 0,
        nodes: Nodes { file: id },
        diagnostics: Vec::new(),
    };
    if text.starts_with('\u{feff}') {
        reader.pos = '\u{feff}'.len_utf8();
    }
    let mut values = Vec::new();
    loop {
        reader.skip_space();
        if reader.pos >= reader.bytes.len() {
            break;
        }
        let start = reader.pos;
        match reader.value(0) {
            Ok(value) => values.push(value),
            Err(Stop) => {
                values.push(Expr::Error(reader.nodes.span(start, reader.pos)));
                break;
            }
        }
    }
    let nodes = reader.nodes;
    nodes.file(text, values, nodes.top(), reader.diagnostics)
}

/// Reading stopped at a structural error (already reported).
#[derive(Debug)]
struct Stop;

type Read<T> = Result<T, Stop>;

struct Reader<'s> {
    src: &'s str,
    bytes: &'s [u8],
    pos: usize,
    nodes: Nodes,
    diagnostics: Vec<Diagnostic>,
}

impl<'s> Reader<'s> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        self.nodes.span(start, end)
    }

    fn error(&mut self, code: &'static str, start: usize, end: usize, message: String) {
        let span = self.span(start, end);
        self.diagnostics
            .push(Diagnostic::error(code, span, message));
    }

    /// Reports what stands at the current position where `expected` was
    /// needed, and stops.
    fn unexpected<T>(&mut self, expected: &str) -> Read<T> {
        let start = self.pos;
        let Some(c) = self.src[start..].chars().next() else {
            let end = self.bytes.len();
            self.error(
                "unexpected-eof",
                end,
                end,
                format!("unexpected end of file, expected {expected}"),
            );
            return Err(Stop);
        };
        let end = start + c.len_utf8();
        let message = if c == '"' {
            format!("unexpected string, expected {expected}")
        } else if c == '/' {
            format!("unexpected `/`, expected {expected}: JSON has no comments")
        } else if c.is_alphabetic() {
            let word_end = self.src[start..]
                .find(|c: char| !c.is_alphanumeric() && c != '_')
                .map_or(self.bytes.len(), |n| start + n);
            let word = &self.src[start..word_end];
            format!("unexpected `{word}`, expected {expected}")
        } else if c.is_control() || c.is_whitespace() {
            format!(
                "unexpected character U+{:04X}, expected {expected}",
                u32::from(c)
            )
        } else {
            format!("unexpected `{c}`, expected {expected}")
        };
        self.error("unexpected-token", start, end, message);
        Err(Stop)
    }

    /// One value; `level` is the nesting depth it starts at.
    fn value(&mut self, level: usize) -> Read<Expr> {
        let start = self.pos;
        match self.peek() {
            Some(b'{') => self.object(level),
            Some(b'[') => self.array(level),
            Some(b'"') => {
                let (text, span) = self.string()?;
                Ok(self.nodes.string(&text, span))
            }
            Some(b'-' | b'0'..=b'9') => Ok(self.number()),
            Some(b't') if self.src[start..].starts_with("true") => {
                self.pos += 4;
                Ok(Expr::Bool(true, self.span(start, self.pos)))
            }
            Some(b'f') if self.src[start..].starts_with("false") => {
                self.pos += 5;
                Ok(Expr::Bool(false, self.span(start, self.pos)))
            }
            Some(b'n') if self.src[start..].starts_with("null") => {
                self.pos += 4;
                Ok(Expr::Null(self.span(start, self.pos)))
            }
            _ => self.unexpected("a JSON value"),
        }
    }

    /// Checks the nesting limit for a list or struct opening here.
    fn open(&mut self, level: usize) -> Read<usize> {
        let inner = level + CONTAINER_LEVELS;
        if inner > MAX_NESTING {
            let at = self.pos;
            self.error(
                "too-deep",
                at,
                at,
                format!("input nested too deeply (the limit is {MAX_NESTING} levels)"),
            );
            return Err(Stop);
        }
        self.pos += 1;
        Ok(inner)
    }

    fn object(&mut self, level: usize) -> Read<Expr> {
        let start = self.pos;
        let inner = self.open(level)?;
        let mut decls: Vec<Decl> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(self.nodes.structure(decls, self.span(start, self.pos)));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return if self.peek() == Some(b'}') && !decls.is_empty() {
                    self.unexpected("a string key: JSON allows no comma after the last member")
                } else {
                    self.unexpected("a string key")
                };
            }
            let (key, key_span) = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return self.unexpected("`:`");
            }
            self.pos += 1;
            self.skip_space();
            let value = self.value(inner + MEMBER_LEVELS)?;
            let label = self.nodes.label(&key, key_span);
            decls.push(self.nodes.field(label, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(self.nodes.structure(decls, self.span(start, self.pos)));
                }
                _ => return self.unexpected("`,` or `}`"),
            }
        }
    }

    fn array(&mut self, level: usize) -> Read<Expr> {
        let start = self.pos;
        let inner = self.open(level)?;
        let mut elems = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(self.nodes.list(elems, self.span(start, self.pos)));
        }
        loop {
            self.skip_space();
            if self.peek() == Some(b']') && !elems.is_empty() {
                return self
                    .unexpected("a JSON value: JSON allows no comma after the last element");
            }
            elems.push(self.value(inner)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(self.nodes.list(elems, self.span(start, self.pos)));
                }
                _ => return self.unexpected("`,` or `]`"),
            }
        }
    }

    /// A number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`. A
    /// malformed one is reported and read as an error node.
    fn number(&mut self) -> Expr {
        let start = self.pos;
        let b = self.bytes;
        let mut i = start;
        let digits = |i: &mut usize| {
            let from = *i;
            while b.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i > from
        };
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        let mut ok = if b.get(i) == Some(&b'0') {
            i += 1;
            true
        } else {
            digits(&mut i)
        };
        if ok && b.get(i) == Some(&b'.') {
            i += 1;
            ok = digits(&mut i);
        }
        if ok && matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            ok = digits(&mut i);
        }
        // What a reader would take as part of the number.
        let mut end = i;
        while b
            .get(end)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'+' | b'-'))
        {
            end += 1;
        }
        // `01` and `-01`: JSON has no leading zeros (a stream would read
        // `0` and `1`, but `-0` followed by `1` is no better); a number
        // directly followed by letters or more dots is one bad number.
        if ok && end > i {
            ok = false;
        }
        self.pos = end;
        let span = self.span(start, end);
        if !ok {
            let text = &self.src[start..end];
            self.error(
                "invalid-number",
                start,
                end,
                format!("invalid JSON number `{text}`"),
            );
            return Expr::Error(span);
        }
        self.nodes.number(json_number(&self.src[start..end]), span)
    }

    /// A string and its span; the current byte is `"`. Bad escapes and
    /// control characters are reported and reading goes on.
    fn string(&mut self) -> Read<(Cow<'s, str>, Span)> {
        let start = self.pos;
        // The common case: no escapes, nothing wrong.
        let plain = self.bytes[start + 1..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .map(|n| start + 1 + n);
        if let Some(end) = plain.filter(|&end| self.bytes[end] == b'"') {
            self.pos = end + 1;
            let text: &'s str = &self.src[start + 1..end];
            return Ok((Cow::Borrowed(text), self.span(start, self.pos)));
        }
        let mut out = String::new();
        let mut i = start + 1;
        let mut pending_high: Option<(u16, usize)> = None;
        loop {
            let Some(&b) = self.bytes.get(i) else {
                return self.unterminated(start);
            };
            if b != b'\\' {
                self.flush_surrogate(&mut pending_high, &mut out, i);
            }
            match b {
                b'"' => {
                    self.pos = i + 1;
                    return Ok((Cow::Owned(out), self.span(start, self.pos)));
                }
                b'\n' | b'\r' => return self.unterminated(start),
                b'\\' => i = self.escape(i, &mut out, &mut pending_high),
                0x00..=0x1f => {
                    self.error(
                        "invalid-string",
                        i,
                        i + 1,
                        format!("control character U+{b:04X} in a string: JSON needs it escaped"),
                    );
                    i += 1;
                }
                _ => {
                    let run = self.src[i..]
                        .find(['"', '\\', '\n', '\r'])
                        .map_or(self.bytes.len(), |n| i + n);
                    // Control characters are rare: take the run up to the
                    // first one.
                    let run = self.src[i..run]
                        .find(|c: char| (c as u32) < 0x20)
                        .map_or(run, |n| i + n)
                        .max(i + 1);
                    out.push_str(&self.src[i..run]);
                    i = run;
                }
            }
        }
    }

    fn unterminated<T>(&mut self, start: usize) -> Read<T> {
        let end = self.src[start..]
            .find(['\n', '\r'])
            .map_or(self.bytes.len(), |n| start + n);
        self.error(
            "unterminated-string",
            start,
            end,
            "string not terminated".to_string(),
        );
        self.pos = end;
        Err(Stop)
    }

    /// A surrogate half without its partner: reported, read as U+FFFD.
    fn flush_surrogate(
        &mut self,
        pending: &mut Option<(u16, usize)>,
        out: &mut String,
        end: usize,
    ) {
        if let Some((unit, at)) = pending.take() {
            self.lone_surrogate(unit, at, end, out);
        }
    }

    fn lone_surrogate(&mut self, unit: u16, start: usize, end: usize, out: &mut String) {
        self.error(
            "invalid-string",
            start,
            end,
            format!("unpaired surrogate `\\u{unit:04x}`: the other half of the pair is missing"),
        );
        out.push(char::REPLACEMENT_CHARACTER);
    }

    /// An escape at `i` (the backslash); returns where reading goes on.
    fn escape(&mut self, i: usize, out: &mut String, pending: &mut Option<(u16, usize)>) -> usize {
        let Some(&c) = self.bytes.get(i + 1) else {
            // The end of the file: `string` reports it.
            return i + 1;
        };
        if c != b'u' {
            self.flush_surrogate(pending, out, i);
        }
        let simple = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(i, out, pending),
            _ => {
                let ch = self.src[i + 1..].chars().next().unwrap_or('\\');
                let end = i + 1 + ch.len_utf8();
                if ch == '\n' || ch == '\r' {
                    // `string` reports the line break.
                    return i + 1;
                }
                self.error(
                    "invalid-string",
                    i,
                    end,
                    format!("unknown escape sequence `\\{ch}`"),
                );
                return end;
            }
        };
        out.push(simple);
        i + 2
    }

    fn unicode_escape(
        &mut self,
        i: usize,
        out: &mut String,
        pending: &mut Option<(u16, usize)>,
    ) -> usize {
        let hex = self.bytes.get(i + 2..i + 6);
        let unit = hex
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u16::from_str_radix(h, 16).ok());
        let Some(unit) = unit else {
            self.flush_surrogate(pending, out, i);
            let end = (i + 2..(i + 6).min(self.bytes.len()))
                .find(|&j| !self.bytes[j].is_ascii_hexdigit())
                .unwrap_or((i + 6).min(self.bytes.len()));
            self.error(
                "invalid-string",
                i,
                end,
                "`\\u` needs four hexadecimal digits".to_string(),
            );
            return end;
        };
        let end = i + 6;
        match unit {
            0xD800..=0xDBFF => {
                self.flush_surrogate(pending, out, i);
                *pending = Some((unit, i));
            }
            0xDC00..=0xDFFF => match pending.take() {
                Some((high, _)) => {
                    let code =
                        0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                    out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                None => self.lone_surrogate(unit, i, end, out),
            },
            _ => {
                self.flush_surrogate(pending, out, i);
                out.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
        }
        end
    }
}
