//! Writing a finished value into an export writer (JSON, YAML).

use super::{Evaluator, VertexId};
use crate::export::{Emit, SpanTree};
use crate::ir::Optionality;
use crate::label::Label;
use crate::value::{Atom, Kinds};

impl Evaluator {
    /// Emits the concrete value of `v`. Call only after `collect_errors`
    /// found nothing: what cannot be exported is skipped.
    pub(crate) fn emit(&self, v: VertexId, out: &mut impl Emit) {
        super::with_stack(|| self.emit_now(v, out))
    }

    fn emit_now(&self, v: VertexId, out: &mut impl Emit) {
        let v = self.resolved(v);
        if let Some(node) = self.plain_data(v) {
            return self.emit_data(node, out);
        }
        let vertex = self.v(v);
        if let Some((atom, _)) = &vertex.atom {
            return emit_atom(atom, out);
        }
        if vertex.kinds == Kinds::LIST {
            out.begin_list(vertex.list_len() as usize);
            for i in 0..vertex.list_len() {
                if let Some(arc) = vertex.arc(Label::Index(i)) {
                    self.emit(arc.vertex, out);
                }
            }
            out.end_list();
            return;
        }
        let fields: Vec<_> = vertex
            .arcs
            .iter()
            .filter(|a| {
                a.optional == Optionality::Regular && self.labels.kind(a.label).is_exported()
            })
            .collect();
        out.begin_struct(fields.len());
        for arc in fields {
            out.key(&self.labels.text(arc.label));
            self.emit(arc.vertex, out);
        }
        out.end_struct();
    }

    /// Emits the value of `v` if all of it that is exported is concrete,
    /// checking as it goes what `collect_errors` would report there (an
    /// error, a disjunction without a default, a value that is no struct,
    /// list or scalar, a required field); false when it finds one, `out`
    /// then partly written. Only errors where nothing is exported (hidden
    /// fields, definitions) go unseen: call it when those were checked.
    pub(crate) fn emit_checked(&self, v: VertexId, out: &mut impl Emit) -> bool {
        super::with_stack(|| self.emit_checked_now(v, out))
    }

    fn emit_checked_now(&self, v: VertexId, out: &mut impl Emit) -> bool {
        let v = self.resolved(v);
        if let Some(node) = self.plain_data(v) {
            self.emit_data(node, out);
            return true;
        }
        let vertex = self.v(v);
        if vertex.error.is_some() || vertex.disjunction().is_some() {
            return false;
        }
        if let Some((atom, _)) = &vertex.atom {
            emit_atom(atom, out);
            return true;
        }
        if vertex.kinds == Kinds::LIST {
            out.begin_list(vertex.list_len() as usize);
            for i in 0..vertex.list_len() {
                match vertex.arc(Label::Index(i)) {
                    Some(arc) if arc.optional == Optionality::Regular => {
                        if !self.emit_checked(arc.vertex, out) {
                            return false;
                        }
                    }
                    _ => return false,
                }
            }
            out.end_list();
            return true;
        }
        if vertex.kinds != Kinds::STRUCT {
            return false;
        }
        let mut count = 0;
        for arc in &vertex.arcs {
            if matches!(arc.label, Label::Index(_)) {
                // Elements in a struct: left to the full check.
                return false;
            }
            if self.labels.kind(arc.label).is_exported() {
                match arc.optional {
                    Optionality::Regular => count += 1,
                    Optionality::Required => return false,
                    Optionality::Optional => {}
                }
            }
        }
        out.begin_struct(count);
        for arc in &vertex.arcs {
            if arc.optional == Optionality::Regular && self.labels.kind(arc.label).is_exported() {
                out.key(&self.labels.text(arc.label));
                if !self.emit_checked(arc.vertex, out) {
                    return false;
                }
            }
        }
        out.end_struct();
        true
    }

    /// Where each part of the exported value of `v` was written, parallel
    /// to what [`Evaluator::emit`] writes (call it under the same
    /// conditions).
    pub(crate) fn span_tree(&self, v: VertexId) -> SpanTree {
        super::with_stack(|| self.span_tree_now(v))
    }

    fn span_tree_now(&self, v: VertexId) -> SpanTree {
        let resolved = self.resolved(v);
        if let Some(node) = self.plain_data(resolved) {
            return self.data_span_tree(node);
        }
        let vertex = self.v(resolved);
        let written = |s: &tenon_diagnostics::Span| *s != tenon_diagnostics::Span::default();
        let span = vertex
            .atom
            .as_ref()
            .map(|(_, span)| *span)
            .filter(written)
            .or_else(|| self.conjunct_span(resolved))
            .or_else(|| self.conjunct_span(v))
            .unwrap_or_default();
        let children = if vertex.atom.is_some() {
            Vec::new()
        } else if vertex.kinds == Kinds::LIST {
            (0..vertex.list_len())
                .filter_map(|i| vertex.arc(Label::Index(i)))
                .map(|arc| self.span_tree(arc.vertex))
                .collect()
        } else {
            vertex
                .arcs
                .iter()
                .filter(|a| {
                    a.optional == Optionality::Regular && self.labels.kind(a.label).is_exported()
                })
                .map(|arc| self.span_tree(arc.vertex))
                .collect()
        };
        SpanTree { span, children }
    }
}

/// Writes a scalar.
pub(crate) fn emit_atom(atom: &Atom, out: &mut impl Emit) {
    match atom {
        Atom::Null => out.null(),
        Atom::Bool(b) => out.bool(*b),
        Atom::Number(n) => out.number(&n.to_string()),
        Atom::String(s) => out.string(s),
        Atom::Bytes(b) => out.bytes(b),
    }
}
