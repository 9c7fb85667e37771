//! Case mappings, rune by rune with Go's simple mappings (`ß` keeps its
//! case, a final `Σ` lowers to `σ`).

use crate::unicode;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// Maps every rune of `s`.
fn map_all(s: &str, f: fn(char) -> char) -> Value {
    Value::string(s.chars().map(f).collect::<String>())
}

/// Maps the runes that begin a word (follow white space, or start `s`).
fn map_word_starts(s: &str, f: fn(char) -> char) -> Value {
    let mut prev = ' ';
    let out: String = s
        .chars()
        .map(|c| {
            let mapped = if unicode::is_space(prev) { f(c) } else { c };
            prev = c;
            mapped
        })
        .collect();
    Value::string(out)
}

/// `strings.ToUpper(s)`.
pub(super) fn to_upper(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(map_all(args.string(0)?, unicode::to_upper))
}

/// `strings.ToLower(s)`.
pub(super) fn to_lower(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(map_all(args.string(0)?, unicode::to_lower))
}

/// `strings.ToTitle(s)`: the first rune of each word in title case.
pub(super) fn to_title(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(map_word_starts(args.string(0)?, unicode::to_title))
}

/// `strings.ToCamel(s)`: the first rune of each word in lower case.
pub(super) fn to_camel(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(map_word_starts(args.string(0)?, unicode::to_lower))
}
