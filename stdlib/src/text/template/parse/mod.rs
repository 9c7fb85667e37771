//! The template parser (Go's `text/template/parse`): the items of the
//! lexer into trees, one per template (the text itself is the template
//! named "", `{{define}}` and `{{block}}` add others), with Go's checks
//! and messages (`template: :1: function "foo" not defined`).
//!
//! `pipeline.rs` parses pipelines, commands and operands.

mod pipeline;

use super::lex::{lex, Item, Kind};
use super::literal;
use super::node::{Branch, BranchKind, Node};
use std::collections::HashMap;

/// The functions a template may call (Go's builtins; CUE adds none).
pub(super) const FUNCTIONS: &[&str] = &[
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf",
    "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
];

/// The templates of a text: the text's own under "".
pub(super) type Templates = HashMap<String, Vec<Node>>;

type Result<T> = std::result::Result<T, String>;

/// What ended a list of nodes.
#[derive(Debug, PartialEq, Eq)]
enum Ender {
    End,
    Else,
}

/// Parses `text` into its templates.
pub(super) fn parse(text: &str) -> Result<Templates> {
    let mut p = Parser {
        items: lex(text),
        i: 0,
        line: 1,
        action_line: 0,
        vars: vec!["$".into()],
        range_depth: 0,
        templates: HashMap::new(),
    };
    let mut root = Vec::new();
    while p.peek().kind != Kind::Eof {
        if p.peek().kind == Kind::LeftDelim {
            let saved = p.i;
            p.next();
            if p.next_non_space().kind == Kind::Define {
                p.definition()?;
                continue;
            }
            p.i = saved;
        }
        match p.text_or_action()? {
            Parsed::Node(n) => root.push(n),
            Parsed::End(_) => return Err(p.error("unexpected {{end}}")),
            Parsed::Else(_) => return Err(p.error("unexpected {{else}}")),
        }
    }
    p.add(String::new(), root)?;
    Ok(p.templates)
}

/// What a piece of the template was.
enum Parsed {
    Node(Node),
    End(usize),
    Else(usize),
}

struct Parser {
    items: Vec<Item>,
    i: usize,
    /// The line of the last item read (for messages).
    line: usize,
    /// The line of the action being parsed (0 outside actions).
    action_line: usize,
    vars: Vec<String>,
    range_depth: usize,
    templates: Templates,
}

impl Parser {
    fn eof(&self) -> Item {
        Item {
            kind: Kind::Eof,
            val: String::new(),
            pos: self.items.last().map_or(0, |i| i.pos),
            line: self.line,
        }
    }

    fn peek(&self) -> Item {
        self.items
            .get(self.i)
            .cloned()
            .unwrap_or_else(|| self.eof())
    }

    fn next(&mut self) -> Item {
        let item = self.peek();
        if self.i < self.items.len() {
            self.i += 1;
        }
        self.line = item.line;
        item
    }

    fn backup(&mut self) {
        self.i = self.i.saturating_sub(1);
    }

    fn next_non_space(&mut self) -> Item {
        loop {
            let item = self.next();
            if item.kind != Kind::Space {
                return item;
            }
        }
    }

    fn peek_non_space(&mut self) -> Item {
        let item = self.next_non_space();
        self.backup();
        item
    }

    fn error(&self, message: &str) -> String {
        format!("template: :{}: {message}", self.line)
    }

    /// Go's `unexpected`: a lexer error as it is, anything else as
    /// `unexpected X in CONTEXT`.
    fn unexpected(&self, item: &Item, context: &str) -> String {
        if item.kind == Kind::Error {
            let mut extra = String::new();
            if self.action_line != 0 && self.action_line != item.line {
                extra = format!(" in action started at :{}", self.action_line);
                if item.val.ends_with(" action") {
                    extra = extra[" in action".len()..].to_string();
                }
            }
            return self.error(&format!("{item}{extra}"));
        }
        self.error(&format!("unexpected {item} in {context}"))
    }

    fn expect(&mut self, kind: Kind, context: &str) -> Result<Item> {
        let item = self.next_non_space();
        if item.kind != kind {
            return Err(self.unexpected(&item, context));
        }
        Ok(item)
    }

    /// Adds a template, unless one of that name has a body already.
    fn add(&mut self, name: String, body: Vec<Node>) -> Result<()> {
        match self.templates.get(&name) {
            Some(old) if !is_empty(old) => {
                if !is_empty(&body) {
                    return Err(self.error(&format!(
                        "template: multiple definition of template {}",
                        crate::go_quote::quote(&name)
                    )));
                }
            }
            _ => {
                self.templates.insert(name, body);
            }
        }
        Ok(())
    }

    /// `{{define "name"}} … {{end}}`, after `define`.
    fn definition(&mut self) -> Result<()> {
        let context = "define clause";
        let item = self.next_non_space();
        if item.kind != Kind::String && item.kind != Kind::RawString {
            return Err(self.unexpected(&item, context));
        }
        let name = literal::unquote(&item.val).map_err(|e| self.error(&e))?;
        self.expect(Kind::RightDelim, context)?;
        let (body, end) = self.in_new_scope(|p| p.item_list())?;
        if end.0 != Ender::End {
            return Err(self.error(&format!("unexpected {{{{else}}}} in {context}")));
        }
        self.add(name, body)
    }

    /// Runs `f` with the variables and range depth of a new template.
    fn in_new_scope<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        let vars = std::mem::replace(&mut self.vars, vec!["$".into()]);
        let depth = std::mem::take(&mut self.range_depth);
        let result = f(self);
        self.vars = vars;
        self.range_depth = depth;
        result
    }

    /// Nodes up to an `{{end}}` or `{{else}}`.
    fn item_list(&mut self) -> Result<(Vec<Node>, (Ender, usize))> {
        let mut list = Vec::new();
        while self.peek_non_space().kind != Kind::Eof {
            match self.text_or_action()? {
                Parsed::Node(n) => list.push(n),
                Parsed::End(pos) => return Ok((list, (Ender::End, pos))),
                Parsed::Else(pos) => return Ok((list, (Ender::Else, pos))),
            }
        }
        Err(self.error("unexpected EOF"))
    }

    fn text_or_action(&mut self) -> Result<Parsed> {
        let item = self.next_non_space();
        match item.kind {
            Kind::Text => Ok(Parsed::Node(Node::Text(item.val))),
            Kind::LeftDelim => {
                self.action_line = item.line;
                let result = self.action();
                self.action_line = 0;
                result
            }
            _ => Err(self.unexpected(&item, "input")),
        }
    }

    fn action(&mut self) -> Result<Parsed> {
        let item = self.next_non_space();
        let node = match item.kind {
            Kind::Block => self.block()?,
            Kind::Break | Kind::Continue => {
                let word = if item.kind == Kind::Break {
                    "break"
                } else {
                    "continue"
                };
                let next = self.next_non_space();
                if next.kind != Kind::RightDelim {
                    return Err(self.unexpected(&next, &format!("{{{{{word}}}}}")));
                }
                if self.range_depth == 0 {
                    return Err(self.error(&format!("{{{{{word}}}}} outside {{{{range}}}}")));
                }
                if item.kind == Kind::Break {
                    Node::Break
                } else {
                    Node::Continue
                }
            }
            Kind::Else => {
                let next = self.peek_non_space();
                if next.kind != Kind::If && next.kind != Kind::With {
                    self.expect(Kind::RightDelim, "else")?;
                }
                return Ok(Parsed::Else(item.pos));
            }
            Kind::End => {
                self.expect(Kind::RightDelim, "end")?;
                return Ok(Parsed::End(item.pos));
            }
            Kind::If => self.control(BranchKind::If)?,
            Kind::Range => self.control(BranchKind::Range)?,
            Kind::With => self.control(BranchKind::With)?,
            Kind::Template => self.template()?,
            _ => {
                self.backup();
                Node::Action(self.pipeline("command", Kind::RightDelim)?)
            }
        };
        Ok(Parsed::Node(node))
    }

    /// `{{if}}`, `{{with}}` or `{{range}}` up to its `{{end}}`; `{{else
    /// if …}}` and `{{else with …}}` nest another branch in the else part.
    fn control(&mut self, kind: BranchKind) -> Result<Node> {
        crate::limits::with_stack(|| self.control_now(kind))
    }

    fn control_now(&mut self, kind: BranchKind) -> Result<Node> {
        let context = match kind {
            BranchKind::If => "if",
            BranchKind::With => "with",
            BranchKind::Range => "range",
        };
        let vars = self.vars.len();
        let pipe = self.pipeline(context, Kind::RightDelim)?;
        if kind == BranchKind::Range {
            self.range_depth += 1;
        }
        let listed = self.item_list();
        if kind == BranchKind::Range {
            self.range_depth -= 1;
        }
        let (list, (ender, _)) = listed?;
        let mut else_list = None;
        if ender == Ender::Else {
            let chained = match kind {
                BranchKind::If => self.peek().kind == Kind::If,
                BranchKind::With => self.peek().kind == Kind::With,
                BranchKind::Range => false,
            };
            if chained {
                self.next();
                else_list = Some(vec![self.control(kind)?]);
            } else {
                let (list, (ender, _)) = self.item_list()?;
                if ender != Ender::End {
                    return Err(self.error("expected end; found {{else}}"));
                }
                else_list = Some(list);
            }
        }
        self.vars.truncate(vars);
        Ok(Node::Branch(Branch {
            kind,
            pipe,
            list,
            else_list,
        }))
    }

    fn template_name(&mut self, context: &str) -> Result<(String, usize)> {
        let item = self.next_non_space();
        if item.kind != Kind::String && item.kind != Kind::RawString {
            return Err(self.unexpected(&item, context));
        }
        let name = literal::unquote(&item.val).map_err(|e| self.error(&e))?;
        Ok((name, item.pos))
    }

    /// `{{template "name" pipeline}}`, after `template`.
    fn template(&mut self) -> Result<Node> {
        let context = "template clause";
        let (name, pos) = self.template_name(context)?;
        let pipe = if self.next_non_space().kind != Kind::RightDelim {
            self.backup();
            Some(self.pipeline(context, Kind::RightDelim)?)
        } else {
            None
        };
        Ok(Node::Template { pos, name, pipe })
    }

    /// `{{block "name" pipeline}} … {{end}}`: defines the template and
    /// calls it.
    fn block(&mut self) -> Result<Node> {
        let context = "block clause";
        let (name, pos) = self.template_name(context)?;
        let pipe = self.pipeline(context, Kind::RightDelim)?;
        let (body, (ender, _)) = self.in_new_scope(|p| p.item_list())?;
        if ender != Ender::End {
            return Err(self.error(&format!("unexpected {{{{else}}}} in {context}")));
        }
        self.add(name.clone(), body)?;
        Ok(Node::Template {
            pos,
            name,
            pipe: Some(pipe),
        })
    }
}

/// Go's `IsEmptyTree`: only white space text.
fn is_empty(nodes: &[Node]) -> bool {
    nodes.iter().all(|n| match n {
        Node::Text(t) => t.trim().is_empty(),
        _ => false,
    })
}
