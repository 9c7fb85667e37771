//! The `time` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "time",
    members: &[],
};
