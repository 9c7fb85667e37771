//! Bracketed classes (`[a-z[:digit:]\pL]`), Perl classes (`\d`) and
//! Unicode classes (`\p{Greek}`), as Go parses them.

use super::escape::{parse_escape, push_range};
use super::{Result, SyntaxError, Translator, INVALID_CHAR_RANGE, MISSING_BRACKET, NOTHING};

impl<'a> Translator<'a> {
    /// A bracketed class (Go's `parseClass`).
    pub(super) fn class(&mut self, s: &'a str) -> Result<&'a str> {
        let mut t = &s[1..];
        let negated = t.starts_with('^');
        if negated {
            t = &t[1..];
        }
        let mut items = String::new();
        let mut first = true;
        while t.is_empty() || !t.starts_with(']') || first {
            first = false;
            if t.len() > 2 && t.starts_with("[:") {
                if let Some(i) = t[2..].find(":]") {
                    let name = &t[..i + 4];
                    if !POSIX_CLASSES.contains(
                        &name
                            .trim_start_matches("[:")
                            .trim_start_matches('^')
                            .trim_end_matches(":]"),
                    ) {
                        return Err(SyntaxError::new(INVALID_CHAR_RANGE, name));
                    }
                    items.push_str(name);
                    t = &t[i + 4..];
                    continue;
                }
            }
            let b = t.as_bytes();
            if b.first() == Some(&b'\\') {
                if let Some(&c) = b.get(1) {
                    if c == b'p' || c == b'P' {
                        let (class, after) = unicode_class(t)?;
                        items.push_str(&class);
                        t = after;
                        continue;
                    }
                    if let Some(class) = perl_class(c, true) {
                        items.push_str(&class);
                        t = &t[2..];
                        continue;
                    }
                }
            }
            let range = t;
            let (lo, after) = class_char(t, s)?;
            t = after;
            let mut hi = lo;
            if t.len() >= 2 && t.starts_with('-') && !t[1..].starts_with(']') {
                let (h, after) = class_char(&t[1..], s)?;
                t = after;
                hi = h;
                if hi < lo {
                    return Err(SyntaxError::new(
                        INVALID_CHAR_RANGE,
                        &range[..range.len() - t.len()],
                    ));
                }
            }
            push_range(&mut items, lo, hi);
        }
        let t = &t[1..];
        let class = match (items.is_empty(), negated) {
            (true, false) => NOTHING.to_string(),
            (true, true) => r"[\x{0}-\x{10FFFF}]".to_string(),
            (false, false) => format!("[{items}]"),
            (false, true) => format!("[^{items}]"),
        };
        self.atom(&class);
        Ok(t)
    }
}

/// The ASCII classes Go knows (`[:alpha:]`), each also negated (`[:^alpha:]`).
const POSIX_CLASSES: &[&str] = &[
    "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct",
    "space", "upper", "word", "xdigit",
];

/// Go's general categories (the keys of `unicode.Categories`).
const CATEGORIES: &[&str] = &[
    "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N",
    "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So",
    "Z", "Zl", "Zp", "Zs",
];

/// `\d`, `\s`, `\w` and their negations, as ASCII classes; inside a class
/// the positive ones are bare ranges.
pub(super) fn perl_class(c: u8, in_class: bool) -> Option<String> {
    let (ranges, negated) = match c {
        b'd' => (r"0-9", false),
        b'D' => (r"0-9", true),
        b's' => (r"\t\n\x0C\r ", false),
        b'S' => (r"\t\n\x0C\r ", true),
        b'w' => (r"0-9A-Za-z_", false),
        b'W' => (r"0-9A-Za-z_", true),
        _ => return None,
    };
    Some(match (in_class, negated) {
        (true, false) => ranges.to_string(),
        (_, true) => format!("[^{ranges}]"),
        (false, false) => format!("[{ranges}]"),
    })
}

/// `\pL`, `\p{Greek}`, `\P{^Lu}` (Go's `parseUnicodeClass`): the class and
/// the rest of the pattern.
pub(super) fn unicode_class(s: &str) -> Result<(String, &str)> {
    let mut positive = s.as_bytes().get(1) == Some(&b'p');
    let t = &s[2..];
    let (seq, name, after) = match t.chars().next() {
        Some('{') => {
            let Some(end) = s.find('}') else {
                return Err(SyntaxError::new(INVALID_CHAR_RANGE, s));
            };
            (
                &s[..end + 1],
                s.get(3..end).unwrap_or_default(),
                &s[end + 1..],
            )
        }
        Some(c) => {
            let len = 2 + c.len_utf8();
            (&s[..len], &s[2..len], &s[len..])
        }
        None => (s, "", ""),
    };
    let name = match name.strip_prefix('^') {
        Some(rest) => {
            positive = !positive;
            rest
        }
        None => name,
    };
    let property = if name == "Any" || CATEGORIES.contains(&name) {
        name.to_string()
    } else if is_script(name) {
        format!("sc={name}")
    } else {
        return Err(SyntaxError::new(INVALID_CHAR_RANGE, seq));
    };
    let p = if positive { 'p' } else { 'P' };
    Ok((format!(r"\{p}{{{property}}}"), after))
}

/// Whether `name` is a script name as Go spells it (`Greek`,
/// `Old_Italic`): the `regex` crate knows the script and the name has
/// Go's shape (it matches names loosely, Go exactly).
fn is_script(name: &str) -> bool {
    let shaped = name.split('_').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.all(|c| c.is_ascii_alphanumeric())
    });
    shaped
        && regex_syntax::Parser::new()
            .parse(&format!(r"\p{{sc={name}}}"))
            .is_ok()
}

/// A class character: an escape or a code point (Go's `parseClassChar`).
fn class_char<'t>(s: &'t str, whole_class: &str) -> Result<(u32, &'t str)> {
    match s.chars().next() {
        None => Err(SyntaxError::new(MISSING_BRACKET, whole_class)),
        Some('\\') => parse_escape(s),
        Some(c) => Ok((u32::from(c), &s[c.len_utf8()..])),
    }
}
