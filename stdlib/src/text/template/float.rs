//! Go's `strconv.FormatFloat` for 64-bit floats: the `e`, `E`, `f`, `g`
//! and `G` formats, with a precision or the shortest digits that read
//! back as the same float (precision -1).
//!
//! Digits come from Rust's formatting, which like Go's rounds the exact
//! binary value half to even; the layout (exponent with at least two
//! digits, `%g`'s switch to exponent form) is Go's.

/// The decimal digits of a float (no trailing zeros) and the position
/// of the decimal point: the value is `0.DIGITS × 10^dp`.
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

/// The digits of `|v|`: the shortest ones (`sig` = None) or rounded to
/// `sig` significant digits.
fn digits(v: f64, sig: Option<usize>) -> Digits {
    let v = v.abs();
    if v == 0.0 {
        return Digits {
            d: Vec::new(),
            dp: 0,
        };
    }
    let text = match sig {
        Some(n) => format!("{:.*e}", n.saturating_sub(1), v),
        None => format!("{v:e}"),
    };
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    while d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
    }
    if d == [b'0'] {
        d.clear();
    }
    Digits { d, dp: exp + 1 }
}

/// Go's `fmtE`: `d.ddde±dd`.
fn fmt_e(out: &mut String, d: &Digits, prec: usize, e: char) {
    out.push(char::from(d.d.first().copied().unwrap_or(b'0')));
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            out.push(char::from(d.d.get(i).copied().unwrap_or(b'0')));
        }
    }
    out.push(e);
    let exp = if d.d.is_empty() { 0 } else { d.dp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

/// Go's `fmtF`: `ddd.ddd` with `prec` digits after the point.
fn fmt_f(out: &mut String, d: &Digits, prec: usize) {
    if d.dp > 0 {
        let dp = d.dp as usize;
        for i in 0..dp {
            out.push(char::from(d.d.get(i).copied().unwrap_or(b'0')));
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 0..prec {
            let j = i64::from(d.dp) + i as i64;
            let c = usize::try_from(j)
                .ok()
                .and_then(|j| d.d.get(j).copied())
                .unwrap_or(b'0');
            out.push(char::from(c));
        }
    }
}

/// `strconv.FormatFloat(v, verb, prec, 64)`; `prec` None is -1 (the
/// shortest digits). `verb` is one of `e E f F g G`.
pub(super) fn format(v: f64, verb: char, prec: Option<usize>) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    match verb {
        'e' | 'E' => {
            let d = digits(v, prec.map(|p| p + 1));
            let prec = prec.unwrap_or(d.d.len().saturating_sub(1));
            fmt_e(&mut out, &d, prec, verb);
        }
        'f' | 'F' => match prec {
            Some(p) => out.push_str(&format!("{:.*}", p, v.abs())),
            None => {
                let d = digits(v, None);
                let prec = (d.d.len() as i64 - i64::from(d.dp)).max(0) as usize;
                fmt_f(&mut out, &d, prec);
            }
        },
        _ => {
            let e = if verb == 'G' { 'E' } else { 'e' };
            let shortest = prec.is_none();
            let sig = prec.map(|p| p.max(1));
            let d = digits(v, sig);
            let nd = d.d.len() as i64;
            let dp = i64::from(d.dp);
            let mut p = sig.map_or(nd, |p| p as i64);
            let mut eprec = p;
            if eprec > nd && nd >= dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = dp - 1;
            if exp < -4 || exp >= eprec {
                if p > nd {
                    p = nd;
                }
                fmt_e(&mut out, &d, (p - 1).max(0) as usize, e);
            } else {
                if p > dp {
                    p = nd;
                }
                fmt_f(&mut out, &d, (p - dp).max(0) as usize);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn formats_like_go() {
        assert_eq!(format(1.5, 'g', None), "1.5");
        assert_eq!(format(1e6, 'g', None), "1e+06");
        assert_eq!(format(123456.0, 'g', None), "123456");
        assert_eq!(format(1234567.0, 'g', None), "1.234567e+06");
        assert_eq!(format(0.0001, 'g', None), "0.0001");
        assert_eq!(format(0.00001, 'g', None), "1e-05");
        assert_eq!(format(0.0, 'g', None), "0");
        assert_eq!(format(-2.0, 'g', None), "-2");
        assert_eq!(format(1.23456, 'f', Some(2)), "1.23");
        assert_eq!(format(2.5, 'f', Some(0)), "2");
        assert_eq!(format(1.0, 'e', Some(6)), "1.000000e+00");
        assert_eq!(format(123.456, 'e', None), "1.23456e+02");
        assert_eq!(format(1e100, 'E', Some(2)), "1.00E+100");
        assert_eq!(format(123.456, 'g', Some(4)), "123.5");
        assert_eq!(format(123456.0, 'g', Some(3)), "1.23e+05");
        assert_eq!(format(1.0, 'g', Some(3)), "1");
        assert_eq!(format(1e21, 'f', None), "1000000000000000000000");
        assert_eq!(format(1.5e-7, 'f', None), "0.00000015");
    }
}
