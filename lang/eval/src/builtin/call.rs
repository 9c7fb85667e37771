//! A call's arguments, its errors, and what the evaluator offers a
//! function while it runs.

use super::Value;
use crate::num::{Int, Number};
use crate::value::Kinds;
use regex::Regex;
use std::sync::Arc;

/// Why a builtin gave no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallError {
    /// An argument is not concrete yet: the call is incomplete (not an
    /// error) until it is.
    Incomplete,
    /// The function failed: reported as `error in call to F: MESSAGE`.
    Failed(String),
    /// An argument has the wrong type or is out of range: the message is
    /// reported as it is.
    Argument(String),
    /// A validator's reason for rejecting its value: reported as
    /// `invalid value V (does not satisfy F): MESSAGE`.
    Unsatisfied(String),
}

/// What the evaluator does for a function that needs more than data.
pub trait Context {
    /// Unifies the values and evaluates the result completely (a sort's
    /// comparator, a schema checked against data). A conflict is a
    /// [`CallError::Failed`] with the evaluator's message.
    fn unify(&mut self, values: &[&Value]) -> Result<Value, CallError>;

    /// `pattern` compiled (once per evaluation), or Go's message for a
    /// pattern that does not compile.
    fn regex(&mut self, pattern: &str) -> Result<Arc<Regex>, CallError>;
}

/// The arguments of one call, with conversions that report CUE's
/// messages (`cannot use 1 (type int) as string in argument 1 to
/// strings.ToUpper`) or [`CallError::Incomplete`] for values not yet known.
#[derive(Debug)]
pub struct Args {
    pub(crate) name: String,
    pub(crate) values: Vec<Value>,
}

impl Args {
    /// Arguments of a call to `name` (`strings.ToUpper`), for tests and
    /// for code that calls builtins directly.
    pub fn new(name: impl Into<String>, values: Vec<Value>) -> Args {
        Args {
            name: name.into(),
            values,
        }
    }

    /// The function's qualified name: `strings.ToUpper`.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Argument `i`, if given (optional parameters may be left out).
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.values.get(i)
    }

    /// Argument `i`, whatever it is.
    pub fn value(&self, i: usize) -> Result<&Value, CallError> {
        self.values.get(i).ok_or_else(|| {
            CallError::Argument(format!("missing argument {} to {}", i + 1, self.name))
        })
    }

    /// The error for argument `i` not being a `want`.
    pub fn wrong_type(&self, i: usize, want: &str) -> CallError {
        match self.values.get(i) {
            Some(value) => CallError::Argument(format!(
                "cannot use {value} (type {}) as {want} in argument {} to {}",
                value.kind_name(),
                i + 1,
                self.name
            )),
            None => CallError::Argument(format!("missing argument {} to {}", i + 1, self.name)),
        }
    }

    /// Checks the argument's kind: `Incomplete` when it may still become
    /// one of `kinds`, a type error when it cannot.
    fn expect(&self, i: usize, kinds: Kinds, want: &str) -> CallError {
        match self.values.get(i) {
            Some(Value::Opaque(o)) if o.may_be(kinds) => CallError::Incomplete,
            _ => self.wrong_type(i, want),
        }
    }

    pub fn string(&self, i: usize) -> Result<&str, CallError> {
        match self.values.get(i) {
            Some(Value::String(s)) => Ok(s),
            _ => Err(self.expect(i, Kinds::STRING, "string")),
        }
    }

    /// A bytes argument; a string is accepted as its UTF-8 bytes.
    pub fn bytes(&self, i: usize) -> Result<&[u8], CallError> {
        match self.values.get(i) {
            Some(Value::Bytes(b)) => Ok(b),
            Some(Value::String(s)) => Ok(s.as_bytes()),
            _ => Err(self.expect(i, Kinds::BYTES.join(Kinds::STRING), "bytes")),
        }
    }

    pub fn bool(&self, i: usize) -> Result<bool, CallError> {
        match self.values.get(i) {
            Some(Value::Bool(b)) => Ok(*b),
            _ => Err(self.expect(i, Kinds::BOOL, "bool")),
        }
    }

    /// A number (int or float).
    pub fn number(&self, i: usize) -> Result<&Number, CallError> {
        match self.values.get(i) {
            Some(Value::Number(n)) => Ok(n),
            _ => Err(self.expect(i, Kinds::NUMBER, "number")),
        }
    }

    /// An int (a float is a type error, as in CUE).
    pub fn int(&self, i: usize) -> Result<&Int, CallError> {
        match self.values.get(i) {
            Some(Value::Number(Number::Int(n))) => Ok(n),
            _ => Err(self.expect(i, Kinds::INT, "int")),
        }
    }

    /// An int that fits 64 bits.
    pub fn i64(&self, i: usize) -> Result<i64, CallError> {
        let n = self.int(i)?;
        n.to_i64().ok_or_else(|| {
            CallError::Argument(format!(
                "int {n} overflows int64 in argument {} to {}",
                i + 1,
                self.name
            ))
        })
    }

    /// A non-negative int that fits a machine word (a count, an index).
    pub fn usize(&self, i: usize) -> Result<usize, CallError> {
        let n = self.int(i)?;
        n.to_usize().ok_or_else(|| {
            CallError::Argument(format!(
                "cannot use {n} (type int) as non-negative int in argument {} to {}",
                i + 1,
                self.name
            ))
        })
    }

    pub fn list(&self, i: usize) -> Result<&[Value], CallError> {
        match self.values.get(i).map(Value::data) {
            Some(Value::List(items)) => Ok(items),
            _ => Err(self.expect(i, Kinds::LIST, "list")),
        }
    }

    /// A list whose elements are all strings.
    pub fn string_list(&self, i: usize) -> Result<Vec<&str>, CallError> {
        let items = self.list(i)?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Value::String(s) => out.push(&**s),
                Value::Opaque(o) if o.may_be(Kinds::STRING) => return Err(CallError::Incomplete),
                other => {
                    return Err(CallError::Argument(format!(
                        "cannot use {other} (type {}) as string in list argument {} to {}",
                        other.kind_name(),
                        i + 1,
                        self.name
                    )))
                }
            }
        }
        Ok(out)
    }

    /// The regular fields of a struct argument.
    pub fn fields(&self, i: usize) -> Result<&[(Arc<str>, Value)], CallError> {
        match self.values.get(i).map(Value::data) {
            Some(Value::Struct(fields)) => Ok(fields),
            _ => Err(self.expect(i, Kinds::STRUCT, "struct")),
        }
    }

    /// Argument `i` when it must be data all the way down (what
    /// `json.Marshal` writes).
    pub fn concrete(&self, i: usize) -> Result<&Value, CallError> {
        let value = self.value(i)?;
        if value.is_concrete() {
            Ok(value)
        } else {
            Err(CallError::Incomplete)
        }
    }
}
