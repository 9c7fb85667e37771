//! Lists of numbers: `Sum`, `Product`, `Avg`, `Max`, `Min` (computed as
//! CUE's `+ * /` compute, so ints stay ints) and `Range`.

use super::check_items;
use crate::goargs;
use std::cmp::Ordering;
use tenon_eval::builtin::{Args, CallError, Context, Value};
use tenon_eval::num::{Number, NumberError};

fn arithmetic(e: NumberError) -> CallError {
    CallError::Failed(e.cue_message())
}

fn empty() -> CallError {
    CallError::Failed("empty list".into())
}

fn fold(
    args: &Args,
    start: i64,
    op: fn(&Number, &Number) -> Result<Number, NumberError>,
) -> Result<Number, CallError> {
    let mut acc = Number::from_i64(start);
    for x in goargs::number_list(args, 0)? {
        acc = op(&acc, x).map_err(arithmetic)?;
    }
    Ok(acc)
}

pub(super) fn sum(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    fold(args, 0, Number::add).map(Value::Number)
}

pub(super) fn product(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    fold(args, 1, Number::mul).map(Value::Number)
}

/// The sum divided by the count, as `/` divides (always a float).
pub(super) fn avg(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let n = goargs::number_list(args, 0)?.len();
    if n == 0 {
        return Err(empty());
    }
    let total = fold(args, 0, Number::add)?;
    total
        .div(&Number::from(n))
        .map(Value::Number)
        .map_err(arithmetic)
}

/// The first element that no other exceeds in the direction `want`.
fn extreme(args: &Args, want: Ordering) -> Result<Value, CallError> {
    let xs = goargs::number_list(args, 0)?;
    let mut best = *xs.first().ok_or_else(empty)?;
    for x in &xs[1..] {
        if (*x).cmp(best) == want {
            best = x;
        }
    }
    Ok(Value::Number(best.clone()))
}

pub(super) fn max(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    extreme(args, Ordering::Greater)
}

pub(super) fn min(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    extreme(args, Ordering::Less)
}

/// start, start + step, … while before limit.
pub(super) fn range(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let start = args.number(0)?;
    let limit = args.number(1)?;
    let step = args.number(2)?;
    let failed = |m: &str| Err(CallError::Failed(m.into()));
    let up = match step.signum() {
        0 => return failed("step must be non zero"),
        s => s > 0,
    };
    if up && start > limit {
        return failed("end must be greater than start when step is positive");
    }
    if !up && start < limit {
        return failed("end must be less than start when step is negative");
    }
    let mut out = Vec::new();
    let mut num = start.clone();
    while (up && num < *limit) || (!up && num > *limit) {
        check_items(out.len() + 1)?;
        let next = num.add(step).map_err(arithmetic)?;
        if next == num {
            return Err(CallError::Failed(format!(
                "step {step} is too small to advance from {num}"
            )));
        }
        out.push(Value::Number(std::mem::replace(&mut num, next)));
    }
    Ok(Value::List(out))
}
