//! Errors of number literals and arithmetic, worded as CUE words them.

use std::fmt;

/// What can go wrong when reading or computing a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberError {
    /// The literal text is not a number at all (a lexer should not let it through).
    Malformed,
    /// A decimal integer with a leading zero (`0777`, `08`, `01K`): CUE has no legacy octal.
    LeadingZero,
    /// A `_` not between two digits (`1__0`, `1_`).
    MisplacedSeparator,
    /// A base prefix without digits (`0x`), or a digit the base does not have.
    BadDigits,
    /// A multiplier (`K`, `Mi`, …) applied to a mantissa gave a fraction (`1.2345K`).
    NotAnInteger,
    /// A float whose exponent is beyond what decimals can hold (±100000).
    ExponentOutOfRange,
    /// `/` with a zero divisor and a non-zero dividend.
    QuotientByZero,
    /// `0 / 0`.
    QuotientUndefined,
    /// `div`, `mod`, `quo` or `rem` with a zero divisor.
    DivisionByZero,
    /// `div`, `mod`, `quo` or `rem` with an operand that is not an int.
    NotInt,
}

impl NumberError {
    /// The problem in CUE's words, without position, path or the
    /// `failed arithmetic: ` prefix (see [`NumberError::cue_message`]).
    pub fn message(self) -> &'static str {
        match self {
            NumberError::Malformed => "invalid number",
            NumberError::LeadingZero => "illegal integer number",
            NumberError::MisplacedSeparator => "illegal '_' in number",
            NumberError::BadDigits => "illegal digits in number",
            NumberError::NotAnInteger => "number cannot be represented as int",
            NumberError::ExponentOutOfRange => "exponent out of range",
            NumberError::QuotientByZero | NumberError::DivisionByZero => "division by zero",
            NumberError::QuotientUndefined => "division undefined",
            NumberError::NotInt => "integer operation on a non-integer",
        }
    }

    /// Whether CUE reports this as `failed arithmetic: …` (decimal
    /// arithmetic failing: `1 / 0`, `0 / 0`, an exponent out of range),
    /// rather than bare (`5 mod 0` gives `division by zero`).
    pub fn is_failed_arithmetic(self) -> bool {
        matches!(
            self,
            NumberError::ExponentOutOfRange
                | NumberError::QuotientByZero
                | NumberError::QuotientUndefined
        )
    }

    /// The whole message CUE gives: `failed arithmetic: division by zero`
    /// for `1 / 0`, `division by zero` for `5 mod 0`.
    pub fn cue_message(self) -> String {
        if self.is_failed_arithmetic() {
            format!("failed arithmetic: {}", self.message())
        } else {
            self.message().to_string()
        }
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for NumberError {}
