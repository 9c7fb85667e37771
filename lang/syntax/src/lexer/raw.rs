//! The token recogniser that logos generates: every token with a fixed
//! spelling or a regular shape. String and attribute bodies are scanned by
//! hand afterwards (see `strings.rs`).

use crate::token::Tok;
use logos::Logos;

#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\r]+")]
pub(super) enum Raw {
    /// A line break with the next line's indentation: the indentation is
    /// skipped once here, and the look at the next line's first byte
    /// (comma insertion) starts right at it.
    #[regex(r"\n[ \t\r]*")]
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

impl Raw {
    /// The token of a fixed-spelling raw token; `None` for those the lexer
    /// handles itself (identifiers, literals, newlines, comments…).
    pub(super) fn fixed_token(self) -> Option<Tok> {
        Some(match self {
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
            Raw::Bottom => Tok::Bottom,
            Raw::Comma => Tok::Comma,
            Raw::Colon => Tok::Colon,
            Raw::Question => Tok::Question,
            Raw::Bang => Tok::Bang,
            Raw::Assign => Tok::Assign,
            Raw::Dot => Tok::Dot,
            Raw::Ellipsis => Tok::Ellipsis,
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
            Raw::Newline
            | Raw::Comment
            | Raw::Ident
            | Raw::BadNumber
            | Raw::Quote
            | Raw::TripleQuote
            | Raw::Apostrophe
            | Raw::TripleApostrophe
            | Raw::Attribute
            | Raw::LParen
            | Raw::RParen => return None,
        })
    }
}
