//! The `encoding/json` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "encoding/json",
    members: &[],
};
