//! Constants in templates, read as Go reads them: strings
//! (`strconv.Unquote`), character constants and numbers (`NumberNode`:
//! an int, uint, float and complex reading of the same text).

use super::node::Number;

/// Go's `strconv.Unquote` for a `"…"` or `` `…` `` literal.
pub(super) fn unquote(text: &str) -> Result<String, String> {
    let syntax = || "invalid syntax".to_string();
    if let Some(body) = text.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
        if body.contains('`') {
            return Err(syntax());
        }
        return Ok(body.replace('\r', ""));
    }
    let body = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .ok_or_else(syntax)?;
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while !rest.is_empty() {
        if rest.starts_with('"') || rest.starts_with('\n') {
            return Err(syntax());
        }
        let (c, tail) = unquote_char(rest, '"').ok_or_else(syntax)?;
        out.push(c);
        rest = tail;
    }
    Ok(out)
}

/// Go's `strconv.UnquoteChar`: the first character of `s` (an escape or
/// a plain character) inside a literal quoted with `quote`.
fn unquote_char(s: &str, quote: char) -> Option<(char, &str)> {
    let c = s.chars().next()?;
    if c != '\\' {
        if c == quote && quote == '\'' {
            return None;
        }
        return Some((c, &s[c.len_utf8()..]));
    }
    let rest = &s[1..];
    let e = rest.chars().next()?;
    let rest = &rest[e.len_utf8()..];
    let simple = match e {
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        'f' => Some('\u{c}'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\u{b}'),
        '\\' => Some('\\'),
        '\'' | '"' if e == quote => Some(e),
        _ => None,
    };
    if let Some(c) = simple {
        return Some((c, rest));
    }
    let (digits, radix) = match e {
        'x' => (2, 16),
        'u' => (4, 16),
        'U' => (8, 16),
        '0'..='7' => (3, 8),
        _ => return None,
    };
    let (text, rest) = if radix == 8 {
        (s.get(1..4)?, s.get(4..)?)
    } else {
        (rest.get(..digits)?, rest.get(digits..)?)
    };
    let v = u32::from_str_radix(text, radix).ok()?;
    if radix == 8 && v > 255 {
        return None;
    }
    // `\x` and octal escapes are bytes; only ASCII ones make a character.
    if (e == 'x' || radix == 8) && v > 127 {
        return None;
    }
    Some((char::from_u32(v)?, rest))
}

/// A number constant (Go's `newNumber`); the error is Go's message.
pub(super) fn number(text: &str, char_constant: bool, complex: bool) -> Result<Number, String> {
    let mut n = Number {
        text: text.to_string(),
        ..Number::default()
    };
    if char_constant {
        let body = text
            .strip_prefix('\'')
            .ok_or_else(|| "invalid syntax".to_string())?;
        let (c, tail) = unquote_char(body, '\'').ok_or_else(|| "invalid syntax".to_string())?;
        if tail != "'" {
            return Err(format!("malformed character constant: {text}"));
        }
        let v = u32::from(c);
        n.int = Some(i64::from(v));
        n.uint = Some(u64::from(v));
        n.float = Some(f64::from(v));
        n.is_char = true;
        return Ok(n);
    }
    if complex {
        let (re, im) = parse_complex(text)
            .ok_or_else(|| format!("illegal number syntax: {}", crate::go_quote::quote(text)))?;
        n.complex = Some((re, im));
        if im == 0.0 {
            simplify_float(&mut n, re);
        }
        return Ok(n);
    }
    if let Some(i) = parse_int(text) {
        if let Ok(u) = u64::try_from(i) {
            n.uint = Some(u);
        }
        if let Ok(v) = i64::try_from(i) {
            n.int = Some(v);
        }
    }
    if let Some(i) = n.int {
        n.float = Some(i as f64);
    } else if let Some(u) = n.uint {
        n.float = Some(u as f64);
    } else if let Some(f) = parse_float(text) {
        if !text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Err(format!(
                "integer overflow: {}",
                crate::go_quote::quote(text)
            ));
        }
        simplify_float(&mut n, f);
    } else if let Some(imaginary) = text.strip_suffix('i') {
        if let Some(im) = parse_float(imaginary) {
            n.complex = Some((0.0, im));
            if im == 0.0 {
                simplify_float(&mut n, 0.0);
            }
        }
    }
    if n.int.is_none() && n.uint.is_none() && n.float.is_none() && n.complex.is_none() {
        return Err(format!(
            "illegal number syntax: {}",
            crate::go_quote::quote(text)
        ));
    }
    Ok(n)
}

/// A float reading, with the int readings it also has when integral.
fn simplify_float(n: &mut Number, f: f64) {
    n.float = Some(f);
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        n.int = Some(f as i64);
    }
    if f.fract() == 0.0 && (0.0..1.8e19).contains(&f) {
        n.uint = Some(f as u64);
    }
}

/// Go's `strconv.ParseInt(text, 0, …)` without the size limit: a sign,
/// a base prefix (`0x`, `0o`, `0b`, or `0` for octal) and digits with
/// `_` between them.
fn parse_int(text: &str) -> Option<i128> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits, prefixed) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d.to_string(), true)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d.to_string(), true)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d.to_string(), true)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, lower[1..].to_string(), true)
    } else {
        (10, lower.clone(), false)
    };
    if !underscores_ok(&digits, prefixed) {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() {
        return None;
    }
    let v = i128::from_str_radix(&clean, radix).ok()?;
    Some(if negative { -v } else { v })
}

/// `_` only between digits, or right after a base prefix.
fn underscores_ok(digits: &str, prefixed: bool) -> bool {
    let b = digits.as_bytes();
    b.iter().enumerate().all(|(i, &c)| {
        c != b'_'
            || ((i > 0 || prefixed)
                && b.get(i + 1).is_some_and(|n| *n != b'_')
                && (i == 0 || b[i - 1] != b'_'))
    })
}

/// Go's `strconv.ParseFloat` for the literals a template can hold:
/// decimal (with `_`) and hexadecimal (`0x1.8p3`) floats.
fn parse_float(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let v = if let Some(hex) = lower.strip_prefix("0x") {
        parse_hex_float(&hex.replace('_', ""))?
    } else {
        if !underscores_ok(&lower, false) || lower.contains(['x', 'p', 'i']) {
            return None;
        }
        let clean: String = lower.chars().filter(|&c| c != '_').collect();
        if clean.starts_with('.') && clean.len() == 1 {
            return None;
        }
        clean.parse::<f64>().ok()?
    };
    Some(if negative { -v } else { v })
}

/// `h.hhhp±d` (the exponent is required).
fn parse_hex_float(s: &str) -> Option<f64> {
    let (mantissa, exp) = s.split_once('p')?;
    let exp: i32 = exp.parse().ok()?;
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for c in int.chars() {
        v = v * 16.0 + f64::from(c.to_digit(16)?);
    }
    let mut scale = 1.0 / 16.0;
    for c in frac.chars() {
        v += f64::from(c.to_digit(16)?) * scale;
        scale /= 16.0;
    }
    Some(v * 2f64.powi(exp))
}

/// `1+2i`, `3i`: Go's complex literal.
fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let body = text.strip_suffix('i')?;
    let split = body
        .char_indices()
        .skip(1)
        .filter(|&(i, c)| {
            (c == '+' || c == '-')
                && !matches!(body.as_bytes().get(i - 1), Some(b'e' | b'E' | b'p' | b'P'))
        })
        .map(|(i, _)| i)
        .last();
    match split {
        Some(i) => Some((
            parse_float(&body[..i]).or_else(|| parse_int(&body[..i]).map(|v| v as f64))?,
            parse_float(&body[i..]).or_else(|| parse_int(&body[i..]).map(|v| v as f64))?,
        )),
        None => Some((
            0.0,
            parse_float(body).or_else(|| parse_int(body).map(|v| v as f64))?,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        assert_eq!(
            unquote(r#""a\tb\u00e9\x41\101""#),
            Ok("a\tbéAA".to_string())
        );
        assert_eq!(unquote("`a\\n`"), Ok("a\\n".to_string()));
        assert!(unquote(r#""\q""#).is_err());
        assert!(unquote(r#""\'""#).is_err());
    }

    #[test]
    fn numbers() {
        let n = number("0x1F", false, false).unwrap_or_default();
        assert_eq!((n.int, n.float), (Some(31), Some(31.0)));
        let n = number("0755", false, false).unwrap_or_default();
        assert_eq!(n.int, Some(493));
        let n = number("1_000", false, false).unwrap_or_default();
        assert_eq!(n.int, Some(1000));
        let n = number("2.5e3", false, false).unwrap_or_default();
        assert_eq!((n.int, n.float), (Some(2500), Some(2500.0)));
        let n = number("'a'", true, false).unwrap_or_default();
        assert_eq!(n.int, Some(97));
        assert_eq!(
            number("99999999999999999999", false, false).err(),
            Some(r#"integer overflow: "99999999999999999999""#.to_string())
        );
        let n = number("1+2i", false, true).unwrap_or_default();
        assert_eq!(n.complex, Some((1.0, 2.0)));
    }
}
