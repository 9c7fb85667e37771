//! Entry points of the parser, and the types its grammar actions share.
//! The actions live in `ctx.rs` (state, errors, simple nodes),
//! `literals.rs`, `labels.rs`, `binary.rs` and `assemble.rs`; `explain.rs`
//! finishes the diagnostics, `errors.rs` words syntax errors. (Doc
//! comments are found by the lexer: `lexer/docs.rs`.)

use crate::ast::*;
use crate::lexer::Lexer;
use explain::finish_diagnostics;
use lalrpop_util::lalrpop_mod;
use tenon_diagnostics::Diagnostic;

mod assemble;
mod binary;
mod ctx;
mod errors;
mod explain;
mod labels;
mod literals;

pub(crate) use ctx::ParseCtx;

lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_parens,
        unused_imports,
        dead_code,
        missing_debug_implementations
    )]
    grammar
);

/// A parsed file and every syntax error found in it, sorted by position.
#[derive(Debug)]
pub struct ParsedFile {
    pub file: File,
    pub diagnostics: Vec<Diagnostic>,
}

/// A parsed expression (for `-e EXPR`) and its syntax errors.
#[derive(Debug)]
pub struct ParsedExpr {
    pub expr: Expr,
    pub comments: Vec<Comment>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses one source file. Never fails: errors are diagnostics, and the
/// tree holds `Error` nodes where the parser recovered.
pub fn parse_file(id: FileId, src: &str) -> ParsedFile {
    let mut lexer = Lexer::new(id, src);
    let mut ctx = ParseCtx::new(id, src, lexer.comments.clone());
    let items = match grammar::FileParser::new().parse(&mut ctx, &mut lexer) {
        Ok(items) => items,
        Err(error) => {
            let span = ctx.report(error);
            vec![TopItem::Decl(Decl::Error(span))]
        }
    };
    let mut file = ctx.assemble(items);
    file.comments = lexer.take_comments();
    let diagnostics = finish_diagnostics(src, ctx.diagnostics, &mut lexer);
    ParsedFile { file, diagnostics }
}

/// Parses a single expression.
pub fn parse_expr(id: FileId, src: &str) -> ParsedExpr {
    let mut lexer = Lexer::new(id, src);
    let mut ctx = ParseCtx::new(id, src, lexer.comments.clone());
    // An expression is a struct body with one embedding; parsing it so
    // gets the same recovery and comma handling as files.
    let expr = match grammar::DeclsParser::new().parse(&mut ctx, &mut lexer) {
        Ok(decls) => ctx.single_expr(decls, src.len()),
        Err(error) => Expr::Error(ctx.report(error)),
    };
    let comments = lexer.take_comments();
    let diagnostics = finish_diagnostics(src, ctx.diagnostics, &mut lexer);
    ParsedExpr {
        expr,
        comments,
        diagnostics,
    }
}

/// What may stand at the top level of a file; [`ParseCtx::assemble`]
/// checks the order (package, then imports, then declarations).
#[derive(Debug)]
pub enum TopItem {
    Package(PackageClause),
    Import(ImportDecl),
    Decl(Decl),
}

/// A list element before validation (aliases are only valid in a pattern
/// label `[X=expr]`). As large as a [`ListElem`], so that a list's
/// elements are converted without a new allocation.
#[derive(Debug)]
pub enum RawElem {
    Expr(Expr),
    Alias(Box<Ident>, Box<Expr>),
    Comprehension(Box<Comprehension>),
    Ellipsis(Ellipsis),
    Error(Span),
}

const _: () = assert!(std::mem::size_of::<RawElem>() == std::mem::size_of::<ListElem>());

/// The `?` or `!` after a label, with its position.
#[derive(Debug, Clone, Copy)]
pub enum Marker {
    None,
    Optional(usize, usize),
    Required(usize, usize),
}
