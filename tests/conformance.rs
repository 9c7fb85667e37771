//! The shared CUE conformance corpus (`../shared/conformance/`), as far as
//! syntax goes: every `.cue` input of a case that must succeed parses
//! without a diagnostic, and formatting it keeps its tree and is
//! idempotent. Inputs of cases that must fail may have syntax errors, but
//! never crash the parser. Skips (with a message) when `../shared` is
//! absent.

mod support;

use std::io::Write;
use support::{cases, root, Failures, Txtar};
use tenon_diagnostics::{FileId, SourceMap};

#[test]
fn conformance_sources_parse_and_format() {
    let dir = root().join("../shared/conformance");
    if !dir.is_dir() {
        // Written to the stream directly: the test harness captures
        // `eprintln!`, and a skip must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "conformance: skipped, {} is absent",
            dir.display()
        );
        return;
    }
    let mut failures = Failures::default();
    let (mut parsed_ok, mut expected_failures) = (0, 0);
    for case in cases(&dir) {
        let text = std::fs::read_to_string(&case).expect("readable case");
        let archive = Txtar::parse(&text);
        let must_succeed = archive.get("out.json").is_some();
        for (name, source) in archive.sections.iter().filter(|(n, _)| n.ends_with(".cue")) {
            let mut sources = SourceMap::new();
            let id = sources.add(name.as_str(), source.as_str());
            let parsed = tenon_syntax::parse_file(id, source);
            if !parsed.diagnostics.is_empty() {
                if must_succeed {
                    let errors: Vec<String> = parsed
                        .diagnostics
                        .iter()
                        .map(|d| d.summary(&sources))
                        .collect();
                    failures.fail(
                        &case,
                        format!("{name} does not parse:\n{}", errors.join("\n")),
                    );
                } else {
                    expected_failures += 1;
                }
                continue;
            }
            parsed_ok += 1;
            failures.checked += 1;
            let formatted = match tenon_fmt::format_source(FileId(0), source) {
                Ok(f) => f,
                Err(d) => {
                    failures.fail(&case, format!("{name}: formatter refused: {d:?}"));
                    continue;
                }
            };
            let reparsed = tenon_syntax::parse_file(FileId(0), &formatted);
            if !reparsed.diagnostics.is_empty()
                || tenon_syntax::dump::file(&reparsed.file)
                    != tenon_syntax::dump::file(&parsed.file)
            {
                failures.fail(
                    &case,
                    format!("{name}: formatting changed the tree:\n{formatted}"),
                );
            } else if tenon_fmt::format_source(FileId(0), &formatted).as_deref()
                != Ok(formatted.as_str())
            {
                failures.fail(&case, format!("{name}: formatting is not idempotent"));
            }
        }
    }
    eprintln!(
        "conformance: {parsed_ok} inputs parse and format; {expected_failures} inputs of must-fail cases have syntax errors"
    );
    failures.finish("conformance syntax");
}
