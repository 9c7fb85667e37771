//! The YAML node graph turned into the syntax tree, as CUE v0.14 turns
//! `yaml.v3`'s nodes into CUE.
//!
//! - Aliases are expanded: the value is copied. The copy's outermost node
//!   takes the alias's span, its inner nodes keep the spans of the
//!   anchored text. Expansion may produce at most
//!   [`MAX_ALIAS_NODES`] nodes in a file (`alias-too-large`), which keeps
//!   "billion laughs" linear.
//! - Keys become quoted labels: a string as it is, `null`, `true`,
//!   `false`, a number as written (`1`, `0x1F`, `-1`); a sequence or
//!   mapping as a key is an `invalid-key` error.
//! - Merge keys (`<<: *base`, `<<: [*a, *b]`) copy the members of the
//!   named mappings into the mapping. From the first merge key on, a
//!   member whose key is already there replaces that member, in its
//!   place, rather than adding a field: the last one written wins (a
//!   merge even replaces a member written before it, as in CUE v0.14),
//!   except that of a sequence of mappings the first wins. Before any
//!   merge key, duplicate keys are separate fields (which unify). A merge
//!   value that is not a mapping or a sequence of mappings is an
//!   `invalid-merge` error.
//! - Tags on sequences and mappings are ignored, as CUE does.
//!
//! Errors are reported and the node becomes an error node (a bad key
//! drops its member); reading goes on, so that every error is reported.
//! An error in anchored text is reported there, once, however many
//! aliases copy it; the limits (nesting, alias expansion) are reported at
//! the outermost alias being expanded.

use super::build::{Nodes, CONTAINER_LEVELS, MEMBER_LEVELS};
use super::yaml_nodes::{Graph, NodeId, NodeKind};
use super::yaml_scalar::{is_merge_key, resolve, Scalar};
use super::MAX_ALIAS_NODES;
use crate::ast::{Decl, Expr};
use crate::lexer::MAX_NESTING;
use smol_str::SmolStr;
use std::collections::{HashMap, HashSet};
use tenon_diagnostics::{Diagnostic, Span};

/// The value of each document of `graph`.
pub(super) fn documents(
    graph: &Graph,
    nodes: Nodes,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Expr> {
    // Reading may have stopped at the nesting limit already.
    let stopped_deep = diagnostics.iter().any(|d| d.code == "too-deep");
    let mut converter = Converter {
        graph,
        nodes,
        diagnostics,
        alias_depth: 0,
        alias_nodes: 0,
        alias_limit_reported: false,
        too_deep_reported: stopped_deep,
        alias_site: None,
        reported: HashSet::new(),
    };
    graph
        .documents
        .iter()
        .map(|&root| converter.value(root, 0, None))
        .collect()
}

struct Converter<'a> {
    graph: &'a Graph,
    nodes: Nodes,
    diagnostics: &'a mut Vec<Diagnostic>,
    /// How many aliases are being expanded around the current node.
    alias_depth: usize,
    /// Nodes produced inside alias expansions so far.
    alias_nodes: usize,
    alias_limit_reported: bool,
    too_deep_reported: bool,
    /// The outermost alias being expanded, where the limits are reported.
    alias_site: Option<Span>,
    /// Errors reported so far: an error in an anchored value is reported
    /// once, not again for every alias of it.
    reported: HashSet<(&'static str, Span)>,
}

/// The fields of a mapping being built, with the index of each label's
/// first field (for merging).
#[derive(Default)]
struct Members {
    decls: Vec<Decl>,
    index: HashMap<SmolStr, usize>,
    /// A merge key was seen: repeated keys now replace values.
    merging: bool,
}

impl Converter<'_> {
    fn error(&mut self, code: &'static str, span: Span, message: String) {
        if self.reported.insert((code, span)) {
            self.diagnostics
                .push(Diagnostic::error(code, span, message));
        }
    }

    /// Expands an alias (`span`) with `f`, counting its depth.
    fn in_alias<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> T) -> T {
        if self.alias_depth == 0 {
            self.alias_site = Some(span);
        }
        self.alias_depth += 1;
        let result = f(self);
        self.alias_depth -= 1;
        result
    }

    /// Where a limit hit at `span` is reported: the outermost alias
    /// being expanded, if any.
    fn limit_site(&self, span: Span) -> Span {
        match (self.alias_depth, self.alias_site) {
            (1.., Some(site)) => site,
            _ => span,
        }
    }

    /// Counts a node produced by alias expansion; false (reported once)
    /// past the limit.
    fn count_alias_node(&mut self, span: Span) -> bool {
        if self.alias_depth == 0 {
            return true;
        }
        self.alias_nodes += 1;
        if self.alias_nodes <= MAX_ALIAS_NODES {
            return true;
        }
        if !self.alias_limit_reported {
            self.alias_limit_reported = true;
            let site = self.limit_site(span);
            self.error(
                "alias-too-large",
                site,
                format!("aliases expand to more than {MAX_ALIAS_NODES} values"),
            );
        }
        false
    }

    /// Checks the nesting limit for a node at `level`; reported once.
    fn within_limit(&mut self, level: usize, span: Span) -> bool {
        if level <= MAX_NESTING {
            return true;
        }
        if !self.too_deep_reported {
            self.too_deep_reported = true;
            let site = self.limit_site(span);
            self.error(
                "too-deep",
                Span {
                    end: site.start,
                    ..site
                },
                format!("input nested too deeply (the limit is {MAX_NESTING} levels)"),
            );
        }
        false
    }

    /// The value of node `id` at nesting `level`; `site` is the span of
    /// the alias being expanded, for the copy's outermost node.
    fn value(&mut self, id: NodeId, level: usize, site: Option<Span>) -> Expr {
        let node = &self.graph.nodes[id];
        let span = site.unwrap_or(node.span);
        if !self.count_alias_node(span) {
            return Expr::Error(span);
        }
        match &node.kind {
            NodeKind::Scalar {
                value,
                style,
                tag,
                tag_span,
            } => match resolve(value, *style, tag.as_deref()) {
                Ok(Scalar::Null) => Expr::Null(span),
                Ok(Scalar::Bool(b)) => Expr::Bool(b, span),
                Ok(Scalar::Str(s)) => self.nodes.string(&s, span),
                Ok(Scalar::Bytes(b)) => self.nodes.bytes(b, span),
                Ok(Scalar::Number(n)) => match site {
                    // An alias's span holds no sign to step over.
                    Some(_) => self
                        .nodes
                        .number(super::number::CueNumber { sign_len: 0, ..n }, span),
                    None => self.nodes.number(n, span),
                },
                Ok(Scalar::NonFinite(text)) => {
                    self.error(
                        "non-finite-number",
                        node.span,
                        format!(
                            "`{value}` is {}: CUE numbers cannot be infinite or NaN",
                            if text == "NaN" { "NaN" } else { "infinite" }
                        ),
                    );
                    Expr::Error(span)
                }
                Err(e) => {
                    let at = match e.code {
                        "unsupported-tag" => *tag_span,
                        _ => node.span,
                    };
                    self.error(e.code, at, e.message);
                    Expr::Error(span)
                }
            },
            NodeKind::Sequence(items) => {
                let inner = level + CONTAINER_LEVELS;
                if !self.within_limit(inner, span) {
                    return Expr::Error(span);
                }
                let elems = items
                    .iter()
                    .map(|&item| self.value(item, inner, None))
                    .collect();
                self.nodes.list(elems, span)
            }
            NodeKind::Mapping(_) => {
                let inner = level + CONTAINER_LEVELS;
                if !self.within_limit(inner, span) {
                    return Expr::Error(span);
                }
                let mut members = Members::default();
                self.insert(id, &mut members, inner);
                self.nodes.structure(members.decls, span)
            }
            NodeKind::Alias(target) => {
                let target = *target;
                self.in_alias(span, |this| this.value(target, level, Some(span)))
            }
            NodeKind::Error => Expr::Error(span),
        }
    }

    /// Adds the members of mapping `map` to `members`; `level` is the
    /// nesting inside the mapping.
    fn insert(&mut self, map: NodeId, members: &mut Members, level: usize) {
        let NodeKind::Mapping(pairs) = &self.graph.nodes[map].kind else {
            return;
        };
        for &(key, value) in pairs {
            if self.is_merge(key) {
                members.merging = true;
                self.merge(value, members, level, None);
                continue;
            }
            let Some((name, label_span)) = self.label(key) else {
                continue;
            };
            if !self.count_alias_node(label_span) {
                continue;
            }
            let value = self.value(value, level + MEMBER_LEVELS, None);
            let field = self.nodes.field(self.nodes.label(&name, label_span), value);
            match members.index.get(name.as_str()) {
                // The member replaces the earlier one, in its place.
                Some(&at) if members.merging => members.decls[at] = field,
                Some(_) => members.decls.push(field),
                None => {
                    members
                        .index
                        .insert(SmolStr::new(&name), members.decls.len());
                    members.decls.push(field);
                }
            }
        }
    }

    /// Merges the mapping(s) of a `<<` value into `members`; `site` is
    /// the alias that named `value`, if any, where errors are reported.
    fn merge(&mut self, value: NodeId, members: &mut Members, level: usize, site: Option<Span>) {
        let node = &self.graph.nodes[value];
        let span = site.unwrap_or(node.span);
        // Every step of a merge counts as a level, which bounds the
        // recursion through chains of merged aliases.
        let level = level + MEMBER_LEVELS;
        if !self.within_limit(level, span) || !self.count_alias_node(span) {
            return;
        }
        match &node.kind {
            NodeKind::Mapping(_) => self.insert(value, members, level),
            NodeKind::Alias(target) => {
                let target = *target;
                self.in_alias(span, |this| this.merge(target, members, level, Some(span)));
            }
            NodeKind::Sequence(items) => {
                // Earlier mappings win: merge them last.
                for &item in items.iter().rev() {
                    self.merge(item, members, level, None);
                }
            }
            NodeKind::Scalar { .. } => self.error(
                "invalid-merge",
                span,
                "the value of a merge key `<<` must be a mapping or a sequence of mappings"
                    .to_string(),
            ),
            NodeKind::Error => {}
        }
    }

    fn is_merge(&self, key: NodeId) -> bool {
        match &self.graph.nodes[key].kind {
            NodeKind::Scalar {
                value, style, tag, ..
            } => is_merge_key(value, *style, tag.as_deref()),
            _ => false,
        }
    }

    /// The label text of key `key` and its span; `None` (reported) for
    /// a key that cannot be a label.
    fn label(&mut self, key: NodeId) -> Option<(String, Span)> {
        let node = &self.graph.nodes[key];
        let span = node.span;
        let target = match &node.kind {
            NodeKind::Alias(target) => &self.graph.nodes[*target],
            _ => node,
        };
        match &target.kind {
            NodeKind::Scalar {
                value,
                style,
                tag,
                tag_span,
            } => match resolve(value, *style, tag.as_deref()) {
                Ok(scalar) => Some((scalar.label(value), span)),
                Err(e) => {
                    let at = match e.code {
                        "unsupported-tag" => *tag_span,
                        _ => target.span,
                    };
                    self.error(e.code, at, e.message);
                    None
                }
            },
            NodeKind::Sequence(_) | NodeKind::Mapping(_) => {
                let kind = if matches!(target.kind, NodeKind::Sequence(_)) {
                    "sequence"
                } else {
                    "mapping"
                };
                self.error(
                    "invalid-key",
                    span,
                    format!("a mapping key must be a scalar, not a {kind}"),
                );
                None
            }
            NodeKind::Alias(_) | NodeKind::Error => None,
        }
    }
}
