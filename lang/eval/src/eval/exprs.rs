//! Expressions in value position: operands of operators, arguments,
//! conditions, interpolations. Their result is a [`Val`].

use super::{
    CloseRef, Conjunct, EnvId, ErrorKind, EvalError, Evaluator, ExprRef, Source, VertexId,
};
use crate::ir::{BinaryOp, Builtin, Expr, Part, UnaryOp};
use crate::label::Label;
use crate::num::Number;
use crate::value::{Atom, Bound, BoundOp, Kinds};
use std::sync::Arc;
use tenon_diagnostics::Span;

/// The result of evaluating an expression.
#[derive(Clone, Debug)]
pub enum Val {
    Top,
    Atom(Atom),
    /// A type (`int`, `string`).
    Kinds(Kinds),
    Bound(Bound),
    /// A struct, list or anything else held by a vertex.
    Vertex(VertexId),
    /// A package function used as a constraint.
    Validator(super::builtins::Validator),
    Error(EvalError),
}

impl Evaluator {
    pub(crate) fn eval(&mut self, e: ExprRef, env: Option<EnvId>) -> Val {
        super::with_stack(|| self.eval_now(e, env))
    }

    fn eval_now(&mut self, e: ExprRef, env: Option<EnvId>) -> Val {
        let unit = self.units[e.unit as usize].clone();
        let span = unit.code.span(e.id);
        let at = |id| ExprRef { unit: e.unit, id };
        match unit.code.expr(e.id) {
            Expr::Top => Val::Top,
            Expr::Bottom => Val::Error(EvalError::new(
                ErrorKind::Explicit,
                "explicit error (_|_ literal) in source",
                vec![span],
            )),
            Expr::Null => Val::Atom(Atom::Null),
            Expr::Bool(b) => Val::Atom(Atom::Bool(*b)),
            Expr::Number(n) => Val::Atom(Atom::Number(n.clone())),
            Expr::String(s) => Val::Atom(Atom::String(s.clone())),
            Expr::Bytes(b) => Val::Atom(Atom::Bytes(b.clone())),
            Expr::Kind(k) => Val::Kinds(*k),
            Expr::Bound(op, operand) => {
                let value = self.eval(at(*operand), env);
                match self.atom_of(value, span) {
                    Ok(atom) => match self.make_bound(*op, atom, span) {
                        Ok(bound) => Val::Bound(bound),
                        Err(error) => Val::Error(error),
                    },
                    Err(error) => Val::Error(error),
                }
            }
            Expr::Ref(reference) => self.resolve_ref(*reference, e.unit, env, span),
            Expr::Select(base, label) => match self.eval(at(*base), env) {
                Val::Vertex(b) => {
                    let name_span = unit.code.selector_span(e.id);
                    match self.select_arc(b, *label, span) {
                        Val::Error(mut error) if error.spans == [span] => {
                            error.spans.extend(name_span);
                            Val::Error(error)
                        }
                        other => other,
                    }
                }
                Val::Error(error) => Val::Error(error),
                _ => {
                    let message = format!(
                        "invalid selector {}: not a struct",
                        self.labels.text(*label)
                    );
                    Val::Error(EvalError::new(ErrorKind::Invalid, message, vec![span]))
                }
            },
            Expr::Index(base, index) => {
                let index_span = unit.code.span(*index);
                let base = self.eval(at(*base), env);
                let index = self.eval(at(*index), env);
                match self.index(base, index, span) {
                    Val::Error(mut error) if error.spans == [span] => {
                        error.spans.push(index_span);
                        Val::Error(error)
                    }
                    other => other,
                }
            }
            Expr::Struct(_) | Expr::List(_) | Expr::And(_) | Expr::Or(_) => {
                let parent = self.env_vertex(env);
                let vertex = self.new_vertex(parent, Label::Index(u32::MAX));
                self.v_mut(vertex).conjuncts.push(Conjunct {
                    source: Source::Expr(e),
                    env,
                    close: CloseRef(0),
                });
                Val::Vertex(vertex)
            }
            Expr::Unary(op, operand) => {
                let value = self.eval(at(*operand), env);
                self.unary(*op, value, span)
            }
            Expr::Binary(op, lhs, rhs) => self.binary(*op, at(*lhs), at(*rhs), env, span),
            Expr::Interpolation(parts) => self.interpolate(parts, e.unit, env),
            Expr::Call(func, args) => self.call(e, at(*func), args, env, span),
            Expr::Func(f) => self.func_value(*f, e, env, span),
            Expr::Package(index) => Val::Vertex(self.packages[*index as usize]),
            Expr::Builtin(b) => Val::Error(EvalError::new(
                ErrorKind::Invalid,
                format!("builtin {} must be called", b.name()),
                vec![span],
            )),
            Expr::Slice(base, low, high) => {
                let base = self.eval(at(*base), env);
                let low = low.map(|l| self.eval(at(l), env));
                let high = high.map(|h| self.eval(at(h), env));
                self.slice(base, low, high, span)
            }
        }
    }

    /// The innermost struct of an environment (the parent of values
    /// created while evaluating in it, for error paths).
    fn env_vertex(&self, mut env: Option<EnvId>) -> Option<VertexId> {
        while let Some(id) = env {
            match self.envs[id.index()].frame {
                super::Frame::Struct(v) => return Some(v),
                super::Frame::Vars(_) => env = self.envs[id.index()].parent,
            }
        }
        None
    }

    /// Unifies an evaluated value into `v`.
    pub(crate) fn unify_value(&mut self, v: VertexId, value: Val, span: Span, close: CloseRef) {
        match value {
            Val::Top => {}
            Val::Atom(atom) => self.meet_atom(v, atom, span),
            Val::Kinds(kinds) => self.meet_kinds(v, kinds, span),
            Val::Bound(bound) => self.meet_bound(v, bound, span),
            Val::Validator(validator) => self.meet_validator(v, validator, span),
            Val::Vertex(w) => self.add_vertex(v, w, close, None),
            Val::Error(mut error) => {
                if error.spans.is_empty() {
                    error.spans.push(span);
                }
                self.fail(v, error)
            }
        }
    }

    /// The concrete scalar of a value, or why there is none.
    pub(crate) fn atom_of(&mut self, value: Val, span: Span) -> Result<Atom, EvalError> {
        match value {
            Val::Atom(atom) => Ok(atom),
            Val::Error(error) => Err(error),
            Val::Top => Err(incomplete("_", span)),
            Val::Kinds(k) => Err(incomplete(&k.name(), span)),
            Val::Bound(b) => Err(incomplete(&b.to_string(), span)),
            Val::Validator(x) => Err(incomplete(&self.validator_text(x), span)),
            Val::Vertex(w) => {
                self.structure(w);
                let w = self.resolved(w);
                if let Some(error) = self.error_of(w) {
                    return Err(error.clone());
                }
                let vertex = self.v(w);
                if vertex.atom.is_none() && vertex.state == super::State::Evaluating {
                    self.cycle_hits += 1;
                }
                let vertex = self.v(w);
                match &vertex.atom {
                    Some((atom, _)) => Ok(atom.clone()),
                    None if vertex.disjunction().is_some() => Err(incomplete("disjunction", span)),
                    None => Err(incomplete(&self.describe(w), span)),
                }
            }
        }
    }

    /// A short description of a non-concrete value for messages.
    pub(crate) fn describe(&self, v: VertexId) -> String {
        let vertex = self.v(v);
        let mut text = vertex.kinds.name();
        if vertex.kinds == Kinds::STRUCT || vertex.kinds == Kinds::LIST {
            return text;
        }
        for (bound, _) in vertex.bounds() {
            if text == "_" || text == "number" && bound.kinds() == Kinds::NUMBER {
                text = bound.to_string();
            } else {
                text = format!("{text} & {bound}");
            }
        }
        text
    }

    pub(crate) fn eval_string(
        &mut self,
        e: ExprRef,
        env: Option<EnvId>,
    ) -> Result<Arc<str>, EvalError> {
        let span = self.code(e.unit).span(e.id);
        let value = self.eval(e, env);
        match self.atom_of(value, span)? {
            Atom::String(s) => Ok(s),
            other => Err(EvalError::new(
                ErrorKind::Invalid,
                format!("invalid label {other}: label must be a string"),
                vec![span],
            )),
        }
    }

    pub(crate) fn make_bound(
        &mut self,
        op: BoundOp,
        value: Atom,
        span: Span,
    ) -> Result<Bound, EvalError> {
        let regex = match (op, &value) {
            (BoundOp::Match | BoundOp::NotMatch, Atom::String(pattern)) => {
                Some(self.regex(pattern, span)?)
            }
            (BoundOp::Match | BoundOp::NotMatch, other) => {
                return Err(EvalError::new(
                    ErrorKind::Invalid,
                    format!("invalid regexp {other}: not a string"),
                    vec![span],
                ))
            }
            _ => None,
        };
        Ok(Bound { op, value, regex })
    }

    pub(crate) fn regex(
        &mut self,
        pattern: &str,
        span: Span,
    ) -> Result<Arc<regex::Regex>, EvalError> {
        if let Some(re) = self.regexes.get(pattern) {
            return Ok(re.clone());
        }
        match regex::Regex::new(pattern) {
            Ok(re) => {
                let re = Arc::new(re);
                self.regexes.insert(Arc::from(pattern), re.clone());
                Ok(re)
            }
            Err(error) => Err(EvalError::new(
                ErrorKind::Invalid,
                format!("invalid regexp: {}", last_line(&error.to_string())),
                vec![span],
            )),
        }
    }

    fn unary(&mut self, op: UnaryOp, value: Val, span: Span) -> Val {
        let atom = match self.atom_of(value, span) {
            Ok(atom) => atom,
            Err(error) => return Val::Error(error),
        };
        match (op, atom) {
            (UnaryOp::Not, Atom::Bool(b)) => Val::Atom(Atom::Bool(!b)),
            (UnaryOp::Neg, Atom::Number(n)) => Val::Atom(Atom::Number(n.neg())),
            (UnaryOp::Plus, Atom::Number(n)) => Val::Atom(Atom::Number(n)),
            (op, atom) => {
                let symbol = match op {
                    UnaryOp::Not => "!",
                    UnaryOp::Neg => "-",
                    UnaryOp::Plus => "+",
                };
                let message =
                    format!("invalid operand {atom} ('{symbol}' requires concrete value)");
                Val::Error(EvalError::new(ErrorKind::Invalid, message, vec![span]))
            }
        }
    }

    fn binary(
        &mut self,
        op: BinaryOp,
        lhs: ExprRef,
        rhs: ExprRef,
        env: Option<EnvId>,
        span: Span,
    ) -> Val {
        // `x == _|_` and `x != _|_` test whether `x` fails.
        let is_bottom_literal =
            |this: &Self, e: ExprRef| matches!(this.code(e.unit).expr(e.id), Expr::Bottom);
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            let other = if is_bottom_literal(self, rhs) {
                Some(lhs)
            } else if is_bottom_literal(self, lhs) {
                Some(rhs)
            } else {
                None
            };
            if let Some(other) = other {
                let failed = self.fails(other, env);
                return Val::Atom(Atom::Bool(failed == (op == BinaryOp::Eq)));
            }
        }
        if matches!(op, BinaryOp::LogicalAnd | BinaryOp::LogicalOr) {
            let left = self.eval(lhs, env);
            let left = match self.atom_of(left, span) {
                Ok(Atom::Bool(b)) => b,
                Ok(other) => return invalid_operand(op, &other, span),
                Err(error) => return Val::Error(error),
            };
            // Both operands are evaluated, as in CUE v0.14 (no short
            // circuit): an error on the right is an error.
            let right = self.eval(rhs, env);
            let right = match self.atom_of(right, span) {
                Ok(Atom::Bool(b)) => b,
                Ok(other) => return invalid_operand(op, &other, span),
                Err(error) => return Val::Error(error),
            };
            return Val::Atom(Atom::Bool(if op == BinaryOp::LogicalOr {
                left || right
            } else {
                left && right
            }));
        }
        let left = self.eval(lhs, env);
        let right = self.eval(rhs, env);
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            // A struct or list is never null (CUE compares them with null
            // without requiring them to be concrete).
            let (l, r) = (
                self.null_or_composite(&left),
                self.null_or_composite(&right),
            );
            if let (Some(a), Some(b)) = (l, r) {
                if a != b {
                    return Val::Atom(Atom::Bool(op == BinaryOp::Ne));
                }
            }
            if let (Val::Vertex(a), Val::Vertex(b)) = (&left, &right) {
                if let Some(equal) = self.lists_equal(*a, *b, span) {
                    return match equal {
                        Ok(equal) => Val::Atom(Atom::Bool(equal == (op == BinaryOp::Eq))),
                        Err(error) => Val::Error(error),
                    };
                }
                // Structs do not compare.
                if self.is_plain_struct(*a) && self.is_plain_struct(*b) {
                    let (a, b) = (self.resolved(*a), self.resolved(*b));
                    let message = format!(
                        "invalid operands {} and {} to '{}' (type struct and struct)",
                        self.struct_text(a),
                        self.struct_text(b),
                        op.as_str()
                    );
                    let spans = vec![
                        span,
                        self.code(lhs.unit).span(lhs.id),
                        self.code(rhs.unit).span(rhs.id),
                    ];
                    return Val::Error(EvalError::new(ErrorKind::Invalid, message, spans));
                }
            }
        }
        let lspan = self.code(lhs.unit).span(lhs.id);
        let rspan = self.code(rhs.unit).span(rhs.id);
        let left_origin = self.origin(&left);
        let right_origin = self.origin(&right);
        if op == BinaryOp::Add || op == BinaryOp::Mul {
            if let Some(error) = self.list_arith(op, &left, &right, span) {
                return error;
            }
        }
        let a = match self.atom_of(left, lspan) {
            Ok(a) => a,
            Err(error) => return Val::Error(error),
        };
        let b = match self.atom_of(right, rspan) {
            Ok(b) => b,
            Err(error) => return Val::Error(error),
        };
        // Regular expressions come from the evaluation's cache.
        if let (BinaryOp::Match | BinaryOp::NotMatch, Atom::String(text), Atom::String(pattern)) =
            (op, &a, &b)
        {
            return match self.regex(pattern, rspan) {
                Ok(re) => Val::Atom(Atom::Bool(re.is_match(text) == (op == BinaryOp::Match))),
                Err(error) => Val::Error(error),
            };
        }
        match super::scalar::apply_binary(op, &a, &b) {
            Ok(atom) => Val::Atom(atom),
            Err(message) => {
                let mut spans = vec![span, lspan];
                spans.extend(left_origin);
                spans.push(rspan);
                spans.extend(right_origin);
                Val::Error(EvalError::new(ErrorKind::Invalid, message, spans))
            }
        }
    }

    /// Whether two lists are equal, element by element (`None` when `a`
    /// and `b` are not both lists). Elements must be concrete scalars or
    /// lists themselves.
    fn lists_equal(
        &mut self,
        a: VertexId,
        b: VertexId,
        span: Span,
    ) -> Option<Result<bool, EvalError>> {
        self.structure(a);
        self.structure(b);
        let (a, b) = (self.resolved(a), self.resolved(b));
        let is_list = |this: &Self, v: VertexId| {
            let vertex = this.v(v);
            vertex.kinds == Kinds::LIST && vertex.error.is_none() && vertex.disjunction().is_none()
        };
        if !is_list(self, a) || !is_list(self, b) {
            return None;
        }
        let (la, lb) = (self.v(a).list_len(), self.v(b).list_len());
        let closed = self.v(a).list_tails().is_empty() && self.v(b).list_tails().is_empty();
        if !closed {
            return Some(Err(incomplete("list", span)));
        }
        if la != lb {
            return Some(Ok(false));
        }
        for i in 0..la {
            let (Some(x), Some(y)) = (
                self.v(a).arc(Label::Index(i)).copied(),
                self.v(b).arc(Label::Index(i)).copied(),
            ) else {
                return Some(Err(incomplete("list", span)));
            };
            if let Some(nested) = self.lists_equal(x.vertex, y.vertex, span) {
                match nested {
                    Ok(true) => continue,
                    other => return Some(other),
                }
            }
            let x = self.atom_of(Val::Vertex(x.vertex), span);
            let y = self.atom_of(Val::Vertex(y.vertex), span);
            match (x, y) {
                (Ok(x), Ok(y)) => match super::scalar::apply_binary(BinaryOp::Eq, &x, &y) {
                    Ok(Atom::Bool(true)) => {}
                    Ok(_) => return Some(Ok(false)),
                    Err(message) => {
                        return Some(Err(EvalError::new(ErrorKind::Invalid, message, vec![span])))
                    }
                },
                (Err(error), _) | (_, Err(error)) => return Some(Err(error)),
            }
        }
        Some(Ok(true))
    }

    /// `Some(true)` for null, `Some(false)` for a struct or list, `None`
    /// for anything else (an error, a scalar, a value not known yet).
    fn null_or_composite(&mut self, value: &Val) -> Option<bool> {
        match value {
            Val::Atom(Atom::Null) => Some(true),
            Val::Vertex(w) => {
                self.structure(*w);
                let w = self.resolved(*w);
                let vertex = self.v(w);
                if vertex.error.is_some() || vertex.disjunction().is_some() {
                    None
                } else if matches!(vertex.atom, Some((Atom::Null, _))) {
                    Some(true)
                } else if vertex.kinds == Kinds::STRUCT || vertex.kinds == Kinds::LIST {
                    Some(false)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Where the concrete value of an operand was written, when it comes
    /// from a reference.
    pub(crate) fn origin(&mut self, value: &Val) -> Option<Span> {
        let Val::Vertex(w) = value else { return None };
        self.structure(*w);
        let w = self.resolved(*w);
        self.v(w).atom.as_ref().map(|a| a.1)
    }

    /// Whether `e` counts as bottom in `x == _|_` and `x != _|_`. The
    /// usual test, `parameter.name != _|_`, selects a field that is
    /// often absent: that is bottom without the error (and its message)
    /// that evaluating the selection would build.
    fn fails(&mut self, e: ExprRef, env: Option<EnvId>) -> bool {
        let select = match self.code(e.unit).expr(e.id) {
            &Expr::Select(base, label) => Some((base, label)),
            _ => None,
        };
        let value = match select {
            Some((base, label)) => match self.eval(
                ExprRef {
                    unit: e.unit,
                    id: base,
                },
                env,
            ) {
                // As `select_arc` finds the field; anything else is an
                // error there.
                Val::Vertex(b) => {
                    self.structure(b);
                    let b = self.resolved(b);
                    match self.v(b).arc(label) {
                        Some(arc) if arc.optional != crate::ir::Optionality::Optional => {
                            Val::Vertex(arc.vertex)
                        }
                        _ => return true,
                    }
                }
                _ => return true,
            },
            None => self.eval(e, env),
        };
        self.is_bottom(value)
    }

    /// Whether a value counts as bottom in `x == _|_` and `x != _|_`: an
    /// error (a missing field included), or a scalar that is not concrete
    /// (a type, a bound, a disjunction without a default), as in CUE
    /// v0.14. A struct or list is not bottom.
    pub(crate) fn is_bottom(&mut self, value: Val) -> bool {
        match value {
            Val::Error(_) | Val::Top | Val::Kinds(_) | Val::Bound(_) | Val::Validator(_) => true,
            Val::Atom(_) => false,
            Val::Vertex(w) => {
                self.structure(w);
                let w = self.resolved(w);
                let vertex = self.v(w);
                vertex.error.is_some()
                    || vertex.disjunction().is_some()
                    || (vertex.atom.is_none()
                        && vertex.kinds != Kinds::STRUCT
                        && vertex.kinds != Kinds::LIST)
            }
        }
    }

    fn interpolate(&mut self, parts: &[Part], unit: u16, env: Option<EnvId>) -> Val {
        let mut out = String::new();
        for part in parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Expr(id) => {
                    let e = ExprRef { unit, id: *id };
                    let part_span = self.code(unit).span(*id);
                    let value = self.eval(e, env);
                    if let Some(error) = self.composite_in_interpolation(&value, part_span) {
                        return error;
                    }
                    match self.atom_of(value, part_span) {
                        Ok(Atom::String(s)) => out.push_str(&s),
                        Ok(Atom::Number(n)) => out.push_str(&n.to_string()),
                        Ok(Atom::Bool(b)) => out.push_str(if b { "true" } else { "false" }),
                        Ok(Atom::Bytes(b)) => out.push_str(&String::from_utf8_lossy(&b)),
                        Ok(Atom::Null) => {
                            let message = "invalid interpolation: cannot use null as string";
                            return Val::Error(EvalError::new(
                                ErrorKind::Invalid,
                                message,
                                vec![part_span],
                            ));
                        }
                        Err(error) => return Val::Error(error),
                    }
                }
            }
        }
        Val::Atom(Atom::String(Arc::from(out)))
    }

    /// A struct or list interpolated into a string: an error (not an
    /// incomplete value), at the interpolation and where the value is.
    fn composite_in_interpolation(&mut self, value: &Val, span: Span) -> Option<Val> {
        let Val::Vertex(w) = value else { return None };
        self.structure(*w);
        let w = self.resolved(*w);
        let vertex = self.v(w);
        let kind = match vertex.kinds {
            _ if vertex.error.is_some() || vertex.disjunction().is_some() => return None,
            k if k == Kinds::STRUCT => "struct",
            k if k == Kinds::LIST => "list",
            _ => return None,
        };
        let mut spans = vec![span];
        spans.extend(self.conjunct_span(w));
        let message = format!("invalid interpolation: cannot use {kind} (type {kind}) as a string");
        Some(Val::Error(EvalError::new(
            ErrorKind::Invalid,
            message,
            spans,
        )))
    }

    fn call(
        &mut self,
        call: ExprRef,
        func: ExprRef,
        args: &[crate::ir::ExprId],
        env: Option<EnvId>,
        span: Span,
    ) -> Val {
        let unit = call.unit;
        let builtin = match self.code(func.unit).expr(func.id) {
            Expr::Builtin(b) => *b,
            Expr::Func(f) => {
                let f = *f;
                let args: Vec<ExprRef> = args.iter().map(|&id| ExprRef { unit, id }).collect();
                return self.call_func(f, call, &args, env, span);
            }
            _ => {
                return Val::Error(EvalError::new(
                    ErrorKind::Invalid,
                    "cannot call a non-function",
                    vec![span],
                ));
            }
        };
        let args: Vec<ExprRef> = args.iter().map(|&id| ExprRef { unit, id }).collect();
        self.call_builtin(builtin, &args, env, span)
    }

    fn call_builtin(
        &mut self,
        builtin: Builtin,
        args: &[ExprRef],
        env: Option<EnvId>,
        span: Span,
    ) -> Val {
        let arity = match builtin {
            Builtin::Len | Builtin::Close | Builtin::And | Builtin::Or => 1,
            _ => 2,
        };
        if args.len() != arity {
            let message = format!(
                "{}: expected {arity} argument(s), got {}",
                builtin.name(),
                args.len()
            );
            return Val::Error(EvalError::new(ErrorKind::Invalid, message, vec![span]));
        }
        match builtin {
            Builtin::Len => {
                let value = self.eval(args[0], env);
                let arg_span = self.code(args[0].unit).span(args[0].id);
                self.builtin_len(value, span, arg_span)
            }
            Builtin::Close => {
                let value = self.eval(args[0], env);
                let arg_span = self.code(args[0].unit).span(args[0].id);
                if let Some(error) = self.not_a_struct(&value, span, arg_span) {
                    return error;
                }
                match value {
                    Val::Vertex(w) => {
                        let vertex = self.new_vertex(self.v(w).parent, Label::Index(u32::MAX));
                        let (_, close) = self.new_group(CloseRef(0));
                        self.close_nodes[close.0 as usize].shallow = true;
                        self.v_mut(vertex).conjuncts.push(Conjunct {
                            source: Source::Vertex(w),
                            env: None,
                            close,
                        });
                        Val::Vertex(vertex)
                    }
                    other => other,
                }
            }
            Builtin::And | Builtin::Or => self.builtin_and_or(builtin, args[0], env, span),
            Builtin::Div | Builtin::Mod | Builtin::Quo | Builtin::Rem => {
                let op = match builtin {
                    Builtin::Div => BinaryOp::IntDiv,
                    Builtin::Mod => BinaryOp::IntMod,
                    Builtin::Quo => BinaryOp::Quo,
                    _ => BinaryOp::Rem,
                };
                self.binary(op, args[0], args[1], env, span)
            }
        }
    }

    /// `close(x)` of a value that cannot be a struct: the error.
    fn not_a_struct(&mut self, value: &Val, span: Span, arg_span: Span) -> Option<Val> {
        let (text, kind) = match value {
            Val::Atom(atom) => (atom.to_string(), atom.kind()),
            Val::Vertex(w) => {
                self.structure(*w);
                let w = self.resolved(*w);
                let vertex = self.v(w);
                if vertex.error.is_some() || vertex.kinds.intersects(Kinds::STRUCT) {
                    return None;
                }
                let kinds = vertex.kinds;
                let text = match vertex.atom.as_ref() {
                    Some((atom, _)) => atom.to_string(),
                    None if kinds == Kinds::LIST => self.list_text(w),
                    None => return None,
                };
                (text, kinds)
            }
            _ => return None,
        };
        let message = format!(
            "cannot use {text} (type {}) as struct in argument 1 to close",
            kind.name()
        );
        Some(Val::Error(EvalError::new(
            ErrorKind::Invalid,
            message,
            vec![span, arg_span],
        )))
    }

    /// A short text of a concrete list of scalars (`[1, 2]`), or `list`.
    /// Whether `w` stands for a struct (not an error or a disjunction).
    fn is_plain_struct(&mut self, w: VertexId) -> bool {
        self.structure(w);
        let vertex = self.v(self.resolved(w));
        vertex.kinds == Kinds::STRUCT && vertex.error.is_none() && vertex.disjunction().is_none()
    }

    /// `{x: 1, y: "a"}` for a small struct of concrete scalars, else
    /// `struct`.
    fn struct_text(&mut self, w: VertexId) -> String {
        let arcs = self.v(w).arcs.clone();
        let mut parts = Vec::new();
        for arc in arcs {
            if arc.optional != crate::ir::Optionality::Regular
                || !self.labels.kind(arc.label).is_exported()
            {
                continue;
            }
            self.structure(arc.vertex);
            match &self.v(self.resolved(arc.vertex)).atom {
                Some((atom, _)) if parts.len() < 8 => {
                    parts.push(format!("{}: {atom}", self.labels.text(arc.label)));
                }
                _ => return "struct".to_string(),
            }
        }
        format!("{{{}}}", parts.join(", "))
    }

    fn list_text(&mut self, w: VertexId) -> String {
        let mut parts = Vec::new();
        for i in 0..self.v(w).list_len() {
            let Some(arc) = self.v(w).arc(Label::Index(i)).copied() else {
                return "list".to_string();
            };
            self.structure(arc.vertex);
            match &self.v(self.resolved(arc.vertex)).atom {
                Some((atom, _)) if parts.len() < 8 => parts.push(atom.to_string()),
                _ => return "list".to_string(),
            }
        }
        format!("[{}]", parts.join(", "))
    }

    fn builtin_len(&mut self, value: Val, span: Span, arg_span: Span) -> Val {
        let count = match value {
            Val::Atom(Atom::String(s)) => s.len(),
            Val::Atom(Atom::Bytes(b)) => b.len(),
            Val::Vertex(w) => {
                self.structure(w);
                let w = self.resolved(w);
                if let Some(error) = self.error_of(w) {
                    return Val::Error(error.clone());
                }
                let vertex = self.v(w);
                match &vertex.atom {
                    Some((Atom::String(s), _)) => s.len(),
                    Some((Atom::Bytes(b), _)) => b.len(),
                    Some((atom, _)) => return len_of_scalar(atom, span, arg_span),
                    _ if vertex.kinds == Kinds::LIST => vertex.list_len() as usize,
                    _ if vertex.kinds == Kinds::STRUCT => vertex
                        .arcs
                        .iter()
                        .filter(|a| {
                            a.optional == crate::ir::Optionality::Regular
                                && self.labels.kind(a.label).is_exported()
                        })
                        .count(),
                    _ => return Val::Error(incomplete(&self.describe(w), span)),
                }
            }
            Val::Error(error) => return Val::Error(error),
            Val::Atom(atom) => return len_of_scalar(&atom, span, arg_span),
            other => {
                let what = match other {
                    Val::Kinds(k) => k.name(),
                    Val::Bound(b) => b.to_string(),
                    Val::Validator(x) => self.validator_text(x),
                    _ => "_".to_string(),
                };
                return Val::Error(super::exprs::incomplete(&what, span));
            }
        };
        Val::Atom(Atom::Number(Number::from_i64(count as i64)))
    }

    /// `and(list)`: the unification of the elements; `or(list)`: their
    /// disjunction.
    fn builtin_and_or(
        &mut self,
        builtin: Builtin,
        arg: ExprRef,
        env: Option<EnvId>,
        span: Span,
    ) -> Val {
        let elements = match self.list_elements(builtin.name(), arg, env, span) {
            Ok(elements) => elements,
            Err(error) => return Val::Error(error),
        };
        let vertex = self.new_vertex(None, Label::Index(u32::MAX));
        if builtin == Builtin::And {
            for element in elements {
                self.v_mut(vertex).conjuncts.push(Conjunct {
                    source: Source::Vertex(element),
                    env: None,
                    close: CloseRef(0),
                });
            }
            return Val::Vertex(vertex);
        }
        if elements.is_empty() {
            return Val::Error(super::disjunction::empty_disjunction(span));
        }
        self.v_mut(vertex).state = super::State::Evaluating;
        self.resolve_alternatives(vertex, elements.into_iter().map(|e| (e, false)).collect());
        self.v_mut(vertex).state = super::State::Done;
        Val::Vertex(vertex)
    }
}

fn invalid_operand(op: BinaryOp, atom: &Atom, span: Span) -> Val {
    let message = format!("invalid operand {atom} ('{}' requires bool)", op.as_str());
    Val::Error(EvalError::new(ErrorKind::Invalid, message, vec![span]))
}

pub(crate) fn incomplete(what: &str, span: Span) -> EvalError {
    EvalError::new(
        ErrorKind::Incomplete,
        format!("incomplete value {what}"),
        vec![span],
    )
}

/// The last non-empty line of a multi-line message (the regex crate puts
/// the reason there).
fn last_line(text: &str) -> String {
    text.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(text)
        .trim()
        .to_string()
}

/// `len` of a number, boolean or null: refused.
fn len_of_scalar(atom: &Atom, span: Span, arg_span: Span) -> Val {
    let message = format!(
        "cannot use {atom} (type {}) as string, bytes, list or struct in argument 1 to len",
        atom.kind().name()
    );
    Val::Error(EvalError::new(
        ErrorKind::Invalid,
        message,
        vec![span, arg_span],
    ))
}
