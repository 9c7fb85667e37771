//! The `text/template` package: Go's template language over a value, as
//! CUE's `template.Execute` runs it (the data decoded into Go values, the
//! template named ""), and Go's HTML and JavaScript escapers.

mod escape;
mod exec;
mod float;
mod fmt;
mod funcs;
mod lex;
mod literal;
mod node;
mod parse;
mod value;

use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};
use value::Val;

pub static PACKAGE: Package = Package {
    path: "text/template",
    members: &[
        Member::func("Execute", &["templ", "data"], execute),
        Member::func("HTMLEscape", &["s"], html_escape),
        Member::func("JSEscape", &["s"], js_escape),
    ],
};

/// `template.Execute(templ, data)`: the template's output with `data` as
/// dot.
fn execute(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let templ = args.string(0)?;
    let data = args.value(1)?;
    let templates = parse::parse(templ).map_err(CallError::Failed)?;
    let data = Val::from_data(data)?;
    let out = exec::execute(templ, &templates, data).map_err(CallError::Failed)?;
    Ok(Value::string(out))
}

/// `template.HTMLEscape(s)`: Go's `HTMLEscapeString`.
fn html_escape(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(escape::html(args.string(0)?)))
}

/// `template.JSEscape(s)`: Go's `JSEscapeString`.
fn js_escape(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(escape::js(args.string(0)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Templates made of pieces of the language parse and run or fail
    /// with an error; nothing panics.
    #[test]
    fn random_templates_never_panic() {
        let pieces = [
            "{{",
            "}}",
            "{{- ",
            " -}}",
            ".",
            ".a",
            ".b.c",
            "$",
            "$x",
            " := ",
            " = ",
            "(",
            ")",
            " | ",
            "\"s\"",
            "'c'",
            "`r`",
            "range ",
            "if ",
            "with ",
            "end",
            "else",
            "break",
            "define \"t\"",
            "template \"t\" .",
            "/*",
            "*/",
            "1",
            "-2.5",
            "x",
            ",",
            " ",
            "len",
            "index",
            "printf \"%d\"",
            "eq",
            "and",
            "not",
            "slice",
            "text\n",
        ];
        let data = Val::from_data(&Value::Struct(vec![
            (
                "a".into(),
                Value::List(vec![Value::int(1), Value::string("x")]),
            ),
            ("b".into(), Value::Struct(vec![("c".into(), Value::Null)])),
        ]))
        .unwrap_or(Val::Nil);
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..5_000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 10) as usize + 1;
            for i in 0..len {
                let pick = (seed >> (i * 6)) as usize % pieces.len();
                text.push_str(pieces[pick]);
            }
            if let Ok(templates) = parse::parse(&text) {
                let _ = exec::execute(&text, &templates, data.clone());
            }
        }
    }
}
