//! The functions CUE computes in float64: the argument is converted as
//! `cue.Value.Float64` does (an error when it rounds to infinity or to
//! zero), the function is Go's, and the result is read back with the
//! shortest digits that identify it (`1.4142135623730951`).

use super::go;
use crate::decimal::Dec;
use crate::goargs;
use std::cmp::Ordering;
use tenon_eval::builtin::{Args, CallError, Context, Value};
use tenon_eval::num::Number;

/// The largest float64, and the smallest positive one, as decimals.
const MAX_FLOAT64: &str = "1.797693134862315708145274237317043567981e308";
const SMALLEST_FLOAT64: &str = "4.940656458412465441765687928682213723651e-324";

/// Argument `i` as a float64, with CUE's message when it does not fit.
pub(super) fn float64(args: &Args, i: usize) -> Result<f64, CallError> {
    let n = args.number(i)?;
    let d = Dec::from_number(n);
    if d.is_zero() {
        return Ok(0.0);
    }
    let limit = |text: &str| Dec::parse(text).unwrap_or_else(Dec::zero);
    let magnitude = d.abs();
    let rounded = if magnitude.cmp_value(&limit(MAX_FLOAT64)) == Ordering::Greater {
        // Beyond the range: rounds to ±Inf.
        Some(if d.neg { "down" } else { "up" })
    } else if magnitude.cmp_value(&limit(SMALLEST_FLOAT64)) == Ordering::Less {
        // Below the smallest: rounds to ±0.
        Some(if d.neg { "up" } else { "down" })
    } else {
        None
    };
    if let Some(way) = rounded {
        return Err(CallError::Argument(format!(
            "cannot use {n} (type {}) as float64 in argument {i} to {}: value was rounded {way}",
            if n.is_int() { "int" } else { "float" },
            args.name()
        )));
    }
    Ok(n.to_f64())
}

/// A float64 result as a number; NaN and the infinities have none.
pub(super) fn result(v: f64) -> Result<Value, CallError> {
    match Number::from_f64(v) {
        Some(n) => Ok(Value::Number(n)),
        None if v.is_nan() => Err(CallError::Failed("result is NaN".into())),
        None => Err(CallError::Failed(format!(
            "result is {}Inf",
            if v < 0.0 { "-" } else { "+" }
        ))),
    }
}

fn unary(args: &Args, f: fn(f64) -> f64) -> Result<Value, CallError> {
    result(f(float64(args, 0)?))
}

fn binary(args: &Args, f: fn(f64, f64) -> f64) -> Result<Value, CallError> {
    let x = float64(args, 0)?;
    let y = float64(args, 1)?;
    result(f(x, y))
}

/// Declares functions of one float64 argument.
macro_rules! unary_fns {
    ($($name:ident => $f:expr),* $(,)?) => {$(
        pub(super) fn $name(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
            unary(args, $f)
        }
    )*};
}

unary_fns! {
    acos => go::acos,
    acosh => go::acosh,
    asin => go::asin,
    asinh => go::asinh,
    atan => go::atan,
    atanh => go::atanh,
    cos => go::cos,
    cosh => go::cosh,
    erf => go::erf,
    erfc => go::erfc,
    erfcinv => go::erfcinv,
    erfinv => go::erfinv,
    expm1 => go::expm1,
    gamma => go::gamma,
    j0 => go::j0,
    j1 => go::j1,
    log1p => go::log1p,
    logb => go::logb,
    sin => go::sin,
    sinh => go::sinh,
    sqrt => f64::sqrt,
    tan => go::tan,
    tanh => go::tanh,
    y0 => go::y0,
    y1 => go::y1,
}

pub(super) fn atan2(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    binary(args, go::atan2)
}

pub(super) fn hypot(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    binary(args, go::hypot)
}

pub(super) fn modulo(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    binary(args, go::modulo)
}

pub(super) fn remainder(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    binary(args, go::remainder)
}

/// The binary exponent of x as an int.
pub(super) fn ilogb(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::int(i64::from(go::ilogb(float64(args, 0)?))))
}

/// The order of Jn and Yn: Go's recurrences take |n| steps, so an order
/// beyond this is refused rather than computed for hours.
fn order(args: &Args) -> Result<i64, CallError> {
    const MAX_ORDER: i64 = 10_000_000;
    let n = goargs::int_bits(args, 0, 64, "int64")?;
    if !(-MAX_ORDER..=MAX_ORDER).contains(&n) {
        return Err(CallError::Failed(format!(
            "order {n} too large (at most {MAX_ORDER} in magnitude)"
        )));
    }
    Ok(n)
}

pub(super) fn jn(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let n = order(args)?;
    result(go::jn(n, float64(args, 1)?))
}

pub(super) fn yn(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let n = order(args)?;
    result(go::yn(n, float64(args, 1)?))
}

/// frac × 2^exp.
pub(super) fn ldexp(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let frac = float64(args, 0)?;
    let exp = goargs::int_bits(args, 1, 64, "int64")?;
    result(go::ldexp(frac, exp))
}
