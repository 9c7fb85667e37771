//! Runs the formatter corpus `tests/fmt/*.txtar` and checks the
//! formatter's properties over it and over the syntax corpus.
//!
//! Each case has an `in.cue` section and a `fmt` section holding the
//! expected output (`TENON_UPDATE=1` rewrites it). For every case, and for
//! every `in.cue` of `tests/syntax/*.txtar` whose `errors` section is
//! empty, the formatted text must parse without errors to the same tree
//! (spans aside), format to itself, keep every comment, end with exactly
//! one newline and have no trailing whitespace outside multi-line strings.

mod support;

use std::path::Path;
use support::{cases, root, run_cases, Failures, Txtar};
use tenon_diagnostics::{FileId, SourceMap};
use tenon_syntax::{dump, parse_file};

#[test]
fn fmt_corpus() {
    run_cases(
        &root().join("tests/fmt"),
        "fmt corpus",
        |case, archive, source, failures| match tenon_fmt::format_source(FileId::new(0), source) {
            Ok(formatted) => {
                failures.expect(case, archive, "fmt", formatted);
                check_properties(case, source, failures);
            }
            Err(diagnostics) => failures.fail(
                case,
                format!("syntax errors:\n{}", summaries(source, &diagnostics)),
            ),
        },
    );
}

#[test]
fn fmt_properties_over_syntax_corpus() {
    let mut failures = Failures::default();
    for case in cases(&root().join("tests/syntax")) {
        let text = std::fs::read_to_string(&case).expect("readable case");
        let archive = Txtar::parse(&text);
        let (Some(source), Some(errors)) = (archive.get("in.cue"), archive.get("errors")) else {
            continue;
        };
        if errors.trim().is_empty() && !has_errors(source) {
            check_properties(&case, source, &mut failures);
        }
    }
    failures.finish("fmt properties over the syntax corpus");
}

fn has_errors(source: &str) -> bool {
    parse_file(FileId::new(0), source)
        .diagnostics
        .iter()
        .any(|d| d.is_error())
}

fn summaries(source: &str, diagnostics: &[tenon_diagnostics::Diagnostic]) -> String {
    let mut sources = SourceMap::new();
    sources.add("in.cue", source.to_string());
    diagnostics
        .iter()
        .map(|d| d.summary(&sources) + "\n")
        .collect()
}

/// The formatter's properties for one valid input.
fn check_properties(case: &Path, source: &str, failures: &mut Failures) {
    failures.checked += 1;
    let parsed = parse_file(FileId::new(0), source);
    let once = tenon_fmt::format_file(&parsed.file, source);
    let reparsed = parse_file(FileId::new(0), &once);
    if reparsed.diagnostics.iter().any(|d| d.is_error()) {
        let errors = summaries(&once, &reparsed.diagnostics);
        failures.fail(
            case,
            format!("formatted text does not parse:\n{errors}--- formatted\n{once}"),
        );
        return;
    }
    let (before, after) = (dump::file(&parsed.file), dump::file(&reparsed.file));
    if before != after {
        failures.fail(
            case,
            format!("tree changed\n--- input tree\n{before}--- formatted tree\n{after}--- formatted\n{once}"),
        );
    }
    let twice = tenon_fmt::format_file(&reparsed.file, &once);
    if twice != once {
        failures.fail(
            case,
            format!("not idempotent\n--- once\n{once}--- twice\n{twice}"),
        );
    }
    let texts = |comments: &[tenon_syntax::ast::Comment]| {
        let mut t: Vec<String> = comments
            .iter()
            .map(|c| c.text.trim_end().to_string())
            .collect();
        t.sort();
        t
    };
    if texts(&parsed.file.comments) != texts(&reparsed.file.comments) {
        failures.fail(case, format!("comments changed\n--- formatted\n{once}"));
    }
    if !once.is_empty() && (!once.ends_with('\n') || once.ends_with("\n\n")) {
        failures.fail(case, "output does not end with exactly one newline");
    }
    let multiline_strings = once.contains("\"\"\"") || once.contains("'''");
    let trailing = once.lines().any(|l| l.ends_with([' ', '\t', '\r']));
    if trailing && !multiline_strings {
        failures.fail(case, format!("trailing whitespace\n--- formatted\n{once}"));
    }
}
