//! Structure sharing: a vertex whose only conjunct is a reference becomes
//! the vertex it refers to instead of a copy of its conjuncts, when
//! nothing about the copy could differ.

use super::exprs::Val;
use super::{CloseRef, Evaluator, Source, State, VertexId};
use crate::ir::Expr;
use crate::label::LabelKind;
use crate::value::Kinds;

impl Evaluator {
    /// Structure sharing: a vertex whose only conjunct is a reference to
    /// another (`labels: _labels`) becomes that vertex instead of a copy,
    /// when nothing about it could differ: no closedness the target's
    /// conjuncts do not already have, no forced disjunction choices, not a
    /// definition, not a cycle.
    pub(crate) fn try_share(&mut self, v: VertexId) -> bool {
        let vertex = self.v(v);
        if vertex.conjuncts.len() != 1 || !vertex.choices().is_empty() {
            return false;
        }
        let conjunct = vertex.conjuncts[0];
        let Source::Expr(e) = conjunct.source else {
            return false;
        };
        if !matches!(
            self.code(e.unit).expr(e.id),
            Expr::Ref(_) | Expr::Select(..)
        ) {
            return false;
        }
        if matches!(
            self.labels.kind(vertex.label),
            LabelKind::Definition | LabelKind::HiddenDefinition
        ) {
            return false;
        }
        let Val::Vertex(w) = self.eval(e, conjunct.env) else {
            return false;
        };
        if w == v || self.is_ancestor(w, v) || self.is_ancestor(v, w) {
            return false;
        }
        // A reference to a definition is a closed instance of it, except
        // as the whole value of the module's expression (`-e #Def`).
        let kind = self.labels.kind(self.v(w).label);
        let definition = matches!(kind, LabelKind::Definition | LabelKind::HiddenDefinition);
        if definition && self.expr_root != Some(v) || self.v(w).state == State::Evaluating {
            return false;
        }
        let close = conjunct.close;
        if close.0 != 0 && !self.closes_alike(w, close) && !self.is_settled(w, close) {
            return false;
        }
        self.structure(w);
        if close.0 != 0 && !self.closes_alike(w, close) && !self.is_settled(w, close) {
            return false;
        }
        self.v_mut(v).set_link(super::vertex::Link::Share, w);
        true
    }

    /// Whether `w` is an evaluated value the closedness chain `close`
    /// cannot change, in a struct that is done (evaluates it): a scalar,
    /// or a list. A list's elements would get `close`'s groups on every
    /// conjunct, and a group every struct literal and computed field of a
    /// struct declares its labels to allows all of them.
    fn is_settled(&mut self, w: VertexId, close: CloseRef) -> bool {
        let parent = self.v(w).parent;
        if parent.is_some_and(|p| self.v(p).state != State::Done)
            || self.plain_groups(close).is_none()
        {
            return false;
        }
        self.structure(w);
        let vertex = self.v(w);
        let scalar =
            vertex.arcs.is_empty() && !vertex.kinds.intersects(Kinds::STRUCT.join(Kinds::LIST));
        let list = vertex.kinds == Kinds::LIST
            && vertex
                .conjuncts
                .iter()
                .all(|c| self.plain_groups(c.close).is_some());
        vertex.state == State::Done
            && vertex.error.is_none()
            && vertex.groups().is_empty()
            && (scalar || list)
    }

    /// Whether unifying `w` in under the closedness chain `close` would
    /// give its conjuncts the closedness they already have (`labels:
    /// _labels` inside a definition): every group of `close` is in each
    /// conjunct's own chain, no chain has `close()`'s one-level groups,
    /// and `w`'s conjuncts are final (its struct is done).
    fn closes_alike(&self, w: VertexId, close: CloseRef) -> bool {
        let Some(outer) = self.plain_groups(close) else {
            return false;
        };
        let vertex = self.v(w);
        if vertex.synthetic || vertex.conjuncts.is_empty() {
            return false;
        }
        if vertex
            .parent
            .is_some_and(|p| self.v(p).state != State::Done)
        {
            return false;
        }
        vertex.conjuncts.iter().all(|c| {
            self.plain_groups(c.close)
                .is_some_and(|inner| outer.iter().all(|g| inner.contains(g)))
        })
    }

    /// The groups of a closedness chain, unless one closes a single level.
    fn plain_groups(&self, mut close: CloseRef) -> Option<smallvec::SmallVec<[u32; 4]>> {
        let mut out = smallvec::SmallVec::new();
        while close.0 != 0 {
            let node = self.close_nodes[close.0 as usize];
            if node.shallow {
                return None;
            }
            out.push(node.group);
            close = node.parent;
        }
        Some(out)
    }
}
