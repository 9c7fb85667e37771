//! YAML quoting: every string a YAML 1.1 or 1.2 reader would take for
//! something else is quoted, in the style go-yaml v3 picks; everything
//! else stays plain.

use std::sync::LazyLock;

use regex::Regex;

use super::{obj, s};
use crate::export::to_yaml;

/// The text after `k: ` in the YAML of `{k: value}`.
fn written(value: &str) -> String {
    let out = to_yaml(&obj([("k", s(value))]));
    out.strip_prefix("k: ")
        .and_then(|rest| rest.strip_suffix('\n'))
        .unwrap_or(&out)
        .to_owned()
}

fn double(value: &str) -> String {
    format!("\"{value}\"")
}

fn single(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

#[test]
fn types_other_than_string_are_double_quoted() {
    let words = [
        // YAML 1.1 booleans (CUE's list) and null.
        "y",
        "Y",
        "yes",
        "Yes",
        "YES",
        "n",
        "N",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "t",
        "T",
        "f",
        "F",
        "~",
        "null",
        "Null",
        "NULL",
        // Numbers in every spelling.
        "0",
        "-0",
        "+1",
        "42",
        "017",
        "08",
        "0o17",
        "0O17",
        "0x1F",
        "0X1f",
        "0b101",
        "-0b101",
        "1_000",
        "+1_0",
        "1e3",
        "1E+3",
        "1.5e-3",
        ".5",
        "-.5",
        "+.5",
        "1.",
        "1.0",
        "-1.5E+3",
        "1_000.5",
        "1._",
        "1__0",
        "12345678901234567890123",
        "1e999",
        "0x123456789abcdef0123",
        ".inf",
        ".Inf",
        "+.INF",
        "-.inf",
        ".nan",
        ".NaN",
        ".NAN",
        ".Nan",
        // Base 60 (YAML 1.1).
        "1:20",
        "-1:20",
        "190:20:30",
        "1:20.5",
        "1_0:30",
        // Timestamps.
        "2001-12-14",
        "2001-1-2",
        "2001-12-14t21:59:43.10-05:00",
        "2001-12-14T21:59:43Z",
        "2001-12-14 21:59:43.10",
        "2001-12-14 21:59:43.10 -5",
        "2001-12-14 21:59:43,10",
        "12:30:45",
        // Merge and value keys; YAML 1.1 numbers go-yaml would not see.
        "<<",
        "=",
        "0x_",
        "0b_",
        ".5_",
        "._",
        "1_0:30.5",
        // CUE's date-time pattern also takes these.
        "---",
        "1 - 2",
        "-:-",
        // Empty.
        "",
    ];
    for word in words {
        assert_eq!(written(word), double(word), "{word:?}");
    }
}

#[test]
fn indicators_and_blanks_are_single_quoted() {
    let words = [
        "- x",
        "-",
        "? x",
        "?",
        ": x",
        ":",
        ",x",
        "[x",
        "]x",
        "{x",
        "}x",
        "#x",
        "&x",
        "*x",
        "!x",
        "|x",
        ">x",
        "'x",
        "\"x",
        "%x",
        "@x",
        "`x",
        "a: b",
        "a:",
        "a #b",
        "--- x",
        "...",
        "...x",
        " a",
        "a ",
        " ",
        "  ",
        " a b ",
        "ends with colon:",
        "key: value: more",
    ];
    for word in words {
        assert_eq!(written(word), single(word), "{word:?}");
    }
}

#[test]
fn unquotable_in_single_quotes_is_double_quoted() {
    let cases = [
        ("a\tb", "\"a\\tb\""),
        ("\tx", "\"\\tx\""),
        (" \t", "\"\u{20}\\t\""),
        ("- \u{1}", "\"- \\x01\""),
        ("# \u{7f}", "\"# \\x7F\""),
        ("'😀'", "\"'\\U0001F600'\""),
    ];
    for (input, want) in cases {
        assert_eq!(written(input), want, "{input:?}");
    }
}

#[test]
fn ordinary_strings_stay_plain() {
    let words = [
        "hello",
        "hello world",
        "a:b",
        "http://x/y?q=1&r=[2]",
        "a#b",
        "x,y",
        "x}y",
        "-x",
        "?x",
        ":x",
        "--x",
        "..x",
        "1.2.3",
        "10.0.0.1",
        "v1.2",
        "1,000",
        "_1",
        "0x",
        "0xZZ",
        "1e",
        "e3",
        "+",
        ".",
        "..",
        "-.nan",
        "yes please",
        "nulls",
        "Yes!",
        "on-call",
        "TRUE1",
        "a=b",
        "==",
        "<",
        "<<<",
        "it's",
        "quote\"inside",
        "back\\slash",
        "ghcr.io/example/notes:0.9",
        "日本語",
        "é",
        "\u{a0}",
        "a\u{a0}b",
        "a\u{a0}#b",
        "50%",
        "~x",
        "x~",
        "1 2",
        "1-a",
        "2001-12-14x",
        "1:2:x",
        "0x1G",
        "null-ish",
        "$HOME",
        "a|b",
        "a>b",
        "a!b",
        "a&b",
        "a*b",
    ];
    for word in words {
        assert_eq!(written(word), word, "{word:?}");
    }
}

/// YAML 1.1 (the types of yaml.org/type, floats as PyYAML reads them)
/// and YAML 1.2 core schema resolution, written independently of the
/// writer.
fn resolves_to_non_string(value: &str) -> bool {
    static YAML11: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
        r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
        r"|~|null|Null|NULL|",
        r"|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+",
        r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
        r"|[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?",
        r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]",
        r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*Z|[-+][0-9][0-9]?(?::[0-9][0-9])?)?",
        r"|<<|=)$",
    ))
    .unwrap()
    });
    static YAML12: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
        r"^(?:null|Null|NULL|~||true|True|TRUE|false|False|FALSE",
        r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+",
        r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    ))
    .unwrap()
    });
    YAML11.is_match(value) || YAML12.is_match(value)
}

#[test]
fn every_implicitly_typed_string_is_quoted() {
    const ALPHABET: &[char] = &[
        '0', '1', '7', '9', '+', '-', '.', '_', ':', 'e', 'x', 'b', 'o', 'E', 't', 'Z', ' ',
    ];
    let mut candidates: Vec<String> = vec![String::new()];
    let mut layer: Vec<String> = vec![String::new()];
    for _ in 0..4 {
        layer = layer
            .iter()
            .flat_map(|prefix| ALPHABET.iter().map(move |&c| format!("{prefix}{c}")))
            .collect();
        candidates.extend(layer.iter().cloned());
    }
    let stamps = [
        "2001-12-14",
        "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5",
        "2001-12-14T21:59:43Z",
        "2001-1-4 1:59:43",
        "2001-12-14\t21:59:43.10\tZ",
        "2002-12-14T01:02:03.5+01:30",
    ];
    candidates.extend(stamps.iter().map(|s| s.to_string()));
    for word in [
        "yes", "No", "ON", "off", "y", "N", "true", "FALSE", "~", "NULL", ".inf", "-.INF", ".NaN",
        "<<", "=",
    ] {
        candidates.push(word.to_string());
    }
    let mut checked = 0;
    for candidate in &candidates {
        if resolves_to_non_string(candidate) {
            checked += 1;
            let out = written(candidate);
            assert!(
                out.starts_with('"') || out.starts_with('\''),
                "{candidate:?} written as {out}"
            );
        }
    }
    assert!(checked > 1000, "only {checked} typed candidates");
}

/// The shortcut for ordinary one-line strings agrees with the analysis
/// character by character.
#[test]
fn analysis_shortcut_agrees() {
    use crate::export::yaml::{analyze, analyze_chars};
    const ALPHABET: &[char] = &[
        'a', 'Z', '0', '.', '/', '_', '-', '+', '=', '(', '$', ';', '~', '<', ' ', ':', '#', '?',
    ];
    let mut layer: Vec<String> = vec![String::new()];
    for _ in 0..4 {
        layer = layer
            .iter()
            .flat_map(|prefix| ALPHABET.iter().map(move |&c| format!("{prefix}{c}")))
            .collect();
        for word in &layer {
            assert_eq!(analyze(word), analyze_chars(word), "{word:?}");
        }
    }
    for word in ["...", "...x", "---", "-", "- a", "a -", "x...", "~", "<<"] {
        assert_eq!(analyze(word), analyze_chars(word), "{word:?}");
    }
}

proptest::proptest! {
    #[test]
    fn analysis_shortcut_agrees_on_any_text(value in "[a-z0-9 ./_+=()$^;~<:#?\\-\t\n'\"é]{0,12}") {
        use crate::export::yaml::{analyze, analyze_chars};
        proptest::prop_assert_eq!(analyze(&value), analyze_chars(&value));
    }
}
