//! After `validate_values` found no error, `to_data` and `is_concrete`
//! check a value while writing it instead of walking it for errors first.
//! That shortcut must agree with the full check: over every program of
//! the evaluation corpus (`tests/eval`), each top-level value exports the
//! same data, fails the same way, and is concrete alike, with and without
//! the validation before.

use std::path::Path;
use tenon_eval::builtin::Builtins;
use tenon_eval::{Evaluation, Module};

/// The `in.cue` section of a corpus case, when it has only that file.
fn single_input(text: &str) -> Option<String> {
    let mut sections = text.split("\n-- ").skip(1);
    let first = sections.next()?;
    let (name, body) = first.split_once(" --\n")?;
    let others_are_outputs = sections.all(|s| {
        let name = s.split(' ').next().unwrap_or("");
        !name.ends_with(".cue") && !name.ends_with(".json") && !name.ends_with(".yaml")
            || name.starts_with("out")
    });
    (name == "in.cue" && others_are_outputs).then(|| body.to_string())
}

/// Each top-level value's export (`Ok` data or the error messages) and
/// whether it is concrete.
fn exports(evaluation: &mut Evaluation) -> Vec<(String, Result<String, Vec<String>>, bool)> {
    let top = evaluation.top();
    let mut results = Vec::new();
    for (name, value) in evaluation.fields(top) {
        let concrete = evaluation.is_concrete(value);
        let data = evaluation
            .to_data(value)
            .map(|d| format!("{d:?}"))
            .map_err(|errors| errors.into_iter().map(|e| e.message).collect());
        results.push((name, data, concrete));
    }
    results
}

#[test]
fn checked_export_agrees_with_the_full_check() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/eval");
    let mut entries: Vec<_> = std::fs::read_dir(&corpus)
        .expect("the evaluation corpus is in the repository")
        .map(|e| e.expect("readable entry").path())
        .collect();
    entries.sort();
    let mut compared = 0;
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("readable case");
        let Some(source) = single_input(&text) else {
            continue;
        };
        let Ok(module) = Module::from_sources(&[&source], Builtins::NONE) else {
            continue;
        };
        let mut checked = module.evaluate();
        if checked.validate_values().is_err() {
            continue;
        }
        let fast = exports(&mut checked);
        let full = exports(&mut module.evaluate());
        assert_eq!(fast, full, "{}", path.display());
        compared += 1;
    }
    assert!(compared > 100, "only {compared} cases compared");
}
