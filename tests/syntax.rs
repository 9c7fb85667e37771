//! Runs the syntax corpus `tests/syntax/**/*.txtar`.
//!
//! Each case has an `in.cue` section; `tree` holds the span-free tree and
//! `errors` the diagnostics (`in.cue:LINE:COL: error[code]: message`), one
//! per line, empty when the input is valid. `TENON_UPDATE=1` rewrites them;
//! `TENON_CASES=042,208` narrows the run to matching file names.

mod support;

use support::{cases, root, updating, Failures, Txtar};
use tenon_diagnostics::SourceMap;

#[test]
fn syntax_corpus() {
    let dir = root().join("tests/syntax");
    let mut failures = Failures::default();
    let all = cases(&dir);
    assert!(!all.is_empty(), "no cases in {}", dir.display());
    for case in all {
        let text = std::fs::read_to_string(&case).expect("readable case");
        let mut archive = Txtar::parse(&text);
        let Some(source) = archive.get("in.cue").map(str::to_string) else {
            failures.fail(&case, "no `in.cue` section");
            continue;
        };
        let mut sources = SourceMap::new();
        let id = sources.add("in.cue", source.clone());
        let parsed = tenon_syntax::parse_file(id, &source);
        let errors: String = parsed
            .diagnostics
            .iter()
            .map(|d| d.summary(&sources) + "\n")
            .collect();
        failures.expect(
            &case,
            &mut archive,
            "tree",
            tenon_syntax::dump::file(&parsed.file),
        );
        failures.expect(&case, &mut archive, "errors", errors);
        if updating() {
            std::fs::write(&case, archive.render()).expect("writable case");
        }
    }
    failures.finish("syntax corpus");
}
