//! Fixed-point approximations of `ln` and `exp` (an integer V standing for
//! V / 10^s), and rounding such an approximation to a decimal of a given
//! precision when its error allows (Ziv's strategy: the callers retry with
//! more digits when it does not).

use super::{bump, num_digits, pow10, Dec, Rounding};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{Signed, Zero};
use std::cmp::Ordering;

/// The guard digits every approximation computes beyond what it returns.
const GUARD: u64 = 12;

/// 10^s as a signed integer.
fn one(s: u64) -> BigInt {
    BigInt::from(pow10(s))
}

/// `x` at scale `s`, truncated.
pub(super) fn to_fixed(x: &Dec, s: u64) -> BigInt {
    let shift = x.exp + s as i64;
    let magnitude = if shift >= 0 {
        &x.coeff * pow10(shift as u64)
    } else if shift.unsigned_abs() > x.digits() {
        BigUint::zero()
    } else {
        &x.coeff / pow10(shift.unsigned_abs())
    };
    let sign = if x.neg { Sign::Minus } else { Sign::Plus };
    BigInt::from_biguint(sign, magnitude)
}

/// Drops `k` digits of scale, rounding toward −∞.
fn rescale(v: BigInt, k: u64) -> BigInt {
    v.div_floor(&one(k))
}

/// atanh(u) = u + u³/3 + u⁵/5 + … for a small |u| at scale s.
fn atanh(u: &BigInt, s: u64) -> BigInt {
    let unit = one(s);
    let u2 = u * u / &unit;
    let mut term = u.clone();
    let mut sum = BigInt::zero();
    let mut k = 1u64;
    while !term.is_zero() {
        sum += &term / BigInt::from(k);
        term = &term * &u2 / &unit;
        k += 2;
    }
    sum
}

/// atanh(1/k) at scale s.
fn atanh_inv(k: u64, s: u64) -> BigInt {
    let k = BigInt::from(k);
    let k2 = &k * &k;
    let mut term = one(s) / &k;
    let mut sum = BigInt::zero();
    let mut n = 1u64;
    while !term.is_zero() {
        sum += &term / BigInt::from(n);
        term /= &k2;
        n += 2;
    }
    sum
}

/// ln 2 at scale s (error below 1).
pub(super) fn ln2(s: u64) -> BigInt {
    rescale(atanh_inv(3, s + GUARD) * 2, GUARD)
}

/// ln 10 at scale s (error below 1): 3 ln 2 + ln 1.25.
pub(super) fn ln10(s: u64) -> BigInt {
    let w = s + GUARD;
    rescale(atanh_inv(3, w) * 6 + atanh_inv(9, w) * 2, GUARD)
}

/// ln x for x > 0 at scale s, within a few units.
pub(super) fn ln(x: &Dec, s: u64) -> BigInt {
    let w = s + GUARD + num_digits(&BigUint::from(x.adjusted().unsigned_abs()));
    let unit = one(w);
    let near_one = distance_from_one(x).cmp_value(&half()) == Ordering::Less;
    let result = if near_one {
        let xw = to_fixed(x, w);
        let u = (&xw - &unit) * &unit / (&xw + &unit);
        atanh(&u, w) * 2
    } else {
        // x = m · 10^k with m in [1, 10), and m = y · 2^j with y near 1.
        let k = x.adjusted();
        let m = Dec {
            exp: x.exp - k,
            ..x.clone()
        };
        let j = m.to_f64().log2().round() as u32;
        let y = to_fixed(&m, w) >> j;
        let u = (&y - &unit) * &unit / (&y + &unit);
        ln10(w) * k + ln2(w) * j + atanh(&u, w) * 2
    };
    rescale(result, w - s)
}

/// e^r at scale s for |r| below 3, within a few units.
pub(super) fn exp_small(r: &BigInt, s: u64) -> BigInt {
    const HALVINGS: u32 = 10;
    let w = s + GUARD;
    let unit = one(w);
    let r = (r * one(GUARD)) >> HALVINGS;
    let mut sum = unit.clone();
    let mut term = unit.clone();
    let mut n = 1u64;
    loop {
        term = &term * &r / &unit / BigInt::from(n);
        if term.is_zero() {
            break;
        }
        sum += &term;
        n += 1;
    }
    for _ in 0..HALVINGS {
        sum = &sum * &sum / &unit;
    }
    rescale(sum, GUARD)
}

/// e^x for a decimal x (|x| at most a few tens of thousands) as
/// (V, n): e^x ≈ V / 10^s · 10^n with V / 10^s in [1, 10).
pub(super) fn exp(x: &Dec, s: u64) -> (BigInt, i64) {
    let xf = x.to_f64();
    let mut n = (xf / std::f64::consts::LN_10).floor() as i64;
    let w = s + GUARD;
    let l10 = ln10(w);
    let xw = to_fixed(x, w);
    let mut r = &xw - &l10 * n;
    while r.is_negative() {
        r += &l10;
        n -= 1;
    }
    while r >= l10 {
        r -= &l10;
        n += 1;
    }
    (rescale(exp_small(&r, w), GUARD), n)
}

/// V / 10^s (within `err` units) rounded to `p` digits, when the error
/// cannot change the rounding; `None` asks for more digits.
pub(super) fn round_fixed(v: &BigInt, s: u64, err: u64, p: u64) -> Option<Dec> {
    let neg = v.is_negative();
    let a = v.abs().to_biguint()?;
    let err_b = BigUint::from(err);
    if a <= err_b {
        return None;
    }
    let nd = num_digits(&a);
    if nd < p + num_digits(&err_b) + 2 {
        return None;
    }
    let drop = nd - p;
    let unit = pow10(drop);
    let (q, r) = a.div_rem(&unit);
    let r2: BigUint = &r << 1usize;
    let distance = if r2 >= unit { &r2 - &unit } else { &unit - &r2 };
    if distance <= &err_b << 1usize {
        return None;
    }
    let up = r2 > unit;
    let (coeff, exp) = bump(q, up, p, drop as i64 - s as i64);
    Some(Dec { neg, coeff, exp })
}

/// |x − 1|, exact.
pub(super) fn distance_from_one(x: &Dec) -> Dec {
    x.sub(&Dec::from_i64(1), EXACT, Rounding::HalfEven)
        .map(|d| d.abs())
        .unwrap_or_else(|_| x.abs())
}

/// A precision no exact operation on our operands reaches.
pub(super) const EXACT: u64 = 1 << 24;

fn half() -> Dec {
    Dec {
        neg: false,
        coeff: BigUint::from(5u32),
        exp: -1,
    }
}
