//! JSON string literals, escaped as Go's `encoding/json` does: `"` and
//! `\` backslash-escaped, `\b \f \n \r \t` in their short forms (Go 1.22
//! and later), other bytes below 0x20 as `\u00XX` (lowercase hex), U+2028
//! and U+2029 always as `\u2028` and `\u2029`, `< > &` as `\u003c
//! \u003e \u0026` only on request, everything else (DEL, non-ASCII) raw.
//! Runs of plain ASCII are skipped eight bytes at a time.

/// What a byte asks of the string writer.
const PLAIN: u8 = 0;
const ESCAPE: u8 = 1;
const HTML: u8 = 2;
const MAYBE_SEPARATOR: u8 = 3;

static CLASS: [u8; 256] = {
    let mut table = [PLAIN; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = ESCAPE;
        b += 1;
    }
    table[b'"' as usize] = ESCAPE;
    table[b'\\' as usize] = ESCAPE;
    table[b'<' as usize] = HTML;
    table[b'>' as usize] = HTML;
    table[b'&' as usize] = HTML;
    // The first byte of U+2028 and U+2029 (E2 80 A8 / E2 80 A9).
    table[0xE2] = MAYBE_SEPARATOR;
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Whether some byte of `word` equals `b` (exact as a boolean).
fn has_byte(word: u64, b: u8) -> bool {
    let x = word ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGH_BITS != 0
}

/// Whether all eight bytes of `word` are ASCII that needs no escape.
fn plain_word(word: u64, escape_html: bool) -> bool {
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH_BITS != 0;
    if below_space || word & HIGH_BITS != 0 || has_byte(word, b'"') || has_byte(word, b'\\') {
        return false;
    }
    !(escape_html && (has_byte(word, b'<') || has_byte(word, b'>') || has_byte(word, b'&')))
}

/// Appends `s` as a JSON string literal, escaped as Go's `encoding/json`
/// does. Runs of plain ASCII are skipped eight bytes at a time.
pub(in crate::export) fn write_string(out: &mut String, s: &str, escape_html: bool) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push('"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if plain_word(word, escape_html) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        match CLASS[b as usize] {
            PLAIN => {
                i += 1;
                continue;
            }
            HTML if !escape_html => {
                i += 1;
                continue;
            }
            MAYBE_SEPARATOR => {
                if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9))
                {
                    out.push_str(&s[start..i]);
                    out.push_str(if bytes[i + 2] == 0xA8 {
                        "\\u2028"
                    } else {
                        "\\u2029"
                    });
                    i += 3;
                    start = i;
                } else {
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        // `b` is ASCII, so `i` is a char boundary.
        out.push_str(&s[start..i]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x0C => out.push_str("\\f"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
        }
        i += 1;
        start = i;
    }
    out.push_str(&s[start..]);
    out.push('"');
}
