//! The `crypto/md5` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "crypto/md5",
    members: &[],
};
