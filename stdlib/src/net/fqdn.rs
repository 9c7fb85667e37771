//! `net.FQDN`: the check CUE makes with `golang.org/x/net/idna`'s
//! `ToASCII` under `ValidateLabels`, `VerifyDNSLength` and
//! `StrictDomainName`, for ASCII-only input.

use tenon_eval::builtin::{Args, CallError, Context, Value};

pub(super) fn fqdn(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::Bool(is_fqdn(args.string(0)?)))
}

/// Whether `s` is an ASCII domain name that `idna` accepts.
fn is_fqdn(s: &str) -> bool {
    if !s.is_ascii() || s.is_empty() {
        return false;
    }
    // The labels, as idna's label iterator yields them: a single trailing
    // dot ends the name without an empty last label.
    let mut start = 0;
    while start < s.len() {
        let end = s[start..].find('.').map_or(s.len(), |p| start + p);
        if !valid_label(&s[start..end]) {
            return false;
        }
        start = end + 1;
        if start + 1 == s.len() && s.as_bytes()[start] == b'.' {
            start = s.len();
        }
    }
    let n = s.strip_suffix('.').map_or(s.len(), str::len);
    n <= 253
}

/// One label: `xn--` labels must decode as Punycode to a valid label;
/// others use letters, digits and hyphens (STD3), no leading or
/// trailing hyphen, no `--` in positions 3 and 4, at most 63 bytes.
fn valid_label(label: &str) -> bool {
    if label.is_empty() || label.len() > 63 {
        return false;
    }
    if let Some(encoded) = label.strip_prefix("xn--") {
        return match decode(encoded) {
            Some(decoded) => valid_unicode_label(&decoded),
            None => false,
        };
    }
    std3_label(label)
}

fn std3_label(label: &str) -> bool {
    let b = label.as_bytes();
    if b.len() > 4 && b[2] == b'-' && b[3] == b'-' {
        return false;
    }
    if b.first() == Some(&b'-') || b.last() == Some(&b'-') {
        return false;
    }
    b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

/// A decoded Punycode label. idna checks it against the IDNA tables;
/// this approximation rejects what those tables never allow: ASCII
/// outside STD3, upper case (mapped, so not valid), control and white
/// space characters.
fn valid_unicode_label(label: &str) -> bool {
    if label.is_empty() {
        return false;
    }
    let ascii: String = label.chars().filter(char::is_ascii).collect();
    let hyphens_ok = !label.starts_with('-') && !label.ends_with('-') && {
        let c: Vec<char> = label.chars().take(4).collect();
        !(label.chars().count() > 4 && c[2] == '-' && c[3] == '-')
    };
    hyphens_ok
        && ascii
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        && label
            .chars()
            .all(|c| !c.is_control() && !c.is_whitespace() && !c.is_uppercase())
}

const BASE: i32 = 36;
const TMIN: i32 = 1;
const TMAX: i32 = 26;

fn adapt(delta: i32, num_points: i32, first: bool) -> i32 {
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + (BASE - TMIN + 1) * delta / (delta + 38)
}

fn decode_digit(c: u8) -> Option<i32> {
    match c {
        b'0'..=b'9' => Some(i32::from(c - b'0') + 26),
        b'A'..=b'Z' => Some(i32::from(c - b'A')),
        b'a'..=b'z' => Some(i32::from(c - b'a')),
        _ => None,
    }
}

/// RFC 3492 Punycode decoding, as `idna`'s `decode` does it.
fn decode(encoded: &str) -> Option<String> {
    if encoded.is_empty() {
        return Some(String::new());
    }
    let bytes = encoded.as_bytes();
    let mut pos = encoded.rfind('-').map_or(0, |p| p + 1);
    if pos == 1 {
        return None;
    }
    if pos == bytes.len() {
        return Some(encoded[..bytes.len() - 1].to_string());
    }
    let mut output: Vec<u32> = Vec::new();
    if pos != 0 {
        output.extend(encoded[..pos - 1].chars().map(u32::from));
    }
    let (mut i, mut n, mut bias) = (0i32, 128i32, 72i32);
    while pos < bytes.len() {
        let (old_i, mut w) = (i, 1i32);
        let mut k = BASE;
        loop {
            let digit = decode_digit(*bytes.get(pos)?)?;
            pos += 1;
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = if k <= bias {
                TMIN
            } else if k >= bias + TMAX {
                TMAX
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        if output.len() >= 1024 {
            return None;
        }
        let x = output.len() as i32 + 1;
        bias = adapt(i - old_i, x, old_i == 0);
        n += i / x;
        i %= x;
        if !(0..=0x10FFFF).contains(&n) {
            return None;
        }
        output.insert(i as usize, n as u32);
        i += 1;
    }
    Some(
        output
            .into_iter()
            .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_domain_names_like_idna() {
        assert!(is_fqdn("foo.bar."));
        assert!(is_fqdn("www.example.com"));
        assert!(is_fqdn("valid.example.com."));
        assert!(is_fqdn("WWW.Example.COM"));
        assert!(is_fqdn("a"));
        assert!(is_fqdn("xn--bcher-kva.example"));
        assert!(!is_fqdn(&format!("foo.{}", "ba".repeat(32))));
        assert!(!is_fqdn("hello world"));
        assert!(!is_fqdn("foo bar."));
        assert!(!is_fqdn("under_score.example.com."));
        assert!(!is_fqdn(""));
        assert!(!is_fqdn("."));
        assert!(!is_fqdn("a..b"));
        assert!(!is_fqdn(".a"));
        assert!(!is_fqdn("-a.b"));
        assert!(!is_fqdn("ab--c.d"));
        assert!(!is_fqdn("bücher.example"));
        assert!(!is_fqdn("xn--.example"));
        assert!(!is_fqdn("xn--a.example"));
        assert_eq!(decode("bcher-kva").as_deref(), Some("bücher"));
    }
}
