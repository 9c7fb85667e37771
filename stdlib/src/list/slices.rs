//! Building lists from lists: `Concat`, `Repeat`, `FlattenN`, `Take`,
//! `Drop`, `Slice` and `Reverse`.

use super::check_items;
use crate::goargs;
use tenon_eval::builtin::{Args, CallError, Context, Value};

fn failed(msg: impl Into<String>) -> CallError {
    CallError::Failed(msg.into())
}

/// The elements of `v`, which must be a list (`Incomplete` while unknown).
fn elements(v: &Value) -> Result<&[Value], CallError> {
    match v {
        Value::List(items) => Ok(items),
        Value::Opaque(_) => Err(CallError::Incomplete),
        other => Err(failed(format!(
            "cannot use value {other} (type {}) as list",
            other.kind_name()
        ))),
    }
}

/// An index argument: an int64 that must not be negative.
fn index(args: &Args, i: usize) -> Result<i64, CallError> {
    let n = goargs::int_bits(args, i, 64, "int64")?;
    if n < 0 {
        return Err(failed("negative index"));
    }
    Ok(n)
}

fn clamp(n: i64, len: usize) -> usize {
    usize::try_from(n).map_or(len, |n| n.min(len))
}

pub(super) fn concat(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let mut out = Vec::new();
    for list in args.list(0)? {
        let items = elements(list)?;
        check_items(out.len() + items.len())?;
        out.extend_from_slice(items);
    }
    Ok(Value::List(out))
}

pub(super) fn repeat(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = args.list(0)?;
    let count = goargs::int_bits(args, 1, 64, "int64")?;
    if count < 0 {
        return Err(failed("negative count"));
    }
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    if !x.is_empty() {
        check_items(x.len().saturating_mul(count))?;
    }
    let mut out = Vec::with_capacity(x.len() * count.min(super::MAX_ITEMS));
    for _ in 0..if x.is_empty() { 0 } else { count } {
        out.extend_from_slice(x);
    }
    Ok(Value::List(out))
}

/// The list with its nested lists spliced in, `depth` levels deep (all
/// levels when negative).
pub(super) fn flatten_n(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let xs = args.value(0)?;
    let depth = goargs::int_bits(args, 1, 64, "int64")?;
    let mut out = Vec::new();
    flatten(xs, depth, &mut out)?;
    Ok(Value::List(out))
}

fn flatten(xs: &Value, depth: i64, out: &mut Vec<Value>) -> Result<(), CallError> {
    for item in elements(xs)? {
        match item {
            Value::List(_) if depth != 0 => flatten(item, depth - 1, out)?,
            _ => {
                check_items(out.len() + 1)?;
                out.push(item.clone());
            }
        }
    }
    Ok(())
}

pub(super) fn take(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = args.list(0)?;
    let n = index(args, 1)?;
    Ok(Value::List(x[..clamp(n, x.len())].to_vec()))
}

pub(super) fn drop(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = args.list(0)?;
    let n = index(args, 1)?;
    Ok(Value::List(x[clamp(n, x.len())..].to_vec()))
}

pub(super) fn slice(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = args.list(0)?;
    let i = index(args, 1)?;
    let j = goargs::int_bits(args, 2, 64, "int64")?;
    if i > j {
        return Err(failed(format!("invalid index: {i} > {j}")));
    }
    let len = x.len() as i64;
    if i > len || j > len {
        return Err(failed("slice bounds out of range"));
    }
    Ok(Value::List(x[i as usize..j as usize].to_vec()))
}

pub(super) fn reverse(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let mut x = args.list(0)?.to_vec();
    x.reverse();
    Ok(Value::List(x))
}
