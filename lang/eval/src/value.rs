//! Scalar values and constraints: the kinds a value may still take, the
//! concrete atoms, and bounds such as `>=1` or `=~"^a"`.

use crate::num::Number;
use regex::Regex;
use std::fmt;
use std::sync::Arc;

/// A set of kinds, as bits. `_` is every kind; `number` is int and float.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kinds(u16);

impl Kinds {
    pub const NONE: Kinds = Kinds(0);
    pub const NULL: Kinds = Kinds(1);
    pub const BOOL: Kinds = Kinds(2);
    pub const INT: Kinds = Kinds(4);
    pub const FLOAT: Kinds = Kinds(8);
    pub const STRING: Kinds = Kinds(16);
    pub const BYTES: Kinds = Kinds(32);
    pub const STRUCT: Kinds = Kinds(64);
    pub const LIST: Kinds = Kinds(128);
    pub const NUMBER: Kinds = Kinds(4 | 8);
    pub const TOP: Kinds = Kinds(255);

    pub fn meet(self, other: Kinds) -> Kinds {
        Kinds(self.0 & other.0)
    }

    pub fn join(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }

    pub fn contains(self, other: Kinds) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn intersects(self, other: Kinds) -> bool {
        self.0 & other.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The name CUE uses in messages: `int`, `string`, `int|string`,
    /// `number`, `_`.
    pub fn name(self) -> String {
        if self == Kinds::TOP {
            return "_".into();
        }
        let mut parts = Vec::new();
        let mut rest = self;
        if rest.contains(Kinds::NUMBER) && self != Kinds::INT {
            parts.push("number");
            rest = Kinds(rest.0 & !Kinds::NUMBER.0);
        }
        for (kind, name) in [
            (Kinds::NULL, "null"),
            (Kinds::BOOL, "bool"),
            (Kinds::INT, "int"),
            (Kinds::FLOAT, "float"),
            (Kinds::STRING, "string"),
            (Kinds::BYTES, "bytes"),
            (Kinds::STRUCT, "struct"),
            (Kinds::LIST, "list"),
        ] {
            if rest.contains(kind) {
                parts.push(name);
            }
        }
        if parts.is_empty() {
            return "_|_".into();
        }
        parts.join("|")
    }
}

impl fmt::Debug for Kinds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// A concrete scalar.
#[derive(Clone, Debug)]
pub enum Atom {
    Null,
    Bool(bool),
    Number(Number),
    String(Arc<str>),
    Bytes(Arc<[u8]>),
}

impl Atom {
    pub fn kind(&self) -> Kinds {
        match self {
            Atom::Null => Kinds::NULL,
            Atom::Bool(_) => Kinds::BOOL,
            Atom::Number(n) if n.is_int() => Kinds::INT,
            Atom::Number(_) => Kinds::FLOAT,
            Atom::String(_) => Kinds::STRING,
            Atom::Bytes(_) => Kinds::BYTES,
        }
    }

    /// Equality as unification sees it: same kind and same value.
    pub fn same(&self, other: &Atom) -> bool {
        match (self, other) {
            (Atom::Null, Atom::Null) => true,
            (Atom::Bool(a), Atom::Bool(b)) => a == b,
            (Atom::Number(a), Atom::Number(b)) => a.is_int() == b.is_int() && a == b,
            (Atom::String(a), Atom::String(b)) => a == b,
            (Atom::Bytes(a), Atom::Bytes(b)) => a == b,
            _ => false,
        }
    }
}

/// How CUE prints a value in messages: `"x"`, `3`, `true`, `'b'`.
impl fmt::Display for Atom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Atom::Null => f.write_str("null"),
            Atom::Bool(b) => write!(f, "{b}"),
            Atom::Number(n) => write!(f, "{n}"),
            Atom::String(s) => write_quoted(f, s, '"'),
            Atom::Bytes(b) => write_quoted(f, &String::from_utf8_lossy(b), '\''),
        }
    }
}

/// A string as CUE source text, escaped.
pub fn write_quoted(f: &mut impl fmt::Write, s: &str, quote: char) -> fmt::Result {
    f.write_char(quote)?;
    for c in s.chars() {
        match c {
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\t' => f.write_str("\\t")?,
            '\r' => f.write_str("\\r")?,
            c if c == quote => {
                f.write_char('\\')?;
                f.write_char(c)?;
            }
            c if (c as u32) < 0x20 => write!(f, "\\u{:04x}", c as u32)?,
            c => f.write_char(c)?,
        }
    }
    f.write_char(quote)
}

/// The operator of a bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundOp {
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Match,
    NotMatch,
}

impl BoundOp {
    pub fn as_str(self) -> &'static str {
        match self {
            BoundOp::Ne => "!=",
            BoundOp::Lt => "<",
            BoundOp::Le => "<=",
            BoundOp::Gt => ">",
            BoundOp::Ge => ">=",
            BoundOp::Match => "=~",
            BoundOp::NotMatch => "!~",
        }
    }
}

/// A constraint on a scalar that is not yet known: `>=1`, `!="x"`,
/// `=~"^a"`. Regular expressions are compiled once, when the bound is
/// made.
#[derive(Clone, Debug)]
pub struct Bound {
    pub op: BoundOp,
    pub value: Atom,
    pub regex: Option<Arc<Regex>>,
}

impl Bound {
    /// The kinds a value satisfying this bound can have.
    pub fn kinds(&self) -> Kinds {
        match self.op {
            BoundOp::Match | BoundOp::NotMatch => Kinds::STRING.join(Kinds::BYTES),
            BoundOp::Ne => Kinds::TOP,
            _ => match self.value {
                Atom::Number(_) => Kinds::NUMBER,
                Atom::String(_) => Kinds::STRING,
                Atom::Bytes(_) => Kinds::BYTES,
                _ => Kinds::NONE,
            },
        }
    }

    /// Whether `atom` satisfies the bound; `None` when the kinds cannot be
    /// compared (the caller reports a conflict).
    pub fn admits(&self, atom: &Atom) -> Option<bool> {
        use std::cmp::Ordering::*;
        match self.op {
            BoundOp::Ne => Some(!atom.same(&self.value) && !loose_eq(atom, &self.value)),
            BoundOp::Match | BoundOp::NotMatch => {
                let text = match atom {
                    Atom::String(s) => s.to_string(),
                    Atom::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                    _ => return None,
                };
                let matched = self.regex.as_ref()?.is_match(&text);
                Some(matched == (self.op == BoundOp::Match))
            }
            op => {
                let order = compare(atom, &self.value)?;
                Some(match op {
                    BoundOp::Lt => order == Less,
                    BoundOp::Le => order != Greater,
                    BoundOp::Gt => order == Greater,
                    _ => order != Less,
                })
            }
        }
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.op.as_str(), self.value)
    }
}

/// Equality as `==` sees it: numbers compare by value across int and float.
pub fn loose_eq(a: &Atom, b: &Atom) -> bool {
    match (a, b) {
        (Atom::Number(x), Atom::Number(y)) => x == y,
        _ => a.same(b),
    }
}

/// Ordering of two atoms of comparable kinds.
pub fn compare(a: &Atom, b: &Atom) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Atom::Number(x), Atom::Number(y)) => Some(x.cmp(y)),
        (Atom::String(x), Atom::String(y)) => Some(x.cmp(y)),
        (Atom::Bytes(x), Atom::Bytes(y)) => Some(x.cmp(y)),
        _ => None,
    }
}
