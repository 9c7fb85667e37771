//! Go's `unicode` predicates, simple case mappings and UTF-8 repair, which several
//! packages follow exactly (`strconv.IsPrint`, `strings.ToTitle`, the
//! `%#U` of `encoding/hex` errors).
//!
//! The general categories come from `regex-syntax`'s Unicode tables
//! (built once, on first use); the case mappings from Rust's `char`
//! methods, reduced to Go's one-rune simple mappings where Unicode's
//! full mapping has several runes (`ß` stays `ß` in Go, `ᾀ` becomes `ᾈ`).

use std::sync::OnceLock;

/// Sorted, disjoint inclusive ranges of code points.
type Ranges = Vec<(u32, u32)>;

/// The ranges of a regex-syntax character class (`[\p{L}\p{M}]`).
fn class_ranges(class: &str) -> Ranges {
    let parsed = regex_syntax::ParserBuilder::new()
        .unicode(true)
        .build()
        .parse(class);
    match parsed.map(regex_syntax::hir::Hir::into_kind) {
        Ok(regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(set))) => set
            .ranges()
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
        _ => Vec::new(),
    }
}

fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let u = u32::from(c);
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < u {
                std::cmp::Ordering::Less
            } else if lo > u {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Letters, marks, numbers, punctuation and symbols (Go's `unicode.IsPrint`
/// without the ASCII space).
fn visible() -> &'static Ranges {
    static TABLE: OnceLock<Ranges> = OnceLock::new();
    TABLE.get_or_init(|| class_ranges(r"[\p{L}\p{M}\p{N}\p{P}\p{S}]"))
}

/// Space separators (category Zs).
fn space_separators() -> &'static Ranges {
    static TABLE: OnceLock<Ranges> = OnceLock::new();
    TABLE.get_or_init(|| class_ranges(r"\p{Zs}"))
}

/// Go's `unicode.IsPrint` (and `strconv.IsPrint`): categories L, M, N, P,
/// S and the ASCII space.
pub(crate) fn is_print(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(visible(), c)
}

/// Go's `unicode.IsGraphic` (and `strconv.IsGraphic`): categories L, M,
/// N, P, S and Zs.
pub(crate) fn is_graphic(c: char) -> bool {
    is_print(c) || in_ranges(space_separators(), c)
}

/// Go's `unicode.IsSpace`: Unicode's White_Space property, as Rust's.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The only rune of `iter`, if it has exactly one.
fn single(mut iter: impl Iterator<Item = char>) -> Option<char> {
    let first = iter.next()?;
    match iter.next() {
        None => Some(first),
        Some(_) => None,
    }
}

/// Go's `unicode.ToUpper`: the simple uppercase mapping.
pub(crate) fn to_upper(c: char) -> char {
    if let Some(u) = single(c.to_uppercase()) {
        return u;
    }
    // Full mappings of several runes: the simple mapping is the rune
    // itself, except for the Greek letters with a subscript iota, which
    // map to their title-case form.
    let u = u32::from(c);
    let simple = match u {
        0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => u + 8,
        0x1FB3 | 0x1FC3 | 0x1FF3 => u + 9,
        _ => u,
    };
    char::from_u32(simple).unwrap_or(c)
}

/// Go's `unicode.ToLower`: the simple lowercase mapping.
pub(crate) fn to_lower(c: char) -> char {
    match single(c.to_lowercase()) {
        Some(l) => l,
        // Only U+0130 (İ) has a full mapping of several runes.
        None if c == '\u{130}' => 'i',
        None => c,
    }
}

/// Go's `unicode.ToTitle`: the simple title-case mapping, which differs
/// from the uppercase one for the Latin digraphs (`ǆ` → `ǅ`) and the
/// Georgian Mkhedruli letters (which have no title case).
pub(crate) fn to_title(c: char) -> char {
    match u32::from(c) {
        0x01C4..=0x01C6 => '\u{1C5}',
        0x01C7..=0x01C9 => '\u{1C8}',
        0x01CA..=0x01CC => '\u{1CB}',
        0x01F1..=0x01F3 => '\u{1F2}',
        0x10D0..=0x10FA | 0x10FD..=0x10FF => c,
        _ => to_upper(c),
    }
}

/// Go's `strings.ToValidUTF8(s, "\uFFFD")`: each run of invalid bytes
/// becomes one replacement character.
pub(crate) fn to_valid_utf8(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut in_invalid = false;
    while !bytes.is_empty() {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                out.push_str(valid);
                break;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                if !valid.is_empty() {
                    out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                    in_invalid = false;
                }
                let bad = e.error_len().unwrap_or(rest.len()).max(1);
                if !in_invalid {
                    out.push('\u{fffd}');
                    in_invalid = true;
                }
                bytes = &rest[bad..];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_and_graphic_follow_go() {
        assert!(is_print(' ') && !is_print('\u{a0}') && is_graphic('\u{a0}'));
        assert!(is_print('é') && is_print('☺') && is_print('\u{301}'));
        assert!(!is_print('\u{ad}') && !is_print('\u{200b}') && !is_print('\u{e000}'));
        assert!(!is_print('\n') && !is_print('\u{7f}') && !is_print('\u{85}'));
        assert!(!is_graphic('\u{2028}') && is_graphic('\u{3000}'));
    }

    #[test]
    fn simple_case_mappings() {
        assert_eq!(to_upper('ß'), 'ß');
        assert_eq!(to_upper('ᾀ'), 'ᾈ');
        assert_eq!(to_upper('ᾈ'), 'ᾈ');
        assert_eq!(to_upper('ﬀ'), 'ﬀ');
        assert_eq!(to_upper('a'), 'A');
        assert_eq!(to_lower('İ'), 'i');
        assert_eq!(to_lower('Σ'), 'σ');
        assert_eq!(to_title('ǆ'), 'ǅ');
        assert_eq!(to_title('ა'), 'ა');
        assert_eq!(to_upper('ა'), 'Ა');
    }
}
