//! Pipelines (`x | f y`, with `$v :=` declarations), their commands and
//! the operands of commands (fields, variables, literals, chains).

use super::{Parser, Result, FUNCTIONS};
use crate::text::template::lex::Kind;
use crate::text::template::literal;
use crate::text::template::node::{Arg, Command, Pipe};

impl Parser {
    /// A pipeline up to `end`, with its declarations.
    pub(super) fn pipeline(&mut self, context: &str, end: Kind) -> Result<Pipe> {
        crate::limits::with_stack(|| self.pipeline_now(context, end))
    }

    fn pipeline_now(&mut self, context: &str, end: Kind) -> Result<Pipe> {
        let pos = self.peek_non_space().pos;
        let mut pipe = Pipe {
            pos,
            is_assign: false,
            decl: Vec::new(),
            cmds: Vec::new(),
        };
        loop {
            if self.peek_non_space().kind != Kind::Variable {
                break;
            }
            let saved = self.i;
            let v = self.next();
            let next = self.peek_non_space();
            if next.kind == Kind::Assign || next.kind == Kind::Declare {
                pipe.is_assign = next.kind == Kind::Assign;
                self.next_non_space();
                pipe.decl.push(v.val.clone());
                self.vars.push(v.val);
                break;
            }
            if next.kind == Kind::Char && next.val == "," {
                self.next_non_space();
                pipe.decl.push(v.val.clone());
                self.vars.push(v.val);
                if context == "range" && pipe.decl.len() < 2 {
                    match self.peek_non_space().kind {
                        Kind::Variable | Kind::RightDelim | Kind::RightParen => continue,
                        _ => return Err(self.error("range can only initialize variables")),
                    }
                }
                return Err(self.error(&format!("too many declarations in {context}")));
            }
            self.i = saved;
            break;
        }
        loop {
            let item = self.next_non_space();
            if item.kind == end {
                self.check_pipeline(&pipe, context)?;
                return Ok(pipe);
            }
            match item.kind {
                Kind::Bool
                | Kind::CharConstant
                | Kind::Complex
                | Kind::Dot
                | Kind::Field
                | Kind::Identifier
                | Kind::Number
                | Kind::Nil
                | Kind::RawString
                | Kind::String
                | Kind::Variable
                | Kind::LeftParen => {
                    self.backup();
                    pipe.cmds.push(self.command()?);
                }
                _ => return Err(self.unexpected(&item, context)),
            }
        }
    }

    fn check_pipeline(&self, pipe: &Pipe, context: &str) -> Result<()> {
        if pipe.cmds.is_empty() {
            return Err(self.error(&format!("missing value for {context}")));
        }
        for (i, cmd) in pipe.cmds.iter().enumerate().skip(1) {
            if matches!(
                cmd.args.first(),
                Some(
                    Arg::Bool(..)
                        | Arg::Dot(_)
                        | Arg::Nil(_)
                        | Arg::Number(..)
                        | Arg::String { .. }
                )
            ) {
                return Err(self.error(&format!(
                    "non executable command in pipeline stage {}",
                    i + 1
                )));
            }
        }
        Ok(())
    }

    fn command(&mut self) -> Result<Command> {
        let pos = self.peek_non_space().pos;
        let mut args = Vec::new();
        loop {
            self.peek_non_space();
            if let Some(arg) = self.operand()? {
                args.push(arg);
            }
            let item = self.next();
            match item.kind {
                Kind::Space => continue,
                Kind::RightDelim | Kind::RightParen => self.backup(),
                Kind::Pipe => {}
                _ => return Err(self.unexpected(&item, "operand")),
            }
            break;
        }
        if args.is_empty() {
            return Err(self.error("empty command"));
        }
        Ok(Command { pos, args })
    }

    /// A term and the fields after it.
    fn operand(&mut self) -> Result<Option<Arg>> {
        let Some(node) = self.term()? else {
            return Ok(None);
        };
        if self.peek().kind != Kind::Field {
            return Ok(Some(node));
        }
        let mut fields = Vec::new();
        while self.peek().kind == Kind::Field {
            let item = self.next();
            fields.push(item.val.trim_start_matches('.').to_string());
        }
        Ok(Some(match node {
            Arg::Field { pos, mut idents } => {
                idents.extend(fields);
                Arg::Field { pos, idents }
            }
            Arg::Variable { pos, mut idents } => {
                idents.extend(fields);
                Arg::Variable { pos, idents }
            }
            Arg::Bool(..) | Arg::String { .. } | Arg::Number(..) | Arg::Nil(_) | Arg::Dot(_) => {
                let quoted = crate::go_quote::quote(&node.to_string());
                return Err(self.error(&format!("unexpected . after term {quoted}")));
            }
            node => Arg::Chain {
                pos: node.pos(),
                node: Box::new(node),
                fields,
            },
        }))
    }

    fn term(&mut self) -> Result<Option<Arg>> {
        let item = self.next_non_space();
        let pos = item.pos;
        Ok(Some(match item.kind {
            Kind::Identifier => {
                if !FUNCTIONS.contains(&item.val.as_str()) {
                    let quoted = crate::go_quote::quote(&item.val);
                    return Err(self.error(&format!("function {quoted} not defined")));
                }
                Arg::Identifier(pos, item.val)
            }
            Kind::Dot => Arg::Dot(pos),
            Kind::Nil => Arg::Nil(pos),
            Kind::Variable => {
                if !self.vars.contains(&item.val) {
                    let quoted = crate::go_quote::quote(&item.val);
                    return Err(self.error(&format!("undefined variable {quoted}")));
                }
                Arg::Variable {
                    pos,
                    idents: vec![item.val],
                }
            }
            Kind::Field => Arg::Field {
                pos,
                idents: vec![item.val.trim_start_matches('.').to_string()],
            },
            Kind::Bool => Arg::Bool(pos, item.val == "true"),
            Kind::CharConstant | Kind::Complex | Kind::Number => {
                let number = literal::number(
                    &item.val,
                    item.kind == Kind::CharConstant,
                    item.kind == Kind::Complex,
                )
                .map_err(|e| self.error(&e))?;
                Arg::Number(pos, number)
            }
            Kind::LeftParen => Arg::Pipe(Box::new(
                self.pipeline("parenthesized pipeline", Kind::RightParen)?,
            )),
            Kind::String | Kind::RawString => {
                let text = literal::unquote(&item.val).map_err(|e| self.error(&e))?;
                Arg::String {
                    pos,
                    quoted: item.val,
                    text,
                }
            }
            _ => {
                self.backup();
                return Ok(None);
            }
        }))
    }
}
