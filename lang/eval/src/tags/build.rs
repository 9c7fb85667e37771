//! Build attributes: which files take part in a build. A file whose
//! leading attributes (before its package clause) include `@if(EXPR)` is
//! part of the build only when `EXPR` holds over the *build tags*, the
//! `-t NAME` arguments given without a value; `@ignore()` leaves a file
//! out whatever the tags.
//!
//! `EXPR` is made of tag names, `!`, `&&`, `||` and parentheses; a name is
//! true when `-t NAME` was given. Every name an expression mentions counts
//! as read (both sides of `&&` and `||` are looked at), so a `-t NAME`
//! that only an `@if` reads is not an unused tag.

use super::Tag;
use std::collections::HashSet;
use tenon_diagnostics::{Diagnostic, Span};
use tenon_syntax::ast;

/// The code of every problem with a build attribute.
const CODE: &str = "invalid-build-attribute";

/// Nested parentheses deeper than this are refused (the parser recurses).
const MAX_DEPTH: usize = 100;

/// The build tags of one command, and the names `@if` attributes read.
#[derive(Debug, Default)]
pub struct BuildTags {
    set: HashSet<String>,
    read: HashSet<String>,
}

impl BuildTags {
    /// The build tags among `tags`: those given without a value.
    pub fn new(tags: &[Tag]) -> BuildTags {
        BuildTags {
            set: tags
                .iter()
                .filter(|tag| tag.value.is_none())
                .map(|tag| tag.name.clone())
                .collect(),
            read: HashSet::new(),
        }
    }

    /// Whether `file` is part of the build: it has no `@ignore()` and its
    /// `@if` expression, if any, holds. An attribute that cannot be read
    /// is an error (and the file is not part of the build).
    pub fn includes(&mut self, file: &ast::File) -> Result<bool, Box<Diagnostic>> {
        let set = &self.set;
        let read = &mut self.read;
        included(file, &mut |name| {
            read.insert(name.to_string());
            set.contains(name)
        })
    }

    /// As [`BuildTags::includes`], for a file outside the main module (a
    /// dependency under `cue.mod/`): every tag is unset there, and the
    /// names its `@if` reads are not recorded.
    pub fn includes_dependency(&self, file: &ast::File) -> Result<bool, Box<Diagnostic>> {
        included(file, &mut |_| false)
    }

    /// Whether an `@if` attribute of a file of the main module read `name`.
    pub fn was_read(&self, name: &str) -> bool {
        self.read.contains(name)
    }
}

/// The file's build attribute decides; `is_set` answers for tag names.
fn included(
    file: &ast::File,
    is_set: &mut dyn FnMut(&str) -> bool,
) -> Result<bool, Box<Diagnostic>> {
    let mut condition: Option<&ast::Attribute> = None;
    for attr in &file.attributes {
        match attr.name.as_str() {
            "ignore" => return Ok(false),
            "if" => {
                if let Some(first) = condition {
                    return Err(Box::new(
                        Diagnostic::error(CODE, attr.span, "multiple @if attributes")
                            .with_label(first.span, "previous declaration here"),
                    ));
                }
                condition = Some(attr);
            }
            _ => {}
        }
    }
    match condition {
        None => Ok(true),
        Some(attr) => Condition::new(attr, is_set).evaluate(),
    }
}

/// A token of an `@if` expression, with its byte range in the body.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Token<'a> {
    Name(&'a str),
    Not,
    And,
    Or,
    Open,
    Close,
    /// An operator the expression may not use (`+`, `==`, `&`…).
    Operator(&'a str),
    /// Anything else (a number, a string, a selector…).
    Other(&'a str),
}

/// Characters of operators.
const OPERATOR_CHARS: &str = "+-*/=<>&|!~^%";

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '_' | '$' | '#')
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '$')
}

/// Splits `body` into tokens with their byte offsets.
fn tokens(body: &str) -> Vec<(Token<'_>, usize, usize)> {
    let mut out = Vec::new();
    let mut rest = body;
    let mut at = 0;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_whitespace() {
            c.len_utf8()
        } else {
            let (token, len) = if rest.starts_with("&&") {
                (Token::And, 2)
            } else if rest.starts_with("||") {
                (Token::Or, 2)
            } else if c == '(' {
                (Token::Open, 1)
            } else if c == ')' {
                (Token::Close, 1)
            } else if c == '!' && !rest[1..].starts_with(['=', '~']) {
                (Token::Not, 1)
            } else if OPERATOR_CHARS.contains(c) {
                let len = rest
                    .find(|c: char| !OPERATOR_CHARS.contains(c))
                    .unwrap_or(rest.len());
                (Token::Operator(&rest[..len]), len)
            } else {
                let len = rest
                    .find(|c: char| {
                        c.is_whitespace() || "()".contains(c) || OPERATOR_CHARS.contains(c)
                    })
                    .unwrap_or(rest.len());
                let text = &rest[..len];
                let name =
                    text.starts_with(is_name_start) && text.chars().skip(1).all(is_name_char);
                (
                    if name {
                        Token::Name(text)
                    } else {
                        Token::Other(text)
                    },
                    len,
                )
            };
            out.push((token, at, at + len));
            len
        };
        rest = &rest[len..];
        at += len;
    }
    out
}

/// An `@if` attribute's expression being read and evaluated.
struct Condition<'a, 'f> {
    attr: &'a ast::Attribute,
    tokens: Vec<(Token<'a>, usize, usize)>,
    next: usize,
    /// Where the body starts in the file.
    body_start: usize,
    is_set: &'f mut dyn FnMut(&str) -> bool,
}

impl<'a, 'f> Condition<'a, 'f> {
    fn new(attr: &'a ast::Attribute, is_set: &'f mut dyn FnMut(&str) -> bool) -> Self {
        // The attribute is `@if(BODY)`, kept verbatim: the body ends right
        // before the closing parenthesis.
        let end = attr.span.end as usize;
        let body_start = end
            .checked_sub(attr.body.len() + 1)
            .filter(|start| *start >= attr.span.start as usize)
            .unwrap_or(attr.span.start as usize);
        Condition {
            attr,
            tokens: tokens(&attr.body),
            next: 0,
            body_start,
            is_set,
        }
    }

    fn evaluate(mut self) -> Result<bool, Box<Diagnostic>> {
        let value = self.or(0)?;
        match self.tokens.get(self.next).copied() {
            None => Ok(value),
            Some(token) => Err(self.unexpected(token, false)),
        }
    }

    fn or(&mut self, depth: usize) -> Result<bool, Box<Diagnostic>> {
        let mut value = self.and(depth)?;
        while self.eat(Token::Or) {
            // Both sides are read, so that every name counts as used.
            let rhs = self.and(depth)?;
            value = value || rhs;
        }
        Ok(value)
    }

    fn and(&mut self, depth: usize) -> Result<bool, Box<Diagnostic>> {
        let mut value = self.unary(depth)?;
        while self.eat(Token::And) {
            let rhs = self.unary(depth)?;
            value = value && rhs;
        }
        Ok(value)
    }

    fn unary(&mut self, depth: usize) -> Result<bool, Box<Diagnostic>> {
        if depth > MAX_DEPTH {
            let span = self.attr.span;
            return Err(Box::new(Diagnostic::error(
                CODE,
                span,
                "invalid build attribute: expression nested too deeply",
            )));
        }
        let Some(&token) = self.tokens.get(self.next) else {
            let (start, end) = self.here();
            return Err(self.error(start, end, "expected a tag name".into()));
        };
        self.next += 1;
        match token.0 {
            Token::Name(name) => Ok((self.is_set)(name)),
            Token::Not => Ok(!self.unary(depth + 1)?),
            Token::Open => {
                let value = self.or(depth + 1)?;
                if self.eat(Token::Close) {
                    Ok(value)
                } else {
                    let (start, end) = self.here();
                    Err(self.error(start, end, "expected `)`".into()))
                }
            }
            _ => Err(self.unexpected(token, true)),
        }
    }

    fn eat(&mut self, token: Token<'_>) -> bool {
        if self
            .tokens
            .get(self.next)
            .is_some_and(|(t, _, _)| *t == token)
        {
            self.next += 1;
            true
        } else {
            false
        }
    }

    /// The byte range of the next token (or the end of the body).
    fn here(&self) -> (usize, usize) {
        match self.tokens.get(self.next) {
            Some(&(_, start, end)) => (start, end),
            None => (self.attr.body.len(), self.attr.body.len()),
        }
    }

    /// A token where it may not be: where an operand was expected, or
    /// after a complete expression.
    fn unexpected(
        &self,
        (token, start, end): (Token<'_>, usize, usize),
        operand: bool,
    ) -> Box<Diagnostic> {
        let text = match token {
            Token::Operator(op) => {
                return Box::new(Diagnostic::error(
                    CODE,
                    self.span(start, end),
                    format!("invalid operator {op} in build attribute"),
                ))
            }
            Token::Name(text) | Token::Other(text) => text,
            Token::Not => "!",
            Token::And => "&&",
            Token::Or => "||",
            Token::Open => "(",
            Token::Close => ")",
        };
        let expected = if operand {
            "a tag name"
        } else {
            "`&&` or `||`"
        };
        self.error(start, end, format!("expected {expected}, found `{text}`"))
    }

    fn error(&self, start: usize, end: usize, why: String) -> Box<Diagnostic> {
        Box::new(Diagnostic::error(
            CODE,
            self.span(start, end),
            format!(
                "invalid build attribute @if({}): {why} (an @if expression has tag names, `!`, `&&`, `||` and parentheses)",
                self.attr.body
            ),
        ))
    }

    /// The span of body bytes `start..end` in the file.
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(
            self.attr.span.file,
            self.body_start + start,
            self.body_start + end,
        )
    }
}
