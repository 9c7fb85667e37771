//! Escapes (`\n`, `\x{41}`, `\101`), repeat counts (`{2,5}`) and
//! how literals are written for the `regex` crate.

use super::{Result, SyntaxError, INVALID_ESCAPE, TRAILING_BACKSLASH};
use std::fmt::Write;

/// A one-character escape (Go's `parseEscape`): the code point and the
/// rest.
pub(super) fn parse_escape(s: &str) -> Result<(u32, &str)> {
    let mut t = &s[1..];
    let Some(c) = t.chars().next() else {
        return Err(SyntaxError::new(TRAILING_BACKSLASH, ""));
    };
    t = &t[c.len_utf8()..];
    let octal = |t: &str| {
        t.as_bytes()
            .first()
            .filter(|b| (b'0'..=b'7').contains(b))
            .copied()
    };
    match c {
        '1'..='7' if octal(t).is_none() => {}
        '0'..='7' => {
            let mut r = u32::from(c) - u32::from('0');
            for _ in 1..3 {
                let Some(d) = octal(t) else { break };
                r = r * 8 + u32::from(d - b'0');
                t = &t[1..];
            }
            return Ok((r, t));
        }
        'x' => {
            let mut chars = t.chars();
            match chars.next() {
                None => {}
                Some('{') => {
                    t = &t[1..];
                    let mut r: u32 = 0;
                    let mut digits = 0;
                    while let Some(d) = t.chars().next() {
                        t = &t[d.len_utf8()..];
                        if d == '}' {
                            if digits == 0 {
                                break;
                            }
                            return Ok((r, t));
                        }
                        let Some(v) = d.to_digit(16) else { break };
                        r = r * 16 + v;
                        if r > 0x10FFFF {
                            break;
                        }
                        digits += 1;
                    }
                }
                Some(x) => {
                    t = &t[x.len_utf8()..];
                    let y = t.chars().next();
                    if let Some(y) = y {
                        t = &t[y.len_utf8()..];
                    }
                    if let (Some(x), Some(y)) = (x.to_digit(16), y.and_then(|y| y.to_digit(16))) {
                        return Ok((x * 16 + y, t));
                    }
                }
            }
        }
        'a' => return Ok((7, t)),
        'f' => return Ok((12, t)),
        'n' => return Ok((10, t)),
        'r' => return Ok((13, t)),
        't' => return Ok((9, t)),
        'v' => return Ok((11, t)),
        c if c.is_ascii() && !c.is_ascii_alphanumeric() => return Ok((u32::from(c), t)),
        _ => {}
    }
    Err(SyntaxError::new(INVALID_ESCAPE, &s[..s.len() - t.len()]))
}

/// Go's `parseRepeat`: `{min}`, `{min,}` (max -1) or `{min,max}` and the
/// rest, or `None` when the text is not a count (the `{` is a literal).
/// A number too big to read gives a min of -1.
pub(super) fn parse_repeat(s: &str) -> Option<(i64, i64, &str)> {
    let s = s.strip_prefix('{')?;
    let (mut min, s) = parse_int(s)?;
    let (max, s) = match s.strip_prefix(',') {
        None => (min, s),
        Some(rest) => {
            if rest.starts_with('}') {
                (-1, rest)
            } else {
                let (max, rest) = parse_int(rest)?;
                if max < 0 {
                    min = -1;
                }
                (max, rest)
            }
        }
    };
    let rest = s.strip_prefix('}')?;
    Some((min, max, rest))
}

/// Go's `parseInt`: digits without a leading zero; -1 when too big.
pub(super) fn parse_int(s: &str) -> Option<(i64, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || (digits >= 2 && s.starts_with('0')) {
        return None;
    }
    let mut n: i64 = 0;
    for b in s[..digits].bytes() {
        if n >= 100_000_000 {
            n = -1;
            break;
        }
        n = n * 10 + i64::from(b - b'0');
    }
    Some((n, &s[digits..]))
}

/// Writes a literal character so that the `regex` crate reads it as
/// itself.
pub(super) fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_whitespace()) {
        out.push(c);
    } else if c.is_ascii_punctuation() {
        out.push('\\');
        out.push(c);
    } else {
        let _ = write!(out, r"\x{{{:X}}}", u32::from(c));
    }
}

/// Writes the range `lo`-`hi` of a class, without the surrogates.
pub(super) fn push_range(out: &mut String, lo: u32, hi: u32) {
    let mut write = |lo: u32, hi: u32| {
        if lo == hi {
            let _ = write!(out, r"\x{{{lo:X}}}");
        } else {
            let _ = write!(out, r"\x{{{lo:X}}}-\x{{{hi:X}}}");
        }
    };
    if hi < 0xD800 || lo > 0xDFFF {
        write(lo, hi);
        return;
    }
    if lo < 0xD800 {
        write(lo, 0xD7FF);
    }
    if hi > 0xDFFF {
        write(0xE000, hi);
    }
}
