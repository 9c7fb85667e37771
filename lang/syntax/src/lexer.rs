//! The lexer: logos recognises the tokens; this wrapper adds what a regular
//! lexer cannot do alone — string bodies with nested interpolation,
//! attribute bodies, automatic comma insertion at line ends, comment
//! collection and the nesting limit.

use crate::ast::{Comment, StringKind};
use crate::token::Tok;
use logos::Logos;
use std::collections::VecDeque;
use std::convert::Infallible;
use tenon_diagnostics::{Diagnostic, FileId, Span};

/// How deeply expressions and structs may nest. Deeper input is refused
/// with a diagnostic, so that no later stage can overflow its stack.
/// Every open bracket counts one level, and so does every operator,
/// selector, call, index and label colon still open in an element (commas
/// end elements).
pub const MAX_NESTING: usize = 1000;

#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\r]+")]
enum Raw {
    #[token("\n")]
    Newline,
    #[regex(r"//[^\n]*", allow_greedy = true)]
    Comment,
    #[regex(r"(#|_#)?[\p{L}_$][\p{L}\p{Nd}_$]*")]
    Ident,
    #[token("package")]
    Package,
    #[token("import")]
    Import,
    #[token("for")]
    For,
    #[token("in")]
    In,
    #[token("if")]
    If,
    #[token("let")]
    Let,
    #[token("true")]
    True,
    #[token("false")]
    False,
    #[token("null")]
    Null,
    #[token("div")]
    #[token("mod")]
    #[token("quo")]
    #[token("rem")]
    OperatorWord,
    #[regex(r"0|[1-9](_?[0-9])*", priority = 5)]
    #[regex(r"0[xX]_?[0-9a-fA-F](_?[0-9a-fA-F])*", priority = 5)]
    #[regex(r"0o_?[0-7](_?[0-7])*", priority = 5)]
    #[regex(r"0b_?[01](_?[01])*", priority = 5)]
    #[regex(r"[0-9](_?[0-9])*(\.[0-9](_?[0-9])*)?[KMGTP]i?", priority = 5)]
    #[regex(r"\.[0-9](_?[0-9])*[KMGTP]i?", priority = 5)]
    Int,
    #[regex(
        r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?",
        priority = 5
    )]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*", priority = 5)]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?", priority = 5)]
    Float,
    /// Anything else that starts like a number: reported, then read as one.
    #[regex(r"[0-9][0-9A-Za-z_]*", priority = 1)]
    #[regex(r"[0-9](_?[0-9])*\.[0-9_]*[eE][+-]?", priority = 1)]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]", priority = 1)]
    BadNumber,
    #[regex(r#"#*""#)]
    Quote,
    #[regex(r#"#*""""#)]
    TripleQuote,
    #[regex(r"#*'")]
    Apostrophe,
    #[regex(r"#*'''")]
    TripleApostrophe,
    #[regex(r"@(#|_#)?[\p{L}_$][\p{L}\p{Nd}_$]*")]
    Attribute,
    #[token("_|_")]
    Bottom,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token("?")]
    Question,
    #[token("!")]
    Bang,
    #[token("=")]
    Assign,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("|")]
    Or,
    #[token("&")]
    And,
    #[token("||")]
    LogicalOr,
    #[token("&&")]
    LogicalAnd,
    #[token("==")]
    Eq,
    #[token("!=")]
    Ne,
    #[token("<")]
    Lt,
    #[token("<=")]
    Le,
    #[token(">")]
    Gt,
    #[token(">=")]
    Ge,
    #[token("=~")]
    Match,
    #[token("!~")]
    NotMatch,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
}

/// A token with its byte range, as the parser consumes it.
pub type SpannedTok = (usize, Tok, usize);

/// An open interpolation: which string it belongs to and how many
/// parentheses are open inside it.
#[derive(Debug)]
struct OpenInterpolation {
    kind: StringKind,
    parens: u32,
    /// Where the string opened.
    start: usize,
}

/// How a string body ended.
enum BodyEnd {
    /// At the closing quotes; the offset is just past them.
    Closed(usize),
    /// At `\(`; the offset is just past the parenthesis.
    Interpolation(usize),
    /// At a newline or the end of input, without closing quotes.
    Unterminated(usize),
}

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
    /// The previous token, when it was an operator or `.` (its offset and
    /// text): a newline after it continues the expression.
    last_operator: Option<(usize, &'static str)>,
    /// Operator ending a line, waiting for the next token.
    continued_by: Option<(usize, &'static str)>,
    /// Tokens that start a line continued by an operator on the line
    /// before: (token offset, operator offset, operator text).
    pub(crate) continuations: Vec<(usize, usize, &'static str)>,
    pub comments: Vec<Comment>,
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
            last_operator: None,
            continued_by: None,
            continuations: Vec::new(),
            comments: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    fn error(&mut self, code: &'static str, start: usize, end: usize, message: impl Into<String>) {
        let span = self.span(start, end);
        self.diagnostics
            .push(Diagnostic::error(code, span, message));
    }

    /// Scans a string body starting at `pos` (just after an opening quote or
    /// an interpolation's closing parenthesis).
    fn scan_body(&self, pos: usize, kind: StringKind) -> BodyEnd {
        let bytes = self.src.as_bytes();
        let quote = if kind.bytes { b'\'' } else { b'"' };
        let hashes = kind.hashes as usize;
        let quotes = if kind.multiline { 3 } else { 1 };
        let mut i = pos;
        while i < bytes.len() {
            match bytes[i] {
                b'\\'
                    if bytes[i + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&b| b == b'#')
                        .count()
                        == hashes =>
                {
                    let after = i + 1 + hashes;
                    match bytes.get(after) {
                        Some(b'(') => return BodyEnd::Interpolation(after + 1),
                        // An escaped newline is not a line break of the
                        // literal; leave it to the decoder to report.
                        Some(b'\n') if !kind.multiline => return BodyEnd::Unterminated(after),
                        Some(_) => i = after + 1,
                        None => return BodyEnd::Unterminated(bytes.len()),
                    }
                }
                b'\n' if !kind.multiline => return BodyEnd::Unterminated(i),
                b if b == quote => {
                    let run = bytes[i..]
                        .iter()
                        .take(quotes)
                        .filter(|&&b| b == quote)
                        .count();
                    let closing = run == quotes
                        && bytes[i + quotes..]
                            .iter()
                            .take(hashes)
                            .filter(|&&b| b == b'#')
                            .count()
                            == hashes;
                    if closing {
                        return BodyEnd::Closed(i + quotes + hashes);
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        BodyEnd::Unterminated(bytes.len())
    }

    /// Lexes the rest of a string whose body starts at `body`; `start` is
    /// where the token began. Moves the inner lexer past what it consumed.
    fn string_rest(&mut self, start: usize, body: usize, kind: StringKind, first: bool) -> Tok {
        let end = match self.scan_body(body, kind) {
            BodyEnd::Closed(end) => {
                if !first {
                    self.interpolations.pop();
                }
                self.bump_to(end);
                return if first {
                    Tok::String(kind)
                } else {
                    Tok::InterpEnd
                };
            }
            BodyEnd::Interpolation(end) => {
                if first {
                    self.interpolations.push(OpenInterpolation {
                        kind,
                        parens: 0,
                        start,
                    });
                }
                self.bump_to(end);
                return if first {
                    Tok::InterpStart(kind)
                } else {
                    Tok::InterpMid
                };
            }
            BodyEnd::Unterminated(end) => end,
        };
        let what = if kind.bytes { "bytes" } else { "string" };
        // Point at the opening quotes, also from a later part.
        let opened = match self.interpolations.last() {
            Some(open) if !first => open.start,
            _ => start,
        };
        self.error(
            "unterminated-string",
            opened,
            end,
            format!("{what} literal not terminated"),
        );
        if !first {
            self.interpolations.pop();
        }
        self.bump_to(end);
        if first {
            Tok::String(kind)
        } else {
            Tok::InterpEnd
        }
    }

    /// Whether `closer` follows later on the line, outside strings and
    /// before a comment; only a short stretch is looked at, so that many
    /// stray closers cannot make lexing quadratic.
    fn closer_follows_on_line(&self, from: usize, closer: &str) -> bool {
        const LOOK_AHEAD: usize = 256;
        let want = closer.as_bytes().first().copied().unwrap_or(b' ');
        let bytes = &self.src.as_bytes()[from..];
        let mut in_string: Option<u8> = None;
        let mut i = 0;
        while i < bytes.len().min(LOOK_AHEAD) {
            let b = bytes[i];
            match in_string {
                Some(_) if b == b'\\' => i += 1,
                Some(q) if b == q => in_string = None,
                Some(_) => {}
                None if b == b'\n' => return false,
                None if b == b'/' && bytes.get(i + 1) == Some(&b'/') => return false,
                None if b == b'"' || b == b'\'' => in_string = Some(b),
                None if b == want => return true,
                None => {}
            }
            i += 1;
        }
        false
    }

    /// Closes the innermost interpolation's `\(` and any bracket left
    /// open inside it.
    fn pop_interpolation_bracket(&mut self) {
        while let Some((_, open)) = self.open_brackets.pop() {
            if open == "\\(" {
                break;
            }
        }
    }

    fn open_single_line_interpolation(&self) -> bool {
        self.interpolations
            .last()
            .is_some_and(|open| !open.kind.multiline)
    }

    /// Whether the next token after `pos` (skipping blanks and newlines)
    /// is `,` or `:`.
    fn next_line_continues(&self, pos: usize) -> bool {
        self.next_char_is(pos, b',') || self.next_char_is(pos, b':')
    }

    /// Whether the first non-blank byte after `pos` is `byte`.
    fn next_char_is(&self, pos: usize, byte: u8) -> bool {
        self.src.as_bytes()[pos..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == byte)
    }

    fn bump_to(&mut self, end: usize) {
        let current = self.inner.span().end;
        if end > current {
            self.inner.bump(end - current);
        }
    }

    /// Reads an attribute's parenthesised body after `@name`.
    fn attribute_rest(&mut self, start: usize) {
        let bytes = self.src.as_bytes();
        // Blanks may stand between the name and `(`: `@go (Name)`.
        let name_end = self.inner.span().end;
        let name_end = name_end
            + bytes[name_end..]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
        if bytes.get(name_end) != Some(&b'(') {
            self.error(
                "attribute-syntax",
                start,
                name_end,
                "attribute must be followed by `(`",
            );
            return;
        }
        let mut depth = 0usize;
        let mut i = name_end;
        let mut in_string: Option<u8> = None;
        while i < bytes.len() {
            let b = bytes[i];
            match in_string {
                Some(q) => {
                    if b == b'\\' {
                        i += 1;
                    } else if b == q || b == b'\n' {
                        in_string = None;
                    }
                }
                None => match b {
                    b'"' | b'\'' => in_string = Some(b),
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            self.bump_to(i + 1);
                            return;
                        }
                    }
                    _ => {}
                },
            }
            i += 1;
        }
        self.error(
            "attribute-syntax",
            start,
            bytes.len(),
            "attribute not terminated: missing `)`",
        );
        self.bump_to(bytes.len());
    }

    /// Applies the nesting guard to a token; returns false when the limit
    /// is exceeded.
    fn track_nesting(&mut self, tok: &Tok, start: usize, postfix: bool) -> bool {
        match tok {
            Tok::Comma => {
                if let Some(level) = self.levels.last_mut() {
                    self.depth -= *level;
                    *level = 0;
                }
            }
            // The bracket itself counts one level for as long as it is
            // open; its elements' operators count in its own level, which
            // a comma resets.
            Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::InterpStart(_) => {
                // A call or index (`f(`, `x[`) also nests the tree at the
                // outer level.
                if postfix {
                    self.depth += 1;
                    if let Some(level) = self.levels.last_mut() {
                        *level += 1;
                    }
                }
                self.depth += 1;
                self.levels.push(0);
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::InterpEnd => {
                if self.levels.len() > 1 {
                    let level = self.levels.pop().unwrap_or(0);
                    self.depth -= level + 1;
                }
            }
            Tok::Ident
            | Tok::LabelIdent
            | Tok::Int
            | Tok::Float
            | Tok::String(_)
            | Tok::Attribute
            | Tok::Bottom
            | Tok::True
            | Tok::False
            | Tok::Null
            | Tok::InterpMid => {}
            _ => {
                self.depth += 1;
                if let Some(level) = self.levels.last_mut() {
                    *level += 1;
                }
            }
        }
        if self.depth > MAX_NESTING {
            self.error(
                "too-deep",
                start,
                start,
                format!("input nested too deeply (the limit is {MAX_NESTING} levels)"),
            );
            self.too_deep_at = Some(start);
            return false;
        }
        true
    }

    /// Whether the innermost open bracket is a struct's (or none is open):
    /// only there does a declaration start.
    fn in_struct(&self) -> bool {
        self.open_brackets
            .last()
            .is_none_or(|&(_, open)| open == "{")
    }

    /// Whether `:` follows `pos` on the same line (after blanks).
    fn colon_follows(&self, pos: usize) -> bool {
        self.src.as_bytes()[pos..]
            .iter()
            .find(|&&b| b != b' ' && b != b'\t')
            .is_some_and(|&b| b == b':')
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
    fn admit(&mut self, tok: &Tok, start: usize) -> bool {
        self.label_position = matches!(tok, Tok::LBrace | Tok::Comma | Tok::Colon);
        let postfix = self.comma_pending;
        self.comma_pending = tok.ends_element();
        if !self.track_nesting(tok, start, postfix) {
            self.done = true;
            self.queued.clear();
            return false;
        }
        true
    }

    /// A closing bracket. When it does not match the innermost open
    /// bracket, the lexer repairs the token stream so that one typo gives
    /// one error: if it closes an outer bracket, the inner ones get the
    /// closers they miss; if the expected closer follows later on the same
    /// line, the stray one is dropped; otherwise it is read as the closer
    /// the innermost bracket expects. (Interpolations are never closed
    /// this way.) `None`: the token is dropped.
    fn close_bracket(&mut self, tok: Tok, start: usize, end: usize) -> Option<Tok> {
        let text = tok.text();
        let opener_of = |close: &str| match close {
            ")" => "(",
            "]" => "[",
            _ => "{",
        };
        let closer = |open: &str| match open {
            "(" => ")",
            "[" => "]",
            "{" => "}",
            _ => "",
        };
        let Some(&(open_at, open)) = self.open_brackets.last() else {
            return Some(tok);
        };
        if closer(open) == text {
            self.open_brackets.pop();
            return Some(tok);
        }
        if open == "\\(" {
            return Some(tok);
        }
        let outer = self
            .open_brackets
            .iter()
            .rev()
            .take_while(|(_, o)| *o != "\\(")
            .position(|(_, o)| closer(o) == text);
        match outer {
            Some(missing) => {
                for _ in 0..missing {
                    let Some((at, open)) = self.open_brackets.pop() else {
                        break;
                    };
                    let want = closer(open);
                    let span = self.span(start, start);
                    let opener = self.span(at, at + open.len());
                    self.diagnostics.push(
                        Diagnostic::error(
                            "unclosed-bracket",
                            span,
                            format!("missing `{want}` before `{text}`"),
                        )
                        .with_primary_message(format!("`{want}` expected here"))
                        .with_label(opener, format!("this `{open}` is not closed")),
                    );
                    let synthetic = match want {
                        ")" => Tok::RParen,
                        "]" => Tok::RBracket,
                        _ => Tok::RBrace,
                    };
                    if !self.emit(synthetic, start, start) {
                        return Some(tok);
                    }
                }
                self.open_brackets.pop();
                Some(tok)
            }
            None => {
                let want = closer(open);
                if self.closer_follows_on_line(end, want) {
                    let span = self.span(start, end);
                    self.diagnostics.push(Diagnostic::error(
                        "unexpected-token",
                        span,
                        format!(
                            "unexpected `{text}`: no `{open_of}` is open here",
                            open_of = opener_of(text)
                        ),
                    ));
                    return None;
                }
                let span = self.span(start, end);
                let opener = self.span(open_at, open_at + open.len());
                self.diagnostics.push(
                    Diagnostic::error(
                        "mismatched-bracket",
                        span,
                        format!("`{text}` does not close `{open}`: expected `{want}`"),
                    )
                    .with_label(
                        opener,
                        format!("this `{open}` is the innermost open bracket"),
                    ),
                );
                self.open_brackets.pop();
                Some(match want {
                    ")" => Tok::RParen,
                    "]" => Tok::RBracket,
                    _ => Tok::RBrace,
                })
            }
        }
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
                self.done = true;
                let end = self.src.len();
                if let Some(open) = self.interpolations.last() {
                    let what = if open.kind.bytes { "bytes" } else { "string" };
                    // Point at the `\(` that is still open.
                    let at = self
                        .open_brackets
                        .iter()
                        .rev()
                        .find(|(_, b)| *b == "\\(")
                        .map_or(end, |&(at, _)| at);
                    self.error(
                        "unterminated-string",
                        at,
                        end,
                        format!("{what} interpolation not terminated: missing `)`"),
                    );
                }
                if std::mem::take(&mut self.comma_pending) {
                    return Some((end, Tok::Comma, end));
                }
                return None;
            };
            let range = self.inner.span();
            let (start, end) = (range.start, range.end);
            let Ok(raw) = raw else {
                let ch = self.src[start..].chars().next().unwrap_or('\u{fffd}');
                let ch_end = start + ch.len_utf8();
                // A run of invalid characters is one error.
                match self.diagnostics.last_mut() {
                    Some(d) if d.code == "invalid-character" && d.span().end as usize == start => {
                        let first = d.span().start as usize;
                        d.primary.span = Span::new(self.file, first, ch_end);
                        let count = self.src[first..ch_end].chars().count();
                        let lead = self.src[first..].chars().next().unwrap_or(ch);
                        d.message = format!("{count} invalid characters, starting with {lead:?}");
                    }
                    _ => self.error(
                        "invalid-character",
                        start,
                        ch_end,
                        format!("invalid character {ch:?}"),
                    ),
                }
                // The bad character most likely stood for a token that ends
                // its line's element; keep the next line a new element.
                self.comma_pending = true;
                continue;
            };
            let tok = match raw {
                // A single-line string cannot continue past the end of the
                // line: an interpolation still open there is closed.
                // (Only where the line ended a complete operand: a newline
                // right after `\(` or an operator is plain whitespace.)
                // When the next line goes on with the `)`, the line break
                // itself is the typo: report it and read on.
                Raw::Newline
                    if self.comma_pending
                        && self.open_single_line_interpolation()
                        && self.next_char_is(end, b')') =>
                {
                    self.error(
                        "unterminated-string",
                        start,
                        start,
                        "line break inside a string interpolation: a single-line string must end on its line",
                    );
                    self.comma_pending = false;
                    continue;
                }
                Raw::Newline if self.comma_pending && self.open_single_line_interpolation() => {
                    self.interpolations.pop();
                    self.pop_interpolation_bracket();
                    // A string opened inside the interpolation and left
                    // unterminated on this line is the same typo: report
                    // once, where that string starts.
                    let line_start = self.src[..start].rfind('\n').map_or(0, |n| n + 1);
                    let mut at = start;
                    if let Some(d) = self.diagnostics.last() {
                        if d.code == "unterminated-string" && d.span().start as usize >= line_start
                        {
                            at = d.span().start as usize;
                            self.diagnostics.pop();
                        }
                    }
                    self.error(
                        "unterminated-string",
                        at,
                        start,
                        "string interpolation not terminated: missing `)`",
                    );
                    self.track_nesting(&Tok::InterpEnd, start, false);
                    self.queued.push_back((start, Tok::Comma, start));
                    self.track_nesting(&Tok::Comma, start, false);
                    self.label_position = true;
                    self.comma_pending = false;
                    return Some((start, Tok::InterpEnd, start));
                }
                // An inserted comma is zero-width, at the newline; none is
                // inserted before a line that starts with `,` or `:` (so
                // comma-first JSON reads as written).
                Raw::Newline if self.comma_pending && !self.next_line_continues(end) => {
                    self.comma_pending = false;
                    self.track_nesting(&Tok::Comma, start, false);
                    self.label_position = true;
                    return Some((start, Tok::Comma, start));
                }
                Raw::Newline => {
                    if let Some(op) = self.last_operator {
                        self.continued_by = Some(op);
                    }
                    continue;
                }
                Raw::Comment => {
                    self.comments.push(Comment {
                        text: self.src[start..end].trim_end_matches('\r').to_string(),
                        span: self.span(start, end),
                    });
                    continue;
                }
                Raw::Ident => {
                    let name = &self.src[start..end];
                    if name.starts_with("__") {
                        self.error(
                            "reserved-identifier",
                            start,
                            end,
                            "identifiers starting with `__` are reserved",
                        );
                    }
                    if self.label_position && self.in_struct() && self.colon_follows(end) {
                        Tok::LabelIdent
                    } else {
                        Tok::Ident
                    }
                }
                Raw::Package => Tok::Package,
                Raw::Import => Tok::Import,
                Raw::For => Tok::For,
                Raw::In => Tok::In,
                Raw::If => Tok::If,
                Raw::Let => Tok::Let,
                Raw::True => Tok::True,
                Raw::False => Tok::False,
                Raw::Null => Tok::Null,
                Raw::OperatorWord => Tok::OperatorWord,
                Raw::Int => Tok::Int,
                Raw::Float => Tok::Float,
                Raw::BadNumber => {
                    let text = &self.src[start..end];
                    let float = !text.starts_with("0x")
                        && !text.starts_with("0X")
                        && text.contains(['.', 'e', 'E']);
                    self.error(
                        "invalid-number",
                        start,
                        end,
                        format!("invalid number literal `{text}`"),
                    );
                    if float {
                        Tok::Float
                    } else {
                        Tok::Int
                    }
                }
                Raw::Quote | Raw::TripleQuote | Raw::Apostrophe | Raw::TripleApostrophe => {
                    let text = &self.src[start..end];
                    let hashes = text.bytes().take_while(|&b| b == b'#').count();
                    let kind = StringKind {
                        bytes: matches!(raw, Raw::Apostrophe | Raw::TripleApostrophe),
                        multiline: matches!(raw, Raw::TripleQuote | Raw::TripleApostrophe),
                        hashes: u32::try_from(hashes).unwrap_or(u32::MAX),
                    };
                    self.string_rest(start, end, kind, true)
                }
                Raw::Attribute => {
                    self.attribute_rest(start);
                    Tok::Attribute
                }
                Raw::Bottom => Tok::Bottom,
                Raw::Comma => Tok::Comma,
                Raw::Colon => Tok::Colon,
                Raw::Question => Tok::Question,
                Raw::Bang => Tok::Bang,
                Raw::Assign => Tok::Assign,
                Raw::Dot => Tok::Dot,
                Raw::Ellipsis => Tok::Ellipsis,
                Raw::LParen => {
                    if let Some(open) = self.interpolations.last_mut() {
                        open.parens += 1;
                    }
                    Tok::LParen
                }
                Raw::RParen => match self.interpolations.last_mut() {
                    Some(open) if open.parens == 0 => {
                        let kind = open.kind;
                        self.string_rest(start, end, kind, false)
                    }
                    Some(open) => {
                        open.parens -= 1;
                        Tok::RParen
                    }
                    None => Tok::RParen,
                },
                Raw::LBracket => Tok::LBracket,
                Raw::RBracket => Tok::RBracket,
                Raw::LBrace => Tok::LBrace,
                Raw::RBrace => Tok::RBrace,
                Raw::Or => Tok::Or,
                Raw::And => Tok::And,
                Raw::LogicalOr => Tok::LogicalOr,
                Raw::LogicalAnd => Tok::LogicalAnd,
                Raw::Eq => Tok::Eq,
                Raw::Ne => Tok::Ne,
                Raw::Lt => Tok::Lt,
                Raw::Le => Tok::Le,
                Raw::Gt => Tok::Gt,
                Raw::Ge => Tok::Ge,
                Raw::Match => Tok::Match,
                Raw::NotMatch => Tok::NotMatch,
                Raw::Plus => Tok::Plus,
                Raw::Minus => Tok::Minus,
                Raw::Star => Tok::Star,
                Raw::Slash => Tok::Slash,
            };
            let end = self.inner.span().end;
            // Inside a single-line string's interpolation a newline cannot
            // occur; elsewhere the token decides whether a newline ends it.
            if let Some((op_start, op)) = self.continued_by.take() {
                self.continuations.push((start, op_start, op));
            }
            self.last_operator = match &tok {
                Tok::Ident | Tok::LabelIdent | Tok::OperatorWord | Tok::Comma => None,
                Tok::Dot
                | Tok::Or
                | Tok::And
                | Tok::LogicalOr
                | Tok::LogicalAnd
                | Tok::Eq
                | Tok::Ne
                | Tok::Lt
                | Tok::Le
                | Tok::Gt
                | Tok::Ge
                | Tok::Match
                | Tok::NotMatch
                | Tok::Plus
                | Tok::Minus
                | Tok::Star
                | Tok::Slash
                | Tok::Bang => Some((start, tok.text())),
                _ => None,
            };
            let tok = match tok {
                Tok::LParen | Tok::LBracket | Tok::LBrace => {
                    self.open_brackets.push((start, tok.text()));
                    tok
                }
                Tok::InterpStart(_) => {
                    let hashes = self.src[..end - 1]
                        .bytes()
                        .rev()
                        .take_while(|&b| b == b'#')
                        .count();
                    self.open_brackets.push((end - 2 - hashes, "\\("));
                    tok
                }
                Tok::RParen | Tok::RBracket | Tok::RBrace => {
                    match self.close_bracket(tok, start, end) {
                        Some(tok) => tok,
                        None => continue,
                    }
                }
                Tok::InterpMid => {
                    self.pop_interpolation_bracket();
                    let hashes = self.src[..end - 1]
                        .bytes()
                        .rev()
                        .take_while(|&b| b == b'#')
                        .count();
                    self.open_brackets.push((end - 2 - hashes, "\\("));
                    tok
                }
                Tok::InterpEnd => {
                    self.pop_interpolation_bracket();
                    tok
                }
                tok => tok,
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
    (tokens, lexer.comments, lexer.diagnostics)
}
