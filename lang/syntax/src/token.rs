//! Tokens: what the lexer hands to the parser.

use crate::ast::StringKind;
use std::fmt;

/// A token. Text is not copied: the parser reads identifiers and literals
/// from the source through the token's span, which keeps tokens (and the
/// parser's stack entries) small.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tok {
    Ident,
    /// An identifier that can only be a field label, with the `:` after
    /// it: it starts a declaration (after `{`, `,`, `:` or at the start of
    /// the file) and `:` follows it on its line. Reading `name:` as one
    /// token saves the parser the detour through expressions, and a token,
    /// for the most common kind of field. Its span covers the colon; the
    /// label's own span is the identifier's (see `label_ident_end`).
    LabelIdent,
    /// `div`, `mod`, `quo` or `rem`: an identifier that is also an infix
    /// operator (at the precedence of `*`).
    OperatorWord,
    // Keywords.
    Package,
    Import,
    For,
    In,
    If,
    Let,
    True,
    False,
    Null,
    // Literals.
    Int,
    Float,
    /// A whole string or bytes literal without interpolation.
    String(StringKind),
    /// `"text\(`: a string up to its first interpolation.
    InterpStart(StringKind),
    /// `)text\(`: between two interpolations.
    InterpMid,
    /// `)text"`: after the last interpolation.
    InterpEnd,
    /// `@name(…)`
    Attribute,
    /// `_|_`
    Bottom,
    // Punctuation and operators.
    /// `,` written or inserted at the end of a line.
    Comma,
    Colon,
    Question,
    Bang,
    Assign,
    Dot,
    Ellipsis,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Or,
    And,
    LogicalOr,
    LogicalAnd,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Match,
    NotMatch,
    Plus,
    Minus,
    Star,
    Slash,
}

impl Tok {
    /// How the token reads in a message: `` `}` ``, `identifier`.
    pub fn describe(&self) -> String {
        match self {
            Tok::Ident | Tok::LabelIdent | Tok::OperatorWord => "identifier".into(),
            Tok::Int => "integer".into(),
            Tok::Float => "number".into(),
            Tok::String(_) => "string".into(),
            Tok::InterpStart(_) => "interpolated string".into(),
            Tok::InterpMid | Tok::InterpEnd => "end of interpolation".into(),
            Tok::Attribute => "attribute".into(),
            other => format!("`{}`", other.text()),
        }
    }

    /// The fixed text of keyword and punctuation tokens.
    pub fn text(&self) -> &'static str {
        match self {
            Tok::Package => "package",
            Tok::Import => "import",
            Tok::For => "for",
            Tok::In => "in",
            Tok::If => "if",
            Tok::Let => "let",
            Tok::True => "true",
            Tok::False => "false",
            Tok::Null => "null",
            Tok::Bottom => "_|_",
            Tok::Comma => ",",
            Tok::Colon => ":",
            Tok::Question => "?",
            Tok::Bang => "!",
            Tok::Assign => "=",
            Tok::Dot => ".",
            Tok::Ellipsis => "...",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBracket => "[",
            Tok::RBracket => "]",
            Tok::LBrace => "{",
            Tok::RBrace => "}",
            Tok::Or => "|",
            Tok::And => "&",
            Tok::LogicalOr => "||",
            Tok::LogicalAnd => "&&",
            Tok::Eq => "==",
            Tok::Ne => "!=",
            Tok::Lt => "<",
            Tok::Le => "<=",
            Tok::Gt => ">",
            Tok::Ge => ">=",
            Tok::Match => "=~",
            Tok::NotMatch => "!~",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::Ident
            | Tok::LabelIdent
            | Tok::OperatorWord
            | Tok::Int
            | Tok::Float
            | Tok::String(_)
            | Tok::InterpStart(_)
            | Tok::InterpMid
            | Tok::InterpEnd
            | Tok::Attribute => "",
        }
    }

    /// Whether the token is an operand or a part of one: it does not
    /// change the nesting depth (see the lexer's nesting guard).
    #[inline]
    pub(crate) fn is_operand(&self) -> bool {
        matches!(
            self,
            Tok::Ident
                | Tok::Int
                | Tok::Float
                | Tok::String(_)
                | Tok::Attribute
                | Tok::Bottom
                | Tok::True
                | Tok::False
                | Tok::Null
                | Tok::InterpMid
        )
    }

    /// Whether a newline after this token ends the line's element (a comma
    /// is inserted), as CUE's scanner does.
    pub(crate) fn ends_element(&self) -> bool {
        matches!(
            self,
            Tok::Ident
                | Tok::OperatorWord
                | Tok::Package
                | Tok::Import
                | Tok::For
                | Tok::In
                | Tok::If
                | Tok::Let
                | Tok::True
                | Tok::False
                | Tok::Null
                | Tok::Int
                | Tok::Float
                | Tok::String(_)
                | Tok::InterpEnd
                | Tok::Attribute
                | Tok::Bottom
                | Tok::Ellipsis
                | Tok::RParen
                | Tok::RBracket
                | Tok::RBrace
        )
    }
}

/// Where the identifier of a [`Tok::LabelIdent`] spanning `lo..hi` ends:
/// before the blanks and the colon that the token also covers. (Looked
/// for from the colon back: the blanks are fewer than the identifier's
/// characters, usually none.)
pub(crate) fn label_ident_end(src: &str, lo: usize, hi: usize) -> usize {
    let bytes = &src.as_bytes()[lo..hi];
    let before_colon = bytes.strip_suffix(b":").unwrap_or(bytes);
    lo + before_colon
        .iter()
        .rposition(|&b| b != b' ' && b != b'\t')
        .map_or(0, |n| n + 1)
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}
