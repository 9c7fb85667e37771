//! `ParseBool` and `FormatBool`.

use super::Reason;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// `strconv.ParseBool(str)`: Go's twelve spellings of true and false.
pub(super) fn parse_bool(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(Value::Bool(true)),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(Value::Bool(false)),
        _ => Err(Reason::Syntax.error("ParseBool", s)),
    }
}

/// `strconv.FormatBool(b)`.
pub(super) fn format_bool(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(if args.bool(0)? { "true" } else { "false" }))
}
