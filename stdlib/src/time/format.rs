//! Go's `Time.Format`: a time written after a layout.

use super::civil::Time;
use super::layout::{next_std_chunk, Std};

pub(crate) const LONG_DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

pub(crate) const LONG_MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Go's `appendInt`: `x` in decimal, zero-padded to `width` digits.
fn push_int(out: &mut String, x: i128, width: usize) {
    if x < 0 {
        out.push('-');
    }
    out.push_str(&format!("{:0width$}", x.unsigned_abs()));
}

/// A fraction of a second, `digits` wide, trailing zeros trimmed for
/// the `.999` form (Go's `appendNano`).
fn push_nano(out: &mut String, nsec: u32, std: Std) {
    let (digits, sep, trim) = match std {
        Std::FracSecond0 { digits, sep } => (digits, sep, false),
        Std::FracSecond9 { digits, sep } => (digits, sep, true),
        _ => return,
    };
    if trim && (digits == 0 || nsec == 0) {
        return;
    }
    let mut frac = format!("{nsec:09}");
    frac.truncate(digits.min(9));
    if trim {
        let kept = frac.trim_end_matches('0').len();
        frac.truncate(kept);
        if frac.is_empty() {
            return;
        }
    }
    out.push(char::from(sep));
    out.push_str(&frac);
}

/// `t` formatted after `layout`.
pub(crate) fn format(t: &Time, layout: &str) -> String {
    let f = t.fields();
    let mut out = String::with_capacity(layout.len() + 10);
    let mut layout = layout;
    loop {
        let (prefix, std, suffix) = next_std_chunk(layout);
        out.push_str(prefix);
        let Some(std) = std else {
            return out;
        };
        layout = suffix;
        let hour12 = match f.hour % 12 {
            0 => 12,
            h => h,
        };
        match std {
            Std::Year => push_int(&mut out, f.year.abs() % 100, 2),
            Std::LongYear => push_int(&mut out, f.year, 4),
            Std::Month => out.push_str(&LONG_MONTH_NAMES[f.month as usize - 1][..3]),
            Std::LongMonth => out.push_str(LONG_MONTH_NAMES[f.month as usize - 1]),
            Std::NumMonth => push_int(&mut out, f.month.into(), 0),
            Std::ZeroMonth => push_int(&mut out, f.month.into(), 2),
            Std::WeekDay => out.push_str(&LONG_DAY_NAMES[f.weekday as usize][..3]),
            Std::LongWeekDay => out.push_str(LONG_DAY_NAMES[f.weekday as usize]),
            Std::Day => push_int(&mut out, f.day.into(), 0),
            Std::UnderDay => {
                if f.day < 10 {
                    out.push(' ');
                }
                push_int(&mut out, f.day.into(), 0);
            }
            Std::ZeroDay => push_int(&mut out, f.day.into(), 2),
            Std::UnderYearDay => {
                out.push_str(match f.yday {
                    0..=9 => "  ",
                    10..=99 => " ",
                    _ => "",
                });
                push_int(&mut out, f.yday.into(), 0);
            }
            Std::ZeroYearDay => push_int(&mut out, f.yday.into(), 3),
            Std::Hour => push_int(&mut out, f.hour.into(), 2),
            Std::Hour12 => push_int(&mut out, hour12.into(), 0),
            Std::ZeroHour12 => push_int(&mut out, hour12.into(), 2),
            Std::Minute => push_int(&mut out, f.minute.into(), 0),
            Std::ZeroMinute => push_int(&mut out, f.minute.into(), 2),
            Std::Second => push_int(&mut out, f.second.into(), 0),
            Std::ZeroSecond => push_int(&mut out, f.second.into(), 2),
            Std::PM => out.push_str(if f.hour >= 12 { "PM" } else { "AM" }),
            Std::Pm => out.push_str(if f.hour >= 12 { "pm" } else { "am" }),
            Std::TZ => {
                let name = t.zone_name();
                if name.is_empty() {
                    let zone = t.offset / 60;
                    out.push(if zone < 0 { '-' } else { '+' });
                    push_int(&mut out, (zone.abs() / 60).into(), 2);
                    push_int(&mut out, (zone.abs() % 60).into(), 2);
                } else {
                    out.push_str(name);
                }
            }
            Std::FracSecond0 { .. } | Std::FracSecond9 { .. } => push_nano(&mut out, t.nsec, std),
            zone => push_zone(&mut out, t.offset, zone),
        }
    }
}

/// A numeric zone offset (`-07:00`, `Z0700`…).
fn push_zone(out: &mut String, offset: i32, std: Std) {
    use Std::*;
    let iso = matches!(
        std,
        Iso8601TZ | Iso8601ColonTZ | Iso8601SecondsTZ | Iso8601ShortTZ | Iso8601ColonSecondsTZ
    );
    if offset == 0 && iso {
        out.push('Z');
        return;
    }
    let zone = offset / 60;
    out.push(if zone < 0 { '-' } else { '+' });
    let (zone, abs_offset) = (zone.abs(), offset.abs());
    push_int(out, (zone / 60).into(), 2);
    if matches!(
        std,
        Iso8601ColonTZ | NumColonTZ | Iso8601ColonSecondsTZ | NumColonSecondsTZ
    ) {
        out.push(':');
    }
    if !matches!(std, NumShortTZ | Iso8601ShortTZ) {
        push_int(out, (zone % 60).into(), 2);
    }
    if matches!(
        std,
        Iso8601SecondsTZ | NumSecondsTZ | NumColonSecondsTZ | Iso8601ColonSecondsTZ
    ) {
        if matches!(std, NumColonSecondsTZ | Iso8601ColonSecondsTZ) {
            out.push(':');
        }
        push_int(out, (abs_offset % 60).into(), 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NANO: &str = "2006-01-02T15:04:05.999999999Z07:00";

    #[test]
    fn formats_like_go() {
        let t = Time::from_unix(1_500_000_000, 123_456);
        assert_eq!(format(&t, NANO), "2017-07-14T02:40:00.000123456Z");
        let t = Time::from_unix(1, 500_000_000);
        assert_eq!(format(&t, NANO), "1970-01-01T00:00:01.5Z");
        let t = Time::from_civil((2006, 1, 2), (15, 4, 5, 0), -7 * 3600);
        assert_eq!(
            format(&t, "Mon Jan _2 15:04:05 MST 2006"),
            "Mon Jan  2 15:04:05 -0700 2006"
        );
        assert_eq!(format(&t, "3:04PM"), "3:04PM");
        assert_eq!(format(&t, "02 Jan 06 15:04 -0700"), "02 Jan 06 15:04 -0700");
        assert_eq!(
            format(&t, "Monday, January 2 2006 __2 002 .000"),
            "Monday, January 2 2006   2 002 .000"
        );
        assert_eq!(format(&t, "Z07:00:00 -07 Z07"), "-07:00:00 -07 -07");
        let t = Time::from_civil((-1, 12, 31), (0, 0, 0, 0), 0);
        assert_eq!(format(&t, NANO), "-0001-12-31T00:00:00Z");
        assert_eq!(format(&t, "06 pm MST"), "01 am UTC");
    }
}
