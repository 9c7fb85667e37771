//! The `struct` package: validators of the number of regular fields
//! (hidden fields, optional fields and definitions do not count).

use crate::goargs;
use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "struct",
    members: &[
        Member::validator("MaxFields", &["object", "n"], max_fields),
        Member::validator("MinFields", &["object", "n"], min_fields),
    ],
};

fn min_fields(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let count = args.fields(0)?.len();
    let n = goargs::int_bits(args, 1, 64, "int64")?;
    if count as i64 >= n {
        return Ok(Value::Bool(true));
    }
    // CUE reports `len(fields) < MinFields(n) (count < n)` as incomplete
    // for an open struct (fields may still come); see list.MinItems.
    Err(CallError::Incomplete)
}

fn max_fields(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let count = args.fields(0)?.len();
    let n = goargs::int_bits(args, 1, 64, "int64")?;
    if count as i64 <= n {
        return Ok(Value::Bool(true));
    }
    Err(CallError::Unsatisfied(format!(
        "len(fields) > MaxFields({n}) ({count} > {n})"
    )))
}
