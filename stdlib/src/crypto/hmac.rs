//! The `crypto/hmac` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "crypto/hmac",
    members: &[],
};
