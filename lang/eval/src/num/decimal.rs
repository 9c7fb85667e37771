//! CUE floats: unnormalised decimals (sign, coefficient, exponent) that keep
//! their spelling, so `1.50` is 150 × 10⁻² and prints as `1.50`.

use super::coeff::Coeff;
use super::error::NumberError;
use super::int::Int;
use num_bigint::{BigInt, BigUint, Sign};
use std::cmp::Ordering;

/// The largest adjusted exponent (exponent + digits − 1) a decimal may have.
pub const MAX_EXPONENT: i64 = 100_000;
/// The smallest adjusted exponent a decimal may have.
pub const MIN_EXPONENT: i64 = -100_000;

/// A decimal floating-point number: (−1)^negative × coefficient × 10^exponent.
///
/// The sign is kept apart from the coefficient, so `-0.0` (a product such
/// as `0 * -1.5`) exists, as in CUE. Compare values with
/// [`Decimal::cmp_value`]; `Display` prints the representation.
#[derive(Clone, Debug)]
pub struct Decimal {
    pub(crate) neg: bool,
    pub(crate) coeff: Coeff,
    pub(crate) exp: i32,
}

/// How [`Decimal::to_int_rounded`] treats a fraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntRounding {
    /// Toward zero.
    Trunc,
    /// Toward −∞.
    Floor,
    /// Toward +∞.
    Ceil,
    /// To nearest, halves away from zero.
    HalfAwayFromZero,
    /// To nearest, halves to the even neighbour.
    HalfEven,
}

impl Decimal {
    /// Builds a decimal, checking that its exponent is in range.
    pub fn new(
        negative: bool,
        coefficient: BigUint,
        exponent: i32,
    ) -> Result<Decimal, NumberError> {
        Decimal::from_coeff(negative, Coeff::from_big(coefficient), i64::from(exponent))
    }

    /// Builds a decimal from a machine-sized coefficient, checking the exponent.
    pub fn from_parts(
        negative: bool,
        coefficient: u128,
        exponent: i32,
    ) -> Result<Decimal, NumberError> {
        Decimal::from_coeff(negative, Coeff::Small(coefficient), i64::from(exponent))
    }

    /// Builds a decimal, failing when its adjusted exponent is out of range.
    pub(crate) fn from_coeff(neg: bool, coeff: Coeff, exp: i64) -> Result<Decimal, NumberError> {
        let adjusted = exp + coeff.digits() as i64 - 1;
        if !(MIN_EXPONENT..=MAX_EXPONENT).contains(&adjusted) {
            return Err(NumberError::ExponentOutOfRange);
        }
        let exp = i32::try_from(exp).map_err(|_| NumberError::ExponentOutOfRange)?;
        Ok(Decimal { neg, coeff, exp })
    }

    /// The integer `i` as a decimal with exponent 0 (not range-checked: an
    /// operation on it checks its result).
    pub fn from_int(i: &Int) -> Decimal {
        match i {
            Int::Small(v) => Decimal {
                neg: *v < 0,
                coeff: Coeff::Small(u128::from(v.unsigned_abs())),
                exp: 0,
            },
            Int::Big(b) => Decimal {
                neg: b.sign() == Sign::Minus,
                coeff: Coeff::from_big(b.magnitude().clone()),
                exp: 0,
            },
        }
    }

    /// Whether the sign is negative (true for `-0.0` too).
    pub fn is_sign_negative(&self) -> bool {
        self.neg
    }

    /// Whether the value is below zero.
    pub fn is_negative(&self) -> bool {
        self.neg && !self.coeff.is_zero()
    }

    /// Whether the value is zero, of either sign.
    pub fn is_zero(&self) -> bool {
        self.coeff.is_zero()
    }

    /// The coefficient (without sign).
    pub fn coefficient(&self) -> BigUint {
        self.coeff.to_big()
    }

    /// The exponent.
    pub fn exponent(&self) -> i32 {
        self.exp
    }

    /// The number of digits of the coefficient (1 for zero).
    pub fn digits(&self) -> u64 {
        self.coeff.digits()
    }

    /// Whether the value is a whole number (`2.0`, `1E+3`; not `2.5`).
    pub fn is_integral(&self) -> bool {
        self.exp >= 0
            || self.coeff.is_zero()
            || self.coeff.trailing_zeros() >= u64::from(self.exp.unsigned_abs())
    }

    /// The value with the opposite sign; zero stays positive (as `-0.0` reads in CUE).
    pub fn neg(&self) -> Decimal {
        Decimal {
            neg: !self.neg && !self.coeff.is_zero(),
            coeff: self.coeff.clone(),
            exp: self.exp,
        }
    }

    /// The value without its sign.
    pub fn abs(&self) -> Decimal {
        Decimal {
            neg: false,
            coeff: self.coeff.clone(),
            exp: self.exp,
        }
    }

    /// -1, 0 or 1 by value.
    pub fn signum(&self) -> i32 {
        if self.coeff.is_zero() {
            0
        } else if self.neg {
            -1
        } else {
            1
        }
    }

    /// Compares by value: `1.0` equals `1.00`, `-0.0` equals `0`.
    pub fn cmp_value(&self, o: &Decimal) -> Ordering {
        let (sa, sb) = (self.signum(), o.signum());
        if sa != sb || sa == 0 {
            return sa.cmp(&sb);
        }
        let mag = self.cmp_magnitude(o);
        if sa < 0 {
            mag.reverse()
        } else {
            mag
        }
    }

    /// Compares absolute values of two non-zero decimals.
    fn cmp_magnitude(&self, o: &Decimal) -> Ordering {
        let (da, db) = (self.coeff.digits() as i64, o.coeff.digits() as i64);
        let (ea, eb) = (i64::from(self.exp), i64::from(o.exp));
        let adjusted = (ea + da - 1).cmp(&(eb + db - 1));
        if adjusted != Ordering::Equal {
            return adjusted;
        }
        // Same adjusted exponent: the exponents differ by at most the
        // difference in digits, so aligning them is cheap.
        match ea.cmp(&eb) {
            Ordering::Equal => self.coeff.cmp(&o.coeff),
            Ordering::Greater => self.coeff.mul_pow10((ea - eb) as u64).cmp(&o.coeff),
            Ordering::Less => self.coeff.cmp(&o.coeff.mul_pow10((eb - ea) as u64)),
        }
    }

    /// The whole number nearest the value in the given direction.
    pub fn to_int_rounded(&self, mode: IntRounding) -> Int {
        if self.exp >= 0 {
            let c = self.coeff.mul_pow10(u64::from(self.exp.unsigned_abs()));
            return signed_int(self.neg, &c);
        }
        let k = u64::from(self.exp.unsigned_abs());
        let (q, r) = if k > self.coeff.digits() {
            (Coeff::ZERO, self.coeff.clone())
        } else {
            self.coeff.divrem_pow10(k)
        };
        let up = if r.is_zero() {
            false
        } else {
            // Where the discarded fraction stands against one half.
            let half = r.add(&r).cmp(&Coeff::Small(1).mul_pow10(k));
            match mode {
                IntRounding::Trunc => false,
                IntRounding::Floor => self.neg,
                IntRounding::Ceil => !self.neg,
                IntRounding::HalfAwayFromZero => half != Ordering::Less,
                IntRounding::HalfEven => {
                    half == Ordering::Greater || (half == Ordering::Equal && q.is_odd())
                }
            }
        };
        let q = if up { q.add_one() } else { q };
        signed_int(self.neg, &q)
    }

    /// The value as an int when it is whole (`2.0` → 2); `None` for `2.5`.
    pub fn to_int_exact(&self) -> Option<Int> {
        self.is_integral()
            .then(|| self.to_int_rounded(IntRounding::Trunc))
    }
}

/// An int from a sign and a magnitude.
pub(crate) fn signed_int(neg: bool, c: &Coeff) -> Int {
    if let Some(v) = c.to_u128() {
        if let Ok(v) = i64::try_from(v) {
            return Int::Small(if neg { -v } else { v });
        }
    }
    let sign = if neg { Sign::Minus } else { Sign::Plus };
    Int::from_bigint(BigInt::from_biguint(sign, c.to_big()))
}
