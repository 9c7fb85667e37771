//! `Decode`: CSV text to a list of records of strings (Go's `csv.Reader`
//! with its defaults: comma separator, no comments, strict quotes, every
//! record as long as the first).

use tenon_eval::builtin::{Args, CallError, Context, Value};

const BARE_QUOTE: &str = "bare \" in non-quoted-field";
const QUOTE: &str = "extraneous or missing \" in quoted-field";
const FIELD_COUNT: &str = "wrong number of fields";

/// Go's `csv.ParseError`.
struct ParseError {
    start_line: usize,
    line: usize,
    column: usize,
    err: &'static str,
}

impl ParseError {
    fn into_call_error(self) -> CallError {
        let msg = if self.err == FIELD_COUNT {
            format!("record on line {}: {}", self.line, self.err)
        } else if self.start_line != self.line {
            format!(
                "record on line {}; parse error on line {}, column {}: {}",
                self.start_line, self.line, self.column, self.err
            )
        } else {
            format!(
                "parse error on line {}, column {}: {}",
                self.line, self.column, self.err
            )
        };
        CallError::Failed(msg)
    }
}

/// Reads lines as Go's reader does: `\r\n` becomes `\n`, a final `\r`
/// before the end of input is dropped.
struct Lines<'a> {
    rest: &'a [u8],
    num_line: usize,
}

impl<'a> Lines<'a> {
    /// The next line with its `\n` (if any), or `None` at the end.
    fn next_line(&mut self) -> Option<Vec<u8>> {
        if self.rest.is_empty() {
            return None;
        }
        let end = self
            .rest
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.rest.len(), |i| i + 1);
        let mut line = self.rest[..end].to_vec();
        self.rest = &self.rest[end..];
        self.num_line += 1;
        if line.last() != Some(&b'\n') && line.last() == Some(&b'\r') {
            line.pop();
        }
        let n = line.len();
        if n >= 2 && line[n - 2] == b'\r' && line[n - 1] == b'\n' {
            line[n - 2] = b'\n';
            line.pop();
        }
        Some(line)
    }
}

/// The length of a trailing `\n` (0 or 1).
fn nl_len(b: &[u8]) -> usize {
    usize::from(b.last() == Some(&b'\n'))
}

/// A record's fields and the line it starts on.
type Record = (Vec<Vec<u8>>, usize);

/// Go's `readRecord`: the next record, `None` at the end.
fn read_record(lines: &mut Lines) -> Result<Option<Record>, ParseError> {
    // Skip empty lines.
    let mut cur = loop {
        match lines.next_line() {
            None => return Ok(None),
            Some(l) if l.len() == nl_len(&l) => continue,
            Some(l) => break l,
        }
    };
    let rec_line = lines.num_line;
    let mut fields: Vec<Vec<u8>> = Vec::new();
    let mut pos_line = lines.num_line;
    let mut col = 1;
    // The unread part of the current line is `cur[at..]`.
    let mut at = 0;
    'fields: loop {
        let rest = &cur[at..];
        if rest.first() != Some(&b'"') {
            // An unquoted field, up to the next comma.
            let comma = rest.iter().position(|&c| c == b',');
            let field = match comma {
                Some(i) => &rest[..i],
                None => &rest[..rest.len() - nl_len(rest)],
            };
            if let Some(j) = field.iter().position(|&c| c == b'"') {
                return Err(ParseError {
                    start_line: rec_line,
                    line: lines.num_line,
                    column: col + j,
                    err: BARE_QUOTE,
                });
            }
            fields.push(field.to_vec());
            match comma {
                Some(i) => {
                    at += i + 1;
                    col += i + 1;
                    continue 'fields;
                }
                None => break 'fields,
            }
        }
        // A quoted field, possibly over several lines.
        let mut field = Vec::new();
        at += 1;
        col += 1;
        loop {
            let rest = &cur[at..];
            if let Some(i) = rest.iter().position(|&c| c == b'"') {
                field.extend_from_slice(&rest[..i]);
                at += i + 1;
                col += i + 1;
                let rest = &cur[at..];
                match rest.first() {
                    Some(b'"') => {
                        field.push(b'"');
                        at += 1;
                        col += 1;
                    }
                    Some(b',') => {
                        at += 1;
                        col += 1;
                        fields.push(field);
                        continue 'fields;
                    }
                    _ if nl_len(rest) == rest.len() => {
                        fields.push(field);
                        break 'fields;
                    }
                    _ => {
                        return Err(ParseError {
                            start_line: rec_line,
                            line: lines.num_line,
                            column: col - 1,
                            err: QUOTE,
                        })
                    }
                }
            } else if !rest.is_empty() {
                // The field goes on on the next line.
                field.extend_from_slice(rest);
                col += rest.len();
                cur = lines.next_line().unwrap_or_default();
                at = 0;
                if !cur.is_empty() {
                    pos_line += 1;
                    col = 1;
                }
            } else {
                // The input ended inside the quotes.
                return Err(ParseError {
                    start_line: rec_line,
                    line: pos_line,
                    column: col,
                    err: QUOTE,
                });
            }
        }
    }
    Ok(Some((fields, rec_line)))
}

/// Go's `csv.Reader.ReadAll`.
fn read_all(input: &[u8]) -> Result<Vec<Vec<Vec<u8>>>, ParseError> {
    let mut lines = Lines {
        rest: input,
        num_line: 0,
    };
    let mut records = Vec::new();
    let mut fields_per_record = None;
    while let Some((record, rec_line)) = read_record(&mut lines)? {
        match fields_per_record {
            None => fields_per_record = Some(record.len()),
            Some(n) if n != record.len() => {
                return Err(ParseError {
                    start_line: rec_line,
                    line: rec_line,
                    column: 1,
                    err: FIELD_COUNT,
                })
            }
            Some(_) => {}
        }
        records.push(record);
    }
    Ok(records)
}

/// `csv.Decode(r)`: the records of CSV text (a string or bytes).
pub(super) fn decode(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let input = args.bytes(0)?;
    let records = read_all(input).map_err(ParseError::into_call_error)?;
    Ok(Value::List(
        records
            .into_iter()
            .map(|r| Value::strings(r.into_iter().map(|f| crate::unicode::to_valid_utf8(&f))))
            .collect(),
    ))
}
