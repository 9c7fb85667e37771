//! Bessel functions of orders 0 and 1: rational approximations below 2,
//! the asymptotic forms with the corrections of `tables.rs` above.

use super::tables::{pone, pzero, qone, qzero};
use super::{INV_SQRT_PI, TWO_129, TWO_M13, TWO_M27, TWO_M54};
use crate::math::go::explog::log;
use crate::math::go::trig::{cos, sin};
use std::f64::consts::FRAC_2_PI;

/// sin x ± cos x, the worse of the two through −cos 2x / (sin x ∓ cos x).
fn order_zero_terms(x: f64) -> (f64, f64) {
    let (s, c) = (sin(x), cos(x));
    let (mut ss, mut cc) = (s - c, s + c);
    if x < f64::MAX / 2.0 {
        let z = -cos(x + x);
        if s * c < 0.0 {
            cc = z / ss;
        } else {
            ss = z / cc;
        }
    }
    (ss, cc)
}

fn order_one_terms(x: f64) -> (f64, f64) {
    let (s, c) = (sin(x), cos(x));
    let (mut ss, mut cc) = (-s - c, s - c);
    if x < f64::MAX / 2.0 {
        let z = cos(x + x);
        if s * c > 0.0 {
            cc = z / ss;
        } else {
            ss = z / cc;
        }
    }
    (ss, cc)
}

pub(crate) fn j0(x: f64) -> f64 {
    const R02: f64 = f64::from_bits(0x3F8FFFFFFFFFFFFD);
    const R03: f64 = f64::from_bits(0xBF28E6A5B61AC6E9);
    const R04: f64 = f64::from_bits(0x3EBEB1D10C503919);
    const R05: f64 = f64::from_bits(0xBE33D5E773D63FCE);
    const S01: f64 = f64::from_bits(0x3F8FFCE882C8C2A4);
    const S02: f64 = f64::from_bits(0x3F1EA6D2DD57DBF4);
    const S03: f64 = f64::from_bits(0x3EA13B54CE84D5A9);
    const S04: f64 = f64::from_bits(0x3E1408BCF4745D8F);
    if x.is_nan() {
        return x;
    }
    if x.is_infinite() {
        return 0.0;
    }
    if x == 0.0 {
        return 1.0;
    }
    let x = x.abs();
    if x >= 2.0 {
        let (ss, cc) = order_zero_terms(x);
        if x > TWO_129 {
            return INV_SQRT_PI * cc / x.sqrt();
        }
        let (u, v) = (pzero(x), qzero(x));
        return INV_SQRT_PI * (u * cc - v * ss) / x.sqrt();
    }
    if x < TWO_M13 {
        if x < TWO_M27 {
            return 1.0;
        }
        return 1.0 - 0.25 * x * x;
    }
    let z = x * x;
    let r = z * (R02 + z * (R03 + z * (R04 + z * R05)));
    let s = 1.0 + z * (S01 + z * (S02 + z * (S03 + z * S04)));
    if x < 1.0 {
        return 1.0 + z * (-0.25 + (r / s));
    }
    let u = 0.5 * x;
    (1.0 + u) * (1.0 - u) + z * (r / s)
}

pub(crate) fn y0(x: f64) -> f64 {
    const U00: f64 = f64::from_bits(0xBFB2E4D699CBD01F);
    const U01: f64 = f64::from_bits(0x3FC69D019DE9E3FC);
    const U02: f64 = f64::from_bits(0xBF8C4CE8B16CFA97);
    const U03: f64 = f64::from_bits(0x3F36C54D20B29B6B);
    const U04: f64 = f64::from_bits(0xBECFFEA773D25CAD);
    const U05: f64 = f64::from_bits(0x3E5500573B4EABD4);
    const U06: f64 = f64::from_bits(0xBDC5E43D693FB3C8);
    const V01: f64 = f64::from_bits(0x3F8A127091C9C71A);
    const V02: f64 = f64::from_bits(0x3F13ECBBF578C6C1);
    const V03: f64 = f64::from_bits(0x3E91642D7FF202FD);
    const V04: f64 = f64::from_bits(0x3DFE50183BD6D9EF);
    if x < 0.0 || x.is_nan() {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x >= 2.0 {
        let (ss, cc) = order_zero_terms(x);
        if x > TWO_129 {
            return INV_SQRT_PI * ss / x.sqrt();
        }
        let (u, v) = (pzero(x), qzero(x));
        return INV_SQRT_PI * (u * ss + v * cc) / x.sqrt();
    }
    if x <= TWO_M27 {
        return U00 + FRAC_2_PI * log(x);
    }
    let z = x * x;
    let u = U00 + z * (U01 + z * (U02 + z * (U03 + z * (U04 + z * (U05 + z * U06)))));
    let v = 1.0 + z * (V01 + z * (V02 + z * (V03 + z * V04)));
    u / v + FRAC_2_PI * j0(x) * log(x)
}

pub(crate) fn j1(x: f64) -> f64 {
    const R00: f64 = f64::from_bits(0xBFB0000000000000);
    const R01: f64 = f64::from_bits(0x3F570D9F98472C61);
    const R02: f64 = f64::from_bits(0xBEF0C5C6BA169668);
    const R03: f64 = f64::from_bits(0x3E6AAAFA46CA0BD9);
    const S01: f64 = f64::from_bits(0x3F939D0B12637E53);
    const S02: f64 = f64::from_bits(0x3F285F56B9CDF664);
    const S03: f64 = f64::from_bits(0x3EB3BFF8333F8498);
    const S04: f64 = f64::from_bits(0x3E35AC88C97DFF2C);
    const S05: f64 = f64::from_bits(0x3DAB2ACFCFB97ED8);
    if x.is_nan() {
        return x;
    }
    if x.is_infinite() || x == 0.0 {
        return 0.0;
    }
    let (sign, x) = if x < 0.0 { (true, -x) } else { (false, x) };
    let z = if x >= 2.0 {
        let (ss, cc) = order_one_terms(x);
        if x > TWO_129 {
            INV_SQRT_PI * cc / x.sqrt()
        } else {
            let (u, v) = (pone(x), qone(x));
            INV_SQRT_PI * (u * cc - v * ss) / x.sqrt()
        }
    } else if x < TWO_M27 {
        0.5 * x
    } else {
        let z = x * x;
        let r = z * (R00 + z * (R01 + z * (R02 + z * R03))) * x;
        let s = 1.0 + z * (S01 + z * (S02 + z * (S03 + z * (S04 + z * S05))));
        0.5 * x + r / s
    };
    if sign {
        -z
    } else {
        z
    }
}

pub(crate) fn y1(x: f64) -> f64 {
    const U00: f64 = f64::from_bits(0xBFC91866143CBC8A);
    const U01: f64 = f64::from_bits(0x3FA9D3C776292CD1);
    const U02: f64 = f64::from_bits(0xBF5F55E54844F50F);
    const U03: f64 = f64::from_bits(0x3EF8AB038FA6B88E);
    const U04: f64 = f64::from_bits(0xBE78AC00569105B8);
    const V00: f64 = f64::from_bits(0x3F94650D3F4DA9F0);
    const V01: f64 = f64::from_bits(0x3F2A8C896C257764);
    const V02: f64 = f64::from_bits(0x3EB6C05A894E8CA6);
    const V03: f64 = f64::from_bits(0x3E3ABF1D5BA69A86);
    const V04: f64 = f64::from_bits(0x3DB25039DACA772A);
    if x < 0.0 || x.is_nan() {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x >= 2.0 {
        let (ss, cc) = order_one_terms(x);
        if x > TWO_129 {
            return INV_SQRT_PI * ss / x.sqrt();
        }
        let (u, v) = (pone(x), qone(x));
        return INV_SQRT_PI * (u * ss + v * cc) / x.sqrt();
    }
    if x <= TWO_M54 {
        return -FRAC_2_PI / x;
    }
    let z = x * x;
    let u = U00 + z * (U01 + z * (U02 + z * (U03 + z * U04)));
    let v = 1.0 + z * (V00 + z * (V01 + z * (V02 + z * (V03 + z * V04))));
    x * (u / v) + FRAC_2_PI * (j1(x) * log(x) - 1.0 / x)
}
