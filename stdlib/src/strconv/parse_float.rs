//! `ParseFloat`: Go's float syntax (decimal and hexadecimal mantissas,
//! underscores, `Inf` and `NaN`), rounded to the nearest float64 or
//! float32.

use super::parse_int::underscore_ok;
use super::{num_error, Reason};
use tenon_eval::builtin::{Args, CallError, Context, Value};
use tenon_eval::num::Number;

/// The layout of a binary floating-point format.
struct FloatInfo {
    mant_bits: u32,
    exp_bits: u32,
    bias: i64,
}

const F32: FloatInfo = FloatInfo {
    mant_bits: 23,
    exp_bits: 8,
    bias: -127,
};

const F64: FloatInfo = FloatInfo {
    mant_bits: 52,
    exp_bits: 11,
    bias: -1023,
};

/// A float literal read by Go's `readFloat`: the value is
/// `mantissa * base^exp` (base 2 for hexadecimal mantissas).
struct Literal {
    mantissa: u64,
    exp: i64,
    neg: bool,
    /// Non-zero digits were dropped from `mantissa`.
    trunc: bool,
    hex: bool,
}

/// Go's `readFloat` on the whole of `s`; `None` on a syntax error.
fn read_float(s: &str) -> Option<Literal> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut neg = false;
    match b.first()? {
        b'+' => i += 1,
        b'-' => {
            neg = true;
            i += 1;
        }
        _ => {}
    }
    let mut base = 10u64;
    let mut max_mant_digits = 19;
    let mut exp_char = b'e';
    let mut hex = false;
    if i + 2 < b.len() && b[i] == b'0' && b[i + 1] | 0x20 == b'x' {
        base = 16;
        max_mant_digits = 16;
        i += 2;
        exp_char = b'p';
        hex = true;
    }
    let mut underscores = false;
    let (mut saw_dot, mut saw_digits) = (false, false);
    let (mut nd, mut nd_mant, mut dp) = (0i64, 0i64, 0i64);
    let mut mantissa = 0u64;
    let mut trunc = false;
    while i < b.len() {
        let c = b[i];
        let digit = match c {
            b'_' => {
                underscores = true;
                i += 1;
                continue;
            }
            b'.' => {
                if saw_dot {
                    break;
                }
                saw_dot = true;
                dp = nd;
                i += 1;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            _ if hex && (c | 0x20).is_ascii_hexdigit() => u64::from((c | 0x20) - b'a') + 10,
            _ => break,
        };
        saw_digits = true;
        i += 1;
        if digit == 0 && nd == 0 && c == b'0' {
            // Leading zeros only move the point.
            dp -= 1;
            continue;
        }
        nd += 1;
        if nd_mant < max_mant_digits {
            mantissa = mantissa * base + digit;
            nd_mant += 1;
        } else if digit != 0 {
            trunc = true;
        }
    }
    if !saw_digits {
        return None;
    }
    if !saw_dot {
        dp = nd;
    }
    if hex {
        dp *= 4;
        nd_mant *= 4;
    }
    if i < b.len() && b[i] | 0x20 == exp_char {
        i += 1;
        let mut esign = 1;
        match b.get(i)? {
            b'+' => i += 1,
            b'-' => {
                i += 1;
                esign = -1;
            }
            _ => {}
        }
        if !b.get(i)?.is_ascii_digit() {
            return None;
        }
        let mut e = 0i64;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            if b[i] == b'_' {
                underscores = true;
            } else if e < 10000 {
                e = e * 10 + i64::from(b[i] - b'0');
            }
            i += 1;
        }
        dp += e * esign;
    } else if hex {
        // A hexadecimal mantissa needs an exponent.
        return None;
    }
    if i != b.len() || underscores && !underscore_ok(s) {
        return None;
    }
    let exp = if mantissa != 0 { dp - nd_mant } else { 0 };
    Some(Literal {
        mantissa,
        exp,
        neg,
        trunc,
        hex,
    })
}

/// Go's `special`: `Inf`, `+Infinity`, `NaN` (any case) as the whole of `s`.
fn special(s: &str) -> Option<f64> {
    let (sign, body) = match s.as_bytes().first()? {
        b'+' => (1.0, &s[1..]),
        b'-' => (-1.0, &s[1..]),
        _ => (1.0, s),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(sign * f64::INFINITY);
    }
    (lower == "nan" && body.len() == s.len()).then_some(f64::NAN)
}

/// Go's `atofHex`: `mantissa * 2^exp` rounded to even in `flt`; `Err`
/// carries the infinity of an overflow.
fn atof_hex(lit: &Literal, flt: &FloatInfo) -> Result<f64, f64> {
    let mant_bits = flt.mant_bits;
    let max_exp = (1i64 << flt.exp_bits) + flt.bias - 2;
    let min_exp = flt.bias + 1;
    let mut mantissa = lit.mantissa;
    let mut exp = lit.exp + i64::from(mant_bits);
    while mantissa != 0 && mantissa >> (mant_bits + 2) == 0 {
        mantissa <<= 1;
        exp -= 1;
    }
    if lit.trunc {
        mantissa |= 1;
    }
    while mantissa >> (1 + mant_bits + 2) != 0 {
        mantissa = mantissa >> 1 | mantissa & 1;
        exp += 1;
    }
    while mantissa > 1 && exp < min_exp - 2 {
        mantissa = mantissa >> 1 | mantissa & 1;
        exp += 1;
    }
    let mut round = mantissa & 3;
    mantissa >>= 2;
    round |= mantissa & 1;
    exp += 2;
    if round == 3 {
        mantissa += 1;
        if mantissa == 1 << (1 + mant_bits) {
            mantissa >>= 1;
            exp += 1;
        }
    }
    if mantissa >> mant_bits == 0 {
        exp = flt.bias;
    }
    let overflow = exp > max_exp;
    if overflow {
        mantissa = 1 << mant_bits;
        exp = max_exp + 1;
    }
    let biased = u64::try_from(exp - flt.bias).unwrap_or(0) & ((1 << flt.exp_bits) - 1);
    let mut bits = mantissa & ((1 << mant_bits) - 1) | biased << mant_bits;
    if lit.neg {
        bits |= 1 << mant_bits << flt.exp_bits;
    }
    let v = if flt.exp_bits == F32.exp_bits {
        f64::from(f32::from_bits(u32::try_from(bits).unwrap_or(0)))
    } else {
        f64::from_bits(bits)
    };
    if overflow {
        Err(v)
    } else {
        Ok(v)
    }
}

/// A decimal literal rounded to nearest: Rust's parser reads the digits
/// (underscores removed) exactly rounded.
fn atof_decimal(s: &str, single: bool) -> Result<f64, f64> {
    let clean: String = s.chars().filter(|&c| c != '_').collect();
    let v = if single {
        clean.parse::<f32>().map(f64::from)
    } else {
        clean.parse::<f64>()
    }
    .unwrap_or(f64::NAN);
    if v.is_infinite() {
        Err(v)
    } else {
        Ok(v)
    }
}

/// Go's `ParseFloat(s, bitSize)`: the value, or `Err` with the reason.
pub(super) fn go_parse_float(s: &str, bit_size: i64) -> Result<f64, Reason> {
    if let Some(v) = special(s) {
        return Ok(v);
    }
    let lit = read_float(s).ok_or(Reason::Syntax)?;
    let single = bit_size == 32;
    let result = if lit.hex {
        atof_hex(&lit, if single { &F32 } else { &F64 })
    } else {
        atof_decimal(s, single)
    };
    result.map_err(|_| Reason::Range)
}

/// `strconv.ParseFloat(s, bitSize)`.
pub(super) fn parse_float(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let bit_size = args.i64(1)?;
    let v = go_parse_float(s, bit_size).map_err(|r| r.error("ParseFloat", s))?;
    Number::from_f64(v)
        .map(Value::Number)
        .ok_or_else(|| num_error("ParseFloat", s, "infinity and NaN are not CUE numbers"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_go() {
        assert_eq!(go_parse_float("1.5", 64), Ok(1.5));
        assert_eq!(go_parse_float("0x1p-2", 64), Ok(0.25));
        assert_eq!(go_parse_float("0x1.8p1", 64), Ok(3.0));
        assert_eq!(go_parse_float("-0X_1FFFP-16", 64), Ok(-0.1249847412109375));
        assert_eq!(go_parse_float("1_000.5", 64), Ok(1000.5));
        assert_eq!(go_parse_float(".5e1", 64), Ok(5.0));
        assert_eq!(go_parse_float("5.", 64), Ok(5.0));
        assert_eq!(go_parse_float("0.1", 32), Ok(f64::from(0.1f32)));
        assert_eq!(go_parse_float("1e400", 64), Err(Reason::Range));
        assert_eq!(go_parse_float("1e-400", 64), Ok(0.0));
        assert_eq!(go_parse_float("0x1p1024", 64), Err(Reason::Range));
        assert_eq!(go_parse_float("0x1p-1074", 64), Ok(f64::from_bits(1)));
        assert_eq!(go_parse_float("-Infinity", 64), Ok(f64::NEG_INFINITY));
        for bad in [
            "", "e5", "1e", "1_", "_1", "1__0", "0x1", "0x", "1.2.3", "+nan", "infx", "1e+",
        ] {
            assert_eq!(go_parse_float(bad, 64), Err(Reason::Syntax), "{bad}");
        }
    }
}
