//! Arctangent (Cephes's rational approximation after reduction to
//! [0, 0.66]) and what Go derives from it: arcsine, arccosine, Atan2.

#![allow(clippy::excessive_precision)]

use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};

/// atan on [0, 0.66].
fn xatan(x: f64) -> f64 {
    const P0: f64 = -8.750608600031904122785e-01;
    const P1: f64 = -1.615753718733365076637e+01;
    const P2: f64 = -7.500855792314704667340e+01;
    const P3: f64 = -1.228866684490136173410e+02;
    const P4: f64 = -6.485021904942025371773e+01;
    const Q0: f64 = 2.485846490142306297962e+01;
    const Q1: f64 = 1.650270098316988542046e+02;
    const Q2: f64 = 4.328810604912902668951e+02;
    const Q3: f64 = 4.853903996359136964868e+02;
    const Q4: f64 = 1.945506571482613964425e+02;
    let z = x * x;
    let z = z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4)
        / (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
    x * z + x
}

/// atan of a positive x, reduced to [0, 0.66].
fn satan(x: f64) -> f64 {
    // π/2 = FRAC_PI_2 + MOREBITS.
    const MOREBITS: f64 = 6.123233995736765886130e-17;
    const TAN_3PI_8: f64 = 2.41421356237309504880;
    if x <= 0.66 {
        return xatan(x);
    }
    if x > TAN_3PI_8 {
        return FRAC_PI_2 - xatan(1.0 / x) + MOREBITS;
    }
    FRAC_PI_4 + xatan((x - 1.0) / (x + 1.0)) + 0.5 * MOREBITS
}

pub(crate) fn atan(x: f64) -> f64 {
    if x == 0.0 {
        return x;
    }
    if x > 0.0 {
        satan(x)
    } else {
        -satan(-x)
    }
}

pub(crate) fn asin(x: f64) -> f64 {
    if x == 0.0 {
        return x;
    }
    let (sign, x) = if x < 0.0 { (true, -x) } else { (false, x) };
    if x > 1.0 {
        return f64::NAN;
    }
    let temp = (1.0 - x * x).sqrt();
    let r = if x > 0.7 {
        FRAC_PI_2 - satan(temp / x)
    } else {
        satan(x / temp)
    };
    if sign {
        -r
    } else {
        r
    }
}

pub(crate) fn acos(x: f64) -> f64 {
    FRAC_PI_2 - asin(x)
}

pub(crate) fn atan2(y: f64, x: f64) -> f64 {
    const THREE_PI_4: f64 = 2.35619449019234492884698253745962716;
    if y.is_nan() || x.is_nan() {
        return f64::NAN;
    }
    if y == 0.0 {
        if x >= 0.0 && !x.is_sign_negative() {
            return 0.0f64.copysign(y);
        }
        return PI.copysign(y);
    }
    if x == 0.0 {
        return FRAC_PI_2.copysign(y);
    }
    if x.is_infinite() {
        if x > 0.0 {
            if y.is_infinite() {
                return FRAC_PI_4.copysign(y);
            }
            return 0.0f64.copysign(y);
        }
        if y.is_infinite() {
            return THREE_PI_4.copysign(y);
        }
        return PI.copysign(y);
    }
    if y.is_infinite() {
        return FRAC_PI_2.copysign(y);
    }
    let q = atan(y / x);
    if x < 0.0 {
        if q <= 0.0 {
            return q + PI;
        }
        return q - PI;
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::go::trig::tests::close;

    #[test]
    fn near_the_platform() {
        let mut x = -1.0;
        while x <= 1.0 {
            assert!(close(asin(x), x.asin(), 2), "asin {x}");
            // Go's π/2 − asin(x) cancels near 1.
            assert!((acos(x) - x.acos()).abs() <= 1e-15, "acos {x}");
            x += 0.013;
        }
        let mut x = -30.0;
        while x < 30.0 {
            assert!(close(atan(x), x.atan(), 2), "atan {x}");
            assert!(close(atan2(x, 1.5), x.atan2(1.5), 2), "atan2 {x}");
            assert!(close(atan2(x, -1.5), x.atan2(-1.5), 2), "atan2 {x}");
            x += 0.29;
        }
        assert_eq!(atan2(1.0, 1.0), FRAC_PI_4);
    }
}
