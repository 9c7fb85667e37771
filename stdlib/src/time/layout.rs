//! Go's layout strings: the reference time `Mon Jan 2 15:04:05 MST 2006`
//! split into standard chunks (`nextStdChunk`).

/// A standard chunk of a layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Std {
    LongMonth,             // January
    Month,                 // Jan
    NumMonth,              // 1
    ZeroMonth,             // 01
    LongWeekDay,           // Monday
    WeekDay,               // Mon
    Day,                   // 2
    UnderDay,              // _2
    ZeroDay,               // 02
    UnderYearDay,          // __2
    ZeroYearDay,           // 002
    Hour,                  // 15
    Hour12,                // 3
    ZeroHour12,            // 03
    Minute,                // 4
    ZeroMinute,            // 04
    Second,                // 5
    ZeroSecond,            // 05
    LongYear,              // 2006
    Year,                  // 06
    PM,                    // PM
    Pm,                    // pm
    TZ,                    // MST
    Iso8601TZ,             // Z0700
    Iso8601SecondsTZ,      // Z070000
    Iso8601ShortTZ,        // Z07
    Iso8601ColonTZ,        // Z07:00
    Iso8601ColonSecondsTZ, // Z07:00:00
    NumTZ,                 // -0700
    NumSecondsTZ,          // -070000
    NumShortTZ,            // -07
    NumColonTZ,            // -07:00
    NumColonSecondsTZ,     // -07:00:00
    /// `.000` (`digits` zeros; the separator is `.` or `,`).
    FracSecond0 {
        digits: usize,
        sep: u8,
    },
    /// `.999`: trailing zeros omitted.
    FracSecond9 {
        digits: usize,
        sep: u8,
    },
}

impl Std {
    pub(crate) fn is_frac(self) -> bool {
        matches!(self, Std::FracSecond0 { .. } | Std::FracSecond9 { .. })
    }
}

fn starts_with_lower(s: &[u8]) -> bool {
    s.first().is_some_and(u8::is_ascii_lowercase)
}

fn is_digit(s: &[u8], i: usize) -> bool {
    s.get(i).is_some_and(u8::is_ascii_digit)
}

/// The text before the first standard chunk, the chunk, and the text
/// after it; no chunk when the layout has none left.
pub(crate) fn next_std_chunk(layout: &str) -> (&str, Option<Std>, &str) {
    let l = layout.as_bytes();
    let at = |i: usize, s: &str| l.get(i..i + s.len()) == Some(s.as_bytes());
    // The byte at `i` is ASCII whenever a chunk starts there, so the
    // slices below fall on character boundaries.
    let found = |i: usize, std: Std, len: usize| (&layout[..i], Some(std), &layout[i + len..]);
    for i in 0..l.len() {
        match l[i] {
            b'J' if at(i, "Jan") => {
                if at(i, "January") {
                    return found(i, Std::LongMonth, 7);
                }
                if !starts_with_lower(&l[i + 3..]) {
                    return found(i, Std::Month, 3);
                }
            }
            b'M' if l.len() >= i + 3 => {
                if at(i, "Mon") {
                    if at(i, "Monday") {
                        return found(i, Std::LongWeekDay, 6);
                    }
                    if !starts_with_lower(&l[i + 3..]) {
                        return found(i, Std::WeekDay, 3);
                    }
                }
                if at(i, "MST") {
                    return found(i, Std::TZ, 3);
                }
            }
            b'0' => {
                if let Some(c @ b'1'..=b'6') = l.get(i + 1) {
                    let std = [
                        Std::ZeroMonth,
                        Std::ZeroDay,
                        Std::ZeroHour12,
                        Std::ZeroMinute,
                        Std::ZeroSecond,
                        Std::Year,
                    ][usize::from(c - b'1')];
                    return found(i, std, 2);
                }
                if at(i, "002") {
                    return found(i, Std::ZeroYearDay, 3);
                }
            }
            b'1' => {
                if at(i, "15") {
                    return found(i, Std::Hour, 2);
                }
                return found(i, Std::NumMonth, 1);
            }
            b'2' => {
                if at(i, "2006") {
                    return found(i, Std::LongYear, 4);
                }
                return found(i, Std::Day, 1);
            }
            b'_' => {
                if at(i, "_2") {
                    if at(i, "_2006") {
                        return (&layout[..i + 1], Some(Std::LongYear), &layout[i + 5..]);
                    }
                    return found(i, Std::UnderDay, 2);
                }
                if at(i, "__2") {
                    return found(i, Std::UnderYearDay, 3);
                }
            }
            b'3' => return found(i, Std::Hour12, 1),
            b'4' => return found(i, Std::Minute, 1),
            b'5' => return found(i, Std::Second, 1),
            b'P' if at(i, "PM") => return found(i, Std::PM, 2),
            b'p' if at(i, "pm") => return found(i, Std::Pm, 2),
            b'-' => {
                for (text, std) in [
                    ("-070000", Std::NumSecondsTZ),
                    ("-07:00:00", Std::NumColonSecondsTZ),
                    ("-0700", Std::NumTZ),
                    ("-07:00", Std::NumColonTZ),
                    ("-07", Std::NumShortTZ),
                ] {
                    if at(i, text) {
                        return found(i, std, text.len());
                    }
                }
            }
            b'Z' => {
                for (text, std) in [
                    ("Z070000", Std::Iso8601SecondsTZ),
                    ("Z07:00:00", Std::Iso8601ColonSecondsTZ),
                    ("Z0700", Std::Iso8601TZ),
                    ("Z07:00", Std::Iso8601ColonTZ),
                    ("Z07", Std::Iso8601ShortTZ),
                ] {
                    if at(i, text) {
                        return found(i, std, text.len());
                    }
                }
            }
            sep @ (b'.' | b',') => {
                if let Some(&ch @ (b'0' | b'9')) = l.get(i + 1) {
                    let mut j = i + 1;
                    while l.get(j) == Some(&ch) {
                        j += 1;
                    }
                    if !is_digit(l, j) {
                        let digits = j - (i + 1);
                        let std = if ch == b'0' {
                            Std::FracSecond0 { digits, sep }
                        } else {
                            Std::FracSecond9 { digits, sep }
                        };
                        return found(i, std, digits + 1);
                    }
                }
            }
            _ => {}
        }
    }
    (layout, None, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(mut layout: &str) -> Vec<String> {
        let mut out = Vec::new();
        loop {
            let (prefix, std, suffix) = next_std_chunk(layout);
            if !prefix.is_empty() {
                out.push(format!("{prefix:?}"));
            }
            match std {
                Some(std) => out.push(format!("{std:?}")),
                None => return out,
            }
            layout = suffix;
        }
    }

    #[test]
    fn splits_layouts_like_go() {
        assert_eq!(
            chunks("2006-01-02T15:04:05.999999999Z07:00").join(" "),
            "LongYear \"-\" ZeroMonth \"-\" ZeroDay \"T\" Hour \":\" ZeroMinute \":\" \
             ZeroSecond FracSecond9 { digits: 9, sep: 46 } Iso8601ColonTZ"
        );
        assert_eq!(
            chunks("Mon Jan _2 Monthly").join(" "),
            "WeekDay \" \" Month \" \" UnderDay \" Monthly\""
        );
        assert_eq!(chunks("_2006").join(" "), "\"_\" LongYear");
        assert_eq!(chunks("x.0001").join(" "), "\"x.00\" ZeroMonth");
        assert_eq!(chunks("é2").join(" "), "\"é\" Day");
    }
}
