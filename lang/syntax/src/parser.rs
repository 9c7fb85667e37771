//! Entry points of the parser and the helpers its grammar actions call.

use crate::ast::*;
use crate::lexer::Lexer;
use crate::literal::{decode_parts, LiteralError, RawPart};
use crate::token::Tok;
use lalrpop_util::{lalrpop_mod, ErrorRecovery, ParseError};
use std::convert::Infallible;
use tenon_diagnostics::Diagnostic;

mod comments;
mod errors;

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
    let mut ctx = ParseCtx::new(id, src);
    let mut lexer = Lexer::new(id, src);
    let items = match grammar::FileParser::new().parse(&mut ctx, &mut lexer) {
        Ok(items) => items,
        Err(error) => {
            let span = ctx.report(error);
            vec![TopItem::Decl(Decl::Error(span))]
        }
    };
    let mut file = ctx.assemble(items);
    let comments = std::mem::take(&mut lexer.comments);
    comments::attach_docs(&mut file, comments, src);
    let diagnostics = finish_diagnostics(src, ctx.diagnostics, &mut lexer);
    ParsedFile { file, diagnostics }
}

/// Parses a single expression.
pub fn parse_expr(id: FileId, src: &str) -> ParsedExpr {
    let mut ctx = ParseCtx::new(id, src);
    let mut lexer = Lexer::new(id, src);
    // An expression is a struct body with one embedding; parsing it so
    // gets the same recovery and comma handling as files.
    let expr = match grammar::DeclsParser::new().parse(&mut ctx, &mut lexer) {
        Ok(decls) => ctx.single_expr(decls, src.len()),
        Err(error) => Expr::Error(ctx.report(error)),
    };
    let comments = std::mem::take(&mut lexer.comments);
    let diagnostics = finish_diagnostics(src, ctx.diagnostics, &mut lexer);
    ParsedExpr {
        expr,
        comments,
        diagnostics,
    }
}

/// Merges lexical and parse errors, leaving out the parse errors that only
/// echo a lexical one: those after the nesting limit cut the input short,
/// and those later on the line of an invalid character or literal.
fn finish_diagnostics(src: &str, parse: Vec<Diagnostic>, lexer: &mut Lexer<'_>) -> Vec<Diagnostic> {
    let mut all = std::mem::take(&mut lexer.diagnostics);
    let too_deep_at = lexer.too_deep_at.unwrap_or(usize::MAX);
    let echoes_lexical = |d: &Diagnostic| {
        let at = d.span().start as usize;
        all.iter().any(|lexical| {
            let from = lexical.span().start as usize;
            from <= at
                && src
                    .get(from..at)
                    .is_some_and(|between| !between.contains('\n'))
        })
    };
    let kept: Vec<Diagnostic> = parse
        .into_iter()
        .filter(|d| (d.span().start as usize) < too_deep_at && !echoes_lexical(d))
        .collect();
    all.extend(kept);
    explain_continuations(src, &mut all, &lexer.continuations);
    explain_unclosed(src, &mut all, &lexer.open_brackets);
    all.sort_by_key(|d| (d.span().start, d.span().end));
    all.dedup();
    all
}

/// An unexpected token at the start of a line that an operator on the
/// line before continued: say so, since the newline there did not end the
/// element.
fn explain_continuations(
    src: &str,
    diagnostics: &mut [Diagnostic],
    continuations: &[(usize, usize, &str)],
) {
    let same_line = |from: usize, to: usize| src.get(from..to).is_some_and(|s| !s.contains('\n'));
    for d in diagnostics.iter_mut() {
        let span = d.span().range();
        let continuation = match d.code {
            // The unexpected token is on a continued line.
            "unexpected-token" => continuations
                .iter()
                .find(|c| c.0 <= span.start && same_line(c.0, span.start)),
            // A label ran on into the next line: `a: x.` then `b: 1`.
            "invalid-label" => continuations.iter().find(|c| span.contains(&c.0)),
            _ => None,
        };
        let Some(&(_, op_start, op)) = continuation else {
            continue;
        };
        let line = src[..op_start].bytes().filter(|&b| b == b'\n').count() + 1;
        let why = format!("the `{op}` at the end of line {line} continues the expression onto");
        if d.code == "unexpected-token" {
            let found = d
                .message
                .split(", expected")
                .next()
                .unwrap_or("")
                .to_string();
            d.message = format!("{found}: {why} this line");
        } else {
            d.notes.push(format!("{why} the next line"));
        }
    }
}

/// At an unexpected end of file, point at the bracket left open; when an
/// earlier error already explains the file, leave the end-of-file one out.
fn explain_unclosed(src: &str, diagnostics: &mut Vec<Diagnostic>, open: &[(usize, &str)]) {
    let Some(eof) = diagnostics.iter().position(|d| d.code == "unexpected-eof") else {
        return;
    };
    if diagnostics
        .iter()
        .any(|d| d.is_error() && d.code != "unexpected-eof")
    {
        diagnostics.remove(eof);
        return;
    }
    if let Some(&(at, bracket)) = open.last() {
        let span = diagnostics[eof].span();
        let bracket_span = Span::new(span.file, at, (at + bracket.len()).min(src.len()));
        let d = std::mem::replace(&mut diagnostics[eof], Diagnostic::error("", span, ""));
        diagnostics[eof] = d.with_label(bracket_span, format!("this `{bracket}` is not closed"));
    }
}

/// A single-line, double-quoted, non-raw string (interpolations are a
/// different node).
fn is_simple_string(s: &StringLit) -> bool {
    s.kind == StringKind::default()
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
/// label `[X=expr]`).
#[derive(Debug)]
pub enum RawElem {
    Expr(Expr),
    Alias(Box<Ident>, Expr),
    Comprehension(Box<Comprehension>),
    Ellipsis(Ellipsis),
    Error(Span),
}

/// The `?` or `!` after a label, with its position.
#[derive(Debug, Clone, Copy)]
pub enum Marker {
    None,
    Optional(usize, usize),
    Required(usize, usize),
}

/// State shared by the grammar actions.
#[derive(Debug)]
pub struct ParseCtx<'s> {
    pub(crate) file: FileId,
    pub(crate) src: &'s str,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// `(X=expr)` nodes built so far, by span start: valid only as labels.
    aliased_parens: Vec<(u32, Box<Ident>)>,
    /// `[X=expr]` lists built so far, by span start.
    aliased_lists: Vec<(u32, Box<Ident>)>,
    /// Opening brackets skipped by error recovery and not yet closed.
    skipped_openers: usize,
}

type Recovery = ErrorRecovery<usize, Tok, Infallible>;

impl<'s> ParseCtx<'s> {
    fn new(file: FileId, src: &'s str) -> ParseCtx<'s> {
        ParseCtx {
            file,
            src,
            diagnostics: Vec::new(),
            aliased_parens: Vec::new(),
            aliased_lists: Vec::new(),
            skipped_openers: 0,
        }
    }

    pub(crate) fn span(&self, lo: usize, hi: usize) -> Span {
        Span::new(self.file, lo, hi.max(lo))
    }

    fn error(&mut self, code: &'static str, span: Span, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(code, span, message));
    }

    /// Records a recovered syntax error; returns the span the parser
    /// skipped.
    pub(crate) fn recover(&mut self, recovery: Recovery) -> Span {
        let skipped_end = recovery.dropped_tokens.last().map(|&(_, _, hi)| hi);
        // A closing bracket whose opener was skipped while recovering from
        // an earlier error is part of that error, not a new one.
        if let ParseError::UnrecognizedToken {
            token: (lo, ref tok, hi),
            ..
        } = recovery.error
        {
            if matches!(tok, Tok::RBrace | Tok::RBracket | Tok::RParen) && self.skipped_openers > 0
            {
                self.skipped_openers -= 1;
                return self.span(lo, hi);
            }
        }
        for &(lo, ref tok, hi) in &recovery.dropped_tokens {
            match tok {
                // Skipped literals are still checked, so that their errors
                // are reported with the rest.
                Tok::String(kind) => {
                    self.string(*kind, lo, hi);
                }
                Tok::LBrace | Tok::LBracket | Tok::LParen => self.skipped_openers += 1,
                Tok::RBrace | Tok::RBracket | Tok::RParen => {
                    self.skipped_openers = self.skipped_openers.saturating_sub(1);
                }
                _ => {}
            }
        }
        let span = self.report(recovery.error);
        match skipped_end {
            Some(end) => span.to(self.span(end, end)),
            None => span,
        }
    }

    /// Records an unrecoverable (or recovered) parse error; returns its span.
    pub(crate) fn report(&mut self, error: ParseError<usize, Tok, Infallible>) -> Span {
        let diagnostic = errors::syntax_error(self, error);
        let span = diagnostic.span();
        self.diagnostics.push(diagnostic);
        span
    }

    pub(crate) fn ident(&self, lo: usize, hi: usize) -> Ident {
        Ident {
            name: Name::new(&self.src[lo..hi]),
            span: self.span(lo, hi),
        }
    }

    pub(crate) fn attribute(&mut self, lo: usize, hi: usize) -> Attribute {
        let text = &self.src[lo..hi];
        let (name, body) = match text.find('(') {
            Some(open) => (
                text[1..open].trim_end(),
                text[open + 1..]
                    .strip_suffix(')')
                    .unwrap_or(&text[open + 1..]),
            ),
            None => (&text[1..], ""),
        };
        Attribute {
            name: name.to_string(),
            body: body.to_string(),
            span: self.span(lo, hi),
        }
    }

    pub(crate) fn number(&mut self, kind: NumberKind, lo: usize, hi: usize) -> Expr {
        Expr::Number(NumberLit {
            kind,
            text: smol_str::SmolStr::new(&self.src[lo..hi]),
            span: self.span(lo, hi),
        })
    }

    fn literal_errors(&mut self, errors: Vec<LiteralError>) {
        for (lo, hi, message) in errors {
            let span = self.span(lo, hi);
            self.error("invalid-string", span, message);
        }
    }

    /// Offsets of a literal's body: after the opening and before the
    /// closing delimiters.
    fn delimiters(kind: StringKind) -> usize {
        kind.hashes as usize + if kind.multiline { 3 } else { 1 }
    }

    pub(crate) fn string(&mut self, kind: StringKind, lo: usize, hi: usize) -> StringLit {
        let delim = Self::delimiters(kind);
        let body_start = (lo + delim).min(hi);
        let body_end = self.closing_start(kind, body_start, hi);
        // Most literals are single-line strings without escapes: their
        // value is their text.
        let body = &self.src[body_start..body_end];
        if !kind.multiline && !kind.bytes && !body.contains('\\') {
            return StringLit {
                kind,
                value: StrValue::Text(Name::new(body)),
                span: self.span(lo, hi),
            };
        }
        let mut errors = Vec::new();
        let value = decode_parts(
            kind,
            &[RawPart {
                text: &self.src[body_start..body_end],
                offset: body_start,
            }],
            &mut errors,
        )
        .pop()
        .unwrap_or(StrValue::Text(Default::default()));
        self.literal_errors(errors);
        StringLit {
            kind,
            value,
            span: self.span(lo, hi),
        }
    }

    /// Where the closing delimiter of a literal ending at `hi` starts (or
    /// `hi` itself for an unterminated literal).
    fn closing_start(&self, kind: StringKind, body_start: usize, hi: usize) -> usize {
        let delim = Self::delimiters(kind);
        let hashes = kind.hashes as usize;
        let quote = if kind.bytes { b'\'' } else { b'"' };
        let text = self.src.as_bytes().get(body_start..hi).unwrap_or(&[]);
        let closed = text.len() >= delim
            && text[text.len() - delim..]
                .iter()
                .enumerate()
                .all(|(i, &b)| b == if i < delim - hashes { quote } else { b'#' });
        if closed {
            hi - delim
        } else {
            hi
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn interpolation(
        &mut self,
        kind: StringKind,
        lo: usize,
        first_end: usize,
        mids: Vec<(Expr, usize, usize)>,
        last: Expr,
        end_lo: usize,
        hi: usize,
    ) -> Expr {
        let delim = Self::delimiters(kind);
        let hashes = kind.hashes as usize;
        // Raw texts: after the opening quotes up to `\(`; between `)` and
        // `\(`; after the last `)` up to the closing quotes.
        let mut raw = Vec::with_capacity(mids.len() + 2);
        let mut spans = Vec::with_capacity(mids.len() + 2);
        let open_len = 2 + hashes; // `\(` with hashes
        raw.push((lo + delim, first_end - open_len));
        spans.push((lo, first_end));
        for &(_, mlo, mhi) in &mids {
            raw.push((mlo + 1, mhi.saturating_sub(open_len).max(mlo + 1)));
            spans.push((mlo, mhi));
        }
        // The end token is `)` plus text, or zero-width where the lexer
        // closed an interpolation left open at the end of a line.
        let body = (end_lo + 1).min(hi);
        let end_body = self.closing_start(kind, body, hi);
        raw.push((body, end_body.max(body)));
        spans.push((end_lo, hi));
        let parts: Vec<RawPart<'_>> = raw
            .iter()
            .map(|&(a, b)| RawPart {
                text: self.src.get(a..b.max(a)).unwrap_or(""),
                offset: a,
            })
            .collect();
        let mut errors = Vec::new();
        let values = decode_parts(kind, &parts, &mut errors);
        drop(parts);
        self.literal_errors(errors);
        let mut exprs = mids
            .into_iter()
            .map(|(e, _, _)| e)
            .chain(std::iter::once(last));
        let mut out = Vec::with_capacity(values.len() * 2);
        for (value, &(a, b)) in values.into_iter().zip(&spans) {
            out.push(InterpolationPart::Text {
                value,
                span: self.span(a, b),
            });
            if let Some(e) = exprs.next() {
                out.push(InterpolationPart::Expr(e));
            }
        }
        Expr::Interpolation(Interpolation {
            kind,
            parts: out,
            span: self.span(lo, hi),
        })
    }

    /// Builds the tree of `first op1 e1 op2 e2 …` by precedence (all
    /// binary operators are left-associative). The grammar reads binary
    /// expressions as flat sequences: one reduction per operator instead of
    /// one per precedence level per operand.
    pub(crate) fn binary_chain(
        &mut self,
        first: Expr,
        rest: Vec<(usize, BinaryOp, usize, Expr)>,
    ) -> Expr {
        let mut operands: Vec<Expr> = Vec::with_capacity(rest.len() + 1);
        let mut operators: Vec<(BinaryOp, Span)> = Vec::with_capacity(rest.len());
        operands.push(first);
        for (olo, op, ohi, operand) in rest {
            while let Some(&(top, _)) = operators.last() {
                if top.precedence() < op.precedence() {
                    break;
                }
                self.reduce_top(&mut operands, &mut operators);
            }
            operators.push((op, self.span(olo, ohi)));
            operands.push(operand);
        }
        while !operators.is_empty() {
            self.reduce_top(&mut operands, &mut operators);
        }
        operands.pop().unwrap_or(Expr::Error(self.span(0, 0)))
    }

    fn reduce_top(&mut self, operands: &mut Vec<Expr>, operators: &mut Vec<(BinaryOp, Span)>) {
        let (Some((op, op_span)), Some(rhs), Some(lhs)) =
            (operators.pop(), operands.pop(), operands.pop())
        else {
            return;
        };
        let span = lhs.span().to(rhs.span());
        operands.push(Expr::Binary(Box::new(Binary {
            op,
            lhs,
            rhs,
            op_span,
            span,
        })));
    }

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

    fn take_alias(list: &mut Vec<(u32, Box<Ident>)>, start: u32) -> Option<Box<Ident>> {
        let at = list.iter().rposition(|(s, _)| *s == start)?;
        Some(list.swap_remove(at).1)
    }

    pub(crate) fn list(&mut self, elems: Vec<RawElem>, lo: usize, hi: usize) -> Expr {
        let span = self.span(lo, hi);
        let mut out = Vec::with_capacity(elems.len());
        let count = elems.len();
        for elem in elems {
            out.push(match elem {
                RawElem::Expr(e) => ListElem::Expr(e),
                RawElem::Alias(alias, e) if count == 1 => {
                    self.aliased_lists.push((span.start, alias));
                    ListElem::Expr(e)
                }
                RawElem::Alias(alias, e) => {
                    self.error(
                        "misplaced-alias",
                        alias.span,
                        "an alias `X=` is not allowed in a list element",
                    );
                    ListElem::Expr(e)
                }
                RawElem::Comprehension(c) => ListElem::Comprehension(c),
                RawElem::Ellipsis(e) => ListElem::Ellipsis(e),
                RawElem::Error(s) => ListElem::Expr(Expr::Error(s)),
            });
        }
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

    /// A plain identifier label (the lexer's `LabelIdent`).
    pub(crate) fn ident_label(&mut self, lo: usize, hi: usize) -> Label {
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
            attributes,
            doc: None,
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
            attributes: Vec::new(),
            doc: None,
            span: self.span(lo, hi),
        })
    }

    /// Reports `(X=expr)` and `[X=expr]` that did not become labels.
    fn report_stray_aliases(&mut self) {
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

    /// Builds the file from its top-level items, checking their order.
    fn assemble(&mut self, items: Vec<TopItem>) -> File {
        self.report_stray_aliases();
        let mut file = File {
            id: self.file,
            span: self.span(0, self.src.len()),
            attributes: Vec::new(),
            package: None,
            imports: Vec::new(),
            decls: Vec::new(),
            comments: Vec::new(),
        };
        // Leading attributes are the file's own until the first other item.
        let mut leading = true;
        for item in items {
            match item {
                TopItem::Decl(Decl::Attribute(a)) if leading => file.attributes.push(a),
                TopItem::Package(p) => {
                    if !file.imports.is_empty() || !file.decls.is_empty() || file.package.is_some()
                    {
                        let what = if file.package.is_some() {
                            "a file has at most one package clause"
                        } else {
                            "the package clause must come before imports and declarations"
                        };
                        self.error("misplaced-package", p.span, what);
                    } else {
                        file.package = Some(p);
                    }
                    leading = false;
                }
                TopItem::Import(i) => {
                    for spec in &i.specs {
                        self.check_import_path(&spec.path);
                    }
                    if file.decls.iter().any(|d| !matches!(d, Decl::Attribute(_))) {
                        self.error(
                            "misplaced-import",
                            i.span,
                            "imports must come before the first declaration",
                        );
                    }
                    file.imports.push(i);
                    leading = false;
                }
                TopItem::Decl(d) => {
                    file.decls.push(d);
                    leading = false;
                }
            }
        }
        file
    }

    /// An import path is a non-empty string of letters, digits and
    /// `/ . - _ ~ : @ +` (a `:name` qualifier and a `@v0` major version
    /// included).
    fn check_import_path(&mut self, path: &StringLit) {
        let text = path.value.to_text();
        let valid = !text.is_empty()
            && is_simple_string(path)
            && text
                .chars()
                .all(|c| c.is_alphanumeric() || "/.-_~:@+".contains(c));
        if !valid {
            self.error(
                "invalid-import",
                path.span,
                format!("invalid import path {:?}", text.as_ref()),
            );
        }
    }

    /// The expression of `-e`: exactly one embedded expression.
    fn single_expr(&mut self, mut decls: Vec<Decl>, len: usize) -> Expr {
        self.report_stray_aliases();
        match (decls.len(), decls.pop()) {
            (1, Some(Decl::Embed(e))) => e,
            (_, Some(Decl::Error(s))) => Expr::Error(s),
            (n, last) => {
                let span = match &last {
                    Some(d) => d.span(),
                    None => self.span(0, len),
                };
                let message = if n == 0 {
                    "expected an expression".to_string()
                } else {
                    "expected a single expression".to_string()
                };
                self.error("expected-expression", span, message);
                Expr::Error(span)
            }
        }
    }
}
