//! Grammar actions for labels, fields, lists and aliases: an operand
//! followed by `:` becomes a label here, and aliases are checked to stand
//! where they may.

use super::assemble::is_simple_string;
use super::{Marker, ParseCtx, RawElem};
use crate::ast::*;
use crate::token::label_ident_end;

impl ParseCtx<'_> {
    /// `x."name"`: only a simple string (single-line, double-quoted, not
    /// raw) names a field.
    pub(crate) fn quoted_selector(
        &mut self,
        base: Expr,
        name: StringLit,
        lo: usize,
        hi: usize,
    ) -> Expr {
        if !is_simple_string(&name) {
            self.error(
                "invalid-selector",
                name.span,
                "a selector must be an identifier or a simple double-quoted string",
            );
        }
        Expr::Selector(Box::new(Selector {
            base,
            name: SelectorName::String(name),
            span: self.span(lo, hi),
        }))
    }

    pub(crate) fn aliased_paren(
        &mut self,
        alias: Ident,
        inner: Expr,
        lo: usize,
        hi: usize,
    ) -> Expr {
        let span = self.span(lo, hi);
        self.aliased_parens.push((span.start, Box::new(alias)));
        Expr::Paren(Box::new(Paren { inner, span }))
    }

    pub(super) fn take_alias(list: &mut Vec<(u32, Box<Ident>)>, start: u32) -> Option<Box<Ident>> {
        let at = list.iter().rposition(|(s, _)| *s == start)?;
        Some(list.swap_remove(at).1)
    }

    pub(crate) fn list(&mut self, mark: usize, lo: usize, hi: usize) -> Expr {
        let elems = self.elems.take(mark);
        let span = self.span(lo, hi);
        let count = elems.len();
        // Converted in place: a `RawElem` has the size of a `ListElem`.
        let out: Vec<ListElem> = elems
            .into_iter()
            .map(|elem| match elem {
                RawElem::Expr(e) => ListElem::Expr(e),
                RawElem::Alias(alias, e) if count == 1 => {
                    self.aliased_lists.push((span.start, alias));
                    ListElem::Expr(*e)
                }
                RawElem::Alias(alias, e) => {
                    self.error(
                        "misplaced-alias",
                        alias.span,
                        "an alias `X=` is not allowed in a list element",
                    );
                    ListElem::Expr(*e)
                }
                RawElem::Comprehension(c) => ListElem::Comprehension(c),
                RawElem::Ellipsis(e) => ListElem::Ellipsis(e),
                RawElem::Error(s) => ListElem::Expr(Expr::Error(s)),
            })
            .collect();
        for (i, elem) in out.iter().enumerate() {
            if let ListElem::Ellipsis(e) = elem {
                if i + 1 != out.len() {
                    self.error(
                        "misplaced-ellipsis",
                        e.span,
                        "`...` must be the last element of a list",
                    );
                }
            }
        }
        Expr::List(ListLit { elems: out, span })
    }

    /// Converts an operand followed by `:` into a label.
    pub(crate) fn label(
        &mut self,
        alias: Option<Box<Ident>>,
        operand: Expr,
        marker: Marker,
        lo: usize,
        hi: usize,
    ) -> Label {
        let span = self.span(lo, hi);
        let constraint = match marker {
            Marker::None => FieldConstraint::Regular,
            Marker::Optional(..) => FieldConstraint::Optional,
            Marker::Required(..) => FieldConstraint::Required,
        };
        let name = match operand {
            Expr::Ident(i) => LabelName::Ident(i),
            // `null`, `true` and `false` are valid field names.
            Expr::Null(s) => LabelName::Ident(Ident {
                name: "null".into(),
                span: s,
            }),
            Expr::Bool(b, s) => LabelName::Ident(Ident {
                name: if b { "true" } else { "false" }.into(),
                span: s,
            }),
            e @ (Expr::String(_) | Expr::Interpolation(_)) => LabelName::String(e),
            Expr::Paren(p) => {
                let alias = Self::take_alias(&mut self.aliased_parens, p.span.start);
                LabelName::Dynamic {
                    alias,
                    expr: Box::new(p.inner),
                    span: p.span,
                }
            }
            Expr::List(list) => {
                let list_alias = Self::take_alias(&mut self.aliased_lists, list.span.start);
                if let Marker::Optional(a, b) | Marker::Required(a, b) = marker {
                    let s = self.span(a, b);
                    self.error(
                        "invalid-label",
                        s,
                        "a pattern constraint `[expr]:` cannot be optional or required",
                    );
                }
                let mut elems = list.elems;
                match (elems.len(), elems.pop()) {
                    (1, Some(ListElem::Expr(expr))) => LabelName::Pattern {
                        alias: list_alias,
                        expr: Box::new(expr),
                        span: list.span,
                    },
                    _ => {
                        self.error(
                            "invalid-label",
                            list.span,
                            "a pattern constraint must hold exactly one expression: `[expr]: value`",
                        );
                        LabelName::Pattern {
                            alias: list_alias,
                            expr: Box::new(Expr::Error(list.span)),
                            span: list.span,
                        }
                    }
                }
            }
            other => {
                let s = other.span();
                self.error(
                    "invalid-label",
                    s,
                    "invalid label: expected an identifier, a string, `(expr)` or `[pattern]`",
                );
                LabelName::Ident(Ident {
                    name: "_".into(),
                    span: s,
                })
            }
        };
        Label {
            alias,
            name,
            constraint,
            span,
        }
    }

    /// A plain identifier label: the lexer's `LabelIdent`, whose span
    /// `lo..hi` also covers the colon.
    pub(crate) fn ident_label(&mut self, lo: usize, hi: usize) -> Label {
        let hi = label_ident_end(self.src, lo, hi);
        Label {
            alias: None,
            name: LabelName::Ident(self.ident(lo, hi)),
            constraint: FieldConstraint::Regular,
            span: self.span(lo, hi),
        }
    }

    /// A keyword used as a label: `if: 1`, `for?: int`, `X=let: 2`.
    pub(crate) fn keyword_label(
        &mut self,
        alias: Option<Ident>,
        keyword: &'static str,
        constraint: FieldConstraint,
        lo: usize,
        hi: usize,
    ) -> Label {
        let span = self.span(lo, hi);
        let name_start = alias.as_ref().map_or(lo, |a| a.span.end as usize + 1);
        Label {
            alias: alias.map(Box::new),
            name: LabelName::Ident(Ident {
                name: keyword.into(),
                span: self.span(name_start, name_start + keyword.len()),
            }),
            constraint,
            span,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn field(
        &mut self,
        label: Label,
        value_alias: Option<Ident>,
        value: Expr,
        attributes: Vec<Attribute>,
        lo: usize,
        hi: usize,
    ) -> Box<Field> {
        Box::new(Field {
            label,
            value_alias: value_alias.map(Box::new),
            value,
            attributes: attributes.into_boxed_slice(),
            doc: self.comments.borrow().doc_at(lo),
            span: self.span(lo, hi),
        })
    }

    pub(crate) fn field_chain(
        &mut self,
        label: Label,
        inner: Box<Field>,
        lo: usize,
        hi: usize,
    ) -> Box<Field> {
        let inner_span = inner.span;
        Box::new(Field {
            label,
            value_alias: None,
            value: Expr::Struct(StructLit {
                decls: vec![Decl::Field(inner)],
                braces: false,
                span: inner_span,
            }),
            attributes: Box::default(),
            doc: self.comments.borrow().doc_at(lo),
            span: self.span(lo, hi),
        })
    }

    /// Reports `(X=expr)` and `[X=expr]` that did not become labels.
    pub(super) fn report_stray_aliases(&mut self) {
        let stray: Vec<Box<Ident>> = self
            .aliased_parens
            .drain(..)
            .chain(self.aliased_lists.drain(..))
            .map(|(_, alias)| alias)
            .collect();
        for alias in stray {
            self.error(
                "misplaced-alias",
                alias.span,
                "an alias `X=` inside `(…)` or `[…]` is only allowed in a label",
            );
        }
    }
}
