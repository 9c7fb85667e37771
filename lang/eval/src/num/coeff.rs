//! Decimal coefficients: non-negative integers held in a `u128` when they
//! fit (every rounded result does: 34 digits need 113 bits), else in a
//! `BigUint`.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::ToPrimitive;
use std::cmp::Ordering;
use std::fmt;

/// log10(2), to estimate the number of digits of a big coefficient.
const LOG10_2: f64 = std::f64::consts::LOG10_2;

/// A non-negative integer; `Big` only when the value exceeds `u128::MAX`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Coeff {
    Small(u128),
    Big(BigUint),
}

/// 10^k when it fits a `u128` (k <= 38).
fn pow10_u128(k: u64) -> Option<u128> {
    u32::try_from(k).ok().and_then(|k| 10u128.checked_pow(k))
}

/// 10^k as a big integer.
pub(crate) fn pow10_big(k: u64) -> BigUint {
    match pow10_u128(k) {
        Some(p) => BigUint::from(p),
        // Exponents are bounded by the decimal range and by the digits of
        // an integer held in memory, so they fit a u32.
        None => BigUint::from(10u8).pow(u32::try_from(k).unwrap_or(u32::MAX)),
    }
}

impl Coeff {
    /// Zero.
    pub(crate) const ZERO: Coeff = Coeff::Small(0);

    /// Wraps a big integer, moving it to the small form when it fits.
    pub(crate) fn from_big(b: BigUint) -> Coeff {
        match b.to_u128() {
            Some(v) => Coeff::Small(v),
            None => Coeff::Big(b),
        }
    }

    /// The value as a big integer.
    pub(crate) fn to_big(&self) -> BigUint {
        match self {
            Coeff::Small(v) => BigUint::from(*v),
            Coeff::Big(b) => b.clone(),
        }
    }

    /// The value as a `u128`, when it fits.
    pub(crate) fn to_u128(&self) -> Option<u128> {
        match self {
            Coeff::Small(v) => Some(*v),
            Coeff::Big(_) => None,
        }
    }

    pub(crate) fn is_zero(&self) -> bool {
        matches!(self, Coeff::Small(0))
    }

    pub(crate) fn is_odd(&self) -> bool {
        match self {
            Coeff::Small(v) => v & 1 == 1,
            Coeff::Big(b) => b.is_odd(),
        }
    }

    /// The number of decimal digits (1 for zero).
    pub(crate) fn digits(&self) -> u64 {
        match self {
            Coeff::Small(0) => 1,
            Coeff::Small(v) => u64::from(v.ilog10()) + 1,
            Coeff::Big(b) => {
                // The estimate from the bit length can be one off either way
                // (rounding of the float product); settle it exactly.
                let bits = b.bits();
                let mut est = ((bits - 1) as f64 * LOG10_2).floor() as u64 + 1;
                while est > 1 && *b < pow10_big(est - 1) {
                    est -= 1;
                }
                while *b >= pow10_big(est) {
                    est += 1;
                }
                est
            }
        }
    }

    /// self × 10^k.
    pub(crate) fn mul_pow10(&self, k: u64) -> Coeff {
        if k == 0 {
            return self.clone();
        }
        if let (Coeff::Small(v), Some(p)) = (self, pow10_u128(k)) {
            if let Some(r) = v.checked_mul(p) {
                return Coeff::Small(r);
            }
        }
        if self.is_zero() {
            return Coeff::ZERO;
        }
        Coeff::Big(self.to_big() * pow10_big(k))
    }

    /// (self / 10^k, self % 10^k).
    pub(crate) fn divrem_pow10(&self, k: u64) -> (Coeff, Coeff) {
        match (self, pow10_u128(k)) {
            (Coeff::Small(v), Some(p)) => (Coeff::Small(v / p), Coeff::Small(v % p)),
            (Coeff::Small(v), None) => (Coeff::ZERO, Coeff::Small(*v)),
            (Coeff::Big(b), _) => {
                let (q, r) = b.div_rem(&pow10_big(k));
                (Coeff::from_big(q), Coeff::from_big(r))
            }
        }
    }

    /// (self / d, self % d); `d` is not zero.
    pub(crate) fn divrem(&self, d: &Coeff) -> (Coeff, Coeff) {
        match (self, d) {
            (Coeff::Small(a), Coeff::Small(b)) => (Coeff::Small(a / b), Coeff::Small(a % b)),
            (Coeff::Small(a), Coeff::Big(_)) => (Coeff::ZERO, Coeff::Small(*a)),
            _ => {
                let (q, r) = self.to_big().div_rem(&d.to_big());
                (Coeff::from_big(q), Coeff::from_big(r))
            }
        }
    }

    pub(crate) fn add(&self, o: &Coeff) -> Coeff {
        if let (Coeff::Small(a), Coeff::Small(b)) = (self, o) {
            if let Some(s) = a.checked_add(*b) {
                return Coeff::Small(s);
            }
        }
        Coeff::from_big(self.to_big() + o.to_big())
    }

    /// self − o; requires self >= o.
    pub(crate) fn sub(&self, o: &Coeff) -> Coeff {
        match (self, o) {
            (Coeff::Small(a), Coeff::Small(b)) => Coeff::Small(a - b),
            _ => Coeff::from_big(self.to_big() - o.to_big()),
        }
    }

    pub(crate) fn mul(&self, o: &Coeff) -> Coeff {
        if let (Coeff::Small(a), Coeff::Small(b)) = (self, o) {
            if let Some(p) = a.checked_mul(*b) {
                return Coeff::Small(p);
            }
        }
        Coeff::from_big(self.to_big() * o.to_big())
    }

    /// self + 1.
    pub(crate) fn add_one(&self) -> Coeff {
        self.add(&Coeff::Small(1))
    }

    /// How many decimal zeros end the value (0 for zero itself).
    pub(crate) fn trailing_zeros(&self) -> u64 {
        if self.is_zero() {
            return 0;
        }
        let mut n = 0;
        if let Coeff::Small(mut v) = self {
            while v % 10_000 == 0 {
                v /= 10_000;
                n += 4;
            }
            while v % 10 == 0 {
                v /= 10;
                n += 1;
            }
            return n;
        }
        let mut cur = self.clone();
        loop {
            let (q, r) = cur.divrem_pow10(1);
            if !r.is_zero() {
                return n;
            }
            cur = q;
            n += 1;
        }
    }
}

impl Ord for Coeff {
    fn cmp(&self, o: &Coeff) -> Ordering {
        match (self, o) {
            (Coeff::Small(a), Coeff::Small(b)) => a.cmp(b),
            (Coeff::Small(_), Coeff::Big(_)) => Ordering::Less,
            (Coeff::Big(_), Coeff::Small(_)) => Ordering::Greater,
            (Coeff::Big(a), Coeff::Big(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for Coeff {
    fn partial_cmp(&self, o: &Coeff) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl fmt::Display for Coeff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Coeff::Small(v) => write!(f, "{v}"),
            Coeff::Big(b) => write!(f, "{b}"),
        }
    }
}

impl From<u128> for Coeff {
    fn from(v: u128) -> Coeff {
        Coeff::Small(v)
    }
}
