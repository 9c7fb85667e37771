//! Go's parse errors and the translation of Go specifics.

use super::*;

fn error(pattern: &str) -> String {
    translate(pattern)
        .map(|t| t.pattern)
        .unwrap_err()
        .to_string()
}

fn rust(pattern: &str) -> String {
    let out = translate(pattern)
        .map(|t| t.pattern)
        .unwrap_or_else(|e| e.to_string());
    assert!(
        regex::Regex::new(&out).is_ok(),
        "{pattern} -> {out} does not compile"
    );
    out
}

#[test]
fn errors_are_gos() {
    let cases = [
        ("[a-z", "missing closing ]: `[a-z`"),
        ("a(b", "missing closing ): `a(b`"),
        ("a)b", "unexpected ): `a)b`"),
        ("a**", "invalid nested repetition operator: `**`"),
        ("a*?*", "invalid nested repetition operator: `*?*`"),
        ("a{2}{3}", "invalid nested repetition operator: `{2}{3}`"),
        ("*", "missing argument to repetition operator: `*`"),
        ("(|*)", "missing argument to repetition operator: `*`"),
        ("{2}", "missing argument to repetition operator: `{2}`"),
        ("a{1001}", "invalid repeat count: `{1001}`"),
        ("a{2,1}", "invalid repeat count: `{2,1}`"),
        ("(a{500}){3}", "invalid repeat count: `{3}`"),
        ("[z-a]", "invalid character class range: `z-a`"),
        ("[[:foo:]]", "invalid character class range: `[:foo:]`"),
        (r"\pX", r"invalid character class range: `\pX`"),
        (r"\p{greek}", r"invalid character class range: `\p{greek}`"),
        (r"\8", r"invalid escape sequence: `\8`"),
        (r"\1", r"invalid escape sequence: `\1`"),
        (r"\C", r"invalid escape sequence: `\C`"),
        (r"\xZ1", r"invalid escape sequence: `\xZ1`"),
        (r"\x{12", r"invalid escape sequence: `\x{12`"),
        ("a\\", "trailing backslash at end of expression: ``"),
        ("(?x)", "invalid or unsupported Perl syntax: `(?x`"),
        ("(?i-)", "invalid or unsupported Perl syntax: `(?i-)`"),
        ("(?P=n)", "invalid or unsupported Perl syntax: `(?P`"),
        ("(?P<a-b>x)", "invalid named capture: `(?P<a-b>`"),
        ("(?<n", "invalid named capture: `(?<n`"),
    ];
    for (pattern, want) in cases {
        assert_eq!(
            error(pattern),
            format!("error parsing regexp: {want}"),
            "{pattern}"
        );
    }
}

#[test]
fn translates_go_specifics() {
    assert_eq!(rust(r"\d\w\s"), r"[0-9][0-9A-Za-z_][\t\n\x0C\r ]");
    assert_eq!(rust(r"[\d\D]"), r"[0-9[^0-9]]");
    assert_eq!(rust(r"\b"), r"(?-u:\b)");
    assert_eq!(rust(r"\101\x41\x{41}"), "AAA");
    assert_eq!(rust(r"\Q.*\E+"), r"\.\*+");
    assert_eq!(rust("a{,5}"), r"a\{\,5\}");
    assert_eq!(rust("a(?i)*"), "a*");
    assert_eq!(rust("(?i)a|(?ii-s:b)"), "(?i)a|(?i-s:b)");
    assert_eq!(rust("^*$"), "(?:^)*(?:$)");
    assert_eq!(rust(r"\p{Greek}\PL\p{^Lu}"), r"\p{sc=Greek}\P{L}\P{Lu}");
    assert_eq!(rust("[]a]"), r"[\x{5D}\x{61}]");
    let t = translate("(?P<1a>x)(y)(?<n>z)")
        .map(|t| t.names)
        .unwrap_or_default();
    assert_eq!(t, vec![None, Some("1a".into()), None, Some("n".into())]);
}

/// Patterns made of Go's metacharacters either fail with a Go error or
/// translate into a pattern the `regex` crate compiles: the translation
/// never produces what the crate rejects, and never panics.
#[test]
fn random_patterns_translate_into_valid_patterns() {
    let pieces = [
        "(",
        ")",
        "[",
        "]",
        "\\",
        "{",
        "}",
        ",",
        "1",
        "2",
        "a",
        "*",
        "+",
        "?",
        "^",
        "$",
        "|",
        "\\p",
        "\\P",
        "{L}",
        "\\d",
        "\\x",
        "\\Q",
        "\\E",
        "[:alpha:]",
        ":",
        "-",
        "(?",
        "P<n>",
        "<",
        ">",
        "i",
        "s",
        "U",
        "é",
        "\\b",
        "\\z",
        "0",
        "\\1",
        "\\0",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..5_000 {
        let mut pattern = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 8) as usize + 1;
        for i in 0..len {
            let pick = (seed >> (i * 5)) as usize % pieces.len();
            pattern.push_str(pieces[pick]);
        }
        if let Ok(t) = translate(&pattern) {
            if let Err(e) = regex::Regex::new(&t.pattern) {
                let text = e.to_string();
                assert!(
                    text.contains("size limit") || text.contains("nest"),
                    "{pattern} -> {} does not compile: {text}",
                    t.pattern
                );
            }
        }
    }
}
