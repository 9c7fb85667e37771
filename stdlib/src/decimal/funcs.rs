//! apd's `Ln`, `Log10`, `Exp`, `Pow` and `Cbrt` as CUE's math package
//! calls them, reproducing apd's special cases, working precisions and
//! the roundings between them. The values themselves are correctly
//! rounded at each of apd's working precisions.

use super::fixed::{self, distance_from_one, round_fixed};
use super::{pow10, Dec, DecError, Rounding};
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use std::cmp::Ordering;
use tenon_eval::num::{MAX_EXPONENT, MIN_EXPONENT};

/// The most digits an approximation is retried with.
const MAX_SCALE: u64 = 20_000;

/// `approx(s)` (a value V / 10^s · 10^n) correctly rounded to `p` digits.
fn correctly_rounded(p: u64, start: u64, approx: impl Fn(u64) -> (BigInt, i64)) -> Dec {
    let mut s = start;
    loop {
        let (v, n) = approx(s);
        if let Some(mut d) = round_fixed(&v, s, 8, p) {
            d.exp += n;
            return d;
        }
        if s >= MAX_SCALE {
            // Only an exact tie gets here: round what there is.
            let d = Dec {
                neg: v.sign() == num_bigint::Sign::Minus,
                coeff: v.magnitude().clone(),
                exp: n - s as i64,
            };
            return d.round(p, Rounding::HalfEven).0;
        }
        s = (s * 2).min(MAX_SCALE);
    }
}

/// ln x correctly rounded to `p` digits (x > 0, x ≠ 1).
fn ln_exact(x: &Dec, p: u64) -> Dec {
    // Near 1 the result is about x − 1: ask for that many more digits.
    let tiny = (-distance_from_one(x).adjusted()).max(0) as u64;
    correctly_rounded(p, p + tiny + 10, |s| (fixed::ln(x, s), 0))
}

/// apd's `Ln` in a context of precision `p` and rounding `mode`.
pub(crate) fn ln(x: &Dec, p: u64, mode: Rounding) -> Result<Dec, DecError> {
    if x.is_negative() {
        return Err(DecError::InvalidOperation);
    }
    if x.is_zero() {
        return Err(DecError::Infinite);
    }
    if x.cmp_value(&Dec::from_i64(1)) == Ordering::Equal {
        return Ok(Dec::zero());
    }
    // apd works two digits beyond the context, rounding half even.
    let wide = ln_exact(x, p + 2).round(p + 2, Rounding::HalfEven).0;
    Ok(wide.round(p, mode).0)
}

/// `math.Log10`: ln x at p + 2 digits times 1/ln 10 at p + 2 digits.
pub(crate) fn log10(x: &Dec, p: u64) -> Result<Dec, DecError> {
    let z = ln(x, p + 2, Rounding::HalfEven)?;
    let inv = correctly_rounded(p + 2, p + 12, |s| {
        let l = fixed::ln10(s + 4);
        (BigInt::from(pow10(2 * s + 4)) / l, 0)
    });
    z.mul(&inv, p, Rounding::HalfEven)
}

/// `math.Log2`: ln x / ln 2, each at the context's precision.
pub(crate) fn log2(x: &Dec, p: u64) -> Result<Dec, DecError> {
    let l2 = ln(&Dec::from_i64(2), p, Rounding::HalfUp)?;
    let lx = ln(x, p, Rounding::HalfUp)?;
    lx.quo(&l2, p, Rounding::HalfUp)
}

/// apd's `Exp` in a context of precision `p` (it rounds half even).
pub(crate) fn exp(x: &Dec, p: u64) -> Result<Dec, DecError> {
    if x.is_zero() {
        return Ok(Dec::from_i64(1));
    }
    let f = x.abs().to_f64();
    let mut cp = p;
    if f / 23.0 > cp as f64 && f / 23.0 < 1000.0 {
        cp = (f / 23.0).ceil() as u64;
    }
    if x.abs().cmp_value(&Dec::from_i64(23 * cp as i64)) == Ordering::Greater {
        return Err(if x.neg {
            DecError::Underflow
        } else {
            DecError::Overflow
        });
    }
    let tiny = Dec {
        neg: false,
        coeff: BigUint::from(9u32),
        exp: -(cp as i64) - 1,
    };
    if x.abs().cmp_value(&tiny) != Ordering::Greater {
        return Ok(Dec::from_i64(1));
    }
    let t = (x.exp + x.digits() as i64).max(0) as u64;
    let wide = correctly_rounded(cp + t + 2, cp + t + 12, |s| fixed::exp(x, s));
    let d = wide.round(p, Rounding::HalfEven).0;
    if d.adjusted() > MAX_EXPONENT {
        return Err(DecError::Overflow);
    }
    if d.adjusted() < MIN_EXPONENT {
        return Err(DecError::Underflow);
    }
    Ok(d)
}

/// apd's `Pow` in a context of precision `p` rounding half up.
pub(crate) fn pow(x: &Dec, y: &Dec, p: u64) -> Result<Dec, DecError> {
    let integ = y.trunc_int();
    let frac = y.sub(&Dec::from_bigint(&integ), fixed::EXACT, Rounding::HalfUp)?;
    let y_is_int = frac.is_zero();
    let odd = y_is_int && integ.is_odd();
    let (xs, ys) = (sign(x), sign(y));
    if xs == 0 {
        return match ys {
            0 => Err(DecError::InvalidOperation),
            1 => Ok(Dec {
                neg: x.neg && odd,
                ..Dec::zero()
            }),
            _ => Err(DecError::Infinite),
        };
    }
    if ys == 0 {
        return Ok(Dec::from_i64(1));
    }
    if xs < 0 && !y_is_int {
        return Err(DecError::InvalidOperation);
    }
    let wp = p.max(x.digits()) + 10;
    let z = x.int_pow(&integ, wp, Rounding::HalfUp)?;
    if y_is_int {
        return Ok(z.round(p, Rounding::HalfUp).0);
    }
    let mut tmp = ln(&x.abs(), wp, Rounding::HalfUp)?;
    tmp = tmp.mul(&frac, wp, Rounding::HalfUp)?;
    tmp = exp(&tmp, wp)?;
    tmp = z.mul(&tmp, wp, Rounding::HalfUp)?;
    Ok(tmp.round(p, Rounding::HalfUp).0)
}

/// apd's `Cbrt` in a context of precision `p` rounding half up: the root
/// correctly rounded, with `p` digits even when exact.
pub(crate) fn cbrt(x: &Dec, p: u64) -> Dec {
    if x.is_zero() {
        return Dec {
            exp: x.exp / 3,
            ..x.clone()
        };
    }
    // Scale so that the integer cube root has at least p + 2 digits and the
    // radicand stays an integer: x = M · 10^(3E).
    let target = Integer::div_floor(&x.adjusted(), &3) - p as i64 - 1;
    let e = target.min(Integer::div_floor(&x.exp, &3));
    let m = &x.coeff * pow10((x.exp - 3 * e) as u64);
    let r = m.cbrt();
    let nd = super::num_digits(&r);
    let drop = nd.saturating_sub(p);
    let unit = pow10(drop);
    let (q, rem) = r.div_rem(&unit);
    let up = drop > 0 && (rem << 1usize) >= unit;
    let (coeff, exp) = super::bump(q, up, p, e + drop as i64);
    let (coeff, exp) = if super::num_digits(&coeff) < p {
        let pad = p - super::num_digits(&coeff);
        (coeff * pow10(pad), exp - pad as i64)
    } else {
        (coeff, exp)
    };
    Dec {
        neg: x.neg,
        coeff,
        exp,
    }
}

fn sign(d: &Dec) -> i32 {
    if d.is_zero() {
        0
    } else if d.neg {
        -1
    } else {
        1
    }
}

impl Dec {
    pub(crate) fn from_bigint(i: &BigInt) -> Dec {
        Dec {
            neg: i.sign() == num_bigint::Sign::Minus,
            coeff: i.magnitude().clone(),
            exp: 0,
        }
    }
}
