//! The `crypto/sha256` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "crypto/sha256",
    members: &[],
};
