//! Go's exactly specified float64 functions: `Hypot`'s formula, `Mod`,
//! `Remainder`, `Ldexp`, `Logb` and `Ilogb`.

const SHIFT: u32 = 52;
const MASK: u64 = 0x7ff;
const BIAS: i64 = 1023;
const SMALLEST_NORMAL: f64 = 2.2250738585072014e-308;

/// x as a normal number and the power of two taken out of it.
fn normalize(x: f64) -> (f64, i64) {
    if x.abs() < SMALLEST_NORMAL {
        (x * (1u64 << 52) as f64, -52)
    } else {
        (x, 0)
    }
}

/// The biased exponent field.
fn exponent_field(x: f64) -> i64 {
    ((x.to_bits() >> SHIFT) & MASK) as i64
}

/// sqrt(p² + q²) as Go computes it: p · sqrt(1 + (q/p)²) with p ≥ q.
pub(crate) fn hypot(p: f64, q: f64) -> f64 {
    let (mut p, mut q) = (p.abs(), q.abs());
    if p == f64::INFINITY || q == f64::INFINITY {
        return f64::INFINITY;
    }
    if p.is_nan() || q.is_nan() {
        return f64::NAN;
    }
    if p < q {
        std::mem::swap(&mut p, &mut q);
    }
    if p == 0.0 {
        return 0.0;
    }
    let q = q / p;
    p * (1.0 + q * q).sqrt()
}

/// The remainder of x / y with the sign of x (exact).
pub(crate) fn modulo(x: f64, y: f64) -> f64 {
    if y == 0.0 || x.is_infinite() || x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    x % y
}

/// The IEEE 754 remainder: x − n·y with n the integer nearest x / y
/// (ties to even), exact.
pub(crate) fn remainder(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() || x.is_infinite() || y == 0.0 {
        return f64::NAN;
    }
    if y.is_infinite() {
        return x;
    }
    let negative = x.is_sign_negative();
    let p = y.abs();
    let mut r = x.abs();
    if p <= f64::MAX / 2.0 {
        // Exact: r is now below 2p.
        r %= p + p;
    }
    if p < 2.0 * SMALLEST_NORMAL {
        if r + r > p {
            r -= p;
            if r + r >= p {
                r -= p;
            }
        }
    } else {
        let half = 0.5 * p;
        if r > half {
            r -= p;
            if r >= half {
                r -= p;
            }
        }
    }
    if negative {
        -r
    } else {
        r
    }
}

/// frac × 2^exp, rounded once (Go's `Ldexp`).
pub(crate) fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || frac.is_infinite() || frac.is_nan() {
        return frac;
    }
    let (frac, e) = normalize(frac);
    let mut exp = exp.wrapping_add(e);
    let bits = frac.to_bits();
    exp = exp.wrapping_add(exponent_field(frac) - BIAS);
    if exp < -1075 {
        return 0.0f64.copysign(frac);
    }
    if exp > 1023 {
        return f64::INFINITY.copysign(frac);
    }
    let mut m = 1.0;
    if exp < -1022 {
        exp += 53;
        m = 1.0 / (1u64 << 53) as f64;
    }
    let bits = (bits & !(MASK << SHIFT)) | (((exp + BIAS) as u64) << SHIFT);
    m * f64::from_bits(bits)
}

fn ilogb_finite(x: f64) -> i64 {
    let (x, e) = normalize(x);
    exponent_field(x) - BIAS + e
}

/// The binary exponent of x.
pub(crate) fn logb(x: f64) -> f64 {
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return f64::INFINITY;
    }
    if x.is_nan() {
        return x;
    }
    ilogb_finite(x) as f64
}

/// The binary exponent of x as an integer.
pub(crate) fn ilogb(x: f64) -> i32 {
    if x == 0.0 {
        return i32::MIN;
    }
    if x.is_nan() || x.is_infinite() {
        return i32::MAX;
    }
    ilogb_finite(x) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_functions() {
        assert_eq!(hypot(3.0, 4.0), 5.0);
        assert_eq!(modulo(7.0, 3.0), 1.0);
        assert_eq!(modulo(-7.0, 3.0), -1.0);
        assert_eq!(remainder(7.0, 4.0), -1.0);
        assert_eq!(remainder(5.0, 2.0), 1.0);
        assert_eq!(remainder(7.0, 2.0), -1.0);
        assert_eq!(ldexp(0.5, 3), 4.0);
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(1.5, -1075), 5e-324);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(logb(8.0), 3.0);
        assert_eq!(ilogb(0.1), -4);
        assert_eq!(ilogb(5e-324), -1074);
    }
}
