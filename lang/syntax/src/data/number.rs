//! Numbers of data files, brought into a spelling the CUE lexer reads.
//!
//! JSON numbers are CUE literals already. YAML numbers are recognised as
//! CUE v0.14 recognises them: by the rules of `yaml.v3`'s resolver (Go's
//! `strconv.ParseInt(s, 0, 64)` on the text without `_`, else the YAML
//! float pattern), which then become CUE literals. A literal is kept as
//! written when the CUE lexer reads it as one number token (`0x1F`,
//! `1_000`, `1e3`); otherwise it is respelled with the same value: `+`
//! dropped, `_` removed, `0O17` and YAML 1.1's octal `017` written
//! `0o17`, `0B1` written `0b1`. A leading `-` becomes a unary minus, as
//! in CUE's own trees.

use crate::ast::NumberKind;
use crate::token::Tok;
use tenon_diagnostics::FileId;

/// A number as the tree holds it: an optional minus and a CUE literal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct CueNumber {
    pub negative: bool,
    /// The literal, without sign.
    pub text: String,
    pub kind: NumberKind,
    /// Bytes of sign (`-` or `+`) before the literal in the source.
    pub sign_len: usize,
}

impl CueNumber {
    /// The number as a label (`-1`, `0x1F`, `1.5`), for YAML keys.
    pub fn label(&self) -> String {
        if self.negative {
            format!("-{}", self.text)
        } else {
            self.text.clone()
        }
    }
}

/// A JSON number the reader has checked against JSON's grammar.
pub(super) fn json_number(text: &str) -> CueNumber {
    let negative = text.starts_with('-');
    let body = &text[usize::from(negative)..];
    let float = body.contains(['.', 'e', 'E']);
    CueNumber {
        negative,
        text: body.to_string(),
        kind: if float {
            NumberKind::Float
        } else {
            NumberKind::Int
        },
        sign_len: usize::from(negative),
    }
}

/// How `yaml.v3` resolves a plain scalar that starts like a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum YamlNumber {
    /// An int or a float.
    Number(CueNumber),
    /// Looks like a number but is read as a string: a float that looks
    /// like YAML 1.1 octal (`0128`), a float beyond 64-bit range.
    NotNumber,
}

/// Resolves a plain YAML scalar as `yaml.v3` (v0.14's reader) does when
/// it starts with a digit, a sign or `.`; `None` when it is no number.
pub(super) fn yaml_number(s: &str) -> Option<CueNumber> {
    match resolve_yaml_number(s) {
        Some(YamlNumber::Number(n)) => Some(n),
        _ => None,
    }
}

fn resolve_yaml_number(s: &str) -> Option<YamlNumber> {
    let first = *s.as_bytes().first()?;
    if first == b'.' {
        // Go's ParseFloat on the text as written: no `_` allowed.
        return (is_dot_float(s) && finite(s)).then(|| YamlNumber::Number(float_number(s)));
    }
    if !(first.is_ascii_digit() || first == b'+' || first == b'-') {
        return None;
    }
    let plain: String = s.chars().filter(|&c| c != '_').collect();
    if let Some(int) = go_int(&plain) {
        return Some(YamlNumber::Number(int_number(s, &plain, int)));
    }
    if is_yaml_float(&plain) && finite(&plain) {
        // yaml.v3 calls `0128` a float; CUE reads such a scalar as a
        // string, as most YAML readers do.
        if looks_octal(s) {
            return Some(YamlNumber::NotNumber);
        }
        return Some(YamlNumber::Number(float_number(s)));
    }
    None
}

/// The value of a `!!int` scalar: a YAML integer, or any CUE integer
/// literal (`1Ki`), as CUE accepts both.
pub(super) fn tagged_int(s: &str) -> Option<CueNumber> {
    match yaml_number(s) {
        Some(n) if n.kind == NumberKind::Int => Some(n),
        Some(_) => None,
        None => cue_number(s).filter(|n| n.kind == NumberKind::Int),
    }
}

/// The value of a `!!float` scalar: a YAML number (an integer stays an
/// integer, as in CUE), or any CUE number literal.
pub(super) fn tagged_float(s: &str) -> Option<CueNumber> {
    yaml_number(s).or_else(|| cue_number(s))
}

/// `s` as a CUE number literal with an optional `-` or `+`.
fn cue_number(s: &str) -> Option<CueNumber> {
    let (negative, sign_len) = sign(s);
    let body = &s[sign_len..];
    let kind = cue_literal(body)?;
    Some(CueNumber {
        negative,
        text: body.to_string(),
        kind,
        sign_len,
    })
}

fn sign(s: &str) -> (bool, usize) {
    match s.as_bytes().first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    }
}

/// Whether the CUE lexer reads `s` as exactly one number token, and
/// which.
pub(super) fn cue_literal(s: &str) -> Option<NumberKind> {
    let bytes = s.as_bytes();
    // The common case, without a lexer: a decimal integer.
    if !bytes.is_empty()
        && bytes.iter().all(u8::is_ascii_digit)
        && (bytes[0] != b'0' || bytes.len() == 1)
    {
        return Some(NumberKind::Int);
    }
    if s.is_empty() || !s.is_ascii() || s.contains(|c: char| c.is_ascii_whitespace()) {
        return None;
    }
    let (tokens, _, diagnostics) = crate::tokenize(FileId::default(), s);
    if !diagnostics.is_empty() {
        return None;
    }
    let mut tokens = tokens.iter().filter(|(_, t, _)| *t != Tok::Comma);
    let kind = match tokens.next()? {
        (0, Tok::Int, end) if *end == s.len() => NumberKind::Int,
        (0, Tok::Float, end) if *end == s.len() => NumberKind::Float,
        _ => return None,
    };
    tokens.next().is_none().then_some(kind)
}

/// The base and digits of what Go's `ParseInt(s, 0, 64)` or
/// `ParseUint(s, 0, 64)` accepts (`s` has no `_`).
#[derive(Clone, Copy, Debug)]
struct GoInt<'a> {
    base: u32,
    digits: &'a str,
}

fn go_int(s: &str) -> Option<GoInt<'_>> {
    let (negative, sign_len) = sign(s);
    let body = &s[sign_len..];
    let bytes = body.as_bytes();
    if bytes.is_empty() {
        return None;
    }
    let (base, digits) = if bytes[0] == b'0' {
        match bytes.get(1).map(u8::to_ascii_lowercase) {
            Some(b'b') if bytes.len() >= 3 => (2, &body[2..]),
            Some(b'o') if bytes.len() >= 3 => (8, &body[2..]),
            Some(b'x') if bytes.len() >= 3 => (16, &body[2..]),
            _ => (8, &body[1..]),
        }
    } else {
        (10, body)
    };
    let mut value: u64 = 0;
    for c in digits.chars() {
        let d = c.to_digit(base)?;
        value = value
            .checked_mul(u64::from(base))?
            .checked_add(u64::from(d))?;
    }
    let fits = match (sign_len, negative) {
        // ParseUint takes no sign and any 64-bit value.
        (0, _) => true,
        (_, false) => value <= i64::MAX as u64,
        (_, true) => value <= i64::MAX as u64 + 1,
    };
    fits.then_some(GoInt { base, digits })
}

fn int_number(s: &str, plain: &str, int: GoInt<'_>) -> CueNumber {
    let (negative, sign_len) = sign(s);
    let body = &s[sign_len..];
    let text = if cue_literal(body) == Some(NumberKind::Int) {
        body.to_string()
    } else {
        let prefix = match int.base {
            16 => "0x",
            8 => "0o",
            2 => "0b",
            _ => "",
        };
        // Go reads `0` alone as octal with no digits.
        if int.digits.is_empty() {
            "0".to_string()
        } else if prefix.is_empty() {
            plain[sign(plain).1..].to_string()
        } else {
            format!("{prefix}{}", int.digits)
        }
    };
    CueNumber {
        negative,
        text,
        kind: NumberKind::Int,
        sign_len,
    }
}

fn float_number(s: &str) -> CueNumber {
    let (negative, sign_len) = sign(s);
    let body = &s[sign_len..];
    let (text, kind) = match cue_literal(body) {
        Some(kind) => (body.to_string(), kind),
        None => {
            let plain: String = body.chars().filter(|&c| c != '_').collect();
            let kind = cue_literal(&plain).unwrap_or(NumberKind::Float);
            (plain, kind)
        }
    };
    CueNumber {
        negative,
        text,
        kind,
        sign_len,
    }
}

/// Go's `ParseFloat` succeeds (no overflow to infinity).
fn finite(s: &str) -> bool {
    s.parse::<f64>().is_ok_and(f64::is_finite)
}

/// `\.[0-9]+([eE][-+]?[0-9]+)?`
fn is_dot_float(s: &str) -> bool {
    let rest = match s.strip_prefix('.') {
        Some(rest) => rest,
        None => return false,
    };
    let digits = leading_digits(rest);
    digits > 0 && is_exponent_or_end(&rest[digits..])
}

/// yaml.v3's float pattern:
/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
fn is_yaml_float(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    if let Some(rest) = s.strip_prefix('.') {
        let digits = leading_digits(rest);
        return digits > 0 && is_exponent_or_end(&rest[digits..]);
    }
    let digits = leading_digits(s);
    if digits == 0 {
        return false;
    }
    let mut rest = &s[digits..];
    if let Some(fraction) = rest.strip_prefix('.') {
        rest = &fraction[leading_digits(fraction)..];
    }
    is_exponent_or_end(rest)
}

/// `` or `[eE][-+]?[0-9]+`
fn is_exponent_or_end(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    let Some(rest) = s.strip_prefix(['e', 'E']) else {
        return false;
    };
    let rest = rest.strip_prefix(['-', '+']).unwrap_or(rest);
    let digits = leading_digits(rest);
    digits > 0 && digits == rest.len()
}

fn leading_digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// YAML 1.1's octal pattern with `8` and `9` allowed: `[-+]?0[0-9_]+`.
fn looks_octal(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    s.len() > 1 && s.starts_with('0') && s[1..].bytes().all(|b| b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        match resolve_yaml_number(s) {
            Some(YamlNumber::Number(n)) => format!(
                "{}{} {:?}",
                if n.negative { "-" } else { "" },
                n.text,
                n.kind
            ),
            Some(YamlNumber::NotNumber) => "string".into(),
            None => "none".into(),
        }
    }

    #[test]
    fn yaml_numbers_as_yaml_v3_reads_them() {
        let cases = [
            ("12", "12 Int"),
            ("+12", "12 Int"),
            ("-12", "-12 Int"),
            ("0", "0 Int"),
            ("00", "0o0 Int"),
            ("017", "0o17 Int"),
            ("-017", "-0o17 Int"),
            ("0o17", "0o17 Int"),
            ("0O17", "0o17 Int"),
            ("0x1F", "0x1F Int"),
            ("0X1f", "0X1f Int"),
            ("0b101", "0b101 Int"),
            ("0B101", "0b101 Int"),
            ("1_000", "1_000 Int"),
            ("1__000", "1000 Int"),
            ("1_", "1 Int"),
            ("0x", "none"),
            ("0128", "string"),
            ("0_9", "string"),
            ("9223372036854775807", "9223372036854775807 Int"),
            ("18446744073709551615", "18446744073709551615 Int"),
            ("-9223372036854775808", "-9223372036854775808 Int"),
            ("-9223372036854775809", "-9223372036854775809 Int"),
            ("18446744073709551616", "18446744073709551616 Int"),
            ("0x10000000000000000", "none"),
            ("1e3", "1e3 Float"),
            ("1E+3", "1E+3 Float"),
            ("1.", "1. Float"),
            ("1.5", "1.5 Float"),
            ("-1.5e-3", "-1.5e-3 Float"),
            ("+.5", ".5 Float"),
            (".5", ".5 Float"),
            (".5e3", ".5e3 Float"),
            ("._5", "none"),
            ("1_0.5", "1_0.5 Float"),
            ("1__0.5", "10.5 Float"),
            ("012.5", "012.5 Float"),
            ("1e400", "none"),
            ("1.5.5", "none"),
            ("1e", "none"),
            ("-", "none"),
            ("2001-12-14", "none"),
            ("1Ki", "none"),
            ("0x1p-2", "none"),
        ];
        for (input, want) in cases {
            assert_eq!(show(input), want, "{input}");
        }
    }

    #[test]
    fn tagged_numbers_accept_cue_literals() {
        assert_eq!(tagged_int("1Ki").map(|n| n.text), Some("1Ki".into()));
        assert_eq!(tagged_int("1.5"), None);
        assert_eq!(tagged_float("1").map(|n| n.kind), Some(NumberKind::Int));
        assert_eq!(
            tagged_float("-1.5Gi").map(|n| (n.negative, n.kind)),
            Some((true, NumberKind::Int))
        );
        assert_eq!(tagged_float("abc"), None);
    }
}
