//! The state grammar actions share, and the actions that are not about
//! literals or labels: spans, errors and recovery, identifiers, numbers,
//! attributes, comprehension clauses.

use crate::ast::*;
use crate::lexer::LexedComments;
use crate::parser::RawElem;
use crate::token::Tok;
use lalrpop_util::{ErrorRecovery, ParseError};
use std::cell::RefCell;
use std::convert::Infallible;
use std::rc::Rc;
use tenon_diagnostics::Diagnostic;

/// State shared by the grammar actions.
#[derive(Debug)]
pub struct ParseCtx<'s> {
    pub(crate) file: FileId,
    pub(crate) src: &'s str,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The lexer's comments so far: doc comments are found when a field
    /// is built.
    pub(super) comments: Rc<RefCell<LexedComments>>,
    /// `(X=expr)` nodes built so far, by span start: valid only as labels.
    pub(super) aliased_parens: Vec<(u32, Box<Ident>)>,
    /// `[X=expr]` lists built so far, by span start.
    pub(super) aliased_lists: Vec<(u32, Box<Ident>)>,
    /// Opening brackets skipped by error recovery and not yet closed.
    pub(super) skipped_openers: usize,
    /// The declarations of every struct still open (see `DeclList` in
    /// the grammar).
    pub(super) decls: OpenItems<Decl>,
    /// The elements of every list still open.
    pub(super) elems: OpenItems<RawElem>,
}

/// The items of every bracket still open, innermost bracket's last: one
/// stack shared by all of them, so that each bracket's items end up in
/// one exactly sized vector instead of one grown item by item. A bracket
/// takes a mark when it opens and takes its items off when it closes.
#[derive(Debug)]
pub(crate) struct OpenItems<T> {
    items: Vec<T>,
}

impl<T> OpenItems<T> {
    fn new() -> OpenItems<T> {
        OpenItems { items: Vec::new() }
    }

    /// Where the items of a bracket opening now start.
    pub(crate) fn mark(&self) -> usize {
        self.items.len()
    }

    /// Pushes an item of the bracket whose items start at `mark`;
    /// returns the mark.
    pub(crate) fn push(&mut self, mark: usize, item: T) -> usize {
        self.items.push(item);
        mark
    }

    /// The items from `mark` on, taken off the stack. (A bracket that
    /// error recovery abandoned leaves its items on the stack; they go to
    /// the bracket around it.)
    pub(crate) fn take(&mut self, mark: usize) -> Vec<T> {
        let mark = mark.min(self.items.len());
        // Moved in one copy (`drain(..).collect()` moves item by item).
        // `split_off(0)` would hand out the whole stack's buffer instead
        // of an exactly sized one.
        if mark == 0 {
            let mut items = Vec::with_capacity(self.items.len());
            items.append(&mut self.items);
            return items;
        }
        self.items.split_off(mark)
    }
}

type Recovery = ErrorRecovery<usize, Tok, Infallible>;

impl<'s> ParseCtx<'s> {
    pub(super) fn new(
        file: FileId,
        src: &'s str,
        comments: Rc<RefCell<LexedComments>>,
    ) -> ParseCtx<'s> {
        ParseCtx {
            file,
            src,
            comments,
            diagnostics: Vec::new(),
            aliased_parens: Vec::new(),
            aliased_lists: Vec::new(),
            skipped_openers: 0,
            decls: OpenItems::new(),
            elems: OpenItems::new(),
        }
    }

    pub(crate) fn span(&self, lo: usize, hi: usize) -> Span {
        Span::new(self.file, lo, hi.max(lo))
    }

    pub(super) fn error(&mut self, code: &'static str, span: Span, message: impl Into<String>) {
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
        let diagnostic = super::errors::syntax_error(self, error);
        let span = diagnostic.span();
        self.diagnostics.push(diagnostic);
        span
    }

    pub(crate) fn ident(&self, lo: usize, hi: usize) -> Ident {
        Ident {
            name: name(&self.src[lo..hi]),
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

    pub(crate) fn for_clause(
        &self,
        key: Option<Ident>,
        value: Ident,
        source: Expr,
        lo: usize,
        hi: usize,
    ) -> Clause {
        Clause::For {
            key,
            value,
            source,
            span: self.span(lo, hi),
        }
    }

    pub(crate) fn if_clause(&self, condition: Expr, lo: usize, hi: usize) -> Clause {
        Clause::If {
            condition,
            span: self.span(lo, hi),
        }
    }
}
