//! The template lexer, as Go's `text/template/parse` scans: text, and
//! inside `{{ }}` actions the tokens of pipelines. Trim markers (`{{- `,
//! ` -}}`) remove the white space next to them; comments (`{{/* */}}`)
//! disappear. The first error ends the items.
//!
//! `action.rs` scans the inside of actions.

mod action;

/// What an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Error,
    Bool,
    /// A printable ASCII character not otherwise used (`,`).
    Char,
    CharConstant,
    Complex,
    /// `=`
    Assign,
    /// `:=`
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,
    Dot,
    // Keywords.
    Block,
    Break,
    Continue,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

impl Kind {
    fn keyword(word: &str) -> Option<Kind> {
        Some(match word {
            "block" => Kind::Block,
            "break" => Kind::Break,
            "continue" => Kind::Continue,
            "define" => Kind::Define,
            "else" => Kind::Else,
            "end" => Kind::End,
            "if" => Kind::If,
            "nil" => Kind::Nil,
            "range" => Kind::Range,
            "template" => Kind::Template,
            "with" => Kind::With,
            "." => Kind::Dot,
            _ => return None,
        })
    }

    fn is_keyword(self) -> bool {
        matches!(
            self,
            Kind::Block
                | Kind::Break
                | Kind::Continue
                | Kind::Define
                | Kind::Else
                | Kind::End
                | Kind::If
                | Kind::Nil
                | Kind::Range
                | Kind::Template
                | Kind::With
                | Kind::Dot
        )
    }
}

/// A token: its kind, text (the message for an error), byte offset and
/// line.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub kind: Kind,
    pub val: String,
    pub pos: usize,
    pub line: usize,
}

impl std::fmt::Display for Item {
    /// As Go prints a token in messages: `EOF`, `<if>`, `"text"`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            Kind::Eof => f.write_str("EOF"),
            Kind::Error => f.write_str(&self.val),
            k if k.is_keyword() => write!(f, "<{}>", self.val),
            _ if self.val.chars().count() > 10 => {
                let head: String = self.val.chars().take(10).collect();
                write!(f, "{}...", crate::go_quote::quote(&head))
            }
            _ => f.write_str(&crate::go_quote::quote(&self.val)),
        }
    }
}

const LEFT: &str = "{{";
const RIGHT: &str = "}}";
const LEFT_COMMENT: &str = "/*";
const RIGHT_COMMENT: &str = "*/";
const SPACE: &[char] = &[' ', '\t', '\r', '\n'];

fn is_space(c: char) -> bool {
    SPACE.contains(&c)
}

fn is_alphanumeric(c: char) -> bool {
    c == '_' || c.is_alphabetic() || c.is_numeric()
}

fn has_left_trim(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0] == b'-' && is_space(char::from(b[1]))
}

fn has_right_trim(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && is_space(char::from(b[0])) && b[1] == b'-'
}

/// The items of `input`, ending with `Eof` or `Error`.
pub(super) fn lex(input: &str) -> Vec<Item> {
    let mut lexer = Lexer {
        input,
        start: 0,
        pos: 0,
        line: 1,
        start_line: 1,
        paren_depth: 0,
        items: Vec::new(),
    };
    lexer.run();
    lexer.items
}

struct Lexer<'a> {
    input: &'a str,
    start: usize,
    pos: usize,
    line: usize,
    start_line: usize,
    paren_depth: usize,
    items: Vec<Item>,
}

impl Lexer<'_> {
    fn rest(&self) -> &str {
        self.input.get(self.pos..).unwrap_or_default()
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn backup(&mut self, c: char) {
        self.pos -= c.len_utf8();
        if c == '\n' {
            self.line -= 1;
        }
    }

    fn emit(&mut self, kind: Kind) {
        let val = self.input[self.start..self.pos].to_string();
        self.items.push(Item {
            kind,
            val,
            pos: self.start,
            line: self.start_line,
        });
        self.ignore();
    }

    /// Skips to the current position.
    fn ignore(&mut self) {
        self.start = self.pos;
        self.start_line = self.line;
    }

    fn skip(&mut self, n: usize) {
        let end = (self.pos + n).min(self.input.len());
        self.line += self.input[self.pos..end].matches('\n').count();
        self.pos = end;
    }

    fn error(&mut self, message: String) {
        self.items.push(Item {
            kind: Kind::Error,
            val: message,
            pos: self.start,
            line: self.start_line,
        });
    }

    fn run(&mut self) {
        loop {
            let ok = if self.items.last().is_some_and(|i| i.kind == Kind::LeftDelim) {
                self.inside_action()
            } else {
                self.text()
            };
            match ok {
                Some(true) => continue,
                Some(false) => {
                    self.items.push(Item {
                        kind: Kind::Eof,
                        val: String::new(),
                        pos: self.pos,
                        line: self.line,
                    });
                    return;
                }
                None => return,
            }
        }
    }

    /// Text up to the next action; `Some(false)` at the end of input,
    /// `None` after an error.
    fn text(&mut self) -> Option<bool> {
        let Some(x) = self.rest().find(LEFT) else {
            self.skip(self.rest().len());
            if self.pos > self.start {
                self.emit(Kind::Text);
            }
            return Some(false);
        };
        self.skip(x);
        let delim_end = self.pos + LEFT.len();
        let trim = if has_left_trim(&self.input[delim_end..]) {
            let text = &self.input[self.start..self.pos];
            text.len() - text.trim_end_matches(SPACE).len()
        } else {
            0
        };
        if self.pos - trim > self.start {
            let val = self.input[self.start..self.pos - trim].to_string();
            self.items.push(Item {
                kind: Kind::Text,
                val,
                pos: self.start,
                line: self.start_line,
            });
        }
        self.ignore();
        self.left_delim()
    }

    fn left_delim(&mut self) -> Option<bool> {
        self.skip(LEFT.len());
        let trim = has_left_trim(self.rest());
        let after_marker = if trim { 2 } else { 0 };
        if self.rest()[after_marker..].starts_with(LEFT_COMMENT) {
            self.skip(after_marker);
            self.ignore();
            return self.comment();
        }
        let delim_start = self.start;
        let delim_line = self.start_line;
        self.items.push(Item {
            kind: Kind::LeftDelim,
            val: LEFT.into(),
            pos: delim_start,
            line: delim_line,
        });
        self.skip(after_marker);
        self.ignore();
        self.paren_depth = 0;
        Some(true)
    }

    fn comment(&mut self) -> Option<bool> {
        self.skip(LEFT_COMMENT.len());
        let Some(x) = self.rest().find(RIGHT_COMMENT) else {
            self.error("unclosed comment".into());
            return None;
        };
        self.skip(x + RIGHT_COMMENT.len());
        let (delim, trim) = self.at_right_delim();
        if !delim {
            self.error("comment ends before closing delimiter".into());
            return None;
        }
        if trim {
            self.skip(2);
        }
        self.skip(RIGHT.len());
        if trim {
            let rest = self.rest();
            self.skip(rest.len() - rest.trim_start_matches(SPACE).len());
        }
        self.ignore();
        Some(true)
    }

    /// Whether a right delimiter (with a trim marker before it) is next.
    fn at_right_delim(&self) -> (bool, bool) {
        let rest = self.rest();
        if has_right_trim(rest) && rest[2..].starts_with(RIGHT) {
            return (true, true);
        }
        (rest.starts_with(RIGHT), false)
    }

    fn right_delim(&mut self) {
        let (_, trim) = self.at_right_delim();
        if trim {
            self.skip(2);
            self.ignore();
        }
        self.skip(RIGHT.len());
        self.emit(Kind::RightDelim);
        if trim {
            let rest = self.rest();
            self.skip(rest.len() - rest.trim_start_matches(SPACE).len());
            self.ignore();
        }
    }
}
