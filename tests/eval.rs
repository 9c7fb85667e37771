//! Runs the evaluation corpus `tests/eval/**/*.txtar`, and the builtin
//! packages' corpus `tests/builtins/<package>/*.txtar` (same format).
//!
//! Each case has one or more `.cue` input sections (evaluated together, in
//! order), an optional `expr` section (like `tenon export -e`), and either
//! `out.json` (the exported value) or `errors` (one line per diagnostic:
//! `in.cue:LINE:COL: error[code]: path: message`, then one indented
//! `at FILE:LINE:COL` line per further position). `TENON_UPDATE=1`
//! rewrites the expected section; `TENON_CASES=...` narrows the run.
//!
//! Cases listed in `tests/eval-failures.txt` are known to fail (each with
//! the reason): they must still fail, and the list must name no case that
//! passes, so it shrinks as the evaluator is fixed. They are never
//! rewritten by `TENON_UPDATE=1`.

mod support;

use support::{root, run_cases};
use tenon_diagnostics::{Diagnostic, SourceMap};
use tenon_eval::export::JsonWriter;
use tenon_eval::Module;

/// The names (file stems) of the cases known to fail.
fn known_failures() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("tests/eval-failures.txt")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn eval_corpus() {
    let dir = root().join("tests/eval");
    let known = known_failures();
    run_cases(&dir, "eval corpus", |case, archive, source, failures| {
        let stem = case
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if known.iter().any(|k| k == stem) {
            let mut scratch = support::Failures::default();
            let before = archive.clone();
            if support::updating() {
                return;
            }
            check_case(case, archive, source, &mut scratch);
            *archive = before;
            if scratch.messages.is_empty() {
                failures.fail(
                    case,
                    "passes but is listed in tests/eval-failures.txt: remove it",
                );
            }
            return;
        }
        check_case(case, archive, source, failures);
    });
}

#[test]
fn builtins_corpus() {
    let dir = root().join("tests/builtins");
    run_cases(
        &dir,
        "builtin packages corpus",
        |case, archive, source, failures| {
            check_case(case, archive, source, failures);
        },
    );
}

fn check_case(
    case: &std::path::Path,
    archive: &mut support::Txtar,
    _source: &str,
    failures: &mut support::Failures,
) {
    {
        let mut sources = SourceMap::new();
        let mut files = Vec::new();
        let mut diagnostics = Vec::new();
        for (name, text) in archive.sections.iter().filter(|(n, _)| n.ends_with(".cue")) {
            let id = sources.add(name.as_str(), text.as_str());
            let parsed = tenon_syntax::parse_file(id, text);
            diagnostics.extend(parsed.diagnostics);
            files.push(parsed.file);
        }
        let expr = archive.get("expr").map(|text| {
            let text = text.trim().to_string();
            let id = sources.add("expr", text.as_str());
            let parsed = tenon_syntax::parse_expr(id, &text);
            diagnostics.extend(parsed.diagnostics);
            parsed.expr
        });
        let refs: Vec<_> = files.iter().collect();
        let outcome = if diagnostics.is_empty() {
            let (module, compile_errors) = match &expr {
                Some(e) => Module::compile_with_expr(&refs, e, tenon_stdlib::BUILTINS),
                None => Module::compile(&refs, tenon_stdlib::BUILTINS),
            };
            if compile_errors.is_empty() {
                let mut writer = JsonWriter::export();
                module
                    .evaluate()
                    .export(&mut writer)
                    .map(|()| writer.finish())
            } else {
                Err(compile_errors)
            }
        } else {
            Err(diagnostics)
        };
        match outcome {
            Ok(json) => {
                if archive.get("errors").is_some() && !support::updating() {
                    failures.fail(case, format!("expected errors, got a value:\n{json}"));
                } else {
                    failures.expect(case, archive, "out.json", json);
                }
            }
            Err(diagnostics) => {
                if archive.get("out.json").is_some() && !support::updating() {
                    let text = render(&diagnostics, &sources);
                    failures.fail(case, format!("expected a value, got errors:\n{text}"));
                } else {
                    failures.expect(case, archive, "errors", render(&diagnostics, &sources));
                }
            }
        }
    }
}

fn render(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out += &d.summary(sources);
        out.push('\n');
        for label in &d.secondary {
            out += &format!("    at {}\n", sources.location(label.span));
        }
    }
    out
}
