//! The `strings` package: Go's `strings` functions over CUE strings, plus
//! CUE's own additions (`ToCamel`, `MinRunes`, `SliceRunes`, ...).
//!
//! Offsets and lengths are in bytes of the UTF-8 text, as in Go, except
//! for the functions named after runes.

mod case;
mod edit;
mod runes;
mod search;
mod split;
mod trim;

use tenon_eval::builtin::{Member, Package};

pub static PACKAGE: Package = Package {
    path: "strings",
    members: &[
        Member::func("ByteAt", &["b", "i"], runes::byte_at),
        Member::func("ByteSlice", &["b", "start", "end"], runes::byte_slice),
        Member::func("Runes", &["s"], runes::runes),
        Member::func("Repeat", &["s", "count"], edit::repeat),
        Member::validator("MinRunes", &["s", "min"], runes::min_runes),
        Member::validator("MaxRunes", &["s", "max"], runes::max_runes),
        Member::func("ToTitle", &["s"], case::to_title),
        Member::func("ToCamel", &["s"], case::to_camel),
        Member::func("SliceRunes", &["s", "start", "end"], runes::slice_runes),
        Member::func("Compare", &["a", "b"], search::compare),
        Member::func("Count", &["s", "substr"], search::count),
        Member::func("Contains", &["s", "substr"], search::contains),
        Member::func("ContainsAny", &["s", "chars"], search::contains_any),
        Member::func("LastIndex", &["s", "substr"], search::last_index),
        Member::func("IndexAny", &["s", "chars"], search::index_any),
        Member::func("LastIndexAny", &["s", "chars"], search::last_index_any),
        Member::func("SplitN", &["s", "sep", "n"], split::split_n),
        Member::func("SplitAfterN", &["s", "sep", "n"], split::split_after_n),
        Member::func("Split", &["s", "sep"], split::split),
        Member::func("SplitAfter", &["s", "sep"], split::split_after),
        Member::func("Fields", &["s"], split::fields),
        Member::func("Join", &["elems", "sep"], split::join),
        Member::func("HasPrefix", &["s", "prefix"], search::has_prefix),
        Member::func("HasSuffix", &["s", "suffix"], search::has_suffix),
        Member::func("ToUpper", &["s"], case::to_upper),
        Member::func("ToLower", &["s"], case::to_lower),
        Member::func("Trim", &["s", "cutset"], trim::trim),
        Member::func("TrimLeft", &["s", "cutset"], trim::trim_left),
        Member::func("TrimRight", &["s", "cutset"], trim::trim_right),
        Member::func("TrimSpace", &["s"], trim::trim_space),
        Member::func("TrimPrefix", &["s", "prefix"], trim::trim_prefix),
        Member::func("TrimSuffix", &["s", "suffix"], trim::trim_suffix),
        Member::func("Replace", &["s", "old", "new", "n"], edit::replace),
        Member::func("Index", &["s", "substr"], search::index),
    ],
};

/// An index or count as a CUE int (Go's `-1` for "absent" included).
fn offset(i: Option<usize>) -> tenon_eval::builtin::Value {
    match i {
        Some(i) => tenon_eval::builtin::Value::Number(i.into()),
        None => tenon_eval::builtin::Value::int(-1),
    }
}
