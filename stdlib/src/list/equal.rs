//! Equality of values as `==` sees it (numbers by value, structs by their
//! regular fields in any order), through a canonical key: two concrete
//! values are equal exactly when their keys are.

use crate::decimal::Dec;
use std::fmt::Write;
use tenon_eval::builtin::Value;

/// The canonical key of `v`, or `None` when a part is not concrete (such
/// a value equals nothing here).
pub(super) fn key(v: &Value) -> Option<String> {
    let mut out = String::new();
    write_key(v, &mut out).then_some(out)
}

fn write_key(v: &Value, out: &mut String) -> bool {
    match v {
        Value::Null => out.push('n'),
        Value::Bool(b) => out.push(if *b { 't' } else { 'f' }),
        Value::Number(n) => {
            let d = Dec::from_number(n);
            if d.is_zero() {
                out.push_str("N0");
            } else {
                // Strip trailing zeros so that 1, 1.0 and 1.00 agree.
                let digits = d.coeff.to_string();
                let trimmed = digits.trim_end_matches('0');
                let exp = d.exp + (digits.len() - trimmed.len()) as i64;
                let sign = if d.neg { "-" } else { "" };
                let _ = write!(out, "N{sign}{trimmed}e{exp}");
            }
        }
        Value::String(s) => {
            let _ = write!(out, "S{:?}", &**s);
        }
        Value::Bytes(b) => {
            let _ = write!(out, "B{:?}", &**b);
        }
        Value::List(items) => {
            out.push('[');
            for item in items {
                if !write_key(item, out) {
                    return false;
                }
                out.push(',');
            }
            out.push(']');
        }
        Value::Struct(fields) => {
            let mut parts = Vec::with_capacity(fields.len());
            for (name, value) in fields {
                let mut part = format!("{name:?}:");
                if !write_key(value, &mut part) {
                    return false;
                }
                parts.push(part);
            }
            parts.sort_unstable();
            out.push('{');
            out.push_str(&parts.join(","));
            out.push('}');
        }
        Value::Opaque(_) => return false,
    }
    true
}

/// Whether two values are equal (`false` when either is not concrete).
pub(super) fn equal(a: &Value, b: &Value) -> bool {
    match (key(a), key(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}
