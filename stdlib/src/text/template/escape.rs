//! Go's escapers: `template.HTMLEscapeString`, `template.JSEscapeString`
//! and `url.QueryEscape` (the `html`, `js` and `urlquery` functions).

use std::fmt::Write;

/// `&`, `'`, `<`, `>`, `"` as entities; NUL as U+FFFD.
pub(crate) fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Quotes, backslash, `<`, `>`, `&` and `=` escaped for JavaScript;
/// control characters as `\u00XX`; non-printable characters as `\uXXXX`.
pub(crate) fn js(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str(r"\\"),
            '\'' => out.push_str(r"\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str(r"\u003C"),
            '>' => out.push_str(r"\u003E"),
            '&' => out.push_str(r"\u0026"),
            '=' => out.push_str(r"\u003D"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, r"\u00{:02X}", u32::from(c));
            }
            c if c.is_ascii() || crate::go_quote::is_print(c) => out.push(c),
            c => {
                let _ = write!(out, r"\u{:04X}", u32::from(c));
            }
        }
    }
    out
}

/// `url.QueryEscape`: letters, digits and `-_.~` kept, space as `+`,
/// every other byte as `%XX`.
pub(crate) fn query(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_like_go() {
        assert_eq!(
            super::html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            super::js("a'b\"c\\<>&=\n é"),
            r#"a\'b\"c\\\u003C\u003E\u0026\u003D\u000A é"#
        );
        assert_eq!(super::query("a b&c=d/é~"), "a+b%26c%3Dd%2F%C3%A9~");
    }
}
