//! The `crypto/sha1` package.

use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "crypto/sha1",
    members: &[
        Member::source("Size", "20"),
        Member::source("BlockSize", "64"),
        Member::func("Sum", &["data"], sum),
    ],
};

fn sum(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    super::sum::<::sha1::Sha1>(args)
}
