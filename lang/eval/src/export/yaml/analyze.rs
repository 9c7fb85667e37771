//! Which scalar styles can spell a string, and which one is chosen: the
//! analysis and style selection of go-yaml v3's emitter, for block
//! context (CUE's export never writes non-empty flow collections).
//!
//! - Plain needs no leading or trailing space or line break, no line
//!   break, tab or non-printable character, no `---` / `...` prefix, no
//!   indicator first (`# , [ ] { } & * ! | > ' " % @` and backtick, and
//!   `? : -` when followed by a blank or the end), no `: ` and no ` #`.
//! - Single quotes cannot hold tabs, non-printable characters, or spaces
//!   next to line breaks.
//! - A literal block (`|`) cannot hold non-printable characters, trailing
//!   spaces or a space before a line break, nor be empty.
//! - Otherwise double quotes, with escapes.
//!
//! Printable (unescaped) are `\n`, U+0020..U+007E, U+00A0..U+D7FF and
//! U+E000..U+FFFD except U+FEFF: so C0/C1 controls, DEL, the BOM and every
//! character beyond U+FFFF (emoji) force double quotes and are escaped.

/// What the text of a string allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::export) struct Analysis {
    /// The string contains a line break (`\n \r` U+0085 U+2028 U+2029).
    pub(super) multiline: bool,
    /// The string contains `\n`.
    pub(super) newline: bool,
    /// The string contains U+2028 or U+2029.
    pub(super) separator: bool,
    pub(super) plain: bool,
    pub(super) single_quoted: bool,
    pub(super) literal: bool,
}

/// A scalar style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
}

pub(super) fn is_printable(c: char) -> bool {
    matches!(c, '\n' | '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        && c != '\u{FEFF}'
}

pub(super) fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blank_or_break_or_nul(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\0') || is_break(c)
}

/// ASCII characters that never make a string less than plain when they
/// are neither first nor last (letters, digits, `. / _ - + = ( ) $ ^ ; ~
/// <`, space).
static ORDINARY: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let others = b"./_-+=()$^;~< ";
    let mut i = 0;
    while i < others.len() {
        table[others[i] as usize] = true;
        i += 1;
    }
    table
};

pub(in crate::export) fn analyze(s: &str) -> Analysis {
    let bytes = s.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return Analysis {
            multiline: false,
            newline: false,
            separator: false,
            plain: true,
            single_quoted: true,
            literal: false,
        };
    };
    // The common case: one line of ordinary characters.
    if first != b' '
        && first != b'-'
        && last != b' '
        && !s.starts_with("...")
        && bytes.iter().all(|&b| ORDINARY[usize::from(b)])
    {
        return Analysis {
            multiline: false,
            newline: false,
            separator: false,
            plain: true,
            single_quoted: true,
            literal: true,
        };
    }
    analyze_chars(s)
}

/// The analysis character by character.
pub(in crate::export) fn analyze_chars(s: &str) -> Analysis {
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        return analyze(s);
    }
    let mut indicators = s.starts_with("---") || s.starts_with("...");
    let mut line_breaks = false;
    let mut newline = false;
    let mut separator = false;
    let mut special = false;
    let mut tabs = false;
    let mut leading_space = false;
    let mut leading_break = false;
    let mut trailing_space = false;
    let mut trailing_break = false;
    let mut break_space = false;
    let mut space_break = false;
    let mut previous_space = false;
    let mut previous_break = false;
    let mut preceded_by_whitespace = true;

    for (i, c) in s.char_indices() {
        let next = i + c.len_utf8();
        let last = next == bytes.len();
        let followed_by_whitespace = last || matches!(bytes[next], b' ' | b'\t');
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => indicators = true,
                '?' | ':' | '-' if followed_by_whitespace => indicators = true,
                _ => {}
            }
        } else {
            match c {
                ':' if followed_by_whitespace => indicators = true,
                '#' if preceded_by_whitespace => indicators = true,
                _ => {}
            }
        }

        if c == '\t' {
            tabs = true;
        } else if !is_printable(c) {
            special = true;
        }
        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= last;
            break_space |= previous_break;
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            line_breaks = true;
            newline |= c == '\n';
            separator |= matches!(c, '\u{2028}' | '\u{2029}');
            leading_break |= i == 0;
            trailing_break |= last;
            space_break |= previous_space;
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blank_or_break_or_nul(c);
    }

    let edge_blanks = leading_space || leading_break || trailing_space || trailing_break;
    let awkward = break_space || space_break || tabs || special;
    Analysis {
        multiline: line_breaks,
        newline,
        separator,
        plain: !(edge_blanks || awkward || line_breaks || indicators),
        single_quoted: !awkward,
        literal: !(trailing_space || space_break || special),
    }
}

/// The style go-yaml v3 writes for a requested one: plain falls back to
/// single quotes, single quotes and literal blocks to double quotes.
/// `simple_key` is a mapping key written without `?`.
pub(super) fn select(
    requested: Style,
    analysis: &Analysis,
    empty: bool,
    simple_key: bool,
) -> Style {
    let mut style = requested;
    if simple_key && analysis.multiline {
        style = Style::DoubleQuoted;
    }
    if style == Style::Plain && (!analysis.plain || (empty && simple_key)) {
        style = Style::SingleQuoted;
    }
    if style == Style::SingleQuoted && !analysis.single_quoted {
        style = Style::DoubleQuoted;
    }
    if style == Style::Literal && (!analysis.literal || simple_key) {
        style = Style::DoubleQuoted;
    }
    style
}
