//! The values builtin functions take and return.

use crate::num::Number;
use crate::value::{write_quoted, Kinds};
use std::fmt;
use std::sync::Arc;

/// An argument or result of a builtin function: data, where a part that is
/// not concrete (a type, a constraint, a struct with open questions) is an
/// [`Opaque`] handle that the function may pass through but not look into.
#[derive(Clone, Debug)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(Arc<str>),
    Bytes(Arc<[u8]>),
    List(Vec<Value>),
    /// The regular fields, in order (definitions, hidden and optional
    /// fields are not part of it).
    Struct(Vec<(Arc<str>, Value)>),
    Opaque(Opaque),
}

/// A value that is not data (yet): returned as it is, it stays the value
/// it was, constraints and all.
#[derive(Clone, Debug)]
pub struct Opaque {
    pub(crate) vertex: u32,
    pub(crate) kinds: Kinds,
    /// How the value prints in messages (`int`, `>=1`).
    pub(crate) text: Arc<str>,
    /// For a struct or list that is a schema rather than plain data (a
    /// definition, optional fields, patterns, an open list, fields not
    /// concrete): its regular fields or elements, for functions that read
    /// them. Returned or unified, the opaque value keeps all its
    /// constraints.
    pub(crate) view: Option<Box<Value>>,
}

impl Opaque {
    /// The kinds it may still take, as CUE names them (`int`, `string|bytes`).
    pub fn kind_name(&self) -> String {
        self.kinds.name()
    }

    pub(crate) fn may_be(&self, kinds: Kinds) -> bool {
        self.kinds.intersects(kinds)
    }

    /// The regular fields or elements of a struct or list schema.
    pub fn view(&self) -> Option<&Value> {
        self.view.as_deref()
    }
}

impl Value {
    pub fn string(s: impl Into<Arc<str>>) -> Value {
        Value::String(s.into())
    }

    pub fn bytes(b: impl Into<Arc<[u8]>>) -> Value {
        Value::Bytes(b.into())
    }

    pub fn int(i: i64) -> Value {
        Value::Number(Number::from_i64(i))
    }

    /// A list of strings.
    pub fn strings<S: Into<Arc<str>>>(items: impl IntoIterator<Item = S>) -> Value {
        Value::List(items.into_iter().map(Value::string).collect())
    }

    /// The kind name CUE uses in messages: `int`, `string`, `struct`…
    pub fn kind_name(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "bool".into(),
            Value::Number(n) if n.is_int() => "int".into(),
            Value::Number(_) => "float".into(),
            Value::String(_) => "string".into(),
            Value::Bytes(_) => "bytes".into(),
            Value::List(_) => "list".into(),
            Value::Struct(_) => "struct".into(),
            Value::Opaque(o) => o.kind_name(),
        }
    }

    /// Whether the value is data all the way down.
    pub fn is_concrete(&self) -> bool {
        match self {
            Value::List(items) => items.iter().all(Value::is_concrete),
            Value::Struct(fields) => fields.iter().all(|(_, v)| v.is_concrete()),
            Value::Opaque(o) => o.view().is_some_and(Value::is_concrete),
            _ => true,
        }
    }

    /// The value of field `name` of a struct.
    pub fn field(&self, name: &str) -> Option<&Value> {
        match self.data() {
            Value::Struct(fields) => fields.iter().find(|(n, _)| &**n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value itself, or the fields or elements of a struct or list
    /// schema ([`Opaque::view`]).
    pub fn data(&self) -> &Value {
        match self {
            Value::Opaque(o) => o.view().unwrap_or(self),
            other => other,
        }
    }
}

/// CUE's compact spelling in messages: `"ab"`, `[1,1]`, `{x:1}`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => write!(f, "{n}"),
            Value::String(s) => write_quoted(f, s, '"'),
            Value::Bytes(b) => write_quoted(f, &String::from_utf8_lossy(b), '\''),
            Value::List(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Value::Struct(fields) => {
                f.write_str("{")?;
                for (i, (name, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    if crate::label::is_identifier(name) {
                        f.write_str(name)?;
                    } else {
                        write_quoted(f, name, '"')?;
                    }
                    write!(f, ":{value}")?;
                }
                f.write_str("}")
            }
            Value::Opaque(o) => match o.view() {
                Some(view) => write!(f, "{view}"),
                None => f.write_str(&o.text),
            },
        }
    }
}

impl Value {
    /// Sends the value to an export writer (`json.Marshal`, `yaml.Marshal`).
    /// Fails with [`super::CallError::Incomplete`] at the first part that is
    /// not concrete.
    pub fn emit(&self, out: &mut dyn crate::export::Emit) -> Result<(), super::CallError> {
        match self {
            Value::Null => out.null(),
            Value::Bool(b) => out.bool(*b),
            Value::Number(n) => out.number(&n.to_string()),
            Value::String(s) => out.string(s),
            Value::Bytes(b) => out.bytes(b),
            Value::List(items) => {
                out.begin_list(items.len());
                for item in items {
                    item.emit(out)?;
                }
                out.end_list();
            }
            Value::Struct(fields) => {
                out.begin_struct(fields.len());
                for (name, value) in fields {
                    out.key(name);
                    value.emit(out)?;
                }
                out.end_struct();
            }
            Value::Opaque(o) => match o.view() {
                Some(view) => view.emit(out)?,
                None => return Err(super::CallError::Incomplete),
            },
        }
        Ok(())
    }
}
