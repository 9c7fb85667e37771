//! `Marshal` and `MarshalStream`: values as YAML documents, exactly as
//! CUE's encoder writes them.

use tenon_eval::builtin::{Args, CallError, Context, Value};
use tenon_eval::export::YamlWriter;

/// `yaml.Marshal(v)`: one YAML document (ending in a newline).
pub(super) fn marshal(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let value = args.concrete(0)?;
    let mut writer = YamlWriter::new();
    value.emit(&mut writer)?;
    Ok(Value::string(writer.finish()))
}

/// `yaml.MarshalStream(list)`: one document per element, separated by
/// `---` lines; an empty list is the empty string.
pub(super) fn marshal_stream(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let items = args.list(0)?;
    if !items.iter().all(Value::is_concrete) {
        return Err(CallError::Incomplete);
    }
    let mut writer = YamlWriter::new();
    for item in items {
        item.emit(&mut writer)?;
    }
    Ok(Value::string(writer.finish()))
}
