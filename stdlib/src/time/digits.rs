//! The number and name readers of Go's time parser (`getnum`, `atoi`,
//! `lookup`, `parseNanoseconds`…).

pub(super) fn is_digit(s: &[u8], i: usize) -> bool {
    s.get(i).is_some_and(u8::is_ascii_digit)
}

/// Go's `getnum`: one or two digits (exactly two when `fixed`).
pub(super) fn getnum(s: &str, fixed: bool) -> Option<(u32, &str)> {
    let b = s.as_bytes();
    if !is_digit(b, 0) {
        return None;
    }
    if !is_digit(b, 1) {
        if fixed {
            return None;
        }
        return Some((u32::from(b[0] - b'0'), &s[1..]));
    }
    Some((
        u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0'),
        &s[2..],
    ))
}

/// Go's `getnum3`: one to three digits (exactly three when `fixed`).
pub(super) fn getnum3(s: &str, fixed: bool) -> Option<(u32, &str)> {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < 3 && is_digit(b, i) {
        n = n * 10 + u32::from(b[i] - b'0');
        i += 1;
    }
    if i == 0 || (fixed && i != 3) {
        return None;
    }
    Some((n, &s[i..]))
}

/// Go's `leadingInt`: the leading digits (`None` on overflow).
pub(crate) fn leading_int(s: &str) -> Option<(u64, &str)> {
    let mut x: u64 = 0;
    let mut i = 0;
    for &c in s.as_bytes() {
        if !c.is_ascii_digit() {
            break;
        }
        if x > (1 << 63) / 10 {
            return None;
        }
        x = x * 10 + u64::from(c - b'0');
        if x > 1 << 63 {
            return None;
        }
        i += 1;
    }
    Some((x, &s[i..]))
}

/// The time package's `atoi`: an optional sign and digits, nothing else.
pub(super) fn atoi(s: &str) -> Option<i64> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (q, rem) = leading_int(digits)?;
    if !rem.is_empty() {
        return None;
    }
    let x = q as i64;
    Some(if neg { x.wrapping_neg() } else { x })
}

/// Go's `lookup`: the index of the name `val` starts with (ignoring
/// ASCII case) and the rest.
pub(super) fn lookup<'a>(
    names: impl Iterator<Item = &'a str>,
    val: &'a str,
) -> Option<(usize, &'a str)> {
    for (i, name) in names.enumerate() {
        let matches = val.len() >= name.len()
            && val.as_bytes()[..name.len()]
                .iter()
                .zip(name.as_bytes())
                .all(|(&a, &b)| {
                    a == b || (a | 0x20 == b | 0x20 && (a | 0x20).is_ascii_lowercase())
                });
        if matches {
            return Some((i, &val[name.len()..]));
        }
    }
    None
}

/// Go's `parseNanoseconds` of `value[..nbytes]` (a separator and digits):
/// the nanoseconds, or whether it failed.
pub(super) fn parse_nanoseconds(value: &str, nbytes: usize) -> Option<u32> {
    if !value.starts_with(['.', ',']) {
        return None;
    }
    let nbytes = nbytes.min(10);
    let ns = atoi(value.get(1..nbytes)?)?;
    if ns < 0 {
        return None;
    }
    let mut ns = ns as u64;
    for _ in nbytes..10 {
        ns *= 10;
    }
    u32::try_from(ns).ok()
}
