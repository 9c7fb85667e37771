//! Sorting with a comparator struct (`{x: _, y: _, less: bool}`, unified
//! with each pair to compare) and sorting strings.

use crate::goargs;
use std::sync::Arc;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// A comparator: the value whose unification with `{x: a, y: b}` tells
/// in `less` whether a sorts before b.
struct Comparator<'a> {
    cmp: &'a Value,
}

impl<'a> Comparator<'a> {
    /// Checks that the comparator has the fields a comparison reads.
    fn new(cmp: &'a Value, ctx: &mut dyn Context) -> Result<Self, CallError> {
        if let Value::Struct(fields) = ctx.unify(&[cmp])? {
            for name in ["less", "x", "y"] {
                if !fields.iter().any(|(n, _)| &**n == name) {
                    return Err(CallError::Failed(format!("field not found: {name}")));
                }
            }
        }
        Ok(Comparator { cmp })
    }

    fn less(&self, a: &Value, b: &Value, ctx: &mut dyn Context) -> Result<bool, CallError> {
        let pair = Value::Struct(vec![
            (Arc::from("x"), a.clone()),
            (Arc::from("y"), b.clone()),
        ]);
        let result = ctx.unify(&[self.cmp, &pair])?;
        match result.field("less") {
            Some(Value::Bool(b)) => Ok(*b),
            Some(Value::Opaque(_)) => Err(CallError::Incomplete),
            Some(other) => Err(CallError::Failed(format!(
                "cannot use value {other} (type {}) as bool",
                other.kind_name()
            ))),
            None => Err(CallError::Failed("field not found: less".into())),
        }
    }
}

/// A stable merge sort of `items` by `cmp`: O(n log n) comparisons.
pub(super) fn sort(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let items = args.list(0)?;
    let cmp = Comparator::new(args.value(1)?, ctx)?;
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut buffer = order.clone();
    let mut width = 1;
    while width < order.len() {
        for start in (0..order.len()).step_by(2 * width) {
            let mid = (start + width).min(order.len());
            let end = (start + 2 * width).min(order.len());
            let (mut i, mut j) = (start, mid);
            for slot in &mut buffer[start..end] {
                // Take from the right run only when strictly less.
                let take_right =
                    j < end && (i >= mid || cmp.less(&items[order[j]], &items[order[i]], ctx)?);
                if take_right {
                    *slot = order[j];
                    j += 1;
                } else {
                    *slot = order[i];
                    i += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    Ok(Value::List(
        order.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

/// Whether no element sorts before the one preceding it.
pub(super) fn is_sorted(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let items = args.list(0)?;
    let cmp = Comparator::new(args.value(1)?, ctx)?;
    for i in (1..items.len()).rev() {
        if cmp.less(&items[i], &items[i - 1], ctx)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Strings in increasing byte order.
pub(super) fn sort_strings(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let mut a = goargs::string_list(args, 0)?;
    a.sort_unstable();
    Ok(Value::strings(a))
}

pub(super) fn is_sorted_strings(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let a = goargs::string_list(args, 0)?;
    Ok(Value::Bool(a.windows(2).all(|w| w[0] <= w[1])))
}
