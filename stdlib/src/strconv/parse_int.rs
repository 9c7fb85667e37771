//! `ParseInt`, `ParseUint` and `Atoi`: Go's integer parsers, with their
//! base prefixes, underscores, bit sizes and errors.

use super::{num_error, Reason};
use tenon_eval::builtin::{Args, CallError, Context, Value};
use tenon_eval::num::{Int, Number};

/// Why a parse failed: one of Go's `NumError` causes.
enum Fail {
    Reason(Reason),
    Base(i64),
    BitSize(i64),
}

impl Fail {
    fn error(&self, func: &str, input: &str) -> CallError {
        match self {
            Fail::Reason(r) => r.error(func, input),
            Fail::Base(b) => num_error(func, input, &format!("invalid base {b}")),
            Fail::BitSize(b) => num_error(func, input, &format!("invalid bit size {b}")),
        }
    }
}

/// Go's `underscoreOK`: underscores only between digits, or between a
/// base prefix and a digit.
pub(super) fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let b = match b.first() {
        Some(b'+' | b'-') => &b[1..],
        _ => b,
    };
    // '^' start, '0' digit or prefix, '_' underscore, '!' anything else.
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1] | 0x20, b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = b[1] | 0x20 == b'x';
    }
    for &c in &b[i..] {
        if c.is_ascii_digit() || hex && (c | 0x20).is_ascii_hexdigit() {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// Go's `ParseUint`. On a range error the value is the maximum, as
/// `ParseInt` needs it.
fn go_parse_uint(s: &str, base: i64, bit_size: i64) -> (u64, Option<Fail>) {
    if s.is_empty() {
        return (0, Some(Fail::Reason(Reason::Syntax)));
    }
    let base0 = base == 0;
    let mut digits = s.as_bytes();
    let base: u64 = match base {
        2..=36 => base.unsigned_abs(),
        0 => {
            if digits[0] == b'0' {
                match digits.get(1).map(|c| c | 0x20) {
                    Some(b'b') if digits.len() >= 3 => {
                        digits = &digits[2..];
                        2
                    }
                    Some(b'o') if digits.len() >= 3 => {
                        digits = &digits[2..];
                        8
                    }
                    Some(b'x') if digits.len() >= 3 => {
                        digits = &digits[2..];
                        16
                    }
                    _ => {
                        digits = &digits[1..];
                        8
                    }
                }
            } else {
                10
            }
        }
        _ => return (0, Some(Fail::Base(base))),
    };
    let bits = match bit_size {
        0 => 64,
        1..=64 => bit_size.unsigned_abs(),
        _ => return (0, Some(Fail::BitSize(bit_size))),
    };
    let max = if bits == 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in digits {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            _ if c.is_ascii_alphabetic() => u64::from((c | 0x20) - b'a') + 10,
            _ => return (0, Some(Fail::Reason(Reason::Syntax))),
        };
        if d >= base {
            return (0, Some(Fail::Reason(Reason::Syntax)));
        }
        match n.checked_mul(base).and_then(|m| m.checked_add(d)) {
            Some(next) if next <= max => n = next,
            _ => return (max, Some(Fail::Reason(Reason::Range))),
        }
    }
    if underscores && !underscore_ok(s) {
        return (0, Some(Fail::Reason(Reason::Syntax)));
    }
    (n, None)
}

/// Go's `ParseInt`, with `func` naming the caller in messages.
fn parse_int_as(func: &str, s: &str, base: i64, bit_size: i64) -> Result<i64, CallError> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let (un, fail) = go_parse_uint(body, base, bit_size);
    match fail {
        None | Some(Fail::Reason(Reason::Range)) => {}
        Some(f) => return Err(f.error(func, s)),
    }
    let bits = if bit_size == 0 { 64 } else { bit_size };
    let cutoff = 1u64 << (bits - 1);
    if !neg && un >= cutoff || neg && un > cutoff {
        return Err(Reason::Range.error(func, s));
    }
    // |n| <= 2^63 here: the negation of 2^63 is i64::MIN.
    let n = i128::from(un);
    Ok(i64::try_from(if neg { -n } else { n }).unwrap_or(i64::MIN))
}

/// `strconv.ParseInt(s, base, bitSize)`.
pub(super) fn parse_int(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let n = parse_int_as("ParseInt", s, args.i64(1)?, args.i64(2)?)?;
    Ok(Value::int(n))
}

/// `strconv.ParseUint(s, base, bitSize)`.
pub(super) fn parse_uint(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    match go_parse_uint(s, args.i64(1)?, args.i64(2)?) {
        (n, None) => Ok(Value::Number(Number::Int(Int::from(n)))),
        (_, Some(f)) => Err(f.error("ParseUint", s)),
    }
}

/// `strconv.Atoi(s)`: `ParseInt(s, 10, 0)`.
pub(super) fn atoi(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    Ok(Value::int(parse_int_as("Atoi", s, 10, 0)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_go() {
        assert_eq!(parse_int_as("ParseInt", "0x1f", 0, 64), Ok(31));
        assert_eq!(parse_int_as("ParseInt", "-0b1_01", 0, 64), Ok(-5));
        assert_eq!(parse_int_as("ParseInt", "017", 0, 64), Ok(15));
        assert_eq!(parse_int_as("ParseInt", "0", 0, 64), Ok(0));
        assert_eq!(
            parse_int_as("ParseInt", "-9223372036854775808", 10, 64),
            Ok(i64::MIN)
        );
        assert!(parse_int_as("ParseInt", "9223372036854775808", 10, 64).is_err());
        assert!(parse_int_as("ParseInt", "1_0", 10, 64).is_err());
        assert!(parse_int_as("ParseInt", "0x_1", 0, 64).is_ok());
        assert!(parse_int_as("ParseInt", "0x", 0, 64).is_err());
        assert_eq!(parse_int_as("ParseInt", "-128", 10, 8), Ok(-128));
        assert!(parse_int_as("ParseInt", "128", 10, 8).is_err());
        assert!(matches!(
            go_parse_uint("300", 10, 8),
            (255, Some(Fail::Reason(Reason::Range)))
        ));
    }
}
