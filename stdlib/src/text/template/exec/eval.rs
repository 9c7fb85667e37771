//! Evaluating pipelines, commands (function calls, fields, variables,
//! chains) and arguments, with Go's conversions to the builtins'
//! parameter types.

use super::{ArgType, At, Res, State};
use crate::limits;
use crate::text::template::funcs;
use crate::text::template::node::{Arg, Command, Number, Pipe};
use crate::text::template::value::{Typed, Val};

impl<'a> State<'a> {
    /// A pipeline's value; its declarations are made.
    pub fn eval_pipeline(&mut self, dot: &Typed, pipe: &'a Pipe) -> Res<Typed> {
        limits::with_stack(|| self.eval_pipeline_now(dot, pipe))
    }

    fn eval_pipeline_now(&mut self, dot: &Typed, pipe: &'a Pipe) -> Res<Typed> {
        let mut value: Option<Typed> = None;
        for cmd in &pipe.cmds {
            let v = self.eval_command(dot, cmd, value.take())?;
            value = Some(v.unwrap());
        }
        let value = value.unwrap_or(Typed::new(Val::Missing));
        for name in &pipe.decl {
            if pipe.is_assign {
                self.set_var(name, value.clone())?;
            } else {
                self.vars.push((name.clone(), value.clone()));
            }
        }
        Ok(value)
    }

    /// A command; `last` is the value piped into it.
    fn eval_command(&mut self, dot: &Typed, cmd: &'a Command, last: Option<Typed>) -> Res<Typed> {
        self.step()?;
        let Some(first) = cmd.args.first() else {
            return Err(self.fail("empty command"));
        };
        match first {
            Arg::Field { idents, .. } => {
                self.at = At::Arg(first);
                return self.eval_field_chain(dot.clone(), first, idents, &cmd.args, last);
            }
            Arg::Chain { .. } => return self.eval_chain(dot, first, &cmd.args, last),
            Arg::Identifier(_, name) => {
                self.at = At::Arg(first);
                return funcs::call(self, dot, name, &cmd.args[1..], At::Command(cmd), last);
            }
            Arg::Pipe(pipe) => {
                self.not_a_function(&cmd.args, &last)?;
                return self.eval_pipeline(dot, pipe);
            }
            Arg::Variable { .. } => return self.eval_variable(first, &cmd.args, last),
            _ => {}
        }
        self.at = At::Arg(first);
        self.not_a_function(&cmd.args, &last)?;
        Ok(Typed::new(match first {
            Arg::Bool(_, b) => Val::Bool(*b),
            Arg::Dot(_) => return Ok(dot.clone()),
            Arg::Number(_, n) => return self.ideal_constant(first, n),
            Arg::String { text, .. } => Val::string(text.as_str()),
            _ => return Err(self.fail("nil is not a command")),
        }))
    }

    fn not_a_function(&self, args: &[Arg], last: &Option<Typed>) -> Res<()> {
        if args.len() > 1 || last.is_some() {
            let first = args.first().map(ToString::to_string).unwrap_or_default();
            return Err(self.fail(format!("can't give argument to non-function {first}")));
        }
        Ok(())
    }

    /// Go's `idealConstant`: a number constant as an int, or as a float
    /// when written like one.
    fn ideal_constant(&mut self, node: &'a Arg, n: &Number) -> Res<Typed> {
        self.at = At::Arg(node);
        let text = &n.text;
        let hex_int = text.len() > 2
            && (text.starts_with("0x") || text.starts_with("0X"))
            && !text.contains(['p', 'P']);
        if let Some((re, im)) = n.complex {
            return Ok(Typed::new(Val::Complex(re, im)));
        }
        if let Some(f) = n.float {
            if !hex_int && !n.is_char && text.contains(['.', 'e', 'E', 'p', 'P']) {
                return Ok(Typed::new(Val::Float(f)));
            }
        }
        if let Some(i) = n.int {
            return Ok(Typed::new(Val::Int(i)));
        }
        if n.uint.is_some() {
            return Err(self.fail(format!("{text} overflows int")));
        }
        Ok(Typed::new(Val::Missing))
    }

    fn eval_chain(
        &mut self,
        dot: &Typed,
        chain: &'a Arg,
        args: &'a [Arg],
        last: Option<Typed>,
    ) -> Res<Typed> {
        self.at = At::Arg(chain);
        let Arg::Chain { node, fields, .. } = chain else {
            return Err(self.fail("internal error: not a chain"));
        };
        if matches!(**node, Arg::Nil(_)) {
            return Err(self.fail(format!("indirection through explicit nil in {chain}")));
        }
        let receiver = self.eval_arg(dot, node, None)?;
        self.at = At::Arg(chain);
        self.eval_field_chain(receiver, chain, fields, args, last)
    }

    fn eval_variable(&mut self, var: &'a Arg, args: &'a [Arg], last: Option<Typed>) -> Res<Typed> {
        self.at = At::Arg(var);
        let Arg::Variable { idents, .. } = var else {
            return Err(self.fail("internal error: not a variable"));
        };
        let value = self.var_value(idents.first().map_or("$", String::as_str))?;
        if idents.len() == 1 {
            self.not_a_function(args, &last)?;
            return Ok(value);
        }
        self.eval_field_chain(value, var, &idents[1..], args, last)
    }

    fn eval_field_chain(
        &mut self,
        mut receiver: Typed,
        node: &'a Arg,
        idents: &[String],
        args: &'a [Arg],
        last: Option<Typed>,
    ) -> Res<Typed> {
        self.at = At::Arg(node);
        let Some((final_ident, path)) = idents.split_last() else {
            return Ok(receiver);
        };
        for ident in path {
            receiver = self.eval_field(ident, &[], None, receiver)?;
        }
        self.eval_field(final_ident, args, last, receiver)
    }

    /// Go's `evalField` on the values CUE decodes to: a map's entry.
    fn eval_field(
        &mut self,
        name: &str,
        args: &[Arg],
        last: Option<Typed>,
        receiver: Typed,
    ) -> Res<Typed> {
        match &receiver.val {
            Val::Missing => Ok(Typed::new(Val::Missing)),
            Val::Nil => Err(self.fail(format!(
                "nil pointer evaluating {}.{name}",
                receiver.type_name()
            ))),
            Val::Map(map) => {
                if args.len() > 1 || last.is_some() {
                    return Err(self.fail(format!("{name} is not a method but has arguments")));
                }
                Ok(match map.get(name) {
                    Some(v) => Typed::element(v.clone()),
                    None => Typed::new(Val::Missing),
                })
            }
            _ => Err(self.fail(format!(
                "can't evaluate field {name} in type {}",
                receiver.type_name()
            ))),
        }
    }

    /// An argument of a function (Go's `evalArg`); `None` is no type
    /// (the receiver of a chain).
    pub fn eval_arg(&mut self, dot: &Typed, arg: &'a Arg, typ: Option<ArgType>) -> Res<Typed> {
        self.at = At::Arg(arg);
        let value = match arg {
            Arg::Dot(_) => dot.clone(),
            Arg::Nil(_) => {
                return match typ {
                    Some(ArgType::Any) => Ok(Typed::new(Val::Nil)),
                    Some(ArgType::String) => Err(self.fail("cannot assign nil to string")),
                    _ => Ok(Typed::new(Val::Missing)),
                }
            }
            Arg::Field { idents, .. } => {
                self.eval_field_chain(dot.clone(), arg, idents, &[], None)?
            }
            Arg::Variable { .. } => self.eval_variable(arg, &[], None)?,
            Arg::Pipe(pipe) => self.eval_pipeline(dot, pipe)?,
            Arg::Identifier(_, name) => funcs::call(self, dot, name, &[], At::Arg(arg), None)?,
            Arg::Chain { .. } => self.eval_chain(dot, arg, &[], None)?,
            Arg::Bool(_, b) if typ != Some(ArgType::String) => Typed::new(Val::Bool(*b)),
            Arg::Number(_, n) if typ != Some(ArgType::String) => self.ideal_constant(arg, n)?,
            Arg::String { text, .. } => Typed::new(Val::string(text.as_str())),
            _ => return Err(self.fail(format!("expected string; found {arg}"))),
        };
        self.at = At::Arg(arg);
        self.validate(value, typ)
    }

    /// Go's `validateType` for the builtins' parameter types.
    pub fn validate(&self, value: Typed, typ: Option<ArgType>) -> Res<Typed> {
        match (typ, &value.val) {
            (Some(ArgType::Any), Val::Missing) => Ok(Typed::new(Val::Nil)),
            (Some(ArgType::String), Val::Missing) => {
                Err(self.fail("invalid value; expected string"))
            }
            (Some(ArgType::String), Val::String(_)) => Ok(Typed::new(value.val)),
            (Some(ArgType::String), val) => {
                let got = match val {
                    Val::Nil if value.iface => "interface {}",
                    val => val.type_name(),
                };
                Err(self.fail(format!("wrong type for value; expected string; got {got}")))
            }
            _ => Ok(value),
        }
    }
}
