//! Injection: `@tag(name)` fields set from outside (`tenon export -t
//! name=value`), as CUE's `-t` does. A pure rewrite of the syntax trees
//! before compiling: the field's value becomes `value & injected`.
//!
//! `@tag(name)` injects a string; `@tag(name,type=int)` (also `number`,
//! `bool`, `string`) parses the text as that kind; `@tag(name,short=a|b)`
//! lets `-t a` stand for `-t name=a`. A tag given but used by no field,
//! and text that is not of the tag's kind, are diagnostics.
//!
//! `build.rs` decides which files take part at all (`@if(tag)`).

mod build;

pub use build::BuildTags;

use crate::num::Number;
use tenon_diagnostics::{Diagnostic, Span};
use tenon_syntax::ast;

/// One `-t` argument: `name=value`, or a short form (`value` alone).
#[derive(Clone, Debug)]
pub struct Tag {
    pub name: String,
    pub value: Option<String>,
}

impl Tag {
    /// Reads `name=value` or `short`.
    pub fn parse(text: &str) -> Tag {
        match text.split_once('=') {
            Some((name, value)) => Tag {
                name: name.trim().to_string(),
                value: Some(value.to_string()),
            },
            None => Tag {
                name: text.trim().to_string(),
                value: None,
            },
        }
    }
}

/// What injecting found wrong.
#[derive(Debug, Default)]
pub struct Injected {
    /// Values not of their tag's kind (at the `@tag` attribute).
    pub diagnostics: Vec<Diagnostic>,
    /// Tags given that no field declares (indexes into the tags given).
    pub unused: Vec<usize>,
}

/// Injects `tags` into the `@tag` fields of `files`.
pub fn inject_tags<'a>(
    files: impl IntoIterator<Item = &'a mut ast::File>,
    tags: &[Tag],
) -> Injected {
    let mut injector = Injector {
        tags,
        used: vec![false; tags.len()],
        diagnostics: Vec::new(),
    };
    for file in files {
        injector.decls(&mut file.decls);
    }
    let unused = (0..tags.len()).filter(|&i| !injector.used[i]).collect();
    Injected {
        diagnostics: injector.diagnostics,
        unused,
    }
}

struct Injector<'a> {
    tags: &'a [Tag],
    used: Vec<bool>,
    diagnostics: Vec<Diagnostic>,
}

impl Injector<'_> {
    fn decls(&mut self, decls: &mut [ast::Decl]) {
        for decl in decls {
            match decl {
                ast::Decl::Field(field) => self.field(field),
                ast::Decl::Embed(expr) => self.expr(expr),
                _ => {}
            }
        }
    }

    fn expr(&mut self, expr: &mut ast::Expr) {
        if let ast::Expr::Struct(s) = expr {
            self.decls(&mut s.decls);
        }
    }

    fn field(&mut self, field: &mut ast::Field) {
        self.expr(&mut field.value);
        let Some(attr) = field.attributes.iter().find(|a| a.name == "tag") else {
            return;
        };
        let mut parts = attr.body.split(',').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let (mut kind, mut shorts) = ("string", Vec::new());
        for option in parts {
            match option.split_once('=') {
                Some(("type", k)) => kind = k.trim(),
                Some(("short", s)) => shorts = s.split('|').map(str::trim).collect(),
                _ => {}
            }
        }
        let span = attr.span;
        let given = self
            .tags
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, tag)| match &tag.value {
                Some(value) if tag.name == name => Some((i, value.clone())),
                None if shorts.contains(&tag.name.as_str()) => Some((i, tag.name.clone())),
                _ => None,
            });
        let Some((index, text)) = given else {
            return;
        };
        self.used[index] = true;
        let Some(injected) = self.literal(name, kind, &text, span) else {
            return;
        };
        let value = std::mem::replace(&mut field.value, ast::Expr::Bottom(span));
        field.value = ast::Expr::Binary(Box::new(ast::Binary {
            op: ast::BinaryOp::And,
            lhs: value,
            rhs: injected,
            op_span: span,
            span,
        }));
    }

    /// The injected text as a literal of the tag's kind.
    fn literal(&mut self, name: &str, kind: &str, text: &str, span: Span) -> Option<ast::Expr> {
        let invalid = |why: &str| {
            Diagnostic::error(
                "invalid-tag",
                span,
                format!("invalid value {text:?} for tag {name} ({why})"),
            )
        };
        match kind {
            "string" => Some(ast::Expr::String(ast::StringLit {
                kind: ast::StringKind::default(),
                value: ast::StrValue::Text(text.into()),
                span,
            })),
            "bool" => match text {
                "true" => Some(ast::Expr::Bool(true, span)),
                "false" => Some(ast::Expr::Bool(false, span)),
                _ => {
                    self.diagnostics.push(invalid("not a bool"));
                    None
                }
            },
            "int" | "number" | "float" => {
                let (negative, digits) = match text.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, text),
                };
                let float = digits.contains(['.', 'e', 'E']) && !digits.starts_with("0x");
                if (kind == "int" && float) || Number::parse_literal(digits, float).is_err() {
                    self.diagnostics.push(invalid(&format!("not an {kind}")));
                    return None;
                }
                let number = ast::Expr::Number(ast::NumberLit {
                    kind: if float {
                        ast::NumberKind::Float
                    } else {
                        ast::NumberKind::Int
                    },
                    text: digits.into(),
                    span,
                });
                Some(if negative {
                    ast::Expr::Unary(Box::new(ast::Unary {
                        op: ast::UnaryOp::Neg,
                        operand: number,
                        span,
                    }))
                } else {
                    number
                })
            }
            other => {
                self.diagnostics
                    .push(invalid(&format!("unknown tag type {other}")));
                None
            }
        }
    }
}
