//! The builtin functions of templates (Go's `builtins()`): `and`, `or`,
//! `not`, `len`, `index`, `slice`, `call`, `print`, `printf`, `println`,
//! `html`, `js`, `urlquery` and the comparisons, with Go's argument
//! rules and messages (`error calling index: index out of range: 5`).

use super::escape;
use super::exec::{ArgType, At, Res, State};
use super::fmt::{sprint, sprintf, sprintln};
use super::node::Arg;
use super::value::{Typed, Val};
use std::cmp::Ordering;

/// The parameters of a builtin: how many are fixed, whether more may
/// follow, and the type of each.
fn signature(name: &str) -> (usize, bool) {
    match name {
        "not" | "len" => (1, false),
        "ne" | "lt" | "le" | "gt" | "ge" => (2, false),
        "html" | "js" | "urlquery" | "print" | "println" => (0, true),
        _ => (1, true),
    }
}

fn param_type(name: &str, i: usize) -> ArgType {
    match name {
        "html" | "js" | "urlquery" | "print" | "println" => ArgType::Any,
        "printf" if i == 0 => ArgType::String,
        "printf" => ArgType::Any,
        _ => ArgType::Value,
    }
}

/// Calls builtin `name` with `args` (and `last`, the value piped in);
/// `node` is the command, for messages.
pub(super) fn call<'a>(
    s: &mut State<'a>,
    dot: &Typed,
    name: &str,
    args: &'a [Arg],
    node: At<'a>,
    last: Option<Typed>,
) -> Res<Typed> {
    let (fixed, variadic) = signature(name);
    let count = args.len() + usize::from(last.is_some());
    if variadic && count < fixed {
        return Err(s.fail(format!(
            "wrong number of args for {name}: want at least {fixed} got {}",
            args.len()
        )));
    }
    if !variadic && count != fixed {
        return Err(s.fail(format!(
            "wrong number of args for {name}: want {fixed} got {count}"
        )));
    }
    if name == "and" || name == "or" {
        let stop_on = name == "or";
        let mut v = Typed::new(Val::Missing);
        for arg in args {
            v = s.eval_arg(dot, arg, Some(ArgType::Value))?;
            if v.val.truth() == stop_on {
                return Ok(v);
            }
        }
        if let Some(last) = last {
            v = last;
        }
        return Ok(v);
    }
    let mut argv = Vec::with_capacity(count);
    for (i, arg) in args.iter().enumerate() {
        argv.push(s.eval_arg(dot, arg, Some(param_type(name, i)))?);
    }
    if let Some(last) = last {
        let typ = param_type(name, argv.len());
        argv.push(s.validate(last, Some(typ))?);
    }
    s.at = node;
    let result = run(name, &argv, args);
    result.map_err(|e| s.fail(format!("error calling {name}: {e}")))
}

fn run(name: &str, argv: &[Typed], nodes: &[Arg]) -> Result<Typed, String> {
    let values: Vec<Val> = argv.iter().map(|a| a.val.clone()).collect();
    let first = || values.first().cloned().unwrap_or(Val::Missing);
    let string = |s: String| Ok(Typed::new(Val::string(s)));
    match name {
        "not" => Ok(Typed::new(Val::Bool(!first().truth()))),
        "len" => length(&first()).map(|n| Typed::new(Val::Int(n as i64))),
        "index" => index(argv.first().cloned(), &values[1..]),
        "slice" => slice(&first(), &values[1..]),
        "call" => {
            let fun = nodes.first().map(ToString::to_string).unwrap_or_default();
            match first() {
                Val::Missing | Val::Nil => Err("call of nil".into()),
                v => Err(format!("non-function {fun} of type {}", v.type_name())),
            }
        }
        "print" => string(sprint(&values)),
        "println" => string(sprintln(&values)),
        "printf" => {
            let format = match values.first() {
                Some(Val::String(f)) => f.to_string(),
                _ => String::new(),
            };
            string(sprintf(&format, values.get(1..).unwrap_or_default()))
        }
        "html" => string(escape::html(&escaped_text(&values))),
        "js" => string(escape::js(&escaped_text(&values))),
        "urlquery" => string(escape::query(&escaped_text(&values))),
        "eq" => eq(&values).map(|b| Typed::new(Val::Bool(b))),
        "ne" => eq(&values).map(|b| Typed::new(Val::Bool(!b))),
        "lt" | "le" | "gt" | "ge" => {
            let (a, b) = (first(), values.get(1).cloned().unwrap_or(Val::Missing));
            let lt = less(&a, &b)?;
            let truth = match name {
                "lt" => lt,
                "ge" => !lt,
                _ => {
                    let le = lt || eq(&[a, b])?;
                    if name == "le" {
                        le
                    } else {
                        !le
                    }
                }
            };
            Ok(Typed::new(Val::Bool(truth)))
        }
        _ => Err(format!(
            "{} is not a defined function",
            crate::go_quote::quote(name)
        )),
    }
}

/// The text `html`, `js` and `urlquery` escape (Go's `evalArgs`): one
/// string as it is, else the operands printed (a missing or nil one as
/// `<no value>`).
fn escaped_text(values: &[Val]) -> String {
    if let [Val::String(s)] = values {
        return s.to_string();
    }
    let printable: Vec<Val> = values
        .iter()
        .map(|v| match v {
            Val::Missing | Val::Nil => Val::string("<no value>"),
            v => v.clone(),
        })
        .collect();
    sprint(&printable)
}

fn length(v: &Val) -> Result<usize, String> {
    match v {
        Val::String(s) => Ok(s.len()),
        Val::Bytes(b) => Ok(b.len()),
        Val::List(items) => Ok(items.len()),
        Val::Map(map) => Ok(map.len()),
        Val::Nil => Err("len of nil pointer".into()),
        Val::Missing => Err("reflect: call of reflect.Value.Type on zero Value".into()),
        v => Err(format!("len of type {}", v.type_name())),
    }
}

/// Go's `indexArg`: an int index within `0..=cap`.
fn index_arg(index: &Val, cap: usize) -> Result<usize, String> {
    let x = match index {
        Val::Int(i) => *i,
        Val::Missing | Val::Nil => return Err("cannot index slice/array with nil".into()),
        v => {
            return Err(format!(
                "cannot index slice/array with type {}",
                v.type_name()
            ))
        }
    };
    match usize::try_from(x) {
        Ok(x) if x <= cap => Ok(x),
        _ => Err(format!("index out of range: {x}")),
    }
}

fn index(item: Option<Typed>, indexes: &[Val]) -> Result<Typed, String> {
    let mut item = match item {
        Some(t) if !matches!(t.val, Val::Missing | Val::Nil) => t,
        _ => return Err("index of untyped nil".into()),
    };
    for index in indexes {
        item = match &item.val {
            Val::Nil => return Err("index of nil pointer".into()),
            Val::List(items) => {
                let x = index_arg(index, items.len())?;
                let v = items.get(x).ok_or("reflect: slice index out of range")?;
                Typed::element(v.clone())
            }
            Val::Bytes(b) => {
                let x = index_arg(index, b.len())?;
                let v = b.get(x).ok_or("reflect: slice index out of range")?;
                Typed::new(Val::Int(i64::from(*v)))
            }
            Val::String(s) => {
                let x = index_arg(index, s.len())?;
                let v = s
                    .as_bytes()
                    .get(x)
                    .ok_or("reflect: string index out of range")?;
                Typed::new(Val::Int(i64::from(*v)))
            }
            Val::Map(map) => {
                let key = match index {
                    Val::String(k) => k,
                    Val::Missing | Val::Nil => {
                        return Err("value is nil; should be of type string".into())
                    }
                    v => {
                        return Err(format!(
                            "value has type {}; should be string",
                            v.type_name()
                        ))
                    }
                };
                Typed::element(map.get(&**key).cloned().unwrap_or(Val::Nil))
            }
            v => return Err(format!("can't index item of type {}", v.type_name())),
        };
    }
    Ok(item)
}

fn slice(item: &Val, indexes: &[Val]) -> Result<Typed, String> {
    if matches!(item, Val::Missing | Val::Nil) {
        return Err("slice of untyped nil".into());
    }
    if indexes.len() > 3 {
        return Err(format!("too many slice indexes: {}", indexes.len()));
    }
    let len = match item {
        Val::String(s) => {
            if indexes.len() == 3 {
                return Err("cannot 3-index slice a string".into());
            }
            s.len()
        }
        Val::List(items) => items.len(),
        Val::Bytes(b) => b.len(),
        v => return Err(format!("can't slice item of type {}", v.type_name())),
    };
    let mut idx = [0, len, len];
    for (i, index) in indexes.iter().enumerate() {
        idx[i] = index_arg(index, len)?;
    }
    if idx[0] > idx[1] {
        return Err(format!("invalid slice index: {} > {}", idx[0], idx[1]));
    }
    if indexes.len() == 3 && idx[1] > idx[2] {
        return Err(format!("invalid slice index: {} > {}", idx[1], idx[2]));
    }
    let (lo, hi) = (idx[0], idx[1]);
    Ok(Typed::new(match item {
        Val::String(s) => Val::string(String::from_utf8_lossy(&s.as_bytes()[lo..hi]).into_owned()),
        Val::List(items) => Val::List(items[lo..hi].to_vec().into()),
        Val::Bytes(b) => Val::Bytes(b[lo..hi].to_vec().into()),
        _ => Val::Missing,
    }))
}

/// Go's basic kinds for comparisons.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BasicKind {
    Bool,
    Int,
    Float,
    Complex,
    String,
}

fn basic_kind(v: &Val) -> Option<BasicKind> {
    Some(match v {
        Val::Bool(_) => BasicKind::Bool,
        Val::Int(_) => BasicKind::Int,
        Val::Float(_) => BasicKind::Float,
        Val::Complex(..) => BasicKind::Complex,
        Val::String(_) => BasicKind::String,
        _ => return None,
    })
}

fn is_nil(v: &Val) -> bool {
    matches!(v, Val::Missing | Val::Nil)
}

/// `eq arg1 arg2…`: whether `arg1` equals one of the others.
fn eq(values: &[Val]) -> Result<bool, String> {
    let Some((a, rest)) = values.split_first() else {
        return Err("missing argument for comparison".into());
    };
    if rest.is_empty() {
        return Err("missing argument for comparison".into());
    }
    let k1 = basic_kind(a);
    for b in rest {
        let k2 = basic_kind(b);
        let truth = if k1 != k2 {
            if !is_nil(a) && !is_nil(b) {
                return Err("incompatible types for comparison".into());
            }
            false
        } else {
            match (a, b) {
                (Val::Bool(x), Val::Bool(y)) => x == y,
                (Val::Int(x), Val::Int(y)) => x == y,
                (Val::Float(x), Val::Float(y)) => x == y,
                (Val::Complex(a1, b1), Val::Complex(a2, b2)) => a1 == a2 && b1 == b2,
                (Val::String(x), Val::String(y)) => x == y,
                _ if is_nil(a) || is_nil(b) => is_nil(a) == is_nil(b),
                (Val::BigInt(x), Val::BigInt(y)) => x == y,
                _ => {
                    let shown = sprint(std::slice::from_ref(b));
                    return Err(format!("non-comparable type {shown}: {}", b.type_name()));
                }
            }
        };
        if truth {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `lt a b`.
fn less(a: &Val, b: &Val) -> Result<bool, String> {
    let bad_type = || "invalid type for comparison".to_string();
    let k1 = basic_kind(a).ok_or_else(bad_type)?;
    let k2 = basic_kind(b).ok_or_else(bad_type)?;
    if k1 != k2 {
        return Err("incompatible types for comparison".into());
    }
    Ok(match (a, b) {
        (Val::Int(x), Val::Int(y)) => x < y,
        (Val::Float(x), Val::Float(y)) => x.partial_cmp(y) == Some(Ordering::Less),
        (Val::String(x), Val::String(y)) => x < y,
        _ => return Err(bad_type()),
    })
}
