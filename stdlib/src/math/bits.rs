//! The `math/bits` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "math/bits",
    members: &[],
};
