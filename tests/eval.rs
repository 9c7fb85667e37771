//! Runs the evaluation corpus `tests/eval/**/*.txtar`.
//!
//! Each case has one or more `.cue` input sections (evaluated together, in
//! order), an optional `expr` section (like `tenon export -e`), and either
//! `out.json` (the exported value) or `errors` (one line per diagnostic:
//! `in.cue:LINE:COL: error[code]: path: message`, then one indented
//! `at FILE:LINE:COL` line per further position). `TENON_UPDATE=1`
//! rewrites the expected section; `TENON_CASES=...` narrows the run.

mod support;

use support::{root, run_cases};
use tenon_diagnostics::{Diagnostic, SourceMap};
use tenon_eval::export::JsonWriter;
use tenon_eval::Module;

#[test]
fn eval_corpus() {
    let dir = root().join("tests/eval");
    run_cases(&dir, "eval corpus", |case, archive, _source, failures| {
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
                Some(e) => Module::compile_with_expr(&refs, e),
                None => Module::compile(&refs),
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
    });
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
