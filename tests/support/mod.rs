//! Shared helpers of the data-driven test runners: txtar case files and
//! regeneration of expected sections with `TENON_UPDATE=1`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A txtar archive: leading comment lines, then `-- name --` sections.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Txtar {
    pub comment: String,
    pub sections: Vec<(String, String)>,
}

impl Txtar {
    pub fn parse(text: &str) -> Txtar {
        let mut archive = Txtar::default();
        let mut current: Option<(String, String)> = None;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_end_matches(['\n', '\r']);
            if let Some(name) = trimmed
                .strip_prefix("-- ")
                .and_then(|rest| rest.strip_suffix(" --"))
            {
                if let Some(section) = current.take() {
                    archive.sections.push(section);
                }
                current = Some((name.to_string(), String::new()));
                continue;
            }
            match &mut current {
                Some((_, body)) => body.push_str(line),
                None => archive.comment.push_str(line),
            }
        }
        if let Some(section) = current {
            archive.sections.push(section);
        }
        archive
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, body)| body.as_str())
    }

    /// Sets a section's body, adding the section at the end if missing.
    pub fn set(&mut self, name: &str, body: String) {
        match self.sections.iter_mut().find(|(n, _)| n == name) {
            Some(section) => section.1 = body,
            None => self.sections.push((name.to_string(), body)),
        }
    }

    pub fn remove(&mut self, name: &str) {
        self.sections.retain(|(n, _)| n != name);
    }

    pub fn render(&self) -> String {
        let mut out = self.comment.clone();
        for (name, body) in &self.sections {
            out.push_str(&format!("-- {name} --\n"));
            out.push_str(body);
            if !body.is_empty() && !body.ends_with('\n') {
                out.push('\n');
            }
        }
        out
    }
}

/// Whether expected sections are to be rewritten from actual output.
pub fn updating() -> bool {
    std::env::var_os("TENON_UPDATE").is_some_and(|v| v != "0")
}

/// Every `*.txtar` file below `dir`, sorted.
pub fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txtar") {
                found.push(path);
            }
        }
    }
    found.sort();
    // `TENON_CASES=042,208` narrows a run (and a regeneration) to the
    // cases whose file name contains one of the given strings.
    if let Ok(only) = std::env::var("TENON_CASES") {
        let wanted: Vec<&str> = only.split(',').filter(|s| !s.is_empty()).collect();
        found.retain(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            wanted.iter().any(|w| name.contains(w))
        });
    }
    found
}

/// The repository root (where the root `Cargo.toml` is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `check` on every case below `dir` (its path, archive and `in.cue`
/// source), writes each case back when updating, and reports every
/// failure at the end under the name `what`.
pub fn run_cases(
    dir: &Path,
    what: &str,
    mut check: impl FnMut(&Path, &mut Txtar, &str, &mut Failures),
) {
    let mut failures = Failures::default();
    let all = cases(dir);
    let narrowed = std::env::var_os("TENON_CASES").is_some();
    assert!(narrowed || !all.is_empty(), "no cases in {}", dir.display());
    for case in all {
        let text = std::fs::read_to_string(&case).expect("readable case");
        let mut archive = Txtar::parse(&text);
        let Some(source) = archive.get("in.cue").map(str::to_string) else {
            failures.fail(&case, "no `in.cue` section");
            continue;
        };
        check(&case, &mut archive, &source, &mut failures);
        if updating() {
            std::fs::write(&case, archive.render()).expect("writable case");
        }
    }
    failures.finish(what);
}

/// Collects failures so that a runner reports every failing case at once.
#[derive(Default)]
pub struct Failures {
    pub messages: Vec<String>,
    pub checked: usize,
}

impl Failures {
    /// Compares an expected section with actual output (or records the
    /// actual output when updating).
    pub fn expect(&mut self, case: &Path, archive: &mut Txtar, section: &str, actual: String) {
        self.checked += 1;
        if updating() {
            archive.set(section, actual);
            return;
        }
        match archive.get(section) {
            Some(expected) if expected == actual => {}
            Some(expected) => self.messages.push(format!(
                "{}: section `{section}` differs\n--- expected\n{expected}--- actual\n{actual}",
                case.display()
            )),
            None => self.messages.push(format!(
                "{}: missing section `{section}` (run with TENON_UPDATE=1)\n--- actual\n{actual}",
                case.display()
            )),
        }
    }

    pub fn fail(&mut self, case: &Path, message: impl std::fmt::Display) {
        self.messages.push(format!("{}: {message}", case.display()));
    }

    /// Panics with every failure, if any.
    pub fn finish(self, what: &str) {
        if !self.messages.is_empty() {
            panic!(
                "{} {what} failure(s):\n\n{}",
                self.messages.len(),
                self.messages.join("\n\n")
            );
        }
        eprintln!("{what}: {} checks passed", self.checked);
    }
}

/// Runs the command cases under `subdir` (see `tests/modules.rs` for the
/// sections): files written to a scratch directory, one `tenon` command
/// run there, its output compared with `stdout` and `stderr`.
pub fn command_cases(subdir: &str, what: &str) {
    use std::process::Command;
    let dir = root().join(subdir);
    let mut failures = Failures::default();
    for case in cases(&dir) {
        let text = std::fs::read_to_string(&case).expect("readable case");
        let mut archive = Txtar::parse(&text);
        let relative = case
            .strip_prefix(root())
            .unwrap_or(&case)
            .with_extension("");
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join(relative);
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
        if updating() {
            std::fs::write(&case, archive.render()).expect("writable case");
        }
    }
    failures.finish(what);
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
