//! Small helpers over [`Data`], the concrete values the renderer moves
//! between evaluations (properties in, objects out).

use tenon_eval::export::{Data, SpanTree};

/// The field `name` of a struct.
pub fn field<'a>(data: &'a Data, name: &str) -> Option<&'a Data> {
    match data {
        Data::Struct(fields) => fields.iter().find(|(k, _)| k == name).map(|(_, v)| v),
        _ => None,
    }
}

/// The field `name` of a struct, to change it.
pub fn field_mut<'a>(data: &'a mut Data, name: &str) -> Option<&'a mut Data> {
    match data {
        Data::Struct(fields) => fields.iter_mut().find(|(k, _)| k == name).map(|(_, v)| v),
        _ => None,
    }
}

/// The field `name` of a struct with its spans (`spans` parallel to
/// `data`).
pub fn field_spanned<'a>(
    data: &'a Data,
    spans: &'a SpanTree,
    name: &str,
) -> Option<(&'a Data, &'a SpanTree)> {
    match data {
        Data::Struct(fields) => fields
            .iter()
            .position(|(k, _)| k == name)
            .map(|i| (&fields[i].1, spans.child(i))),
        _ => None,
    }
}

/// The elements of a list with their spans.
pub fn elements_spanned<'a>(data: &'a Data, spans: &'a SpanTree) -> Vec<(&'a Data, &'a SpanTree)> {
    match data {
        Data::List(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| (item, spans.child(i)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The fields of a struct with their spans.
pub fn fields_spanned<'a>(
    data: &'a Data,
    spans: &'a SpanTree,
) -> Vec<(&'a str, &'a Data, &'a SpanTree)> {
    match data {
        Data::Struct(fields) => fields
            .iter()
            .enumerate()
            .map(|(i, (k, v))| (k.as_str(), v, spans.child(i)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The parts of a struct or list, each with its path segment (a field
/// name, or a list index); none for a scalar.
pub fn children(data: &Data) -> Vec<(String, &Data)> {
    match data {
        Data::Struct(fields) => fields.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Data::List(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    }
}

/// The string at `path` (field names from `data`).
pub fn string_at<'a>(data: &'a Data, path: &[&str]) -> Option<&'a str> {
    match get(data, path)? {
        Data::String(s) => Some(s),
        _ => None,
    }
}

/// The value at `path` (field names from `data`).
pub fn get<'a>(data: &'a Data, path: &[&str]) -> Option<&'a Data> {
    path.iter().try_fold(data, |d, name| field(d, name))
}

/// The strings of a list of strings (other elements skipped).
pub fn strings(data: Option<&Data>) -> Vec<String> {
    match data {
        Some(Data::List(items)) => items
            .iter()
            .filter_map(|d| match d {
                Data::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Sets the field `name` of a struct (appended when missing); a value that
/// is not a struct becomes one.
pub fn set(data: &mut Data, name: &str, value: Data) {
    if !matches!(data, Data::Struct(_)) {
        *data = Data::Struct(Vec::new());
    }
    if let Data::Struct(fields) = data {
        match fields.iter_mut().find(|(k, _)| k == name) {
            Some((_, slot)) => *slot = value,
            None => fields.push((name.to_string(), value)),
        }
    }
}

/// The struct at `name` inside `data`, created when missing.
pub fn entry<'a>(data: &'a mut Data, name: &str) -> &'a mut Data {
    if field(data, name).is_none_or(|d| !matches!(d, Data::Struct(_))) {
        set(data, name, Data::Struct(Vec::new()));
    }
    match data {
        Data::Struct(fields) => {
            let i = fields.iter().position(|(k, _)| k == name).unwrap_or(0);
            &mut fields[i].1
        }
        _ => unreachable!("set made it a struct"),
    }
}

/// A struct of strings.
pub fn string_map<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Data {
    Data::Struct(
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), Data::String(v.to_string())))
            .collect(),
    )
}

/// A string value.
pub fn string(s: impl Into<String>) -> Data {
    Data::String(s.into())
}
