//! The `net` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "net",
    members: &[],
};
