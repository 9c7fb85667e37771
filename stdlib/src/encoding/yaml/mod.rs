//! The `encoding/yaml` package: values as YAML text (CUE's encoder, the
//! export writer's YAML mode) and YAML text read into values (the
//! data-file reader, `tenon_syntax::parse_yaml`).

mod documents;
mod marshal;
mod unmarshal;

use tenon_eval::builtin::{Member, Package};

pub static PACKAGE: Package = Package {
    path: "encoding/yaml",
    members: &[
        Member::func("Marshal", &["v"], marshal::marshal),
        Member::func("MarshalStream", &["v"], marshal::marshal_stream),
        Member::func("Unmarshal", &["data"], unmarshal::unmarshal),
        Member::func("UnmarshalStream", &["data"], unmarshal::unmarshal_stream),
        Member::validator("Validate", &["b", "v"], unmarshal::validate),
        Member::validator("ValidatePartial", &["b", "v"], unmarshal::validate_partial),
    ],
};
