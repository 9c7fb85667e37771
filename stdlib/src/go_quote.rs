//! Go's `strconv.Quote` family, which several packages' messages and
//! outputs use (`quoteChar` in JSON errors, `%q` in templates).
//!
//! Go decides what to escape with `IsPrint` (letters, marks, numbers,
//! punctuation, symbols and the ASCII space), or `IsGraphic` (the same
//! and the space separators) for the `ToGraphic` variants: see
//! [`crate::unicode`].

use std::fmt::Write;

/// Whether Go's `strconv.IsPrint` holds for `c`.
pub(crate) fn is_print(c: char) -> bool {
    crate::unicode::is_print(c)
}

/// Which runes a quoting function keeps as they are.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// Printable runes (`Quote`).
    Print,
    /// Printable ASCII only (`QuoteToASCII`).
    Ascii,
    /// Graphic runes (`QuoteToGraphic`).
    Graphic,
}

/// The body of a quoted rune or string element (without the quotes):
/// `quote` and `\` are escaped, printable characters kept, the rest
/// written as `\n`, `\x01`, `\u00ad`, `\U000e0001`.
pub(crate) fn quote_rune_body(c: char, quote: char) -> String {
    let mut out = String::new();
    push_escaped(&mut out, c, quote, Keep::Print);
    out
}

/// Go's `strconv.Quote`: a double-quoted Go string literal.
pub(crate) fn quote(s: &str) -> String {
    quote_with(s, Keep::Print)
}

/// Go's `strconv.QuoteToASCII`.
pub(crate) fn quote_to_ascii(s: &str) -> String {
    quote_with(s, Keep::Ascii)
}

/// Go's `strconv.Quote`, `QuoteToASCII` or `QuoteToGraphic`.
pub(crate) fn quote_with(s: &str, keep: Keep) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c, '"', keep);
    }
    out.push('"');
    out
}

/// Go's `strconv.QuoteRune`.
pub(crate) fn quote_rune(c: char) -> String {
    quote_rune_with(c, Keep::Print)
}

/// Go's `strconv.QuoteRune`, `QuoteRuneToASCII` or `QuoteRuneToGraphic`.
pub(crate) fn quote_rune_with(c: char, keep: Keep) -> String {
    let mut out = String::from("'");
    push_escaped(&mut out, c, '\'', keep);
    out.push('\'');
    out
}

fn push_escaped(out: &mut String, c: char, quote: char, keep: Keep) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    let kept = match keep {
        Keep::Print => is_print(c),
        Keep::Ascii => c.is_ascii() && is_print(c),
        Keep::Graphic => crate::unicode::is_graphic(c),
    };
    if kept {
        out.push(c);
        return;
    }
    match c {
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        c if u32::from(c) < 0x20 || c == '\u{7f}' => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
        c if u32::from(c) < 0x10000 => {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        }
        c => {
            let _ = write!(out, "\\U{:08x}", u32::from(c));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_like_go() {
        assert_eq!(quote("a\"b\\c\n\u{1}é\u{ad}"), r#""a\"b\\c\n\x01é\u00ad""#);
        assert_eq!(quote_to_ascii("é☺"), r#""\u00e9\u263a""#);
        assert_eq!(quote_rune('\''), r"'\''");
        assert_eq!(quote_rune_body('\u{80}', '\''), r"\u0080");
    }
}
