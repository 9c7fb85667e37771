//! The `crypto/sha512` package.

use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "crypto/sha512",
    members: &[
        Member::source("Size", "64"),
        Member::source("Size224", "28"),
        Member::source("Size256", "32"),
        Member::source("Size384", "48"),
        Member::source("BlockSize", "128"),
        Member::func("Sum512", &["data"], sum512),
        Member::func("Sum384", &["data"], sum384),
        Member::func("Sum512_224", &["data"], sum512_224),
        Member::func("Sum512_256", &["data"], sum512_256),
    ],
};

fn sum512(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    super::sum::<::sha2::Sha512>(args)
}

fn sum384(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    super::sum::<::sha2::Sha384>(args)
}

fn sum512_224(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    super::sum::<::sha2::Sha512_224>(args)
}

fn sum512_256(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    super::sum::<::sha2::Sha512_256>(args)
}
