//! Compiling a Go pattern: translated (`syntax.rs`), then compiled once
//! per evaluation through the evaluator's cache.

use super::syntax::{self, SyntaxError};
use regex::Regex;
use std::sync::Arc;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// A compiled pattern and the Go names of its groups (group 0 first).
pub(super) struct Compiled {
    pub regex: Arc<Regex>,
    pub names: Vec<Option<String>>,
}

/// Compiles `pattern`, or Go's message for why it is not valid.
pub(super) fn compile(pattern: &str, ctx: &mut dyn Context) -> Result<Compiled, String> {
    let translated = syntax::translate(pattern).map_err(|e| e.to_string())?;
    match ctx.regex(&translated.pattern) {
        Ok(regex) => Ok(Compiled {
            regex,
            names: translated.names,
        }),
        Err(error) => {
            let text = match &error {
                CallError::Failed(m) | CallError::Argument(m) | CallError::Unsatisfied(m) => {
                    m.as_str()
                }
                CallError::Incomplete => "",
            };
            // What Go accepts and the `regex` crate refuses is a limit.
            let code = if text.contains("nest") {
                syntax::NESTING_DEPTH
            } else {
                syntax::TOO_LARGE
            };
            Err(SyntaxError::new(code, pattern).to_string())
        }
    }
}

/// The compiled argument `i`, or the call's failure.
pub(super) fn pattern(args: &Args, i: usize, ctx: &mut dyn Context) -> Result<Compiled, CallError> {
    compile(args.string(i)?, ctx).map_err(CallError::Failed)
}

/// `regexp.Valid(pattern)`: whether the pattern compiles; as a validator,
/// the reason it does not.
pub(super) fn valid(args: &Args, ctx: &mut dyn Context) -> Result<Value, CallError> {
    match compile(args.string(0)?, ctx) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(message) => Err(CallError::Unsatisfied(message)),
    }
}
