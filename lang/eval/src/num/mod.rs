//! Numbers: CUE's `int` (exact, any size) and `float` (a decimal that keeps
//! its spelling), their literals, arithmetic, comparison and printing.
//!
//! The behaviour follows CUE v0.14.1 (which uses apd with a 34-digit
//! context):
//! - `+ - *` on two ints give an exact int; with a float operand they give
//!   a float rounded half up to 34 significant digits, keeping the natural
//!   exponent of the exact result (`1.50 + 1` is `2.50`, `2.50 * 2` is
//!   `5.00`).
//! - `/` always gives a float: 34 digits, trailing zeros dropped, but a
//!   quotient that had decimal places keeps one (`4 / 2` is `2.0`,
//!   `1 / 3` is `0.3333333333333333333333333333333333`).
//! - `div mod` are Euclidean and `quo rem` truncate; all four need ints.
//! - Comparison is by value across kinds (`1 == 1.0`).
//! - `Display` is the export spelling, also used by interpolation.
//!
//! Unlike CUE v0.14, int arithmetic is never rounded (v0.14 rounds int
//! results beyond 34 digits) and there is no int `-0` (v0.14 prints `-0`
//! for `0 * -5`). A float `-0.0` exists, as in CUE.

mod arith;
mod coeff;
mod convert;
mod decimal;
mod error;
mod format;
mod int;
mod literal;

#[cfg(test)]
mod tests;

pub use arith::PRECISION;
pub use decimal::{Decimal, IntRounding, MAX_EXPONENT, MIN_EXPONENT};
pub use error::NumberError;
pub use int::Int;

use std::borrow::Cow;
use std::cmp::Ordering;

/// A CUE number: an `int` or a `float`.
#[derive(Clone, Debug)]
pub enum Number {
    /// An `int`.
    Int(Int),
    /// A `float`.
    Float(Box<Decimal>),
}

impl Number {
    /// A float (boxed: it is rarer and larger than an int).
    pub fn float(d: Decimal) -> Number {
        Number::Float(Box::new(d))
    }

    /// Reads a literal as the lexer gives it (unsigned; `is_float` for float tokens).
    pub fn parse_literal(text: &str, is_float: bool) -> Result<Number, NumberError> {
        literal::parse_literal(text, is_float)
    }

    /// The int `v`.
    pub fn from_i64(v: i64) -> Number {
        Number::Int(Int::Small(v))
    }

    /// Whether this is an `int`.
    pub fn is_int(&self) -> bool {
        matches!(self, Number::Int(_))
    }

    /// Whether this is a `float`.
    pub fn is_float(&self) -> bool {
        matches!(self, Number::Float(_))
    }

    /// The int, if this is one.
    pub fn as_int(&self) -> Option<&Int> {
        match self {
            Number::Int(i) => Some(i),
            Number::Float(_) => None,
        }
    }

    /// The value as a decimal (an int gets exponent 0).
    pub fn to_decimal(&self) -> Decimal {
        match self {
            Number::Int(i) => Decimal::from_int(i),
            Number::Float(d) => (**d).clone(),
        }
    }

    /// An int that fits an `i64`; `None` for floats, even whole ones.
    pub fn to_i64(&self) -> Option<i64> {
        self.as_int().and_then(Int::to_i64)
    }

    /// A non-negative int that fits a `usize` (list indexes, lengths); `None` for floats.
    pub fn to_usize(&self) -> Option<usize> {
        self.as_int().and_then(Int::to_usize)
    }

    /// Whether the value is whole, whatever the kind (`2.0` is, `2.5` is not).
    pub fn is_integer(&self) -> bool {
        match self {
            Number::Int(_) => true,
            Number::Float(d) => d.is_integral(),
        }
    }

    /// Whether the value is zero (of either sign).
    pub fn is_zero(&self) -> bool {
        match self {
            Number::Int(i) => i.is_zero(),
            Number::Float(d) => d.is_zero(),
        }
    }

    /// -1, 0 or 1 by value.
    pub fn signum(&self) -> i32 {
        match self {
            Number::Int(i) => i.signum(),
            Number::Float(d) => d.signum(),
        }
    }

    /// self + o: an int for two ints, else a float.
    pub fn add(&self, o: &Number) -> Result<Number, NumberError> {
        match (self, o) {
            (Number::Int(a), Number::Int(b)) => Ok(Number::Int(a.add(b))),
            _ => self.float_op(o, Decimal::add),
        }
    }

    /// self − o: an int for two ints, else a float.
    pub fn sub(&self, o: &Number) -> Result<Number, NumberError> {
        match (self, o) {
            (Number::Int(a), Number::Int(b)) => Ok(Number::Int(a.sub(b))),
            _ => self.float_op(o, Decimal::sub),
        }
    }

    /// self × o: an int for two ints, else a float.
    pub fn mul(&self, o: &Number) -> Result<Number, NumberError> {
        match (self, o) {
            (Number::Int(a), Number::Int(b)) => Ok(Number::Int(a.mul(b))),
            _ => self.float_op(o, Decimal::mul),
        }
    }

    /// self / o: always a float (`4 / 2` is `2.0`).
    pub fn div(&self, o: &Number) -> Result<Number, NumberError> {
        self.float_op(o, Decimal::quo)
    }

    /// −self, of the same kind; `-0.0` reads as `0.0`.
    pub fn neg(&self) -> Number {
        match self {
            Number::Int(i) => Number::Int(i.neg()),
            Number::Float(d) => Number::float(d.neg()),
        }
    }

    /// |self|, of the same kind.
    pub fn abs(&self) -> Number {
        match self {
            Number::Int(i) => Number::Int(i.abs()),
            Number::Float(d) => Number::float(d.abs()),
        }
    }

    /// `self div o`: Euclidean quotient of two ints (`-7 div 2` is -4).
    pub fn int_div(&self, o: &Number) -> Result<Number, NumberError> {
        self.int_op(o, Int::div_mod).map(|(q, _)| Number::Int(q))
    }

    /// `self mod o`: Euclidean remainder of two ints, never negative.
    pub fn int_mod(&self, o: &Number) -> Result<Number, NumberError> {
        self.int_op(o, Int::div_mod).map(|(_, r)| Number::Int(r))
    }

    /// `self quo o`: quotient of two ints truncated toward zero.
    pub fn quo(&self, o: &Number) -> Result<Number, NumberError> {
        self.int_op(o, Int::quo_rem).map(|(q, _)| Number::Int(q))
    }

    /// `self rem o`: remainder of `quo`, with the dividend's sign.
    pub fn rem(&self, o: &Number) -> Result<Number, NumberError> {
        self.int_op(o, Int::quo_rem).map(|(_, r)| Number::Int(r))
    }

    /// The whole number nearest the value in the given direction (`math.Floor` and kin).
    pub fn to_int_rounded(&self, mode: IntRounding) -> Int {
        match self {
            Number::Int(i) => i.clone(),
            Number::Float(d) => d.to_int_rounded(mode),
        }
    }

    /// The value as a decimal, borrowed when it is one.
    fn decimal(&self) -> Cow<'_, Decimal> {
        match self {
            Number::Int(i) => Cow::Owned(Decimal::from_int(i)),
            Number::Float(d) => Cow::Borrowed(d),
        }
    }

    fn float_op(
        &self,
        o: &Number,
        op: fn(&Decimal, &Decimal) -> Result<Decimal, NumberError>,
    ) -> Result<Number, NumberError> {
        op(&self.decimal(), &o.decimal()).map(Number::float)
    }

    fn int_op(
        &self,
        o: &Number,
        op: fn(&Int, &Int) -> Option<(Int, Int)>,
    ) -> Result<(Int, Int), NumberError> {
        match (self, o) {
            (Number::Int(a), Number::Int(b)) => op(a, b).ok_or(NumberError::DivisionByZero),
            _ => Err(NumberError::NotInt),
        }
    }
}

impl PartialEq for Number {
    /// Equality by value: `1 == 1.0`, `1.0 == 1.00`.
    fn eq(&self, o: &Number) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}

impl Eq for Number {}

impl PartialOrd for Number {
    fn partial_cmp(&self, o: &Number) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Number {
    /// Total order by value, across kinds; equal values of either kind compare equal.
    fn cmp(&self, o: &Number) -> Ordering {
        match (self, o) {
            (Number::Int(a), Number::Int(b)) => a.cmp(b),
            _ => self.decimal().cmp_value(&o.decimal()),
        }
    }
}

impl From<i64> for Number {
    fn from(v: i64) -> Number {
        Number::from_i64(v)
    }
}

impl From<usize> for Number {
    fn from(v: usize) -> Number {
        Number::Int(Int::from(v as u64))
    }
}

impl From<Int> for Number {
    fn from(i: Int) -> Number {
        Number::Int(i)
    }
}

impl From<Decimal> for Number {
    fn from(d: Decimal) -> Number {
        Number::float(d)
    }
}
