//! Robustness: random bytes and random token streams go through the lexer,
//! the parser and the formatter without a panic or a hang, and deeply
//! nested input is refused with a diagnostic instead of overflowing a
//! stack. The number of cases is fixed so the run time is predictable.

use proptest::prelude::*;
use tenon_diagnostics::{render_all, FileId, RenderOptions, SourceMap};
use tenon_syntax::{dump, parse_file, MAX_NESTING};

/// Token texts the generator strings together.
const VOCABULARY: &[&str] = &[
    "a",
    "b",
    "#D",
    "_h",
    "_#hd",
    "$p",
    "_",
    "package",
    "import",
    "for",
    "in",
    "if",
    "let",
    "true",
    "false",
    "null",
    "int",
    "string",
    "len",
    "0",
    "1",
    "0x1F",
    "1_000",
    "1.5",
    ".5",
    "1e3",
    "2Ki",
    "07",
    "\"s\"",
    "\"\\(a)\"",
    "\"x\\(",
    ")\"",
    "'b'",
    "#\"r\"#",
    "\"\"\"\n\tx\n\t\"\"\"",
    "\"\\q\"",
    "@attr(x)",
    "@a(",
    "_|_",
    ",",
    ":",
    "?",
    "!",
    "=",
    ".",
    "...",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "|",
    "&",
    "||",
    "&&",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "=~",
    "!~",
    "+",
    "-",
    "*",
    "/",
    "\n",
    "\n\n",
    "// c\n",
    "%",
    "\"",
    "'''",
    "\\",
];

fn token_stream() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(VOCABULARY),
            prop::sample::select(&[" ", "", "\n", "\t"][..]),
        ),
        0..120,
    )
    .prop_map(|tokens| {
        tokens
            .into_iter()
            .flat_map(|(t, sep)| [t, sep])
            .collect::<String>()
    })
}

/// Parses, and for error-free input checks that formatting keeps the tree,
/// parses again and is idempotent.
fn check(src: &str) {
    let mut sources = SourceMap::new();
    let id = sources.add("input.cue", src);
    let parsed = parse_file(id, src);
    // Rendering reads the source through every span: it must not panic.
    let _ = render_all(&parsed.diagnostics, &sources, RenderOptions::default());
    if !parsed.diagnostics.is_empty() {
        assert!(tenon_fmt::format_source(FileId::new(0), src).is_err());
        return;
    }
    let formatted = match tenon_fmt::format_source(FileId::new(0), src) {
        Ok(f) => f,
        Err(d) => panic!("error-free input refused by the formatter: {d:?}\n{src}"),
    };
    let reparsed = parse_file(FileId::new(0), &formatted);
    assert!(
        reparsed.diagnostics.is_empty(),
        "formatted output does not parse: {:?}\n--- input\n{src}\n--- formatted\n{formatted}",
        reparsed.diagnostics
    );
    assert_eq!(
        dump::file(&parsed.file),
        dump::file(&reparsed.file),
        "formatting changed the tree\n--- input\n{src}\n--- formatted\n{formatted}"
    );
    let again = tenon_fmt::format_source(FileId::new(0), &formatted).expect("formats");
    assert_eq!(
        formatted, again,
        "formatting is not idempotent\n--- input\n{src}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let src = String::from_utf8_lossy(&bytes);
        check(&src);
    }

    #[test]
    fn random_token_streams(src in token_stream()) {
        check(&src);
    }
}

/// Inputs far deeper than the limit, in every shape that nests the tree.
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let n = 100_000;
    let shapes = [
        format!("a: {}", "[".repeat(n)),
        format!("a: {}1{}", "(".repeat(n), ")".repeat(n)),
        format!("a: {}", "{b: ".repeat(n)),
        format!("a: 1{}", " + 1".repeat(n)),
        format!("a: {}1", "-".repeat(n)),
        format!("a: x{}", ".y".repeat(n)),
        format!("a: f{}", "()".repeat(n)),
        format!("{}1", "a: ".repeat(n)),
        format!("a: \"{}", "\\(\"".repeat(n)),
        // Commas must not reset the levels their brackets opened.
        format!("a: {}{}", "[0,".repeat(n), "]".repeat(n)),
        format!("a: {}", "{b: 0, c: ".repeat(n)),
    ];
    for src in &shapes {
        let parsed = parse_file(FileId::new(0), src);
        let codes: Vec<_> = parsed.diagnostics.iter().map(|d| d.code).collect();
        assert!(
            codes.contains(&"too-deep"),
            "expected a too-deep error for {}…, got {codes:?}",
            &src[..40]
        );
        assert!(tenon_fmt::format_source(FileId::new(0), src).is_err());
    }
}

/// Nesting just under the limit is accepted and formats.
#[test]
fn nesting_below_the_limit_parses() {
    let depth = MAX_NESTING - 2;
    let src = format!("a: {}1{}\n", "[".repeat(depth), "]".repeat(depth));
    let parsed = parse_file(FileId::new(0), &src);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    check(&src);
}

/// A raw string's `#` delimiter is kept in two bytes: more than
/// `u16::MAX` of them is an error at the delimiter, and a string with
/// exactly that many still reads.
#[test]
fn raw_string_delimiters_have_a_limit() {
    let most = "#".repeat(usize::from(u16::MAX));
    let src = format!("a: {most}\"x\"{most}\n");
    let parsed = parse_file(FileId::new(0), &src);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);

    let too_many = "#".repeat(usize::from(u16::MAX) + 1);
    let src = format!("a: {too_many}\"x\"{too_many}\n");
    let parsed = parse_file(FileId::new(0), &src);
    let errors: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == "too-many-hashes")
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", parsed.diagnostics);
    assert_eq!(errors[0].span().start, 3);
    assert_eq!(errors[0].span().end as usize, 3 + too_many.len());
    check(&src);
}

/// Inputs that once took quadratic time finish (and report) promptly; the
/// run time is watched by the suite's total, not asserted.
#[test]
fn long_runs_of_bad_tokens_are_linear() {
    let n = 200_000;
    let shapes = [
        format!("a: {}", "%".repeat(n)),
        format!("a: {{{}}}", "]".repeat(n)),
    ];
    for src in &shapes {
        let parsed = parse_file(FileId::new(0), src);
        assert!(!parsed.diagnostics.is_empty());
        assert!(
            parsed.diagnostics.len() < 10,
            "{} diagnostics",
            parsed.diagnostics.len()
        );
    }
}

/// Many lines, each with a lexical error followed by a parse error, and
/// many lines continued by operators: merging and explaining the errors
/// stays linear in the number of lines.
#[test]
fn many_errors_on_many_lines_are_linear() {
    let lines = 10_000;
    let src: String = (0..lines)
        .map(|i| format!("a{i}: 07 x\nb{i}: 1 +\n: 2\n"))
        .collect();
    let parsed = parse_file(FileId::new(0), &src);
    let invalid = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == "invalid-number")
        .count();
    assert_eq!(invalid, lines);
}
