//! Closed structs: a definition (and every struct within it) allows only
//! the fields its literals declare, those matching its patterns, or any
//! field if it has `...`. Each reference to a definition is a group; a
//! field must be allowed by every group present at its struct.

use super::vertex::Group;
use super::{ErrorKind, EvalError, Evaluator, VertexId};
use crate::label::Label;

impl Evaluator {
    /// The position of group `id` among the groups of `v`, created on
    /// first use.
    pub(crate) fn group_position(&mut self, v: VertexId, id: u32) -> usize {
        let groups = self.v_mut(v).groups.get_or_insert_with(Default::default);
        match groups.iter().position(|g| g.id == id) {
            Some(p) => p,
            None => {
                groups.push(Group {
                    id,
                    ..Group::default()
                });
                groups.len() - 1
            }
        }
    }

    /// The group `id` of `v`, created on first use.
    pub(crate) fn group_mut(&mut self, v: VertexId, id: u32) -> &mut Group {
        let position = self.group_position(v, id);
        &mut self.v_mut(v).groups.as_mut().expect("group just found")[position]
    }

    /// Group `id` of `v` declares the field `label`.
    pub(crate) fn declare(&mut self, v: VertexId, id: u32, label: Label) {
        let arc = self.v(v).arc_position(label);
        self.declare_arc(v, id, label, arc);
    }

    /// Group `id` of `v` declares the field `label`, whose arc (if it
    /// exists yet) is at position `arc`.
    pub(crate) fn declare_arc(&mut self, v: VertexId, id: u32, label: Label, arc: Option<usize>) {
        let position = self.group_position(v, id);
        let vertex = self.v_mut(v);
        match arc {
            Some(arc) if position < Group::BITS => vertex.arcs[arc].declared_by |= 1 << position,
            _ => {
                let groups = vertex.groups.as_mut().expect("group just found");
                groups[position].extra_mut().labels.push(label);
            }
        }
    }

    /// Adds the field `label` (see `add_field`), declared by the
    /// closedness groups `groups`.
    pub(crate) fn add_declared_field(
        &mut self,
        v: VertexId,
        label: Label,
        optional: crate::ir::Optionality,
        conjunct: super::Conjunct,
        groups: &[u32],
    ) {
        let (_, arc) = self.add_field_at(v, label, optional, conjunct);
        for &group in groups {
            self.declare_arc(v, group, label, Some(arc));
        }
    }

    /// Reports every field of `v` that some group does not allow.
    pub(crate) fn check_closedness(&mut self, v: VertexId) {
        let vertex = self.v(v);
        if vertex.groups().iter().all(|g| g.open) {
            return;
        }
        // Without patterns, the groups' labels decide (nothing to copy).
        if vertex.groups().iter().all(|g| g.patterns().is_empty()) {
            let rejected: Vec<VertexId> = vertex
                .arcs
                .iter()
                .filter(|arc| {
                    matches!(arc.label, Label::Field(_))
                        && self.labels.kind(arc.label).is_regular()
                        && !vertex
                            .groups()
                            .iter()
                            .enumerate()
                            .all(|(position, g)| g.allows(position, arc))
                })
                .map(|arc| arc.vertex)
                .collect();
            for child in rejected {
                self.reject(child);
            }
            return;
        }
        let groups = self.v(v).groups().to_vec();
        let arcs = self.v(v).arcs.clone();
        for arc in arcs {
            let Label::Field(_) = arc.label else { continue };
            if !self.labels.kind(arc.label).is_regular() {
                continue;
            }
            if !self.allowed(v, &groups, &arc) {
                self.reject(arc.vertex);
            }
        }
    }

    /// The field `child` is not allowed.
    fn reject(&mut self, child: VertexId) {
        // Where the field was written outside any definition, when it
        // was: a definition that declares it is not where it went wrong.
        let outside = self.v(child).conjuncts.iter().find_map(|c| match c.source {
            super::Source::Expr(e) if c.close.0 == 0 => self.code(e.unit).label_span(e.id),
            _ => None,
        });
        let span = outside.or_else(|| self.label_span(child));
        let error = EvalError::new(
            ErrorKind::NotAllowed,
            "field not allowed",
            span.into_iter().collect(),
        );
        self.fail(child, error);
    }

    /// Whether every group of `v` allows the field `label`.
    fn allowed(&mut self, v: VertexId, groups: &[Group], arc: &super::vertex::Arc) -> bool {
        let text = self.labels.shared_text(arc.label);
        groups.iter().enumerate().all(|(position, group)| {
            group.allows(position, arc)
                || group.patterns().iter().any(|&p| {
                    let pattern = self.v(v).patterns()[p as usize];
                    self.label_matches(pattern.pattern, Some(pattern.env), &text)
                })
        })
    }

    /// Where the field was declared: the label of its first declaration
    /// (or, failing that, its first conjunct).
    pub(crate) fn label_span(&self, v: VertexId) -> Option<tenon_diagnostics::Span> {
        let from_label = self.v(v).conjuncts.iter().find_map(|c| match c.source {
            super::Source::Expr(e) => self.code(e.unit).label_span(e.id),
            super::Source::Vertex(_) | super::Source::Data(_) => None,
        });
        from_label.or_else(|| self.conjunct_span(v))
    }

    /// Where the first conjunct of a vertex was written.
    pub(crate) fn conjunct_span(&self, v: VertexId) -> Option<tenon_diagnostics::Span> {
        self.v(v).conjuncts.iter().find_map(|c| match c.source {
            super::Source::Expr(e) => Some(self.code(e.unit).span(e.id)),
            super::Source::Vertex(_) | super::Source::Data(_) => None,
        })
    }
}
