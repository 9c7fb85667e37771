//! The `math` package.

pub mod bits;

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "math",
    members: &[],
};
