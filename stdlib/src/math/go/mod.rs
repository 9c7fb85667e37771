//! Go's `math` functions on float64, reproduced operation by operation
//! from Go's own algorithms (Cephes and FreeBSD msun ports) so that the
//! results agree with CUE's, and the exactly specified ones (`Mod`,
//! `Remainder`, `Ldexp`, `Logb`) by their definition.
//!
//! `Exp` and `Log` follow Go's portable code (on amd64, Go's assembly
//! `Exp` may differ in the last bit, depending on the processor); `Log1p`
//! and `Expm1` are the platform's, which share FreeBSD's algorithms.

mod basic;
mod bessel;
mod erf;
mod erfinv;
mod explog;
mod gamma;
mod hyper;
mod inverse;
mod pow;
pub(crate) mod trig;

pub(crate) use basic::{hypot, ilogb, ldexp, logb, modulo, remainder};
pub(crate) use bessel::{j0, j1, jn, y0, y1, yn};
pub(crate) use erf::{erf, erfc};
pub(crate) use erfinv::{erfcinv, erfinv};
pub(crate) use gamma::gamma;
pub(crate) use hyper::{acosh, asinh, atanh, cosh, sinh, tanh};
pub(crate) use inverse::{acos, asin, atan, atan2};
pub(crate) use trig::{cos, sin, tan};

pub(crate) fn expm1(x: f64) -> f64 {
    x.exp_m1()
}

pub(crate) fn log1p(x: f64) -> f64 {
    x.ln_1p()
}
