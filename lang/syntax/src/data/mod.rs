//! Data files: JSON and YAML read into the syntax tree, so that
//! `tenon export schema.cue data.yaml` unifies data with code exactly as
//! if the data had been written in CUE, and every error in the data points
//! at the data file's line and column.
//!
//! Both readers return a [`ParsedFile`] like [`crate::parse_file`] does:
//! a tree, always, and every problem as a [`Diagnostic`]. The tree is the
//! one CUE's own importers build:
//!
//! - each top-level value (a JSON file may hold a stream of values, a
//!   YAML file several documents) is unified with the others: a non-empty
//!   object or mapping contributes its members as the file's fields, with
//!   quoted labels (`"a": 1`); any other value, the empty object
//!   included, is embedded (`Decl::Embed`);
//! - a file with no value at all is `_` (JSON) or `*null | _` (YAML), so
//!   that it constrains nothing;
//! - numbers keep their text (`1.0` is a float, `1` an int); a negative
//!   number is a unary `-` applied to the literal, as CUE's parser reads
//!   it; duplicate keys are separate fields, which unify.
//!
//! Nesting is limited as for CUE source ([`crate::MAX_NESTING`]): a list
//! or struct counts two levels and a member's value one more, so that a
//! data tree is never deeper than a CUE tree the lexer would accept.
//! Deeper input is a `too-deep` error, and reading stops there.
//!
//! `json.rs` is a recursive-descent JSON reader; `yaml.rs` reads the
//! events of `saphyr-parser` into a node graph (`yaml_nodes.rs`), which
//! `yaml_tree.rs` turns into the tree (anchors, aliases, merge keys,
//! keys), resolving scalars with `yaml_scalar.rs`. `build.rs` makes the
//! tree nodes both readers share, `number.rs` brings numbers into a
//! spelling the CUE lexer accepts, `base64.rs` decodes `!!binary`.

mod base64;
mod build;
mod json;
mod number;
mod yaml;
mod yaml_nodes;
mod yaml_scalar;
mod yaml_tree;

pub use json::parse_json;
pub use yaml::parse_yaml;

/// How many tree nodes the expansion of YAML aliases (and of merge keys
/// naming an alias) may produce in one file. An alias copies the anchored
/// value, so a few lines of aliases of aliases ("billion laughs") would
/// otherwise describe a tree of billions of nodes. CUE (since v0.15) uses
/// the same limit.
pub const MAX_ALIAS_NODES: usize = 50_000;
