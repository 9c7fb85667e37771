//! The syntax of Tenon (CUE's): lexer, parser and syntax tree.
//!
//! [`parse_file`] never fails: it returns a [`ast::File`] and every syntax
//! error as a [`Diagnostic`], recovering at field, list-element and
//! closing-brace boundaries so that the rest of a file with a typo still
//! parses. [`parse_expr`] does the same for a single expression (`-e`).
//! [`dump`] prints a tree without spans, for tests.

pub mod ast;
pub mod data;
pub mod dump;
mod lexer;
mod literal;
mod parser;
mod token;

pub use data::{parse_json, parse_yaml};
pub use lexer::{tokenize, Lexer, SpannedTok, MAX_NESTING};
pub use parser::{parse_expr, parse_file, ParsedExpr, ParsedFile};
pub use tenon_diagnostics::{Diagnostic, FileId, Span};
pub use token::Tok;
