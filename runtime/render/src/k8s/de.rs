//! A serde deserializer over [`Data`] that knows where it is: every value
//! it hands out carries its path, so an error names the field it is about,
//! and a field that the target type skips (`deserialize_ignored_any`, which
//! is how k8s-openapi's types pass over fields they do not have) is
//! recorded as unknown.
//!
//! Values are read the way the Kubernetes API server reads JSON: a number
//! is an integer when its text is one (so `3.0` and `1E+3` are no
//! integers), bytes are their standard base64 text, and `null` is an absent
//! optional value.

use serde::de::{self, DeserializeSeed, Expected, MapAccess, SeqAccess, Unexpected, Visitor};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use tenon_eval::export::Data;

/// What one check of an object shares between its runs.
#[derive(Debug, Default)]
pub(super) struct Session {
    /// Values left out of a run: those found wrong by an earlier run.
    pub skipped: HashSet<String>,
    /// Unknown fields found so far: path and message.
    pub unknown: RefCell<Vec<(String, String)>>,
    /// A first, quick run that only asks whether the object is valid:
    /// no paths are built (they are only needed to report a problem).
    pub quick: bool,
}

/// An error while reading an object, located once it leaves the value it
/// is about.
#[derive(Debug)]
pub(super) struct Error {
    pub message: String,
    /// The value the error is about.
    pub path: Option<String>,
    /// The value to leave out to get past the error: the value itself, or
    /// for a missing field the struct that lacks it.
    pub target: Option<String>,
    /// For a missing field: its name.
    missing: Option<&'static str>,
    /// Whether the type's own words (`custom`), which may not say what
    /// the value was.
    custom: bool,
}

impl Error {
    fn new(message: String) -> Error {
        Error {
            message,
            path: None,
            target: None,
            missing: None,
            custom: false,
        }
    }

    /// Names the string that a type's own error is about.
    fn about_string(mut self, value: &str) -> Error {
        if self.custom && self.path.is_none() {
            self.message = format!("invalid value {value:?}: {}", self.message);
            self.custom = false;
        }
        self
    }

    /// Locates an error raised while reading the value at `path` (an error
    /// already located inside it keeps its place).
    fn at(mut self, path: &str) -> Error {
        if self.path.is_none() {
            self.target = Some(path.to_string());
            self.path = Some(match self.missing {
                Some(field) => join(path, field),
                None => path.to_string(),
            });
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error {
            custom: true,
            ..Error::new(msg.to_string())
        }
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Error {
        Error::new(format!(
            "expected {}, found {}",
            expected_text(expected),
            unexpected_text(&unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Error {
        Error::new(format!(
            "invalid value {}: expected {}",
            unexpected_text(&unexpected),
            expected_text(expected)
        ))
    }

    fn missing_field(field: &'static str) -> Error {
        Error {
            missing: Some(field),
            ..Error::new("required field is missing".to_string())
        }
    }
}

/// What a type expects, in the words of a Kubernetes object.
fn expected_text(expected: &dyn Expected) -> String {
    let text = expected.to_string();
    let plain = match text.as_str() {
        "i8" | "i16" | "i32" | "u8" | "u16" | "u32" => "an integer (int32)",
        "i64" | "u64" => "an integer (int64)",
        "f32" | "f64" => "a number",
        "a sequence" => "a list",
        "a map" => "a struct",
        "IntOrString" => "an integer or a string",
        "Quantity" => "a quantity (a string or a number)",
        "Time" | "MicroTime" => "a timestamp (RFC 3339 string)",
        _ => "",
    };
    if !plain.is_empty() {
        plain.to_string()
    } else if !text.is_empty()
        && text.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && text.chars().all(|c| c.is_ascii_alphanumeric())
    {
        // A k8s-openapi struct names itself.
        format!("a struct ({text})")
    } else {
        text
    }
}

/// What a value was, in the words of a Kubernetes object.
fn unexpected_text(unexpected: &Unexpected<'_>) -> String {
    match unexpected {
        Unexpected::Bool(b) => format!("the boolean {b}"),
        Unexpected::Unsigned(n) => format!("the integer {n}"),
        Unexpected::Signed(n) => format!("the integer {n}"),
        Unexpected::Float(x) => format!("the number {x}"),
        Unexpected::Str(s) => format!("the string {s:?}"),
        Unexpected::Unit => "null".to_string(),
        Unexpected::Seq => "a list".to_string(),
        Unexpected::Map => "a struct".to_string(),
        other => other.to_string(),
    }
}

/// The path of `segment` (a field name or a list index) inside `parent`:
/// dot-separated, a segment quoted when it is not a plain name.
pub(super) fn join(parent: &str, segment: &str) -> String {
    let plain = !segment.is_empty()
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '$');
    let segment = if plain {
        segment.to_string()
    } else {
        format!("{segment:?}")
    };
    if parent.is_empty() {
        segment
    } else {
        format!("{parent}.{segment}")
    }
}

/// The struct a value is a field of, for an unknown field's message.
#[derive(Clone, Copy)]
struct Owner<'de> {
    field: &'de str,
    name: &'static str,
    fields: &'static [&'static str],
}

/// One value of the object being read.
pub(super) struct Node<'a, 'de> {
    data: &'de Data,
    path: String,
    session: &'a Session,
    owner: Option<Owner<'de>>,
}

impl<'a, 'de> Node<'a, 'de> {
    /// The whole object.
    pub fn root(data: &'de Data, session: &'a Session) -> Self {
        Node {
            data,
            path: String::new(),
            session,
            owner: None,
        }
    }
}

/// Visits a number as an integer when its text is one, else as a float.
fn visit_number<'de, V: Visitor<'de>>(text: &str, visitor: V) -> Result<V::Value, Error> {
    if let Ok(n) = text.parse::<u64>() {
        visitor.visit_u64(n)
    } else if let Ok(n) = text.parse::<i64>() {
        visitor.visit_i64(n)
    } else if let Ok(x) = text.parse::<f64>() {
        visitor.visit_f64(x)
    } else {
        Err(Error::new(format!("{text} is not a number")))
    }
}

/// Standard base64, as JSON carries bytes.
fn base64(bytes: &[u8]) -> String {
    let json = tenon_eval::export::to_json_compact(&Data::Bytes(bytes.to_vec()));
    json.trim_matches('"').to_string()
}

impl<'de> Node<'_, 'de> {
    fn visit_struct<V: Visitor<'de>>(
        self,
        owner: Option<(&'static str, &'static [&'static str])>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let data = self.data;
        let result = match data {
            Data::Struct(fields) => visitor.visit_map(Fields {
                fields: fields.iter(),
                pending: None,
                path: &self.path,
                session: self.session,
                owner,
            }),
            _ => return self.deserialize_any_inner(visitor),
        };
        result.map_err(|e| e.at(&self.path))
    }

    fn deserialize_any_inner<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let data = self.data;
        let result = match data {
            Data::Null => visitor.visit_unit(),
            Data::Bool(b) => visitor.visit_bool(*b),
            Data::Number(text) => visit_number(text, visitor),
            Data::String(s) => visitor
                .visit_borrowed_str::<Error>(s)
                .map_err(|e| e.about_string(s)),
            Data::Bytes(bytes) => visitor.visit_string(base64(bytes)),
            Data::List(items) => visitor.visit_seq(Items {
                items: items.iter().enumerate(),
                path: &self.path,
                session: self.session,
            }),
            Data::Struct(_) => return self.visit_struct(None, visitor),
        };
        result.map_err(|e| e.at(&self.path))
    }
}

impl<'de> de::Deserializer<'de> for Node<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any_inner(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.data {
            Data::Null => visitor.visit_none::<Error>().map_err(|e| e.at(&self.path)),
            _ => {
                let path = self.path.clone();
                visitor.visit_some(self).map_err(|e| e.at(&path))
            }
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let path = self.path.clone();
        visitor.visit_newtype_struct(self).map_err(|e| e.at(&path))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.visit_struct(Some((name, fields)), visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let message = match self.owner {
            Some(owner) => {
                let mut message = format!("unknown field {:?} of {}", owner.field, owner.name);
                if let Some(known) = suggestion(owner.field, owner.fields) {
                    message.push_str(&format!(" (did you mean {known:?}?)"));
                }
                message
            }
            None => "unknown value".to_string(),
        };
        self.session
            .unknown
            .borrow_mut()
            .push((self.path.clone(), message));
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map enum identifier
    }
}

/// The fields of a struct, those in `session.skipped` left out.
struct Fields<'a, 'de> {
    fields: std::slice::Iter<'de, (String, Data)>,
    pending: Option<(&'de str, String, &'de Data)>,
    path: &'a str,
    session: &'a Session,
    owner: Option<(&'static str, &'static [&'static str])>,
}

impl<'de> MapAccess<'de> for Fields<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        for (key, value) in self.fields.by_ref() {
            let path = if self.session.quick {
                String::new()
            } else {
                join(self.path, key)
            };
            if self.session.skipped.contains(&path) {
                continue;
            }
            let key_de = de::value::BorrowedStrDeserializer::<Error>::new(key);
            let result = seed.deserialize(key_de).map_err(|e| e.at(&path));
            self.pending = Some((key, path, value));
            return result.map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, path, data)) = self.pending.take() else {
            return Err(Error::new(
                "a field's value asked for before its name".to_string(),
            ));
        };
        seed.deserialize(Node {
            data,
            path,
            session: self.session,
            owner: self.owner.map(|(name, fields)| Owner {
                field: key,
                name,
                fields,
            }),
        })
    }
}

/// The elements of a list, those in `session.skipped` left out (the
/// others keep their indexes in paths).
struct Items<'a, 'de> {
    items: std::iter::Enumerate<std::slice::Iter<'de, Data>>,
    path: &'a str,
    session: &'a Session,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        for (index, data) in self.items.by_ref() {
            let path = if self.session.quick {
                String::new()
            } else {
                join(self.path, &index.to_string())
            };
            if self.session.skipped.contains(&path) {
                continue;
            }
            return seed
                .deserialize(Node {
                    data,
                    path,
                    session: self.session,
                    owner: None,
                })
                .map(Some);
        }
        Ok(None)
    }
}

/// The known field that an unknown `field` was most likely meant to be:
/// one that differs only in case, or by at most two edits (one for short
/// names).
fn suggestion(field: &str, known: &[&'static str]) -> Option<&'static str> {
    if let Some(same) = known.iter().find(|k| k.eq_ignore_ascii_case(field)) {
        return Some(same);
    }
    let limit = if field.chars().count() <= 4 { 1 } else { 2 };
    known
        .iter()
        .map(|k| {
            (
                crate::errors::edit_distance(&field.to_ascii_lowercase(), &k.to_ascii_lowercase()),
                *k,
            )
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}
