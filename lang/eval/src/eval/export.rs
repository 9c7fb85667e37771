//! Writing a finished value into an export writer (JSON, YAML).

use super::{Evaluator, VertexId};
use crate::export::Emit;
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
        let vertex = self.v(v);
        if let Some((atom, _)) = &vertex.atom {
            match atom {
                Atom::Null => out.null(),
                Atom::Bool(b) => out.bool(*b),
                Atom::Number(n) => out.number(&n.to_string()),
                Atom::String(s) => out.string(s),
                Atom::Bytes(b) => out.bytes(b),
            }
            return;
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
}
