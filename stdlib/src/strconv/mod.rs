//! The `strconv` package: Go's conversions between strings and numbers,
//! booleans and quoted literals, with Go's exact spellings and messages.
//! `FormatInt` and `FormatUint` take ints of any size; the parsers keep
//! Go's 64-bit limits, as CUE v0.14 does.

mod bools;
pub(crate) mod format_float;
mod format_int;
mod parse_float;
mod parse_int;
mod quote;
mod unquote;

use crate::go_quote::quote;
use tenon_eval::builtin::{Args, CallError, Member, Package};

pub static PACKAGE: Package = Package {
    path: "strconv",
    members: &[
        Member::func("Unquote", &["s"], unquote::unquote),
        Member::func("ParseBool", &["str"], bools::parse_bool),
        Member::func("FormatBool", &["b"], bools::format_bool),
        Member::func("ParseFloat", &["s", "bitSize"], parse_float::parse_float),
        Member::source("IntSize", "64"),
        Member::func(
            "ParseUint",
            &["s", "base", "bitSize"],
            parse_int::parse_uint,
        ),
        Member::func("ParseInt", &["s", "base", "bitSize"], parse_int::parse_int),
        Member::func("Atoi", &["s"], parse_int::atoi),
        Member::func(
            "FormatFloat",
            &["f", "fmt", "prec", "bitSize"],
            format_float::format_float,
        ),
        Member::func("FormatUint", &["i", "base"], format_int::format_int),
        Member::func("FormatInt", &["i", "base"], format_int::format_int),
        Member::func("Quote", &["s"], quote::quote),
        Member::func("QuoteToASCII", &["s"], quote::quote_to_ascii),
        Member::func("QuoteToGraphic", &["s"], quote::quote_to_graphic),
        Member::func("QuoteRune", &["r"], quote::quote_rune),
        Member::func("QuoteRuneToASCII", &["r"], quote::quote_rune_to_ascii),
        Member::func("QuoteRuneToGraphic", &["r"], quote::quote_rune_to_graphic),
        Member::func("IsPrint", &["r"], quote::is_print),
        Member::func("IsGraphic", &["r"], quote::is_graphic),
    ],
};

/// Why Go's parsers reject their input (`NumError.Err`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reason {
    Syntax,
    Range,
}

/// Go's `*strconv.NumError` message: `strconv.Atoi: parsing "12a":
/// invalid syntax`.
fn num_error(func: &str, input: &str, reason: &str) -> CallError {
    CallError::Failed(format!(
        "strconv.{func}: parsing {}: {reason}",
        quote(input)
    ))
}

impl Reason {
    fn error(self, func: &str, input: &str) -> CallError {
        num_error(
            func,
            input,
            match self {
                Reason::Syntax => "invalid syntax",
                Reason::Range => "value out of range",
            },
        )
    }
}

/// Argument `i` as a Go integer of `bits` bits named `typ` (`rune`,
/// `byte`): CUE checks the magnitude's bit length, then truncates.
fn sized_int(args: &Args, i: usize, bits: u64, typ: &str) -> Result<i64, CallError> {
    let n = args.int(i)?;
    let big = n.to_bigint();
    if big.bits() > bits {
        return Err(CallError::Argument(format!(
            "int {n} overflows {typ} in argument {i} in call to {}",
            args.name()
        )));
    }
    Ok(n.to_i64().unwrap_or(0))
}
