//! Go's `time.Parse`: a time read after a layout. Times without a zone
//! are UTC; zone abbreviations other than `UTC` read as UTC too (the
//! evaluation's local zone is UTC), and numeric offsets are applied.

use super::civil::{days_in, is_leap, Time};
use super::digits::{atoi, getnum, getnum3, is_digit, lookup, parse_nanoseconds};
use super::format::{LONG_DAY_NAMES, LONG_MONTH_NAMES};
use super::layout::{next_std_chunk, Std};
use super::quote;
use super::zone::{parse_time_zone, parse_zone, Zone};
/// Skips the literal `prefix` in `value` (a space matches any run of
/// spaces), as Go's `skip` does.
fn skip<'a>(mut value: &'a str, mut prefix: &str) -> Result<&'a str, &'a str> {
    while let Some(&p) = prefix.as_bytes().first() {
        if p == b' ' {
            if !value.is_empty() && !value.starts_with(' ') {
                return Err(value);
            }
            prefix = prefix.trim_start_matches(' ');
            value = value.trim_start_matches(' ');
            continue;
        }
        if value.as_bytes().first() != Some(&p) {
            return Err(value);
        }
        // Both start with the same byte; step over a whole character.
        let n = prefix.chars().next().map_or(1, char::len_utf8);
        if !value.is_char_boundary(n) || value.get(..n) != prefix.get(..n) {
            return Err(value);
        }
        prefix = &prefix[n..];
        value = &value[n..];
    }
    Ok(value)
}

/// A parse failure, worded like Go's `ParseError`.
struct Failure {
    layout_elem: String,
    value_elem: String,
    message: String,
}

fn cannot(layout_elem: &str, value_elem: &str) -> Failure {
    Failure {
        layout_elem: layout_elem.into(),
        value_elem: value_elem.into(),
        message: String::new(),
    }
}

fn message(m: String) -> Failure {
    Failure {
        layout_elem: String::new(),
        value_elem: String::new(),
        message: m,
    }
}

/// `value` read after `layout`, or Go's error message.
pub(crate) fn parse(layout: &str, value: &str) -> Result<Time, String> {
    parse_fields(layout, value).map_err(|f| {
        if f.message.is_empty() {
            format!(
                "parsing time {} as {}: cannot parse {} as {}",
                quote(value),
                quote(layout),
                quote(&f.value_elem),
                quote(&f.layout_elem)
            )
        } else {
            format!("parsing time {}{}", quote(value), f.message)
        }
    })
}

#[derive(Default)]
struct Parsed {
    year: i64,
    month: Option<u32>,
    day: Option<u32>,
    yday: Option<u32>,
    hour: u32,
    min: u32,
    sec: u32,
    nsec: u32,
    offset: Option<i32>,
    /// `Z` or `UTC` was read: the time is UTC whatever offset follows.
    utc: bool,
    am: bool,
    pm: bool,
}

fn parse_fields(mut layout: &str, mut value: &str) -> Result<Time, Failure> {
    let mut p = Parsed::default();
    loop {
        let (prefix, std, suffix) = next_std_chunk(layout);
        let std_str = &layout[prefix.len()..layout.len() - suffix.len()];
        value = skip(value, prefix).map_err(|rest| cannot(prefix, rest))?;
        let Some(std) = std else {
            if !value.is_empty() {
                return Err(message(format!(": extra text: {}", quote(value))));
            }
            break;
        };
        layout = suffix;
        let hold = value;
        match chunk(&mut p, std, value, layout) {
            Ok(rest) => value = rest,
            Err(Some(range)) => {
                return Err(message(format!(": {range} out of range")));
            }
            Err(None) => return Err(cannot(std_str, hold)),
        }
    }
    finish(p)
}

/// Reads one chunk: the rest of the value, or the failure (`Some` names
/// the field out of range).
fn chunk<'a>(
    p: &mut Parsed,
    std: Std,
    value: &'a str,
    layout: &str,
) -> Result<&'a str, Option<&'static str>> {
    let b = value.as_bytes();
    let range = |ok: bool, what: &'static str| if ok { Ok(()) } else { Err(Some(what)) };
    match std {
        Std::Year => {
            let digits = value.get(..2).ok_or(None)?;
            let year = atoi(digits).ok_or(None)?;
            p.year = if year >= 69 { year + 1900 } else { year + 2000 };
            Ok(&value[2..])
        }
        Std::LongYear => {
            if b.len() < 4 || !is_digit(b, 0) {
                return Err(None);
            }
            p.year = atoi(value.get(..4).ok_or(None)?).ok_or(None)?;
            Ok(&value[4..])
        }
        Std::Month | Std::LongMonth => {
            let names = LONG_MONTH_NAMES.iter().map(|m| match std {
                Std::Month => &m[..3],
                _ => *m,
            });
            let (i, rest) = lookup(names, value).ok_or(None)?;
            p.month = Some(i as u32 + 1);
            Ok(rest)
        }
        Std::NumMonth | Std::ZeroMonth => {
            let (month, rest) = getnum(value, std == Std::ZeroMonth).ok_or(None)?;
            range((1..=12).contains(&month), "month")?;
            p.month = Some(month);
            Ok(rest)
        }
        Std::WeekDay | Std::LongWeekDay => {
            let names = LONG_DAY_NAMES.iter().map(|d| match std {
                Std::WeekDay => &d[..3],
                _ => *d,
            });
            Ok(lookup(names, value).ok_or(None)?.1)
        }
        Std::Day | Std::UnderDay | Std::ZeroDay => {
            let value = match std {
                Std::UnderDay => value.strip_prefix(' ').unwrap_or(value),
                _ => value,
            };
            let (day, rest) = getnum(value, std == Std::ZeroDay).ok_or(None)?;
            p.day = Some(day);
            Ok(rest)
        }
        Std::UnderYearDay | Std::ZeroYearDay => {
            let mut value = value;
            if std == Std::UnderYearDay {
                for _ in 0..2 {
                    value = value.strip_prefix(' ').unwrap_or(value);
                }
            }
            let (yday, rest) = getnum3(value, std == Std::ZeroYearDay).ok_or(None)?;
            p.yday = Some(yday);
            Ok(rest)
        }
        Std::Hour => {
            let (hour, rest) = getnum(value, false).ok_or(None)?;
            range(hour < 24, "hour")?;
            p.hour = hour;
            Ok(rest)
        }
        Std::Hour12 | Std::ZeroHour12 => {
            let (hour, rest) = getnum(value, std == Std::ZeroHour12).ok_or(None)?;
            range(hour <= 12, "hour")?;
            p.hour = hour;
            Ok(rest)
        }
        Std::Minute | Std::ZeroMinute => {
            let (min, rest) = getnum(value, std == Std::ZeroMinute).ok_or(None)?;
            range(min < 60, "minute")?;
            p.min = min;
            Ok(rest)
        }
        Std::Second | Std::ZeroSecond => {
            let (sec, mut rest) = getnum(value, std == Std::ZeroSecond).ok_or(None)?;
            range(sec < 60, "second")?;
            p.sec = sec;
            // A fraction after the seconds that the layout does not show.
            let r = rest.as_bytes();
            if r.len() >= 2 && matches!(r[0], b'.' | b',') && is_digit(r, 1) {
                let next = next_std_chunk(layout).1;
                if !next.is_some_and(Std::is_frac) {
                    let mut n = 2;
                    while is_digit(r, n) {
                        n += 1;
                    }
                    p.nsec = parse_nanoseconds(rest, n).ok_or(None)?;
                    rest = &rest[n..];
                }
            }
            Ok(rest)
        }
        Std::PM | Std::Pm => {
            let (am, pm) = if std == Std::PM {
                ("AM", "PM")
            } else {
                ("am", "pm")
            };
            match value.get(..2) {
                Some(x) if x == pm => p.pm = true,
                Some(x) if x == am => p.am = true,
                _ => return Err(None),
            }
            Ok(&value[2..])
        }
        Std::TZ => {
            if let Some(rest) = value.strip_prefix("UTC") {
                p.utc = true;
                return Ok(rest);
            }
            let n = parse_time_zone(value).ok_or(None)?;
            // A named zone reads as UTC (its offset is not known), but a
            // GMT+h name keeps the instant and only changes the display.
            Ok(value.get(n..).ok_or(None)?)
        }
        Std::FracSecond0 { digits, .. } => {
            let n = 1 + digits;
            if b.len() < n {
                return Err(None);
            }
            p.nsec = parse_nanoseconds(value, n).ok_or(None)?;
            Ok(value.get(n..).ok_or(None)?)
        }
        Std::FracSecond9 { .. } => {
            if b.len() < 2 || !matches!(b[0], b'.' | b',') || !b[1].is_ascii_digit() {
                return Ok(value);
            }
            let mut i = 0;
            while is_digit(b, i + 1) {
                i += 1;
            }
            p.nsec = parse_nanoseconds(value, 1 + i).ok_or(None)?;
            Ok(&value[1 + i..])
        }
        zone => {
            let (zone, rest) = parse_zone(zone, value)?;
            match zone {
                Zone::Utc => p.utc = true,
                Zone::Offset(offset) => p.offset = Some(offset),
            }
            Ok(rest)
        }
    }
}
/// Applies AM/PM and the day of the year, checks the date, and builds
/// the instant.
fn finish(mut p: Parsed) -> Result<Time, Failure> {
    if p.pm && p.hour < 12 {
        p.hour += 12;
    } else if p.am && p.hour == 12 {
        p.hour = 0;
    }
    let year = i128::from(p.year);
    let (month, day);
    if let Some(mut yday) = p.yday {
        let mut m = 0;
        let mut d = 0;
        if is_leap(year) {
            if yday == 31 + 29 {
                m = 2;
                d = 29;
            } else if yday > 31 + 29 {
                yday -= 1;
            }
        }
        if !(1..=365).contains(&yday) {
            return Err(message(": day-of-year out of range".into()));
        }
        if m == 0 {
            m = (yday - 1) / 31 + 1;
            if days_before(m + 1) < yday {
                m += 1;
            }
            d = yday - days_before(m);
        }
        if p.month.is_some_and(|month| month != m) {
            return Err(message(": day-of-year does not match month".into()));
        }
        if p.day.is_some_and(|day| day != d) {
            return Err(message(": day-of-year does not match day".into()));
        }
        (month, day) = (m, d);
    } else {
        month = p.month.unwrap_or(1);
        day = p.day.unwrap_or(1);
    }
    if day < 1 || day > days_in(month, year) {
        return Err(message(": day out of range".into()));
    }
    Ok(Time::from_civil(
        (year, month, day),
        (p.hour, p.min, p.sec, p.nsec),
        if p.utc { 0 } else { p.offset.unwrap_or(0) },
    ))
}

/// Days before the first of `month` in a non-leap year (month 13 is
/// the year's end).
fn days_before(month: u32) -> u32 {
    const BEFORE: [u32; 13] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    BEFORE[(month as usize - 1).min(12)]
}

#[cfg(test)]
mod tests {
    use super::super::format::format;
    use super::*;

    const RFC3339: &str = "2006-01-02T15:04:05Z07:00";
    const NANO: &str = "2006-01-02T15:04:05.999999999Z07:00";

    fn utc(layout: &str, value: &str) -> String {
        match parse(layout, value) {
            Ok(t) => format(&t.utc(), NANO),
            Err(e) => e,
        }
    }

    #[test]
    fn parses_like_go() {
        assert_eq!(utc(RFC3339, "2024-01-02T15:04:05Z"), "2024-01-02T15:04:05Z");
        assert_eq!(utc("2006-01-02", "2024-02-03"), "2024-02-03T00:00:00Z");
        assert_eq!(
            utc(NANO, "1937-01-01T12:00:27.87+00:20"),
            "1937-01-01T11:40:27.87Z"
        );
        assert_eq!(
            utc("02 Jan 06 15:04 MST", "01 Jul 21 17:54 CEST"),
            "2021-07-01T17:54:00Z"
        );
        assert_eq!(
            utc("01/02 03:04:05PM '06 -0700", "01/02 03:04:05PM '06 -0700"),
            "2006-01-02T22:04:05Z"
        );
        assert_eq!(utc("3:04pm", "3:04pm"), "0000-01-01T15:04:00Z");
        assert_eq!(
            utc(RFC3339, "2024-01-02T15:04:05.5Z"),
            "2024-01-02T15:04:05.5Z"
        );
        assert_eq!(utc("Jan _2 2006", "feb  3 2024"), "2024-02-03T00:00:00Z");
        assert_eq!(utc("2006 002", "2024 060"), "2024-02-29T00:00:00Z");
        assert_eq!(
            utc(RFC3339, "no time"),
            r#"parsing time "no time" as "2006-01-02T15:04:05Z07:00": cannot parse "no time" as "2006""#
        );
        assert_eq!(
            utc(RFC3339, "2019-01-02T15:04:61Z"),
            r#"parsing time "2019-01-02T15:04:61Z": second out of range"#
        );
        assert_eq!(
            utc(RFC3339, "2019-02-30T15:04:05Z"),
            r#"parsing time "2019-02-30T15:04:05Z": day out of range"#
        );
        assert_eq!(
            utc(RFC3339, "2019-01-02T15:04:05"),
            r#"parsing time "2019-01-02T15:04:05" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00""#
        );
        assert_eq!(
            utc(RFC3339, "2019-01-02T15:04:05Z+08:00"),
            r#"parsing time "2019-01-02T15:04:05Z+08:00": extra text: "+08:00""#
        );
        assert_eq!(
            utc(RFC3339, "2019-01-02T15:04:05+08"),
            r#"parsing time "2019-01-02T15:04:05+08" as "2006-01-02T15:04:05Z07:00": cannot parse "+08" as "Z07:00""#
        );
        assert_eq!(
            utc(RFC3339, "2019-13-15T23:00:00Z"),
            r#"parsing time "2019-13-15T23:00:00Z": month out of range"#
        );
    }
}
