//! Go's `fmt` for template values: `Sprint`, `Sprintln` and `Sprintf`
//! (the `print`, `println` and `printf` functions, and how an action
//! prints its value).
//!
//! Verbs, flags (`+ - # 0` and space), widths, precisions (also `*`),
//! argument indexes (`%[2]d`) and the error forms (`%!d(string=x)`,
//! `%!d(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`) are Go's. Not done:
//! `%x` and `%b` of floats (written as `%g`), and the Go-syntax form
//! `%#v` is approximated (strings quoted, composites prefixed by their
//! type).

#[cfg(test)]
mod tests;
mod verbs;

use super::value::Val;

/// `fmt.Sprint`: operands printed with `%v`, a space between two that
/// are not strings.
pub(super) fn sprint(args: &[Val]) -> String {
    let mut p = Printer::default();
    let mut prev_string = false;
    for (i, arg) in args.iter().enumerate() {
        let is_string = matches!(arg, Val::String(_));
        if i > 0 && !is_string && !prev_string {
            p.buf.push(' ');
        }
        p.print_arg(arg, 'v');
        prev_string = is_string;
    }
    p.buf
}

/// `fmt.Sprintln`: operands with spaces between, and a newline.
pub(super) fn sprintln(args: &[Val]) -> String {
    let mut p = Printer::default();
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            p.buf.push(' ');
        }
        p.print_arg(arg, 'v');
    }
    p.buf.push('\n');
    p.buf
}

/// `fmt.Sprintf`.
pub(super) fn sprintf(format: &str, args: &[Val]) -> String {
    let mut p = Printer::default();
    p.printf(format, args);
    p.buf
}

#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    wid: Option<usize>,
    prec: Option<usize>,
    minus: bool,
    plus: bool,
    sharp: bool,
    zero: bool,
    space: bool,
    plus_v: bool,
    sharp_v: bool,
}

#[derive(Default)]
struct Printer {
    buf: String,
    f: Flags,
    reordered: bool,
    good_arg_num: bool,
}

/// Widths and precisions beyond this are not numbers (Go's `tooLarge`).
const MAX_NUM: usize = 1_000_000;

fn parse_num(format: &[u8], mut i: usize) -> (Option<usize>, usize) {
    let start = i;
    let mut n: usize = 0;
    while let Some(c) = format.get(i).filter(|c| c.is_ascii_digit()) {
        if n > MAX_NUM {
            return (None, format.len());
        }
        n = n * 10 + usize::from(c - b'0');
        i += 1;
    }
    if i == start {
        (None, i)
    } else {
        (Some(n), i)
    }
}

impl Printer {
    fn printf(&mut self, format: &str, args: &[Val]) {
        let fb = format.as_bytes();
        let end = fb.len();
        let mut arg_num = 0usize;
        let mut i = 0;
        while i < end {
            self.good_arg_num = true;
            let start = i;
            while i < end && fb[i] != b'%' {
                i += 1;
            }
            if i > start {
                self.buf.push_str(&format[start..i]);
            }
            if i >= end {
                break;
            }
            i += 1;
            self.f = Flags::default();
            while i < end {
                match fb[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => {
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            let mut after_index;
            (arg_num, i, after_index) = self.arg_number(arg_num, fb, i, args.len());
            if i < end && fb[i] == b'*' {
                i += 1;
                let (wid, next) = int_from_arg(args, arg_num);
                arg_num = next;
                match wid {
                    Some(w) if w < 0 => {
                        self.f.wid = Some(w.unsigned_abs() as usize);
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    Some(w) => self.f.wid = Some(w as usize),
                    None => self.buf.push_str("%!(BADWIDTH)"),
                }
                after_index = false;
            } else {
                let (wid, next) = parse_num(fb, i);
                self.f.wid = wid;
                i = next;
                if after_index && wid.is_some() {
                    self.good_arg_num = false;
                }
            }
            if i + 1 < end && fb[i] == b'.' {
                i += 1;
                if after_index {
                    self.good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(arg_num, fb, i, args.len());
                if i < end && fb[i] == b'*' {
                    i += 1;
                    let (prec, next) = int_from_arg(args, arg_num);
                    arg_num = next;
                    match prec {
                        Some(p) if p >= 0 => self.f.prec = Some(p as usize),
                        Some(_) => self.f.prec = None,
                        None => self.buf.push_str("%!(BADPREC)"),
                    }
                    after_index = false;
                } else {
                    let (prec, next) = parse_num(fb, i);
                    self.f.prec = Some(prec.unwrap_or(0));
                    i = next;
                }
            }
            if !after_index {
                (arg_num, i, _) = self.arg_number(arg_num, fb, i, args.len());
            }
            let Some(verb) = format.get(i..).and_then(|s| s.chars().next()) else {
                self.buf.push_str("%!(NOVERB)");
                break;
            };
            i += verb.len_utf8();
            if verb == '%' {
                self.buf.push('%');
            } else if !self.good_arg_num {
                self.buf.push_str(&format!("%!{verb}(BADINDEX)"));
            } else if let Some(arg) = args.get(arg_num) {
                if verb == 'v' {
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }
                self.print_arg(arg, verb);
                arg_num += 1;
            } else {
                self.buf.push_str(&format!("%!{verb}(MISSING)"));
            }
        }
        if !self.reordered && arg_num < args.len() {
            self.f = Flags::default();
            self.buf.push_str("%!(EXTRA ");
            for (i, arg) in args[arg_num..].iter().enumerate() {
                if i > 0 {
                    self.buf.push_str(", ");
                }
                if matches!(arg, Val::Nil | Val::Missing) {
                    self.buf.push_str("<nil>");
                } else {
                    self.buf.push_str(arg.type_name());
                    self.buf.push('=');
                    self.print_arg(arg, 'v');
                }
            }
            self.buf.push(')');
        }
    }

    /// `%[n]`: the argument to use next (Go's `argNumber`).
    fn arg_number(
        &mut self,
        arg_num: usize,
        f: &[u8],
        i: usize,
        num_args: usize,
    ) -> (usize, usize, bool) {
        if f.get(i) != Some(&b'[') {
            return (arg_num, i, false);
        }
        self.reordered = true;
        let rest = &f[i..];
        let parsed = if rest.len() < 3 {
            None
        } else {
            rest.iter().position(|&c| c == b']').map(|close| {
                let (n, next) = parse_num(rest, 1);
                match n {
                    Some(n) if next == close && n >= 1 => (Some(n - 1), close + 1),
                    _ => (None, close + 1),
                }
            })
        };
        let (index, width) = parsed.unwrap_or((None, 1));
        match index {
            Some(index) if index < num_args => (index, i + width, true),
            _ => {
                self.good_arg_num = false;
                (arg_num, i + width, parsed.is_some_and(|(n, _)| n.is_some()))
            }
        }
    }

    fn write_padding(&mut self, n: usize) {
        let c = if self.f.zero { '0' } else { ' ' };
        self.buf.extend(std::iter::repeat_n(c, n));
    }

    /// Writes `s` padded to the width.
    fn pad(&mut self, s: &str) {
        let Some(wid) = self.f.wid else {
            self.buf.push_str(s);
            return;
        };
        let n = wid.saturating_sub(s.chars().count());
        if self.f.minus {
            self.buf.push_str(s);
            self.write_padding(n);
        } else {
            self.write_padding(n);
            self.buf.push_str(s);
        }
    }

    fn bad_verb(&mut self, verb: char, arg: &Val) {
        self.buf.push_str("%!");
        self.buf.push(verb);
        self.buf.push('(');
        if matches!(arg, Val::Nil | Val::Missing) {
            self.buf.push_str("<nil>");
        } else {
            self.buf.push_str(arg.type_name());
            self.buf.push('=');
            let flags = self.f;
            self.f = Flags::default();
            self.print_arg(arg, 'v');
            self.f = flags;
        }
        self.buf.push(')');
    }

    /// One operand with one verb.
    fn print_arg(&mut self, arg: &Val, verb: char) {
        if verb == 'T' {
            self.pad(arg.type_name());
            return;
        }
        self.print_value(arg, verb, 0);
    }

    fn print_value(&mut self, v: &Val, verb: char, depth: usize) {
        crate::limits::with_stack(|| self.print_value_now(v, verb, depth))
    }

    fn print_value_now(&mut self, v: &Val, verb: char, depth: usize) {
        match v {
            Val::Missing | Val::Nil => match verb {
                'v' if self.f.sharp_v && depth > 0 => self.pad("interface {}(nil)"),
                _ if verb == 'v' || depth > 0 => self.pad("<nil>"),
                _ => self.bad_verb(verb, v),
            },
            Val::Bool(b) => match verb {
                't' | 'v' => self.pad(if *b { "true" } else { "false" }),
                _ => self.bad_verb(verb, v),
            },
            Val::Int(i) => self.fmt_integer(v, i.unsigned_abs().into(), *i < 0, verb),
            Val::BigInt(b) => self.fmt_integer(
                v,
                b.magnitude().clone().into(),
                b.sign() == num_bigint::Sign::Minus,
                verb,
            ),
            Val::Float(f) => self.fmt_float(v, *f, verb),
            Val::Complex(re, im) => {
                if !matches!(verb, 'v' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G') {
                    return self.bad_verb(verb, v);
                }
                let wid = self.f.wid.take();
                self.buf.push('(');
                self.fmt_float(v, *re, verb);
                let plus = self.f.plus;
                self.f.plus = true;
                self.fmt_float(v, *im, verb);
                self.f.plus = plus;
                self.buf.push_str("i)");
                self.f.wid = wid;
            }
            Val::String(s) => self.fmt_string(v, s, verb),
            Val::Bytes(b) => self.fmt_bytes(v, b, verb, depth),
            Val::List(items) => {
                if self.f.sharp_v {
                    self.buf.push_str("[]interface {}{");
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            self.buf.push_str(", ");
                        }
                        self.print_value(item, verb, depth + 1);
                    }
                    self.buf.push('}');
                    return;
                }
                self.buf.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.buf.push(' ');
                    }
                    self.print_value(item, verb, depth + 1);
                }
                self.buf.push(']');
            }
            Val::Map(map) => {
                self.buf.push_str(if self.f.sharp_v {
                    "map[string]interface {}{"
                } else {
                    "map["
                });
                for (i, (k, item)) in map.iter().enumerate() {
                    if i > 0 {
                        self.buf.push_str(if self.f.sharp_v { ", " } else { " " });
                    }
                    self.print_value(&Val::string(k.as_str()), verb, depth + 1);
                    self.buf.push(':');
                    self.print_value(item, verb, depth + 1);
                }
                self.buf.push(if self.f.sharp_v { '}' } else { ']' });
            }
        }
    }
}

/// A `*` width or precision: the int argument, if it is one.
fn int_from_arg(args: &[Val], arg_num: usize) -> (Option<i64>, usize) {
    match args.get(arg_num) {
        Some(Val::Int(i)) if i.unsigned_abs() <= MAX_NUM as u64 => (Some(*i), arg_num + 1),
        Some(_) => (None, arg_num + 1),
        None => (None, arg_num),
    }
}
