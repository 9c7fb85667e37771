//! The `crypto/md5` package.

use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "crypto/md5",
    members: &[
        Member::source("Size", "16"),
        Member::source("BlockSize", "64"),
        Member::func("Sum", &["data"], sum),
    ],
};

fn sum(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    super::sum::<::md5::Md5>(args)
}
