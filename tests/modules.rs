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

use std::path::Path;
use std::process::Command;
use support::{cases, root, Failures, Txtar};

#[test]
fn module_cases() {
    let dir = root().join("tests/modules");
    let mut failures = Failures::default();
    for case in cases(&dir) {
        let text = std::fs::read_to_string(&case).expect("readable case");
        let mut archive = Txtar::parse(&text);
        let stem = case.file_stem().and_then(|s| s.to_str()).unwrap_or("case");
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("modules")
            .join(stem);
        let _ = std::fs::remove_dir_all(&scratch);
        std::fs::create_dir_all(&scratch).expect("scratch dir");
        let mut args = Vec::new();
        for (name, body) in &archive.sections {
            if name == "cmd" {
                args = body.split_whitespace().map(str::to_string).collect();
            } else if let Some(link) = name.strip_prefix("link:") {
                make_link(&scratch.join(body.trim()), &scratch.join(link));
            } else if name != "stdout" && name != "stderr" {
                let path = scratch.join(name);
                std::fs::create_dir_all(path.parent().expect("parent")).expect("dirs");
                std::fs::write(&path, body).expect("write case file");
            }
        }
        let out = Command::new(env!("CARGO_BIN_EXE_tenon"))
            .args(&args)
            .current_dir(&scratch)
            .output()
            .expect("tenon runs");
        let root_text = scratch.display().to_string();
        let clean = |bytes: &[u8]| String::from_utf8_lossy(bytes).replace(&root_text, "$ROOT");
        failures.expect(&case, &mut archive, "stdout", clean(&out.stdout));
        failures.expect(&case, &mut archive, "stderr", clean(&out.stderr));
        if support::updating() {
            std::fs::write(&case, archive.render()).expect("writable case");
        }
    }
    failures.finish("module cases");
}

#[cfg(unix)]
fn make_link(target: &Path, link: &Path) {
    std::fs::create_dir_all(link.parent().expect("parent")).expect("dirs");
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

#[cfg(not(unix))]
fn make_link(target: &Path, link: &Path) {
    let _ = (target, link);
}
