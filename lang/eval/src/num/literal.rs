//! Reading number literals as the lexer spells them: `1_000`, `0xFF`,
//! `0o755`, `0b1010`, `1.5`, `.5`, `1e3`, `1.5Ki`.

use super::coeff::Coeff;
use super::decimal::Decimal;
use super::error::NumberError;
use super::int::Int;
use super::Number;
use num_bigint::BigUint;

/// Reads a literal; `is_float` is the lexer's classification, which must
/// agree with the text (a multiplier makes an int even with a fraction).
pub(crate) fn parse_literal(text: &str, is_float: bool) -> Result<Number, NumberError> {
    let b = text.as_bytes();
    if b.is_empty() {
        return Err(NumberError::Malformed);
    }
    let radix = match b {
        [b'0', b'x' | b'X', ..] => Some(16),
        [b'0', b'o', ..] => Some(8),
        [b'0', b'b', ..] => Some(2),
        _ => None,
    };
    if let Some(radix) = radix {
        if is_float {
            return Err(NumberError::Malformed);
        }
        let digits = strip_separators(&text[2..], true)?;
        return parse_radix(&digits, radix).map(Number::Int);
    }
    if let Some((mantissa, mult)) = split_multiplier(text) {
        if is_float {
            return Err(NumberError::Malformed);
        }
        return parse_multiplied(mantissa, mult).map(Number::Int);
    }
    let has_point = text.contains('.');
    let exp_at = text.find(['e', 'E']);
    if has_point || exp_at.is_some() {
        if !is_float {
            return Err(NumberError::Malformed);
        }
        let (mantissa, exponent) = match exp_at {
            Some(i) => (&text[..i], Some(&text[i + 1..])),
            None => (text, None),
        };
        return parse_decimal(mantissa, exponent).map(Number::float);
    }
    if is_float {
        return Err(NumberError::Malformed);
    }
    let digits = strip_separators(text, false)?;
    if digits.len() > 1 && digits.starts_with('0') {
        return Err(NumberError::LeadingZero);
    }
    parse_radix(&digits, 10).map(Number::Int)
}

/// Reads a float from its mantissa (`1.50`, `.5`, `2`) and exponent (`-3`, `+2`).
pub(crate) fn parse_decimal(
    mantissa: &str,
    exponent: Option<&str>,
) -> Result<Decimal, NumberError> {
    let (coeff, frac_len) = parse_mantissa(mantissa)?;
    let exp = match exponent {
        Some(e) => parse_exponent(e)?,
        None => 0,
    };
    Decimal::from_coeff(false, coeff, exp - frac_len as i64)
}

/// The coefficient of `int.frac` and the number of fraction digits.
fn parse_mantissa(m: &str) -> Result<(Coeff, usize), NumberError> {
    let (int_part, frac_part) = match m.split_once('.') {
        Some((i, f)) => (i, f),
        None => (m, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(NumberError::Malformed);
    }
    let mut digits = strip_separators(int_part, false)?;
    let frac = strip_separators(frac_part, false)?;
    digits.push_str(&frac);
    Ok((parse_coeff(&digits)?, frac.len()))
}

/// An exponent: optional sign, then digits. Absurd sizes saturate, so that
/// the range check rejects them.
fn parse_exponent(e: &str) -> Result<i64, NumberError> {
    let (neg, digits) = match e.as_bytes().first() {
        Some(b'+') => (false, &e[1..]),
        Some(b'-') => (true, &e[1..]),
        _ => (false, e),
    };
    let digits = strip_separators(digits, false)?;
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::Malformed);
    }
    let mut v: i64 = 0;
    for d in digits.bytes() {
        v = v.saturating_mul(10).saturating_add(i64::from(d - b'0'));
    }
    let v = v.min(i64::from(i32::MAX));
    Ok(if neg { -v } else { v })
}

/// Splits `1.5Ki` into (`1.5`, 1024) and `2M` into (`2`, 1000000).
fn split_multiplier(text: &str) -> Option<(&str, u128)> {
    let b = text.as_bytes();
    let (unit_at, base) = match b {
        [.., u, b'i'] if b"KMGTP".contains(u) => (b.len() - 2, 1024u128),
        [.., u] if b"KMGTP".contains(u) => (b.len() - 1, 1000u128),
        _ => return None,
    };
    let power = b"KMGTP".iter().position(|u| *u == b[unit_at])? as u32 + 1;
    Some((&text[..unit_at], base.pow(power)))
}

/// A multiplied mantissa, which must come out whole.
fn parse_multiplied(mantissa: &str, mult: u128) -> Result<Int, NumberError> {
    let (coeff, frac_len) = parse_mantissa(mantissa)?;
    if frac_len == 0 && mantissa.len() > 1 && mantissa.starts_with('0') {
        return Err(NumberError::LeadingZero);
    }
    let (q, r) = coeff.mul(&Coeff::Small(mult)).divrem_pow10(frac_len as u64);
    if !r.is_zero() {
        return Err(NumberError::NotAnInteger);
    }
    Ok(super::decimal::signed_int(false, &q))
}

/// Removes `_` separators, which must stand between two digits (or, with
/// `after_prefix`, right after a base prefix: `0x_ff`).
fn strip_separators(s: &str, after_prefix: bool) -> Result<String, NumberError> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let before_ok = if i == 0 {
                after_prefix
            } else {
                b[i - 1].is_ascii_alphanumeric()
            };
            let after_ok = b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
            if !before_ok || !after_ok {
                return Err(NumberError::MisplacedSeparator);
            }
        } else if c.is_ascii_alphanumeric() {
            out.push(char::from(c));
        } else {
            return Err(NumberError::Malformed);
        }
    }
    Ok(out)
}

/// Decimal digits (no separators) as a coefficient.
fn parse_coeff(digits: &str) -> Result<Coeff, NumberError> {
    if !digits.bytes().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::Malformed);
    }
    let trimmed = digits.trim_start_matches('0');
    if trimmed.len() <= 38 {
        return Ok(Coeff::Small(trimmed.parse::<u128>().unwrap_or(0)));
    }
    BigUint::parse_bytes(trimmed.as_bytes(), 10)
        .map(Coeff::from_big)
        .ok_or(NumberError::Malformed)
}

/// Digits (no separators) in the given base as an int.
fn parse_radix(digits: &str, radix: u32) -> Result<Int, NumberError> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return Err(NumberError::BadDigits);
    }
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Ok(Int::Small(v));
    }
    BigUint::parse_bytes(digits.as_bytes(), radix)
        .map(|m| super::decimal::signed_int(false, &Coeff::from_big(m)))
        .ok_or(NumberError::BadDigits)
}
