//! Bessel functions of the first and second kind as Go computes them
//! (FreeBSD's msun: rational approximations below 2, asymptotic forms
//! with rational corrections above, recurrences for higher orders).
//!
//! `tables.rs` holds the rational corrections of the asymptotic forms,
//! `first_orders.rs` the orders 0 and 1, `higher_orders.rs` the order n
//! by recurrence.

#![allow(clippy::excessive_precision)]

mod first_orders;
mod higher_orders;
mod tables;

pub(crate) use first_orders::{j0, j1, y0, y1};
pub(crate) use higher_orders::{jn, yn};

use std::f64::consts::FRAC_2_SQRT_PI;

/// 1/√π.
const INV_SQRT_PI: f64 = FRAC_2_SQRT_PI / 2.0;
const TWO_M27: f64 = 1.0 / (1u64 << 27) as f64;
const TWO_M13: f64 = 1.0 / (1u64 << 13) as f64;
const TWO_M29: f64 = 1.0 / (1u64 << 29) as f64;
const TWO_M54: f64 = 1.0 / (1u64 << 54) as f64;
const TWO_129: f64 = f64::from_bits(0x4800000000000000);
const TWO_302: f64 = f64::from_bits(0x52D0000000000000);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        let near = |got: f64, want: f64| (got - want).abs() <= 1e-15 * want.abs().max(1.0);
        assert!(near(j0(1.0), 0.7651976865579666));
        assert!(near(j1(1.0), 0.44005058574493355));
        assert!(near(y0(1.0), 0.08825696421567697));
        assert!(near(y1(1.0), -0.7812128213002887));
        assert!(near(jn(2, 1.5), 0.2320876721442147));
        assert!(near(jn(5, 10.0), -0.23406152818679365));
        assert!(near(jn(10, 1.0), 2.630615123687453e-10));
        assert!(near(yn(2, 1.5), -0.9321937597629739));
        assert!(near(j0(10.0), -0.2459357644513483));
    }
}
