//! The `time` package: durations as nanosecond ints, times as RFC 3339
//! strings, and Go's layout-based formatting and parsing.
//!
//! Evaluation is hermetic: there is no clock (CUE v0.14's `time` package
//! has no `Now` either; a current time comes in through injection), and
//! the local time zone is UTC.

mod civil;
mod digits;
mod duration;
mod format;
mod layout;
mod parse;
mod zone;

use civil::Time;
use std::sync::Arc;
use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "time",
    members: &[
        Member::source("Nanosecond", "1"),
        Member::source("Microsecond", "1000"),
        Member::source("Millisecond", "1000000"),
        Member::source("Second", "1000000000"),
        Member::source("Minute", "60000000000"),
        Member::source("Hour", "3600000000000"),
        Member::validator("Duration", &["s"], duration),
        Member::func("FormatDuration", &["d"], format_duration),
        Member::func("ParseDuration", &["s"], parse_duration),
        Member::source("ANSIC", r#""Mon Jan _2 15:04:05 2006""#),
        Member::source("UnixDate", r#""Mon Jan _2 15:04:05 MST 2006""#),
        Member::source("RubyDate", r#""Mon Jan 02 15:04:05 -0700 2006""#),
        Member::source("RFC822", r#""02 Jan 06 15:04 MST""#),
        Member::source("RFC822Z", r#""02 Jan 06 15:04 -0700""#),
        Member::source("RFC850", r#""Monday, 02-Jan-06 15:04:05 MST""#),
        Member::source("RFC1123", r#""Mon, 02 Jan 2006 15:04:05 MST""#),
        Member::source("RFC1123Z", r#""Mon, 02 Jan 2006 15:04:05 -0700""#),
        Member::source("RFC3339", r#""2006-01-02T15:04:05Z07:00""#),
        Member::source("RFC3339Nano", r#""2006-01-02T15:04:05.999999999Z07:00""#),
        Member::source("RFC3339Date", r#""2006-01-02""#),
        Member::source("Kitchen", r#""3:04PM""#),
        Member::source("Kitchen24", r#""15:04""#),
        Member::source("January", "1"),
        Member::source("February", "2"),
        Member::source("March", "3"),
        Member::source("April", "4"),
        Member::source("May", "5"),
        Member::source("June", "6"),
        Member::source("July", "7"),
        Member::source("August", "8"),
        Member::source("September", "9"),
        Member::source("October", "10"),
        Member::source("November", "11"),
        Member::source("December", "12"),
        Member::source("Sunday", "0"),
        Member::source("Monday", "1"),
        Member::source("Tuesday", "2"),
        Member::source("Wednesday", "3"),
        Member::source("Thursday", "4"),
        Member::source("Friday", "5"),
        Member::source("Saturday", "6"),
        Member::validator("Time", &["s"], time),
        Member::validator("Format", &["value", "layout"], format),
        Member::func("FormatString", &["layout", "value"], format_string),
        Member::func("Parse", &["layout", "value"], parse),
        Member::func("Unix", &["sec", "nsec"], unix),
        Member::func("Split", &["t"], split),
    ],
};

const RFC3339_NANO: &str = "2006-01-02T15:04:05.999999999Z07:00";

/// The time package's own `quote`: printable ASCII kept (`"` and `\`
/// escaped), every other byte of a character written as `\xNN`.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c.is_ascii() && !c.is_ascii_control() {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
    }
    out.push('"');
    out
}

fn duration(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    duration::parse_duration(args.string(0)?).map_err(CallError::Failed)?;
    Ok(Value::Bool(true))
}

fn parse_duration(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let nanos = duration::parse_duration(args.string(0)?).map_err(CallError::Failed)?;
    Ok(Value::int(nanos))
}

fn format_duration(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(duration::format_duration(args.i64(0)?)))
}

/// Whether `value` reads after `layout`, with CUE's `invalid time "x"`.
fn check_layout(value: &str, layout: &str) -> Result<Value, CallError> {
    match parse::parse(layout, value) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(_) => Err(CallError::Failed(format!(
            "invalid time {}",
            crate::go_quote::quote(value)
        ))),
    }
}

fn time(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    check_layout(args.string(0)?, RFC3339_NANO)
}

fn format(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    check_layout(args.string(0)?, args.string(1)?)
}

/// A time value (an RFC 3339 string) as a time in its own offset.
fn time_value(value: &str) -> Result<Time, CallError> {
    parse::parse(RFC3339_NANO, value).map_err(CallError::Failed)
}

fn format_string(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (layout, value) = (args.string(0)?, args.string(1)?);
    let t = time_value(value)?;
    Ok(Value::string(format::format(&t, layout)))
}

fn parse(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (layout, value) = (args.string(0)?, args.string(1)?);
    let t = parse::parse(layout, value).map_err(CallError::Failed)?;
    Ok(Value::string(format::format(&t.utc(), RFC3339_NANO)))
}

fn unix(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let t = Time::from_unix(args.i64(0)?, args.i64(1)?);
    Ok(Value::string(format::format(&t, RFC3339_NANO)))
}

fn split(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let t = time_value(args.string(0)?)?;
    let f = t.fields();
    let int = |name: &str, v: i128| -> (Arc<str>, Value) {
        let n = i64::try_from(v).unwrap_or_default();
        (Arc::from(name), Value::int(n))
    };
    Ok(Value::Struct(vec![
        int("year", f.year),
        int("month", f.month.into()),
        int("day", f.day.into()),
        int("hour", f.hour.into()),
        int("minute", f.minute.into()),
        int("second", f.second.into()),
        int("nanosecond", t.nsec.into()),
    ]))
}
