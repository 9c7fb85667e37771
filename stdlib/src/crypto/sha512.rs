//! The `crypto/sha512` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "crypto/sha512",
    members: &[],
};
