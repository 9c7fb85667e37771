//! The `Quote` family and the `IsPrint` and `IsGraphic` predicates.

use super::sized_int;
use crate::go_quote::{quote_rune_with, quote_with, Keep};
use crate::unicode;
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// A rune argument as Go converts it: the int truncated to 32 bits, an
/// invalid code point read as U+FFFD.
fn rune(args: &Args, i: usize) -> Result<Option<char>, CallError> {
    let n = sized_int(args, i, 32, "rune")?;
    // Go's rune(int64) keeps the low 32 bits.
    let r = n as i32;
    Ok(u32::try_from(r).ok().and_then(char::from_u32))
}

fn quote_string(args: &Args, keep: Keep) -> Result<Value, CallError> {
    Ok(Value::string(quote_with(args.string(0)?, keep)))
}

fn quote_char(args: &Args, keep: Keep) -> Result<Value, CallError> {
    let c = rune(args, 0)?.unwrap_or(char::REPLACEMENT_CHARACTER);
    Ok(Value::string(quote_rune_with(c, keep)))
}

/// `strconv.Quote(s)`.
pub(super) fn quote(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    quote_string(args, Keep::Print)
}

/// `strconv.QuoteToASCII(s)`.
pub(super) fn quote_to_ascii(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    quote_string(args, Keep::Ascii)
}

/// `strconv.QuoteToGraphic(s)`.
pub(super) fn quote_to_graphic(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    quote_string(args, Keep::Graphic)
}

/// `strconv.QuoteRune(r)`.
pub(super) fn quote_rune(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    quote_char(args, Keep::Print)
}

/// `strconv.QuoteRuneToASCII(r)`.
pub(super) fn quote_rune_to_ascii(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    quote_char(args, Keep::Ascii)
}

/// `strconv.QuoteRuneToGraphic(r)`.
pub(super) fn quote_rune_to_graphic(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    quote_char(args, Keep::Graphic)
}

/// `strconv.IsPrint(r)`.
pub(super) fn is_print(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::Bool(rune(args, 0)?.is_some_and(unicode::is_print)))
}

/// `strconv.IsGraphic(r)`.
pub(super) fn is_graphic(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::Bool(rune(args, 0)?.is_some_and(unicode::is_graphic)))
}
