//! `Encode`: a list of rows as CSV text (Go's `csv.Writer`).

use crate::limits::check_output;
use tenon_eval::builtin::{Args, CallError, Context, Value};
use tenon_eval::export::JsonWriter;

/// Whether Go's writer quotes `field`.
fn needs_quotes(field: &str) -> bool {
    if field.is_empty() {
        return false;
    }
    if field == r"\." {
        return true;
    }
    if field.contains(['\n', '\r', '"', ',']) {
        return true;
    }
    field.chars().next().is_some_and(char::is_whitespace)
}

fn write_field(out: &mut String, field: &str) {
    if !needs_quotes(field) {
        out.push_str(field);
        return;
    }
    out.push('"');
    for c in field.chars() {
        if c == '"' {
            out.push_str("\"\"");
        } else {
            out.push(c);
        }
    }
    out.push('"');
}

/// A cell's text: a string as it is, anything else as compact JSON.
fn cell_text(cell: &Value) -> Result<String, CallError> {
    if let Value::String(s) = cell {
        return Ok(s.to_string());
    }
    if !cell.is_concrete() {
        return Err(CallError::Incomplete);
    }
    let mut writer = JsonWriter::marshal();
    cell.emit(&mut writer)?;
    Ok(writer.finish())
}

/// `csv.Encode(x)`: each element of `x` (a list) as one record.
pub(super) fn encode(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let rows = args.list(0)?;
    let mut out = String::new();
    for row in rows {
        let cells = match row {
            Value::List(cells) => cells,
            Value::Opaque(_) => return Err(CallError::Incomplete),
            other => {
                return Err(CallError::Failed(format!(
                    "cannot use value {other} (type {}) as list",
                    other.kind_name()
                )))
            }
        };
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_field(&mut out, &cell_text(cell)?);
        }
        out.push('\n');
        check_output(out.len())?;
    }
    Ok(Value::string(out))
}
