//! Tree nodes the JSON and YAML readers share, and the assembly of a
//! file from its top-level values.

use super::number::CueNumber;
use crate::ast::*;
use crate::parser::ParsedFile;
use smol_str::SmolStr;
use tenon_diagnostics::Diagnostic;

/// Nesting levels a list or struct adds (as its brackets do in CUE).
pub(super) const CONTAINER_LEVELS: usize = 2;
/// Nesting levels a member's value adds (as the `:` does in CUE).
pub(super) const MEMBER_LEVELS: usize = 1;

/// Makes tree nodes of one file.
#[derive(Clone, Copy, Debug)]
pub(super) struct Nodes {
    pub file: FileId,
}

impl Nodes {
    pub fn span(self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end.max(start))
    }

    pub fn string(self, value: &str, span: Span) -> Expr {
        Expr::String(StringLit {
            kind: StringKind::default(),
            value: StrValue::Text(SmolStr::new(value)),
            span,
        })
    }

    pub fn bytes(self, value: Vec<u8>, span: Span) -> Expr {
        Expr::String(StringLit {
            kind: StringKind {
                bytes: true,
                ..StringKind::default()
            },
            value: StrValue::Bytes(value.into_boxed_slice()),
            span,
        })
    }

    /// A number; `span` covers its sign too.
    pub fn number(self, number: CueNumber, span: Span) -> Expr {
        let literal_start = (span.start as usize + number.sign_len).min(span.end as usize);
        let literal = Expr::Number(NumberLit {
            kind: number.kind,
            text: SmolStr::new(&number.text),
            span: self.span(literal_start, span.end as usize),
        });
        if !number.negative {
            return literal;
        }
        Expr::Unary(Box::new(Unary {
            op: UnaryOp::Neg,
            operand: literal,
            span,
        }))
    }

    /// A quoted label `"name"`.
    pub fn label(self, name: &str, span: Span) -> Label {
        Label {
            alias: None,
            name: LabelName::String(self.string(name, span)),
            constraint: FieldConstraint::Regular,
            span,
        }
    }

    pub fn field(self, label: Label, value: Expr) -> Decl {
        let span = label.span.to(value.span());
        Decl::Field(Box::new(Field {
            label,
            value_alias: None,
            value,
            attributes: Box::default(),
            doc: None,
            span,
        }))
    }

    pub fn list(self, elems: Vec<Expr>, span: Span) -> Expr {
        Expr::List(ListLit {
            elems: elems.into_iter().map(ListElem::Expr).collect(),
            span,
        })
    }

    pub fn structure(self, decls: Vec<Decl>, span: Span) -> Expr {
        Expr::Struct(StructLit {
            decls,
            braces: true,
            span,
        })
    }

    /// `*null | _`: what CUE reads from a YAML file without documents.
    pub fn null_or_top(self) -> Expr {
        let at = self.span(0, 0);
        Expr::Binary(Box::new(Binary {
            op: BinaryOp::Or,
            lhs: Expr::Unary(Box::new(Unary {
                op: UnaryOp::Default,
                operand: Expr::Null(at),
                span: at,
            })),
            rhs: self.top(),
            op_span: at,
            span: at,
        }))
    }

    /// `_`
    pub fn top(self) -> Expr {
        Expr::Ident(Ident {
            name: SmolStr::new_static("_"),
            span: self.span(0, 0),
        })
    }

    /// The file holding `values`, unified: a non-empty struct gives its
    /// members as fields, anything else is embedded; no value at all is
    /// `empty`.
    pub fn file(
        self,
        text: &str,
        values: Vec<Expr>,
        empty: Expr,
        mut diagnostics: Vec<Diagnostic>,
    ) -> ParsedFile {
        let mut decls = Vec::new();
        if values.is_empty() {
            decls.push(Decl::Embed(empty));
        }
        for value in values {
            match value {
                Expr::Struct(s) if !s.decls.is_empty() => decls.extend(s.decls),
                other => decls.push(Decl::Embed(other)),
            }
        }
        diagnostics.sort_by_key(|d| (d.span().start, d.span().end));
        ParsedFile {
            file: File {
                id: self.file,
                span: self.span(0, text.len()),
                attributes: Vec::new(),
                package: None,
                imports: Vec::new(),
                decls,
                comments: Vec::new(),
            },
            diagnostics,
        }
    }
}
