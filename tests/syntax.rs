//! Runs the syntax corpus `tests/syntax/**/*.txtar`.
//!
//! Each case has an `in.cue` section; `tree` holds the span-free tree and
//! `errors` the diagnostics (`in.cue:LINE:COL: error[code]: message`), one
//! per line, empty when the input is valid. `TENON_UPDATE=1` rewrites them;
//! `TENON_CASES=042,208` narrows the run to matching file names.

mod support;

use support::{root, run_cases};
use tenon_diagnostics::SourceMap;

#[test]
fn syntax_corpus() {
    let dir = root().join("tests/syntax");
    run_cases(&dir, "syntax corpus", |case, archive, source, failures| {
        let mut sources = SourceMap::new();
        let id = sources.add("in.cue", source);
        let parsed = tenon_syntax::parse_file(id, source);
        let errors: String = parsed
            .diagnostics
            .iter()
            .map(|d| d.summary(&sources) + "\n")
            .collect();
        failures.expect(
            case,
            archive,
            "tree",
            tenon_syntax::dump::file(&parsed.file),
        );
        failures.expect(case, archive, "errors", errors);
    });
}
