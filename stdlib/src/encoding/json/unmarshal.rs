//! `Unmarshal`, `UnmarshalStream` and `Validate`: JSON text read into
//! values through the data-file reader (`tenon_syntax::parse_json`),
//! after Go's scanner has checked it, so that errors are Go's.

use super::scanner::{self, Op, Scanner};
use crate::encoding::data;
use tenon_eval::builtin::{Args, CallError, Context, Value};
use tenon_syntax::FileId;

/// `json.Unmarshal(b)`: the value of one JSON document.
pub(super) fn unmarshal(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let b = args.bytes(0)?;
    if !scanner::valid(b) {
        return Err(CallError::Failed("json: invalid JSON".into()));
    }
    parse(b, ctx)
}

/// `json.UnmarshalStream(data)`: the list of the values of a stream of
/// JSON documents (`{"a":1} {"b":2}`); an empty stream is `[]`.
pub(super) fn unmarshal_stream(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let data = args.bytes(0)?;
    let mut items = Vec::new();
    for document in split_stream(data)? {
        items.push(parse(document, ctx)?);
    }
    Ok(Value::List(items))
}

/// `json.Validate(b, schema)`: true when the JSON document unifies with
/// `schema` (it need not be concrete then); else the conflict.
pub(super) fn validate(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let b = args.bytes(0)?;
    let schema = args.value(1)?;
    if !scanner::valid(b) {
        return Err(CallError::Failed("json: invalid JSON".into()));
    }
    let value = parse(b, ctx)?;
    data::unify_with_schema(&value, schema, false, ctx)?;
    Ok(Value::Bool(true))
}

/// The value of JSON text already checked to be one valid document.
fn parse(text: &[u8], ctx: &mut dyn Context) -> Result<Value, CallError> {
    let text = String::from_utf8_lossy(text);
    let parsed = tenon_syntax::parse_json(FileId::new(0), &text);
    if let Some(d) = parsed.diagnostics.first() {
        return Err(CallError::Failed(format!("json: {}", d.message)));
    }
    data::decls_value(&parsed.file.decls, ctx)
}

/// The documents of a JSON stream, as Go's `json.Decoder` reads them:
/// each value ends where its last byte is (a number where the next byte
/// cannot continue it); white space separates nothing else.
fn split_stream(data: &[u8]) -> Result<Vec<&[u8]>, CallError> {
    let mut documents = Vec::new();
    let mut pos = 0;
    loop {
        while data
            .get(pos)
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
        {
            pos += 1;
        }
        if pos >= data.len() {
            return Ok(documents);
        }
        let start = pos;
        let mut scan = Scanner::new();
        let mut end = None;
        while let Some(&c) = data.get(pos) {
            match scan.step(c) {
                Op::End => {
                    end = Some(pos);
                    break;
                }
                Op::Error => return Err(stream_error(&scan)),
                Op::EndObject | Op::EndArray if scan_done(&mut scan) => {
                    end = Some(pos + 1);
                    break;
                }
                _ => pos += 1,
            }
        }
        let end = match end {
            Some(end) => end,
            None => {
                if scan.eof() == Op::Error {
                    // Go's decoder runs out of input mid-value.
                    return Err(CallError::Failed(
                        "invalid JSON for file \"\": unexpected EOF".into(),
                    ));
                }
                data.len()
            }
        };
        documents.push(&data[start..end]);
        pos = end;
    }
}

/// Whether the value being scanned is complete (after its closing
/// bracket), as Go's decoder checks with a space.
fn scan_done(scan: &mut Scanner) -> bool {
    scan.step(b' ') == Op::End
}

fn stream_error(scan: &Scanner) -> CallError {
    CallError::Failed(format!(
        "invalid JSON for file \"\": {}",
        scan.error().unwrap_or_default()
    ))
}
