//! Tenon's builtin packages: `strings`, `list`, `math`, `encoding/json`
//! and the rest of CUE v0.14's standard library, with CUE's names,
//! argument rules and results.
//!
//! Each package is one module holding a static [`Package`] table; its
//! functions are plain `fn`s over [`tenon_eval::builtin::Value`]s. The
//! evaluator knows nothing of them: [`BUILTINS`] is handed to the
//! compiler, which resolves `import "strings"` against it.

pub mod catalog;
pub mod crypto;
mod decimal;
pub mod encoding;
mod go_quote;
mod goargs;
pub mod html;
mod limits;
pub mod list;
pub mod math;
pub mod net;
pub mod path;
pub mod regexp;
pub mod strconv;
pub mod strings;
pub mod structs;
pub mod text;
pub mod time;
mod unicode;
pub mod uuid;

use tenon_eval::builtin::{Builtins, Package};

/// Every builtin package.
pub static PACKAGES: &[&Package] = &[
    &crypto::ed25519::PACKAGE,
    &crypto::hmac::PACKAGE,
    &crypto::md5::PACKAGE,
    &crypto::sha1::PACKAGE,
    &crypto::sha256::PACKAGE,
    &crypto::sha512::PACKAGE,
    &encoding::base64::PACKAGE,
    &encoding::csv::PACKAGE,
    &encoding::hex::PACKAGE,
    &encoding::json::PACKAGE,
    &encoding::yaml::PACKAGE,
    &html::PACKAGE,
    &list::PACKAGE,
    &math::PACKAGE,
    &math::bits::PACKAGE,
    &net::PACKAGE,
    &path::PACKAGE,
    &regexp::PACKAGE,
    &strconv::PACKAGE,
    &strings::PACKAGE,
    &structs::PACKAGE,
    &text::template::PACKAGE,
    &time::PACKAGE,
    &uuid::PACKAGE,
];

/// The packages, as the compiler takes them.
pub const BUILTINS: Builtins = Builtins::new(PACKAGES);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique_and_members_sorted_out() {
        let mut paths: Vec<&str> = PACKAGES.iter().map(|p| p.path).collect();
        paths.sort_unstable();
        let count = paths.len();
        paths.dedup();
        assert_eq!(paths.len(), count, "a package path is registered twice");
        for package in PACKAGES {
            let mut names: Vec<&str> = package.members.iter().map(|m| m.name).collect();
            names.sort_unstable();
            let count = names.len();
            names.dedup();
            assert_eq!(
                names.len(),
                count,
                "{}: a member is defined twice",
                package.path
            );
        }
    }
}
