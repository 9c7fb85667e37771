//! Decimal arithmetic as CUE v0.14 does it: apd with a 34-digit context
//! rounding half up, plus CUE's trimming of quotients.

use super::coeff::Coeff;
use super::decimal::{Decimal, MAX_EXPONENT, MIN_EXPONENT};
use super::error::NumberError;
use std::borrow::Cow;
use std::cmp::Ordering;

/// Significant digits kept by float arithmetic.
pub const PRECISION: u64 = 34;

impl Decimal {
    /// self + o, rounded to 34 digits; exact sums keep the smaller exponent (`1.50 + 1` is `2.50`).
    pub fn add(&self, o: &Decimal) -> Result<Decimal, NumberError> {
        add_signed(self, o, false, PRECISION)
    }

    /// self − o, rounded to 34 digits.
    pub fn sub(&self, o: &Decimal) -> Result<Decimal, NumberError> {
        add_signed(self, o, true, PRECISION)
    }

    /// self × o, rounded to 34 digits; exact products add exponents (`2.50 * 2` is `5.00`).
    pub fn mul(&self, o: &Decimal) -> Result<Decimal, NumberError> {
        mul_in(self, o, PRECISION)
    }

    /// self / o as CUE's `/` computes it: 34 significant digits, then all
    /// trailing zeros dropped except that a result which had a fraction
    /// keeps one decimal place (`4 / 2` is `2.0`, `100.0 / 10` is `10`).
    pub fn quo(&self, o: &Decimal) -> Result<Decimal, NumberError> {
        if o.coeff.is_zero() {
            return Err(if self.coeff.is_zero() {
                NumberError::QuotientUndefined
            } else {
                NumberError::QuotientByZero
            });
        }
        let shift = i64::from(self.exp) - i64::from(o.exp);
        if self.coeff.is_zero() {
            if !(MIN_EXPONENT..=MAX_EXPONENT).contains(&shift) {
                return Err(NumberError::ExponentOutOfRange);
            }
            // Reducing a zero drops its sign and exponent.
            return Decimal::from_coeff(false, Coeff::ZERO, if shift < 0 { -1 } else { 0 });
        }
        let neg = self.neg != o.neg;

        // Scale the coefficients so that divisor <= dividend < 10 × divisor;
        // the quotient then has exactly PRECISION digits.
        let (mut dividend, mut divisor) = (self.coeff.clone(), o.coeff.clone());
        let nd_diff = dividend.digits() as i64 - divisor.digits() as i64;
        match nd_diff.cmp(&0) {
            Ordering::Less => dividend = dividend.mul_pow10(nd_diff.unsigned_abs()),
            Ordering::Greater => divisor = divisor.mul_pow10(nd_diff.unsigned_abs()),
            Ordering::Equal => {}
        }
        let mut adjust = -nd_diff;
        if dividend < divisor {
            dividend = dividend.mul_pow10(1);
            adjust += 1;
        }
        let dividend = dividend.mul_pow10(PRECISION - 1);
        let (mut q, r) = dividend.divrem(&divisor);
        if !r.is_zero() && r.add(&r) >= divisor {
            q = q.add_one();
        }
        let exp = shift - adjust - (PRECISION as i64 - 1);
        let adjusted = exp + q.digits() as i64 - 1;
        if !(MIN_EXPONENT..=MAX_EXPONENT).contains(&adjusted) {
            return Err(NumberError::ExponentOutOfRange);
        }

        // CUE's reduction: strip every trailing zero, but a quotient that
        // had decimal places keeps one (`2.0`, not `2`).
        let zeros = q.trailing_zeros();
        let (mut q, mut reduced) = (q.divrem_pow10(zeros).0, exp + zeros as i64);
        if exp < 0 && reduced >= 0 {
            q = q.mul_pow10(1);
            reduced -= 1;
        }
        Decimal::from_coeff(neg, q, reduced)
    }
}

/// x × y rounded to `precision` digits.
pub(crate) fn mul_in(x: &Decimal, y: &Decimal, precision: u64) -> Result<Decimal, NumberError> {
    let neg = x.neg != y.neg;
    let c = x.coeff.mul(&y.coeff);
    finish(neg, c, i64::from(x.exp) + i64::from(y.exp), precision)
}

/// x + y, or x − y when `subtract`, rounded to `precision` digits.
pub(crate) fn add_signed(
    x: &Decimal,
    y: &Decimal,
    subtract: bool,
    precision: u64,
) -> Result<Decimal, NumberError> {
    add_in(x, y, subtract, precision, true)
}

/// [`add_signed`]; without `narrow`, operands are aligned however far
/// apart their exponents are (the tests compare both ways).
pub(crate) fn add_in(
    x: &Decimal,
    y: &Decimal,
    subtract: bool,
    precision: u64,
    narrow: bool,
) -> Result<Decimal, NumberError> {
    // apd refuses to align exponents further apart than the exponent range.
    if i64::from(x.exp.abs_diff(y.exp)) > MAX_EXPONENT {
        return Err(NumberError::ExponentOutOfRange);
    }
    let (mut x, mut y) = (Cow::Borrowed(x), Cow::Borrowed(y));
    if narrow {
        if x.exp > y.exp {
            if let Some(n) = narrow_low(&x, &y, precision) {
                y = Cow::Owned(n);
            }
        } else if let Some(n) = narrow_low(&y, &x, precision) {
            x = Cow::Owned(n);
        }
    }
    let xn = x.neg;
    let yn = y.neg != subtract;
    let e = x.exp.min(y.exp);
    let a = x.coeff.mul_pow10(u64::from(x.exp.abs_diff(e)));
    let b = y.coeff.mul_pow10(u64::from(y.exp.abs_diff(e)));
    let (neg, c) = if xn == yn {
        (xn, a.add(&b))
    } else {
        match a.cmp(&b) {
            // An exact cancellation is a positive zero.
            Ordering::Equal => (false, Coeff::ZERO),
            Ordering::Greater => (xn, a.sub(&b)),
            Ordering::Less => (!xn, b.sub(&a)),
        }
    };
    finish(neg, c, i64::from(e), precision)
}

/// A stand-in for `lo` (whose exponent is below `hi`'s) that gives the same
/// rounded sum with `hi` but needs far less alignment, when `lo` lies
/// wholly below the rounding position of the sum; `None` when no
/// stand-in is needed.
///
/// Let m = min(hi's exponent, hi's adjusted exponent − precision − 1).
/// Every point where the rounded sum can change (multiples of half the
/// last kept digit, powers of ten) is a multiple of 10^m, and so is hi; a
/// non-zero lo below 10^(m−1) leaves the sum strictly between the same two
/// such points whatever its size, so 10^(m−2) of the same sign stands in
/// for it. A zero lo only pads hi with zeros, which rounding removes once
/// there are more than `precision` digits.
fn narrow_low(hi: &Decimal, lo: &Decimal, precision: u64) -> Option<Decimal> {
    if hi.coeff.is_zero() {
        return None;
    }
    let (eh, el) = (i64::from(hi.exp), i64::from(lo.exp));
    let p = precision as i64;
    let (coeff, exp) = if lo.coeff.is_zero() {
        (Coeff::ZERO, eh - p - 1)
    } else {
        let m = eh.min(eh + hi.coeff.digits() as i64 - 1 - p - 1);
        // lo's adjusted exponent (el + digits − 1) must be below m − 1.
        if el + lo.coeff.digits() as i64 >= m {
            return None;
        }
        (Coeff::Small(1), m - 2)
    };
    if exp <= el {
        return None;
    }
    Some(Decimal {
        neg: lo.neg,
        coeff,
        exp: i32::try_from(exp).ok()?,
    })
}

/// Rounds an exact result and checks its exponent.
fn finish(neg: bool, c: Coeff, exp: i64, precision: u64) -> Result<Decimal, NumberError> {
    let (c, exp) = round(c, exp, precision);
    Decimal::from_coeff(neg, c, exp)
}

/// Rounds a coefficient half up (on the magnitude) to `precision` digits,
/// moving the exponent along.
fn round(c: Coeff, exp: i64, precision: u64) -> (Coeff, i64) {
    let nd = c.digits();
    if nd <= precision {
        return (c, exp);
    }
    let mut diff = nd - precision;
    let (mut q, r) = c.divrem_pow10(diff);
    if !r.is_zero() && r.add(&r) >= Coeff::Small(1).mul_pow10(diff) {
        q = q.add_one();
        if q.digits() > precision {
            q = q.divrem_pow10(1).0;
            diff += 1;
        }
    }
    (q, exp + diff as i64)
}
