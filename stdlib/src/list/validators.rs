//! Tests on lists, most usable as validators: `MinItems`, `MaxItems`,
//! `UniqueItems`, `MatchN` and `Contains`.

use super::equal::{equal, key};
use crate::goargs;
use std::collections::HashMap;
use tenon_eval::builtin::{Args, CallError, Context, Value};

pub(super) fn min_items(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let count = args.list(0)?.len();
    let n = goargs::int_bits(args, 1, 64, "int64")?;
    if count as i64 >= n {
        return Ok(Value::Bool(true));
    }
    // CUE reports `len(list) < MinItems(n) (count < n)` as incomplete for
    // an open list (it may still grow); a validator cannot say both here,
    // and failing hard would break schemas such as `[...int] &
    // list.MinItems(1)` in definitions: the value stays incomplete.
    Err(CallError::Incomplete)
}

pub(super) fn max_items(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let count = args.list(0)?.len();
    let n = goargs::int_bits(args, 1, 64, "int64")?;
    if count as i64 <= n {
        return Ok(Value::Bool(true));
    }
    Err(CallError::Unsatisfied(format!(
        "len(list) > MaxItems({n}) ({count} > {n})"
    )))
}

/// No two elements equal; the first equal pair (i, j) in the order of
/// CUE's search (least i, then least j) is reported.
pub(super) fn unique_items(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let items = args.list(0)?;
    // For each key: where it first and second occurs.
    let mut seen: HashMap<String, (usize, Option<usize>)> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let Some(k) = key(item) else { continue };
        seen.entry(k)
            .and_modify(|e| {
                e.1.get_or_insert(i);
            })
            .or_insert((i, None));
    }
    let pair = seen
        .values()
        .filter_map(|&(first, second)| second.map(|s| (first, s)))
        .min();
    let Some((i, j)) = pair else {
        return Ok(Value::Bool(true));
    };
    let message = match &items[i] {
        v @ (Value::Null
        | Value::Bool(_)
        | Value::Number(_)
        | Value::String(_)
        | Value::Bytes(_)) => format!("equal value ({v}) at position {i} and {j}"),
        _ => format!("equal values at position {i} and {j}"),
    };
    Err(CallError::Unsatisfied(message))
}

pub(super) fn contains(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let items = args.list(0)?;
    let v = args.value(1)?;
    Ok(Value::Bool(items.iter().any(|w| equal(v, w))))
}

/// How many elements unify with `matchValue`, checked against `n` (a
/// number or a constraint such as `>0`).
pub(super) fn match_n(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let items = args.list(0)?;
    let n = args.value(1)?;
    let schema = args.value(2)?;
    let mut count = 0i64;
    for item in items {
        if ctx.unify(&[schema, item]).is_ok() {
            count += 1;
        }
    }
    if ctx.unify(&[n, &Value::int(count)]).is_ok() {
        return Ok(Value::Bool(true));
    }
    Err(CallError::Unsatisfied(format!(
        "number of matched elements is {count}: does not satisfy {n}"
    )))
}
