//! Source files, byte spans and diagnostics for every stage of Tenon.
//!
//! Each stage (lexer, parser, evaluator, renderer) reports what a user got
//! wrong as a [`Diagnostic`]: a code, a severity, a message, a primary
//! [`Span`] and optional secondary labels, notes and a data path. Spans are
//! byte offsets into a file registered in a [`SourceMap`]; line and column
//! numbers are computed only when a diagnostic is rendered, either as a
//! one-line summary ([`Diagnostic::summary`]) or as an ariadne report
//! ([`render`]).

mod diagnostic;
mod render;
mod source_map;
mod span;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use render::{render, render_all, RenderOptions};
pub use source_map::{LineCol, SourceFile, SourceMap};
pub use span::{FileId, Span};
