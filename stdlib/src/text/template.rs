//! The `text/template` package.

use tenon_eval::builtin::Package;

pub static PACKAGE: Package = Package {
    path: "text/template",
    members: &[],
};
