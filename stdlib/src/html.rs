//! The `html` package: escaping the five HTML special characters, and
//! unescaping every HTML5 character reference, as Go's `html` package.

use crate::limits::check_output;
use std::collections::HashMap;
use std::sync::OnceLock;
use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "html",
    members: &[
        Member::func("Escape", &["s"], escape),
        Member::func("Unescape", &["s"], unescape),
    ],
};

/// `html.Escape(s)`: `<`, `>`, `&`, `'` and `"` as character references.
fn escape(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&#39;"),
            '"' => out.push_str("&#34;"),
            c => out.push(c),
        }
    }
    check_output(out.len())?;
    Ok(Value::string(out))
}

/// The named references, without the `&` (with the `;` when the name has
/// one: the legacy names appear both ways).
fn entities() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .map(|e| (e.entity.trim_start_matches('&'), e.characters))
            .collect()
    })
}

/// The longest name of a reference that may appear without `;`.
const LONGEST_WITHOUT_SEMICOLON: usize = 6;

/// What Windows-1252 puts at 0x80 to 0x9F, which numeric references in
/// that range mean.
const WINDOWS_1252: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// A numeric reference (`s` starts with `&#`): the character and the
/// length read, or `None` when no digit follows.
fn numeric(s: &[u8]) -> Option<(char, usize)> {
    if s.len() <= 3 {
        return None;
    }
    let mut i = 2;
    let hex = matches!(s[i], b'x' | b'X');
    if hex {
        i += 1;
    }
    let mut x: i32 = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        let digit = if hex {
            char::from(c).to_digit(16)
        } else {
            char::from(c).to_digit(10)
        };
        if let Some(d) = digit {
            // Go's rune arithmetic wraps.
            x = x
                .wrapping_mul(if hex { 16 } else { 10 })
                .wrapping_add(i32::try_from(d).unwrap_or(0));
            continue;
        }
        if c != b';' {
            i -= 1;
        }
        break;
    }
    if i <= 3 {
        return None;
    }
    let c = match u32::try_from(x) {
        Ok(u @ 0x80..=0x9F) => WINDOWS_1252[(u - 0x80) as usize],
        Ok(0) | Err(_) => char::REPLACEMENT_CHARACTER,
        Ok(u) => char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER),
    };
    Some((c, i))
}

/// A named reference (`s` starts with `&`): its characters and the length
/// read, or the length of the unknown name (copied as it is).
fn named(s: &[u8]) -> Result<(&'static str, usize), usize> {
    let mut i = 1;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_alphanumeric() {
            continue;
        }
        if c != b';' {
            i -= 1;
        }
        break;
    }
    // ASCII letters and digits, and perhaps a `;`.
    let name = std::str::from_utf8(&s[1..i]).map_err(|_| i)?;
    if name.is_empty() {
        return Err(i);
    }
    let table = entities();
    if let Some(chars) = table.get(name) {
        return Ok((chars, i));
    }
    // The longest prefix that is a reference allowed without `;`.
    let max = (name.len() - 1).min(LONGEST_WITHOUT_SEMICOLON);
    (2..=max)
        .rev()
        .find_map(|j| table.get(&name[..j]).map(|chars| (*chars, j + 1)))
        .ok_or(i)
}

/// `html.Unescape(s)`: character references replaced by what they mean.
fn unescape(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(amp) = b[i..].iter().position(|&c| c == b'&') {
        out.push_str(&s[i..i + amp]);
        let at = &b[i + amp..];
        let (text, len) = if at.get(1) == Some(&b'#') {
            match numeric(at) {
                Some((c, len)) => (c.to_string(), len),
                None => ("&".to_string(), 1),
            }
        } else {
            match named(at) {
                Ok((chars, len)) => (chars.to_string(), len),
                // Copied as it is, name and all.
                Err(len) => (s[i + amp..i + amp + len].to_string(), len),
            }
        };
        out.push_str(&text);
        i += amp + len;
    }
    out.push_str(&s[i..]);
    Ok(Value::string(out))
}
