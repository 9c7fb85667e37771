//! The `encoding/base64` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "encoding/base64",
    members: &[],
};
