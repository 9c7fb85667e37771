//! `FormatFloat`: Go's `strconv.FormatFloat` formats (`b`, `e`, `E`, `f`,
//! `g`, `G`, `x`, `X`), precisions (`-1` for the shortest digits that read
//! back exactly) and bit sizes.
//!
//! Decimal digits come from Rust's float formatting, which is exact and
//! rounds ties to even like Go; the layout follows Go's `fmtE`, `fmtF`,
//! `formatDigits`, `fmtB` and `fmtX`.

use super::sized_int;
use crate::limits::check_output;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// Decimal digits `0.d1d2d3... * 10^dp` without trailing zeros (none at
/// all for zero), as Go's `decimalSlice`.
struct Digits {
    d: Vec<u8>,
    dp: i64,
}

impl Digits {
    /// Parses Rust's `{:e}` spelling of a non-negative float (`1.25e-3`).
    fn from_exp(text: &str) -> Digits {
        let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let mut d: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
        while d.last() == Some(&b'0') {
            d.pop();
        }
        if d.is_empty() {
            return Digits { d, dp: 0 };
        }
        Digits { d, dp: exp + 1 }
    }

    fn nd(&self) -> i64 {
        i64::try_from(self.d.len()).unwrap_or(i64::MAX)
    }

    fn get(&self, i: i64) -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.d.get(i))
            .copied()
            .unwrap_or(b'0')
    }
}

/// The value to format, in the precision of its bit size.
#[derive(Clone, Copy)]
enum Float {
    F32(f32),
    F64(f64),
}

impl Float {
    fn abs_exp(self, prec: Option<usize>) -> String {
        match (self, prec) {
            (Float::F32(v), None) => format!("{:e}", v.abs()),
            (Float::F64(v), None) => format!("{:e}", v.abs()),
            (Float::F32(v), Some(p)) => format!("{:.*e}", p, v.abs()),
            (Float::F64(v), Some(p)) => format!("{:.*e}", p, v.abs()),
        }
    }

    /// The shortest digits that read back as the value.
    fn shortest(self) -> Digits {
        Digits::from_exp(&self.abs_exp(None))
    }

    /// The value rounded to `n` significant digits (`n >= 1`).
    fn significant(self, n: usize) -> Digits {
        Digits::from_exp(&self.abs_exp(Some(n - 1)))
    }

    /// The value with `prec` digits after the point, unsigned.
    fn fixed(self, prec: usize) -> String {
        match self {
            Float::F32(v) => format!("{:.*}", prec, v.abs()),
            Float::F64(v) => format!("{:.*}", prec, v.abs()),
        }
    }

    fn is_sign_negative(self) -> bool {
        match self {
            Float::F32(v) => v.is_sign_negative(),
            Float::F64(v) => v.is_sign_negative(),
        }
    }

    fn is_nan(self) -> bool {
        match self {
            Float::F32(v) => v.is_nan(),
            Float::F64(v) => v.is_nan(),
        }
    }

    fn is_infinite(self) -> bool {
        match self {
            Float::F32(v) => v.is_infinite(),
            Float::F64(v) => v.is_infinite(),
        }
    }

    /// Go's `mant` and `exp`: the value is `mant * 2^(exp - mant_bits)`,
    /// with the implicit leading bit added for normal numbers.
    fn binary(self) -> (u64, i64, u32) {
        let (bits, mant_bits, exp_bits, bias) = match self {
            Float::F32(v) => (u64::from(v.to_bits()), 23u32, 8u32, -127i64),
            Float::F64(v) => (v.to_bits(), 52, 11, -1023),
        };
        let mut exp = i64::try_from((bits >> mant_bits) & ((1 << exp_bits) - 1)).unwrap_or(0);
        let mut mant = bits & ((1u64 << mant_bits) - 1);
        if exp == 0 {
            exp += 1;
        } else {
            mant |= 1u64 << mant_bits;
        }
        (mant, exp + bias, mant_bits)
    }
}

/// Go's `fmtE`: `d.ddddde±dd`.
fn fmt_e(out: &mut String, d: &Digits, prec: i64, fmt: u8) {
    out.push(char::from(if d.d.is_empty() { b'0' } else { d.d[0] }));
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            out.push(char::from(d.get(i)));
        }
    }
    out.push(char::from(fmt));
    let exp = if d.d.is_empty() { 0 } else { d.dp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

/// Go's `fmtF`: `ddddd.ddddd`.
fn fmt_f(out: &mut String, d: &Digits, prec: i64) {
    if d.dp > 0 {
        for i in 0..d.dp {
            out.push(char::from(d.get(i)));
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            out.push(char::from(d.get(d.dp + i - 1)));
        }
    }
}

/// Go's `formatDigits` for `g` and `G`: `%e` for large or small
/// exponents, `%f` otherwise.
fn fmt_g(out: &mut String, d: &Digits, shortest: bool, prec: i64, fmt: u8) {
    let mut eprec = prec;
    if eprec > d.nd() && d.nd() >= d.dp {
        eprec = d.nd();
    }
    if shortest {
        eprec = 6;
    }
    let exp = d.dp - 1;
    if exp < -4 || exp >= eprec {
        let prec = prec.min(d.nd());
        fmt_e(out, d, prec - 1, fmt + b'e' - b'g');
    } else {
        let prec = if prec > d.dp { d.nd() } else { prec };
        fmt_f(out, d, (prec - d.dp).max(0));
    }
}

/// Go's `fmtB`: `mantissa p ±exponent`, both in decimal.
fn fmt_b(out: &mut String, v: Float) {
    let (mant, exp, mant_bits) = v.binary();
    let exp = exp - i64::from(mant_bits);
    out.push_str(&format!("{mant}p{}{exp}", if exp >= 0 { "+" } else { "" }));
}

/// Go's `fmtX`: `0x1.yyyyp±dd`, hexadecimal fraction and binary exponent.
fn fmt_x(out: &mut String, v: Float, prec: i64, fmt: u8) {
    let (mut mant, mut exp, mant_bits) = v.binary();
    if mant == 0 {
        exp = 0;
    }
    // The leading 1 (if any) at bit 60.
    mant <<= 60 - mant_bits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = u32::try_from(prec * 4).unwrap_or(0);
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if (extra | (mant & 1)) > (1 << 59) {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let upper = fmt == b'X';
    let hex = |n: u64| {
        let c = char::from_digit(u32::try_from(n & 15).unwrap_or(0), 16).unwrap_or('0');
        if upper {
            c.to_ascii_uppercase()
        } else {
            c
        }
    };
    out.push('0');
    out.push(char::from(fmt));
    out.push(if (mant >> 60) & 1 == 1 { '1' } else { '0' });
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push('.');
        while mant != 0 {
            out.push(hex(mant >> 60));
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push('.');
        for _ in 0..prec {
            out.push(hex(mant >> 60));
            mant <<= 4;
        }
    }
    out.push(if upper { 'P' } else { 'p' });
    out.push(if exp < 0 { '-' } else { '+' });
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

/// Go's `strconv.FormatFloat(v, fmt, prec, 64)` (for `text/template`'s
/// `printf` too).
pub(crate) fn format_f64(v: f64, fmt: u8, prec: i64) -> Result<String, CallError> {
    go_format_float(Float::F64(v), fmt, prec)
}

/// Go's `strconv.FormatFloat(v, fmt, prec, bitSize)` for a known bit size.
fn go_format_float(v: Float, fmt: u8, prec: i64) -> Result<String, CallError> {
    if v.is_nan() {
        return Ok("NaN".into());
    }
    let neg = v.is_sign_negative();
    if v.is_infinite() {
        return Ok(if neg { "-Inf" } else { "+Inf" }.into());
    }
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let shortest = prec < 0;
    let width = |n: i64| -> Result<usize, CallError> {
        let n = usize::try_from(n.max(0)).unwrap_or(usize::MAX);
        check_output(n)?;
        Ok(n)
    };
    match fmt {
        b'b' => fmt_b(&mut out, v),
        b'x' | b'X' => {
            width(prec)?;
            fmt_x(&mut out, v, prec, fmt);
        }
        b'e' | b'E' => {
            let d = if shortest {
                v.shortest()
            } else {
                v.significant(width(prec)? + 1)
            };
            let prec = if shortest { (d.nd() - 1).max(0) } else { prec };
            fmt_e(&mut out, &d, prec, fmt);
        }
        b'f' if shortest => {
            let d = v.shortest();
            fmt_f(&mut out, &d, (d.nd() - d.dp).max(0));
        }
        b'f' => out.push_str(&v.fixed(width(prec)?)),
        b'g' | b'G' => {
            let (d, prec) = if shortest {
                let d = v.shortest();
                let n = d.nd();
                (d, n)
            } else {
                let p = prec.max(1);
                (v.significant(width(p)?), p)
            };
            fmt_g(&mut out, &d, shortest, prec, fmt);
        }
        _ => {
            // Go writes an unknown format as `%` and the format byte.
            return Ok(format!(
                "%{}",
                if fmt.is_ascii() {
                    char::from(fmt)
                } else {
                    char::REPLACEMENT_CHARACTER
                }
            ));
        }
    }
    check_output(out.len())?;
    Ok(out)
}

/// The `fmt` argument: a format byte, or (as newer CUE versions also
/// accept) a one-character string.
fn format_byte(args: &Args) -> Result<u8, CallError> {
    if let Some(Value::String(s)) = args.get(1) {
        return match s.as_bytes() {
            [b] => Ok(*b),
            _ => Err(CallError::Failed("expected single character string".into())),
        };
    }
    if let Some(Value::Number(n)) = args.get(1) {
        if n.is_int() && n.signum() < 0 {
            return Err(CallError::Argument(format!(
                "cannot use {n} (type int) as byte in argument 1 to {}",
                args.name()
            )));
        }
    }
    Ok(u8::try_from(sized_int(args, 1, 8, "byte")?).unwrap_or(0))
}

/// The `f` argument as a float64.
fn float_arg(args: &Args) -> Result<f64, CallError> {
    let n = args.number(0)?;
    let v = n.to_f64();
    if v.is_infinite() {
        return Err(CallError::Argument(format!(
            "cannot use {n} (type {}) as float64 in argument 0 to {}: value out of range",
            if n.is_int() { "int" } else { "float" },
            args.name()
        )));
    }
    Ok(v)
}

/// `strconv.FormatFloat(f, fmt, prec, bitSize)`.
pub(super) fn format_float(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let f = float_arg(args)?;
    let fmt = format_byte(args)?;
    let prec = args.i64(2)?;
    let v = match args.i64(3)? {
        // Go's float32(f): rounded to nearest, overflowing to infinity.
        32 => Float::F32(f as f32),
        64 => Float::F64(f),
        _ => {
            return Err(CallError::Failed(
                "strconv: illegal AppendFloat/FormatFloat bitSize".into(),
            ))
        }
    };
    Ok(Value::string(go_format_float(v, fmt, prec)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn go(v: f64, fmt: u8, prec: i64) -> String {
        go_format_float(Float::F64(v), fmt, prec).unwrap_or_default()
    }

    #[test]
    fn formats_like_go() {
        assert_eq!(go(1.23456, b'f', 2), "1.23");
        assert_eq!(go(1.0, b'e', -1), "1e+00");
        assert_eq!(go(0.1, b'g', -1), "0.1");
        assert_eq!(go(1e21, b'g', -1), "1e+21");
        assert_eq!(go(1e21, b'f', -1), "1000000000000000000000");
        assert_eq!(go(123456789.0, b'g', -1), "1.23456789e+08");
        assert_eq!(go(100000.0, b'g', -1), "100000");
        assert_eq!(go(1e-5, b'g', -1), "1e-05");
        assert_eq!(go(0.0001, b'g', -1), "0.0001");
        assert_eq!(go(100.0, b'g', 5), "100");
        assert_eq!(go(1e5, b'g', 5), "1e+05");
        assert_eq!(go(123.456, b'g', 2), "1.2e+02");
        assert_eq!(go(123.456, b'G', 0), "1E+02");
        assert_eq!(go(0.0, b'e', 3), "0.000e+00");
        assert_eq!(go(0.0, b'g', -1), "0");
        assert_eq!(go(-0.0, b'f', 1), "-0.0");
        assert_eq!(go(2.5, b'f', 0), "2");
        assert_eq!(go(0.125, b'f', 2), "0.12");
        assert_eq!(go(1e100, b'e', 2), "1.00e+100");
        assert_eq!(go(1.5, b'x', -1), "0x1.8p+00");
        assert_eq!(go(1.0, b'x', 3), "0x1.000p+00");
        assert_eq!(go(0.0, b'x', -1), "0x0p+00");
        assert_eq!(go(1.5, b'b', -1), "6755399441055744p-52");
        assert_eq!(go(3.0, b'X', 0), "0X1P+02");
        assert_eq!(go(1.0, b'z', 2), "%z");
        assert_eq!(
            go_format_float(Float::F32(0.1), b'g', -1).unwrap_or_default(),
            "0.1"
        );
        assert_eq!(
            go_format_float(Float::F32(1e39f64 as f32), b'g', -1).unwrap_or_default(),
            "+Inf"
        );
    }
}
