//! The `html` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "html",
    members: &[],
};
