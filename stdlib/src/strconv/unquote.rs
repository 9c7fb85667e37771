//! `Unquote`: a CUE string literal (single- or double-quoted, single- or
//! multi-line, with `#` delimiters) to the string it denotes, following
//! CUE's `literal.Unquote`.

use tenon_eval::builtin::{Args, CallError, Context, Value};

const SYNTAX: &str = "invalid syntax";
const INVALID_WHITESPACE: &str = "invalid string: invalid whitespace";
const MISSING_NEWLINE: &str =
    "invalid string: opening quote of multiline string must be followed by newline";
const UNMATCHED_QUOTE: &str = "invalid string: unmatched quote";

/// The quotes of a literal (CUE's `QuoteInfo`).
struct Quotes<'a> {
    /// `"` or `'`.
    char: u8,
    /// 1, or 3 for a multi-line literal.
    num_char: usize,
    num_hash: usize,
    /// The indentation before the closing quote of a multi-line literal.
    whitespace: &'a str,
}

impl Quotes<'_> {
    fn multiline(&self) -> bool {
        self.num_char == 3
    }
}

/// CUE's `ParseQuotes(s, s)`: the quotes and where the body starts.
fn parse_quotes(s: &str) -> Result<(Quotes<'_>, usize), &'static str> {
    let b = s.as_bytes();
    let num_hash = b.iter().take_while(|&&c| c == b'#').count();
    let rest = &b[num_hash..];
    let (char, num_char, mut start) = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => {
            if rest.len() > 3 && rest[1] == q && rest[2] == q {
                let quote_len = match rest[3] {
                    b'\n' => 3,
                    b'\r' if rest.len() > 4 && rest[4] == b'\n' => 4,
                    _ => return Err(MISSING_NEWLINE),
                };
                (q, 3, num_hash + quote_len + 1)
            } else {
                (q, 1, num_hash + 1)
            }
        }
        _ => return Err(SYNTAX),
    };
    let quote = &b[..num_char + num_hash];
    if b.len() < quote.len() || !b.ends_with(&reversed(quote)) {
        return Err(UNMATCHED_QUOTE);
    }
    let mut whitespace = "";
    if num_char == 3 {
        let end = s.len() - quote.len();
        let body = &s[..end];
        let mut i = end;
        for c in body.chars().rev() {
            if c == '\n' || !c.is_whitespace() {
                break;
            }
            i -= c.len_utf8();
        }
        whitespace = &s[i..end];
        if start < s.len() && b[start] != b'\n' {
            if !s[start..].starts_with(whitespace) {
                return Err(INVALID_WHITESPACE);
            }
            start += whitespace.len();
        }
    }
    let quotes = Quotes {
        char,
        num_char,
        num_hash,
        whitespace,
    };
    Ok((quotes, start.min(s.len())))
}

/// The closing form of an opening quote: `#"` closes as `"#`.
fn reversed(quote: &[u8]) -> Vec<u8> {
    quote.iter().rev().copied().collect()
}

/// One decoded element of a literal's body.
enum Piece {
    /// A code point (from a rune or a `\u` escape).
    Rune(char),
    /// A single byte (`\x` and octal escapes in single-quoted literals).
    Byte(u8),
    /// The closing quote.
    End,
}

/// CUE's `unquoteChar`: the first element of `s` and the rest.
fn unquote_char<'a>(s: &'a str, q: &Quotes) -> Result<(Piece, &'a str), &'static str> {
    let b = s.as_bytes();
    let c = b[0];
    if c == q.char {
        let closes = (1..q.num_char).all(|i| b.get(i) == Some(&q.char))
            && (0..q.num_hash).all(|i| b.get(q.num_char + i) == Some(&b'#'));
        if !closes {
            return Ok((Piece::Rune(char::from(c)), &s[1..]));
        }
        if s.len() != q.num_char + q.num_hash {
            return Err(SYNTAX);
        }
        return Ok((Piece::End, ""));
    }
    if c != b'\\' {
        let ch = s.chars().next().unwrap_or('\u{fffd}');
        return Ok((Piece::Rune(ch), &s[ch.len_utf8()..]));
    }
    // A backslash followed by the literal's `#`s starts an escape.
    if s.len() <= 1 + q.num_hash || !b[1..=q.num_hash].iter().all(|&h| h == b'#') {
        return Ok((Piece::Rune('\\'), &s[1..]));
    }
    let e = b[1 + q.num_hash];
    if !e.is_ascii() {
        return Err(SYNTAX);
    }
    let rest = &s[2 + q.num_hash..];
    let simple = |c: char| Ok((Piece::Rune(c), rest));
    match e {
        b'a' => simple('\u{7}'),
        b'b' => simple('\u{8}'),
        b'f' => simple('\u{c}'),
        b'n' => simple('\n'),
        b'r' => simple('\r'),
        b't' => simple('\t'),
        b'v' => simple('\u{b}'),
        b'/' => simple('/'),
        b'\\' => simple('\\'),
        b'\'' | b'"' if e == q.char => simple(char::from(e)),
        b'x' | b'u' | b'U' => {
            let n = match e {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let digits = rest.get(..n).ok_or(SYNTAX)?;
            let v = u32::from_str_radix(digits, 16).map_err(|_| SYNTAX)?;
            if !digits.bytes().all(|d| d.is_ascii_hexdigit()) {
                return Err(SYNTAX);
            }
            let rest = &rest[n..];
            if e == b'x' {
                if q.char == b'"' {
                    return Err(SYNTAX);
                }
                return Ok((Piece::Byte(u8::try_from(v).unwrap_or(0)), rest));
            }
            if v > 0x10FFFF {
                return Err(SYNTAX);
            }
            // Surrogate halves encode as U+FFFD, as Go's utf8.EncodeRune.
            Ok((Piece::Rune(char::from_u32(v).unwrap_or('\u{fffd}')), rest))
        }
        b'0'..=b'7' => {
            if q.char == b'"' {
                return Err(SYNTAX);
            }
            let digits = rest.get(..2).ok_or(SYNTAX)?;
            let mut v = u32::from(e - b'0');
            for d in digits.bytes() {
                if !(b'0'..=b'7').contains(&d) {
                    return Err(SYNTAX);
                }
                v = v << 3 | u32::from(d - b'0');
            }
            let byte = u8::try_from(v).map_err(|_| SYNTAX)?;
            Ok((Piece::Byte(byte), &rest[2..]))
        }
        // `\(` starts an interpolation: only a literal's end may follow.
        _ => Err(SYNTAX),
    }
}

/// CUE's `QuoteInfo.Unquote` on the body `s` (after the opening quote).
fn unquote_body(mut s: &str, q: &Quotes) -> Result<Vec<u8>, &'static str> {
    if !q.multiline() && s.contains(['\n', '\r']) {
        return Err(SYNTAX);
    }
    let mut buf = Vec::with_capacity(s.len());
    let mut strip_nl = false;
    while let Some(&c) = s.as_bytes().first() {
        match c {
            b'\r' => {
                s = &s[1..];
                continue;
            }
            b'\n' => {
                if !q.multiline() {
                    return Err(INVALID_WHITESPACE);
                }
                if s[1..].starts_with(q.whitespace) {
                    s = &s[1 + q.whitespace.len()..];
                } else if s[1..].starts_with('\n') {
                    s = &s[1..];
                } else {
                    return Err(INVALID_WHITESPACE);
                }
                strip_nl = true;
                buf.push(b'\n');
                continue;
            }
            _ => {}
        }
        let (piece, rest) = unquote_char(s, q)?;
        s = rest;
        match piece {
            Piece::End => {
                if strip_nl {
                    // The newline before a closing quote is not content.
                    buf.pop();
                }
                return Ok(buf);
            }
            Piece::Rune(ch) => {
                let mut tmp = [0; 4];
                buf.extend_from_slice(ch.encode_utf8(&mut tmp).as_bytes());
            }
            Piece::Byte(byte) => buf.push(byte),
        }
        strip_nl = false;
    }
    Err(UNMATCHED_QUOTE)
}

/// CUE's `literal.Unquote(s)`.
pub(super) fn cue_unquote(s: &str) -> Result<String, &'static str> {
    let (q, start) = parse_quotes(s)?;
    let body = unquote_body(&s[start..], &q)?;
    Ok(crate::unicode::to_valid_utf8(&body))
}

/// `strconv.Unquote(s)`.
pub(super) fn unquote(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    cue_unquote(s)
        .map(Value::string)
        .map_err(|e| CallError::Failed(e.into()))
}

#[cfg(test)]
mod tests {
    use super::cue_unquote;

    #[test]
    fn unquotes_cue_literals() {
        assert_eq!(cue_unquote(r#""a\tb""#), Ok("a\tb".into()));
        assert_eq!(cue_unquote(r"'a\x41'"), Ok("aA".into()));
        assert_eq!(cue_unquote(r##"#"a\#n\n"#"##), Ok("a\n\\n".into()));
        assert_eq!(cue_unquote("\"\"\"\n  a\n  b\n  \"\"\""), Ok("a\nb".into()));
        assert_eq!(cue_unquote(r#""\u00e9""#), Ok("é".into()));
        assert_eq!(cue_unquote(r"'\377'"), Ok("\u{fffd}".into()));
        assert_eq!(cue_unquote("abc"), Err("invalid syntax"));
        assert_eq!(cue_unquote("\"abc"), Err("invalid string: unmatched quote"));
        assert_eq!(cue_unquote(r#""\x41""#), Err("invalid syntax"));
        assert_eq!(cue_unquote("\"a\"b\""), Err("invalid syntax"));
        assert_eq!(cue_unquote("\"\"\"a\"\"\""), Err(super::MISSING_NEWLINE));
        assert_eq!(cue_unquote("\""), Err("invalid string: unmatched quote"));
        assert_eq!(cue_unquote(""), Err("invalid syntax"));
        assert_eq!(cue_unquote("\"\\é\""), Err("invalid syntax"));
        assert_eq!(cue_unquote("#\"\\#é\"#"), Err("invalid syntax"));
    }
}
