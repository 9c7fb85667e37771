//! The `list` package.

use tenon_eval::builtin::{Member, Package};

pub static PACKAGE: Package = Package {
    path: "list",
    members: &[Member::source(
        "Ascending",
        "{T: number | string, x: T, y: T, less: x < y}",
    )],
};
