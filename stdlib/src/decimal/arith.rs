//! The four operations of an apd context: exact, then rounded to the
//! context's precision; `quo` keeps apd's ideal exponent.

use super::{bump, num_digits, pow10, round_up, Dec, DecError, Rounding};
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{Signed, Zero};
use std::cmp::Ordering;
use tenon_eval::num::{MAX_EXPONENT, MIN_EXPONENT};

impl Dec {
    /// self + o rounded to `p` digits.
    pub(crate) fn add(&self, o: &Dec, p: u64, mode: Rounding) -> Result<Dec, DecError> {
        let e = self.exp.min(o.exp);
        let shift = |d: &Dec| -> Result<BigUint, DecError> {
            let k = (d.exp - e) as u64;
            if k > 2 * MAX_EXPONENT as u64 + 2 * p {
                return Err(DecError::Overflow);
            }
            Ok(&d.coeff * pow10(k))
        };
        let (a, b) = (shift(self)?, shift(o)?);
        let (neg, coeff) = if self.neg == o.neg {
            (self.neg, a + b)
        } else {
            match a.cmp(&b) {
                Ordering::Equal => (false, BigUint::zero()),
                Ordering::Greater => (self.neg, a - b),
                Ordering::Less => (o.neg, b - a),
            }
        };
        finish(Dec { neg, coeff, exp: e }, p, mode)
    }

    /// self − o rounded to `p` digits.
    pub(crate) fn sub(&self, o: &Dec, p: u64, mode: Rounding) -> Result<Dec, DecError> {
        self.add(&o.negated(), p, mode)
    }

    /// self × o rounded to `p` digits.
    pub(crate) fn mul(&self, o: &Dec, p: u64, mode: Rounding) -> Result<Dec, DecError> {
        let d = Dec {
            neg: self.neg != o.neg,
            coeff: &self.coeff * &o.coeff,
            exp: self.exp + o.exp,
        };
        finish(d, p, mode)
    }

    /// self ÷ o as apd's `Quo` computes it: always `p` digits (`10 / 4` is
    /// `2.500…0`), rounded.
    pub(crate) fn quo(&self, o: &Dec, p: u64, mode: Rounding) -> Result<Dec, DecError> {
        if o.is_zero() {
            return Err(if self.is_zero() {
                DecError::DivisionUndefined
            } else {
                DecError::DivisionByZero
            });
        }
        let neg = self.neg != o.neg;
        let shift = self.exp - o.exp;
        if self.is_zero() {
            return check(Dec {
                neg,
                coeff: BigUint::zero(),
                exp: shift,
            });
        }
        let (x, y) = (&self.coeff, &o.coeff);
        // Align so that y <= x·10^a < 10·y: the quotient then has one digit
        // before p − 1 more are asked for.
        let mut a = num_digits(y) as i64 - num_digits(x) as i64;
        let at_least_y = |a: i64| {
            if a >= 0 {
                x * pow10(a as u64) >= *y
            } else {
                *x >= y * pow10(a.unsigned_abs())
            }
        };
        if !at_least_y(a) {
            a += 1;
        }
        let a = a + p as i64 - 1;
        let (num, den) = if a >= 0 {
            (x * pow10(a as u64), y.clone())
        } else {
            (x.clone(), y * pow10(a.unsigned_abs()))
        };
        let (q, r) = num.div_rem(&den);
        let up = round_up(&q, &(r << 1usize), &den, mode);
        let (coeff, exp) = bump(q, up, p, shift - a);
        check(Dec { neg, coeff, exp })
    }

    /// self^n by squaring, each product rounded to `p` digits (apd's
    /// `integerPower`); a negative `n` divides one by the result.
    pub(crate) fn int_pow(&self, n: &BigInt, p: u64, mode: Rounding) -> Result<Dec, DecError> {
        let b = n.abs().to_biguint().unwrap_or_default();
        let bits = b.bits();
        let mut base = self.clone();
        let mut z = Dec::from_i64(1);
        let overflow = if n.is_negative() {
            DecError::Underflow
        } else {
            DecError::Overflow
        };
        let map = |e: DecError| if e == DecError::Overflow { overflow } else { e };
        for i in 0..bits {
            if b.bit(i) {
                z = z.mul(&base, p, mode).map_err(map)?;
            }
            if i + 1 < bits {
                base = base.mul(&base, p, mode).map_err(map)?;
            }
        }
        if n.is_negative() {
            z = Dec::from_i64(1).quo(&z, p, mode)?;
        }
        Ok(z)
    }
}

/// Rounds an exact result and checks its exponent.
fn finish(d: Dec, p: u64, mode: Rounding) -> Result<Dec, DecError> {
    check(d.round(p, mode).0)
}

/// Fails when the adjusted exponent is outside apd's range.
fn check(d: Dec) -> Result<Dec, DecError> {
    if d.is_zero() {
        return Ok(d);
    }
    let adjusted = d.adjusted();
    if adjusted > MAX_EXPONENT {
        Err(DecError::Overflow)
    } else if adjusted < MIN_EXPONENT {
        Err(DecError::Underflow)
    } else {
        Ok(d)
    }
}
