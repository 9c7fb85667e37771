//! Argument conversions that Go-typed CUE builtins perform after the kind
//! check, with CUE's messages: ints that must fit a Go integer type, lists
//! of numbers or strings.
//!
//! CUE numbers the argument from 0 in these messages (`in argument 0`),
//! unlike the kind check before the call (`in argument 1`).

use tenon_eval::builtin::{Args, CallError, Value};
use tenon_eval::num::Number;

/// An int argument that must fit a signed Go type of `bits` bits (`typ`
/// names it in messages: `int64`, `int32`).
pub(crate) fn int_bits(args: &Args, i: usize, bits: u32, typ: &str) -> Result<i64, CallError> {
    let n = args.int(i)?;
    let fits = n
        .to_i64()
        .filter(|v| bits >= 64 || (*v >= -(1i64 << (bits - 1)) && *v < (1i64 << (bits - 1))));
    fits.ok_or_else(|| {
        CallError::Argument(format!(
            "int {n} overflows {typ} in argument {i} in call to {}",
            args.name()
        ))
    })
}

/// An int argument that must fit an unsigned Go type of `bits` bits.
pub(crate) fn uint_bits(args: &Args, i: usize, bits: u32, typ: &str) -> Result<u64, CallError> {
    let n = args.int(i)?;
    if n.is_negative() {
        return Err(CallError::Argument(format!(
            "cannot use {n} (type int) as {typ} in argument {i} to {}",
            args.name()
        )));
    }
    let big = n.to_bigint();
    let fits = u64::try_from(&big)
        .ok()
        .filter(|v| bits >= 64 || *v < (1u64 << bits));
    fits.ok_or_else(|| {
        CallError::Argument(format!(
            "int {n} overflows {typ} in argument {i} in call to {}",
            args.name()
        ))
    })
}

/// The elements of a list argument that must all be numbers.
pub(crate) fn number_list(args: &Args, i: usize) -> Result<Vec<&Number>, CallError> {
    typed_list(args, i, "number", |v| match v {
        Value::Number(n) => Some(n),
        _ => None,
    })
}

/// The elements of a list argument that must all be strings.
pub(crate) fn string_list(args: &Args, i: usize) -> Result<Vec<&str>, CallError> {
    typed_list(args, i, "string", |v| match v {
        Value::String(s) => Some(&**s),
        _ => None,
    })
}

fn typed_list<'a, T>(
    args: &'a Args,
    i: usize,
    want: &str,
    get: impl Fn(&'a Value) -> Option<T>,
) -> Result<Vec<T>, CallError> {
    let items = args.list(i)?;
    let mut out = Vec::with_capacity(items.len());
    for (j, item) in items.iter().enumerate() {
        match get(item) {
            Some(x) => out.push(x),
            None if matches!(item, Value::Opaque(_)) => return Err(CallError::Incomplete),
            None => {
                return Err(CallError::Argument(format!(
                    "invalid list element {j} in argument {i} to call: cannot use value {item} ({}) as {want}",
                    item.kind_name()
                )))
            }
        }
    }
    Ok(out)
}
