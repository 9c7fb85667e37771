//! A compact, span-free printout of a syntax tree, for tests: two trees
//! print the same exactly when they are equal but for positions.

use crate::ast::*;
use std::fmt::Write;

/// The tree of a file, one node per line, indented by depth.
pub fn file(file: &File) -> String {
    let mut d = Dumper {
        comments: &file.comments,
        ..Dumper::default()
    };
    for a in &file.attributes {
        d.line(&format!("attribute @{}({})", a.name, a.body));
    }
    if let Some(p) = &file.package {
        d.line(&format!("package {}", p.name.name));
    }
    for i in &file.imports {
        d.line(if i.grouped {
            "import (grouped)"
        } else {
            "import"
        });
        d.depth += 1;
        for s in &i.specs {
            let alias = s
                .alias
                .as_ref()
                .map_or(String::new(), |a| format!("{} ", a.name));
            d.line(&format!("spec {alias}{}", str_value(&s.path.value)));
        }
        d.depth -= 1;
    }
    d.decls(&file.decls);
    d.out
}

/// The tree of an expression.
pub fn expr(expr: &Expr) -> String {
    let mut d = Dumper::default();
    d.expr(expr);
    d.out
}

fn str_value(v: &StrValue) -> String {
    match v {
        StrValue::Text(s) => format!("{:?}", s.as_str()),
        StrValue::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
    }
}

fn kind_text(k: StringKind) -> String {
    let mut s = String::new();
    if k.bytes {
        s.push_str(" bytes");
    }
    if k.multiline {
        s.push_str(" multiline");
    }
    if k.hashes > 0 {
        let _ = write!(s, " #{}", k.hashes);
    }
    s
}

#[derive(Default)]
struct Dumper<'a> {
    out: String,
    depth: usize,
    /// The file's comments, for printing doc comments.
    comments: &'a [Comment],
}

impl Dumper<'_> {
    fn line(&mut self, text: &str) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn nested(&mut self, head: &str, f: impl FnOnce(&mut Self)) {
        self.line(head);
        self.depth += 1;
        f(self);
        self.depth -= 1;
    }

    fn decls(&mut self, decls: &[Decl]) {
        for decl in decls {
            self.decl(decl);
        }
    }

    fn decl(&mut self, decl: &Decl) {
        match decl {
            Decl::Field(f) => {
                let attrs: String = f
                    .attributes
                    .iter()
                    .map(|a| format!(" @{}({})", a.name, a.body))
                    .collect();
                self.nested(&format!("field{attrs}"), |d| {
                    if let Some(doc) = f.doc {
                        let lines = d
                            .comments
                            .get(doc.start as usize..doc.end as usize)
                            .unwrap_or(&[]);
                        for line in lines {
                            d.line(&format!("doc {:?}", line.text));
                        }
                    }
                    d.label(&f.label);
                    d.expr(&f.value);
                });
            }
            Decl::Let(l) => self.nested(&format!("let {}", l.name.name), |d| d.expr(&l.value)),
            Decl::Embed(e) => self.nested("embed", |d| d.expr(e)),
            Decl::Comprehension(c) => self.comprehension(c),
            Decl::Ellipsis(e) => self.ellipsis(e),
            Decl::Attribute(a) => self.line(&format!("attribute @{}({})", a.name, a.body)),
            Decl::Error(_) => self.line("error"),
        }
    }

    fn ellipsis(&mut self, e: &Ellipsis) {
        match &e.ty {
            Some(t) => self.nested("ellipsis", |d| d.expr(t)),
            None => self.line("ellipsis"),
        }
    }

    fn label(&mut self, label: &Label) {
        let alias = label
            .alias
            .as_ref()
            .map_or(String::new(), |a| format!(" {}=", a.name));
        let marker = match label.constraint {
            FieldConstraint::Regular => "",
            FieldConstraint::Optional => " optional",
            FieldConstraint::Required => " required",
        };
        match &label.name {
            LabelName::Ident(i) => self.line(&format!("label{alias} {}{marker}", i.name)),
            LabelName::String(e) => {
                self.nested(&format!("label{alias} string{marker}"), |d| d.expr(e))
            }
            LabelName::Dynamic {
                alias: inner, expr, ..
            }
            | LabelName::Pattern {
                alias: inner, expr, ..
            } => {
                let kind = if matches!(label.name, LabelName::Dynamic { .. }) {
                    "dynamic"
                } else {
                    "pattern"
                };
                let inner = inner
                    .as_ref()
                    .map_or(String::new(), |a| format!(" {}=", a.name));
                self.nested(&format!("label{alias} {kind}{inner}{marker}"), |d| {
                    d.expr(expr)
                });
            }
        }
    }

    fn comprehension(&mut self, c: &Comprehension) {
        self.nested("comprehension", |d| {
            for clause in &c.clauses {
                match clause {
                    Clause::For {
                        key, value, source, ..
                    } => {
                        let key = key
                            .as_ref()
                            .map_or(String::new(), |k| format!("{}, ", k.name));
                        d.nested(&format!("for {key}{} in", value.name), |d| d.expr(source));
                    }
                    Clause::If { condition, .. } => d.nested("if", |d| d.expr(condition)),
                    Clause::Let(l) => {
                        d.nested(&format!("let {}", l.name.name), |d| d.expr(&l.value))
                    }
                }
            }
            d.nested("struct", |d| d.decls(&c.body.decls));
        });
    }

    fn expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Ident(i) => self.line(&format!("ident {}", i.name)),
            Expr::Bottom(_) => self.line("bottom"),
            Expr::Null(_) => self.line("null"),
            Expr::Bool(b, _) => self.line(&format!("bool {b}")),
            Expr::Number(n) => {
                let kind = match n.kind {
                    NumberKind::Int => "int",
                    NumberKind::Float => "float",
                };
                self.line(&format!("{kind} {}", n.text));
            }
            Expr::String(s) => self.line(&format!(
                "string{} {}",
                kind_text(s.kind),
                str_value(&s.value)
            )),
            Expr::Interpolation(i) => {
                self.nested(&format!("interpolation{}", kind_text(i.kind)), |d| {
                    for part in &i.parts {
                        match part {
                            InterpolationPart::Text { value, .. } => {
                                d.line(&format!("text {}", str_value(value)))
                            }
                            InterpolationPart::Expr(e) => d.expr(e),
                        }
                    }
                })
            }
            Expr::Struct(s) => {
                let head = if s.braces { "struct" } else { "struct (chain)" };
                self.nested(head, |d| d.decls(&s.decls));
            }
            Expr::List(l) => self.nested("list", |d| {
                for elem in &l.elems {
                    match elem {
                        ListElem::Expr(e) => d.expr(e),
                        ListElem::Comprehension(c) => d.comprehension(c),
                        ListElem::Ellipsis(e) => d.ellipsis(e),
                    }
                }
            }),
            Expr::Paren(p) => self.nested("paren", |d| d.expr(&p.inner)),
            Expr::Unary(u) => {
                self.nested(&format!("unary {}", u.op.as_str()), |d| d.expr(&u.operand))
            }
            Expr::Binary(b) => self.nested(&format!("binary {}", b.op.as_str()), |d| {
                d.expr(&b.lhs);
                d.expr(&b.rhs);
            }),
            Expr::Selector(s) => {
                let name = match &s.name {
                    SelectorName::Ident(i) => i.name.to_string(),
                    SelectorName::String(s) => str_value(&s.value),
                };
                self.nested(&format!("selector {name}"), |d| d.expr(&s.base));
            }
            Expr::Index(i) => self.nested("index", |d| {
                d.expr(&i.base);
                d.expr(&i.index);
            }),
            Expr::Slice(s) => self.nested("slice", |d| {
                d.expr(&s.base);
                match &s.low {
                    Some(e) => d.expr(e),
                    None => d.line("none"),
                }
                match &s.high {
                    Some(e) => d.expr(e),
                    None => d.line("none"),
                }
            }),
            Expr::Call(c) => self.nested("call", |d| {
                d.expr(&c.func);
                for a in &c.args {
                    d.expr(a);
                }
            }),
            Expr::Error(_) => self.line("error"),
        }
    }
}
