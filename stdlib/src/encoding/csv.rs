//! The `encoding/csv` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "encoding/csv",
    members: &[],
};
