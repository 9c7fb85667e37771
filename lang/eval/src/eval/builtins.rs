//! Calls of package functions (`strings.ToUpper(x)`) and validators
//! (`strings.MinRunes(3)`, `net.IPv4`). Arguments become
//! [`builtin::Value`]s (what is not concrete stays an opaque handle to its
//! vertex), the function runs, and its result becomes a value again.

use super::exprs::Val;
use super::{
    CloseRef, Conjunct, EnvId, ErrorKind, EvalError, Evaluator, ExprRef, Source, VertexId,
};
use crate::builtin::{Args, CallError, Context, Opaque, Value};
use crate::ir::{Expr, FuncRef, Optionality};
use crate::label::{Label, LabelKind};
use crate::value::{Atom, Kinds};
use std::sync::Arc;
use tenon_diagnostics::Span;

/// A validator waiting for its value: the function, and the call (or bare
/// function reference) whose arguments complete it.
#[derive(Clone, Copy, Debug)]
pub struct Validator {
    pub func: FuncRef,
    pub call: ExprRef,
    pub env: Option<EnvId>,
}

impl Evaluator {
    /// `f(args…)`: the call's value, or a validator when a validator is
    /// given one argument fewer than it takes.
    pub(crate) fn call_func(
        &mut self,
        f: FuncRef,
        call: ExprRef,
        args: &[ExprRef],
        env: Option<EnvId>,
        span: Span,
    ) -> Val {
        let (have, want) = (args.len(), f.func.params.len());
        if f.func.validator && have + 1 == want {
            return Val::Validator(Validator { func: f, call, env });
        }
        if have > want || have + f.func.optional < want {
            let which = if have > want {
                "too many"
            } else {
                "not enough"
            };
            let message = format!(
                "{which} arguments in call to {} (have {have}, want {want})",
                f.qualified_name()
            );
            return Val::Error(EvalError::new(ErrorKind::Invalid, message, vec![span]));
        }
        let mut values = Vec::with_capacity(have);
        for &arg in args {
            let value = self.eval(arg, env);
            match self.builtin_value(value) {
                Ok(value) => values.push(value),
                Err(error) => return Val::Error(error),
            }
        }
        match self.run_func(f, values, span) {
            Ok(value) => self.result_value(value),
            Err((error, values)) => Val::Error(self.call_error(f, error, &values, span)),
        }
    }

    /// A function named without a call: a validator of one parameter
    /// (`net.IPv4`), or an error.
    pub(crate) fn func_value(
        &mut self,
        f: FuncRef,
        e: ExprRef,
        env: Option<EnvId>,
        span: Span,
    ) -> Val {
        if f.func.validator && f.func.params.len() == 1 {
            return Val::Validator(Validator {
                func: f,
                call: e,
                env,
            });
        }
        let message = format!(
            "cannot use function {} as a value: call it",
            f.qualified_name()
        );
        Val::Error(EvalError::new(ErrorKind::Invalid, message, vec![span]))
    }

    fn run_func(
        &mut self,
        f: FuncRef,
        values: Vec<Value>,
        span: Span,
    ) -> Result<Value, (CallError, Vec<Value>)> {
        let args = Args::new(f.qualified_name(), values);
        let result = (f.func.run)(&args, &mut CallContext { eval: self, span });
        result.map_err(|e| (e, args.values))
    }

    fn call_error(&self, f: FuncRef, error: CallError, values: &[Value], span: Span) -> EvalError {
        let name = f.qualified_name();
        match error {
            CallError::Incomplete => {
                let (index, value) = values
                    .iter()
                    .enumerate()
                    .find(|(_, v)| !v.is_concrete())
                    .map(|(i, v)| (i + 1, v.to_string()))
                    .unwrap_or((1, "_".into()));
                let message = format!("incomplete argument {index} ({value}) in call to {name}");
                EvalError::new(ErrorKind::Incomplete, message, vec![span])
            }
            CallError::Failed(message) => EvalError::new(
                ErrorKind::Invalid,
                format!("error in call to {name}: {message}"),
                vec![span],
            ),
            CallError::Argument(message) => EvalError::new(ErrorKind::Invalid, message, vec![span]),
            CallError::Unsatisfied(message) => {
                EvalError::new(ErrorKind::Invalid, format!("{name}: {message}"), vec![span])
            }
        }
    }

    /// The arguments a validator was given (the value aside), evaluated.
    fn validator_args(&mut self, validator: Validator) -> Result<Vec<Value>, EvalError> {
        let unit = self.units[validator.call.unit as usize].clone();
        let Expr::Call(_, args) = unit.code.expr(validator.call.id) else {
            return Ok(Vec::new());
        };
        let mut values = Vec::with_capacity(args.len() + 1);
        for &id in args.iter() {
            let arg = ExprRef {
                unit: validator.call.unit,
                id,
            };
            let value = self.eval(arg, validator.env);
            values.push(self.builtin_value(value)?);
        }
        Ok(values)
    }

    /// How a validator prints: `strings.MinRunes(3)`, `net.IPv4`,
    /// `list.UniqueItems`.
    pub(crate) fn validator_text(&mut self, validator: Validator) -> String {
        let args = self.validator_args(validator).unwrap_or_default();
        call_text(validator.func, &args)
    }

    /// Adds a validator to `v` (checked when the value is finished).
    pub(crate) fn meet_validator(&mut self, v: VertexId, validator: Validator, span: Span) {
        let vertex = self.v_mut(v);
        let duplicate = vertex
            .validators()
            .iter()
            .any(|(x, _)| x.call == validator.call && x.env == validator.env);
        if !duplicate {
            vertex.rare_mut().validators.push((validator, span));
        }
    }

    /// Runs the validators of `v` on its value (once it is evaluated).
    pub(crate) fn check_validators(&mut self, v: VertexId) {
        let validators = self.v(v).validators().to_vec();
        for (validator, span) in validators {
            if self.error_of(v).is_some() {
                return;
            }
            if let Some(error) = self.run_validator(v, validator, span) {
                self.fail(v, error);
            }
        }
    }

    fn run_validator(
        &mut self,
        v: VertexId,
        validator: Validator,
        span: Span,
    ) -> Option<EvalError> {
        let value = match self.builtin_value(Val::Vertex(v)) {
            Ok(value) => value,
            Err(error) => return Some(error),
        };
        let mut args = match self.validator_args(validator) {
            Ok(args) => args,
            Err(error) => return Some(error),
        };
        let text = call_text(validator.func, &args);
        if !value.is_concrete() && !matches!(value.data(), Value::List(_) | Value::Struct(_)) {
            let message = format!("incomplete value {text}");
            return Some(EvalError::new(ErrorKind::Incomplete, message, vec![span]));
        }
        args.insert(0, value.clone());
        let mut spans = vec![span];
        spans.extend(self.v(v).atom.as_ref().map(|a| a.1));
        let unsatisfied = |detail: Option<String>| {
            let mut message = format!("invalid value {value} (does not satisfy {text})");
            if let Some(detail) = detail {
                message = format!("{message}: {detail}");
            }
            EvalError::new(ErrorKind::Bound, message, spans.clone())
        };
        match self.run_func(validator.func, args, span) {
            Ok(Value::Bool(true)) => None,
            Ok(Value::Bool(false)) => Some(unsatisfied(None)),
            Ok(other) => Some(EvalError::new(
                ErrorKind::Invalid,
                format!("{text} returned {other}, not a bool"),
                vec![span],
            )),
            Err((CallError::Unsatisfied(detail), _)) => Some(unsatisfied(Some(detail))),
            Err((CallError::Failed(detail), _)) => Some(unsatisfied(Some(format!(
                "error in call to {}: {detail}",
                validator.func.qualified_name()
            )))),
            Err((CallError::Incomplete, _)) => Some(EvalError::new(
                ErrorKind::Incomplete,
                format!("incomplete value {text}"),
                vec![span],
            )),
            Err((CallError::Argument(message), _)) => {
                Some(EvalError::new(ErrorKind::Invalid, message, vec![span]))
            }
        }
    }

    /// An evaluated value as a function sees it.
    pub(crate) fn builtin_value(&mut self, value: Val) -> Result<Value, EvalError> {
        match value {
            Val::Atom(atom) => Ok(atom_value(atom)),
            Val::Error(error) => Err(error),
            Val::Vertex(w) => self.vertex_value(w),
            other => {
                let vertex = self.new_vertex(None, Label::Index(u32::MAX));
                self.v_mut(vertex).state = super::State::Evaluating;
                self.unify_value(vertex, other, Span::default(), CloseRef(0));
                self.v_mut(vertex).state = super::State::Done;
                Ok(self.opaque(vertex))
            }
        }
    }

    fn opaque(&self, v: VertexId) -> Value {
        let vertex = self.v(v);
        Value::Opaque(Opaque {
            vertex: v.index(),
            kinds: vertex.kinds,
            text: Arc::from(self.describe(v)),
            view: None,
        })
    }

    fn vertex_value(&mut self, w: VertexId) -> Result<Value, EvalError> {
        super::with_stack(|| self.vertex_value_now(w))
    }

    fn vertex_value_now(&mut self, w: VertexId) -> Result<Value, EvalError> {
        self.structure(w);
        let w = self.resolved(w);
        if let Some(error) = self.error_of(w) {
            if !error.is_incomplete() {
                return Err(error.clone());
            }
            return Ok(self.opaque(w));
        }
        let vertex = self.v(w);
        if let Some((atom, _)) = &vertex.atom {
            return Ok(atom_value(atom.clone()));
        }
        if vertex.disjunction().is_some() {
            return Ok(self.opaque(w));
        }
        let plain = self.plain_value(w)?;
        let parts_are_data = match &plain {
            Value::List(items) => items.iter().all(|v| !matches!(v, Value::Opaque(_))),
            Value::Struct(fields) => fields.iter().all(|(_, v)| !matches!(v, Value::Opaque(_))),
            _ => return Ok(plain),
        };
        if parts_are_data && self.plain_shape(w) {
            return Ok(plain);
        }
        // A schema rather than data (a definition, optional fields,
        // patterns, an open list, fields not concrete yet) stays opaque, so
        // that unifying it later keeps all its constraints; functions read
        // its fields through the view.
        let Value::Opaque(mut opaque) = self.opaque(w) else {
            return Ok(plain);
        };
        opaque.view = Some(Box::new(plain));
        Ok(Value::Opaque(opaque))
    }

    /// The regular fields or elements of `w` (evaluated), converted.
    fn plain_value(&mut self, w: VertexId) -> Result<Value, EvalError> {
        let vertex = self.v(w);
        if vertex.kinds == Kinds::LIST {
            let elements: Vec<VertexId> = (0..vertex.list_len())
                .filter_map(|i| vertex.arc(Label::Index(i)).map(|a| a.vertex))
                .collect();
            let mut items = Vec::with_capacity(elements.len());
            for element in elements {
                items.push(self.vertex_value(element)?);
            }
            return Ok(Value::List(items));
        }
        if vertex.kinds == Kinds::STRUCT {
            let arcs: Vec<(Label, VertexId)> = vertex
                .arcs
                .iter()
                .filter(|a| {
                    a.optional == Optionality::Regular && self.labels.kind(a.label).is_exported()
                })
                .map(|a| (a.label, a.vertex))
                .collect();
            let mut fields = Vec::with_capacity(arcs.len());
            for (label, arc) in arcs {
                let name: Arc<str> = Arc::from(&*self.labels.text(label));
                fields.push((name, self.vertex_value(arc)?));
            }
            return Ok(Value::Struct(fields));
        }
        Ok(self.opaque(w))
    }

    /// Whether the struct or list `w` (evaluated) has the shape of data:
    /// no optional fields, patterns, open list (a tail without a literal
    /// closing the length) or closedness of its own. (Its parts are checked as they are converted.)
    fn plain_shape(&self, w: VertexId) -> bool {
        let vertex = self.v(w);
        match vertex.kinds {
            // A tail type constrains elements; a list literal unified in
            // fixes the length all the same (`[...int] & [2]` is data).
            Kinds::LIST => vertex.list_tails().is_empty() || vertex.list_closed().is_some(),
            Kinds::STRUCT => {
                vertex.patterns().is_empty()
                    && vertex.groups().iter().all(|g| g.open)
                    && vertex
                        .arcs
                        .iter()
                        .all(|a| a.optional == Optionality::Regular)
            }
            _ => false,
        }
    }

    /// A function's result as a value.
    pub(crate) fn result_value(&mut self, value: Value) -> Val {
        match value {
            Value::Opaque(o) => Val::Vertex(VertexId::new(o.vertex)),
            Value::List(_) | Value::Struct(_) => Val::Vertex(self.value_vertex(value)),
            scalar => match scalar_atom(scalar) {
                Some(atom) => Val::Atom(atom),
                None => Val::Top,
            },
        }
    }

    /// A finished vertex holding `value` (opaque parts refer to their
    /// vertices).
    fn value_vertex(&mut self, value: Value) -> VertexId {
        let v = match value {
            Value::Opaque(o) => {
                let v = self.new_vertex(None, Label::Index(u32::MAX));
                self.v_mut(v).conjuncts.push(Conjunct {
                    source: Source::Vertex(VertexId::new(o.vertex)),
                    env: None,
                    close: CloseRef(0),
                });
                return v;
            }
            Value::List(items) => {
                let list = self.new_vertex(None, Label::Index(u32::MAX));
                let len = items.len() as u32;
                for (i, item) in items.into_iter().enumerate() {
                    let child = self.value_vertex(item);
                    self.attach(list, Label::Index(i as u32), child);
                }
                let vertex = self.v_mut(list);
                vertex.kinds = Kinds::LIST;
                vertex.set_list_len(len);
                vertex.set_list_closed((len, Default::default()));
                list
            }
            Value::Struct(fields) => {
                let node = self.new_vertex(None, Label::Index(u32::MAX));
                for (name, item) in fields {
                    let child = self.value_vertex(item);
                    let label = self.labels.intern(&name, LabelKind::of_ident(&name));
                    self.attach(node, label, child);
                }
                self.v_mut(node).kinds = Kinds::STRUCT;
                node
            }
            scalar => match scalar_atom(scalar) {
                Some(atom) => self.synthetic(atom),
                None => self.new_vertex(None, Label::Index(u32::MAX)),
            },
        };
        let vertex = self.v_mut(v);
        vertex.synthetic = true;
        vertex.state = super::State::Done;
        v
    }
}

/// How a validator prints: `strings.MinRunes(3)`, or the bare name when
/// it has no arguments of its own (`net.IPv4`, `list.UniqueItems`).
fn call_text(func: FuncRef, args: &[Value]) -> String {
    let name = func.qualified_name();
    if args.is_empty() {
        return name;
    }
    let args: Vec<String> = args.iter().map(Value::to_string).collect();
    format!("{name}({})", args.join(", "))
}

fn atom_value(atom: Atom) -> Value {
    match atom {
        Atom::Null => Value::Null,
        Atom::Bool(b) => Value::Bool(b),
        Atom::Number(n) => Value::Number(n),
        Atom::String(s) => Value::String(s),
        Atom::Bytes(b) => Value::Bytes(b),
    }
}

fn scalar_atom(value: Value) -> Option<Atom> {
    Some(match value {
        Value::Null => Atom::Null,
        Value::Bool(b) => Atom::Bool(b),
        Value::Number(n) => Atom::Number(n),
        Value::String(s) => Atom::String(s),
        Value::Bytes(b) => Atom::Bytes(b),
        Value::List(_) | Value::Struct(_) | Value::Opaque(_) => return None,
    })
}

/// The evaluator's services to a running function.
struct CallContext<'a> {
    eval: &'a mut Evaluator,
    span: Span,
}

impl Context for CallContext<'_> {
    fn unify(&mut self, values: &[&Value]) -> Result<Value, CallError> {
        let eval = &mut *self.eval;
        let v = eval.new_vertex(None, Label::Index(u32::MAX));
        for value in values {
            let part = eval.value_vertex((*value).clone());
            eval.v_mut(v).conjuncts.push(Conjunct {
                source: Source::Vertex(part),
                env: None,
                close: CloseRef(0),
            });
        }
        eval.finalize(v);
        if let Some(error) = eval.deep_error(v) {
            // The path within the unified value names the failing field.
            let path = error.vertex.map(|e| eval.path(e)).unwrap_or_default();
            return Err(CallError::Failed(if path.is_empty() {
                error.message
            } else {
                format!("{path}: {}", error.message)
            }));
        }
        // The result's own fields are always visible (a comparator's
        // `less`), even when others of them are not data.
        let v = eval.resolved(v);
        if eval.v(v).kinds != Kinds::STRUCT {
            return eval
                .vertex_value(v)
                .map_err(|e| CallError::Failed(e.message));
        }
        let arcs: Vec<(Label, VertexId)> = eval
            .v(v)
            .arcs
            .iter()
            .filter(|a| {
                a.optional == Optionality::Regular && eval.labels.kind(a.label).is_exported()
            })
            .map(|a| (a.label, a.vertex))
            .collect();
        let mut fields = Vec::with_capacity(arcs.len());
        for (label, arc) in arcs {
            let name: Arc<str> = Arc::from(&*eval.labels.text(label));
            let value = eval
                .vertex_value(arc)
                .map_err(|e| CallError::Failed(e.message))?;
            fields.push((name, value));
        }
        Ok(Value::Struct(fields))
    }

    fn regex(&mut self, pattern: &str) -> Result<Arc<regex::Regex>, CallError> {
        self.eval
            .regex(pattern, self.span)
            .map_err(|e| CallError::Failed(e.message))
    }
}
