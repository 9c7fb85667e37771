//! How each kind of value is formatted for a verb (Go's `fmtInteger`,
//! `fmtFloat`, `fmtS`, `fmtQ`, `fmtSbx`, …), with the flags of the
//! current verb.

use super::super::float;
use super::super::value::Val;
use super::Printer;
use crate::go_quote;
use num_bigint::BigInt;

impl Printer {
    /// An integer: `magnitude` and sign (Go's `fmtInteger`, `fmtC`,
    /// `fmtQc`, `fmtUnicode`).
    pub(super) fn fmt_integer(&mut self, v: &Val, magnitude: BigInt, negative: bool, verb: char) {
        let (base, upper) = match verb {
            'v' | 'd' | 's' if matches!(v, Val::BigInt(_)) || verb != 's' => (10, false),
            'b' => (2, false),
            'o' | 'O' => (8, false),
            'x' => (16, false),
            'X' => (16, true),
            'c' | 'q' | 'U' if !matches!(v, Val::BigInt(_)) => {
                let code = if negative {
                    None
                } else {
                    u32::try_from(&magnitude).ok()
                };
                match verb {
                    'c' => {
                        let c = code.and_then(char::from_u32).unwrap_or('\u{FFFD}');
                        self.pad(&c.to_string());
                    }
                    'q' => {
                        let c = code.and_then(char::from_u32).unwrap_or('\u{FFFD}');
                        let quoted = if self.f.plus {
                            go_quote::quote_to_ascii(&c.to_string()).replace('"', "'")
                        } else {
                            go_quote::quote_rune(c)
                        };
                        self.pad(&quoted);
                    }
                    _ => self.fmt_unicode(&magnitude, negative),
                }
                return;
            }
            _ => return self.bad_verb(verb, v),
        };
        let mut digits = magnitude.to_str_radix(base);
        if upper {
            digits = digits.to_uppercase();
        }
        let mut prec = 0;
        if let Some(p) = self.f.prec {
            prec = p;
            if p == 0 && digits == "0" {
                let zero = self.f.zero;
                self.f.zero = false;
                let wid = self.f.wid.unwrap_or(0);
                self.write_padding(wid);
                self.f.zero = zero;
                return;
            }
        } else if self.f.zero && !self.f.minus {
            if let Some(wid) = self.f.wid {
                prec = wid;
                if negative || self.f.plus || self.f.space {
                    prec = prec.saturating_sub(1);
                }
            }
        }
        // Zeros for the precision, then the base prefix, then the sign.
        let mut number = "0".repeat(prec.saturating_sub(digits.len()));
        number.push_str(&digits);
        if self.f.sharp {
            match base {
                2 => number.insert_str(0, "0b"),
                8 if !number.starts_with('0') => number.insert(0, '0'),
                16 => number.insert_str(0, if upper { "0X" } else { "0x" }),
                _ => {}
            }
        }
        if verb == 'O' {
            number.insert_str(0, "0o");
        }
        let mut text = String::new();
        if negative {
            text.push('-');
        } else if self.f.plus {
            text.push('+');
        } else if self.f.space {
            text.push(' ');
        }
        text.push_str(&number);
        let zero = self.f.zero;
        self.f.zero = false;
        self.pad(&text);
        self.f.zero = zero;
    }

    pub(super) fn fmt_unicode(&mut self, magnitude: &BigInt, negative: bool) {
        let hex = format!("{:X}", magnitude);
        let prec = self.f.prec.unwrap_or(4).max(4);
        let mut text = String::from("U+");
        if negative {
            // Go prints the two's complement of a negative rune.
            text.push_str(&format!(
                "{:X}",
                (-(i128::try_from(magnitude).unwrap_or(0))) as u64
            ));
        } else {
            text.extend(std::iter::repeat_n('0', prec.saturating_sub(hex.len())));
            text.push_str(&hex);
        }
        if self.f.sharp {
            if let Some(c) = u32::try_from(magnitude).ok().and_then(char::from_u32) {
                if go_quote::is_print(c) && !negative {
                    text.push_str(&format!(" '{c}'"));
                }
            }
        }
        let zero = self.f.zero;
        self.f.zero = false;
        self.pad(&text);
        self.f.zero = zero;
    }

    pub(super) fn fmt_float(&mut self, v: &Val, f: f64, verb: char) {
        let (fverb, default_prec) = match verb {
            'v' => ('g', None),
            'g' | 'G' | 'b' | 'x' | 'X' => (if verb == 'G' { 'G' } else { 'g' }, None),
            'e' | 'E' | 'f' | 'F' => (if verb == 'F' { 'f' } else { verb }, Some(6)),
            _ => return self.bad_verb(verb, v),
        };
        let prec = self.f.prec.or(default_prec);
        let mut num = float::format(f, fverb, prec);
        if self.f.sharp
            && matches!(verb, 'g' | 'G' | 'v')
            && !num.contains(['.', 'e', 'E', 'I', 'N'])
        {
            num.push('.');
        }
        let signed = num.starts_with(['-', '+']);
        if !signed {
            if self.f.plus {
                num.insert(0, '+');
            } else if self.f.space {
                num.insert(0, ' ');
            }
        }
        if num.ends_with("Inf") || num.ends_with("NaN") {
            let zero = self.f.zero;
            self.f.zero = false;
            self.pad(&num);
            self.f.zero = zero;
            return;
        }
        if self.f.zero && !self.f.minus && num.starts_with(['-', '+', ' ']) {
            if let Some(wid) = self.f.wid.filter(|&w| w > num.len()) {
                let (sign, rest) = num.split_at(1);
                self.buf.push_str(sign);
                self.write_padding(wid - num.len());
                self.buf.push_str(rest);
                return;
            }
        }
        self.pad(&num);
    }

    pub(super) fn fmt_string(&mut self, v: &Val, s: &str, verb: char) {
        match verb {
            'v' if self.f.sharp_v => self.fmt_q(s),
            'v' | 's' => {
                let s = self.truncate(s);
                self.pad(&s);
            }
            'x' | 'X' => self.fmt_hex(s.as_bytes(), verb == 'X'),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(verb, v),
        }
    }

    pub(super) fn fmt_bytes(&mut self, v: &Val, b: &[u8], verb: char, depth: usize) {
        match verb {
            'v' | 'd' => {
                self.buf.push('[');
                for (i, c) in b.iter().enumerate() {
                    if i > 0 {
                        self.buf.push(' ');
                    }
                    self.fmt_integer(&Val::Int(i64::from(*c)), BigInt::from(*c), false, 'd');
                }
                self.buf.push(']');
            }
            's' => {
                let s = String::from_utf8_lossy(b).into_owned();
                let s = self.truncate(&s);
                self.pad(&s);
            }
            'x' | 'X' => self.fmt_hex(b, verb == 'X'),
            'q' => self.fmt_q(&String::from_utf8_lossy(b)),
            _ if depth == 0 => {
                let items: Vec<Val> = b.iter().map(|&c| Val::Int(i64::from(c))).collect();
                self.print_value(&Val::List(items.into()), verb, depth)
            }
            _ => self.bad_verb(verb, v),
        }
    }

    /// The string cut to the precision, in characters.
    pub(super) fn truncate(&self, s: &str) -> String {
        match self.f.prec {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        }
    }

    pub(super) fn fmt_q(&mut self, s: &str) {
        let s = self.truncate(s);
        let can_backquote = !s.contains('`') && s.chars().all(|c| c == '\t' || !c.is_control());
        let quoted = if self.f.sharp && can_backquote {
            format!("`{s}`")
        } else if self.f.plus {
            go_quote::quote_to_ascii(&s)
        } else {
            go_quote::quote(&s)
        };
        self.pad(&quoted);
    }

    /// Go's `fmtSbx`: bytes as hexadecimal.
    pub(super) fn fmt_hex(&mut self, b: &[u8], upper: bool) {
        let digits: &[u8; 16] = if upper {
            b"0123456789ABCDEF"
        } else {
            b"0123456789abcdef"
        };
        let length = self.f.prec.map_or(b.len(), |p| p.min(b.len()));
        let mut width = 2 * length;
        if width == 0 {
            if let Some(wid) = self.f.wid {
                self.write_padding(wid);
            }
            return;
        }
        if self.f.space {
            if self.f.sharp {
                width *= 2;
            }
            width += length - 1;
        } else if self.f.sharp {
            width += 2;
        }
        let wid = self.f.wid.unwrap_or(0);
        if wid > width && !self.f.minus {
            self.write_padding(wid - width);
        }
        let x = if upper { 'X' } else { 'x' };
        if self.f.sharp {
            self.buf.push('0');
            self.buf.push(x);
        }
        for (i, &c) in b[..length].iter().enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(' ');
                if self.f.sharp {
                    self.buf.push('0');
                    self.buf.push(x);
                }
            }
            self.buf.push(char::from(digits[usize::from(c >> 4)]));
            self.buf.push(char::from(digits[usize::from(c & 0xF)]));
        }
        if wid > width && self.f.minus {
            self.write_padding(wid - width);
        }
    }
}
