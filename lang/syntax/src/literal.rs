//! Decoding string and bytes literals: escapes, multi-line indentation.

use crate::ast::{StrValue, StringKind};
use smol_str::SmolStr;

/// A problem in a literal: byte range (absolute offsets) and message.
pub(crate) type LiteralError = (usize, usize, String);

/// One raw piece of a literal: the text between its delimiters and the
/// absolute offset where that text starts.
pub(crate) struct RawPart<'s> {
    pub text: &'s str,
    pub offset: usize,
}

/// Decodes the literal parts of a string (one part without
/// interpolation; `n + 1` parts around `n` interpolations).
pub(crate) fn decode_parts(
    kind: StringKind,
    parts: &[RawPart<'_>],
    errors: &mut Vec<LiteralError>,
) -> Vec<StrValue> {
    if !kind.multiline {
        return parts.iter().map(|p| decode_part(kind, p, errors)).collect();
    }
    strip_indentation(parts, errors)
        .iter()
        .map(|pieces| {
            let mut out = Vec::new();
            for &(text, offset) in pieces {
                unescape(text, offset, kind, &mut out, errors);
            }
            value(kind, out)
        })
        .collect()
}

/// Decodes one part of a single-line literal.
pub(crate) fn decode_part(
    kind: StringKind,
    part: &RawPart<'_>,
    errors: &mut Vec<LiteralError>,
) -> StrValue {
    // Text without a backslash has no escapes: its value is its text.
    if !kind.bytes && !part.text.contains('\\') {
        return StrValue::Text(SmolStr::new(part.text));
    }
    let mut out = Vec::new();
    unescape(part.text, part.offset, kind, &mut out, errors);
    value(kind, out)
}

/// The value of decoded literal bytes.
fn value(kind: StringKind, out: Vec<u8>) -> StrValue {
    if kind.bytes {
        StrValue::Bytes(out.into_boxed_slice())
    } else {
        // Escapes in strings only produce whole characters.
        StrValue::Text(SmolStr::new(String::from_utf8_lossy(&out)))
    }
}

/// Applies the multi-line rules: the opening quotes end their line, the
/// closing quotes stand on their own line, and the whitespace before the
/// closing quotes is removed from the start of every line. Returns, for
/// each part, the slices of raw text that remain.
fn strip_indentation<'s>(
    parts: &[RawPart<'s>],
    errors: &mut Vec<LiteralError>,
) -> Vec<Vec<(&'s str, usize)>> {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return Vec::new();
    };
    let mut result: Vec<Vec<(&str, usize)>> = Vec::with_capacity(parts.len());
    // The indentation: what follows the last newline of the last part.
    let last_newline = last.text.rfind('\n');
    let indent = match last_newline {
        Some(n) => &last.text[n + 1..],
        None => "",
    };
    let indent_ok = last_newline.is_some() && indent.bytes().all(|b| b == b' ' || b == b'\t');
    if !indent_ok {
        let at = last.offset + last.text.len();
        errors.push((
            at,
            at,
            "closing quotes of a multi-line string must be on a line of their own".into(),
        ));
    }
    let indent = if indent_ok { indent } else { "" };
    let opening_ok = first.text.starts_with('\n') || first.text.starts_with("\r\n");
    if !opening_ok {
        errors.push((
            first.offset,
            first.offset,
            "the opening quotes of a multi-line string must end their line".into(),
        ));
    }
    for (index, part) in parts.iter().enumerate() {
        let mut text = part.text;
        let mut offset = part.offset;
        let mut at_line_start = false;
        if index == 0 && opening_ok {
            let skip = if text.starts_with('\n') { 1 } else { 2 };
            text = &text[skip..];
            offset += skip;
            at_line_start = true;
        }
        if index == parts.len() - 1 {
            if let Some(n) = last_newline.filter(|_| indent_ok) {
                // Drop the final newline (and a preceding \r) with the
                // indentation; in `"""\n"""` it is the opening newline.
                let removed = part.text.len() - text.len();
                let mut keep = if n < removed {
                    ""
                } else {
                    &text[..n - removed]
                };
                if keep.ends_with('\r') {
                    keep = &keep[..keep.len() - 1];
                }
                text = keep;
            }
        }
        let mut pieces = Vec::new();
        let mut rest = text;
        let mut rest_offset = offset;
        loop {
            if at_line_start {
                let line_empty =
                    rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n");
                if rest.starts_with(indent) {
                    rest = &rest[indent.len()..];
                    rest_offset += indent.len();
                } else if !line_empty {
                    let width = rest.len().min(rest.find('\n').unwrap_or(rest.len()));
                    let end = ceil_char_boundary(rest, width.min(indent.len()));
                    errors.push((
                        rest_offset,
                        rest_offset + end,
                        "line of a multi-line string is not indented like its closing quotes"
                            .into(),
                    ));
                }
            }
            match rest.find('\n') {
                Some(n) => {
                    pieces.push((&rest[..n + 1], rest_offset));
                    rest = &rest[n + 1..];
                    rest_offset += n + 1;
                    at_line_start = true;
                }
                None => {
                    pieces.push((rest, rest_offset));
                    break;
                }
            }
        }
        result.push(pieces);
    }
    result
}

/// Decodes escapes of `text` into `out`.
fn unescape(
    text: &str,
    offset: usize,
    kind: StringKind,
    out: &mut Vec<u8>,
    errors: &mut Vec<LiteralError>,
) {
    let bytes = text.as_bytes();
    let hashes = kind.hashes as usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let is_escape = b == b'\\'
            && bytes.len() > i + hashes
            && bytes[i + 1..i + 1 + hashes].iter().all(|&h| h == b'#');
        if !is_escape {
            // Copy a run of plain text at once.
            let run = bytes[i + 1..]
                .iter()
                .position(|&b| b == b'\\')
                .map_or(bytes.len(), |p| i + 1 + p);
            let chunk = &text[i..run];
            if kind.multiline {
                // Carriage returns are dropped from multi-line literals.
                out.extend(chunk.bytes().filter(|&b| b != b'\r'));
            } else {
                out.extend_from_slice(chunk.as_bytes());
            }
            i = run;
            continue;
        }
        let start = i;
        i += 1 + hashes;
        let Some(&c) = bytes.get(i) else {
            errors.push((
                offset + start,
                offset + i,
                "escape sequence not terminated".into(),
            ));
            return;
        };
        i += 1;
        let simple = match c {
            b'a' => Some(0x07),
            b'b' => Some(0x08),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(0x0b),
            b'\\' => Some(b'\\'),
            b'/' => Some(b'/'),
            b'"' if !kind.bytes => Some(b'"'),
            b'\'' if kind.bytes => Some(b'\''),
            _ => None,
        };
        if let Some(v) = simple {
            out.push(v);
            continue;
        }
        match c {
            b'u' | b'U' => {
                let digits = if c == b'u' { 4 } else { 8 };
                let hex = text
                    .get(i..i + digits)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
                let ch = hex
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                match ch {
                    Some(ch) => {
                        let mut buf = [0; 4];
                        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        i += digits;
                    }
                    None => errors.push((
                        offset + start,
                        offset + ceil_char_boundary(text, (i + digits).min(bytes.len())),
                        format!("invalid Unicode escape: `\\{}` needs {digits} hexadecimal digits naming a valid code point", c as char),
                    )),
                }
            }
            b'x' if kind.bytes => {
                match text
                    .get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => errors.push((
                        offset + start,
                        offset + i,
                        "invalid byte escape: `\\x` needs two hexadecimal digits".into(),
                    )),
                }
            }
            b'0'..=b'7' if kind.bytes => {
                let octal = text
                    .get(i - 1..i + 2)
                    .filter(|o| o.bytes().all(|b| (b'0'..=b'7').contains(&b)))
                    .and_then(|o| u16::from_str_radix(o, 8).ok())
                    .and_then(|v| u8::try_from(v).ok());
                match octal {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => errors.push((
                        offset + start,
                        offset + i,
                        "invalid octal escape: needs three octal digits up to \\377".into(),
                    )),
                }
            }
            b'x' | b'0'..=b'7' => {
                // `\x41` and `\101` are both four bytes after the hashes.
                let end = (start + hashes + 4).min(bytes.len());
                let end = (start..=end)
                    .rev()
                    .find(|&e| text.is_char_boundary(e))
                    .unwrap_or(i);
                let what = if c == b'x' { "hexadecimal" } else { "octal" };
                errors.push((
                    offset + start,
                    offset + end,
                    format!(
                        "{what} escape `{}` is only allowed in bytes literals",
                        &text[start..end]
                    ),
                ));
                i = end.max(i);
            }
            _ => {
                let ch = text[i - 1..].chars().next().unwrap_or('?');
                let end = i - 1 + ch.len_utf8();
                errors.push((
                    offset + start,
                    offset + end,
                    format!("unknown escape sequence `{}`", &text[start..end]),
                ));
                i = end;
            }
        }
    }
}

/// The smallest character boundary of `text` at or after `at`.
fn ceil_char_boundary(text: &str, at: usize) -> usize {
    (at..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}
