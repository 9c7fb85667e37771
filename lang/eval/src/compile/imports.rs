//! Imports: `import "strings"` binds a name in the file's scope;
//! `strings.ToUpper` is resolved here, at compile time, to the package's
//! function, or to the compiled Tenon source of a value member
//! (`list.Ascending`). Unknown packages and members, and imports never
//! used, are reported.

use super::scope::{Binding, Scope};
use super::Compiler;
use crate::builtin::{MemberKind, Package};
use crate::ir::{Expr, ExprId, FuncRef};
use tenon_diagnostics::{Diagnostic, FileId, Span};
use tenon_syntax::ast;

/// One import declaration of a file.
#[derive(Debug)]
pub(crate) struct Import {
    pub package: &'static Package,
    /// The path's span (where "imported and not used" points).
    pub span: Span,
    pub used: bool,
}

/// The file id of builtin packages' Tenon source while it is parsed (its
/// nodes then take the span of the reference that uses them).
const BUILTIN_SOURCE: FileId = FileId(u32::MAX);

impl Compiler {
    /// Binds the file's imports in its scope.
    pub(super) fn bind_imports(&mut self, file: &ast::File, scope: &mut Scope) {
        for spec in file.imports.iter().flat_map(|d| d.specs.iter()) {
            let ast::StrValue::Text(path) = &spec.path.value else {
                continue;
            };
            let Some(package) = self.builtins.package(path) else {
                self.diagnostics.push(Diagnostic::error(
                    "unknown-package",
                    spec.path.span,
                    format!("cannot find package \"{path}\""),
                ));
                continue;
            };
            let (name, span) = match &spec.alias {
                Some(alias) => (alias.name.clone(), alias.span),
                None => (package.name().into(), spec.path.span),
            };
            let index = self.imports.len() as u32;
            self.imports.push(Import {
                package,
                span: spec.path.span,
                used: false,
            });
            scope.bind(name, Binding::Import(index), span);
        }
    }

    /// `pkg.name` where `pkg` names an import: the member, compiled.
    pub(super) fn import_member(
        &mut self,
        index: u32,
        name: &ast::SelectorName,
        span: Span,
    ) -> ExprId {
        let import = &mut self.imports[index as usize];
        import.used = true;
        let package = import.package;
        let (text, name_span) = match name {
            ast::SelectorName::Ident(i) => (i.name.to_string(), i.span),
            ast::SelectorName::String(l) => match &l.value {
                ast::StrValue::Text(t) => (t.to_string(), l.span),
                ast::StrValue::Bytes(_) => (String::new(), l.span),
            },
        };
        let Some(member) = package.member(&text) else {
            self.diagnostics.push(Diagnostic::error(
                "undefined-reference",
                name_span,
                format!("\"{text}\" is not defined in package \"{}\"", package.path),
            ));
            return self.code.push(Expr::Bottom, span);
        };
        match &member.kind {
            MemberKind::Func(func) => self.code.push(
                Expr::Func(FuncRef {
                    package,
                    name: member.name,
                    func,
                }),
                span,
            ),
            MemberKind::Source(source) => self.member_source(package, member.name, source, span),
        }
    }

    /// A member written in Tenon, compiled once per program in a scope of
    /// its own.
    fn member_source(
        &mut self,
        package: &'static Package,
        name: &'static str,
        source: &'static str,
        span: Span,
    ) -> ExprId {
        let key = (package.path, name);
        if let Some(&id) = self.member_sources.get(&key) {
            return id;
        }
        let parsed = tenon_syntax::parse_expr(BUILTIN_SOURCE, source);
        if let Some(error) = parsed.diagnostics.first() {
            self.diagnostics.push(Diagnostic::error(
                "invalid-builtin",
                span,
                format!("{}.{name} does not parse: {}", package.path, error.message),
            ));
            return self.code.push(Expr::Bottom, span);
        }
        let outer = std::mem::take(&mut self.scopes);
        let first = self.code.next_id();
        let id = self.expr(&parsed.expr);
        self.code.respan_from(first, span);
        self.scopes = outer;
        self.member_sources.insert(key, id);
        id
    }

    /// Every import no reference used.
    pub(super) fn report_unused_imports(&mut self) {
        for import in &self.imports {
            if !import.used {
                self.diagnostics.push(Diagnostic::error(
                    "unused-import",
                    import.span,
                    format!("imported and not used: \"{}\"", import.package.path),
                ));
            }
        }
    }
}
