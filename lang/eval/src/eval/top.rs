//! Validating part of the top: its values without its definitions, or
//! its definitions alone. A render template is evaluated once per
//! component with different parameters, but its definitions (`#Env`,
//! `#HealthProbe`…) are schemas that do not change: they are checked once
//! when the template is loaded, and each render checks only the values
//! (which check whatever part of a definition they use).

use super::finalize::Walk;
use super::{EvalError, Evaluator, VertexId};
use crate::ir::Optionality;
use crate::label::LabelKind;

/// Which fields of the top a partial validation takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopPart {
    /// Every field but the definitions (hidden fields included).
    Values,
    /// The definitions only.
    Definitions,
}

impl TopPart {
    /// Whether a field whose label is of `kind` belongs to this part.
    pub(crate) fn takes(self, kind: LabelKind) -> bool {
        let definition = matches!(kind, LabelKind::Definition | LabelKind::HiddenDefinition);
        definition == (self == TopPart::Definitions)
    }
}

impl Evaluator {
    /// Evaluates completely the fields of the top `v` that `part` takes.
    pub(crate) fn finalize_top(&mut self, v: VertexId, part: TopPart) {
        self.structure(v);
        let v = self.resolved(v);
        let arcs: Vec<VertexId> = self
            .v(v)
            .arcs
            .iter()
            .filter(|a| {
                a.optional != Optionality::Optional && part.takes(self.labels.kind(a.label))
            })
            .map(|a| a.vertex)
            .collect();
        self.finalize_fields(&arcs);
    }

    /// Every real (not incomplete) error of the top `v` itself and of its
    /// fields that `part` takes.
    pub(crate) fn collect_top_errors(&self, v: VertexId, part: TopPart, out: &mut Vec<EvalError>) {
        let top = self.resolved(v);
        let mut walk = Walk::new(self.vertices.len(), Some((top, part)));
        self.collect_errors_in(v, false, out, &mut walk)
    }
}
