//! Byte- and rune-level access: `ByteAt`, `ByteSlice`, `Runes`,
//! `SliceRunes`, and the `MinRunes` and `MaxRunes` validators.

use tenon_eval::builtin::{Args, CallError, Context, Value};

fn out_of_range() -> CallError {
    CallError::Failed("index out of range".into())
}

/// `start..end` when `0 <= start <= end <= len`.
fn range(start: i64, end: i64, len: usize) -> Result<std::ops::Range<usize>, CallError> {
    let start = usize::try_from(start).map_err(|_| out_of_range())?;
    let end = usize::try_from(end).map_err(|_| out_of_range())?;
    if start > end || end > len {
        return Err(out_of_range());
    }
    Ok(start..end)
}

/// `strings.ByteAt(b, i)`: byte `i` of a string or bytes value.
pub(super) fn byte_at(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let b = args.bytes(0)?;
    let i = args.i64(1)?;
    let byte = usize::try_from(i)
        .ok()
        .and_then(|i| b.get(i))
        .ok_or_else(out_of_range)?;
    Ok(Value::int(i64::from(*byte)))
}

/// `strings.ByteSlice(b, start, end)`: bytes `start` up to `end`.
pub(super) fn byte_slice(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let b = args.bytes(0)?;
    let r = range(args.i64(1)?, args.i64(2)?, b.len())?;
    Ok(Value::bytes(b.get(r).unwrap_or_default()))
}

/// `strings.Runes(s)`: the code points of `s`.
pub(super) fn runes(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    Ok(Value::List(
        s.chars()
            .map(|c| Value::int(i64::from(u32::from(c))))
            .collect(),
    ))
}

/// `strings.SliceRunes(s, start, end)`: runes `start` up to `end`.
pub(super) fn slice_runes(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let start = args.i64(1)?;
    let end = args.i64(2)?;
    let r = range(start, end, s.chars().count())?;
    Ok(Value::string(
        s.chars().skip(r.start).take(r.len()).collect::<String>(),
    ))
}

/// `strings.MinRunes(s, min)`: `s` has at least `min` runes.
pub(super) fn min_runes(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let min = args.i64(1)?;
    Ok(Value::Bool(
        i64::try_from(s.chars().count()).unwrap_or(i64::MAX) >= min,
    ))
}

/// `strings.MaxRunes(s, max)`: `s` has at most `max` runes.
pub(super) fn max_runes(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let max = args.i64(1)?;
    Ok(Value::Bool(
        i64::try_from(s.chars().count()).unwrap_or(i64::MAX) <= max,
    ))
}
