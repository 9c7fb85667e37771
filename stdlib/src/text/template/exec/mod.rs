//! Template execution (Go's `text/template` exec): walking the tree with
//! a dot and variables, and evaluating pipelines, with Go's messages
//! (`template: :1:2: executing "" at <.a.b>: can't evaluate field b in
//! type string`).
//!
//! `eval.rs` evaluates pipelines, commands and arguments.

mod eval;

use super::node::{Arg, Branch, BranchKind, Command, Node, Pipe};
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
}
