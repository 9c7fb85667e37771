//! Conversions to and from outside formats: `f64` (for builtins computed in
//! binary floating point) and JSON number text.

use super::decimal::Decimal;
use super::error::NumberError;
use super::literal::{parse_decimal, parse_literal};
use super::Number;

impl Number {
    /// The nearest `f64` (infinite beyond its range).
    pub fn to_f64(&self) -> f64 {
        // Rust reads the export spelling (`1.5E+300`, `-0.0`) exactly rounded.
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// A float with the shortest digits that read back as `v`
    /// (`1.4142135623730951`, `4`), as CUE turns a float64 result into a
    /// number; `None` for NaN and infinities.
    pub fn from_f64(v: f64) -> Option<Number> {
        Decimal::from_f64(v).map(Number::float)
    }

    /// Reads a JSON number (`-12`, `1.5e3`): an int unless it has a
    /// fraction or an exponent.
    pub fn parse_json(text: &str) -> Result<Number, NumberError> {
        let (neg, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        if !is_json_number(body) {
            return Err(NumberError::Malformed);
        }
        let is_float = body.contains(['.', 'e', 'E']);
        let n = parse_literal(body, is_float)?;
        Ok(if neg { n.neg() } else { n })
    }
}

impl Decimal {
    /// The shortest decimal that reads back as `v`; `None` for NaN and infinities.
    pub fn from_f64(v: f64) -> Option<Decimal> {
        if !v.is_finite() {
            return None;
        }
        // `{:e}` gives the shortest round-trip digits: `1.4142135623730951e0`.
        let text = format!("{:e}", v.abs());
        let (mantissa, exponent) = text.split_once('e')?;
        let d = parse_decimal(mantissa, Some(exponent)).ok()?;
        Some(Decimal {
            neg: v.is_sign_negative(),
            ..d
        })
    }
}

/// Whether `s` (without a leading `-`) follows JSON's number grammar.
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let int_len = digits(&mut i);
    if int_len == 0 || (int_len > 1 && b[0] == b'0') {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}
