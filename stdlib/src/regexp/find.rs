//! `Match` and the `Find` family, with Go's rules for successive
//! matches: an empty match right after a match is skipped, and the
//! search then moves on by one character.

use super::compile::{pattern, Compiled};
use regex::Captures;
use std::collections::BTreeMap;
use std::sync::Arc;
use tenon_eval::builtin::{Args, CallError, Context, Value};

pub(super) fn is_match(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let re = pattern(args, 0, ctx)?;
    let s = args.string(1)?;
    Ok(Value::Bool(re.regex.is_match(s)))
}

pub(super) fn find(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let re = pattern(args, 0, ctx)?;
    let s = args.string(1)?;
    let m = re.regex.find(s).ok_or_else(no_match)?;
    Ok(Value::string(m.as_str()))
}

pub(super) fn find_all(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let (re, s, n) = all_args(args, ctx)?;
    let found = all_matches(&re, s, n, |c| {
        Value::string(c.get(0).map_or("", |m| m.as_str()))
    });
    non_empty(found)
}

pub(super) fn find_submatch(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let re = pattern(args, 0, ctx)?;
    let s = args.string(1)?;
    let caps = re.regex.captures(s).ok_or_else(no_match)?;
    Ok(groups(&caps))
}

pub(super) fn find_all_submatch(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let (re, s, n) = all_args(args, ctx)?;
    non_empty(all_matches(&re, s, n, groups))
}

pub(super) fn find_named_submatch(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let re = pattern(args, 0, ctx)?;
    let s = args.string(1)?;
    let caps = re.regex.captures(s).ok_or_else(no_match)?;
    Ok(named(&re, &caps))
}

pub(super) fn find_all_named_submatch(
    args: &Args,
    ctx: &mut dyn Context,
) -> Result<Value, CallError> {
    let (re, s, n) = all_args(args, ctx)?;
    let found = all_matches(&re, s, n, |c| named(&re, c));
    non_empty(found)
}

fn all_args<'a>(
    args: &'a Args,
    ctx: &mut dyn Context,
) -> Result<(Compiled, &'a str, usize), CallError> {
    let re = pattern(args, 0, ctx)?;
    let s = args.string(1)?;
    let n = args.i64(2)?;
    // Go: a negative count is all matches (at most one per position).
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    Ok((re, s, n))
}

/// Go's `allMatches`: up to `n` successive matches of `re` in `s`, each
/// turned into a value by `deliver`.
fn all_matches(
    re: &Compiled,
    s: &str,
    n: usize,
    mut deliver: impl FnMut(&Captures<'_>) -> Value,
) -> Vec<Value> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut prev_end: Option<usize> = None;
    while out.len() < n && pos <= s.len() {
        let Some(caps) = re.regex.captures_at(s, pos) else {
            break;
        };
        let Some(m) = caps.get(0) else { break };
        let mut accept = true;
        if m.end() == pos {
            // An empty match: not right after the previous match; the
            // search moves on by one character.
            if Some(m.start()) == prev_end {
                accept = false;
            }
            pos += s[pos..].chars().next().map_or(1, char::len_utf8);
        } else {
            pos = m.end();
        }
        prev_end = Some(m.end());
        if accept {
            out.push(deliver(&caps));
        }
    }
    out
}

/// The match and its groups; a group that did not take part is "".
fn groups(caps: &Captures<'_>) -> Value {
    Value::List(
        caps.iter()
            .map(|m| Value::string(m.map_or("", |m| m.as_str())))
            .collect(),
    )
}

/// The named groups as a struct, sorted by name (Go builds a map); of
/// groups with the same name the last one wins.
fn named(re: &Compiled, caps: &Captures<'_>) -> Value {
    let mut fields: BTreeMap<&str, &str> = BTreeMap::new();
    for (i, name) in re.names.iter().enumerate() {
        if let Some(name) = name {
            fields.insert(name, caps.get(i).map_or("", |m| m.as_str()));
        }
    }
    Value::Struct(
        fields
            .into_iter()
            .map(|(k, v)| (Arc::from(k), Value::string(v)))
            .collect(),
    )
}

fn non_empty(found: Vec<Value>) -> Result<Value, CallError> {
    if found.is_empty() {
        return Err(no_match());
    }
    Ok(Value::List(found))
}

fn no_match() -> CallError {
    CallError::Failed("no match".into())
}
