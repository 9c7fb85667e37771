//! Arbitrary-precision integers with an allocation-free `i64` fast path.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};
use std::cmp::Ordering;
use std::fmt;

/// A CUE `int`: exact at any size. `Big` is used only for values outside
/// `i64`, so two equal values always have the same form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    /// A value that fits an `i64`.
    Small(i64),
    /// A value that does not fit an `i64`.
    Big(Box<BigInt>),
}

impl Int {
    /// Zero.
    pub const ZERO: Int = Int::Small(0);

    /// Wraps a big integer, using the small form when it fits.
    pub fn from_bigint(b: BigInt) -> Int {
        match b.to_i64() {
            Some(v) => Int::Small(v),
            None => Int::Big(Box::new(b)),
        }
    }

    /// The value as a big integer.
    pub fn to_bigint(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Big(b) => (**b).clone(),
        }
    }

    /// The value as an `i64`, when it fits.
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            Int::Big(_) => None,
        }
    }

    /// The value as a `usize`, when it is non-negative and fits.
    pub fn to_usize(&self) -> Option<usize> {
        self.to_i64().and_then(|v| usize::try_from(v).ok())
    }

    /// Whether the value is zero.
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    /// Whether the value is below zero.
    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.is_negative(),
        }
    }

    /// -1, 0 or 1.
    pub fn signum(&self) -> i32 {
        match self {
            Int::Small(v) => v.signum() as i32,
            Int::Big(b) => match b.sign() {
                Sign::Minus => -1,
                Sign::NoSign => 0,
                Sign::Plus => 1,
            },
        }
    }

    /// self + o.
    pub fn add(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(s) = a.checked_add(*b) {
                return Int::Small(s);
            }
        }
        Int::from_bigint(self.to_bigint() + o.to_bigint())
    }

    /// self − o.
    pub fn sub(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(s) = a.checked_sub(*b) {
                return Int::Small(s);
            }
        }
        Int::from_bigint(self.to_bigint() - o.to_bigint())
    }

    /// self × o.
    pub fn mul(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(p) = a.checked_mul(*b) {
                return Int::Small(p);
            }
        }
        Int::from_bigint(self.to_bigint() * o.to_bigint())
    }

    /// −self.
    pub fn neg(&self) -> Int {
        match self {
            Int::Small(v) => match v.checked_neg() {
                Some(n) => Int::Small(n),
                None => Int::from_bigint(-BigInt::from(*v)),
            },
            Int::Big(b) => Int::from_bigint(-&**b),
        }
    }

    /// |self|.
    pub fn abs(&self) -> Int {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// Truncated quotient and remainder (`quo`, `rem`); `None` for a zero divisor.
    pub fn quo_rem(&self, o: &Int) -> Option<(Int, Int)> {
        if o.is_zero() {
            return None;
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let (Some(q), Some(r)) = (a.checked_div(*b), a.checked_rem(*b)) {
                return Some((Int::Small(q), Int::Small(r)));
            }
        }
        let (q, r) = self.to_bigint().div_rem(&o.to_bigint());
        Some((Int::from_bigint(q), Int::from_bigint(r)))
    }

    /// Euclidean quotient and remainder (`div`, `mod`): the remainder is
    /// never negative. `None` for a zero divisor.
    pub fn div_mod(&self, o: &Int) -> Option<(Int, Int)> {
        if o.is_zero() {
            return None;
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let (Some(q), Some(r)) = (a.checked_div_euclid(*b), a.checked_rem_euclid(*b)) {
                return Some((Int::Small(q), Int::Small(r)));
            }
        }
        let (x, y) = (self.to_bigint(), o.to_bigint());
        let (mut q, mut r) = x.div_rem(&y);
        if r.is_negative() {
            if y.is_positive() {
                q -= 1;
                r += &y;
            } else {
                q += 1;
                r -= &y;
            }
        }
        Some((Int::from_bigint(q), Int::from_bigint(r)))
    }
}

impl Ord for Int {
    fn cmp(&self, o: &Int) -> Ordering {
        // A big value is always outside the i64 range, so its sign decides
        // how it compares with a small one.
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            (Int::Small(_), Int::Big(b)) => {
                if b.is_negative() {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (Int::Big(a), Int::Small(_)) => {
                if a.is_negative() {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (Int::Big(a), Int::Big(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, o: &Int) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(b) => write!(f, "{b}"),
        }
    }
}

impl From<i64> for Int {
    fn from(v: i64) -> Int {
        Int::Small(v)
    }
}

impl From<u64> for Int {
    fn from(v: u64) -> Int {
        match i64::try_from(v) {
            Ok(v) => Int::Small(v),
            Err(_) => Int::Big(Box::new(BigInt::from(v))),
        }
    }
}

impl From<BigInt> for Int {
    fn from(b: BigInt) -> Int {
        Int::from_bigint(b)
    }
}
