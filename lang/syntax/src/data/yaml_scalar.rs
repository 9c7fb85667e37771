//! What a YAML scalar means, as CUE v0.14 reads it (`yaml.v3`'s resolver
//! and CUE's own handling of tags).
//!
//! Untagged plain scalars: `""`, `~`, `null`, `Null`, `NULL` are null;
//! `true`/`True`/`TRUE` and `false`/`False`/`FALSE` are booleans (`yes`,
//! `no`, `on`, `off`, `y`, `n` are strings: YAML 1.2, not 1.1); numbers
//! as `number.rs` reads them; `.inf`, `-.inf`, `.nan` (and their `Inf`,
//! `INF`, `NaN`, `NAN` forms) are floats CUE cannot represent, an error;
//! anything else, timestamps included, is a string. Quoted and block
//! scalars are strings.
//!
//! Tags: `!!str` and `!!timestamp` give a string, `!!binary` bytes
//! (base64), `!!null` null, `!!bool` a boolean, `!!int` an integer and
//! `!!float` a number (`!!float 1` stays the int `1`, as in CUE; CUE
//! number literals such as `1Ki` are accepted too); the non-specific `!`
//! changes nothing. Any other tag on a scalar is an error.

use super::number::{tagged_float, tagged_int, yaml_number, CueNumber};
use saphyr_parser::ScalarStyle;

/// A resolved scalar.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Scalar {
    Null,
    Bool(bool),
    Str(String),
    Bytes(Vec<u8>),
    Number(CueNumber),
    /// An infinity or NaN (`+Inf`, `-Inf` or `NaN`): usable as a key,
    /// an error as a value.
    NonFinite(&'static str),
}

impl Scalar {
    /// The text of the scalar as a mapping key, as CUE forms it: the
    /// string, `null`, `true`, `false`, the number as written.
    pub fn label(&self, raw: &str) -> String {
        match self {
            Scalar::Null => "null".to_string(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Str(s) => s.clone(),
            // CUE labels a `!!binary` key with its base64 text.
            Scalar::Bytes(_) => raw.to_string(),
            Scalar::Number(n) => n.label(),
            Scalar::NonFinite(s) => (*s).to_string(),
        }
    }
}

/// Why a scalar has no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ScalarError {
    pub code: &'static str,
    pub message: String,
}

fn error(code: &'static str, message: String) -> ScalarError {
    ScalarError { code, message }
}

/// Resolves a scalar from its text, style and tag (`!!int`, `!x`, `!`).
pub(super) fn resolve(
    value: &str,
    style: ScalarStyle,
    tag: Option<&str>,
) -> Result<Scalar, ScalarError> {
    match tag {
        None | Some("!") if style == ScalarStyle::Plain => Ok(plain(value)),
        None | Some("!") => Ok(Scalar::Str(value.to_string())),
        Some("!!str" | "!!timestamp") => Ok(Scalar::Str(value.to_string())),
        Some("!!null") => Ok(Scalar::Null),
        Some("!!binary") => super::base64::decode(value)
            .map(Scalar::Bytes)
            .ok_or_else(|| {
                error(
                    "invalid-tagged-value",
                    "`!!binary` value is not valid base64".to_string(),
                )
            }),
        Some("!!bool") => match value {
            "true" | "True" | "TRUE" => Ok(Scalar::Bool(true)),
            "false" | "False" | "FALSE" => Ok(Scalar::Bool(false)),
            _ => Err(error(
                "invalid-tagged-value",
                format!("cannot read `{value}` as `!!bool`: a boolean is `true` or `false`"),
            )),
        },
        Some("!!int") => tagged_int(value).map(Scalar::Number).ok_or_else(|| {
            error(
                "invalid-tagged-value",
                format!("cannot read `{value}` as `!!int`: it is not an integer"),
            )
        }),
        Some("!!float") => {
            if let Some(special) = non_finite(value) {
                return Ok(Scalar::NonFinite(special));
            }
            tagged_float(value).map(Scalar::Number).ok_or_else(|| {
                error(
                    "invalid-tagged-value",
                    format!("cannot read `{value}` as `!!float`: it is not a number"),
                )
            })
        }
        Some(tag) => Err(error(
            "unsupported-tag",
            format!(
                "unsupported tag `{tag}`: scalars may be tagged `!!str`, `!!int`, `!!float`, \
                 `!!bool`, `!!null`, `!!binary` or `!!timestamp`"
            ),
        )),
    }
}

/// An untagged plain scalar.
fn plain(value: &str) -> Scalar {
    match value {
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        _ => {}
    }
    if let Some(special) = non_finite(value) {
        return Scalar::NonFinite(special);
    }
    match yaml_number(value) {
        Some(n) => Scalar::Number(n),
        None => Scalar::Str(value.to_string()),
    }
}

fn non_finite(value: &str) -> Option<&'static str> {
    match value {
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Some("+Inf"),
        "-.inf" | "-.Inf" | "-.INF" => Some("-Inf"),
        ".nan" | ".NaN" | ".NAN" => Some("NaN"),
        _ => None,
    }
}

/// Whether a key is the merge key `<<`: plain and untagged (or `!`), or
/// tagged `!!merge`.
pub(super) fn is_merge_key(value: &str, style: ScalarStyle, tag: Option<&str>) -> bool {
    value == "<<"
        && match tag {
            None | Some("!") => style == ScalarStyle::Plain,
            Some(tag) => tag == "!!merge",
        }
}
