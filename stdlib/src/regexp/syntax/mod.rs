//! Go's regular expression syntax, checked as Go's `regexp/syntax`
//! parses it (with Go's error messages) and written out in the syntax of
//! the `regex` crate.
//!
//! Both are RE2 dialects; the translation makes the differences
//! explicit:
//! - `\d`, `\s`, `\w` and `\b` are ASCII in Go: they become explicit
//!   classes and `(?-u:\b)`;
//! - octal (`\101`), `\Q…\E` and Go's lenient `{` (a literal when it does
//!   not start a repeat count) become plain literals;
//! - `\pN`, `\p{Greek}` accept what Go accepts: a general category, a
//!   script (`sc=` in the output) or `Any`;
//! - capture groups are numbered only: names are kept aside (Go allows
//!   names the `regex` crate rejects, such as `1a`, and duplicates);
//! - a flag group is written just before what it applies to, so that
//!   `a(?i)*` repeats `a` as in Go;
//! - empty-width assertions are wrapped in `(?:…)` so that they can be
//!   repeated (`^*`), as Go allows.
//!
//! Errors are Go's: `error parsing regexp: missing closing ]: `[a-z``,
//! with the same code and offending text, found in the same order.

mod class;
mod escape;
#[cfg(test)]
mod tests;

use class::{perl_class, unicode_class};
use escape::{parse_escape, parse_repeat, push_literal};
use std::fmt;
use std::fmt::Write;

/// A pattern in the `regex` crate's syntax, with Go's group names.
#[derive(Debug)]
pub(crate) struct Translated {
    pub pattern: String,
    /// The name of each group, group 0 (the whole match) first; `None`
    /// for an unnamed group.
    pub names: Vec<Option<String>>,
}

/// Go's `*syntax.Error`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    code: &'static str,
    expr: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error parsing regexp: {}: `{}`", self.code, self.expr)
    }
}

impl SyntaxError {
    pub fn new(code: &'static str, expr: &str) -> SyntaxError {
        SyntaxError {
            code,
            expr: expr.to_string(),
        }
    }
}

const INVALID_CHAR_RANGE: &str = "invalid character class range";
const INVALID_ESCAPE: &str = "invalid escape sequence";
const INVALID_NAMED_CAPTURE: &str = "invalid named capture";
const INVALID_PERL_OP: &str = "invalid or unsupported Perl syntax";
const INVALID_REPEAT_OP: &str = "invalid nested repetition operator";
const INVALID_REPEAT_SIZE: &str = "invalid repeat count";
const MISSING_BRACKET: &str = "missing closing ]";
const MISSING_PAREN: &str = "missing closing )";
const MISSING_REPEAT_ARGUMENT: &str = "missing argument to repetition operator";
const TRAILING_BACKSLASH: &str = "trailing backslash at end of expression";
const UNEXPECTED_PAREN: &str = "unexpected )";
pub(crate) const NESTING_DEPTH: &str = "expression nests too deeply";
pub(crate) const TOO_LARGE: &str = "expression too large";

/// Go's largest repeat count, also the largest product of nested counts.
const MAX_REPEAT: u32 = 1000;
/// Go's deepest nesting.
const MAX_DEPTH: usize = 1000;

/// A class matching nothing (written for a surrogate, which no string
/// holds).
const NOTHING: &str = r"[^\x{0}-\x{10FFFF}]";

type Result<T> = std::result::Result<T, SyntaxError>;

/// Translates Go pattern `pattern`.
pub(crate) fn translate(pattern: &str) -> Result<Translated> {
    let mut tr = Translator {
        whole: pattern,
        out: String::with_capacity(pattern.len() + 8),
        frames: vec![Frame::default()],
        names: vec![None],
        pending: String::new(),
    };
    let mut t = pattern;
    let mut last_repeat = "";
    while let Some(c) = t.chars().next() {
        let mut repeat = "";
        match c {
            '(' => {
                t = if t.starts_with("(?") {
                    tr.perl_flags(t)?
                } else {
                    tr.open("(", Some(None))?;
                    &t[1..]
                };
            }
            '|' => {
                tr.bar();
                t = &t[1..];
            }
            ')' => {
                tr.close()?;
                t = &t[1..];
            }
            '^' => {
                tr.atom("(?:^)");
                t = &t[1..];
            }
            '$' => {
                tr.atom("(?:$)");
                t = &t[1..];
            }
            '.' => {
                tr.atom(".");
                t = &t[1..];
            }
            '[' => t = tr.class(t)?,
            '*' | '+' | '?' => {
                let after = tr.repeat(t, &t[1..], last_repeat, None)?;
                repeat = t;
                t = after;
            }
            '{' => match parse_repeat(t) {
                None => {
                    tr.literal(u32::from('{'));
                    t = &t[1..];
                }
                Some((min, max, after)) => {
                    let too_big = |n: i64| n > i64::from(MAX_REPEAT);
                    if min < 0 || too_big(min) || too_big(max) || (max >= 0 && min > max) {
                        return Err(SyntaxError::new(
                            INVALID_REPEAT_SIZE,
                            &t[..t.len() - after.len()],
                        ));
                    }
                    let after = tr.repeat(t, after, last_repeat, Some((min, max)))?;
                    repeat = t;
                    t = after;
                }
            },
            '\\' => t = tr.escape(t)?,
            _ => {
                tr.literal(u32::from(c));
                t = &t[c.len_utf8()..];
            }
        }
        last_repeat = repeat;
    }
    if tr.frames.len() != 1 {
        return Err(SyntaxError::new(MISSING_PAREN, pattern));
    }
    Ok(Translated {
        pattern: tr.out,
        names: tr.names,
    })
}

/// What the translator knows of an open group (or the whole pattern):
/// enough to find Go's repetition errors. Weights are the products of
/// nested repeat counts (Go limits them to 1000).
#[derive(Debug, Default)]
struct Frame {
    /// The largest weight of the group's finished items.
    max_weight: u32,
    /// The weight of the item a repetition operator would apply to; none
    /// at the start of the group or of an alternative.
    last: Option<u32>,
}

struct Translator<'a> {
    whole: &'a str,
    out: String,
    frames: Vec<Frame>,
    names: Vec<Option<String>>,
    /// A flag group (`(?i)`) not written yet: it is written before the
    /// next item, so that a repetition right after it still applies to
    /// the item before it.
    pending: String,
}

impl<'a> Translator<'a> {
    fn frame(&mut self) -> &mut Frame {
        if self.frames.is_empty() {
            self.frames.push(Frame::default());
        }
        let last = self.frames.len() - 1;
        &mut self.frames[last]
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            self.out.push_str(&self.pending);
            self.pending.clear();
        }
    }

    /// Writes an item a repetition may apply to.
    fn item(&mut self, text: &str, weight: u32) {
        self.flush();
        let frame = self.frame();
        frame.max_weight = frame.max_weight.max(frame.last.unwrap_or(0));
        frame.last = Some(weight);
        self.out.push_str(text);
    }

    fn atom(&mut self, text: &str) {
        self.item(text, 1);
    }

    /// A literal code point (a surrogate, which Go accepts in `\x{D800}`,
    /// matches nothing).
    fn literal(&mut self, c: u32) {
        let mut text = String::new();
        match char::from_u32(c) {
            Some(c) => push_literal(&mut text, c),
            None => text.push_str(NOTHING),
        }
        self.atom(&text);
    }

    /// Opens a group written `open`; `capture` is the group's name when it
    /// captures.
    fn open(&mut self, open: &str, capture: Option<Option<String>>) -> Result<()> {
        if self.frames.len() > MAX_DEPTH {
            return Err(SyntaxError::new(NESTING_DEPTH, self.whole));
        }
        self.flush();
        if let Some(name) = capture {
            self.names.push(name);
        }
        self.frames.push(Frame::default());
        self.out.push_str(open);
        Ok(())
    }

    fn close(&mut self) -> Result<()> {
        if self.frames.len() < 2 {
            return Err(SyntaxError::new(UNEXPECTED_PAREN, self.whole));
        }
        self.pending.clear();
        let frame = self.frames.pop().unwrap_or_default();
        let weight = frame.max_weight.max(frame.last.unwrap_or(0)).max(1);
        // The group is an item of the enclosing one.
        let parent = self.frame();
        parent.max_weight = parent.max_weight.max(parent.last.unwrap_or(0));
        parent.last = Some(weight);
        self.out.push(')');
        Ok(())
    }

    fn bar(&mut self) {
        self.flush();
        let frame = self.frame();
        frame.max_weight = frame.max_weight.max(frame.last.unwrap_or(0));
        frame.last = None;
        self.out.push('|');
    }

    /// A repetition operator at `before` (`*`, `+`, `?` or a count), its
    /// text ending at `after`; returns the rest after an optional `?`.
    fn repeat(
        &mut self,
        before: &'a str,
        after: &'a str,
        last_repeat: &str,
        counts: Option<(i64, i64)>,
    ) -> Result<&'a str> {
        let (after, lazy) = match after.strip_prefix('?') {
            Some(rest) => (rest, true),
            None => (after, false),
        };
        if !last_repeat.is_empty() {
            let text = &last_repeat[..last_repeat.len().saturating_sub(after.len())];
            return Err(SyntaxError::new(INVALID_REPEAT_OP, text));
        }
        let text = &before[..before.len() - after.len()];
        let Some(sub) = self.frame().last else {
            return Err(SyntaxError::new(MISSING_REPEAT_ARGUMENT, text));
        };
        let weight = match counts {
            Some((min, max)) => {
                let m = u32::try_from(if max < 0 { min } else { max }).unwrap_or(MAX_REPEAT);
                let weight = if m == 0 { 1 } else { m.saturating_mul(sub) };
                if (min >= 2 || max >= 2) && m > 0 && weight > MAX_REPEAT {
                    return Err(SyntaxError::new(INVALID_REPEAT_SIZE, text));
                }
                weight
            }
            None => sub,
        };
        self.frame().last = Some(weight);
        match counts {
            Some((min, max)) if max == min => {
                let _ = write!(self.out, "{{{min}}}");
            }
            Some((min, max)) if max < 0 => {
                let _ = write!(self.out, "{{{min},}}");
            }
            Some((min, max)) => {
                let _ = write!(self.out, "{{{min},{max}}}");
            }
            None => self.out.push_str(&before[..1]),
        }
        if lazy {
            self.out.push('?');
        }
        Ok(after)
    }

    /// `(?…`: a named group, a non-capturing group or flags (Go's
    /// `parsePerlFlags`).
    fn perl_flags(&mut self, s: &'a str) -> Result<&'a str> {
        let b = s.as_bytes();
        let with_p = b.len() > 4 && b[2] == b'P' && b[3] == b'<';
        let with_name = b.len() > 3 && b[2] == b'<';
        if with_p || with_name {
            let start = if with_p { 4 } else { 3 };
            let Some(end) = s.find('>') else {
                return Err(SyntaxError::new(INVALID_NAMED_CAPTURE, s));
            };
            let capture = &s[..end + 1];
            let name = s.get(start..end).unwrap_or_default();
            let valid =
                !name.is_empty() && name.chars().all(|c| c == '_' || c.is_ascii_alphanumeric());
            if !valid {
                return Err(SyntaxError::new(INVALID_NAMED_CAPTURE, capture));
            }
            self.open("(", Some(Some(name.to_string())))?;
            return Ok(&s[end + 1..]);
        }
        let mut on = String::new();
        let mut off = String::new();
        let mut negated = false;
        let mut saw_flag = false;
        let mut t = &s[2..];
        while let Some(c) = t.chars().next() {
            t = &t[c.len_utf8()..];
            match c {
                'i' | 'm' | 's' | 'U' => {
                    let set = if negated { &mut off } else { &mut on };
                    if !set.contains(c) {
                        set.push(c);
                    }
                    saw_flag = true;
                }
                '-' if !negated => {
                    negated = true;
                    saw_flag = false;
                }
                ':' | ')' if !negated || saw_flag => {
                    // A flag both set and cleared ends up cleared.
                    on.retain(|c| !off.contains(c));
                    let mut flags = on;
                    if !off.is_empty() {
                        flags.push('-');
                        flags.push_str(&off);
                    }
                    if c == ':' {
                        let open = if flags.is_empty() {
                            "(?:".to_string()
                        } else {
                            format!("(?{flags}:")
                        };
                        self.open(&open, None)?;
                    } else if !flags.is_empty() {
                        let _ = write!(self.pending, "(?{flags})");
                    }
                    return Ok(t);
                }
                _ => break,
            }
        }
        Err(SyntaxError::new(INVALID_PERL_OP, &s[..s.len() - t.len()]))
    }

    /// A `\` outside a class.
    fn escape(&mut self, t: &'a str) -> Result<&'a str> {
        match t.as_bytes().get(1) {
            Some(b'A') => self.atom(r"\A"),
            Some(b'z') => self.atom(r"\z"),
            Some(b'b') => self.atom(r"(?-u:\b)"),
            Some(b'B') => self.atom(r"(?-u:\B)"),
            Some(b'C') => return Err(SyntaxError::new(INVALID_ESCAPE, &t[..2])),
            Some(b'Q') => {
                let rest = &t[2..];
                let (literal, after) = match rest.find(r"\E") {
                    Some(i) => (&rest[..i], &rest[i + 2..]),
                    None => (rest, ""),
                };
                for c in literal.chars() {
                    self.literal(u32::from(c));
                }
                return Ok(after);
            }
            Some(b'p' | b'P') => {
                let (class, after) = unicode_class(t)?;
                self.atom(&class);
                return Ok(after);
            }
            Some(&c) => {
                if let Some(class) = perl_class(c, false) {
                    self.atom(&class);
                    return Ok(&t[2..]);
                }
                let (c, after) = parse_escape(t)?;
                self.literal(c);
                return Ok(after);
            }
            None => return Err(SyntaxError::new(TRAILING_BACKSLASH, "")),
        }
        Ok(&t[2..])
    }
}
