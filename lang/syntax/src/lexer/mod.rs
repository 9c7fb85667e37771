//! The lexer: logos recognises the tokens (`raw.rs`); this wrapper adds
//! what a regular lexer cannot do alone — string bodies with nested
//! interpolation and attribute bodies (`strings.rs`), automatic comma
//! insertion at line ends (`lines.rs`), bracket matching and repair
//! (`brackets.rs`), comment collection and doc comments (`docs.rs`) and
//! the nesting limit (`nesting.rs`).

mod brackets;
mod docs;
mod lines;
mod nesting;
mod raw;
mod strings;
mod tokens;

pub(crate) use docs::LexedComments;
pub use nesting::MAX_NESTING;

use crate::ast::Comment;
use crate::token::Tok;
use logos::Logos;
use raw::Raw;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::rc::Rc;
use strings::OpenInterpolation;
use tenon_diagnostics::{Diagnostic, FileId, Span};

/// A token with its byte range, as the parser consumes it.
pub type SpannedTok = (usize, Tok, usize);

/// Turns source text into [`SpannedTok`]s; collects comments and lexical
/// diagnostics on the way.
#[derive(Debug)]
pub struct Lexer<'s> {
    src: &'s str,
    file: FileId,
    inner: logos::Lexer<'s, Raw>,
    interpolations: Vec<OpenInterpolation>,
    /// Tokens to return before reading on.
    queued: VecDeque<SpannedTok>,
    /// The next token starts a declaration or a chained label (it follows
    /// `{`, `,`, `:` or nothing).
    label_position: bool,
    /// A newline now inserts a comma.
    comma_pending: bool,
    done: bool,
    /// Nesting guard: for each open bracket, how many nesting tokens were
    /// seen at its level since the last comma.
    levels: Vec<usize>,
    depth: usize,
    /// Set when the nesting limit was hit; the offset where it happened.
    pub(crate) too_deep_at: Option<usize>,
    /// Open brackets (offset and text), innermost last.
    pub(crate) open_brackets: Vec<(usize, &'static str)>,
    /// The previous token and its offset: a newline after an operator or
    /// `.` continues the expression. Which tokens those are is decided at
    /// the newline, not for every token.
    last_token: Option<(usize, Tok)>,
    /// Where the colon of the last label token is.
    label_colon: usize,
    /// Operator ending a line, waiting for the next token.
    continued_by: Option<(usize, &'static str)>,
    /// Tokens that start a line continued by an operator on the line
    /// before: (token offset, operator offset, operator text).
    pub(crate) continuations: Vec<(usize, usize, &'static str)>,
    /// Comments lexed so far, shared with the parser, which reads doc
    /// comments from them while building fields.
    pub(crate) comments: Rc<RefCell<LexedComments>>,
    /// A comment was read and no token since: the next token may start
    /// a documented field.
    after_comment: bool,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'s> Lexer<'s> {
    pub fn new(file: FileId, src: &'s str) -> Lexer<'s> {
        let mut inner = Raw::lexer(src);
        // A byte order mark is allowed at the very start only.
        if src.starts_with('\u{feff}') {
            inner.bump('\u{feff}'.len_utf8());
        }
        Lexer {
            src,
            file,
            inner,
            interpolations: Vec::new(),
            queued: VecDeque::new(),
            label_position: true,
            comma_pending: false,
            done: false,
            levels: vec![0],
            depth: 0,
            too_deep_at: None,
            open_brackets: Vec::new(),
            last_token: None,
            label_colon: 0,
            continued_by: None,
            continuations: Vec::new(),
            comments: Rc::default(),
            after_comment: false,
            diagnostics: Vec::new(),
        }
    }

    /// Every comment lexed so far, in source order.
    pub fn take_comments(&mut self) -> Vec<Comment> {
        std::mem::take(&mut self.comments.borrow_mut().all)
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    fn error(&mut self, code: &'static str, start: usize, end: usize, message: impl Into<String>) {
        let span = self.span(start, end);
        self.diagnostics
            .push(Diagnostic::error(code, span, message));
    }

    /// Queues a token after the bookkeeping every token gets (comma
    /// insertion state, the nesting guard); false when the nesting limit
    /// ends the input.
    fn emit(&mut self, tok: Tok, start: usize, end: usize) -> bool {
        if !self.admit(&tok, start) {
            return false;
        }
        self.queued.push_back((start, tok, end));
        true
    }

    /// The bookkeeping of [`Self::emit`] without queueing.
    #[inline]
    fn admit(&mut self, tok: &Tok, start: usize) -> bool {
        self.label_position =
            matches!(tok, Tok::LBrace | Tok::Comma | Tok::Colon | Tok::LabelIdent);
        let postfix = self.comma_pending;
        self.comma_pending = tok.ends_element();
        // Operands (most tokens) leave the nesting depth as it is.
        if tok.is_operand() {
            return true;
        }
        if *tok == Tok::LabelIdent {
            // The label's colon nests. When it is one level too many, the
            // label still reaches the parser (as it would without its
            // colon) and the input ends after it.
            if !self.track_nesting(&Tok::Colon, self.label_colon, false) {
                self.done = true;
                self.queued.clear();
            }
            return true;
        }
        if !self.track_nesting(tok, start, postfix) {
            self.done = true;
            self.queued.clear();
            return false;
        }
        true
    }

    fn next_token(&mut self) -> Option<SpannedTok> {
        if let Some(queued) = self.queued.pop_front() {
            return Some(queued);
        }
        loop {
            if self.done {
                return None;
            }
            let Some(raw) = self.inner.next() else {
                return self.end_of_input();
            };
            let range = self.inner.span();
            let (start, end) = (range.start, range.end);
            let Ok(raw) = raw else {
                self.invalid_character(start);
                continue;
            };
            let tok = match raw {
                Raw::Newline => match self.newline(start, end) {
                    Some(tok) => return Some(tok),
                    None => continue,
                },
                Raw::Comment => {
                    self.comment(start, end);
                    continue;
                }
                Raw::Ident => self.ident(start, end),
                Raw::BadNumber => self.bad_number(start, end),
                Raw::Quote | Raw::TripleQuote | Raw::Apostrophe | Raw::TripleApostrophe => {
                    self.string_start(raw, start, end)
                }
                Raw::Attribute => {
                    self.attribute_rest(start);
                    Tok::Attribute
                }
                Raw::LParen => self.left_paren(),
                Raw::RParen => self.right_paren(start, end),
                fixed => match fixed.fixed_token() {
                    Some(tok) => tok,
                    None => continue,
                },
            };
            if self.after_comment {
                self.after_comment = false;
                self.comments.borrow_mut().note_doc(self.src, start);
            }
            // String and attribute bodies may have moved the end.
            let end = self.inner.span().end;
            self.note_continuation(&tok, start);
            let Some(tok) = self.track_brackets(tok, start, end) else {
                continue;
            };
            // The common case: nothing queued ahead of this token.
            if self.queued.is_empty() {
                return self.admit(&tok, start).then_some((start, tok, end));
            }
            if !self.emit(tok, start, end) {
                return None;
            }
            return self.queued.pop_front();
        }
    }
}

impl Iterator for Lexer<'_> {
    type Item = Result<SpannedTok, Infallible>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_token().map(Ok)
    }
}

/// All tokens of `src` (the commas inserted at line ends included), with
/// comments and lexical diagnostics.
pub fn tokenize(file: FileId, src: &str) -> (Vec<SpannedTok>, Vec<Comment>, Vec<Diagnostic>) {
    let mut lexer = Lexer::new(file, src);
    let tokens: Vec<SpannedTok> = lexer
        .by_ref()
        .map(|t| match t {
            Ok(t) => t,
            Err(never) => match never {},
        })
        .collect();
    (tokens, lexer.take_comments(), lexer.diagnostics)
}
