//! Functions CUE computes with apd's 34-digit context: `Exp`, `Exp2`,
//! `Log`, `Log10`, `Log2`, `Pow` and `Cbrt`.

use super::rounding::dec;
use crate::decimal::{self, Dec, Rounding, PRECISION};
use tenon_eval::builtin::{Args, CallError, Context, Value};

pub(super) fn exp(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    decimal::exp(&dec(args, 0)?, PRECISION)?.to_value()
}

pub(super) fn exp2(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    decimal::pow(&Dec::from_i64(2), &dec(args, 0)?, PRECISION)?.to_value()
}

pub(super) fn log(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    decimal::ln(&dec(args, 0)?, PRECISION, Rounding::HalfUp)?.to_value()
}

pub(super) fn log10(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    decimal::log10(&dec(args, 0)?, PRECISION)?.to_value()
}

pub(super) fn log2(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    decimal::log2(&dec(args, 0)?, PRECISION)?.to_value()
}

pub(super) fn pow(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    decimal::pow(&dec(args, 0)?, &dec(args, 1)?, PRECISION)?.to_value()
}

pub(super) fn cbrt(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    decimal::cbrt(&dec(args, 0)?, PRECISION).to_value()
}
