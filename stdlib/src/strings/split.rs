//! Splitting and joining: the `Split` family (Go's `genSplit`), `Fields`
//! and `Join`.

use crate::limits::check_output;
use crate::unicode;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// Go's `genSplit`: at most `n` pieces (all when `n < 0`, none when
/// `n == 0`), each keeping its separator when `after`; an empty `sep`
/// splits after each rune.
fn go_split<'a>(s: &'a str, sep: &str, after: bool, n: i64) -> Vec<&'a str> {
    if n == 0 {
        return Vec::new();
    }
    let limit = usize::try_from(n).ok();
    if sep.is_empty() {
        // One piece per rune, the last one taking the rest.
        let mut out = Vec::new();
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            if limit.is_some_and(|l| out.len() + 1 == l) {
                break;
            }
            let (head, tail) = rest.split_at(c.len_utf8());
            out.push(head);
            rest = tail;
        }
        if !rest.is_empty() {
            out.push(rest);
        }
        return out;
    }
    let mut out = Vec::new();
    let mut rest = s;
    while limit.is_none_or(|l| out.len() + 1 < l) {
        let Some(m) = rest.find(sep) else { break };
        let keep = if after { m + sep.len() } else { m };
        out.push(&rest[..keep]);
        rest = &rest[m + sep.len()..];
    }
    out.push(rest);
    out
}

fn split_value(args: &Args, after: bool, n: Option<i64>) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let sep = args.string(1)?;
    let n = match n {
        Some(n) => n,
        None => args.i64(2)?,
    };
    Ok(Value::strings(go_split(s, sep, after, n)))
}

/// `strings.Split(s, sep)`.
pub(super) fn split(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    split_value(args, false, Some(-1))
}

/// `strings.SplitN(s, sep, n)`.
pub(super) fn split_n(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    split_value(args, false, None)
}

/// `strings.SplitAfter(s, sep)`.
pub(super) fn split_after(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    split_value(args, true, Some(-1))
}

/// `strings.SplitAfterN(s, sep, n)`.
pub(super) fn split_after_n(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    split_value(args, true, None)
}

/// `strings.Fields(s)`: the runs of non-space runes.
pub(super) fn fields(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    Ok(Value::strings(
        s.split(unicode::is_space).filter(|f| !f.is_empty()),
    ))
}

/// `strings.Join(elems, sep)`.
pub(super) fn join(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let elems = args.string_list(0)?;
    let sep = args.string(1)?;
    let len = elems.iter().map(|e| e.len()).sum::<usize>()
        + sep.len().saturating_mul(elems.len().saturating_sub(1));
    check_output(len)?;
    Ok(Value::string(elems.join(sep)))
}

#[cfg(test)]
mod tests {
    use super::go_split;

    #[test]
    fn splits_like_go() {
        assert_eq!(go_split("a,b,c", ",", false, 2), ["a", "b,c"]);
        assert_eq!(go_split("a,b,c", ",", true, -1), ["a,", "b,", "c"]);
        assert_eq!(go_split("", ",", false, -1), [""]);
        assert!(go_split("", "", false, -1).is_empty());
        assert_eq!(go_split("héllo", "", false, 3), ["h", "é", "llo"]);
        assert_eq!(go_split("ab", "", false, 1), ["ab"]);
        assert!(go_split("a", ",", false, 0).is_empty());
    }
}
