//! Comprehensions: `for`, `if` and `let` clauses produce one environment
//! per iteration; the body is unified into the struct (or appended to the
//! list) once per environment.

use super::exprs::Val;
use super::{
    CloseRef, Conjunct, EnvId, ErrorKind, EvalError, Evaluator, ExprRef, Frame, Source, VertexId,
};
use crate::ir::{Clause, Decl, Expr, Optionality};
use crate::label::Label;
use crate::num::Number;
use crate::value::{Atom, Kinds};

impl Evaluator {
    /// The comprehension declaration `index` of the struct literal `decl`.
    pub(crate) fn add_struct_comprehension(
        &mut self,
        v: VertexId,
        decl: ExprRef,
        index: u32,
        env: EnvId,
        close: CloseRef,
    ) {
        let unit = self.units[decl.unit as usize].clone();
        let Expr::Struct(lit) = unit.code.expr(decl.id) else {
            return;
        };
        let Decl::Comprehension(c) = &lit.decls[index as usize] else {
            return;
        };
        let mut bodies = Vec::new();
        if let Err(error) = self.run_clauses(decl.unit, &c.clauses, Some(env), Some(v), &mut bodies)
        {
            self.fail(v, error);
            return;
        }
        for body_env in bodies {
            let body = Conjunct {
                source: Source::Expr(ExprRef {
                    unit: decl.unit,
                    id: c.body,
                }),
                env: Some(body_env),
                close,
            };
            self.add_conjunct(v, body);
        }
    }

    /// Runs `clauses` from `env`, collecting the environment of every
    /// iteration that reaches the body. `into` is the struct the bodies
    /// go into (none for a list): a `for` over that very struct locks its
    /// fields, as CUE does, so that a body adding one is an error instead
    /// of a result that is not a fixpoint.
    pub(crate) fn run_clauses(
        &mut self,
        unit: u16,
        clauses: &[Clause],
        env: Option<EnvId>,
        into: Option<VertexId>,
        out: &mut Vec<EnvId>,
    ) -> Result<(), EvalError> {
        let Some((clause, rest)) = clauses.split_first() else {
            if let Some(env) = env {
                out.push(env);
            }
            return Ok(());
        };
        match clause {
            Clause::For { key, source } => {
                let e = ExprRef { unit, id: *source };
                let span = self.code(unit).span(*source);
                let source = match self.eval(e, env) {
                    Val::Vertex(s) => s,
                    Val::Error(error) => return Err(error),
                    other => {
                        let what = match self.atom_of(other, span) {
                            Ok(atom) => atom.to_string(),
                            Err(error) => return Err(error),
                        };
                        let message = format!("cannot range over {what} (found {})", "scalar");
                        return Err(EvalError::new(ErrorKind::Invalid, message, vec![span]));
                    }
                };
                self.structure(source);
                let source = self.resolved(source);
                if let Some(error) = self.error_of(source) {
                    return Err(error.clone());
                }
                let kinds = self.v(source).kinds;
                if kinds != Kinds::STRUCT && kinds != Kinds::LIST {
                    let what = match &self.v(source).atom {
                        Some((atom, _)) => atom.to_string(),
                        None => return Err(super::exprs::incomplete(&self.describe(source), span)),
                    };
                    let message = format!("cannot range over {what} (found {})", kinds.name());
                    return Err(EvalError::new(ErrorKind::Invalid, message, vec![span]));
                }
                if into.is_some_and(|into| self.resolved(into) == source) {
                    self.v_mut(source).arcs_locked = true;
                }
                let arcs = self.v(source).arcs.clone();
                for arc in arcs {
                    if arc.optional != Optionality::Regular
                        || !self.labels.kind(arc.label).is_exported()
                    {
                        continue;
                    }
                    let value = arc.vertex;
                    let frame = if *key {
                        Frame::Vars([self.key_vertex(arc.label), value])
                    } else {
                        Frame::Vars([value, value])
                    };
                    let inner = self.new_env(env, frame);
                    self.run_clauses(unit, rest, Some(inner), into, out)?;
                }
                Ok(())
            }
            Clause::If(condition) => {
                let e = ExprRef {
                    unit,
                    id: *condition,
                };
                let span = self.code(unit).span(*condition);
                let value = self.eval(e, env);
                // Where a referenced condition's value was written.
                let origin = self.origin(&value);
                match self.atom_of(value, span)? {
                    Atom::Bool(true) => self.run_clauses(unit, rest, env, into, out),
                    Atom::Bool(false) => Ok(()),
                    other => Err(EvalError::new(
                        ErrorKind::Invalid,
                        format!("invalid condition {other}: must be a bool"),
                        std::iter::once(span).chain(origin).collect(),
                    )),
                }
            }
            Clause::Let(value) => {
                let parent = self.env_struct(env);
                let vertex = self.new_vertex(parent, Label::Index(u32::MAX));
                let conjunct = Conjunct {
                    source: Source::Expr(ExprRef { unit, id: *value }),
                    env,
                    close: CloseRef(0),
                };
                self.v_mut(vertex).conjuncts.push(conjunct);
                let inner = self.new_env(env, Frame::Vars([vertex, vertex]));
                self.run_clauses(unit, rest, Some(inner), into, out)
            }
        }
    }

    /// The value of a comprehension key: one synthetic vertex per label,
    /// shared by every iteration that has it (it is never changed).
    fn key_vertex(&mut self, label: Label) -> VertexId {
        if let Some(&vertex) = self.keys.get(&label) {
            return vertex;
        }
        let atom = match label {
            Label::Index(i) => Atom::Number(Number::from_i64(i64::from(i))),
            Label::Field(_) => Atom::String(self.labels.shared_text(label)),
        };
        let vertex = self.synthetic(atom);
        self.keys.insert(label, vertex);
        vertex
    }

    fn env_struct(&self, mut env: Option<EnvId>) -> Option<VertexId> {
        while let Some(id) = env {
            match self.envs[id.index()].frame {
                Frame::Struct(v) => return Some(v),
                Frame::Vars(_) => env = self.envs[id.index()].parent,
            }
        }
        None
    }
}
