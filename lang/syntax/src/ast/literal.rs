use super::{Expr, Span};
use smol_str::SmolStr;

/// An integer or float literal, kept as written (`0x1F`, `1_000`, `1.5Gi`,
/// `1e3`); the evaluator converts it exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberLit {
    pub kind: NumberKind,
    pub text: SmolStr,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberKind {
    Int,
    Float,
}

/// How a string or bytes literal was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct StringKind {
    /// `'…'` (bytes) rather than `"…"` (string).
    pub bytes: bool,
    /// `"""…"""` or `'''…'''`.
    pub multiline: bool,
    /// The number of `#` around the quotes (`#"…"#` is 1). The lexer
    /// refuses more than `u16::MAX`: two bytes keep literals, and so
    /// every expression, small.
    pub hashes: u16,
}

/// The decoded value of a literal or of a literal part of an
/// interpolation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StrValue {
    Text(SmolStr),
    /// A boxed slice rather than a vector: the value is never grown, and
    /// the smaller variant keeps a `StrValue` as small as a `SmolStr`.
    Bytes(Box<[u8]>),
}

impl StrValue {
    /// The text of a string value, or the bytes read as UTF-8 (lossily).
    pub fn to_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            StrValue::Text(s) => std::borrow::Cow::Borrowed(s.as_str()),
            StrValue::Bytes(b) => String::from_utf8_lossy(b),
        }
    }
}

/// A string or bytes literal without interpolation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StringLit {
    pub kind: StringKind,
    pub value: StrValue,
    pub span: Span,
}

/// `"a\(x)b"`: literal parts and expressions in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Interpolation {
    pub kind: StringKind,
    pub parts: Vec<InterpolationPart>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum InterpolationPart {
    /// Decoded literal text; `span` covers its raw source, delimiters
    /// (`"`, `\(`, `)`) included.
    Text {
        value: StrValue,
        span: Span,
    },
    Expr(Expr),
}
