//! `Unmarshal`, `UnmarshalStream`, `Validate` and `ValidatePartial`:
//! YAML documents read into values.

use super::documents::{self, Stream};
use crate::encoding::data;
use tenon_eval::builtin::{Args, CallError, Context, Value};
use tenon_syntax::FileId;

/// `yaml.Unmarshal(data)`: the value of the one document of `data`
/// (null when there is none); a second document is an error.
pub(super) fn unmarshal(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let text = text(args.bytes(0)?);
    let stream = documents::scan(&text);
    if let Some((index, message)) = &stream.error {
        return Err(CallError::Failed(if *index >= 1 {
            format!("expected a single YAML document: {message}")
        } else {
            message.clone()
        }));
    }
    if stream.documents.len() > 1 {
        return Err(CallError::Failed(format!(
            "{}: expected a single YAML document",
            stream.position(1)
        )));
    }
    parse(&text, ctx)
}

/// `yaml.UnmarshalStream(data)`: the list of the values of the documents
/// of `data` (`[null]` for empty input, as CUE reads it).
pub(super) fn unmarshal_stream(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let text = text(args.bytes(0)?);
    let mut values = values(&text, "", ctx)?;
    if values.is_empty() {
        values.push(Value::Null);
    }
    Ok(Value::List(values))
}

/// `yaml.Validate(b, schema)`: every document unified with `schema` is
/// valid and concrete.
pub(super) fn validate(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    check(args, ctx, "yaml.Validate", true)
}

/// `yaml.ValidatePartial(b, schema)`: every document unifies with
/// `schema` (it need not be concrete).
pub(super) fn validate_partial(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    check(args, ctx, "yaml.ValidatePartial", false)
}

/// Checks every document against the schema; `file` names the text in
/// syntax errors, as CUE names it.
fn check(
    args: &Args,
    ctx: &mut dyn Context,
    file: &str,
    concrete: bool,
) -> Result<Value, CallError> {
    let text = text(args.bytes(0)?);
    let schema = args.value(1)?;
    let documents = values(&text, file, ctx)?;
    // Empty input is `*null | _`: unified with the schema, the schema
    // itself (or null, when the schema allows it).
    let checks: Vec<Option<&Value>> = if documents.is_empty() {
        vec![None]
    } else {
        documents.iter().map(Some).collect()
    };
    for document in checks {
        let unified = match document {
            Some(value) => data::unify_with_schema(value, schema, true, ctx)?,
            None => match ctx.unify(&[&Value::Null, schema]) {
                Ok(null) => null,
                Err(_) => ctx.unify(&[schema])?,
            },
        };
        if concrete {
            if let Some((path, what)) = first_incomplete(&unified, String::new()) {
                let prefix = if path.is_empty() {
                    String::new()
                } else {
                    format!("{path}: ")
                };
                return Err(CallError::Failed(format!(
                    "{prefix}incomplete value {what}"
                )));
            }
        }
    }
    Ok(Value::Bool(true))
}

/// The values of the documents of `text`, in order (none for empty
/// input); `file` names the text in syntax errors.
fn values(text: &str, file: &str, ctx: &mut dyn Context) -> Result<Vec<Value>, CallError> {
    let Stream { documents, error } = documents::scan(text);
    if let Some((_, message)) = error {
        return Err(CallError::Failed(format!("{file}{message}")));
    }
    let mut out = Vec::with_capacity(documents.len());
    for doc in &documents {
        let part = text.get(doc.start..doc.end).unwrap_or_default();
        out.push(parse(part, ctx).map_err(|e| match e {
            CallError::Failed(message) => CallError::Failed(format!("{file}{message}")),
            other => other,
        })?);
    }
    Ok(out)
}

/// The value of YAML text holding at most one document.
fn parse(text: &str, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let parsed = tenon_syntax::parse_yaml(FileId::new(0), text);
    if let Some(d) = parsed.diagnostics.first() {
        let line = 1 + text
            .get(..d.span().start as usize)
            .map_or(0, |before| before.matches('\n').count());
        return Err(CallError::Failed(format!(":{line}: {}", d.message)));
    }
    data::decls_value(&parsed.file.decls, ctx)
}

/// The path and text of the first part of `value` that is not concrete.
fn first_incomplete(value: &Value, path: String) -> Option<(String, String)> {
    match value {
        Value::Opaque(_) => Some((path, value.to_string())),
        Value::List(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| first_incomplete(item, join(&path, &i.to_string()))),
        Value::Struct(fields) => fields
            .iter()
            .find_map(|(name, item)| first_incomplete(item, join(&path, name))),
        _ => None,
    }
}

fn join(path: &str, label: &str) -> String {
    if path.is_empty() {
        label.to_string()
    } else {
        format!("{path}.{label}")
    }
}

/// The argument's text (bytes that are not UTF-8 replaced).
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
