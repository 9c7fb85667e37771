//! The `crypto/sha256` package.

use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "crypto/sha256",
    members: &[
        Member::source("Size", "32"),
        Member::source("Size224", "28"),
        Member::source("BlockSize", "64"),
        Member::func("Sum256", &["data"], sum256),
        Member::func("Sum224", &["data"], sum224),
    ],
};

fn sum256(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    super::sum::<::sha2::Sha256>(args)
}

fn sum224(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    super::sum::<::sha2::Sha224>(args)
}
