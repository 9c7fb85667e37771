//! The YAML reader: `saphyr-parser` (YAML 1.2) reads the text into a
//! node graph (`yaml_nodes.rs`), which becomes the tree as CUE v0.14
//! reads YAML (`yaml_tree.rs`, `yaml_scalar.rs`).
//!
//! A file holds a stream of documents, which are unified, as `cue export`
//! unifies the documents of a YAML file. An empty document (`---` alone)
//! is null; a file without documents (empty, or only comments) is
//! `*null | _`. Anchors are known from their definition on, across
//! documents.

use super::build::Nodes;
use super::{yaml_nodes, yaml_tree};
use crate::parser::ParsedFile;
use tenon_diagnostics::FileId;

/// Reads a YAML file (a stream of documents) into a tree.
pub fn parse_yaml(id: FileId, text: &str) -> ParsedFile {
    let nodes = Nodes { file: id };
    let mut diagnostics = Vec::new();
    let graph = yaml_nodes::read(text, nodes, &mut diagnostics);
    let values = yaml_tree::documents(&graph, nodes, &mut diagnostics);
    nodes.file(text, values, nodes.null_or_top(), diagnostics)
}
