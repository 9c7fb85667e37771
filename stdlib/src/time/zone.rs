//! Time zones in Go's time parser: abbreviations (`MST`, `GMT+3`) and
//! numeric offsets (`-07:00`, `Z0700`).

use super::digits::{getnum, leading_int};
use super::layout::Std;

/// Go's `parseSignedOffset`: the length of `+h`/`-h` (hours up to 12).
fn parse_signed_offset(value: &str) -> usize {
    if !value.starts_with(['-', '+']) {
        return 0;
    }
    match leading_int(&value[1..]) {
        Some((x, rem)) if rem.len() != value.len() - 1 && x <= 12 => value.len() - rem.len(),
        _ => 0,
    }
}

/// Go's `parseTimeZone`: the length of a zone abbreviation.
pub(super) fn parse_time_zone(value: &str) -> Option<usize> {
    let b = value.as_bytes();
    if b.len() < 3 {
        return None;
    }
    if value.starts_with("ChST") || value.starts_with("MeST") {
        return Some(4);
    }
    if let Some(rest) = value.strip_prefix("GMT") {
        return Some(
            3 + if rest.is_empty() {
                0
            } else {
                parse_signed_offset(rest)
            },
        );
    }
    if b[0] == b'+' || b[0] == b'-' {
        let n = parse_signed_offset(value);
        return (n > 0).then_some(n);
    }
    let upper = b
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    match upper {
        5 if b[4] == b'T' => Some(5),
        4 if b[3] == b'T' || value.starts_with("WITA") => Some(4),
        3 => Some(3),
        _ => None,
    }
}

/// A zone as the parser reads it.
pub(super) enum Zone {
    /// `Z`: UTC, whatever offset a later chunk gives.
    Utc,
    /// Seconds east of UTC.
    Offset(i32),
}

/// A numeric zone offset (`Z` for UTC in the ISO 8601 forms) and the rest
/// of the value, or the failure (`Some` names the field out of range).
pub(super) fn parse_zone(std: Std, value: &str) -> Result<(Zone, &str), Option<&'static str>> {
    use Std::*;
    let iso = matches!(
        std,
        Iso8601TZ | Iso8601ShortTZ | Iso8601ColonTZ | Iso8601SecondsTZ | Iso8601ColonSecondsTZ
    );
    if iso {
        if let Some(rest) = value.strip_prefix('Z') {
            return Ok((Zone::Utc, rest));
        }
    }
    let b = value.as_bytes();
    let part = |r: std::ops::Range<usize>| value.get(r).ok_or(None);
    let (sign, hour, min, sec, rest) = match std {
        Iso8601ColonTZ | NumColonTZ => {
            if b.len() < 6 || b[3] != b':' {
                return Err(None);
            }
            (
                part(0..1)?,
                part(1..3)?,
                part(4..6)?,
                "00",
                part(6..b.len())?,
            )
        }
        NumShortTZ | Iso8601ShortTZ => {
            if b.len() < 3 {
                return Err(None);
            }
            (part(0..1)?, part(1..3)?, "00", "00", part(3..b.len())?)
        }
        Iso8601ColonSecondsTZ | NumColonSecondsTZ => {
            if b.len() < 9 || b[3] != b':' || b[6] != b':' {
                return Err(None);
            }
            (
                part(0..1)?,
                part(1..3)?,
                part(4..6)?,
                part(7..9)?,
                part(9..b.len())?,
            )
        }
        Iso8601SecondsTZ | NumSecondsTZ => {
            if b.len() < 7 {
                return Err(None);
            }
            (
                part(0..1)?,
                part(1..3)?,
                part(3..5)?,
                part(5..7)?,
                part(7..b.len())?,
            )
        }
        _ => {
            if b.len() < 5 {
                return Err(None);
            }
            (
                part(0..1)?,
                part(1..3)?,
                part(3..5)?,
                "00",
                part(5..b.len())?,
            )
        }
    };
    let num = |s: &str| getnum(s, true).map(|(n, _)| n).ok_or(None);
    let (hr, mm, ss) = (num(hour)?, num(min)?, num(sec)?);
    if hr > 24 {
        return Err(Some("time zone offset hour"));
    }
    if mm > 60 {
        return Err(Some("time zone offset minute"));
    }
    if ss > 60 {
        return Err(Some("time zone offset second"));
    }
    let offset = ((hr * 60 + mm) * 60 + ss) as i32;
    let offset = match sign {
        "+" => offset,
        "-" => -offset,
        _ => return Err(None),
    };
    Ok((Zone::Offset(offset), rest))
}
