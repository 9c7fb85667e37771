//! Writing scalars: the style CUE asks for, the style go-yaml v3 then
//! picks, and the text of each style.
//!
//! CUE asks for a literal block when a string contains `\n`, for double
//! quotes when a plain spelling would change its type (`resolve.rs`),
//! and for plain otherwise; the emitter falls back as `analyze.rs` says.
//! Tenon also double-quotes strings with U+2028 or U+2029: go-yaml would
//! write them raw, which YAML 1.1 readers take for line breaks.
//!
//! Literal blocks: `|`, an indentation indicator `2` when the text starts
//! with a space, a tab (Tenon only) or a line break, then `-` when it does not end with a
//! line break, `+` when it ends with two (or is one), nothing for one;
//! lines are indented by the node's indentation, empty lines stay empty.

use super::analyze::{self, Analysis, Style};
use super::layout::Layout;
use super::resolve;

/// The style CUE requests for a string (and Tenon: line and paragraph
/// separators only in double quotes).
fn requested(s: &str, analysis: &Analysis) -> Style {
    if analysis.separator {
        Style::DoubleQuoted
    } else if analysis.newline {
        Style::Literal
    } else if resolve::must_quote(s) {
        Style::DoubleQuoted
    } else {
        Style::Plain
    }
}

/// Writes a string scalar (a value, or a key: `simple_key` when it is not
/// introduced by `?`).
pub(super) fn write_string(layout: &mut Layout, s: &str, analysis: &Analysis, simple_key: bool) {
    let style = analyze::select(requested(s, analysis), analysis, s.is_empty(), simple_key);
    layout.increase_indent(true);
    match style {
        Style::Plain => write_plain(layout, s),
        Style::SingleQuoted => write_single_quoted(layout, s),
        Style::DoubleQuoted => write_double_quoted(layout, s),
        Style::Literal => write_literal(layout, s),
    }
    layout.decrease_indent();
}

/// Writes a scalar that is plain by construction (`null`, `true`, a
/// number).
pub(super) fn write_plain_scalar(layout: &mut Layout, text: &str) {
    layout.increase_indent(true);
    write_plain(layout, text);
    layout.decrease_indent();
}

/// Writes `!!binary` and the base64 text, plain or, when CUE asks for a
/// literal block, as one.
pub(super) fn write_binary(layout: &mut Layout, base64: &str, literal: bool) {
    layout.write_tag("!!binary");
    layout.increase_indent(true);
    if literal && !base64.is_empty() {
        write_literal(layout, base64);
    } else {
        write_plain(layout, base64);
    }
    layout.decrease_indent();
}

fn write_plain(layout: &mut Layout, s: &str) {
    if !s.is_empty() {
        layout.space();
        layout.text(s);
        layout.set_whitespace(false);
    }
    layout.set_indention(false);
}

fn write_single_quoted(layout: &mut Layout, s: &str) {
    layout.write_indicator("'", true, false, false);
    let mut rest = s;
    while let Some(at) = rest.find('\'') {
        layout.text(&rest[..=at]);
        layout.push('\'');
        rest = &rest[at + 1..];
    }
    layout.text(rest);
    layout.write_indicator("'", false, false, false);
    layout.set_whitespace(false);
    layout.set_indention(false);
}

fn write_double_quoted(layout: &mut Layout, s: &str) {
    layout.write_indicator("\"", true, false, false);
    // go-yaml checks for a byte order mark at the start of the value, not
    // at each character: after a leading U+FEFF everything is escaped.
    let escape_all = s.starts_with('\u{FEFF}');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escape = escape_all
            || !analyze::is_printable(c)
            || analyze::is_break(c)
            || c == '"'
            || c == '\\';
        if !escape {
            continue;
        }
        layout.text(&s[start..i]);
        start = i + c.len_utf8();
        write_escape(layout, c);
    }
    layout.text(&s[start..]);
    layout.write_indicator("\"", false, false, false);
    layout.set_whitespace(false);
    layout.set_indention(false);
}

fn write_escape(layout: &mut Layout, c: char) {
    let short = match c {
        '\0' => Some('0'),
        '\u{7}' => Some('a'),
        '\u{8}' => Some('b'),
        '\t' => Some('t'),
        '\n' => Some('n'),
        '\u{B}' => Some('v'),
        '\u{C}' => Some('f'),
        '\r' => Some('r'),
        '\u{1B}' => Some('e'),
        '"' => Some('"'),
        '\\' => Some('\\'),
        '\u{85}' => Some('N'),
        '\u{A0}' => Some('_'),
        '\u{2028}' => Some('L'),
        '\u{2029}' => Some('P'),
        _ => None,
    };
    layout.push('\\');
    if let Some(letter) = short {
        layout.push(letter);
        return;
    }
    let code = u32::from(c);
    let (letter, digits) = match code {
        0..=0xFF => ('x', 2),
        0x100..=0xFFFF => ('u', 4),
        _ => ('U', 8),
    };
    layout.push(letter);
    for k in (0..digits).rev() {
        let digit = (code >> (4 * k)) & 0xF;
        layout.push(char::from(b"0123456789ABCDEF"[digit as usize]));
    }
}

fn write_literal(layout: &mut Layout, s: &str) {
    layout.write_indicator("|", true, false, false);
    // go-yaml writes the indicator for a leading space or line break;
    // Tenon also for a leading tab, without which libyaml-based readers
    // (go-yaml's too) reject the block.
    if s.starts_with([' ', '\n', '\t']) {
        layout.write_indicator("2", false, false, false);
    }
    let chomp = if !s.ends_with('\n') {
        Some("-")
    } else if s == "\n" || s.ends_with("\n\n") {
        Some("+")
    } else {
        None
    };
    if let Some(chomp) = chomp {
        layout.write_indicator(chomp, false, false, false);
    }
    layout.put_break();
    layout.set_whitespace(true);
    let mut lines = s.split('\n').peekable();
    while let Some(line) = lines.next() {
        if !line.is_empty() {
            layout.write_indent();
            layout.text(line);
            layout.set_indention(false);
        }
        if lines.peek().is_some() {
            layout.put_break();
        }
    }
}
