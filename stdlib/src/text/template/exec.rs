//! Template execution (Go's `text/template` exec): walking the tree with
//! a dot and variables, and evaluating pipelines, with Go's messages
//! (`template: :1:2: executing "" at <.a.b>: can't evaluate field b in
//! type string`).

use super::funcs;
use super::node::{Arg, Branch, BranchKind, Command, Node, Number, Pipe};
use super::parse::Templates;
use super::value::{Typed, Val};
use crate::go_quote::quote;
use crate::limits;

pub(super) type Res<T> = Result<T, String>;

/// Go's `maxExecDepth` is 100000; templates calling templates nest at
/// most this deep here, so that the recursion stays within the stack.
const MAX_DEPTH: usize = 1000;
/// Steps (nodes and commands) one execution may take.
const MAX_STEPS: usize = 10_000_000;

/// Executes the template "" of `templates` (parsed from `text`) on
/// `data`.
pub(super) fn execute(text: &str, templates: &Templates, data: Val) -> Res<String> {
    let Some(root) = templates.get("") else {
        return Err(String::from(
            "template: : \"\" is an incomplete or empty template",
        ));
    };
    let dot = Typed::new(data);
    let mut state = State {
        text,
        templates,
        name: String::new(),
        vars: vec![("$".into(), dot.clone())],
        out: String::new(),
        depth: 0,
        steps: 0,
        at: At::None,
    };
    state.walk(&dot, root)?;
    Ok(state.out)
}

/// The node being evaluated, for messages.
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    None,
    Arg(&'a Arg),
    Command(&'a Command),
    Action(&'a Pipe),
    Branch(&'a Branch),
    Node(usize, &'a Node),
}

/// What a walk ended with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    Normal,
    Break,
    Continue,
}

/// The type an argument is evaluated for (Go's parameter types of the
/// builtins).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ArgType {
    /// `reflect.Value`: anything, a missing value included.
    Value,
    /// `any`: a missing value becomes nil.
    Any,
    /// `string` (the format of `printf`).
    String,
}

pub(super) struct State<'a> {
    text: &'a str,
    templates: &'a Templates,
    /// The template being executed.
    name: String,
    vars: Vec<(String, Typed)>,
    out: String,
    depth: usize,
    steps: usize,
    pub at: At<'a>,
}

impl<'a> State<'a> {
    /// Go's `errorf`: the message with the template, position and node.
    pub fn fail(&self, message: impl std::fmt::Display) -> String {
        let (pos, context) = match self.at {
            At::None => return format!("template: {}: {message}", self.name),
            At::Arg(arg) => (arg.pos(), arg.to_string()),
            At::Command(cmd) => (cmd.pos, cmd.to_string()),
            At::Action(pipe) => (pipe.pos, format!("{{{{{pipe}}}}}")),
            At::Branch(branch) => (branch.pipe.pos, branch.to_string()),
            At::Node(pos, node) => (pos, node.to_string()),
        };
        let before = self.text.get(..pos).unwrap_or(self.text);
        let line = 1 + before.matches('\n').count();
        let col = before.rfind('\n').map_or(pos, |nl| pos - nl - 1);
        format!(
            "template: :{line}:{col}: executing {} at <{context}>: {message}",
            quote(&self.name)
        )
    }

    fn step(&mut self) -> Res<()> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            self.at = At::None;
            return Err(self.fail(format!("execution takes more than {MAX_STEPS} steps")));
        }
        Ok(())
    }

    fn write(&mut self, text: &str) -> Res<()> {
        self.out.push_str(text);
        limits::check_output(self.out.len()).map_err(|_| {
            format!(
                "template: {}: output larger than {} bytes",
                self.name,
                limits::MAX_OUTPUT
            )
        })
    }

    fn walk(&mut self, dot: &Typed, nodes: &'a [Node]) -> Res<Flow> {
        limits::with_stack(|| self.walk_nodes(dot, nodes))
    }

    fn walk_nodes(&mut self, dot: &Typed, nodes: &'a [Node]) -> Res<Flow> {
        for node in nodes {
            self.step()?;
            let flow = match node {
                Node::Text(text) => {
                    self.write(text)?;
                    Flow::Normal
                }
                Node::Action(pipe) => {
                    self.at = At::Action(pipe);
                    let value = self.eval_pipeline(dot, pipe)?;
                    if pipe.decl.is_empty() {
                        self.at = At::Action(pipe);
                        let text = match value.val {
                            Val::Missing => "<no value>".to_string(),
                            val => super::fmt::sprint(&[val]),
                        };
                        self.write(&text)?;
                    }
                    Flow::Normal
                }
                Node::Branch(branch) if branch.kind == BranchKind::Range => {
                    self.walk_range(dot, branch)?
                }
                Node::Branch(branch) => self.walk_if_or_with(dot, branch)?,
                Node::Template { pos, name, pipe } => {
                    self.at = At::Node(*pos, node);
                    self.walk_template(dot, name, pipe.as_ref())?;
                    Flow::Normal
                }
                Node::Break => Flow::Break,
                Node::Continue => Flow::Continue,
            };
            if flow != Flow::Normal {
                return Ok(flow);
            }
        }
        Ok(Flow::Normal)
    }

    fn walk_if_or_with(&mut self, dot: &Typed, branch: &'a Branch) -> Res<Flow> {
        let mark = self.vars.len();
        let value = self.eval_pipeline(dot, &branch.pipe)?;
        let flow = if value.val.truth() {
            let dot = if branch.kind == BranchKind::With {
                &value
            } else {
                dot
            };
            self.walk(dot, &branch.list)?
        } else if let Some(list) = &branch.else_list {
            self.walk(dot, list)?
        } else {
            Flow::Normal
        };
        self.vars.truncate(mark);
        Ok(flow)
    }

    fn walk_range(&mut self, dot: &Typed, branch: &'a Branch) -> Res<Flow> {
        let outer = self.vars.len();
        let value = self.eval_pipeline(dot, &branch.pipe)?;
        let mark = self.vars.len();
        let mut ran = false;
        let mut iterate = |s: &mut Self, index: Typed, elem: Typed| -> Res<bool> {
            s.step()?;
            ran = true;
            let pipe = &branch.pipe;
            let n = pipe.decl.len();
            if n > 0 {
                if pipe.is_assign {
                    let v = if n > 1 { index.clone() } else { elem.clone() };
                    s.set_var(&pipe.decl[0], v)?;
                } else {
                    s.set_top_var(1, elem.clone());
                }
            }
            if n > 1 {
                if pipe.is_assign {
                    s.set_var(&pipe.decl[1], elem.clone())?;
                } else {
                    s.set_top_var(2, index);
                }
            }
            let flow = s.walk(&elem, &branch.list);
            s.vars.truncate(mark);
            Ok(flow? == Flow::Break)
        };
        match &value.val {
            Val::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    let index = Typed::new(Val::Int(i as i64));
                    if iterate(self, index, Typed::element(item.clone()))? {
                        break;
                    }
                }
            }
            Val::Bytes(bytes) => {
                for (i, b) in bytes.iter().enumerate() {
                    let index = Typed::new(Val::Int(i as i64));
                    if iterate(self, index, Typed::new(Val::Int(i64::from(*b))))? {
                        break;
                    }
                }
            }
            Val::Map(map) => {
                for (key, item) in map.iter() {
                    let index = Typed::new(Val::string(key.as_str()));
                    if iterate(self, index, Typed::element(item.clone()))? {
                        break;
                    }
                }
            }
            Val::Int(n) => {
                if branch.pipe.decl.len() > 1 {
                    self.at = At::Branch(branch);
                    return Err(self.fail(format!(
                        "can't use {n} to iterate over more than one variable"
                    )));
                }
                for i in 0..*n {
                    let v = Typed::new(Val::Int(i));
                    if iterate(self, v.clone(), v)? {
                        break;
                    }
                }
            }
            Val::Missing => {}
            other => {
                self.at = At::Branch(branch);
                let shown = super::fmt::sprint(std::slice::from_ref(other));
                return Err(self.fail(format!("range can't iterate over {shown}")));
            }
        }
        if !ran {
            if let Some(list) = &branch.else_list {
                self.walk(dot, list)?;
            }
        }
        self.vars.truncate(outer);
        Ok(Flow::Normal)
    }

    fn walk_template(&mut self, dot: &Typed, name: &'a str, pipe: Option<&'a Pipe>) -> Res<()> {
        let Some(body) = self.templates.get(name) else {
            return Err(self.fail(format!("template {} not defined", quote(name))));
        };
        if self.depth >= MAX_DEPTH {
            return Err(self.fail(format!("exceeded maximum template depth ({MAX_DEPTH})")));
        }
        let dot = match pipe {
            Some(pipe) => self.eval_pipeline(dot, pipe)?,
            None => Typed::new(Val::Missing),
        };
        let vars = std::mem::replace(&mut self.vars, vec![("$".into(), dot.clone())]);
        let caller = std::mem::replace(&mut self.name, name.to_string());
        self.depth += 1;
        let result = self.walk(&dot, body);
        self.depth -= 1;
        self.name = caller;
        self.vars = vars;
        result.map(|_| ())
    }

    fn set_var(&mut self, name: &str, value: Typed) -> Res<()> {
        match self.vars.iter_mut().rev().find(|(n, _)| n == name) {
            Some(slot) => {
                slot.1 = value;
                Ok(())
            }
            None => Err(self.fail(format!("undefined variable: {name}"))),
        }
    }

    /// Sets the `n`th variable from the top.
    fn set_top_var(&mut self, n: usize, value: Typed) {
        let len = self.vars.len();
        if let Some(slot) = len.checked_sub(n).and_then(|i| self.vars.get_mut(i)) {
            slot.1 = value;
        }
    }

    fn var_value(&self, name: &str) -> Res<Typed> {
        match self.vars.iter().rev().find(|(n, _)| n == name) {
            Some((_, v)) => Ok(v.clone()),
            None => Err(self.fail(format!("undefined variable: {name}"))),
        }
    }

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
