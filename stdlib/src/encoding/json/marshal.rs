//! `Marshal` and `MarshalStream`: values as compact JSON text, exactly as
//! CUE writes it (the export writer's `json.Marshal` mode).

use tenon_eval::builtin::{Args, CallError, Context, Value};
use tenon_eval::export::JsonWriter;

/// `json.Marshal(v)`: `v` as compact JSON, with no final newline.
pub(super) fn marshal(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let value = args.concrete(0)?;
    let mut writer = JsonWriter::marshal();
    value.emit(&mut writer)?;
    Ok(Value::string(writer.finish()))
}

/// `json.MarshalStream(list)`: each element as compact JSON followed by a
/// newline.
pub(super) fn marshal_stream(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let items = args.list(0)?;
    if !items.iter().all(Value::is_concrete) {
        return Err(CallError::Incomplete);
    }
    let mut writer = JsonWriter::marshal_stream();
    for item in items {
        item.emit(&mut writer)?;
    }
    Ok(Value::string(writer.finish()))
}
