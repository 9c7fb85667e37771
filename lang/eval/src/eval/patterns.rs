//! Whether a label matches a pattern constraint `[pattern]: value`.

use super::exprs::Val;
use super::{EnvId, Evaluator, ExprRef, VertexId};
use crate::ir::Expr;
use crate::value::{Atom, Kinds};
use std::sync::Arc;

impl Evaluator {
    pub(crate) fn label_matches(
        &mut self,
        pattern: ExprRef,
        env: Option<EnvId>,
        label: &str,
    ) -> bool {
        match self.code(pattern.unit).expr(pattern.id) {
            Expr::Top => return true,
            Expr::Kind(k) => return k.contains(Kinds::STRING),
            Expr::String(s) => return s.as_ref() == label,
            _ => {}
        }
        match self.eval(pattern, env) {
            Val::Top => true,
            Val::Kinds(k) => k.contains(Kinds::STRING),
            Val::Atom(Atom::String(s)) => s.as_ref() == label,
            Val::Atom(_) | Val::Error(_) => false,
            Val::Bound(b) => b.admits(&Atom::String(Arc::from(label))) == Some(true),
            Val::Validator(x) => {
                let candidate = self.synthetic(Atom::String(Arc::from(label)));
                self.v_mut(candidate)
                    .rare_mut()
                    .validators
                    .push((x, Default::default()));
                self.check_validators(candidate);
                self.v(candidate).error.is_none()
            }
            Val::Vertex(w) => self.vertex_admits(w, label),
        }
    }

    fn vertex_admits(&mut self, w: VertexId, label: &str) -> bool {
        self.structure(w);
        if self.v(w).error.is_some() {
            return false;
        }
        if let Some(d) = self.v(w).disjunction().cloned() {
            return d.forks.iter().any(|&(f, _)| self.vertex_admits(f, label));
        }
        let vertex = self.v(w);
        if let Some((atom, _)) = &vertex.atom {
            return matches!(atom, Atom::String(s) if s.as_ref() == label);
        }
        let text = Atom::String(Arc::from(label));
        vertex.kinds.contains(Kinds::STRING)
            && vertex
                .bounds()
                .iter()
                .all(|(b, _)| b.admits(&text) == Some(true))
    }
}
