//! Trimming: cut sets of runes, white space, a prefix or a suffix.

use crate::unicode;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// The string and the cut set (or prefix, suffix) of a trim.
fn pair(args: &Args) -> Result<(&str, &str), CallError> {
    Ok((args.string(0)?, args.string(1)?))
}

/// `strings.Trim(s, cutset)`: leading and trailing runes of `cutset` removed.
pub(super) fn trim(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, cutset) = pair(args)?;
    Ok(Value::string(s.trim_matches(|c| cutset.contains(c))))
}

/// `strings.TrimLeft(s, cutset)`.
pub(super) fn trim_left(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, cutset) = pair(args)?;
    Ok(Value::string(s.trim_start_matches(|c| cutset.contains(c))))
}

/// `strings.TrimRight(s, cutset)`.
pub(super) fn trim_right(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, cutset) = pair(args)?;
    Ok(Value::string(s.trim_end_matches(|c| cutset.contains(c))))
}

/// `strings.TrimSpace(s)`: leading and trailing white space removed.
pub(super) fn trim_space(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(
        args.string(0)?.trim_matches(unicode::is_space),
    ))
}

/// `strings.TrimPrefix(s, prefix)`: `s` without one leading `prefix`.
pub(super) fn trim_prefix(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, prefix) = pair(args)?;
    Ok(Value::string(s.strip_prefix(prefix).unwrap_or(s)))
}

/// `strings.TrimSuffix(s, suffix)`: `s` without one trailing `suffix`.
pub(super) fn trim_suffix(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, suffix) = pair(args)?;
    Ok(Value::string(s.strip_suffix(suffix).unwrap_or(s)))
}
