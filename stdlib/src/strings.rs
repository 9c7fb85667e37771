//! The `strings` package.

use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "strings",
    members: &[
        Member::func("ToUpper", &["s"], to_upper),
        Member::validator("MinRunes", &["s", "min"], min_runes),
    ],
};

fn to_upper(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(args.string(0)?.to_uppercase()))
}

fn min_runes(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let min = args.usize(1)?;
    Ok(Value::Bool(s.chars().count() >= min))
}
