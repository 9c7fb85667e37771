//! Decimal arithmetic as CUE's builtins do it with apd: a context of a given
//! precision rounding half up (or half even), `Quo`'s ideal exponent, and
//! the transcendental functions (`Exp`, `Ln`, `Pow`, `Cbrt`).
//!
//! A [`Dec`] is a plain sign, coefficient and exponent; [`Dec::to_number`]
//! turns a result into a CUE number the way CUE converts an `*apd.Decimal`
//! a builtin returns: a whole value becomes an `int`, anything else a
//! `float` keeping its digits.

mod arith;
mod fixed;
mod funcs;
#[cfg(test)]
mod tests;

pub(crate) use funcs::{cbrt, exp, ln, log10, log2, pow};

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};
use std::cmp::Ordering;
use tenon_eval::builtin::{CallError, Value};
use tenon_eval::num::{Decimal, Int, Number, MAX_EXPONENT, MIN_EXPONENT};

/// The precision of CUE's decimal context (`internal.BaseContext`).
pub(crate) const PRECISION: u64 = 34;

/// A finite decimal: (−1)^neg × coeff × 10^exp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Dec {
    pub neg: bool,
    pub coeff: BigUint,
    pub exp: i64,
}

/// How a result is rounded to the precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rounding {
    /// Halves away from zero (apd's default).
    HalfUp,
    /// Halves to the even neighbour.
    HalfEven,
}

/// Why a decimal operation gave no finite result, in apd's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecError {
    DivisionByZero,
    DivisionUndefined,
    InvalidOperation,
    Overflow,
    Underflow,
    /// The result is infinite (`Log(0)`, `Pow(0, -1)`): CUE has no such number.
    Infinite,
}

impl DecError {
    pub(crate) fn message(self) -> &'static str {
        match self {
            DecError::DivisionByZero => "division by zero",
            DecError::DivisionUndefined => "division undefined",
            DecError::InvalidOperation => "invalid operation",
            DecError::Overflow => "overflow",
            DecError::Underflow => "underflow, subnormal",
            DecError::Infinite => "result is infinite",
        }
    }
}

impl From<DecError> for CallError {
    fn from(e: DecError) -> CallError {
        CallError::Failed(e.message().to_string())
    }
}

impl Dec {
    pub(crate) fn zero() -> Dec {
        Dec {
            neg: false,
            coeff: BigUint::zero(),
            exp: 0,
        }
    }

    pub(crate) fn from_i64(v: i64) -> Dec {
        Dec {
            neg: v < 0,
            coeff: BigUint::from(v.unsigned_abs()),
            exp: 0,
        }
    }

    pub(crate) fn from_number(n: &Number) -> Dec {
        let d = n.to_decimal();
        Dec {
            neg: d.is_sign_negative(),
            coeff: d.coefficient(),
            exp: i64::from(d.exponent()),
        }
    }

    /// Reads a plain decimal literal (`1.5`, `-4.9e-324`); for constants.
    pub(crate) fn parse(text: &str) -> Option<Dec> {
        let (neg, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exp) = match text.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.parse::<i64>().ok()?),
            None => (text, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = format!("{int}{frac}");
        let coeff = BigUint::parse_bytes(digits.as_bytes(), 10)?;
        Some(Dec {
            neg,
            coeff,
            exp: exp - frac.len() as i64,
        })
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.coeff.is_zero()
    }

    /// Whether the value is below zero (`-0` is not).
    pub(crate) fn is_negative(&self) -> bool {
        self.neg && !self.is_zero()
    }

    /// The number of digits of the coefficient (1 for zero).
    pub(crate) fn digits(&self) -> u64 {
        num_digits(&self.coeff)
    }

    /// The exponent of the leading digit: `exp + digits − 1`.
    pub(crate) fn adjusted(&self) -> i64 {
        self.exp + self.digits() as i64 - 1
    }

    pub(crate) fn abs(&self) -> Dec {
        Dec {
            neg: false,
            ..self.clone()
        }
    }

    pub(crate) fn negated(&self) -> Dec {
        Dec {
            neg: !self.neg,
            ..self.clone()
        }
    }

    /// Whether the value is whole.
    pub(crate) fn is_integral(&self) -> bool {
        if self.exp >= 0 || self.is_zero() {
            return true;
        }
        let k = self.exp.unsigned_abs();
        k <= self.digits() && (&self.coeff % pow10(k)).is_zero()
    }

    /// Compares by value.
    pub(crate) fn cmp_value(&self, o: &Dec) -> Ordering {
        let sign = |d: &Dec| {
            if d.is_zero() {
                0
            } else if d.neg {
                -1
            } else {
                1
            }
        };
        let (sa, sb) = (sign(self), sign(o));
        if sa != sb || sa == 0 {
            return sa.cmp(&sb);
        }
        let mag = match self.adjusted().cmp(&o.adjusted()) {
            Ordering::Equal => {
                let e = self.exp.min(o.exp);
                let a = &self.coeff * pow10((self.exp - e) as u64);
                let b = &o.coeff * pow10((o.exp - e) as u64);
                a.cmp(&b)
            }
            other => other,
        };
        if sa < 0 {
            mag.reverse()
        } else {
            mag
        }
    }

    /// The value rounded to `p` significant digits, and whether that lost
    /// anything.
    pub(crate) fn round(&self, p: u64, mode: Rounding) -> (Dec, bool) {
        let nd = self.digits();
        if nd <= p {
            return (self.clone(), false);
        }
        let drop = nd - p;
        let unit = pow10(drop);
        let (q, r) = self.coeff.div_rem(&unit);
        let inexact = !r.is_zero();
        let up = round_up(&q, &(r << 1usize), &unit, mode);
        let (coeff, exp) = bump(q, up, p, self.exp + drop as i64);
        (
            Dec {
                neg: self.neg,
                coeff,
                exp,
            },
            inexact,
        )
    }

    /// The result as CUE turns a decimal into a number: an `int` when the
    /// value is whole, else a `float` with these digits.
    pub(crate) fn to_number(&self) -> Result<Number, CallError> {
        if self.is_integral() {
            if self.exp > MAX_EXPONENT {
                return Err(DecError::Overflow.into());
            }
            let magnitude = if self.exp >= 0 {
                &self.coeff * pow10(self.exp as u64)
            } else {
                &self.coeff / pow10(self.exp.unsigned_abs())
            };
            let sign = if self.neg { Sign::Minus } else { Sign::Plus };
            return Ok(Number::Int(Int::from_bigint(BigInt::from_biguint(
                sign, magnitude,
            ))));
        }
        if self.adjusted() > MAX_EXPONENT {
            return Err(DecError::Overflow.into());
        }
        if self.adjusted() < MIN_EXPONENT {
            return Err(DecError::Underflow.into());
        }
        let exp = i32::try_from(self.exp).map_err(|_| CallError::from(DecError::Underflow))?;
        Decimal::new(self.neg, self.coeff.clone(), exp)
            .map(Number::float)
            .map_err(|e| CallError::Failed(e.message().to_string()))
    }

    pub(crate) fn to_value(&self) -> Result<Value, CallError> {
        self.to_number().map(Value::Number)
    }

    /// The nearest `f64` (for estimates).
    pub(crate) fn to_f64(&self) -> f64 {
        let s = format!(
            "{}{}e{}",
            if self.neg { "-" } else { "" },
            self.coeff,
            self.exp
        );
        s.parse().unwrap_or(f64::NAN)
    }

    /// The whole part, truncated toward zero.
    pub(crate) fn trunc_int(&self) -> BigInt {
        let magnitude = if self.exp >= 0 {
            &self.coeff * pow10(self.exp as u64)
        } else if self.exp.unsigned_abs() > self.digits() {
            BigUint::zero()
        } else {
            &self.coeff / pow10(self.exp.unsigned_abs())
        };
        let sign = if self.neg { Sign::Minus } else { Sign::Plus };
        BigInt::from_biguint(sign, magnitude)
    }
}

/// 10^k.
pub(crate) fn pow10(k: u64) -> BigUint {
    BigUint::from(10u32).pow(u32::try_from(k).unwrap_or(u32::MAX))
}

/// The number of decimal digits of `c` (1 for zero).
pub(crate) fn num_digits(c: &BigUint) -> u64 {
    if c.is_zero() {
        return 1;
    }
    if let Some(v) = c.to_u64() {
        return u64::from(v.ilog10()) + 1;
    }
    // c is in [2^(bits−1), 2^bits): its digits are those of 2^(bits−1) or one more.
    let bits = c.bits();
    let est = ((bits - 1) as f64 * std::f64::consts::LOG10_2) as u64 + 1;
    if *c >= pow10(est) {
        est + 1
    } else {
        est
    }
}

/// Whether a quotient `q` with twice the remainder `r2` (of `unit`) rounds up.
pub(crate) fn round_up(q: &BigUint, r2: &BigUint, unit: &BigUint, mode: Rounding) -> bool {
    match r2.cmp(unit) {
        Ordering::Less => false,
        Ordering::Greater => true,
        Ordering::Equal => match mode {
            Rounding::HalfUp => true,
            Rounding::HalfEven => q.is_odd(),
        },
    }
}

/// Adds one to `q` when rounding up, keeping it within `p` digits.
pub(crate) fn bump(q: BigUint, up: bool, p: u64, exp: i64) -> (BigUint, i64) {
    if !up {
        return (q, exp);
    }
    let q = q + BigUint::one();
    if num_digits(&q) > p {
        (q / BigUint::from(10u32), exp + 1)
    } else {
        (q, exp)
    }
}
