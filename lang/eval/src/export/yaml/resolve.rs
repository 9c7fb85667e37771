//! Strings that must not be written plain because a YAML reader would
//! take them for another type (null, bool, number, timestamp, merge key).
//! They are written in double quotes.
//!
//! CUE v0.14 double-quotes a string when (`internal/encoding/yaml`):
//! - it is a YAML 1.1 boolean of its list (`y Y yes Yes YES n N no No NO
//!   true True TRUE false False FALSE on On ON off Off OFF`, also `t T f
//!   F` and `.Nan`);
//! - it matches `^[-+0-9:. \t]+([-:]|[tT])[-+0-9:. \t]+[zZ]?$` (dates,
//!   times, base-60 numbers) or `^0x[a-fA-F0-9]+$`;
//! - go-yaml v3 resolves it, written plain, to a tag other than `!!str`:
//!   `"" ~ null Null NULL`, `true True TRUE false False FALSE`, `.nan
//!   .NaN .NAN`, `[-+]?.inf` in three casings, `<<`, a timestamp, or
//!   (after dropping `_`) a Go integer literal (`0x1F 0o17 0b1 017 +1`)
//!   or a float (`1e3 1. .5 -1.5E+3`).
//!
//! Tenon quotes these too, ignoring the magnitude limits of Go's number
//! parsing (go-yaml v3 leaves `1e999` or a 20-digit hex number plain,
//! though YAML 1.2 readers see numbers). It also quotes what YAML 1.1
//! readers (the spec's types as PyYAML implements them) resolve and CUE
//! leaves plain: `=` (the value key), and numbers with `_` where go-yaml
//! would not find one (`0x_`, `.5_`, `1_0:30`).

use std::sync::LazyLock;

use regex::Regex;

/// Whether `s` written plain would be read as something other than the
/// string `s`.
pub(super) fn must_quote(s: &str) -> bool {
    let Some(&first) = s.as_bytes().first() else {
        return true; // null
    };
    if is_keyword(s) {
        return true;
    }
    match first {
        b'0'..=b'9' | b'+' | b'-' | b'.' | b':' | b' ' | b'\t' => numeric_like(s),
        _ => false,
    }
}

/// Fixed words: CUE's YAML 1.1 list, go-yaml's resolve table, `=`.
const KEYWORDS: &[&str] = &[
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "t", "T", "f", "F", "true", "True",
    "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null",
    "NULL", ".nan", ".NaN", ".NAN", ".Nan", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
    "-.inf", "-.Inf", "-.INF", "<<", "=",
];

fn is_keyword(s: &str) -> bool {
    s.len() <= 5 && KEYWORDS.contains(&s)
}

/// CUE's rule for dates, times and base-60 numbers, and for hex.
static CUE_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\-+0-9:\. \t]+([-:]|[tT])[\-+0-9:\. \t]+[zZ]?$|^0x[a-fA-F0-9]+$")
        .expect("valid regex")
});

/// go-yaml v3's numbers, matched after `_` is removed: Go integer
/// literals (any base prefix, any size) and its YAML float pattern.
static GO_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)$")
        .expect("valid regex")
});

/// go-yaml v3's floats that start with `.` (not stripped of `_`).
static DOT_FLOAT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\.[0-9]+([eE][-+]?[0-9]+)?$").expect("valid regex"));

/// YAML 1.1 `!!int` and `!!float` (PyYAML's patterns, `.` forms widened).
static YAML11_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)",
        r"|[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?",
        r"|\.[0-9_]+(?:[eE][-+][0-9]+)?",
        r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$",
    ))
    .expect("valid regex")
});

fn numeric_like(s: &str) -> bool {
    if CUE_QUOTE.is_match(s) || YAML11_NUMBER.is_match(s) {
        return true;
    }
    let first = s.as_bytes()[0];
    if first == b'.' {
        return DOT_FLOAT.is_match(s);
    }
    if !matches!(first, b'0'..=b'9' | b'+' | b'-') {
        return false;
    }
    // go-yaml tries timestamps first; Go's time parser also takes a comma
    // before the fraction of a second, which CUE's pattern does not.
    if s.contains(',')
        && s.len() > 5
        && s.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && s.as_bytes()[4] == b'-'
        && CUE_QUOTE.is_match(&s.replace(',', "."))
    {
        return true;
    }
    if s.contains('_') {
        GO_NUMBER.is_match(&s.replace('_', ""))
    } else {
        GO_NUMBER.is_match(s)
    }
}
