//! Go's `encoding/json` scanner: a byte-at-a-time state machine that
//! classifies every byte of JSON text (`Valid`, `Compact`, `Indent` and
//! the stream reader use it) and fails with Go's messages
//! (`invalid character 'b' looking for beginning of object key string`,
//! `unexpected end of JSON input`).

/// What a byte was, as Go's scanner reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Op {
    /// Inside a literal (string, number, keyword): nothing to do.
    Continue,
    /// The first byte of a literal.
    BeginLiteral,
    BeginObject,
    /// The `:` after a key.
    ObjectKey,
    /// The `,` after an object member.
    ObjectValue,
    EndObject,
    BeginArray,
    /// The `,` after an array element.
    ArrayValue,
    EndArray,
    /// White space outside literals.
    SkipSpace,
    /// The byte after the top-level value (the value is complete).
    End,
    Error,
}

/// Go's nesting limit.
const MAX_DEPTH: usize = 10_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Parse {
    ObjectKey,
    ObjectValue,
    ArrayValue,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    BeginValueOrEmpty,
    BeginValue,
    BeginStringOrEmpty,
    BeginString,
    EndValue,
    EndTop,
    InString,
    InStringEsc,
    InStringEscU(u8),
    Neg,
    One,
    Zero,
    Dot,
    Dot0,
    E,
    ESign,
    E0,
    /// Inside `true`, `false` or `null`: the word and how much of it
    /// was read.
    Keyword(&'static str, usize),
    Error,
}

/// The scanner of one JSON value (Go's `scanner`).
#[derive(Debug)]
pub(crate) struct Scanner {
    state: State,
    parse: Vec<Parse>,
    end_top: bool,
    error: Option<String>,
}

impl Scanner {
    pub fn new() -> Scanner {
        Scanner {
            state: State::BeginValue,
            parse: Vec::new(),
            end_top: false,
            error: None,
        }
    }

    /// The error, once [`Op::Error`] was returned.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The end of the input: `End` if the value is complete, else the
    /// error (`unexpected end of JSON input`).
    pub fn eof(&mut self) -> Op {
        if self.error.is_some() {
            return Op::Error;
        }
        if self.end_top {
            return Op::End;
        }
        self.step(b' ');
        if self.end_top {
            return Op::End;
        }
        if self.error.is_none() {
            self.error = Some("unexpected end of JSON input".into());
        }
        Op::Error
    }

    /// Classifies the next byte.
    pub fn step(&mut self, c: u8) -> Op {
        match self.state {
            State::BeginValueOrEmpty => {
                if is_space(c) {
                    return Op::SkipSpace;
                }
                if c == b']' {
                    return self.end_value(c);
                }
                self.begin_value(c)
            }
            State::BeginValue => self.begin_value(c),
            State::BeginStringOrEmpty => {
                if is_space(c) {
                    return Op::SkipSpace;
                }
                if c == b'}' {
                    if let Some(top) = self.parse.last_mut() {
                        *top = Parse::ObjectValue;
                    }
                    return self.end_value(c);
                }
                self.begin_string(c)
            }
            State::BeginString => self.begin_string(c),
            State::EndValue => self.end_value(c),
            State::EndTop => {
                if !is_space(c) {
                    self.fail(c, "after top-level value");
                }
                Op::End
            }
            State::InString => match c {
                b'"' => {
                    self.state = State::EndValue;
                    Op::Continue
                }
                b'\\' => {
                    self.state = State::InStringEsc;
                    Op::Continue
                }
                c if c < 0x20 => self.fail(c, "in string literal"),
                _ => Op::Continue,
            },
            State::InStringEsc => match c {
                b'b' | b'f' | b'n' | b'r' | b't' | b'\\' | b'/' | b'"' => {
                    self.state = State::InString;
                    Op::Continue
                }
                b'u' => {
                    self.state = State::InStringEscU(0);
                    Op::Continue
                }
                _ => self.fail(c, "in string escape code"),
            },
            State::InStringEscU(n) => {
                if !c.is_ascii_hexdigit() {
                    return self.fail(c, "in \\u hexadecimal character escape");
                }
                self.state = if n == 3 {
                    State::InString
                } else {
                    State::InStringEscU(n + 1)
                };
                Op::Continue
            }
            State::Neg => match c {
                b'0' => {
                    self.state = State::Zero;
                    Op::Continue
                }
                b'1'..=b'9' => {
                    self.state = State::One;
                    Op::Continue
                }
                _ => self.fail(c, "in numeric literal"),
            },
            State::One => {
                if c.is_ascii_digit() {
                    return Op::Continue;
                }
                self.zero(c)
            }
            State::Zero => self.zero(c),
            State::Dot => {
                if c.is_ascii_digit() {
                    self.state = State::Dot0;
                    return Op::Continue;
                }
                self.fail(c, "after decimal point in numeric literal")
            }
            State::Dot0 => {
                if c.is_ascii_digit() {
                    return Op::Continue;
                }
                if c == b'e' || c == b'E' {
                    self.state = State::E;
                    return Op::Continue;
                }
                self.end_value(c)
            }
            State::E => {
                if c == b'+' || c == b'-' {
                    self.state = State::ESign;
                    return Op::Continue;
                }
                self.e_sign(c)
            }
            State::ESign => self.e_sign(c),
            State::E0 => {
                if c.is_ascii_digit() {
                    return Op::Continue;
                }
                self.end_value(c)
            }
            State::Keyword(word, read) => {
                let want = word.as_bytes().get(read).copied().unwrap_or(0);
                if c != want {
                    let context = format!("in literal {word} (expecting '{}')", char::from(want));
                    return self.fail(c, &context);
                }
                self.state = if read + 1 == word.len() {
                    State::EndValue
                } else {
                    State::Keyword(word, read + 1)
                };
                Op::Continue
            }
            State::Error => Op::Error,
        }
    }

    fn begin_value(&mut self, c: u8) -> Op {
        if is_space(c) {
            return Op::SkipSpace;
        }
        match c {
            b'{' => {
                self.state = State::BeginStringOrEmpty;
                self.push(Parse::ObjectKey, Op::BeginObject)
            }
            b'[' => {
                self.state = State::BeginValueOrEmpty;
                self.push(Parse::ArrayValue, Op::BeginArray)
            }
            b'"' => {
                self.state = State::InString;
                Op::BeginLiteral
            }
            b'-' => {
                self.state = State::Neg;
                Op::BeginLiteral
            }
            b'0' => {
                self.state = State::Zero;
                Op::BeginLiteral
            }
            b'1'..=b'9' => {
                self.state = State::One;
                Op::BeginLiteral
            }
            b't' => self.keyword("true"),
            b'f' => self.keyword("false"),
            b'n' => self.keyword("null"),
            _ => self.fail(c, "looking for beginning of value"),
        }
    }

    fn keyword(&mut self, word: &'static str) -> Op {
        self.state = State::Keyword(word, 1);
        Op::BeginLiteral
    }

    fn begin_string(&mut self, c: u8) -> Op {
        if is_space(c) {
            return Op::SkipSpace;
        }
        if c == b'"' {
            self.state = State::InString;
            return Op::BeginLiteral;
        }
        self.fail(c, "looking for beginning of object key string")
    }

    fn zero(&mut self, c: u8) -> Op {
        match c {
            b'.' => {
                self.state = State::Dot;
                Op::Continue
            }
            b'e' | b'E' => {
                self.state = State::E;
                Op::Continue
            }
            _ => self.end_value(c),
        }
    }

    fn e_sign(&mut self, c: u8) -> Op {
        if c.is_ascii_digit() {
            self.state = State::E0;
            return Op::Continue;
        }
        self.fail(c, "in exponent of numeric literal")
    }

    fn end_value(&mut self, c: u8) -> Op {
        let Some(&top) = self.parse.last() else {
            self.state = State::EndTop;
            self.end_top = true;
            return self.step(c);
        };
        if is_space(c) {
            self.state = State::EndValue;
            return Op::SkipSpace;
        }
        match top {
            Parse::ObjectKey => {
                if c == b':' {
                    if let Some(t) = self.parse.last_mut() {
                        *t = Parse::ObjectValue;
                    }
                    self.state = State::BeginValue;
                    return Op::ObjectKey;
                }
                self.fail(c, "after object key")
            }
            Parse::ObjectValue => match c {
                b',' => {
                    if let Some(t) = self.parse.last_mut() {
                        *t = Parse::ObjectKey;
                    }
                    self.state = State::BeginString;
                    Op::ObjectValue
                }
                b'}' => self.pop(Op::EndObject),
                _ => self.fail(c, "after object key:value pair"),
            },
            Parse::ArrayValue => match c {
                b',' => {
                    self.state = State::BeginValue;
                    Op::ArrayValue
                }
                b']' => self.pop(Op::EndArray),
                _ => self.fail(c, "after array element"),
            },
        }
    }

    fn push(&mut self, parse: Parse, op: Op) -> Op {
        self.parse.push(parse);
        if self.parse.len() > MAX_DEPTH {
            self.state = State::Error;
            self.error = Some("exceeded max depth".into());
            return Op::Error;
        }
        op
    }

    fn pop(&mut self, op: Op) -> Op {
        self.parse.pop();
        if self.parse.is_empty() {
            self.state = State::EndTop;
            self.end_top = true;
        } else {
            self.state = State::EndValue;
        }
        op
    }

    fn fail(&mut self, c: u8, context: &str) -> Op {
        self.state = State::Error;
        self.error = Some(format!("invalid character {} {context}", quote_char(c)));
        Op::Error
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// Go's `quoteChar`: a byte as a quoted character (`'b'`, `'\n'`,
/// `'\x01'`); a byte of 0x80 or more is shown as the code point of the
/// same number, as Go does.
fn quote_char(c: u8) -> String {
    match c {
        b'\'' => r"'\''".into(),
        b'"' => "'\"'".into(),
        _ => format!(
            "'{}'",
            crate::go_quote::quote_rune_body(char::from(c), '\'')
        ),
    }
}

/// Whether `data` is one JSON value with only white space around it.
pub(crate) fn valid(data: &[u8]) -> bool {
    check(data).is_ok()
}

/// Go's `checkValid`: `Err` with Go's message when `data` is not one
/// JSON value.
pub(crate) fn check(data: &[u8]) -> Result<(), String> {
    let mut scanner = Scanner::new();
    for &c in data {
        if scanner.step(c) == Op::Error {
            return Err(scanner.error().unwrap_or_default().to_string());
        }
    }
    if scanner.eof() == Op::Error {
        return Err(scanner.error().unwrap_or_default().to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_gos() {
        assert_eq!(
            check(b"{bad").err().as_deref(),
            Some("invalid character 'b' looking for beginning of object key string")
        );
        assert_eq!(
            check(b"[1,]").err().as_deref(),
            Some("invalid character ']' looking for beginning of value")
        );
        assert_eq!(
            check(b"nul").err().as_deref(),
            Some("invalid character ' ' in literal null (expecting 'l')")
        );
        assert_eq!(
            check(b"\"\x01\"").err().as_deref(),
            Some(r"invalid character '\x01' in string literal")
        );
        assert_eq!(
            check(b"{").err().as_deref(),
            Some("unexpected end of JSON input")
        );
        assert_eq!(
            check(b"\xc3").err().as_deref(),
            Some("invalid character 'Ã' looking for beginning of value")
        );
        assert!(valid(
            b" {\"a\": [1, 2.5e-3, -0, true, null, \"\\u00e9\"]} "
        ));
    }
}
