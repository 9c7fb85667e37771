//! The values a template works on: the Go values CUE decodes data into
//! (`cue.Value.Decode` into an `interface{}`) and the constants and
//! results of a template.
//!
//! CUE decodes null as `nil`, a bool as `bool`, an int as `int` (a
//! `*big.Int` when it does not fit 64 bits), a float as `float64`, a
//! string as `string`, bytes as `[]byte`, a list as `[]interface{}` and a
//! struct as `map[string]interface{}` (so a template sees its fields
//! sorted by name, as Go ranges over a map).

use num_bigint::BigInt;
use std::collections::BTreeMap;
use std::sync::Arc;
use tenon_eval::builtin::{CallError, Value};
use tenon_eval::num::{Int, Number};

/// A Go value as `reflect.Value` holds it in the template engine.
#[derive(Clone, Debug)]
pub(super) enum Val {
    /// No value at all (a missing map key, `reflect.Value{}`): printed
    /// `<no value>`.
    Missing,
    /// A nil interface (null data) or the `nil` constant.
    Nil,
    Bool(bool),
    Int(i64),
    BigInt(Arc<BigInt>),
    Float(f64),
    Complex(f64, f64),
    String(Arc<str>),
    Bytes(Arc<[u8]>),
    List(Arc<[Val]>),
    Map(Arc<BTreeMap<String, Val>>),
}

impl Val {
    /// The Go value CUE decodes `value` into; `Incomplete` for a value
    /// that is not concrete.
    pub fn from_data(value: &Value) -> Result<Val, CallError> {
        crate::limits::with_stack(|| Val::from_data_now(value))
    }

    fn from_data_now(value: &Value) -> Result<Val, CallError> {
        Ok(match value {
            Value::Null => Val::Nil,
            Value::Bool(b) => Val::Bool(*b),
            Value::Number(Number::Int(Int::Small(i))) => Val::Int(*i),
            Value::Number(Number::Int(Int::Big(b))) => Val::BigInt(Arc::new((**b).clone())),
            Value::Number(n) => Val::Float(n.to_f64()),
            Value::String(s) => Val::String(s.clone()),
            Value::Bytes(b) => Val::Bytes(b.clone()),
            Value::List(items) => Val::List(
                items
                    .iter()
                    .map(Val::from_data)
                    .collect::<Result<Vec<_>, _>>()?
                    .into(),
            ),
            Value::Struct(fields) => {
                let mut map = BTreeMap::new();
                for (name, value) in fields {
                    map.insert(name.to_string(), Val::from_data(value)?);
                }
                Val::Map(Arc::new(map))
            }
            Value::Opaque(_) => return Err(CallError::Incomplete),
        })
    }

    pub fn string(s: impl Into<Arc<str>>) -> Val {
        Val::String(s.into())
    }

    /// Go's type name (`%T`, messages).
    pub fn type_name(&self) -> &'static str {
        match self {
            Val::Missing | Val::Nil => "<nil>",
            Val::Bool(_) => "bool",
            Val::Int(_) => "int",
            Val::BigInt(_) => "*big.Int",
            Val::Float(_) => "float64",
            Val::Complex(..) => "complex128",
            Val::String(_) => "string",
            Val::Bytes(_) => "[]uint8",
            Val::List(_) => "[]interface {}",
            Val::Map(_) => "map[string]interface {}",
        }
    }

    /// Go's `isTrue`: whether the value is non-zero (a missing value is
    /// false).
    pub fn truth(&self) -> bool {
        match self {
            Val::Missing | Val::Nil => false,
            Val::Bool(b) => *b,
            Val::Int(i) => *i != 0,
            Val::BigInt(_) => true,
            Val::Float(f) => *f != 0.0,
            Val::Complex(re, im) => *re != 0.0 || *im != 0.0,
            Val::String(s) => !s.is_empty(),
            Val::Bytes(b) => !b.is_empty(),
            Val::List(items) => !items.is_empty(),
            Val::Map(map) => !map.is_empty(),
        }
    }
}

/// A value with what Go knows of its static type: `iface` when it was
/// taken out of a list or a map (its type is `interface {}`), which only
/// shows in messages.
#[derive(Clone, Debug)]
pub(super) struct Typed {
    pub val: Val,
    pub iface: bool,
}

impl Typed {
    pub fn new(val: Val) -> Typed {
        Typed { val, iface: false }
    }

    /// An element of a list or map.
    pub fn element(val: Val) -> Typed {
        Typed { val, iface: true }
    }

    /// The type messages name: `interface {}` for an element.
    pub fn type_name(&self) -> &'static str {
        if self.iface {
            "interface {}"
        } else {
            self.val.type_name()
        }
    }

    /// The value as a pipeline hands it on (Go unwraps interfaces: a nil
    /// element becomes no value).
    pub fn unwrap(self) -> Typed {
        match self.val {
            Val::Nil if self.iface => Typed::new(Val::Missing),
            val => Typed::new(val),
        }
    }
}
