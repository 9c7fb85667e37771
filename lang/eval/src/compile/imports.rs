//! Imports: `import "strings"` binds a name in the file's scope;
//! `strings.ToUpper` is resolved here, at compile time, to the package's
//! function, or to the compiled Tenon source of a value member
//! (`list.Ascending`). Unknown packages and members, and imports never
//! used, are reported.

use super::scope::{Binding, Scope};
use super::Compiler;
use crate::builtin::{Imports, MemberKind, Package};
use crate::ir::{Expr, ExprId, FuncRef};
use crate::label::LabelKind;
use tenon_diagnostics::{Diagnostic, FileId, Span};
use tenon_syntax::ast;

/// One import declaration of a file.
#[derive(Debug)]
pub(crate) struct Import {
    pub target: Target,
    pub path: String,
    /// The path's span (where "imported and not used" points).
    pub span: Span,
    pub used: bool,
}

/// What an import names.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Target {
    Builtin(&'static Package),
    /// A package of the module: its index among the program's packages.
    Package(u32),
    /// A package that could not be compiled (already reported): its
    /// members are errors, without further messages.
    Failed,
}

/// The file id of builtin packages' Tenon source while it is parsed (its
/// nodes then take the span of the reference that uses them).
const BUILTIN_SOURCE: FileId = FileId::new(u32::MAX - 1);

impl Compiler {
    /// Binds the file's imports in its scope, compiling the module's
    /// packages it imports (once each).
    pub(super) fn bind_imports(&mut self, file: &ast::File, scope: &mut Scope, imports: &Imports) {
        for spec in file.imports.iter().flat_map(|d| d.specs.iter()) {
            let ast::StrValue::Text(path) = &spec.path.value else {
                continue;
            };
            let (target, default_name) = if let Some(package) = imports.builtins.package(path) {
                (Target::Builtin(package), package.name().to_string())
            } else if let Some(package) = imports.packages.iter().find(|p| p.path == *path) {
                let target = match self.module_package(package, spec.path.span, imports) {
                    Some(index) => Target::Package(index),
                    None => Target::Failed,
                };
                let name = package
                    .files
                    .iter()
                    .find_map(|f| f.package.as_ref())
                    .map(|clause| clause.name.name.to_string())
                    .unwrap_or_else(|| path.rsplit('/').next().unwrap_or(path).to_string());
                (target, name)
            } else {
                self.diagnostics.push(Diagnostic::error(
                    "unknown-package",
                    spec.path.span,
                    format!("cannot find package \"{path}\""),
                ));
                let name = path.split(':').next().unwrap_or(path);
                (
                    Target::Failed,
                    name.rsplit('/').next().unwrap_or(name).to_string(),
                )
            };
            let (name, span) = match &spec.alias {
                Some(alias) => (alias.name.clone(), alias.span),
                None => (default_name.as_str().into(), spec.path.span),
            };
            let index = self.imports.len() as u32;
            self.imports.push(Import {
                target,
                path: path.to_string(),
                span: spec.path.span,
                used: false,
            });
            scope.bind(name, Binding::Import(index), span);
        }
    }

    /// The index of a module package, compiled on first use. An import
    /// cycle is reported (at `span`, the import that closes it).
    fn module_package(
        &mut self,
        package: &crate::builtin::ImportedPackage,
        span: Span,
        imports: &Imports,
    ) -> Option<u32> {
        if let Some(&index) = self.package_index.get(&package.path) {
            return Some(index);
        }
        if let Some(start) = self.compiling.iter().position(|p| *p == package.path) {
            let mut cycle: Vec<&str> = self.compiling[start..].iter().map(String::as_str).collect();
            cycle.push(&package.path);
            let message = format!("import cycle not allowed: {}", cycle.join(" -> "));
            self.diagnostics
                .push(Diagnostic::error("import-cycle", span, message));
            return None;
        }
        self.compiling.push(package.path.clone());
        let outer = std::mem::take(&mut self.scopes);
        let fields = super::decls::package_fields(&package.files);
        let mut roots = Vec::with_capacity(package.files.len());
        for file in &package.files {
            roots.push(self.file(file, Some(&fields), imports));
        }
        self.scopes = outer;
        self.compiling.pop();
        let index = self.packages.len() as u32;
        self.packages.push(roots);
        self.package_index.insert(package.path.clone(), index);
        Some(index)
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
        let (text, name_span) = match name {
            ast::SelectorName::Ident(i) => (i.name.to_string(), i.span),
            ast::SelectorName::String(l) => match &l.value {
                ast::StrValue::Text(t) => (t.to_string(), l.span),
                ast::StrValue::Bytes(_) => (String::new(), l.span),
            },
        };
        let package = match import.target {
            Target::Builtin(package) => package,
            Target::Failed => return self.code.push(Expr::Bottom, span),
            Target::Package(package) => {
                let base = self.code.push(Expr::Package(package), span);
                let label = self.labels.intern(&text, LabelKind::of_ident(&text));
                let id = self.code.push(Expr::Select(base, label), span);
                self.code.set_selector_span(id, name_span);
                return id;
            }
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
            if !import.used && !matches!(import.target, Target::Failed) {
                self.diagnostics.push(Diagnostic::error(
                    "unused-import",
                    import.span,
                    format!("imported and not used: \"{}\"", import.path),
                ));
            }
        }
    }
}
