//! Data read by `json.Unmarshal`, `yaml.Unmarshal` and their kin: the
//! syntax trees that `tenon_syntax::parse_json` and `parse_yaml` build
//! (the same trees the data-file loader compiles) turned into [`Value`]s.
//!
//! The trees hold literals only: structs with quoted labels, lists,
//! strings, bytes (`!!binary`), numbers (a negative number is a unary
//! minus on the literal), booleans and null; an empty YAML document is
//! `*null | _`, read here as null. A label written twice is two fields
//! that unify, as CUE compiles them.

use std::collections::HashMap;
use std::sync::Arc;
use tenon_eval::builtin::{CallError, Context, Value};
use tenon_eval::num::Number;
use tenon_syntax::ast::{BinaryOp, Decl, Expr, LabelName, ListElem, NumberKind, StrValue, UnaryOp};

/// The value of a data file's declarations: its fields as a struct, or
/// its embedded values unified.
pub(crate) fn decls_value(decls: &[Decl], ctx: &mut dyn Context) -> Result<Value, CallError> {
    let mut reader = Reader {
        ctx,
        path: Vec::new(),
    };
    let mut fields = Fields::default();
    let mut embedded = Vec::new();
    for decl in decls {
        match decl {
            Decl::Field(field) => reader.field(&mut fields, &field.label.name, &field.value)?,
            Decl::Embed(expr) => embedded.push(reader.value(expr)?),
            _ => return Err(unsupported()),
        }
    }
    let has_fields = !fields.items.is_empty();
    let mut parts: Vec<Value> = embedded;
    if has_fields || parts.is_empty() {
        parts.push(Value::Struct(fields.items));
    }
    if parts.len() == 1 {
        return Ok(parts.pop().unwrap_or(Value::Null));
    }
    let refs: Vec<&Value> = parts.iter().collect();
    reader.ctx.unify(&refs)
}

/// Reads values, knowing the path of the one being read (for the
/// message of a conflict between duplicate keys).
struct Reader<'c> {
    ctx: &'c mut dyn Context,
    path: Vec<String>,
}

impl Reader<'_> {
    fn value(&mut self, expr: &Expr) -> Result<Value, CallError> {
        crate::limits::with_stack(|| self.value_now(expr))
    }

    fn value_now(&mut self, expr: &Expr) -> Result<Value, CallError> {
        Ok(match expr {
            Expr::Null(_) => Value::Null,
            Expr::Bool(b, _) => Value::Bool(*b),
            Expr::String(s) => match &s.value {
                StrValue::Text(text) => Value::string(text.as_str()),
                StrValue::Bytes(bytes) => Value::bytes(&bytes[..]),
            },
            Expr::Number(n) => Value::Number(number(&n.text, n.kind)?),
            Expr::Unary(u) if u.op == UnaryOp::Neg => match &u.operand {
                Expr::Number(n) => Value::Number(number(&n.text, n.kind)?.neg()),
                _ => return Err(unsupported()),
            },
            Expr::List(list) => {
                let mut items = Vec::with_capacity(list.elems.len());
                for (i, elem) in list.elems.iter().enumerate() {
                    let ListElem::Expr(e) = elem else {
                        return Err(unsupported());
                    };
                    self.path.push(i.to_string());
                    let item = self.value(e);
                    self.path.pop();
                    items.push(item?);
                }
                Value::List(items)
            }
            Expr::Struct(s) => {
                let mut fields = Fields::default();
                for decl in &s.decls {
                    let Decl::Field(field) = decl else {
                        return Err(unsupported());
                    };
                    self.field(&mut fields, &field.label.name, &field.value)?;
                }
                Value::Struct(fields.items)
            }
            // `*null | _`: an empty YAML document.
            Expr::Binary(b) if b.op == BinaryOp::Or => Value::Null,
            _ => return Err(unsupported()),
        })
    }

    /// Reads a field into `fields`; a label seen again unifies with the
    /// field already there.
    fn field(
        &mut self,
        fields: &mut Fields,
        label: &LabelName,
        expr: &Expr,
    ) -> Result<(), CallError> {
        let name = label_text(label)?;
        self.path.push(path_label(&name));
        let result = self.value(expr).and_then(|value| {
            let Some(&i) = fields.index.get(&name) else {
                fields.index.insert(name.clone(), fields.items.len());
                fields.items.push((name, value));
                return Ok(());
            };
            let old = &fields.items[i].1;
            match self.ctx.unify(&[old, &value]) {
                Ok(unified) => {
                    fields.items[i].1 = unified;
                    Ok(())
                }
                Err(CallError::Failed(message)) => Err(CallError::Failed(format!(
                    "{}: {message}",
                    self.path.join(".")
                ))),
                Err(other) => Err(other),
            }
        });
        self.path.pop();
        result
    }
}

fn number(text: &str, kind: NumberKind) -> Result<Number, CallError> {
    Number::parse_literal(text, kind == NumberKind::Float)
        .map_err(|e| CallError::Failed(format!("invalid number {text}: {e}")))
}

fn label_text(name: &LabelName) -> Result<Arc<str>, CallError> {
    match name {
        LabelName::Ident(ident) => Ok(Arc::from(ident.name.as_str())),
        LabelName::String(Expr::String(s)) => Ok(Arc::from(&*s.value.to_text())),
        _ => Err(unsupported()),
    }
}

fn unsupported() -> CallError {
    CallError::Failed("unsupported data".into())
}

/// The fields of a struct being read, with the position of each label.
#[derive(Default)]
struct Fields {
    items: Vec<(Arc<str>, Value)>,
    index: HashMap<Arc<str>, usize>,
}

/// Unifies data with a schema (`Validate`); a conflict is reported at the
/// path of the field it is in (`a.b: invalid value 10 (out of bound
/// <3)`), as CUE reports it. `data_first` orders the operands as CUE's
/// function does (it shows in `conflicting values X and Y`).
pub(crate) fn unify_with_schema(
    data: &Value,
    schema: &Value,
    data_first: bool,
    ctx: &mut dyn Context,
) -> Result<Value, CallError> {
    let unify = |ctx: &mut dyn Context, d: &Value, s: &Value| {
        if data_first {
            ctx.unify(&[d, s])
        } else {
            ctx.unify(&[s, d])
        }
    };
    match unify(ctx, data, schema) {
        Ok(value) => Ok(value),
        Err(CallError::Failed(message)) => {
            let mut path = Vec::new();
            let message = locate(data, schema, &mut path, ctx, &unify).unwrap_or(message);
            if path.is_empty() {
                return Err(CallError::Failed(message));
            }
            Err(CallError::Failed(format!("{}: {message}", path.join("."))))
        }
        Err(other) => Err(other),
    }
}

/// A unification of data with a schema, operands in CUE's order.
type Unify<'a> = dyn Fn(&mut dyn Context, &Value, &Value) -> Result<Value, CallError> + 'a;

/// The deepest field of `data` whose value conflicts with the schema's,
/// pushed on `path`, and the conflict's message.
fn locate(
    data: &Value,
    schema: &Value,
    path: &mut Vec<String>,
    ctx: &mut dyn Context,
    unify: &Unify<'_>,
) -> Option<String> {
    crate::limits::with_stack(|| {
        let pairs: Vec<(String, &Value, &Value)> = match (data, schema) {
            (Value::Struct(fields), Value::Struct(_)) => fields
                .iter()
                .filter_map(|(name, d)| schema.field(name).map(|s| (path_label(name), d, s)))
                .collect(),
            (Value::List(ds), Value::List(ss)) => ds
                .iter()
                .zip(ss)
                .enumerate()
                .map(|(i, (d, s))| (i.to_string(), d, s))
                .collect(),
            _ => return None,
        };
        for (name, d, s) in pairs {
            if let Err(CallError::Failed(message)) = unify(ctx, d, s) {
                path.push(name);
                return Some(locate(d, s, path, ctx, unify).unwrap_or(message));
            }
        }
        None
    })
}

/// A label as CUE prints it in a path: quoted unless an identifier.
fn path_label(name: &str) -> String {
    let ident = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$' || c == '#')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '#');
    if ident {
        name.to_string()
    } else {
        crate::go_quote::quote(name)
    }
}
