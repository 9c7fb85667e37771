//! The `regexp` package: Go's regular expressions (RE2 syntax, Go's
//! semantics and messages) over the `regex` crate.

mod compile;
mod find;
mod replace;
mod syntax;

use tenon_eval::builtin::{Member, Package};

pub static PACKAGE: Package = Package {
    path: "regexp",
    members: &[
        Member::validator("Valid", &["pattern"], compile::valid),
        Member::validator("Match", &["pattern", "s"], find::is_match),
        Member::func("Find", &["pattern", "s"], find::find),
        Member::func("FindAll", &["pattern", "s", "n"], find::find_all),
        Member::func("FindSubmatch", &["pattern", "s"], find::find_submatch),
        Member::func(
            "FindAllSubmatch",
            &["pattern", "s", "n"],
            find::find_all_submatch,
        ),
        Member::func(
            "FindNamedSubmatch",
            &["pattern", "s"],
            find::find_named_submatch,
        ),
        Member::func(
            "FindAllNamedSubmatch",
            &["pattern", "s", "n"],
            find::find_all_named_submatch,
        ),
        Member::func(
            "ReplaceAll",
            &["pattern", "src", "repl"],
            replace::replace_all,
        ),
        Member::func(
            "ReplaceAllLiteral",
            &["pattern", "src", "repl"],
            replace::replace_all_literal,
        ),
        Member::func("QuoteMeta", &["s"], replace::quote_meta),
    ],
};
