//! From syntax trees to the evaluation IR ([`crate::ir`]): labels are
//! interned, references resolved to the frame and field they name (order
//! does not matter: a field may refer to one declared later, or in another
//! file of the package), and every name that resolves to nothing is
//! reported with its span.

mod decls;
mod exprs;
mod imports;
mod scope;

use crate::builtin::Imports;
use crate::ir::{Code, ExprId};
use crate::label::Interner;
use scope::Scopes;
use std::sync::Arc;
use tenon_diagnostics::Diagnostic;
use tenon_syntax::ast;

/// The compiled form of a package: its code, its labels and one root
/// struct per file (all unified at the root).
#[derive(Debug)]
pub struct Program {
    pub code: Code,
    /// Shared with every evaluation (which adds its own labels on top).
    pub labels: Arc<Interner>,
    pub roots: Vec<ExprId>,
    /// The root struct of each file of each imported module package.
    pub packages: Vec<Vec<ExprId>>,
}

/// Compiles the files of one package. Files with a package clause see each
/// other's top-level fields; a file without one sees only its own.
pub fn compile_files(files: &[&ast::File], imports: &Imports) -> (Program, Vec<Diagnostic>) {
    let mut compiler = Compiler::default();
    check_packages(files, &mut compiler.diagnostics);
    let package_fields = decls::package_fields(files);
    let mut roots = Vec::new();
    for file in files {
        let shared = file.package.is_some().then_some(&package_fields);
        roots.push(compiler.file(file, shared, imports));
    }
    compiler.report_unused_imports();
    compiler.diagnostics.sort_by_key(|d| d.span());
    let program = Program {
        code: compiler.code,
        labels: Arc::new(compiler.labels),
        roots,
        packages: compiler.packages,
    };
    (program, compiler.diagnostics)
}

/// Compiles one expression in the scope of a package's top level (for
/// `-e EXPR`), into an existing program.
pub fn compile_expr_in(
    program: &mut Program,
    files: &[&ast::File],
    expr: &ast::Expr,
) -> (ExprId, Vec<Diagnostic>) {
    let mut compiler = Compiler {
        code: std::mem::take(&mut program.code),
        labels: Arc::unwrap_or_clone(std::mem::take(&mut program.labels)),
        ..Compiler::default()
    };
    let fields = decls::top_level_fields(files.iter().copied());
    let id = compiler.top_level_expr(&fields, expr);
    program.code = compiler.code;
    program.labels = Arc::new(compiler.labels);
    (id, compiler.diagnostics)
}

/// All package clauses of the files evaluated together must agree.
fn check_packages(files: &[&ast::File], diagnostics: &mut Vec<Diagnostic>) {
    let mut first: Option<&ast::PackageClause> = None;
    for clause in files.iter().filter_map(|f| f.package.as_ref()) {
        match first {
            None => first = Some(clause),
            Some(first) if first.name.name != clause.name.name => {
                let message = format!(
                    "found packages \"{}\" and \"{}\": files evaluated together must be of one package",
                    first.name.name, clause.name.name
                );
                diagnostics.push(
                    Diagnostic::error("package-mismatch", clause.name.span, message)
                        .with_label(first.name.span, "the first package clause"),
                );
            }
            Some(_) => {}
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Compiler {
    pub code: Code,
    pub labels: Interner,
    pub scopes: Scopes,
    pub diagnostics: Vec<Diagnostic>,
    /// Aliases of dynamic fields declared but not compiled yet: the
    /// field's span and the slot for its value.
    pub dynamic_aliases: Vec<(tenon_diagnostics::Span, ExprId)>,
    /// The imports of every file compiled so far.
    pub imports: Vec<imports::Import>,
    /// Package members written in Tenon, compiled once.
    pub member_sources: std::collections::HashMap<(&'static str, &'static str), ExprId>,
    /// Module packages compiled so far (see `Program::packages`), and
    /// their indexes by import path.
    pub packages: Vec<Vec<ExprId>>,
    pub package_index: std::collections::HashMap<String, u32>,
    /// The module packages being compiled, outermost first (an import
    /// cycle guard).
    pub compiling: Vec<String>,
    /// The labels of the fields being compiled, outermost first: the data
    /// path of a compile error (`spec.count`).
    pub field_path: Vec<String>,
}
