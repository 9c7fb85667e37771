//! The `crypto/sha1` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "crypto/sha1",
    members: &[],
};
