//! Evaluating a value completely (every regular arc, recursively), and
//! collecting the errors of a finished tree.

use super::{ErrorKind, EvalError, Evaluator, VertexId};
use crate::ir::Optionality;
use crate::label::Label;
use crate::value::Kinds;

impl Evaluator {
    /// Evaluates `v` and everything below it. Structures of all arcs come
    /// before any arc's own arcs, so a conflict near the top is found
    /// before deep subtrees are evaluated.
    pub(crate) fn finalize(&mut self, v: VertexId) {
        // Filled data nobody read is valid as it is: it is not built.
        if self.v(v).finalized || self.plain_data(v).is_some() {
            return;
        }
        super::with_stack(|| self.finalize_now(v))
    }

    fn finalize_now(&mut self, v: VertexId) {
        self.v_mut(v).finalized = true;
        self.structure(v);
        if let Some(target) = self.v(v).share() {
            return self.finalize(target);
        }
        if let Some(error) = self.limit_error(v) {
            self.fail(v, error);
            return;
        }
        // A value that failed needs no further work below it.
        if self.error_of(v).is_some_and(|e| !e.is_incomplete()) {
            return;
        }
        let arcs: smallvec::SmallVec<[VertexId; 8]> = self
            .v(v)
            .arcs
            .iter()
            .filter(|a| a.optional != Optionality::Optional)
            .map(|a| a.vertex)
            .collect();
        self.finalize_fields(&arcs);
        if !self.v(v).validators().is_empty() {
            self.check_validators(v);
        }
    }

    /// Evaluates completely the fields of one struct: every field's
    /// structure first, so that the fields see each other's, then each
    /// field completely.
    pub(super) fn finalize_fields(&mut self, fields: &[VertexId]) {
        self.depth += 1;
        for &field in fields {
            if self.plain_data(field).is_none() {
                self.structure(field);
            }
        }
        for &field in fields {
            self.finalize(field);
        }
        self.depth -= 1;
    }

    /// The first real (not incomplete) error in `v` or below.
    pub(crate) fn deep_error(&self, v: VertexId) -> Option<EvalError> {
        super::with_stack(|| self.deep_error_now(v))
    }

    fn deep_error_now(&self, v: VertexId) -> Option<EvalError> {
        if let Some(target) = self.v(v).share() {
            return self.deep_error(target);
        }
        if let Some(error) = self.error_of(v) {
            if !error.is_incomplete() || error.kind == super::ErrorKind::AbsentOptional {
                return Some(error.clone());
            }
        }
        self.v(v)
            .arcs
            .iter()
            .filter(|a| a.optional != Optionality::Optional)
            .find_map(|a| self.deep_error(a.vertex))
    }

    /// Every error in the tree below `v`; incomplete values count only
    /// where they would be exported (`concrete`).
    /// A value reached again (shared by several references) is not walked
    /// again: it would only repeat its errors.
    pub(crate) fn collect_errors(&self, v: VertexId, concrete: bool, out: &mut Vec<EvalError>) {
        let mut walk = Walk::new(self.vertices.len(), None);
        self.collect_errors_in(v, concrete, out, &mut walk)
    }

    pub(super) fn collect_errors_in(
        &self,
        v: VertexId,
        concrete: bool,
        out: &mut Vec<EvalError>,
        walk: &mut Walk,
    ) {
        super::with_stack(|| {
            // Incomplete values are reported where they would be exported
            // (through the shared values walked into), real errors where
            // they arose.
            let target = self.resolved(v);
            let crossed = target != v;
            if crossed {
                walk.anchors.push((target, v));
            }
            self.collect_errors_now(v, concrete, out, walk);
            if crossed {
                walk.anchors.pop();
            }
        })
    }

    /// The path of `x` as the walk reached it: through the shared values
    /// it crossed, innermost last.
    fn walk_path(&self, x: VertexId, anchors: &[(VertexId, VertexId)]) -> Box<str> {
        // A shared value reached is where it was reached.
        let anchors = match anchors.split_last() {
            Some((&(_, site), outer)) if site == x => outer,
            _ => anchors,
        };
        let mut parts = Vec::new();
        let mut current = x;
        for &(target, site) in anchors.iter().rev() {
            let mut at = current;
            while at != target {
                let vertex = self.v(at);
                let Some(parent) = vertex.parent else {
                    // Not under the shared value after all.
                    return self.path(x).into();
                };
                if vertex.label != Label::Index(u32::MAX) {
                    parts.push(match vertex.label {
                        Label::Index(i) => i.to_string(),
                        Label::Field(_) => {
                            crate::label::path_segment(&self.labels.text(vertex.label))
                        }
                    });
                }
                at = parent;
            }
            current = site;
        }
        // The value of `-e name` is reported under `name`.
        let prefix = match self.v(current).share() {
            Some(named) if Some(current) == self.expr_root => self.path(named),
            _ => self.path(current),
        };
        parts.reverse();
        if !prefix.is_empty() {
            parts.insert(0, prefix);
        }
        parts.join(".").into()
    }

    fn collect_errors_now(
        &self,
        v: VertexId,
        concrete: bool,
        out: &mut Vec<EvalError>,
        walk: &mut Walk,
    ) {
        let site = v;
        let v = self.resolved(v);
        if concrete && site != v && self.is_incomplete_leaf(v) && self.only_references(v) {
            // A field that shares a value that only references make (as
            // a reference cycle leaves it: `a: b, b: a`) is exported on
            // its own: each such field is reported, even when the value
            // was already walked through another. (A value that an
            // expression could not compute is reported once, where it
            // was written.)
            if walk.seen[site.index() as usize] < 2 {
                walk.seen[site.index() as usize] = 2;
                out.push(self.incomplete_leaf(site, v, walk));
            }
            return;
        }
        let seen = &mut walk.seen;
        // 1: walked for real errors; 2: for incomplete values too.
        let level = 1 + u8::from(concrete);
        if seen[v.index() as usize] >= level {
            return;
        }
        seen[v.index() as usize] = level;
        if self.plain_data(v).is_some() {
            return;
        }
        let vertex = self.v(v);
        if let Some(error) = self.error_of(v) {
            if concrete || !error.is_incomplete() {
                let mut error = error.clone();
                if error.is_incomplete() {
                    error.vertex = Some(site);
                    error.path = Some(self.walk_path(site, &walk.anchors));
                }
                error.vertex.get_or_insert(v);
                out.push(error);
            }
            return;
        }
        if vertex.disjunction().is_some() {
            if concrete {
                let span = self.conjunct_span(v).into_iter().collect();
                let mut error =
                    EvalError::new(ErrorKind::Incomplete, self.describe_disjunction(v), span);
                error.vertex = Some(site);
                error.path = Some(self.walk_path(site, &walk.anchors));
                out.push(error);
            }
            return;
        }
        // Errors, disjunctions and plain data were handled above.
        if concrete && self.lacks_value(v) {
            out.push(self.incomplete_leaf(site, v, walk));
            return;
        }
        let part = walk.top.filter(|&(top, _)| top == v).map(|(_, part)| part);
        for arc in &vertex.arcs {
            if part.is_some_and(|part| !part.takes(self.labels.kind(arc.label))) {
                continue;
            }
            let exported = match arc.label {
                Label::Index(i) => i < vertex.list_len(),
                Label::Field(_) => self.labels.kind(arc.label).is_exported(),
            };
            match arc.optional {
                Optionality::Optional => {}
                Optionality::Required => {
                    if concrete && exported {
                        let span = self.label_span(arc.vertex).into_iter().collect();
                        let mut error = EvalError::new(
                            ErrorKind::Incomplete,
                            "field is required but not present",
                            span,
                        );
                        error.vertex = Some(arc.vertex);
                        error.path = Some(self.walk_path(arc.vertex, &walk.anchors));
                        out.push(error);
                    }
                }
                Optionality::Regular => {
                    self.collect_errors_in(arc.vertex, concrete && exported, out, walk)
                }
            }
        }
    }

    /// A value with neither an error nor a disjunction, that is no
    /// struct or list and has no concrete value.
    fn is_incomplete_leaf(&self, v: VertexId) -> bool {
        self.error_of(v).is_none()
            && self.v(v).disjunction().is_none()
            && self.plain_data(v).is_none()
            && self.lacks_value(v)
    }

    /// No concrete value, and no struct or list either.
    fn lacks_value(&self, v: VertexId) -> bool {
        let vertex = self.v(v);
        vertex.atom.is_none() && vertex.kinds != Kinds::STRUCT && vertex.kinds != Kinds::LIST
    }

    /// Whether every conjunct of `v` is a reference (`b`, `x.y`).
    fn only_references(&self, v: VertexId) -> bool {
        self.v(v).conjuncts.iter().all(|c| match c.source {
            super::Source::Expr(e) => matches!(
                self.code(e.unit).expr(e.id),
                crate::ir::Expr::Ref(_) | crate::ir::Expr::Select(..)
            ),
            super::Source::Vertex(_) | super::Source::Data(_) => false,
        })
    }

    /// The error of an incomplete leaf `v` reached at `site`. It points at
    /// where the value was written; a value that is still top (`_`, as
    /// a reference cycle leaves it) was written nowhere, so at where the
    /// field got it.
    fn incomplete_leaf(&self, site: VertexId, v: VertexId, walk: &Walk) -> EvalError {
        let from = if self.v(v).kinds == Kinds::TOP {
            site
        } else {
            v
        };
        let span = self
            .conjunct_span(from)
            .or_else(|| self.conjunct_span(v))
            .into_iter()
            .collect();
        let mut error = EvalError::new(
            ErrorKind::Incomplete,
            format!("incomplete value {}", self.describe(v)),
            span,
        );
        error.vertex = Some(site);
        error.path = Some(self.walk_path(site, &walk.anchors));
        error
    }

    fn describe_disjunction(&self, v: VertexId) -> String {
        format!("incomplete value {}", self.alternatives_text(v))
    }

    /// The alternatives of a disjunction (its defaults, when it has
    /// any): `"a" | "b"`, `struct | struct`.
    pub(crate) fn alternatives_text(&self, v: VertexId) -> String {
        let Some(d) = self.v(v).disjunction() else {
            return String::new();
        };
        let any_default = d.forks.iter().any(|f| f.1);
        let parts: Vec<String> = d
            .forks
            .iter()
            .filter(|f| f.1 || !any_default)
            .map(|&(f, _)| match &self.v(f).atom {
                Some((atom, _)) => atom.to_string(),
                None => self.describe(f),
            })
            .collect();
        parts.join(" | ")
    }
}

/// The state of an error walk: how far each value was walked (1 for real
/// errors, 2 for incomplete values too), and the shared values crossed on
/// the way down as (shared value, where it was reached).
pub(super) struct Walk {
    seen: Vec<u8>,
    anchors: Vec<(VertexId, VertexId)>,
    /// The top and the part of its fields walked, when not all.
    top: Option<(VertexId, super::top::TopPart)>,
}

impl Walk {
    pub(super) fn new(vertices: usize, top: Option<(VertexId, super::top::TopPart)>) -> Walk {
        Walk {
            seen: vec![0u8; vertices],
            anchors: Vec::new(),
            top,
        }
    }
}
