//! The `encoding/json` package: JSON text to and from values, and Go's
//! JSON reformatting functions (`Compact`, `Indent`, `HTMLEscape`).

mod format;
mod marshal;
pub(crate) mod scanner;
mod unmarshal;

use tenon_eval::builtin::{Member, Package};

pub static PACKAGE: Package = Package {
    path: "encoding/json",
    members: &[
        Member::validator("Valid", &["data"], format::valid),
        Member::func("Compact", &["src"], format::compact),
        Member::func("Indent", &["src", "prefix", "indent"], format::indent),
        Member::func("HTMLEscape", &["src"], format::html_escape),
        Member::func("Marshal", &["v"], marshal::marshal),
        Member::func("MarshalStream", &["v"], marshal::marshal_stream),
        Member::func("Unmarshal", &["b"], unmarshal::unmarshal),
        Member::func("UnmarshalStream", &["data"], unmarshal::unmarshal_stream),
        Member::validator("Validate", &["b", "v"], unmarshal::validate),
    ],
};
