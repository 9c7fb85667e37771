//! Exact decimal functions: rounding to ints, `MultipleOf`, `Abs`,
//! `Copysign`, `Dim`, `Signbit`, `Pow10` and `Jacobi`.

use crate::decimal::{Dec, DecError, Rounding, PRECISION};
use crate::goargs;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};
use tenon_eval::builtin::{Args, CallError, Context, Value};
use tenon_eval::num::{Int, IntRounding, Number, MAX_EXPONENT, MIN_EXPONENT};

/// Argument `i` as a decimal.
pub(super) fn dec(args: &Args, i: usize) -> Result<Dec, CallError> {
    args.number(i).map(Dec::from_number)
}

fn to_int(args: &Args, mode: IntRounding) -> Result<Value, CallError> {
    let n = args.number(0)?;
    Ok(Value::Number(Number::Int(n.to_int_rounded(mode))))
}

pub(super) fn floor(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    to_int(args, IntRounding::Floor)
}

pub(super) fn ceil(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    to_int(args, IntRounding::Ceil)
}

pub(super) fn trunc(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    to_int(args, IntRounding::Trunc)
}

pub(super) fn round(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    to_int(args, IntRounding::HalfAwayFromZero)
}

pub(super) fn round_to_even(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    to_int(args, IntRounding::HalfEven)
}

/// Whether x / y, computed to 34 digits, has no fraction.
pub(super) fn multiple_of(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (x, y) = (dec(args, 0)?, dec(args, 1)?);
    let q = x.quo(&y, PRECISION, Rounding::HalfUp)?;
    Ok(Value::Bool(q.is_integral()))
}

pub(super) fn abs(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = dec(args, 0)?;
    x.abs().round(PRECISION, Rounding::HalfUp).0.to_value()
}

/// x with the sign of y.
pub(super) fn copysign(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (x, y) = (dec(args, 0)?, dec(args, 1)?);
    Dec { neg: y.neg, ..x }.to_value()
}

/// max(x − y, 0).
pub(super) fn dim(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (x, y) = (dec(args, 0)?, dec(args, 1)?);
    let d = x.sub(&y, PRECISION, Rounding::HalfUp)?;
    if d.neg {
        return Ok(Value::int(0));
    }
    d.to_value()
}

pub(super) fn signbit(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::Bool(dec(args, 0)?.neg))
}

/// 10^n for an int32 n.
pub(super) fn pow10(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let n = goargs::int_bits(args, 0, 32, "int32")?;
    if n > MAX_EXPONENT {
        return Err(DecError::Overflow.into());
    }
    if n < MIN_EXPONENT {
        return Err(DecError::Underflow.into());
    }
    Dec {
        neg: false,
        coeff: One::one(),
        exp: n,
    }
    .to_value()
}

/// The Jacobi symbol (x/y) for an odd y.
pub(super) fn jacobi(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = args.int(0)?.to_bigint();
    let y = args.int(1)?.to_bigint();
    if y.is_even() {
        return Err(CallError::Failed(format!(
            "big: invalid 2nd argument to Int.Jacobi: need odd integer but got {y}"
        )));
    }
    Ok(Value::Number(Number::Int(Int::Small(jacobi_symbol(x, y)))))
}

fn jacobi_symbol(mut a: BigInt, mut b: BigInt) -> i64 {
    let mut j = 1;
    if b.is_negative() {
        if a.is_negative() {
            j = -1;
        }
        b = -b;
    }
    loop {
        if b.is_one() {
            return j;
        }
        if a.is_zero() {
            return 0;
        }
        a = a.mod_floor(&b);
        if a.is_zero() {
            return 0;
        }
        let s = a.trailing_zeros().unwrap_or(0);
        if s % 2 == 1 {
            let b8 = (&b % 8u32).to_string();
            if b8 == "3" || b8 == "5" {
                j = -j;
            }
        }
        let c = &a >> s;
        if (&b % 4u32) == BigInt::from(3) && (&c % 4u32) == BigInt::from(3) {
            j = -j;
        }
        a = b;
        b = c;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jacobi_matches_known_values() {
        let j = |a: i64, b: i64| jacobi_symbol(BigInt::from(a), BigInt::from(b));
        assert_eq!(j(1000, 201), 1);
        assert_eq!(j(2, 3), -1);
        assert_eq!(j(2, 7), 1);
        assert_eq!(j(5, 21), 1);
        assert_eq!(j(6, 15), 0);
        assert_eq!(j(-1, -3), 1);
        assert_eq!(j(1, -3), 1);
        assert_eq!(j(-1, 3), -1);
    }
}
