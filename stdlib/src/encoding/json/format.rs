//! `Valid`, `Compact`, `Indent` and `HTMLEscape`: Go's functions over
//! JSON text, driven by Go's scanner so that output and errors match.

use super::scanner::{self, Op, Scanner};
use tenon_eval::builtin::{Args, CallError, Context, Value};

pub(super) fn valid(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::Bool(scanner::valid(args.bytes(0)?)))
}

/// Go's `json.Compact`: insignificant white space removed.
pub(super) fn compact(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let src = args.bytes(0)?;
    let mut scan = Scanner::new();
    let mut out = Vec::with_capacity(src.len());
    let mut start = 0;
    for (i, &c) in src.iter().enumerate() {
        let op = scan.step(c);
        if op >= Op::SkipSpace {
            if op == Op::Error {
                break;
            }
            out.extend_from_slice(&src[start..i]);
            start = i + 1;
        }
    }
    if scan.eof() == Op::Error {
        return Err(failed(&scan));
    }
    if start < src.len() {
        out.extend_from_slice(&src[start..]);
    }
    Ok(text(out))
}

/// Go's `json.Indent`: one element per line, `prefix` then `indent`
/// repeated per level; empty objects and arrays stay `{}` and `[]`;
/// leading white space is dropped and trailing white space kept.
pub(super) fn indent(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let src = args.bytes(0)?;
    let prefix = args.string(1)?;
    let indent = args.string(2)?;
    let mut scan = Scanner::new();
    let mut out: Vec<u8> = Vec::with_capacity(src.len() * 2);
    let mut need_indent = false;
    let mut depth = 0usize;
    let newline = |out: &mut Vec<u8>, depth: usize| -> Result<(), CallError> {
        let width = prefix.len() + indent.len().saturating_mul(depth);
        crate::limits::check_output(out.len().saturating_add(width))?;
        out.push(b'\n');
        out.extend_from_slice(prefix.as_bytes());
        for _ in 0..depth {
            out.extend_from_slice(indent.as_bytes());
        }
        Ok(())
    };
    for &c in src {
        let op = scan.step(c);
        if op == Op::SkipSpace {
            continue;
        }
        if op == Op::Error {
            break;
        }
        if need_indent && op != Op::EndObject && op != Op::EndArray {
            need_indent = false;
            depth += 1;
            newline(&mut out, depth)?;
        }
        if op == Op::Continue {
            out.push(c);
            continue;
        }
        match c {
            b'{' | b'[' => {
                need_indent = true;
                out.push(c);
            }
            b',' => {
                out.push(c);
                newline(&mut out, depth)?;
            }
            b':' => out.extend_from_slice(b": "),
            b'}' | b']' => {
                if need_indent {
                    need_indent = false;
                } else {
                    depth = depth.saturating_sub(1);
                    newline(&mut out, depth)?;
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    if scan.eof() == Op::Error {
        return Err(failed(&scan));
    }
    Ok(text(out))
}

/// Go's `json.HTMLEscape`: `<`, `>`, `&`, U+2028 and U+2029 written as
/// `\u003c` and so on (anywhere: they can only occur in strings).
pub(super) fn html_escape(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let src = args.bytes(0)?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        if c == b'<' || c == b'>' || c == b'&' {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(c >> 4)]);
            out.push(HEX[usize::from(c & 0xF)]);
        } else if c == 0xE2
            && src.get(i + 1) == Some(&0x80)
            && src.get(i + 2).is_some_and(|b| b & !1 == 0xA8)
        {
            let last = src.get(i + 2).copied().unwrap_or(0xA8);
            out.extend_from_slice(b"\\u202");
            out.push(HEX[usize::from(last & 0xF)]);
            i += 3;
            continue;
        } else {
            out.push(c);
        }
        i += 1;
    }
    Ok(text(out))
}

fn failed(scan: &Scanner) -> CallError {
    CallError::Failed(scan.error().unwrap_or("invalid JSON").to_string())
}

/// Output bytes as a string (input bytes that were not UTF-8 are
/// replaced, as a string must be UTF-8).
fn text(out: Vec<u8>) -> Value {
    match String::from_utf8(out) {
        Ok(s) => Value::string(s),
        Err(e) => Value::string(String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}
