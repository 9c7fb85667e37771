//! Struct literals, files and comprehensions. A struct's names are all
//! declared before any of its values is compiled, so references do not
//! depend on the order of declarations.

use super::scope::{Binding, Scope};
use super::Compiler;
use crate::ir::{Clause, Comprehension, Decl, Expr, ExprId, Optionality, StructLit};
use crate::label::{Label, LabelKind};
use tenon_diagnostics::{Diagnostic, Span};
use tenon_syntax::ast::{self, Name};

/// The identifier-labelled top-level fields of the files that have a
/// package clause: the names every file of the package sees.
pub(super) fn package_fields(files: &[&ast::File]) -> Vec<(Name, Span)> {
    top_level_fields(files.iter().copied().filter(|f| f.package.is_some()))
}

/// The identifier-labelled top-level fields of `files`.
pub(super) fn top_level_fields<'a>(
    files: impl Iterator<Item = &'a ast::File>,
) -> Vec<(Name, Span)> {
    files
        .flat_map(|f| f.decls.iter())
        .filter_map(|d| match d {
            ast::Decl::Field(field) => match &field.label.name {
                ast::LabelName::Ident(id) => Some((id.name.clone(), id.span)),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

impl Compiler {
    /// A file: a struct literal whose scope also holds the package's
    /// fields when `shared` is given.
    pub(super) fn file(
        &mut self,
        file: &ast::File,
        shared: Option<&Vec<(Name, Span)>>,
        imports: &crate::builtin::Imports,
    ) -> ExprId {
        let mut scope = Scope::default();
        if let Some(fields) = shared {
            for (name, span) in fields {
                let label = self.labels.intern(name, LabelKind::of_ident(name));
                scope.bind(name.clone(), Binding::Field(label), *span);
            }
        }
        self.bind_imports(file, &mut scope, imports);
        self.struct_decls(&file.decls, scope, file.span)
    }

    /// An expression evaluated at the top of a package (`-e EXPR`).
    pub(super) fn top_level_expr(&mut self, fields: &[(Name, Span)], expr: &ast::Expr) -> ExprId {
        let mut scope = Scope::default();
        for (name, span) in fields {
            let label = self.labels.intern(name, LabelKind::of_ident(name));
            scope.bind(name.clone(), Binding::Field(label), *span);
        }
        self.scopes.push(scope);
        let id = self.expr(expr);
        self.scopes.pop();
        id
    }

    pub(super) fn struct_lit(&mut self, lit: &ast::StructLit) -> ExprId {
        self.struct_decls(&lit.decls, Scope::default(), lit.span)
    }

    fn struct_decls(&mut self, decls: &[ast::Decl], mut scope: Scope, span: Span) -> ExprId {
        let lets = self.declare(decls, &mut scope);
        self.check_let_clashes(decls);
        self.scopes.push(scope);
        let mut out = StructLit::default();
        let mut lets = lets.into_iter();
        for decl in decls {
            match decl {
                ast::Decl::Field(field) => out.decls.push(self.field(field)),
                ast::Decl::Let(clause) => {
                    let value = self.expr(&clause.value);
                    if let Some(slot) = lets.next() {
                        self.code.set(slot, Expr::And(Box::new([value])));
                    }
                }
                ast::Decl::Embed(expr) => out.decls.push(Decl::Embed(self.expr(expr))),
                ast::Decl::Comprehension(c) => {
                    out.decls
                        .push(Decl::Comprehension(Box::new(self.comprehension(c))));
                }
                ast::Decl::Ellipsis(e) => {
                    let ty = e.ty.as_ref().map(|t| self.expr(t));
                    out.decls.push(Decl::Ellipsis(ty));
                }
                ast::Decl::Attribute(_) | ast::Decl::Error(_) => {}
            }
        }
        self.report_unused();
        self.code.push(Expr::Struct(Box::new(out)), span)
    }

    /// A field may not share its name with a `let` of the same or an
    /// enclosing scope.
    fn check_let_clashes(&mut self, decls: &[ast::Decl]) {
        for decl in decls {
            let ast::Decl::Field(field) = decl else {
                continue;
            };
            let ast::LabelName::Ident(id) = &field.label.name else {
                continue;
            };
            let own_let = decls.iter().find_map(|d| match d {
                ast::Decl::Let(l) if l.name.name == id.name => Some(l.name.span),
                _ => None,
            });
            let clash = own_let.or_else(|| self.scopes.let_visible(&id.name));
            if let Some(let_span) = clash {
                let message = format!(
                    "cannot have both alias and field with name \"{}\" in same scope",
                    id.name
                );
                self.diagnostics.push(
                    Diagnostic::error("let-clash", id.span, message)
                        .with_label(let_span, "the let"),
                );
            }
        }
    }

    fn report_unused(&mut self) {
        for (name, span) in self.scopes.pop() {
            self.diagnostics.push(Diagnostic::error(
                "unused-let",
                span,
                format!("unused let \"{name}\""),
            ));
        }
    }

    /// Binds the names a struct declares; returns the slots reserved for
    /// its lets, in order.
    fn declare(&mut self, decls: &[ast::Decl], scope: &mut Scope) -> Vec<ExprId> {
        let mut lets = Vec::new();
        for decl in decls {
            match decl {
                ast::Decl::Field(field) => {
                    let label = match &field.label.name {
                        ast::LabelName::Ident(id) => {
                            let label = self.labels.intern(&id.name, LabelKind::of_ident(&id.name));
                            scope.bind(id.name.clone(), Binding::Field(label), id.span);
                            Some(label)
                        }
                        ast::LabelName::String(ast::Expr::String(s)) => {
                            Some(self.labels.intern(&s.value.to_text(), LabelKind::Regular))
                        }
                        _ => None,
                    };
                    match label {
                        Some(label) => {
                            for alias in [&field.label.alias, &field.value_alias]
                                .into_iter()
                                .flatten()
                            {
                                scope.bind(alias.name.clone(), Binding::Field(label), alias.span);
                            }
                        }
                        // `F=(k): v`: the alias stands for the value, like a
                        // `let` holding it.
                        None => match (&field.label.alias, &field.label.name) {
                            (Some(alias), ast::LabelName::Pattern { .. }) => {
                                self.diagnostics.push(Diagnostic::error(
                                    "unsupported-alias",
                                    alias.span,
                                    "an alias before a pattern constraint (`X=[…]:`) is not supported; \
                                     alias the label inside the brackets (`[X=…]:`)",
                                ));
                            }
                            (Some(alias), _) => {
                                let slot = self.code.push(Expr::Top, alias.span);
                                scope.bind(alias.name.clone(), Binding::Let(slot), alias.span);
                                self.dynamic_aliases.push((field.span, slot));
                            }
                            (None, _) => {}
                        },
                    }
                }
                ast::Decl::Let(clause) => {
                    let slot = self.code.push(Expr::Top, clause.span);
                    scope.bind_checked(
                        clause.name.name.clone(),
                        Binding::Let(slot),
                        clause.name.span,
                    );
                    lets.push(slot);
                }
                _ => {}
            }
        }
        lets
    }

    fn field(&mut self, field: &ast::Field) -> Decl {
        let optional = match field.label.constraint {
            ast::FieldConstraint::Regular => Optionality::Regular,
            ast::FieldConstraint::Optional => Optionality::Optional,
            ast::FieldConstraint::Required => Optionality::Required,
        };
        match &field.label.name {
            ast::LabelName::Ident(id) => {
                let label = self.labels.intern(&id.name, LabelKind::of_ident(&id.name));
                self.field_path.push(id.name.to_string());
                let value = self.expr(&field.value);
                self.field_path.pop();
                self.code.set_label_span(value, field.label.span);
                Decl::Field {
                    label,
                    optional,
                    value,
                }
            }
            ast::LabelName::String(ast::Expr::String(s)) => {
                let text = s.value.to_text();
                let label = self.labels.intern(&text, LabelKind::Regular);
                self.field_path.push(crate::label::path_segment(&text));
                let value = self.expr(&field.value);
                self.field_path.pop();
                self.code.set_label_span(value, field.label.span);
                Decl::Field {
                    label,
                    optional,
                    value,
                }
            }
            ast::LabelName::String(expr) => self.dynamic_field(field, expr, optional),
            ast::LabelName::Dynamic { expr, .. } => self.dynamic_field(field, expr, optional),
            ast::LabelName::Pattern { alias, expr, .. } => {
                let pattern = self.expr(expr);
                let value = match alias {
                    Some(alias) => {
                        let mut scope = Scope::default();
                        scope.bind(alias.name.clone(), Binding::Var(0), alias.span);
                        self.scopes.push(scope);
                        let value = self.expr(&field.value);
                        self.scopes.pop();
                        value
                    }
                    None => self.expr(&field.value),
                };
                Decl::Pattern {
                    pattern,
                    value,
                    alias: alias.is_some(),
                }
            }
        }
    }

    fn dynamic_field(
        &mut self,
        field: &ast::Field,
        label: &ast::Expr,
        optional: Optionality,
    ) -> Decl {
        let label = self.expr(label);
        let value = self.expr(&field.value);
        self.code.set_label_span(value, field.label.span);
        if let Some(i) = self
            .dynamic_aliases
            .iter()
            .position(|(span, _)| *span == field.span)
        {
            let (_, slot) = self.dynamic_aliases.swap_remove(i);
            self.code.set(slot, Expr::And(Box::new([value])));
        }
        Decl::Dynamic {
            label,
            optional,
            value,
        }
    }

    pub(super) fn comprehension(&mut self, c: &ast::Comprehension) -> Comprehension {
        let mut clauses = Vec::new();
        let mut frames = 0;
        for clause in &c.clauses {
            match clause {
                ast::Clause::For {
                    key, value, source, ..
                } => {
                    let source = self.expr(source);
                    let mut scope = Scope::default();
                    let mut slot = 0;
                    if let Some(key) = key {
                        scope.bind(key.name.clone(), Binding::Var(0), key.span);
                        slot = 1;
                    }
                    scope.bind(value.name.clone(), Binding::Var(slot), value.span);
                    self.scopes.push(scope);
                    frames += 1;
                    clauses.push(Clause::For {
                        key: key.is_some(),
                        source,
                    });
                }
                ast::Clause::If { condition, .. } => clauses.push(Clause::If(self.expr(condition))),
                ast::Clause::Let(l) => {
                    let value = self.expr(&l.value);
                    let mut scope = Scope::default();
                    scope.bind(l.name.name.clone(), Binding::Var(0), l.name.span);
                    self.scopes.push(scope);
                    frames += 1;
                    clauses.push(Clause::Let(value));
                }
            }
        }
        let body = self.struct_lit(&c.body);
        for _ in 0..frames {
            self.scopes.pop();
        }
        Comprehension { clauses, body }
    }

    /// The label a selector names: `x.a`, `x.#D`, `x."a-b"`.
    pub(super) fn selector_label(&mut self, name: &ast::SelectorName) -> Label {
        match name {
            ast::SelectorName::Ident(id) => {
                self.labels.intern(&id.name, LabelKind::of_ident(&id.name))
            }
            ast::SelectorName::String(s) => {
                self.labels.intern(&s.value.to_text(), LabelKind::Regular)
            }
        }
    }
}
