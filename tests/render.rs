//! Rendering end to end (`tests/render/**/*.txtar`): applications and
//! definitions written to a scratch directory, then `tenon render` (or
//! `tenon def …`) run there; see `tests/modules.rs` for the sections.
//! Every built-in definition has cases here: one rendering it, one with
//! the error a user most likely makes. `TENON_UPDATE=1` rewrites the
//! expected sections.

mod support;

#[test]
fn render_cases() {
    support::command_cases("tests/render", "render cases");
}
