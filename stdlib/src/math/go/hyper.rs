//! Hyperbolic functions and their inverses as Go computes them (Hart &
//! Cheney and Cephes rational functions near zero, exponentials and
//! logarithms elsewhere).

#![allow(clippy::excessive_precision)]

use super::explog::{exp, log};
const LN2: f64 = f64::from_bits(0x3FE62E42FEFA39EF);
const NEAR_ZERO: f64 = 1.0 / (1u64 << 28) as f64;
const LARGE: f64 = (1u64 << 28) as f64;

pub(crate) fn sinh(x: f64) -> f64 {
    const P0: f64 = -0.6307673640497716991184787251e+6;
    const P1: f64 = -0.8991272022039509355398013511e+5;
    const P2: f64 = -0.2894211355989563807284660366e+4;
    const P3: f64 = -0.2630563213397497062819489e+2;
    const Q0: f64 = -0.6307673640497716991212077277e+6;
    const Q1: f64 = 0.1521517378790019070696485176e+5;
    const Q2: f64 = -0.173678953558233699533450911e+3;
    let (sign, x) = if x < 0.0 { (true, -x) } else { (false, x) };
    let temp = if x > 21.0 {
        exp(x) / 2.0
    } else if x > 0.5 {
        (exp(x) - exp(-x)) / 2.0
    } else {
        let sq = x * x;
        let t = (((P3 * sq + P2) * sq + P1) * sq + P0) * x;
        t / (((sq + Q2) * sq + Q1) * sq + Q0)
    };
    if sign {
        -temp
    } else {
        temp
    }
}

pub(crate) fn cosh(x: f64) -> f64 {
    let x = x.abs();
    if x > 21.0 {
        return exp(x) / 2.0;
    }
    (exp(x) + exp(-x)) / 2.0
}

pub(crate) fn tanh(x: f64) -> f64 {
    const P: [f64; 3] = [
        -9.64399179425052238628E-1,
        -9.92877231001918586564E1,
        -1.61468768441708447952E3,
    ];
    const Q: [f64; 3] = [
        1.12811678491632931402E2,
        2.23548839060100448583E3,
        4.84406305325125486048E3,
    ];
    const MAXLOG: f64 = 8.8029691931113054295988e+01;
    let z = x.abs();
    if z > 0.5 * MAXLOG {
        return if x < 0.0 { -1.0 } else { 1.0 };
    }
    if z >= 0.625 {
        let s = exp(2.0 * z);
        let z = 1.0 - 2.0 / (s + 1.0);
        return if x < 0.0 { -z } else { z };
    }
    if x == 0.0 {
        return x;
    }
    let s = x * x;
    x + x * s * ((P[0] * s + P[1]) * s + P[2]) / (((s + Q[0]) * s + Q[1]) * s + Q[2])
}

pub(crate) fn asinh(x: f64) -> f64 {
    if x.is_nan() || x.is_infinite() {
        return x;
    }
    let (sign, x) = if x < 0.0 { (true, -x) } else { (false, x) };
    let temp = if x > LARGE {
        log(x) + LN2
    } else if x > 2.0 {
        log(2.0 * x + 1.0 / ((x * x + 1.0).sqrt() + x))
    } else if x < NEAR_ZERO {
        x
    } else {
        (x + x * x / (1.0 + (1.0 + x * x).sqrt())).ln_1p()
    };
    if sign {
        -temp
    } else {
        temp
    }
}

pub(crate) fn acosh(x: f64) -> f64 {
    if x < 1.0 || x.is_nan() {
        return f64::NAN;
    }
    if x == 1.0 {
        return 0.0;
    }
    if x >= LARGE {
        return log(x) + LN2;
    }
    if x > 2.0 {
        return log(2.0 * x - 1.0 / (x + (x * x - 1.0).sqrt()));
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

pub(crate) fn atanh(x: f64) -> f64 {
    if !(-1.0..=1.0).contains(&x) || x.is_nan() {
        return f64::NAN;
    }
    if x == 1.0 {
        return f64::INFINITY;
    }
    if x == -1.0 {
        return f64::NEG_INFINITY;
    }
    let (sign, x) = if x < 0.0 { (true, -x) } else { (false, x) };
    let temp = if x < NEAR_ZERO {
        x
    } else if x < 0.5 {
        let t = x + x;
        0.5 * (t + t * x / (1.0 - x)).ln_1p()
    } else {
        0.5 * ((x + x) / (1.0 - x)).ln_1p()
    };
    if sign {
        -temp
    } else {
        temp
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::go::trig::tests::close;

    #[test]
    fn near_the_platform() {
        let mut x = -5.0;
        while x < 5.0 {
            assert!(close(sinh(x), x.sinh(), 3), "sinh {x}");
            assert!(close(cosh(x), x.cosh(), 3), "cosh {x}");
            assert!(close(tanh(x), x.tanh(), 3), "tanh {x}");
            assert!(close(asinh(x), x.asinh(), 3), "asinh {x}");
            x += 0.17;
        }
        let mut x = 1.0;
        while x < 50.0 {
            assert!(close(acosh(x), x.acosh(), 3), "acosh {x}");
            x += 0.77;
        }
        let mut x = -0.99;
        while x < 1.0 {
            assert!(close(atanh(x), x.atanh(), 8), "atanh {x}");
            x += 0.03;
        }
    }
}
