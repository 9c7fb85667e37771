//! The `encoding/hex` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "encoding/hex",
    members: &[],
};
