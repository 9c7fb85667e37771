//! `ReplaceAll`, `ReplaceAllLiteral` and `QuoteMeta`, as Go's
//! `ReplaceAllString`, `ReplaceAllLiteralString` and `QuoteMeta`.

use super::compile::{pattern, Compiled};
use crate::limits;
use regex::Captures;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// `regexp.ReplaceAll(pattern, src, repl)`: every match replaced by
/// `repl`, where `$1`, `${1}`, `$name` and `${name}` stand for groups and
/// `$$` for `$`.
pub(super) fn replace_all(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let re = pattern(args, 0, ctx)?;
    let src = args.string(1)?;
    let repl = args.string(2)?;
    replace(&re, src, |out, caps| expand(out, repl, &re, caps))
}

/// `regexp.ReplaceAllLiteral(pattern, src, repl)`: every match replaced
/// by `repl` as it is.
pub(super) fn replace_all_literal(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    let re = pattern(args, 0, ctx)?;
    let src = args.string(1)?;
    let repl = args.string(2)?;
    replace(&re, src, |out, _| out.push_str(repl))
}

/// `regexp.QuoteMeta(s)`: `s` with every metacharacter escaped.
pub(super) fn quote_meta(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        if r"\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    Ok(Value::string(out))
}

/// Go's `replaceAll`: the text between matches is kept; a match gets the
/// replacement, except an empty match right after a match.
fn replace(
    re: &Compiled,
    src: &str,
    mut repl: impl FnMut(&mut String, &Captures<'_>),
) -> Result<Value, CallError> {
    let mut out = String::with_capacity(src.len());
    let mut last_end = 0;
    let mut pos = 0;
    while pos <= src.len() {
        let Some(caps) = re.regex.captures_at(src, pos) else {
            break;
        };
        let Some(m) = caps.get(0) else { break };
        out.push_str(&src[last_end..m.start()]);
        if m.end() > last_end || m.start() == 0 {
            repl(&mut out, &caps);
            limits::check_output(out.len())?;
        }
        last_end = m.end();
        let width = src[pos..].chars().next().map_or(1, char::len_utf8);
        pos = if pos + width > m.end() {
            pos + width
        } else if pos + 1 > m.end() {
            pos + 1
        } else {
            m.end()
        };
    }
    out.push_str(src.get(last_end..).unwrap_or_default());
    limits::check_output(out.len())?;
    Ok(Value::string(out))
}

/// Go's `Regexp.expand`: `template` with its `$` references to groups of
/// `caps` filled in.
fn expand(out: &mut String, template: &str, re: &Compiled, caps: &Captures<'_>) {
    let mut t = template;
    while let Some(i) = t.find('$') {
        out.push_str(&t[..i]);
        t = &t[i + 1..];
        if let Some(rest) = t.strip_prefix('$') {
            out.push('$');
            t = rest;
            continue;
        }
        let Some((name, rest)) = extract(t) else {
            // Malformed: the `$` is written as it is.
            out.push('$');
            continue;
        };
        t = rest;
        match group_number(name) {
            Some(n) => {
                if let Some(m) = caps.get(n) {
                    out.push_str(m.as_str());
                }
            }
            None => {
                let group =
                    re.names.iter().enumerate().find_map(|(i, n)| {
                        (n.as_deref() == Some(name)).then(|| caps.get(i)).flatten()
                    });
                if let Some(m) = group {
                    out.push_str(m.as_str());
                }
            }
        }
    }
    out.push_str(t);
}

/// Go's `extract`: the name after a `$` (`name` or `{name}`: letters,
/// digits and `_`) and the rest.
fn extract(s: &str) -> Option<(&str, &str)> {
    let (braced, body) = match s.strip_prefix('{') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let len: usize = body
        .chars()
        .take_while(|&c| c.is_alphabetic() || c.is_numeric() || c == '_')
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    let name = &body[..len];
    let rest = &body[len..];
    if braced {
        return rest.strip_prefix('}').map(|rest| (name, rest));
    }
    Some((name, rest))
}

/// A purely numeric name without leading zeros (`1`, `10`), as a group
/// number.
fn group_number(name: &str) -> Option<usize> {
    if !name.bytes().all(|b| b.is_ascii_digit()) || (name.len() > 1 && name.starts_with('0')) {
        return None;
    }
    name.parse().ok().filter(|&n: &usize| n < 100_000_000)
}
