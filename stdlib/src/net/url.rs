//! URL escaping and the `URL`/`AbsURL` validators, following Go's
//! `net/url` (`PathEscape`, `QueryUnescape`, `Parse`…).

use crate::go_quote::quote;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// The parts of a URL Go escapes differently.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Path,
    PathSegment,
    Host,
    Zone,
    UserPassword,
    QueryComponent,
    Fragment,
}

/// Go's `shouldEscape`.
fn should_escape(c: u8, mode: Mode) -> bool {
    if c.is_ascii_alphanumeric() {
        return false;
    }
    if matches!(mode, Mode::Host | Mode::Zone)
        && matches!(
            c,
            b'!' | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'"'
        )
    {
        return false;
    }
    match c {
        b'-' | b'_' | b'.' | b'~' => return false,
        b'$' | b'&' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?' | b'@' => match mode {
            Mode::Path => return c == b'?',
            Mode::PathSegment => return matches!(c, b'/' | b';' | b',' | b'?'),
            Mode::UserPassword => return matches!(c, b'@' | b'/' | b'?' | b':'),
            Mode::QueryComponent => return true,
            Mode::Fragment => return false,
            Mode::Host | Mode::Zone => {}
        },
        _ => {}
    }
    if mode == Mode::Fragment && matches!(c, b'!' | b'(' | b')' | b'*') {
        return false;
    }
    true
}

/// Go's `escape`.
fn escape(s: &str, mode: Mode) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c == b' ' && mode == Mode::QueryComponent {
            out.push('+');
        } else if should_escape(c, mode) {
            out.push('%');
            out.push_str(&format!("{c:02X}"));
        } else {
            out.push(char::from(c));
        }
    }
    out
}

fn unhex(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

/// Go's `unescape`: the decoded bytes, or its error message
/// (`invalid URL escape "%zz"`).
fn unescape(s: &str, mode: Mode) -> Result<Vec<u8>, String> {
    let b = s.as_bytes();
    let escape_error =
        |e: &[u8]| format!("invalid URL escape {}", quote(&String::from_utf8_lossy(e)));
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                if i + 2 >= b.len()
                    || !b[i + 1].is_ascii_hexdigit()
                    || !b[i + 2].is_ascii_hexdigit()
                {
                    let end = (i + 3).min(b.len());
                    return Err(escape_error(&b[i..end]));
                }
                let v = unhex(b[i + 1]) << 4 | unhex(b[i + 2]);
                let is25 = &b[i..i + 3] == b"%25";
                if mode == Mode::Host && unhex(b[i + 1]) < 8 && !is25 {
                    return Err(escape_error(&b[i..i + 3]));
                }
                if mode == Mode::Zone && !is25 && v != b' ' && should_escape(v, Mode::Host) {
                    return Err(escape_error(&b[i..i + 3]));
                }
                i += 3;
            }
            c => {
                if matches!(mode, Mode::Host | Mode::Zone) && c < 0x80 && should_escape(c, mode) {
                    return Err(format!(
                        "invalid character {} in host name",
                        quote(&char::from(c).to_string())
                    ));
                }
                i += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                out.push(unhex(b[i + 1]) << 4 | unhex(b[i + 2]));
                i += 3;
            }
            b'+' if mode == Mode::QueryComponent => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

fn unescape_string(s: &str, mode: Mode) -> Result<Value, CallError> {
    let bytes = unescape(s, mode).map_err(CallError::Failed)?;
    Ok(Value::string(String::from_utf8_lossy(&bytes).into_owned()))
}

pub(super) fn path_escape(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(escape(args.string(0)?, Mode::PathSegment)))
}

pub(super) fn path_unescape(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    unescape_string(args.string(0)?, Mode::PathSegment)
}

pub(super) fn query_escape(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(escape(args.string(0)?, Mode::QueryComponent)))
}

pub(super) fn query_unescape(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    unescape_string(args.string(0)?, Mode::QueryComponent)
}

pub(super) fn url(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    parse(args.string(0)?).map_err(CallError::Failed)?;
    Ok(Value::Bool(true))
}

pub(super) fn abs_url(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let scheme = parse(args.string(0)?).map_err(CallError::Failed)?;
    if scheme.is_empty() {
        return Err(CallError::Failed("URL is not absolute".into()));
    }
    Ok(Value::Bool(true))
}

/// Go's `url.Parse`, reduced to what the validators need: the scheme
/// of a URL that parses, or the error (`parse "%": invalid URL escape "%"`).
fn parse(raw: &str) -> Result<String, String> {
    let (u, frag) = raw.split_once('#').unwrap_or((raw, ""));
    let scheme = parse_reference(u).map_err(|e| format!("parse {}: {e}", quote(u)))?;
    if !frag.is_empty() {
        unescape(frag, Mode::Fragment).map_err(|e| format!("parse {}: {e}", quote(raw)))?;
    }
    Ok(scheme)
}

/// Go's `getScheme`.
fn get_scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' if i > 0 => {}
            b':' if i == 0 => return Err("missing protocol scheme".into()),
            b':' => return Ok((&raw[..i], &raw[i + 1..])),
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

/// Go's `parse` (not via a request), without building the URL.
fn parse_reference(raw: &str) -> Result<String, String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    if raw == "*" {
        return Ok(String::new());
    }
    let (scheme, rest) = get_scheme(raw)?;
    let scheme = scheme.to_ascii_lowercase();
    let rest = if rest.ends_with('?') && rest.matches('?').count() == 1 {
        &rest[..rest.len() - 1]
    } else {
        rest.split_once('?').map_or(rest, |(r, _)| r)
    };
    if !rest.starts_with('/') {
        if !scheme.is_empty() {
            return Ok(scheme);
        }
        let segment = rest.split_once('/').map_or(rest, |(s, _)| s);
        if segment.contains(':') {
            return Err("first path segment in URL cannot contain colon".into());
        }
    }
    let mut path = rest;
    if (!scheme.is_empty() || !rest.starts_with("///")) && rest.starts_with("//") {
        let authority = &rest[2..];
        let (authority, tail) = match authority.find('/') {
            Some(i) => (&authority[..i], &authority[i..]),
            None => (authority, ""),
        };
        parse_authority(authority)?;
        path = tail;
    }
    unescape(path, Mode::Path)?;
    Ok(scheme)
}

fn parse_authority(authority: &str) -> Result<(), String> {
    let at = authority.rfind('@');
    parse_host(at.map_or(authority, |i| &authority[i + 1..]))?;
    let Some(i) = at else {
        return Ok(());
    };
    let userinfo = &authority[..i];
    let valid = userinfo.chars().all(|r| {
        r.is_ascii_alphanumeric()
            || matches!(
                r,
                '-' | '.'
                    | '_'
                    | ':'
                    | '~'
                    | '!'
                    | '$'
                    | '&'
                    | '\''
                    | '('
                    | ')'
                    | '*'
                    | '+'
                    | ','
                    | ';'
                    | '='
                    | '%'
                    | '@'
            )
    });
    if !valid {
        return Err("net/url: invalid userinfo".into());
    }
    let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
    unescape(user, Mode::UserPassword)?;
    unescape(password, Mode::UserPassword)?;
    Ok(())
}

fn valid_optional_port(port: &str) -> bool {
    match port.strip_prefix(':') {
        Some(digits) => digits.bytes().all(|b| b.is_ascii_digit()),
        None => port.is_empty(),
    }
}

fn parse_host(host: &str) -> Result<(), String> {
    if host.starts_with('[') {
        let Some(i) = host.rfind(']') else {
            return Err("missing ']' in host".into());
        };
        let colon_port = &host[i + 1..];
        if !valid_optional_port(colon_port) {
            return Err(format!("invalid port {} after host", quote(colon_port)));
        }
        if let Some(zone) = host[..i].find("%25") {
            unescape(&host[..zone], Mode::Host)?;
            unescape(&host[zone..i], Mode::Zone)?;
            unescape(&host[i..], Mode::Host)?;
            return Ok(());
        }
    } else if let Some(i) = host.rfind(':') {
        let colon_port = &host[i..];
        if !valid_optional_port(colon_port) {
            return Err(format!("invalid port {} after host", quote(colon_port)));
        }
    }
    unescape(host, Mode::Host)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_go() {
        assert_eq!(escape("a b/c", Mode::PathSegment), "a%20b%2Fc");
        assert_eq!(escape("a b&c=d", Mode::QueryComponent), "a+b%26c%3Dd");
        assert_eq!(escape("é", Mode::QueryComponent), "%C3%A9");
        assert_eq!(
            unescape("a+b%26c", Mode::QueryComponent),
            Ok(b"a b&c".to_vec())
        );
        assert_eq!(unescape("a+b", Mode::PathSegment), Ok(b"a+b".to_vec()));
        assert_eq!(
            unescape("%zz1", Mode::PathSegment),
            Err(r#"invalid URL escape "%zz""#.into())
        );
        assert_eq!(
            unescape("a%", Mode::PathSegment),
            Err(r#"invalid URL escape "%""#.into())
        );
    }

    #[test]
    fn parses_like_go() {
        assert_eq!(parse("https://foo.com/bar"), Ok("https".into()));
        assert_eq!(parse("/foo/bar"), Ok(String::new()));
        assert_eq!(
            parse("%"),
            Err(r#"parse "%": invalid URL escape "%""#.into())
        );
        assert_eq!(parse("mailto:a@b"), Ok("mailto".into()));
        assert_eq!(
            parse(":x"),
            Err(r#"parse ":x": missing protocol scheme"#.into())
        );
        assert_eq!(parse("a:b/c:d").map(|_| ()), Ok(()));
        assert_eq!(
            parse("1a:b"),
            Err(r#"parse "1a:b": first path segment in URL cannot contain colon"#.into())
        );
        assert_eq!(
            parse("http://a b.com/"),
            Err(r#"parse "http://a b.com/": invalid character " " in host name"#.into())
        );
        assert_eq!(
            parse("http://host:port/"),
            Err(r#"parse "http://host:port/": invalid port ":port" after host"#.into())
        );
        assert_eq!(
            parse("http://[::1]:80/x#frag%zz"),
            Err(r#"parse "http://[::1]:80/x#frag%zz": invalid URL escape "%zz""#.into())
        );
        assert_eq!(
            parse("a\nb"),
            Err("parse \"a\\nb\": net/url: invalid control character in URL".into())
        );
    }
}
