//! The `encoding/yaml` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "encoding/yaml",
    members: &[],
};
