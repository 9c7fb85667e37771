//! Bessel functions of order n: forward recurrences from orders 0 and 1,
//! a backward recurrence where the forward one loses precision, and the
//! asymptotic form for huge x.

use super::first_orders::{j0, j1, y0, y1};
use super::{INV_SQRT_PI, TWO_302, TWO_M29};
use crate::math::go::explog::log;
use crate::math::go::trig::{cos, sin};

/// √2·(sin or cos of x − (2n+1)π/4) for a huge x, by n mod 4.
fn huge_terms(x: f64, n: i64, first_kind: bool) -> f64 {
    let (s, c) = (sin(x), cos(x));
    match (n & 3, first_kind) {
        (0, true) => c + s,
        (1, true) => -c + s,
        (2, true) => -c - s,
        (_, true) => c - s,
        (0, false) => s - c,
        (1, false) => -s - c,
        (2, false) => -s + c,
        (_, false) => s + c,
    }
}

pub(crate) fn jn(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x.is_infinite() {
        return 0.0;
    }
    if n == 0 {
        return j0(x);
    }
    if x == 0.0 {
        return 0.0;
    }
    let (n, x) = if n < 0 {
        (n.wrapping_neg(), -x)
    } else {
        (n, x)
    };
    if n == 1 {
        return j1(x);
    }
    let (sign, x) = if x < 0.0 {
        (n & 1 == 1, -x)
    } else {
        (false, x)
    };
    let b = if n as f64 <= x {
        if x >= TWO_302 {
            INV_SQRT_PI * huge_terms(x, n, true) / x.sqrt()
        } else {
            let (mut a, mut b) = (j0(x), j1(x));
            let mut i = 1;
            while i < n {
                let next = b * ((i + i) as f64 / x) - a;
                a = b;
                b = next;
                i += 1;
            }
            b
        }
    } else if x < TWO_M29 {
        if n > 33 {
            0.0
        } else {
            let temp = x * 0.5;
            let mut b = temp;
            let mut a = 1.0;
            for i in 2..=n {
                a *= i as f64;
                b *= temp;
            }
            b / a
        }
    } else {
        backward(n, x)
    };
    if sign {
        -b
    } else {
        b
    }
}

/// J(n, x) for n > x by the backward recurrence from a continued fraction.
fn backward(n: i64, x: f64) -> f64 {
    let w = (n + n) as f64 / x;
    let h = 2.0 / x;
    let mut q0 = w;
    let mut z = w + h;
    let mut q1 = w * z - 1.0;
    let mut k = 1;
    while q1 < 1e9 {
        k += 1;
        z += h;
        let q2 = z * q1 - q0;
        q0 = q1;
        q1 = q2;
    }
    let m = n + n;
    let mut t = 0.0;
    let mut i = 2 * (n + k);
    while i >= m {
        t = 1.0 / (i as f64 / x - t);
        i -= 2;
    }
    let mut a = t;
    let mut b = 1.0;
    let tmp = n as f64;
    let v = 2.0 / x;
    let tmp = tmp * log((v * tmp).abs());
    let scale = tmp >= 7.09782712893383973096e+02;
    let mut i = n - 1;
    while i > 0 {
        let di = (i + i) as f64;
        let next = b * di / x - a;
        a = b;
        b = next;
        if scale && b > 1e100 {
            a /= b;
            t /= b;
            b = 1.0;
        }
        i -= 1;
    }
    t * j0(x) / b
}

pub(crate) fn yn(n: i64, x: f64) -> f64 {
    if x < 0.0 || x.is_nan() {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if n == 0 {
        return y0(x);
    }
    if x == 0.0 {
        if n < 0 && n & 1 == 1 {
            return f64::INFINITY;
        }
        return f64::NEG_INFINITY;
    }
    let (sign, n) = if n < 0 {
        let n = n.wrapping_neg();
        (n & 1 == 1, n)
    } else {
        (false, n)
    };
    if n == 1 {
        return if sign { -y1(x) } else { y1(x) };
    }
    let b = if x >= TWO_302 {
        INV_SQRT_PI * huge_terms(x, n, false) / x.sqrt()
    } else {
        let (mut a, mut b) = (y0(x), y1(x));
        let mut i = 1;
        while i < n && b != f64::NEG_INFINITY {
            let next = ((i + i) as f64 / x) * b - a;
            a = b;
            b = next;
            i += 1;
        }
        b
    };
    if sign {
        -b
    } else {
        b
    }
}
