//! Building new strings: `Replace` and `Repeat`, with their results'
//! size checked before anything is built.

use crate::limits::check_output;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// `strings.Replace(s, old, new, n)`: the first `n` non-overlapping
/// instances of `old` replaced (all when `n < 0`); an empty `old` matches
/// before each rune and at the end.
pub(super) fn replace(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let old = args.string(1)?;
    let new = args.string(2)?;
    let n = args.i64(3)?;
    if old == new || n == 0 {
        return Ok(Value::string(s));
    }
    let found = if old.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(old).count()
    };
    let count = match usize::try_from(n) {
        Ok(n) if n < found => n,
        _ => found,
    };
    let len = (s.len() - old.len() * count).saturating_add(new.len().saturating_mul(count));
    check_output(len)?;
    let mut out = String::with_capacity(len);
    let mut rest = s;
    for i in 0..count {
        let at = if old.is_empty() {
            // Before the first rune, then after each following one.
            if i == 0 {
                0
            } else {
                rest.chars().next().map_or(0, char::len_utf8)
            }
        } else {
            rest.find(old).unwrap_or(rest.len())
        };
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        out.push_str(new);
        rest = tail.get(old.len()..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(Value::string(out))
}

/// `strings.Repeat(s, count)`.
pub(super) fn repeat(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let count = args.i64(1)?;
    let Ok(count) = usize::try_from(count) else {
        return Err(CallError::Failed("strings: negative Repeat count".into()));
    };
    // Go's ints are signed: the length must fit 63 bits.
    let Some(len) = s
        .len()
        .checked_mul(count)
        .filter(|&l| isize::try_from(l).is_ok())
    else {
        return Err(CallError::Failed(
            "strings: Repeat output length overflow".into(),
        ));
    };
    check_output(len)?;
    Ok(Value::string(s.repeat(count)))
}
