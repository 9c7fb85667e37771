//! Instants and their calendar fields in the proleptic Gregorian calendar
//! (Go's `time.Time` without locations: a time carries a fixed offset).

/// An instant with the UTC offset it is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Time {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub(crate) unix: i128,
    /// Nanoseconds within the second, 0..1e9.
    pub(crate) nsec: u32,
    /// Seconds east of UTC.
    pub(crate) offset: i32,
}

/// The calendar fields of a time in its offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fields {
    pub(crate) year: i128,
    pub(crate) month: u32,
    pub(crate) day: u32,
    /// Day of the year, 1..=366.
    pub(crate) yday: u32,
    /// 0 is Sunday.
    pub(crate) weekday: u32,
    pub(crate) hour: u32,
    pub(crate) minute: u32,
    pub(crate) second: u32,
}

const SECONDS_PER_DAY: i128 = 86_400;

/// Days since 1970-01-01 of a civil date (month 1..=12, day 1..=31).
pub(crate) fn days_from_civil(year: i128, month: u32, day: u32) -> i128 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i128::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i128::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (days since 1970-01-01).
pub(crate) fn civil_from_days(days: i128) -> (i128, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i128::from(month <= 2);
    (year, month, day)
}

pub(crate) fn is_leap(year: i128) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in a month of a year.
pub(crate) fn days_in(month: u32, year: i128) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Time {
    /// The instant of a civil date and clock time in a zone `offset`
    /// seconds east of UTC (the fields are in range).
    pub(crate) fn from_civil(
        (year, month, day): (i128, u32, u32),
        (hour, minute, second, nsec): (u32, u32, u32, u32),
        offset: i32,
    ) -> Time {
        let days = days_from_civil(year, month, day);
        let secs = i128::from(hour) * 3600 + i128::from(minute) * 60 + i128::from(second);
        Time {
            unix: days * SECONDS_PER_DAY + secs - i128::from(offset),
            nsec,
            offset,
        }
    }

    /// Go's `time.Unix(sec, nsec)` in UTC (`nsec` may be out of range).
    pub(crate) fn from_unix(sec: i64, nsec: i64) -> Time {
        let total = i128::from(sec) * 1_000_000_000 + i128::from(nsec);
        Time {
            unix: total.div_euclid(1_000_000_000),
            nsec: total.rem_euclid(1_000_000_000) as u32,
            offset: 0,
        }
    }

    /// The same instant shown in UTC.
    pub(crate) fn utc(self) -> Time {
        Time { offset: 0, ..self }
    }

    /// The zone abbreviation Go shows for the offset: `UTC` for UTC (the
    /// local zone of a hermetic evaluation), none for a fixed offset.
    pub(crate) fn zone_name(&self) -> &'static str {
        if self.offset == 0 {
            "UTC"
        } else {
            ""
        }
    }

    pub(crate) fn fields(&self) -> Fields {
        let local = self.unix + i128::from(self.offset);
        let days = local.div_euclid(SECONDS_PER_DAY);
        let secs = local.rem_euclid(SECONDS_PER_DAY) as u32;
        let (year, month, day) = civil_from_days(days);
        Fields {
            year,
            month,
            day,
            yday: (days - days_from_civil(year, 1, 1) + 1) as u32,
            weekday: (days + 4).rem_euclid(7) as u32,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(civil_from_days(days_from_civil(0, 1, 1)), (0, 1, 1));
        assert_eq!(civil_from_days(days_from_civil(-5, 3, 1)), (-5, 3, 1));
        let t = Time::from_unix(1_700_000_000, 0).fields();
        assert_eq!(
            (t.year, t.month, t.day, t.hour, t.minute),
            (2023, 11, 14, 22, 13)
        );
        assert_eq!(t.weekday, 2);
        assert_eq!(Time::from_unix(0, -1).fields().year, 1969);
        assert_eq!(Time::from_unix(0, 0).fields().yday, 1);
    }
}
