//! Turning the parser's errors into diagnostics a person can act on.

use super::ParseCtx;
use crate::token::{label_ident_end, Tok};
use lalrpop_util::ParseError;
use std::convert::Infallible;
use tenon_diagnostics::Diagnostic;

pub(super) fn syntax_error(
    ctx: &ParseCtx<'_>,
    error: ParseError<usize, Tok, Infallible>,
) -> Diagnostic {
    match error {
        ParseError::UnrecognizedToken {
            token: (lo, tok, hi),
            expected,
        } => {
            // A label token also covers its colon: name the label.
            let hi = match tok {
                Tok::LabelIdent => label_ident_end(ctx.src, lo, hi),
                _ => hi,
            };
            let found = match tok {
                Tok::Comma if lo == hi && lo >= ctx.src.len() => "end of file".to_string(),
                Tok::Comma if lo == hi => "newline".to_string(),
                Tok::Ident | Tok::LabelIdent | Tok::OperatorWord => {
                    format!("identifier `{}`", ctx.src.get(lo..hi).unwrap_or(""))
                }
                _ => tok.describe(),
            };
            let span = ctx.span(lo, hi);
            let expected = expected_text(&expected);
            let label = match expected.strip_prefix(", ") {
                Some(list) => list.to_string(),
                None => format!("unexpected {found}"),
            };
            Diagnostic::error(
                "unexpected-token",
                span,
                format!("unexpected {found}{expected}"),
            )
            .with_primary_message(label)
        }
        ParseError::UnrecognizedEof { location, expected } => {
            let expected = expected_text(&expected);
            let label = expected
                .strip_prefix(", ")
                .unwrap_or("the file ends here")
                .to_string();
            Diagnostic::error(
                "unexpected-eof",
                ctx.span(location, location),
                format!("unexpected end of file{expected}"),
            )
            .with_primary_message(label)
        }
        ParseError::ExtraToken {
            token: (lo, tok, hi),
        } => Diagnostic::error(
            "unexpected-token",
            ctx.span(lo, hi),
            format!("unexpected {}", tok.describe()),
        ),
        ParseError::InvalidToken { location } => Diagnostic::error(
            "invalid-character",
            ctx.span(location, location),
            "invalid token",
        ),
        ParseError::User { error } => match error {},
    }
}

/// `, expected an expression or `}``: what the parser could have accepted,
/// summarised.
fn expected_text(expected: &[String]) -> String {
    let has = |t: &str| expected.iter().any(|e| e.trim_matches('"') == t);
    let mut items: Vec<String> = Vec::new();
    let expression = has("ident") && has("int") && has("(");
    // Only a declaration may start with an attribute; after a `:` (where
    // a chained label is also possible) and in lists, say expression.
    let declaration = expression && has("attribute");
    if declaration {
        items.push("a declaration".into());
    } else if expression {
        items.push("an expression".into());
    } else if has("ident") {
        items.push("an identifier".into());
    } else if has("string") {
        items.push("a string".into());
    }
    if !expression && has("for") && has("let") {
        items.push("a `for`, `if` or `let` clause".into());
    }
    for (token, text) in [
        (":", "`:`"),
        ("=", "`=`"),
        ("in", "`in`"),
        ("{", "`{`"),
        (",", "`,`"),
        (")", "`)`"),
        ("]", "`]`"),
        ("}", "`}`"),
    ] {
        // `in` and `{` are only expected as keywords-as-labels or after a
        // comprehension clause; with an expression expected they add noise.
        if has(token) && !((token == "{" || token == "in") && expression) {
            items.push(text.into());
        }
    }
    if has(",") {
        let at = items.iter().position(|i| i == "`,`").unwrap_or(0);
        items.insert(at + 1, "a newline".into());
    }
    match items.len() {
        0 => String::new(),
        1 => format!(", expected {}", items[0]),
        n => format!(
            ", expected {} or {}",
            items[..n - 1].join(", "),
            items[n - 1]
        ),
    }
}
