//! Lists: elements are arcs labelled by index. A closed list literal fixes
//! the length; `...T` leaves it open and constrains every element past the
//! literal's own.

use super::exprs::Val;
use super::{
    CloseRef, Conjunct, EnvId, ErrorKind, EvalError, Evaluator, ExprRef, Source, VertexId,
};
use crate::ir::{BinaryOp, Elem, Expr, ListLit, Optionality};
use crate::label::Label;
use crate::value::{Atom, Kinds};
use tenon_diagnostics::Span;

impl Evaluator {
    /// A list literal without comprehensions (phase one).
    pub(crate) fn add_list(
        &mut self,
        v: VertexId,
        e: ExprRef,
        lit: &ListLit,
        env: Option<EnvId>,
        close: CloseRef,
    ) {
        let span = self.code(e.unit).span(e.id);
        self.meet_kinds(v, Kinds::LIST, span);
        let mut count = 0;
        for elem in &lit.elems {
            if let Elem::Expr(x) = elem {
                let conjunct = Conjunct {
                    source: Source::Expr(ExprRef {
                        unit: e.unit,
                        id: *x,
                    }),
                    env,
                    close,
                };
                self.add_field(v, Label::Index(count), Optionality::Regular, conjunct);
                count += 1;
            }
        }
        let tail = lit.tail.map(|t| Conjunct {
            source: Source::Expr(ExprRef {
                unit: e.unit,
                id: t,
            }),
            env,
            close,
        });
        self.list_shape(v, count, tail, span);
    }

    /// A list literal with comprehensions (phase two).
    pub(crate) fn add_list_conjunct(&mut self, v: VertexId, conjunct: Conjunct) {
        let Source::Expr(e) = conjunct.source else {
            return;
        };
        let unit = self.units[e.unit as usize].clone();
        let Expr::List(lit) = unit.code.expr(e.id) else {
            return;
        };
        let span = unit.code.span(e.id);
        self.meet_kinds(v, Kinds::LIST, span);
        let mut count = 0;
        for elem in &lit.elems {
            match elem {
                Elem::Expr(x) => {
                    let element = Conjunct {
                        source: Source::Expr(ExprRef {
                            unit: e.unit,
                            id: *x,
                        }),
                        ..conjunct
                    };
                    self.add_field(v, Label::Index(count), Optionality::Regular, element);
                    count += 1;
                }
                Elem::Comprehension(c) => {
                    let mut bodies = Vec::new();
                    if let Err(error) =
                        self.run_clauses(e.unit, &c.clauses, conjunct.env, None, &mut bodies)
                    {
                        self.fail(v, error);
                        return;
                    }
                    for env in bodies {
                        let body = Conjunct {
                            source: Source::Expr(ExprRef {
                                unit: e.unit,
                                id: c.body,
                            }),
                            env: Some(env),
                            close: conjunct.close,
                        };
                        self.add_field(v, Label::Index(count), Optionality::Regular, body);
                        count += 1;
                    }
                }
            }
        }
        let tail = lit.tail.map(|t| Conjunct {
            source: Source::Expr(ExprRef {
                unit: e.unit,
                id: t,
            }),
            ..conjunct
        });
        self.list_shape(v, count, tail, span);
    }

    pub(crate) fn list_shape(
        &mut self,
        v: VertexId,
        count: u32,
        tail: Option<Conjunct>,
        span: Span,
    ) {
        let vertex = self.v_mut(v);
        vertex.set_list_len(vertex.list_len().max(count));
        match tail {
            None => match vertex.list_closed() {
                Some((closed, _)) if closed != count => {
                    let message = format!("incompatible list lengths ({closed} and {count})");
                    self.fail(v, EvalError::new(ErrorKind::Conflict, message, vec![span]));
                }
                Some(_) => {}
                None => vertex.set_list_closed((count, span)),
            },
            Some(tail) => {
                vertex.rare_mut().list_tails.push((count, tail));
                let arcs: Vec<_> = vertex
                    .arcs
                    .iter()
                    .filter(|a| matches!(a.label, Label::Index(i) if i >= count))
                    .map(|a| a.vertex)
                    .collect();
                for child in arcs {
                    self.push_conjunct(child, tail);
                }
            }
        }
    }

    pub(crate) fn apply_list_tails(&mut self, v: VertexId, child: VertexId, index: u32) {
        let tails: Vec<Conjunct> = self
            .v(v)
            .list_tails()
            .iter()
            .filter(|(start, _)| index >= *start)
            .map(|(_, c)| *c)
            .collect();
        for tail in tails {
            self.push_conjunct(child, tail);
        }
    }

    /// Copies the length rules of an evaluated list into `v`.
    pub(crate) fn merge_list_shape(&mut self, v: VertexId, w: VertexId) {
        let source = self.v(w);
        let (source_closed, source_len) = (source.list_closed(), source.list_len());
        let span = source_closed.map(|c| c.1).unwrap_or_default();
        match source_closed {
            Some((closed, _)) => {
                let vertex = self.v_mut(v);
                match vertex.list_closed() {
                    Some((mine, _)) if mine != closed => {
                        let message = format!("incompatible list lengths ({mine} and {closed})");
                        self.fail(v, EvalError::new(ErrorKind::Conflict, message, vec![span]));
                    }
                    _ => vertex.set_list_closed((closed, span)),
                }
            }
            None => {
                let tails = self.v(w).list_tails().to_vec();
                if !tails.is_empty() {
                    self.v_mut(v).rare_mut().list_tails.extend(tails);
                }
            }
        }
        let vertex = self.v_mut(v);
        vertex.set_list_len(vertex.list_len().max(source_len));
    }

    /// Length checks once all list conjuncts are in.
    pub(crate) fn finish_list(&mut self, v: VertexId) {
        let vertex = self.v(v);
        if vertex.kinds != Kinds::LIST {
            return;
        }
        if let Some((closed, span)) = vertex.list_closed() {
            if vertex.list_len() > closed {
                let message = format!(
                    "incompatible list lengths ({closed} and {})",
                    vertex.list_len()
                );
                self.fail(v, EvalError::new(ErrorKind::Conflict, message, vec![span]));
            }
        }
    }

    /// `x[low:high]` of a list.
    pub(crate) fn slice(
        &mut self,
        base: Val,
        low: Option<Val>,
        high: Option<Val>,
        span: Span,
    ) -> Val {
        let list = match base {
            Val::Vertex(w) => {
                self.structure(w);
                self.resolved(w)
            }
            Val::Error(error) => return Val::Error(error),
            _ => {
                return Val::Error(EvalError::new(
                    ErrorKind::Invalid,
                    "cannot slice a non-list",
                    vec![span],
                ))
            }
        };
        if self.v(list).kinds != Kinds::LIST {
            if let Some(error) = self.error_of(list) {
                return Val::Error(error.clone());
            }
            return Val::Error(EvalError::new(
                ErrorKind::Invalid,
                "cannot slice a non-list",
                vec![span],
            ));
        }
        let len = i64::from(self.v(list).list_len());
        let bound = |this: &mut Self, value: Option<Val>, default: i64| -> Result<i64, EvalError> {
            let Some(value) = value else {
                return Ok(default);
            };
            match this.atom_of(value, span)? {
                Atom::Number(n) if n.is_int() => n.to_i64().ok_or_else(|| {
                    EvalError::new(
                        ErrorKind::Invalid,
                        format!("invalid slice index {n}"),
                        vec![span],
                    )
                }),
                other => Err(EvalError::new(
                    ErrorKind::Invalid,
                    format!("invalid slice index {other}"),
                    vec![span],
                )),
            }
        };
        let low = match bound(self, low, 0) {
            Ok(l) => l,
            Err(error) => return Val::Error(error),
        };
        let high = match bound(self, high, len) {
            Ok(h) => h,
            Err(error) => return Val::Error(error),
        };
        if low < 0 || high > len || low > high {
            let message = format!("invalid slice index [{low}:{high}] with length {len}");
            return Val::Error(EvalError::new(ErrorKind::Invalid, message, vec![span]));
        }
        let result = self.new_vertex(None, Label::Index(u32::MAX));
        self.meet_kinds(result, Kinds::LIST, span);
        for (count, i) in (low..high).enumerate() {
            let Some(arc) = self.v(list).arc(Label::Index(i as u32)).copied() else {
                continue;
            };
            let conjunct = Conjunct {
                source: Source::Vertex(arc.vertex),
                env: None,
                close: CloseRef(0),
            };
            self.add_field(
                result,
                Label::Index(count as u32),
                Optionality::Regular,
                conjunct,
            );
        }
        let count = (high - low) as u32;
        let vertex = self.v_mut(result);
        vertex.set_list_len(count);
        vertex.set_list_closed((count, span));
        vertex.synthetic = true;
        Val::Vertex(result)
    }

    /// `list + list` and `list * n`: removed in CUE v0.11 (use
    /// `list.Concat` and `list.Repeat`); an error naming the replacement.
    pub(crate) fn list_arith(
        &mut self,
        op: BinaryOp,
        left: &Val,
        right: &Val,
        span: Span,
    ) -> Option<Val> {
        let is_list = |this: &mut Self, value: &Val| match value {
            Val::Vertex(w) => {
                this.structure(*w);
                let w = this.resolved(*w);
                this.v(w).kinds == Kinds::LIST
            }
            _ => false,
        };
        if !is_list(self, left) && !is_list(self, right) {
            return None;
        }
        if self.list_arithmetic {
            return Some(self.legacy_list_arith(op, left.clone(), right.clone(), span));
        }
        let message = match op {
            BinaryOp::Add => "Addition of lists is superseded by list.Concat; see https://cuelang.org/e/v0.11-list-arithmetic",
            _ => "Multiplication of lists is superseded by list.Repeat; see https://cuelang.org/e/v0.11-list-arithmetic",
        };
        Some(Val::Error(EvalError::new(
            ErrorKind::Invalid,
            message,
            vec![span],
        )))
    }

    /// CUE's list arithmetic before v0.11 (see
    /// `Module::with_list_arithmetic`): list + list concatenates, list * n
    /// and n * list repeat.
    fn legacy_list_arith(&mut self, op: BinaryOp, left: Val, right: Val, span: Span) -> Val {
        let left = match self.builtin_value(left) {
            Ok(value) => value,
            Err(error) => return Val::Error(error),
        };
        let right = match self.builtin_value(right) {
            Ok(value) => value,
            Err(error) => return Val::Error(error),
        };
        let items = |value: &crate::builtin::Value| match value.data() {
            crate::builtin::Value::List(items) => Some(items.clone()),
            _ => None,
        };
        let count = |value: &crate::builtin::Value| match value {
            crate::builtin::Value::Number(n) => n.to_i64().filter(|n| *n >= 0),
            _ => None,
        };
        let result = match op {
            BinaryOp::Add => match (items(&left), items(&right)) {
                (Some(mut a), Some(b)) => {
                    a.extend(b);
                    Some(a)
                }
                _ => None,
            },
            BinaryOp::Mul => match (items(&left), count(&right), count(&left), items(&right)) {
                (Some(a), Some(n), _, _) | (_, _, Some(n), Some(a)) => {
                    let n = usize::try_from(n).unwrap_or(usize::MAX);
                    // A repeat is bounded like any list a builtin makes.
                    if a.len().saturating_mul(n) > MAX_REPEATED_ELEMENTS {
                        None
                    } else {
                        Some(a.iter().cloned().cycle().take(a.len() * n).collect())
                    }
                }
                _ => None,
            },
            _ => None,
        };
        match result {
            Some(items) => self.result_value(crate::builtin::Value::List(items)),
            None => Val::Error(EvalError::new(
                ErrorKind::Invalid,
                "list arithmetic needs concrete lists (and a non-negative count to repeat one)",
                vec![span],
            )),
        }
    }
}

/// The most elements `list * n` makes.
const MAX_REPEATED_ELEMENTS: usize = 1 << 20;
