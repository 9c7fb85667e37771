//! The `encoding/csv` package: comma-separated values (RFC 4180) to and
//! from lists of lists, as Go's `encoding/csv` with its default settings.

mod reader;
mod writer;

use tenon_eval::builtin::{Member, Package};

pub static PACKAGE: Package = Package {
    path: "encoding/csv",
    members: &[
        Member::func("Encode", &["x"], writer::encode),
        Member::func("Decode", &["r"], reader::decode),
    ],
};
