//! Module loading end to end (`tests/modules/*.txtar`): each case is a
//! directory tree written to a scratch directory, then one `tenon`
//! command run in it.
//!
//! Sections: `cmd` (the arguments, one line), one section per file
//! (`cue.mod/module.cue`, `lib/a.cue`, …), `link:PATH` for a symbolic
//! link at PATH whose target (the body, relative to the scratch
//! directory) may lie outside the module, and the expected `stdout` and
//! `stderr` (the scratch directory written as `$ROOT`). `TENON_UPDATE=1`
//! rewrites the expected sections.

mod support;

#[test]
fn module_cases() {
    support::command_cases("tests/modules", "module cases");
}
