//! Unit tests of numbers: tables of inputs and the results CUE gives.
//!
//! Expected values come from the reference evaluator (`cue export`), from
//! the conformance corpus where CUE v0.14 differs from the v0.4 reference
//! (division, 34-digit rounding), and from apd's algorithms otherwise.

use super::arith::{add_in, add_signed, mul_in};
use super::*;

/// Reads a test operand: a literal, optionally preceded by `-` (negation).
fn lit(text: &str) -> Number {
    if let Some(rest) = text.strip_prefix('-') {
        return lit(rest).neg();
    }
    let multiplier = text.ends_with(['K', 'M', 'G', 'T', 'P', 'i']);
    let is_float = !text.starts_with("0x") && !multiplier && text.contains(['.', 'e', 'E']);
    Number::parse_literal(text, is_float).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// "int 3", "float 3.0" or "error Variant".
fn show(r: Result<Number, NumberError>) -> String {
    match r {
        Ok(Number::Int(i)) => format!("int {i}"),
        Ok(Number::Float(d)) => format!("float {d}"),
        Err(e) => format!("error {e:?}"),
    }
}

/// Checks every row, reporting all mismatches at once.
fn check_all(rows: impl IntoIterator<Item = (String, String, String)>) {
    let mut bad = Vec::new();
    for (input, want, got) in rows {
        if want != got {
            bad.push(format!("{input}: want {want}, got {got}"));
        }
    }
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

/// (text, lexed as float, result).
const LITERALS: &[(&str, bool, &str)] = &[
    // ints, bases and separators
    ("0", false, "int 0"),
    ("7", false, "int 7"),
    ("1_000_000", false, "int 1000000"),
    ("0xFF", false, "int 255"),
    ("0x_ff_ff", false, "int 65535"),
    ("0X1f", false, "int 31"),
    ("0o755", false, "int 493"),
    ("0b1010", false, "int 10"),
    ("0b_1", false, "int 1"),
    ("9223372036854775807", false, "int 9223372036854775807"),
    ("9223372036854775808", false, "int 9223372036854775808"),
    ("18446744073709551615", false, "int 18446744073709551615"),
    (
        "123456789012345678901234567890",
        false,
        "int 123456789012345678901234567890",
    ),
    (
        "0xFFFFFFFFFFFFFFFFFFFF",
        false,
        "int 1208925819614629174706175",
    ),
    // multipliers
    ("1K", false, "int 1000"),
    ("2M", false, "int 2000000"),
    ("1G", false, "int 1000000000"),
    ("1T", false, "int 1000000000000"),
    ("1P", false, "int 1000000000000000"),
    ("1Ki", false, "int 1024"),
    ("1Mi", false, "int 1048576"),
    ("2Gi", false, "int 2147483648"),
    ("1Ti", false, "int 1099511627776"),
    ("1Pi", false, "int 1125899906842624"),
    ("1.5Ki", false, "int 1536"),
    ("1.5Mi", false, "int 1572864"),
    ("0.5Ki", false, "int 512"),
    ("0.5Mi", false, "int 524288"),
    (".5K", false, "int 500"),
    ("1.1K", false, "int 1100"),
    ("1.25K", false, "int 1250"),
    ("00.5K", false, "int 500"),
    ("1_000K", false, "int 1000000"),
    ("10000Pi", false, "int 11258999068426240000"),
    // floats keep their spelling
    ("1.0", true, "float 1.0"),
    ("2.0", true, "float 2.0"),
    (".5", true, "float 0.5"),
    ("00.5", true, "float 0.5"),
    ("1.50", true, "float 1.50"),
    ("0.10", true, "float 0.10"),
    ("0.0", true, "float 0.0"),
    ("0.000", true, "float 0.000"),
    ("2.5e-3", true, "float 0.0025"),
    ("1e3", true, "float 1E+3"),
    ("1e+3", true, "float 1E+3"),
    ("1E3", true, "float 1E+3"),
    ("123.456e2", true, "float 12345.6"),
    ("1e-7", true, "float 1E-7"),
    ("0.000001", true, "float 0.000001"),
    ("0.0000001", true, "float 1E-7"),
    ("0.00000123", true, "float 0.00000123"),
    ("0.000000123", true, "float 1.23E-7"),
    ("1.5e300", true, "float 1.5E+300"),
    ("0e5", true, "float 0E+5"),
    ("1.50e1", true, "float 15.0"),
    ("1.0e-10", true, "float 1.0E-10"),
    ("123456789.123e-20", true, "float 1.23456789123E-12"),
    ("1_0e1_0", true, "float 1.0E+11"),
    ("1_000.000_1", true, "float 1000.0001"),
    ("1e100000", true, "float 1E+100000"),
    ("1e-100000", true, "float 1E-100000"),
    ("1.", true, "float 1"),
    (
        "3.14159265358979323846264338327950288419716939937510582097494459",
        true,
        "float 3.14159265358979323846264338327950288419716939937510582097494459",
    ),
    // errors
    ("1.2345K", false, "error NotAnInteger"),
    ("1.0001Ki", false, "error NotAnInteger"),
    ("0777", false, "error LeadingZero"),
    ("08", false, "error LeadingZero"),
    ("0_0", false, "error LeadingZero"),
    ("01K", false, "error LeadingZero"),
    ("1__0", false, "error MisplacedSeparator"),
    ("1_", false, "error MisplacedSeparator"),
    ("_1", false, "error MisplacedSeparator"),
    ("1_.5", true, "error MisplacedSeparator"),
    ("0x", false, "error BadDigits"),
    ("0x_", false, "error MisplacedSeparator"),
    ("0b2", false, "error BadDigits"),
    ("0o8", false, "error BadDigits"),
    ("0xG", false, "error BadDigits"),
    ("1e100001", true, "error ExponentOutOfRange"),
    ("1e-100001", true, "error ExponentOutOfRange"),
    ("123e99998", true, "float 1.23E+100000"),
    ("123e99999", true, "error ExponentOutOfRange"),
    (
        "1e99999999999999999999999",
        true,
        "error ExponentOutOfRange",
    ),
    ("", false, "error Malformed"),
    ("", true, "error Malformed"),
    ("1e", true, "error Malformed"),
    ("1e+", true, "error Malformed"),
    ("1e1a", true, "error Malformed"),
    ("1e-_1", true, "error MisplacedSeparator"),
    (".", true, "error Malformed"),
    ("K", false, "error Malformed"),
    ("1e3K", false, "error Malformed"),
    ("1a", false, "error BadDigits"),
    ("-1", false, "error Malformed"),
    ("1.5", false, "error Malformed"),
    ("15", true, "error Malformed"),
    ("0x10", true, "error Malformed"),
    ("1K", true, "error Malformed"),
];

#[test]
fn literals() {
    check_all(LITERALS.iter().map(|&(text, is_float, want)| {
        let got = show(Number::parse_literal(text, is_float));
        (
            format!("{text:?} (float: {is_float})"),
            want.to_string(),
            got,
        )
    }));
}

/// (left, operator, right, result); operands are literals, `-` negates.
const BINARY: &[(&str, &str, &str, &str)] = &[
    // int arithmetic stays int and exact
    ("7", "+", "3", "int 10"),
    ("7", "-", "10", "int -3"),
    ("6", "*", "7", "int 42"),
    ("9223372036854775807", "+", "1", "int 9223372036854775808"),
    ("-9223372036854775808", "-", "1", "int -9223372036854775809"),
    ("9223372036854775808", "-", "1", "int 9223372036854775807"),
    ("18446744073709551615", "*", "2", "int 36893488147419103230"),
    ("4294967296", "*", "4294967296", "int 18446744073709551616"),
    (
        "100000000000000000000",
        "-",
        "1",
        "int 99999999999999999999",
    ),
    ("-9223372036854775808", "*", "-1", "int 9223372036854775808"),
    (
        "99999999999999999999999999999999999999",
        "*",
        "99999999999999999999999999999999999999",
        "int 9999999999999999999999999999999999999800000000000000000000000000000000000001",
    ),
    ("0", "*", "-5", "int 0"),
    // a float operand makes a float, with the exact result's exponent
    ("1", "+", "2.0", "float 3.0"),
    ("2", "*", "1.5", "float 3.0"),
    ("3", "*", "1.0", "float 3.0"),
    ("5", "-", "5.0", "float 0.0"),
    ("0.5", "+", "0.5", "float 1.0"),
    ("0.1", "+", "0.2", "float 0.3"),
    ("1.1", "*", "1.1", "float 1.21"),
    ("0.1", "*", "3", "float 0.3"),
    ("1.0", "-", "0.9", "float 0.1"),
    ("2.50", "*", "2", "float 5.00"),
    ("1.50", "+", "1", "float 2.50"),
    ("1e3", "+", "1", "float 1001"),
    ("1e3", "+", "1e3", "float 2E+3"),
    ("1e3", "*", "1e3", "float 1E+6"),
    ("0x10", "+", "0.5", "float 16.5"),
    ("1.5e300", "*", "1e300", "float 1.5E+600"),
    ("0.0", "-", "0.0", "float 0.0"),
    ("1.5", "-", "1.5", "float 0.0"),
    ("-1.5", "+", "1.5", "float 0.0"),
    ("-1.5", "-", "1.5", "float -3.0"),
    (
        "1.1",
        "+",
        "1e30",
        "float 1000000000000000000000000000001.1",
    ),
    ("0", "*", "-1.5", "float -0.0"),
    ("-1.5", "*", "0", "float -0.0"),
    ("2.5", "*", "-2", "float -5.0"),
    ("-2.5", "*", "-2", "float 5.0"),
    // rounding to 34 digits, half up on the magnitude
    (
        "1.1",
        "+",
        "1e40",
        "float 1.000000000000000000000000000000000E+40",
    ),
    (
        "1e40",
        "-",
        "1e-40",
        "float 1.000000000000000000000000000000000E+40",
    ),
    (
        "1000000000000000000000000000000000.5",
        "+",
        "0",
        "float 1000000000000000000000000000000001",
    ),
    (
        "1000000000000000000000000000000000.4",
        "+",
        "0",
        "float 1000000000000000000000000000000000",
    ),
    (
        "-1000000000000000000000000000000000.5",
        "+",
        "0",
        "float -1000000000000000000000000000000001",
    ),
    (
        "9999999999999999999999999999999999.5",
        "+",
        "0",
        "float 1.000000000000000000000000000000000E+34",
    ),
    (
        "1.23456789012345678901234567890123456",
        "*",
        "1",
        "float 1.234567890123456789012345678901235",
    ),
    (
        "12345678901234567890123456789012345678",
        "*",
        "1.0",
        "float 1.234567890123456789012345678901235E+37",
    ),
    // the exponent range
    ("1e99999", "*", "1e99999", "error ExponentOutOfRange"),
    ("1e-99999", "*", "1e-99999", "error ExponentOutOfRange"),
    ("1e100000", "*", "10", "error ExponentOutOfRange"),
    ("1e100000", "+", "1e-100000", "error ExponentOutOfRange"),
    (
        "1e50000",
        "+",
        "1e-50000",
        "float 1.000000000000000000000000000000000E+50000",
    ),
    // `/` always gives a float, trimmed but keeping one decimal place
    ("3", "/", "2", "float 1.5"),
    ("4", "/", "2", "float 2.0"),
    ("1", "/", "8", "float 0.125"),
    ("7.0", "/", "2", "float 3.5"),
    ("10", "/", "4", "float 2.5"),
    ("6.0", "/", "2", "float 3.0"),
    ("100.0", "/", "10", "float 10"),
    ("900.0", "/", "9", "float 1.0E+2"),
    ("1e3", "/", "1", "float 1.0E+3"),
    ("268", "/", "100", "float 2.68"),
    ("1.50", "/", "1", "float 1.5"),
    ("1", "/", "3", "float 0.3333333333333333333333333333333333"),
    ("2", "/", "3", "float 0.6666666666666666666666666666666667"),
    (
        "10.0",
        "/",
        "3",
        "float 3.333333333333333333333333333333333",
    ),
    ("1", "/", "7", "float 0.1428571428571428571428571428571429"),
    (
        "-1",
        "/",
        "3",
        "float -0.3333333333333333333333333333333333",
    ),
    ("1", "/", "-8", "float -0.125"),
    ("-6", "/", "-3", "float 2.0"),
    ("1", "/", "1e-40", "float 1E+40"),
    (
        "123456789012345678901234567890",
        "/",
        "10",
        "float 12345678901234567890123456789.0",
    ),
    ("0", "/", "5", "float 0"),
    ("0.0", "/", "5", "float 0.0"),
    ("0", "/", "5.0", "float 0"),
    ("0", "/", "-5", "float 0"),
    ("1", "/", "0", "error QuotientByZero"),
    ("1.0", "/", "0.0", "error QuotientByZero"),
    ("0", "/", "0", "error QuotientUndefined"),
    ("1e-99999", "/", "1e99999", "error ExponentOutOfRange"),
    // div and mod are Euclidean, quo and rem truncate
    ("7", "div", "2", "int 3"),
    ("-7", "div", "2", "int -4"),
    ("7", "div", "-2", "int -3"),
    ("-7", "div", "-2", "int 4"),
    ("7", "mod", "2", "int 1"),
    ("-7", "mod", "2", "int 1"),
    ("7", "mod", "-2", "int 1"),
    ("-7", "mod", "-2", "int 1"),
    ("7", "quo", "2", "int 3"),
    ("-7", "quo", "2", "int -3"),
    ("7", "quo", "-2", "int -3"),
    ("-7", "quo", "-2", "int 3"),
    ("7", "rem", "2", "int 1"),
    ("-7", "rem", "2", "int -1"),
    ("7", "rem", "-2", "int 1"),
    ("-7", "rem", "-2", "int -1"),
    ("10", "div", "3", "int 3"),
    ("10", "mod", "3", "int 1"),
    (
        "100000000000000000000",
        "div",
        "7",
        "int 14285714285714285714",
    ),
    ("100000000000000000000", "mod", "7", "int 2"),
    (
        "-100000000000000000000",
        "div",
        "7",
        "int -14285714285714285715",
    ),
    ("-100000000000000000000", "mod", "7", "int 5"),
    (
        "-100000000000000000000",
        "quo",
        "7",
        "int -14285714285714285714",
    ),
    ("-100000000000000000000", "rem", "7", "int -2"),
    ("100000000000000000000", "mod", "-7", "int 2"),
    (
        "-100000000000000000000",
        "div",
        "-7",
        "int 14285714285714285715",
    ),
    (
        "-9223372036854775808",
        "quo",
        "-1",
        "int 9223372036854775808",
    ),
    (
        "-9223372036854775808",
        "div",
        "-1",
        "int 9223372036854775808",
    ),
    ("-9223372036854775808", "rem", "-1", "int 0"),
    ("-9223372036854775808", "mod", "-1", "int 0"),
    ("5", "div", "0", "error DivisionByZero"),
    ("5", "mod", "0", "error DivisionByZero"),
    ("5", "quo", "0", "error DivisionByZero"),
    ("5", "rem", "0", "error DivisionByZero"),
    ("4.0", "div", "2", "error NotInt"),
    ("4", "mod", "2.0", "error NotInt"),
    ("4.0", "quo", "2.0", "error NotInt"),
    ("4", "rem", "1e3", "error NotInt"),
];

fn apply(a: &Number, op: &str, b: &Number) -> Result<Number, NumberError> {
    match op {
        "+" => a.add(b),
        "-" => a.sub(b),
        "*" => a.mul(b),
        "/" => a.div(b),
        "div" => a.int_div(b),
        "mod" => a.int_mod(b),
        "quo" => a.quo(b),
        "rem" => a.rem(b),
        _ => panic!("unknown operator {op}"),
    }
}

#[test]
fn binary_operations() {
    check_all(BINARY.iter().map(|&(a, op, b, want)| {
        let got = show(apply(&lit(a), op, &lit(b)));
        (format!("{a} {op} {b}"), want.to_string(), got)
    }));
}

/// Chains of operations, left to right: (expression, result).
const CHAINS: &[(&[&str], &str)] = &[
    (
        &["1", "/", "3", "*", "3"],
        "float 0.9999999999999999999999999999999999",
    ),
    (
        &["10", "/", "3", "*", "3"],
        "float 9.999999999999999999999999999999999",
    ),
    (&["212.0", "-", "32", "*", "5", "/", "9"], "float 1.0E+2"),
    (&["0", "*", "-1.5", "+", "0", "*", "-1.0"], "float -0.0"),
    (&["10", "div", "3", "*", "3"], "int 9"),
];

#[test]
fn chains() {
    check_all(CHAINS.iter().map(|&(expr, want)| {
        // Left to right, operands paired with the operator before them;
        // `0 * -1.5 + 0 * -1.0` is written as a chain of products summed.
        let got = if expr.len() == 7 && expr[3] == "+" {
            let l = apply(&lit(expr[0]), expr[1], &lit(expr[2]));
            let r = apply(&lit(expr[4]), expr[5], &lit(expr[6]));
            show(l.and_then(|l| r.and_then(|r| l.add(&r))))
        } else {
            let mut acc = Ok(lit(expr[0]));
            for pair in expr[1..].chunks(2) {
                acc = acc.and_then(|a| apply(&a, pair[0], &lit(pair[1])));
            }
            show(acc)
        };
        (expr.join(" "), want.to_string(), got)
    }));
}

/// Rounding at 24 digits, which the v0.4 reference uses for `+ - *`:
/// checks the rounding against apd itself.
const AT_24_DIGITS: &[(&str, &str, &str, &str)] = &[
    ("1.1", "+", "1e30", "1.00000000000000000000000E+30"),
    (
        "100000000000000000000000.5",
        "+",
        "0",
        "100000000000000000000001",
    ),
    (
        "100000000000000000000000.4",
        "+",
        "0",
        "100000000000000000000000",
    ),
    (
        "100000000000000000000002.5",
        "+",
        "0",
        "100000000000000000000003",
    ),
    (
        "-100000000000000000000000.5",
        "+",
        "0",
        "-100000000000000000000001",
    ),
    (
        "999999999999999999999999.5",
        "+",
        "0",
        "1.00000000000000000000000E+24",
    ),
    (
        "1.23456789012345678901234567",
        "*",
        "1",
        "1.23456789012345678901235",
    ),
    ("1e30", "-", "1e-30", "1.00000000000000000000000E+30"),
    (
        "123456789012345678901234567890",
        "*",
        "1.0",
        "1.23456789012345678901235E+29",
    ),
    ("0.1", "+", "0.2", "0.3"),
];

#[test]
fn rounding_at_24_digits() {
    check_all(AT_24_DIGITS.iter().map(|&(a, op, b, want)| {
        let (x, y) = (lit(a).to_decimal(), lit(b).to_decimal());
        let r = match op {
            "+" => add_signed(&x, &y, false, 24),
            "-" => add_signed(&x, &y, true, 24),
            _ => mul_in(&x, &y, 24),
        };
        let got = r.map_or_else(|e| format!("error {e:?}"), |d| d.to_string());
        (format!("{a} {op} {b}"), want.to_string(), got)
    }));
}

/// (operand, negation).
const NEGATION: &[(&str, &str)] = &[
    ("0", "int 0"),
    ("5", "int -5"),
    ("-5", "int 5"),
    ("9223372036854775808", "int -9223372036854775808"),
    ("-9223372036854775808", "int 9223372036854775808"),
    ("0.0", "float 0.0"),
    ("1.50", "float -1.50"),
    ("1e3", "float -1E+3"),
    ("-2.5", "float 2.5"),
];

#[test]
fn negation() {
    check_all(
        NEGATION
            .iter()
            .map(|&(a, want)| (format!("-({a})"), want.to_string(), show(Ok(lit(a).neg())))),
    );
    // `0 * -1.5` is `-0.0`; negating it gives `0.0`.
    let neg_zero = lit("0").mul(&lit("-1.5")).unwrap();
    assert_eq!(neg_zero.to_string(), "-0.0");
    assert_eq!(neg_zero.neg().to_string(), "0.0");
}

/// (left, right, ordering by value).
const COMPARISONS: &[(&str, &str, std::cmp::Ordering)] = {
    use std::cmp::Ordering::{Equal, Greater, Less};
    &[
        ("1", "1.0", Equal),
        ("1.0", "1.00", Equal),
        ("1e3", "1000", Equal),
        ("1E3", "999", Greater),
        ("1", "1.5", Less),
        ("-1", "-1.5", Greater),
        ("0", "0.0", Equal),
        ("0.0", "-0.0", Equal),
        ("0e5", "0.000", Equal),
        ("-0.1", "0", Less),
        ("9223372036854775808", "9223372036854775807.5", Greater),
        ("-9223372036854775809", "-9223372036854775808", Less),
        ("-9223372036854775809", "5", Less),
        ("9223372036854775808", "-5", Greater),
        ("12345678901234567890", "1.2e19", Greater),
        ("1e-7", "0.000001", Less),
        ("0.3", "0.30000000000000000000000000000000000000001", Less),
        ("1.5e300", "1e301", Less),
        ("2", "1e-100000", Greater),
    ]
};

#[test]
fn comparisons() {
    check_all(COMPARISONS.iter().map(|&(a, b, want)| {
        let (x, y) = (lit(a), lit(b));
        let got = x.cmp(&y);
        assert_eq!(y.cmp(&x), got.reverse(), "{a} vs {b} is not antisymmetric");
        assert_eq!(x == y, got.is_eq(), "{a} == {b} disagrees with cmp");
        (
            format!("{a} vs {b}"),
            format!("{want:?}"),
            format!("{got:?}"),
        )
    }));
    let sum = lit("0.1").add(&lit("0.2")).unwrap();
    assert_eq!(sum, lit("0.3"));
}

/// (operand, to_i64, to_usize, is_integer).
const CONVERSIONS: &[(&str, Option<i64>, Option<usize>, bool)] = &[
    ("42", Some(42), Some(42), true),
    ("0", Some(0), Some(0), true),
    ("-1", Some(-1), None, true),
    (
        "9223372036854775807",
        Some(i64::MAX),
        Some(i64::MAX as usize),
        true,
    ),
    ("9223372036854775808", None, None, true),
    ("-9223372036854775808", Some(i64::MIN), None, true),
    ("42.0", None, None, true),
    ("2.5", None, None, false),
    ("1e3", None, None, true),
    ("0.0", None, None, true),
    ("1.000", None, None, true),
    ("1.001", None, None, false),
    ("1e-100000", None, None, false),
];

#[test]
fn conversions() {
    for &(a, i, u, whole) in CONVERSIONS {
        let n = lit(a);
        assert_eq!(n.to_i64(), i, "to_i64({a})");
        assert_eq!(n.to_usize(), u, "to_usize({a})");
        assert_eq!(n.is_integer(), whole, "is_integer({a})");
        assert_eq!(n.is_int(), !n.is_float());
    }
}

/// (operand, mode, result), as `math.Floor` and its kin give them.
const TO_INT: &[(&str, IntRounding, &str)] = &[
    ("2.7", IntRounding::Floor, "2"),
    ("-0.5", IntRounding::Floor, "-1"),
    ("2.1", IntRounding::Ceil, "3"),
    ("-2.1", IntRounding::Ceil, "-2"),
    ("2.5", IntRounding::HalfAwayFromZero, "3"),
    ("-2.5", IntRounding::HalfAwayFromZero, "-3"),
    ("2.4999", IntRounding::HalfAwayFromZero, "2"),
    ("2.5", IntRounding::HalfEven, "2"),
    ("3.5", IntRounding::HalfEven, "4"),
    ("2.51", IntRounding::HalfEven, "3"),
    ("-2.7", IntRounding::Trunc, "-2"),
    ("267.500", IntRounding::HalfAwayFromZero, "268"),
    ("1e3", IntRounding::Floor, "1000"),
    ("1e-30", IntRounding::Ceil, "1"),
    ("-1e-30", IntRounding::Floor, "-1"),
    ("-1e-30", IntRounding::Ceil, "0"),
    (
        "12345678901234567890.5",
        IntRounding::Trunc,
        "12345678901234567890",
    ),
    ("7", IntRounding::Floor, "7"),
];

#[test]
fn to_int_rounded() {
    check_all(TO_INT.iter().map(|&(a, mode, want)| {
        let got = lit(a).to_int_rounded(mode).to_string();
        (format!("{mode:?}({a})"), want.to_string(), got)
    }));
    assert_eq!(lit("2.0").to_decimal().to_int_exact(), Some(Int::Small(2)));
    assert_eq!(lit("2.5").to_decimal().to_int_exact(), None);
}

#[test]
fn floats_from_and_to_f64() {
    let from: &[(f64, Option<&str>)] = &[
        (2f64.sqrt(), Some("1.4142135623730951")),
        (4.0, Some("4")),
        (0.1, Some("0.1")),
        (1e21, Some("1E+21")),
        (-2.5, Some("-2.5")),
        (-0.0, Some("-0")),
        (5e-324, Some("5E-324")),
        (f64::NAN, None),
        (f64::INFINITY, None),
    ];
    for &(v, want) in from {
        let got = Number::from_f64(v).map(|n| n.to_string());
        assert_eq!(got.as_deref(), want, "from_f64({v})");
    }
    let to: &[(&str, f64)] = &[
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("-7", -7.0),
        ("0.1", 0.1),
        ("1e400", f64::INFINITY),
    ];
    for &(a, want) in to {
        assert_eq!(lit(a).to_f64(), want, "to_f64({a})");
    }
}

#[test]
fn json_numbers() {
    let rows: &[(&str, &str)] = &[
        ("-12", "int -12"),
        ("0", "int 0"),
        ("-0", "int 0"),
        ("1.5e3", "float 1.5E+3"),
        ("1e5", "float 1E+5"),
        ("2.50", "float 2.50"),
        ("-0.5", "float -0.5"),
        (
            "123456789012345678901234567890",
            "int 123456789012345678901234567890",
        ),
        ("01", "error Malformed"),
        ("1.", "error Malformed"),
        (".5", "error Malformed"),
        ("1_0", "error Malformed"),
        ("0x10", "error Malformed"),
        ("+1", "error Malformed"),
        ("1e", "error Malformed"),
        ("", "error Malformed"),
        ("-", "error Malformed"),
    ];
    check_all(rows.iter().map(|&(text, want)| {
        (
            format!("{text:?}"),
            want.to_string(),
            show(Number::parse_json(text)),
        )
    }));
}

#[test]
fn display_is_the_export_spelling() {
    // Interpolation prints numbers as export does (conformance
    // interpolation/002): `"\(1 / 3)"`, `"\(1e3)"`, `"\(1Ki)"`.
    let rows: &[(Number, &str)] = &[
        (
            lit("1").div(&lit("3")).unwrap(),
            "0.3333333333333333333333333333333333",
        ),
        (lit("1e3"), "1E+3"),
        (lit("0.1").add(&lit("0.2")).unwrap(), "0.3"),
        (lit("1Ki"), "1024"),
        (lit("12345678901234567890"), "12345678901234567890"),
        (lit("3").div(&lit("2")).unwrap(), "1.5"),
        (lit("1.5"), "1.5"),
        (lit("2.0"), "2.0"),
        (lit("-16"), "-16"),
        (Number::from_i64(-3), "-3"),
        (Number::from(7usize), "7"),
    ];
    for (n, want) in rows {
        assert_eq!(n.to_string(), *want);
    }
}

#[test]
fn ints_stay_small_when_they_fit() {
    let big = lit("9223372036854775808");
    assert!(matches!(big.as_int(), Some(Int::Big(_))));
    let back = big.sub(&lit("1")).unwrap();
    assert!(matches!(back.as_int(), Some(Int::Small(i64::MAX))));
    assert!(matches!(
        Int::from_bigint(num_bigint::BigInt::from(5)),
        Int::Small(5)
    ));
}

/// Operands for the property checks: small and big, ints and floats, signs.
const SAMPLES: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "-7",
    "10",
    "255",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "123456789012345678901234567890",
    "-99999999999999999999999",
    "0.0",
    "1.0",
    "-1.5",
    "0.1",
    "2.50",
    "1e3",
    "-1e-7",
    "1.5e300",
    "3.14159265358979323846264",
    "1234567890123456789012345678901234567890.5",
    "0e5",
    "1e-100000",
    "-2.675",
];

#[test]
fn arithmetic_properties() {
    for a in SAMPLES.iter().map(|t| lit(t)) {
        for b in SAMPLES.iter().map(|t| lit(t)) {
            let ab = a.add(&b).map(|n| n.to_string());
            let ba = b.add(&a).map(|n| n.to_string());
            assert_eq!(ab, ba, "{a} + {b} commutes");
            let ab = a.mul(&b).map(|n| n.to_string());
            let ba = b.mul(&a).map(|n| n.to_string());
            assert_eq!(ab, ba, "{a} * {b} commutes");
            if let (Ok(d), Ok(e)) = (a.sub(&b), b.sub(&a)) {
                assert_eq!(d, e.neg(), "{a} - {b} is -({b} - {a})");
                assert_eq!(d.cmp(&Number::from_i64(0)), a.cmp(&b), "sign of {a} - {b}");
            }
            if let Ok(q) = a.div(&b) {
                assert!(q.is_float(), "{a} / {b} is a float");
            }
            if a.is_int() && b.is_int() {
                assert!(a.add(&b).unwrap().is_int());
                check_int_division(a.as_int().unwrap(), b.as_int().unwrap());
            }
        }
    }
}

/// x = q·y + r, with the remainder's sign and size as each pair promises.
fn check_int_division(x: &Int, y: &Int) {
    let Some((q, r)) = x.div_mod(y) else {
        assert!(y.is_zero());
        return;
    };
    assert_eq!(q.mul(y).add(&r), *x, "{x} div/mod {y}");
    assert!(!r.is_negative() && r < y.abs(), "{x} mod {y} = {r}");
    let (q, r) = x.quo_rem(y).unwrap();
    assert_eq!(q.mul(y).add(&r), *x, "{x} quo/rem {y}");
    assert!(
        r.is_zero() || r.is_negative() == x.is_negative(),
        "{x} rem {y} = {r}"
    );
    assert!(r.abs() < y.abs(), "{x} rem {y} = {r}");
}

#[test]
fn literals_never_panic() {
    // Every string of up to four characters from an alphabet of number
    // parts reads as a number or an error, as an int and as a float.
    let alphabet = [
        "0", "1", "9", "_", ".", "e", "-", "x", "b", "o", "K", "i", "F",
    ];
    let mut texts = vec![String::new()];
    for _ in 0..4 {
        let longer: Vec<String> = texts
            .iter()
            .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
            .collect();
        texts.extend(longer);
    }
    texts.sort();
    texts.dedup();
    for t in &texts {
        for is_float in [false, true] {
            if let Ok(n) = Number::parse_literal(t, is_float) {
                assert_eq!(n.is_float(), is_float, "{t:?}");
            }
        }
    }
}

#[test]
fn numbers_are_shareable() {
    fn shareable<T: Clone + std::fmt::Debug + Send + Sync>() {}
    shareable::<Number>();
    shareable::<NumberError>();
}

#[test]
fn narrowing_far_operands_changes_nothing() {
    // Sums whose operands are far apart are computed with a small stand-in
    // for the lower one; it must round exactly as the full alignment does.
    let highs = [
        "1",
        "-1",
        "9.99999",
        "1e40",
        "-123456789.5",
        "5",
        "2.5e-3",
        "99999999999999999999999999999999999",
        "1000000000000000000000000000000000000000000",
        "0.0",
        "-0e3",
        "1.0000000000000000000000000000000005",
        "1.000000000000000000000005",
        "-2.5000000000000000000000000000000005e10",
    ];
    let lows = [
        "1e-60",
        "-1e-60",
        "5e-50",
        "-5e-50",
        "4.9999e-45",
        "0e-90",
        "-0e-90",
        "123e-80",
        "9.99e-38",
        "5e-35",
        "-5e-35",
        "1e-36",
    ];
    for precision in [24, 34] {
        for h in highs {
            for l in lows {
                let (x, y) = (lit(h).to_decimal(), lit(l).to_decimal());
                for subtract in [false, true] {
                    for (a, b) in [(&x, &y), (&y, &x)] {
                        let fast = add_in(a, b, subtract, precision, true);
                        let full = add_in(a, b, subtract, precision, false);
                        let show = |r: Result<Decimal, NumberError>| {
                            r.map(|d| format!("{d} ({})", d.is_sign_negative()))
                        };
                        assert_eq!(
                            show(fast),
                            show(full),
                            "{a} {} {b} at {precision}",
                            if subtract { "-" } else { "+" }
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn error_messages() {
    // As in conformance errors/003 and the reference evaluator.
    let rows: &[(NumberError, &str)] = &[
        (
            NumberError::QuotientByZero,
            "failed arithmetic: division by zero",
        ),
        (
            NumberError::QuotientUndefined,
            "failed arithmetic: division undefined",
        ),
        (
            NumberError::ExponentOutOfRange,
            "failed arithmetic: exponent out of range",
        ),
        (NumberError::DivisionByZero, "division by zero"),
        (
            NumberError::NotAnInteger,
            "number cannot be represented as int",
        ),
        (NumberError::LeadingZero, "illegal integer number"),
        (NumberError::MisplacedSeparator, "illegal '_' in number"),
    ];
    for &(e, want) in rows {
        assert_eq!(e.cue_message(), want, "{e:?}");
        assert_eq!(e.to_string(), e.message());
    }
}
