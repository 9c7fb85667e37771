//! A definition's parameters, read from its syntax tree: which properties
//! exist (to reject unknown ones), their types, defaults and `+usage`
//! docs (for `tenon def show`).
//!
//! The reading follows the shapes KubeVela definitions are written in:
//! struct literals (a pattern `[string]: T` or `...` accepts any name; a
//! struct with no fields at all, `{}`, accepts anything, as KubeVela
//! users expect of it), lists `[...T]`, disjunctions and conjunctions
//! (their fields together), defaults, `close(…)`, and references to
//! definitions declared at the top of the template or the file
//! (`#HealthProbe`). Anything else (a reference to an import, a
//! computed label) is taken to accept any property.

use crate::markers::label_text;
use indexmap::IndexMap;
use tenon_syntax::ast;

/// The shape of a parameter value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Schema {
    /// Accepts anything (or could not be read).
    #[default]
    Any,
    /// A struct with these declared fields; `open` when it also accepts
    /// other names.
    Struct {
        fields: IndexMap<String, Param>,
        open: bool,
    },
    /// A list whose elements have this shape.
    List(Box<Schema>),
}

/// One declared parameter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Param {
    pub schema: Schema,
    /// Declared `name?:`.
    pub optional: bool,
    /// The value as written (`*1 | int`), whitespace collapsed.
    pub type_text: String,
    /// The default, as written, when the value has one (`*1`).
    pub default: Option<String>,
    /// The `+usage=` text of the field's comment (or its plain comment).
    pub usage: String,
}

/// Reads the schema of `template.parameter` (every `parameter:` field of
/// the template body, unified). `text` is the file's source.
pub fn read_parameters(file: &ast::File, body: &[ast::Decl], text: &str) -> Schema {
    let reader = Reader { file, body, text };
    let mut schema = Schema::Struct {
        fields: IndexMap::new(),
        open: false,
    };
    let mut found = false;
    for decl in body {
        if let ast::Decl::Field(field) = decl {
            if label_text(&field.label).as_deref() == Some("parameter") {
                found = true;
                let read = reader.expr(&field.value, 0);
                schema = merge(schema, read);
            }
        }
    }
    if !found {
        return Schema::Struct {
            fields: IndexMap::new(),
            open: false,
        };
    }
    schema
}

struct Reader<'a> {
    file: &'a ast::File,
    body: &'a [ast::Decl],
    text: &'a str,
}

const MAX_DEPTH: usize = 64;

impl Reader<'_> {
    fn expr(&self, expr: &ast::Expr, depth: usize) -> Schema {
        if depth > MAX_DEPTH {
            return Schema::Any;
        }
        match expr {
            ast::Expr::Struct(lit) => self.decls(&lit.decls, depth),
            ast::Expr::List(list) => {
                let element = list.elems.iter().find_map(|e| match e {
                    ast::ListElem::Ellipsis(ast::Ellipsis { ty: Some(ty), .. }) => {
                        Some(self.expr(ty, depth + 1))
                    }
                    ast::ListElem::Expr(e) => Some(self.expr(e, depth + 1)),
                    _ => None,
                });
                Schema::List(Box::new(element.unwrap_or(Schema::Any)))
            }
            ast::Expr::Binary(b) if matches!(b.op, ast::BinaryOp::Or | ast::BinaryOp::And) => {
                merge(self.expr(&b.lhs, depth + 1), self.expr(&b.rhs, depth + 1))
            }
            ast::Expr::Unary(u) if u.op == ast::UnaryOp::Default => {
                self.expr(&u.operand, depth + 1)
            }
            ast::Expr::Paren(p) => self.expr(&p.inner, depth + 1),
            ast::Expr::Call(call) => match (&call.func, call.args.first()) {
                (ast::Expr::Ident(f), Some(arg)) if f.name == "close" => self.expr(arg, depth + 1),
                _ => Schema::Any,
            },
            ast::Expr::Ident(id) => match self.declaration(&id.name) {
                Some(value) => self.expr(value, depth + 1),
                None => Schema::Any,
            },
            // Scalars and types: no properties below them.
            _ => Schema::Any,
        }
    }

    fn decls(&self, decls: &[ast::Decl], depth: usize) -> Schema {
        let mut fields: IndexMap<String, Param> = IndexMap::new();
        let mut open = false;
        let mut embedded = Vec::new();
        for decl in decls {
            match decl {
                ast::Decl::Field(field) => match label_text(&field.label) {
                    Some(name) if !name.starts_with('#') && !name.starts_with('_') => {
                        let param = self.param(field, depth);
                        match fields.get_mut(&name) {
                            Some(existing) => {
                                existing.schema =
                                    merge(std::mem::take(&mut existing.schema), param.schema)
                            }
                            None => {
                                fields.insert(name, param);
                            }
                        }
                    }
                    Some(_) => {}
                    None => open = true,
                },
                ast::Decl::Ellipsis(_) => open = true,
                ast::Decl::Embed(expr) => embedded.push(self.expr(expr, depth + 1)),
                ast::Decl::Comprehension(c) => embedded.push(self.decls(&c.body.decls, depth + 1)),
                _ => {}
            }
        }
        let mut schema = Schema::Struct {
            open: open || (fields.is_empty() && embedded.is_empty()),
            fields,
        };
        for e in embedded {
            schema = merge(schema, e);
        }
        schema
    }

    fn param(&self, field: &ast::Field, depth: usize) -> Param {
        let span = tenon_syntax::ast::Spanned::span(&field.value);
        let written = self.text.get(span.range()).unwrap_or("");
        Param {
            schema: self.expr(&field.value, depth + 1),
            optional: field.label.constraint == ast::FieldConstraint::Optional,
            type_text: collapse(written),
            default: default_of(&field.value).map(|e| {
                let span = tenon_syntax::ast::Spanned::span(e);
                collapse(self.text.get(span.range()).unwrap_or(""))
            }),
            usage: usage(self.file.doc(field)),
        }
    }

    /// The value of a definition or field declared at the top of the
    /// template body or of the file.
    fn declaration(&self, name: &str) -> Option<&ast::Expr> {
        let top = self.file.decls.iter();
        self.body.iter().chain(top).find_map(|decl| match decl {
            ast::Decl::Field(field) if label_text(&field.label).as_deref() == Some(name) => {
                Some(&field.value)
            }
            _ => None,
        })
    }
}

/// The `*default` of a value, if it has one.
fn default_of(expr: &ast::Expr) -> Option<&ast::Expr> {
    match expr {
        ast::Expr::Unary(u) if u.op == ast::UnaryOp::Default => Some(&u.operand),
        ast::Expr::Binary(b) if b.op == ast::BinaryOp::Or => {
            default_of(&b.lhs).or_else(|| default_of(&b.rhs))
        }
        ast::Expr::Paren(p) => default_of(&p.inner),
        _ => None,
    }
}

/// Two shapes together: the fields of both.
fn merge(a: Schema, b: Schema) -> Schema {
    match (a, b) {
        (
            Schema::Struct {
                fields: mut left,
                open: left_open,
            },
            Schema::Struct {
                fields: right,
                open: right_open,
            },
        ) => {
            let left_empty = left.is_empty() && left_open;
            let right_empty = right.is_empty() && right_open;
            for (name, param) in right {
                match left.get_mut(&name) {
                    Some(existing) => {
                        existing.schema = merge(std::mem::take(&mut existing.schema), param.schema)
                    }
                    None => {
                        left.insert(name, param);
                    }
                }
            }
            // `{}` merged with fields declares those fields.
            let open =
                (left_open && !left_empty) || (right_open && !right_empty) || left.is_empty();
            Schema::Struct { fields: left, open }
        }
        (Schema::List(a), Schema::List(b)) => Schema::List(Box::new(merge(*a, *b))),
        (Schema::Any, other) | (other, Schema::Any) => other,
        (a, _) => a,
    }
}

/// The usage text of a field's doc comment: its `+usage=` line, or its
/// plain comment lines (markers left out).
fn usage(comments: &[ast::Comment]) -> String {
    let lines: Vec<&str> = comments
        .iter()
        .map(|c| c.text.trim_start_matches('/').trim())
        .collect();
    if let Some(text) = lines.iter().find_map(|l| l.strip_prefix("+usage=")) {
        return text.trim().to_string();
    }
    lines
        .iter()
        .filter(|l| !l.starts_with('+') && !l.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
