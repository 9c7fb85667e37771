//! Tests of the export writers: JSON, YAML structure, YAML quoting, the
//! `Data` tree and speed.

mod data;
mod json;
mod perf;
mod quoting;
mod yaml;

use super::Data;

fn s(text: &str) -> Data {
    Data::String(text.to_owned())
}

fn n(text: &str) -> Data {
    Data::Number(text.to_owned())
}

fn list<const N: usize>(items: [Data; N]) -> Data {
    Data::List(items.into())
}

fn obj<const N: usize>(fields: [(&str, Data); N]) -> Data {
    Data::Struct(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}
