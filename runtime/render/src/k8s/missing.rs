//! Whether an object lacks a required field, found by writing its typed
//! value (read from the object, so with every missing required field
//! defaulted) against the object itself: a field the type writes, other
//! than as null, that the object does not have is missing.
//!
//! This is the quick check of every valid object, so it builds nothing:
//! the typed value is walked by a serde serializer in step with the
//! object's data. (`missing_fields` in `mod.rs` finds the same fields,
//! with their paths, from a JSON round trip, for objects that have
//! problems.)

use serde::ser::{self, Serialize};
use std::fmt;
use tenon_eval::export::Data;

/// Whether `value`, read from `object`, writes a field `object` lacks.
pub(super) fn any_missing<T: Serialize>(value: &T, object: &Data) -> bool {
    // A value the probe cannot follow is left to the full check.
    value
        .serialize(Probe {
            data: Some(object),
            top: true,
        })
        .unwrap_or(true)
}

/// Serializes a value in step with `data`, its counterpart in the object
/// (`None` where the object has none to compare with); the result is
/// whether a missing field was found.
#[derive(Clone, Copy)]
struct Probe<'d> {
    data: Option<&'d Data>,
    /// The object's top: only there are `apiVersion` and `kind` required
    /// (k8s-openapi writes them for embedded resources too).
    top: bool,
}

impl<'d> Probe<'d> {
    fn nested(data: Option<&'d Data>) -> Probe<'d> {
        Probe { data, top: false }
    }
}

#[derive(Debug)]
struct Unfollowed(String);

impl fmt::Display for Unfollowed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unfollowed {}

impl ser::Error for Unfollowed {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Unfollowed(message.to_string())
    }
}

type Found = Result<bool, Unfollowed>;

/// A list in step with the object's list.
struct Items<'d> {
    items: &'d [Data],
    next: usize,
    missing: bool,
}

/// A struct or map in step with the object's struct.
struct Fields<'d> {
    probe: Probe<'d>,
    /// The key of the map entry whose value comes next.
    key: Option<String>,
    missing: bool,
}

impl<'d> Fields<'d> {
    fn field(&mut self, name: &str, value: &(impl Serialize + ?Sized)) -> Result<(), Unfollowed> {
        if !self.probe.top && (name == "apiVersion" || name == "kind") {
            return Ok(());
        }
        let Some(data @ Data::Struct(_)) = self.probe.data else {
            return Ok(());
        };
        self.missing |= match crate::data::field(data, name) {
            Some(child) => value.serialize(Probe::nested(Some(child)))?,
            // An absent optional field is written as null by some types
            // (a Deployment's `spec`): not missing. (A struct or list is
            // not null: `IsNull` refuses it.)
            None => !value.serialize(IsNull).unwrap_or(false),
        };
        Ok(())
    }
}

macro_rules! scalars {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Found {
            Ok(false)
        })*
    };
}

impl<'d> ser::Serializer for Probe<'d> {
    type Ok = bool;
    type Error = Unfollowed;
    type SerializeSeq = Items<'d>;
    type SerializeTuple = Items<'d>;
    type SerializeTupleStruct = Items<'d>;
    type SerializeTupleVariant = Items<'d>;
    type SerializeMap = Fields<'d>;
    type SerializeStruct = Fields<'d>;
    type SerializeStructVariant = Fields<'d>;

    scalars! {
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_str: &str, serialize_bytes: &[u8],
    }

    fn serialize_none(self) -> Found {
        Ok(false)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Found {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Found {
        Ok(false)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Found {
        Ok(false)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Found {
        Ok(false)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Found {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Found {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'d>, Unfollowed> {
        let items = match self.data {
            Some(Data::List(items)) => items.as_slice(),
            _ => &[],
        };
        Ok(Items {
            items,
            next: 0,
            missing: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Items<'d>, Unfollowed> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items<'d>, Unfollowed> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Items<'d>, Unfollowed> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Fields<'d>, Unfollowed> {
        Ok(Fields {
            probe: self,
            key: None,
            missing: false,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'d>, Unfollowed> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Fields<'d>, Unfollowed> {
        self.serialize_map(None)
    }
}

impl ser::SerializeSeq for Items<'_> {
    type Ok = bool;
    type Error = Unfollowed;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unfollowed> {
        let item = self.items.get(self.next);
        self.next += 1;
        self.missing |= value.serialize(Probe::nested(item))?;
        Ok(())
    }
    fn end(self) -> Found {
        Ok(self.missing)
    }
}

macro_rules! items_as_seq {
    ($($trait:ident :: $method:ident),*) => {
        $(impl ser::$trait for Items<'_> {
            type Ok = bool;
            type Error = Unfollowed;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unfollowed> {
                ser::SerializeSeq::serialize_element(self, value)
            }
            fn end(self) -> Found {
                Ok(self.missing)
            }
        })*
    };
}

items_as_seq!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Fields<'_> {
    type Ok = bool;
    type Error = Unfollowed;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unfollowed> {
        self.key = Some(key.serialize(KeyText)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unfollowed> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Unfollowed("map value without a key".into()))?;
        self.field(&key, value)
    }
    fn end(self) -> Found {
        Ok(self.missing)
    }
}

macro_rules! fields_as_struct {
    ($($trait:ident),*) => {
        $(impl ser::$trait for Fields<'_> {
            type Ok = bool;
            type Error = Unfollowed;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), Unfollowed> {
                self.field(name, value)
            }
            fn end(self) -> Found {
                Ok(self.missing)
            }
        })*
    };
}

fields_as_struct!(SerializeStruct, SerializeStructVariant);

/// Whether a value is written as null (an absent optional value).
struct IsNull;

/// The text of a map key (k8s-openapi's maps are keyed by strings).
struct KeyText;

/// The parts of a serializer that only answer for scalars: anything
/// compound is not null, and is not a key.
macro_rules! scalar_only_serializer {
    ($name:ident, $ok:ty, $other:expr, { $($special:tt)* }) => {
        impl ser::Serializer for $name {
            type Ok = $ok;
            type Error = Unfollowed;
            type SerializeSeq = ser::Impossible<$ok, Unfollowed>;
            type SerializeTuple = ser::Impossible<$ok, Unfollowed>;
            type SerializeTupleStruct = ser::Impossible<$ok, Unfollowed>;
            type SerializeTupleVariant = ser::Impossible<$ok, Unfollowed>;
            type SerializeMap = ser::Impossible<$ok, Unfollowed>;
            type SerializeStruct = ser::Impossible<$ok, Unfollowed>;
            type SerializeStructVariant = ser::Impossible<$ok, Unfollowed>;

            $($special)*

            fn serialize_bool(self, _: bool) -> Result<$ok, Unfollowed> { $other }
            fn serialize_i8(self, _: i8) -> Result<$ok, Unfollowed> { $other }
            fn serialize_i16(self, _: i16) -> Result<$ok, Unfollowed> { $other }
            fn serialize_i32(self, _: i32) -> Result<$ok, Unfollowed> { $other }
            fn serialize_i64(self, _: i64) -> Result<$ok, Unfollowed> { $other }
            fn serialize_u8(self, _: u8) -> Result<$ok, Unfollowed> { $other }
            fn serialize_u16(self, _: u16) -> Result<$ok, Unfollowed> { $other }
            fn serialize_u32(self, _: u32) -> Result<$ok, Unfollowed> { $other }
            fn serialize_u64(self, _: u64) -> Result<$ok, Unfollowed> { $other }
            fn serialize_f32(self, _: f32) -> Result<$ok, Unfollowed> { $other }
            fn serialize_f64(self, _: f64) -> Result<$ok, Unfollowed> { $other }
            fn serialize_char(self, _: char) -> Result<$ok, Unfollowed> { $other }
            fn serialize_bytes(self, _: &[u8]) -> Result<$ok, Unfollowed> { $other }
            fn serialize_unit_struct(self, _: &'static str) -> Result<$ok, Unfollowed> { $other }
            fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<$ok, Unfollowed> { $other }
            fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<$ok, Unfollowed> { $other }
            fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unfollowed> { Err(Unfollowed("compound".into())) }
            fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unfollowed> { Err(Unfollowed("compound".into())) }
            fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Unfollowed> { Err(Unfollowed("compound".into())) }
            fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Unfollowed> { Err(Unfollowed("compound".into())) }
            fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unfollowed> { Err(Unfollowed("compound".into())) }
            fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Unfollowed> { Err(Unfollowed("compound".into())) }
            fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Unfollowed> { Err(Unfollowed("compound".into())) }
        }
    };
}

scalar_only_serializer!(IsNull, bool, Ok(false), {
    fn serialize_none(self) -> Found {
        Ok(true)
    }
    fn serialize_unit(self) -> Found {
        Ok(true)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Found {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Found {
        value.serialize(self)
    }
    fn serialize_str(self, _: &str) -> Found {
        Ok(false)
    }
});

scalar_only_serializer!(
    KeyText,
    String,
    Err(Unfollowed("a map key that is not a string".into())),
    {
        fn serialize_str(self, text: &str) -> Result<String, Unfollowed> {
            Ok(text.to_string())
        }
        fn serialize_none(self) -> Result<String, Unfollowed> {
            Err(Unfollowed("a null map key".into()))
        }
        fn serialize_unit(self) -> Result<String, Unfollowed> {
            Err(Unfollowed("a null map key".into()))
        }
        fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, Unfollowed> {
            value.serialize(self)
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result<String, Unfollowed> {
            value.serialize(self)
        }
    }
);
