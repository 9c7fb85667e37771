//! The tokens inside an action: delimiters, spaces, strings and
//! characters, variables and fields, keywords and identifiers, numbers.

use super::{has_right_trim, is_alphanumeric, is_space, Kind, Lexer, RIGHT};

impl Lexer<'_> {
    /// One token inside an action; `None` after an error.
    pub(super) fn inside_action(&mut self) -> Option<bool> {
        loop {
            let (delim, _) = self.at_right_delim();
            if delim {
                if self.paren_depth == 0 {
                    self.right_delim();
                    return Some(true);
                }
                self.error("unclosed left paren".into());
                return None;
            }
            let Some(c) = self.next() else {
                self.error("unclosed action".into());
                return None;
            };
            match c {
                c if is_space(c) => {
                    self.backup(c);
                    self.space();
                }
                '=' => self.emit(Kind::Assign),
                ':' => {
                    if self.next() != Some('=') {
                        self.error("expected :=".into());
                        return None;
                    }
                    self.emit(Kind::Declare);
                }
                '|' => self.emit(Kind::Pipe),
                '"' => self.quote('"', Kind::String, "unterminated quoted string")?,
                '\'' => self.quote('\'', Kind::CharConstant, "unterminated character constant")?,
                '`' => {
                    let Some(end) = self.rest().find('`') else {
                        self.error("unterminated raw quoted string".into());
                        return None;
                    };
                    self.skip(end + 1);
                    self.emit(Kind::RawString);
                }
                '$' => self.variable()?,
                '.' if self.peek().is_some_and(|c| !c.is_ascii_digit()) => {
                    self.field_or_variable(Kind::Field)?
                }
                '.' | '+' | '-' | '0'..='9' => {
                    self.backup(c);
                    self.number()?;
                }
                c if is_alphanumeric(c) => {
                    self.backup(c);
                    self.identifier()?;
                }
                '(' => {
                    self.paren_depth += 1;
                    self.emit(Kind::LeftParen);
                }
                ')' => {
                    if self.paren_depth == 0 {
                        self.error("unexpected right paren".into());
                        return None;
                    }
                    self.paren_depth -= 1;
                    self.emit(Kind::RightParen);
                }
                c if c.is_ascii() && !c.is_ascii_control() => self.emit(Kind::Char),
                c => {
                    self.error(format!(
                        "unrecognized character in action: {}",
                        go_unicode(c)
                    ));
                    return None;
                }
            }
            if self
                .items
                .last()
                .is_some_and(|i| i.kind == Kind::RightDelim)
            {
                return Some(true);
            }
        }
    }

    fn space(&mut self) {
        let mut spaces = 0;
        let mut last = ' ';
        while let Some(c) = self.peek().filter(|&c| is_space(c)) {
            self.next();
            spaces += 1;
            last = c;
        }
        // A space that belongs to a trim marker (` -}}`) is not a token.
        let before = &self.input[self.pos - last.len_utf8()..];
        if has_right_trim(before) && before[2..].starts_with(RIGHT) {
            self.backup(last);
            if spaces == 1 {
                return;
            }
        }
        self.emit(Kind::Space);
    }

    /// A quoted string or character constant (after its opening quote).
    fn quote(&mut self, close: char, kind: Kind, unterminated: &str) -> Option<()> {
        loop {
            match self.next() {
                Some('\\') => match self.next() {
                    Some(c) if c != '\n' => {}
                    _ => {
                        self.error(unterminated.into());
                        return None;
                    }
                },
                None | Some('\n') => {
                    self.error(unterminated.into());
                    return None;
                }
                Some(c) if c == close => break,
                Some(_) => {}
            }
        }
        self.emit(kind);
        Some(())
    }

    fn at_terminator(&self) -> bool {
        match self.peek() {
            None => true,
            Some(c) if is_space(c) => true,
            Some('.' | ',' | '|' | ':' | ')' | '(') => true,
            _ => self.rest().starts_with(RIGHT),
        }
    }

    fn variable(&mut self) -> Option<()> {
        if self.at_terminator() {
            self.emit(Kind::Variable);
            return Some(());
        }
        self.field_or_variable(Kind::Variable)
    }

    fn field_or_variable(&mut self, kind: Kind) -> Option<()> {
        if self.at_terminator() {
            self.emit(if kind == Kind::Variable {
                Kind::Variable
            } else {
                Kind::Dot
            });
            return Some(());
        }
        self.word_to_terminator()?;
        self.emit(kind);
        Some(())
    }

    /// Consumes the rest of a word, which must end at a terminator (a
    /// space, an operator, the end of the action); otherwise an error.
    fn word_to_terminator(&mut self) -> Option<()> {
        while self.peek().is_some_and(is_alphanumeric) {
            self.next();
        }
        if !self.at_terminator() {
            let c = self.peek().unwrap_or('\0');
            self.error(format!("bad character {}", go_unicode(c)));
            return None;
        }
        Some(())
    }

    fn identifier(&mut self) -> Option<()> {
        self.word_to_terminator()?;
        let word = &self.input[self.start..self.pos];
        let kind = match Kind::keyword(word) {
            Some(k) if k != Kind::Dot => k,
            _ if word == "true" || word == "false" => Kind::Bool,
            _ => Kind::Identifier,
        };
        self.emit(kind);
        Some(())
    }

    fn accept(&mut self, valid: &str) -> bool {
        match self.peek() {
            Some(c) if valid.contains(c) => {
                self.next();
                true
            }
            _ => false,
        }
    }

    fn accept_run(&mut self, valid: &str) {
        while self.accept(valid) {}
    }

    /// Go's `scanNumber`: the longest run of number syntax; false when a
    /// letter or digit follows it.
    fn scan_number(&mut self) -> bool {
        self.accept("+-");
        let mut digits = "0123456789_";
        if self.accept("0") {
            if self.accept("xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept("oO") {
                digits = "01234567_";
            } else if self.accept("bB") {
                digits = "01_";
            }
        }
        self.accept_run(digits);
        if self.accept(".") {
            self.accept_run(digits);
        }
        if digits.len() == 11 && self.accept("eE") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        if digits.len() == 23 && self.accept("pP") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        self.accept("i");
        if self.peek().is_some_and(is_alphanumeric) {
            self.next();
            return false;
        }
        true
    }

    fn number(&mut self) -> Option<()> {
        let bad = |l: &mut Self| {
            let text = &l.input[l.start..l.pos];
            let message = format!("bad number syntax: {}", crate::go_quote::quote(text));
            l.error(message);
        };
        if !self.scan_number() {
            bad(self);
            return None;
        }
        if matches!(self.peek(), Some('+' | '-')) {
            if !self.scan_number() || !self.input[..self.pos].ends_with('i') {
                bad(self);
                return None;
            }
            self.emit(Kind::Complex);
        } else {
            self.emit(Kind::Number);
        }
        Some(())
    }
}

/// Go's `%#U`: `U+0041 'A'`.
fn go_unicode(c: char) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    if crate::go_quote::is_print(c) {
        format!("{code} '{c}'")
    } else {
        code
    }
}
