//! Unifying scalars into a vertex (kinds, atoms, bounds) and the scalar
//! operators.

use super::{ErrorKind, EvalError, Evaluator, VertexId};
use crate::ir::BinaryOp;
use crate::value::{compare, loose_eq, Atom, Bound, BoundOp, Kinds};
use std::cmp::Ordering;
use std::sync::Arc;
use tenon_diagnostics::Span;

impl Evaluator {
    pub(crate) fn meet_kinds(&mut self, v: VertexId, kinds: Kinds, span: Span) {
        let vertex = self.v(v);
        let met = vertex.kinds.meet(kinds);
        if met.is_empty() {
            let old = match &vertex.atom {
                Some((atom, _)) => atom.to_string(),
                None => self.describe(v),
            };
            let message = format!(
                "conflicting values {old} and {} (mismatched types {} and {})",
                kinds.name(),
                vertex.kinds.name(),
                kinds.name()
            );
            let spans = spans(vertex.kind_span.or(vertex.atom.as_ref().map(|a| a.1)), span);
            self.fail(v, EvalError::new(ErrorKind::Conflict, message, spans));
            return;
        }
        let vertex = self.v_mut(v);
        if met != vertex.kinds {
            vertex.kinds = met;
            vertex.kind_span = Some(span);
        }
    }

    pub(crate) fn meet_atom(&mut self, v: VertexId, atom: Atom, span: Span) {
        let vertex = self.v(v);
        if let Some((old, old_span)) = &vertex.atom {
            if !old.same(&atom) {
                let mut message = format!("conflicting values {atom} and {old}");
                if old.kind() != atom.kind() {
                    message += &format!(
                        " (mismatched types {} and {})",
                        atom.kind().name(),
                        old.kind().name()
                    );
                }
                let spans = spans(Some(*old_span), span);
                self.fail(v, EvalError::new(ErrorKind::Conflict, message, spans));
            }
            return;
        }
        if !vertex.kinds.contains(atom.kind()) {
            let message = format!(
                "conflicting values {} and {atom} (mismatched types {} and {})",
                self.describe(v),
                vertex.kinds.name(),
                atom.kind().name()
            );
            let spans = spans(vertex.kind_span, span);
            self.fail(v, EvalError::new(ErrorKind::Conflict, message, spans));
            return;
        }
        let bounds = match &mut self.v_mut(v).rare {
            Some(rare) => std::mem::take(&mut rare.bounds),
            None => Vec::new(),
        };
        for (bound, bound_span) in &bounds {
            if let Some(error) = check_bound(bound, &atom, *bound_span, span) {
                self.fail(v, error);
            }
        }
        let vertex = self.v_mut(v);
        if !bounds.is_empty() {
            vertex.rare_mut().bounds = bounds;
        }
        vertex.kinds = atom.kind();
        vertex.atom = Some((atom, span));
    }

    pub(crate) fn meet_bound(&mut self, v: VertexId, bound: Bound, span: Span) {
        self.meet_kinds(v, bound.kinds(), span);
        if let Some((atom, atom_span)) = self.v(v).atom.clone() {
            if let Some(error) = check_bound(&bound, &atom, span, atom_span) {
                self.fail(v, error);
            }
            return;
        }
        let vertex = self.v_mut(v);
        let duplicate = vertex
            .bounds()
            .iter()
            .any(|(b, _)| b.op == bound.op && b.value.same(&bound.value));
        if duplicate {
            return;
        }
        let clash = vertex
            .bounds()
            .iter()
            .find(|(other, _)| disjoint(other, &bound))
            .cloned();
        vertex.rare_mut().bounds.push((bound.clone(), span));
        if let Some((other, other_span)) = clash {
            let (low, high) = if matches!(bound.op, BoundOp::Lt | BoundOp::Le) {
                (&other, &bound)
            } else {
                (&bound, &other)
            };
            let what = if matches!(bound.value, Atom::Number(_)) {
                "number"
            } else {
                "string"
            };
            let message = format!("incompatible {what} bounds {high} and {low}");
            self.fail(
                v,
                EvalError::new(ErrorKind::Conflict, message, spans(Some(other_span), span)),
            );
        }
    }
}

fn spans(first: Option<Span>, second: Span) -> Vec<Span> {
    let mut out: Vec<Span> = first.into_iter().collect();
    if !out.contains(&second) {
        out.push(second);
    }
    out.sort();
    out
}

/// Whether a lower and an upper bound leave no value between them
/// (`>5 & <3`, `>=5 & <5`; `>=5 & <=5` is not empty).
fn disjoint(a: &Bound, b: &Bound) -> bool {
    let lower = |x: &Bound| matches!(x.op, BoundOp::Gt | BoundOp::Ge);
    let upper = |x: &Bound| matches!(x.op, BoundOp::Lt | BoundOp::Le);
    let (low, high) = if lower(a) && upper(b) {
        (a, b)
    } else if lower(b) && upper(a) {
        (b, a)
    } else {
        return false;
    };
    match compare(&low.value, &high.value) {
        Some(Ordering::Greater) => true,
        Some(Ordering::Equal) => low.op == BoundOp::Gt || high.op == BoundOp::Lt,
        _ => false,
    }
}

/// The error of `atom` failing `bound`, if it does.
fn check_bound(bound: &Bound, atom: &Atom, bound_span: Span, atom_span: Span) -> Option<EvalError> {
    match bound.admits(atom) {
        Some(true) => None,
        Some(false) => {
            let message = format!("invalid value {atom} (out of bound {bound})");
            Some(EvalError::new(
                ErrorKind::Bound,
                message,
                spans(Some(atom_span), bound_span),
            ))
        }
        None => {
            let message = format!(
                "invalid value {atom} (mismatched types {} and {})",
                atom.kind().name(),
                bound.kinds().name()
            );
            Some(EvalError::new(
                ErrorKind::Conflict,
                message,
                spans(Some(atom_span), bound_span),
            ))
        }
    }
}

/// A binary operator on two concrete scalars.
pub(crate) fn apply_binary(op: BinaryOp, a: &Atom, b: &Atom) -> Result<Atom, String> {
    use Atom::*;
    use BinaryOp::*;
    let mismatch = || {
        format!(
            "invalid operands {a} and {b} to '{}' (type {} and {})",
            op.as_str(),
            a.kind().name(),
            b.kind().name()
        )
    };
    let num = |r: Result<crate::num::Number, crate::num::NumberError>| match r {
        Ok(n) => Ok(Number(n)),
        Err(error) => Err(error.cue_message()),
    };
    // Only null may be equated with a value of another kind.
    let comparable = || {
        matches!(
            (a, b),
            (Null, _)
                | (_, Null)
                | (Number(_), Number(_))
                | (Bool(_), Bool(_))
                | (String(_), String(_))
                | (Bytes(_), Bytes(_))
        )
    };
    match op {
        Eq | Ne if !comparable() => Err(mismatch()),
        Eq => Ok(Bool(loose_eq(a, b))),
        Ne => Ok(Bool(!loose_eq(a, b))),
        Lt | Le | Gt | Ge => {
            let order = compare(a, b).ok_or_else(mismatch)?;
            Ok(Bool(match op {
                Lt => order == Ordering::Less,
                Le => order != Ordering::Greater,
                Gt => order == Ordering::Greater,
                _ => order != Ordering::Less,
            }))
        }
        // Two strings are matched by the evaluator (it caches the regular
        // expression); anything else is a mismatch.
        Match | NotMatch => Err(mismatch()),
        Add => match (a, b) {
            (Number(x), Number(y)) => num(x.add(y)),
            (String(x), String(y)) => Ok(String(Arc::from(format!("{x}{y}")))),
            (Bytes(x), Bytes(y)) => Ok(Bytes(Arc::from([x.as_ref(), y.as_ref()].concat()))),
            _ => Err(mismatch()),
        },
        Sub => match (a, b) {
            (Number(x), Number(y)) => num(x.sub(y)),
            _ => Err(mismatch()),
        },
        Mul => match (a, b) {
            (Number(x), Number(y)) => num(x.mul(y)),
            (String(s), Number(n)) | (Number(n), String(s)) if n.is_int() => {
                let count = n.to_i64().filter(|c| *c >= 0).ok_or_else(mismatch)?;
                Ok(String(Arc::from(s.repeat(count as usize))))
            }
            (Bytes(s), Number(n)) | (Number(n), Bytes(s)) if n.is_int() => {
                let count = n.to_i64().filter(|c| *c >= 0).ok_or_else(mismatch)?;
                Ok(Bytes(Arc::from(s.repeat(count as usize))))
            }
            _ => Err(mismatch()),
        },
        Div => match (a, b) {
            (Number(x), Number(y)) => num(x.div(y)),
            _ => Err(mismatch()),
        },
        IntDiv | IntMod | Quo | Rem => match (a, b) {
            (Number(x), Number(y)) if x.is_int() && y.is_int() => num(match op {
                IntDiv => x.int_div(y),
                IntMod => x.int_mod(y),
                Quo => x.quo(y),
                _ => x.rem(y),
            }),
            _ => Err(mismatch()),
        },
        LogicalAnd | LogicalOr | And | Or => Err(mismatch()),
    }
}
