//! Searching: `Index` and kin (byte offsets, `-1` when absent), `Count`,
//! `Contains*`, `Has*` and `Compare`.

use super::offset;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// The two string arguments of a search.
fn pair(args: &Args) -> Result<(&str, &str), CallError> {
    Ok((args.string(0)?, args.string(1)?))
}

/// `strings.Compare(a, b)`: -1, 0 or 1, comparing bytes.
pub(super) fn compare(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (a, b) = pair(args)?;
    Ok(Value::int(match a.cmp(b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

/// `strings.Count(s, substr)`: non-overlapping instances; one more than
/// the number of runes for an empty `substr`.
pub(super) fn count(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, substr) = pair(args)?;
    let n = if substr.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(substr).count()
    };
    Ok(Value::Number(n.into()))
}

/// `strings.Contains(s, substr)`.
pub(super) fn contains(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, substr) = pair(args)?;
    Ok(Value::Bool(s.contains(substr)))
}

/// `strings.ContainsAny(s, chars)`: whether a rune of `chars` is in `s`.
pub(super) fn contains_any(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, chars) = pair(args)?;
    Ok(Value::Bool(s.contains(|c| chars.contains(c))))
}

/// `strings.Index(s, substr)`.
pub(super) fn index(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, substr) = pair(args)?;
    Ok(offset(s.find(substr)))
}

/// `strings.LastIndex(s, substr)`.
pub(super) fn last_index(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, substr) = pair(args)?;
    Ok(offset(s.rfind(substr)))
}

/// `strings.IndexAny(s, chars)`: the first rune of `s` that is in `chars`.
pub(super) fn index_any(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, chars) = pair(args)?;
    Ok(offset(s.find(|c| chars.contains(c))))
}

/// `strings.LastIndexAny(s, chars)`: the last rune of `s` that is in `chars`.
pub(super) fn last_index_any(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, chars) = pair(args)?;
    Ok(offset(s.rfind(|c| chars.contains(c))))
}

/// `strings.HasPrefix(s, prefix)`.
pub(super) fn has_prefix(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, prefix) = pair(args)?;
    Ok(Value::Bool(s.starts_with(prefix)))
}

/// `strings.HasSuffix(s, suffix)`.
pub(super) fn has_suffix(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (s, suffix) = pair(args)?;
    Ok(Value::Bool(s.ends_with(suffix)))
}
