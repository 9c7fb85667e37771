//! Expressions: literals, operators, references and calls.

use super::Compiler;
use crate::ir::{Builtin, Disjunct, Elem, Expr, ExprId, ListLit, Part, UnaryOp};
use crate::num::Number;
use crate::value::{BoundOp, Kinds};
use std::sync::Arc;
use tenon_diagnostics::{Diagnostic, Span};
use tenon_syntax::ast::{self, Spanned};

impl Compiler {
    pub(super) fn expr(&mut self, expr: &ast::Expr) -> ExprId {
        let span = expr.span();
        let compiled = match expr {
            ast::Expr::Ident(id) => return self.ident(id),
            ast::Expr::Bottom(_) | ast::Expr::Error(_) => Expr::Bottom,
            ast::Expr::Null(_) => Expr::Null,
            ast::Expr::Bool(b, _) => Expr::Bool(*b),
            ast::Expr::Number(n) => self.number(n),
            ast::Expr::String(s) => string(&s.value),
            ast::Expr::Interpolation(i) => self.interpolation(i),
            ast::Expr::Struct(s) => return self.struct_lit(s),
            ast::Expr::List(l) => self.list(l),
            ast::Expr::Paren(p) => return self.expr(&p.inner),
            ast::Expr::Unary(u) => self.unary(u),
            ast::Expr::Binary(b) => self.binary(b),
            ast::Expr::Selector(s) => {
                if let ast::Expr::Ident(id) = &s.base {
                    if let Some(index) = self.scopes.resolve_import(&id.name) {
                        return self.import_member(index, &s.name, span);
                    }
                }
                let base = self.expr(&s.base);
                let select = Expr::Select(base, self.selector_label(&s.name));
                let id = self.code.push(select, span);
                let name_span = match &s.name {
                    ast::SelectorName::Ident(i) => i.span,
                    ast::SelectorName::String(l) => l.span,
                };
                self.code.set_selector_span(id, name_span);
                return id;
            }
            ast::Expr::Index(i) => Expr::Index(self.expr(&i.base), self.expr(&i.index)),
            ast::Expr::Slice(s) => {
                let base = self.expr(&s.base);
                let low = s.low.as_ref().map(|e| self.expr(e));
                let high = s.high.as_ref().map(|e| self.expr(e));
                Expr::Slice(base, low, high)
            }
            ast::Expr::Call(c) => {
                let func = self.expr(&c.func);
                let args = c.args.iter().map(|a| self.expr(a)).collect();
                Expr::Call(func, args)
            }
        };
        self.code.push(compiled, span)
    }

    fn ident(&mut self, id: &ast::Ident) -> ExprId {
        let expr = if id.name == "_" {
            Expr::Top
        } else if let Some(reference) = self.scopes.resolve(&id.name) {
            Expr::Ref(reference)
        } else if let Some(index) = self.scopes.resolve_import(&id.name) {
            self.imports[index as usize].used = true;
            self.diagnostics.push(Diagnostic::error(
                "invalid-package-use",
                id.span,
                format!(
                    "package {} is not a value: refer to one of its members",
                    id.name
                ),
            ));
            Expr::Bottom
        } else if let Some(expr) = self.predeclared(&id.name, id.span) {
            expr
        } else {
            let mut diagnostic = Diagnostic::error(
                "undefined-reference",
                id.span,
                format!("reference \"{}\" not found", id.name),
            );
            if !self.field_path.is_empty() {
                diagnostic = diagnostic.with_path(self.field_path.join("."));
            }
            self.diagnostics.push(diagnostic);
            Expr::Bottom
        };
        self.code.push(expr, id.span)
    }

    /// Predeclared identifiers: types, sized numeric types and builtins.
    fn predeclared(&mut self, name: &str, span: Span) -> Option<Expr> {
        let kind = |k| Some(Expr::Kind(k));
        match name {
            "int" => kind(Kinds::INT),
            "float" => kind(Kinds::FLOAT),
            "number" => kind(Kinds::NUMBER),
            "string" => kind(Kinds::STRING),
            "bytes" => kind(Kinds::BYTES),
            "bool" => kind(Kinds::BOOL),
            "len" => Some(Expr::Builtin(Builtin::Len)),
            "close" => Some(Expr::Builtin(Builtin::Close)),
            "and" => Some(Expr::Builtin(Builtin::And)),
            "or" => Some(Expr::Builtin(Builtin::Or)),
            "div" => Some(Expr::Builtin(Builtin::Div)),
            "mod" => Some(Expr::Builtin(Builtin::Mod)),
            "quo" => Some(Expr::Builtin(Builtin::Quo)),
            "rem" => Some(Expr::Builtin(Builtin::Rem)),
            _ => {
                let (low, high) = sized_range(name)?;
                let kind = if name.starts_with("float") {
                    Kinds::NUMBER
                } else {
                    Kinds::INT
                };
                let kind = self.code.push(Expr::Kind(kind), span);
                let mut parts = vec![kind];
                for (op, text) in [(BoundOp::Ge, low), (BoundOp::Le, high)] {
                    if text.is_empty() {
                        continue;
                    }
                    let float = text.contains('e');
                    let n = match text.strip_prefix('-') {
                        Some(digits) => Number::parse_literal(digits, float).ok()?.neg(),
                        None => Number::parse_literal(text, float).ok()?,
                    };
                    let value = self.code.push(Expr::Number(n), span);
                    parts.push(self.code.push(Expr::Bound(op, value), span));
                }
                Some(Expr::And(parts.into()))
            }
        }
    }

    fn number(&mut self, n: &ast::NumberLit) -> Expr {
        match Number::parse_literal(&n.text, n.kind == ast::NumberKind::Float) {
            Ok(value) => Expr::Number(value),
            Err(error) => {
                self.diagnostics.push(Diagnostic::error(
                    "invalid-number",
                    n.span,
                    error.to_string(),
                ));
                Expr::Bottom
            }
        }
    }

    fn interpolation(&mut self, i: &ast::Interpolation) -> Expr {
        let parts = i
            .parts
            .iter()
            .map(|part| match part {
                ast::InterpolationPart::Text { value, .. } => {
                    Part::Text(Arc::from(value.to_text()))
                }
                ast::InterpolationPart::Expr(e) => Part::Expr(self.expr(e)),
            })
            .collect();
        Expr::Interpolation(parts)
    }

    fn list(&mut self, l: &ast::ListLit) -> Expr {
        let mut out = ListLit::default();
        for elem in &l.elems {
            match elem {
                ast::ListElem::Expr(e) => out.elems.push(Elem::Expr(self.expr(e))),
                ast::ListElem::Comprehension(c) => {
                    out.elems
                        .push(Elem::Comprehension(Box::new(self.comprehension(c))));
                }
                ast::ListElem::Ellipsis(e) => {
                    out.tail = Some(match &e.ty {
                        Some(ty) => self.expr(ty),
                        None => self.code.push(Expr::Top, e.span),
                    });
                }
            }
        }
        Expr::List(Box::new(out))
    }

    fn unary(&mut self, u: &ast::Unary) -> Expr {
        use ast::UnaryOp as U;
        let operand = self.expr(&u.operand);
        let bound = |op| Expr::Bound(op, operand);
        match u.op {
            U::Plus => Expr::Unary(UnaryOp::Plus, operand),
            U::Neg => Expr::Unary(UnaryOp::Neg, operand),
            U::Not => Expr::Unary(UnaryOp::Not, operand),
            U::Default => Expr::Or(Box::new([Disjunct {
                expr: operand,
                default: true,
            }])),
            U::Ne => bound(BoundOp::Ne),
            U::Lt => bound(BoundOp::Lt),
            U::Le => bound(BoundOp::Le),
            U::Gt => bound(BoundOp::Gt),
            U::Ge => bound(BoundOp::Ge),
            U::Match => bound(BoundOp::Match),
            U::NotMatch => bound(BoundOp::NotMatch),
        }
    }

    fn binary(&mut self, b: &ast::Binary) -> Expr {
        use ast::BinaryOp as B;
        match b.op {
            B::Or => {
                let mut disjuncts = Vec::new();
                self.disjuncts(&b.lhs, &mut disjuncts);
                self.disjuncts(&b.rhs, &mut disjuncts);
                Expr::Or(disjuncts.into())
            }
            B::And => {
                let mut parts = Vec::new();
                self.conjuncts(&b.lhs, &mut parts);
                self.conjuncts(&b.rhs, &mut parts);
                Expr::And(parts.into())
            }
            op => {
                let lhs = self.expr(&b.lhs);
                let rhs = self.expr(&b.rhs);
                Expr::Binary(op, lhs, rhs)
            }
        }
    }

    /// Flattens `a | *b | c` (not through parentheses).
    fn disjuncts(&mut self, expr: &ast::Expr, out: &mut Vec<Disjunct>) {
        match expr {
            ast::Expr::Binary(b) if b.op == ast::BinaryOp::Or => {
                self.disjuncts(&b.lhs, out);
                self.disjuncts(&b.rhs, out);
            }
            ast::Expr::Unary(u) if u.op == ast::UnaryOp::Default => {
                let expr = self.expr(&u.operand);
                out.push(Disjunct {
                    expr,
                    default: true,
                });
            }
            _ => {
                let expr = self.expr(expr);
                out.push(Disjunct {
                    expr,
                    default: false,
                });
            }
        }
    }

    fn conjuncts(&mut self, expr: &ast::Expr, out: &mut Vec<ExprId>) {
        match expr {
            ast::Expr::Binary(b) if b.op == ast::BinaryOp::And => {
                self.conjuncts(&b.lhs, out);
                self.conjuncts(&b.rhs, out);
            }
            _ => out.push(self.expr(expr)),
        }
    }
}

fn string(value: &ast::StrValue) -> Expr {
    match value {
        ast::StrValue::Text(t) => Expr::String(Arc::from(t.as_str())),
        ast::StrValue::Bytes(b) => Expr::Bytes(Arc::from(&b[..])),
    }
}

/// The bounds of CUE's sized numeric types.
fn sized_range(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "int8" => ("-128", "127"),
        "int16" => ("-32768", "32767"),
        "int32" => ("-2147483648", "2147483647"),
        "int64" => ("-9223372036854775808", "9223372036854775807"),
        "int128" => (
            "-170141183460469231731687303715884105728",
            "170141183460469231731687303715884105727",
        ),
        "uint" => ("0", ""),
        "uint8" | "byte" => ("0", "255"),
        "uint16" => ("0", "65535"),
        "uint32" => ("0", "4294967295"),
        "uint64" => ("0", "18446744073709551615"),
        "uint128" => ("0", "340282366920938463463374607431768211455"),
        "rune" => ("0", "1114111"),
        "float32" => (
            "-3.40282346638528859811704183484516925440e+38",
            "3.40282346638528859811704183484516925440e+38",
        ),
        "float64" => (
            "-1.797693134862315708145274237317043567981e+308",
            "1.797693134862315708145274237317043567981e+308",
        ),
        _ => return None,
    })
}
