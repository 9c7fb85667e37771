//! The `tenon` command line end to end: exit codes, what goes to stdout
//! and stderr, `fmt --check`, `fmt -`, and diagnostics rendering.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn tenon(args: &[&str], dir: &Path, stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tenon"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tenon runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("writes stdin");
    }
    child.wait_with_output().expect("tenon finishes")
}

/// A fresh scratch directory under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn fmt_check_lists_unformatted_files_and_fails() {
    let dir = scratch("fmt-check");
    std::fs::write(dir.join("ugly.cue"), "a:   1\nb:{c:2}\n").expect("write");
    std::fs::write(dir.join("fine.cue"), "a: 1\n").expect("write");
    let out = tenon(&["fmt", "--check", "."], &dir, None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "./ugly.cue\n");
    // --check writes nothing.
    let ugly = std::fs::read_to_string(dir.join("ugly.cue")).expect("read");
    assert_eq!(ugly, "a:   1\nb:{c:2}\n");
}

#[test]
fn fmt_rewrites_in_place_then_check_passes() {
    let dir = scratch("fmt-write");
    std::fs::write(dir.join("x.cue"), "a:   1\nbb: 2\n").expect("write");
    let out = tenon(&["fmt", "x.cue"], &dir, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let formatted = std::fs::read_to_string(dir.join("x.cue")).expect("read");
    assert_eq!(formatted, "a:  1\nbb: 2\n");
    let again = tenon(&["fmt", "--check", "x.cue"], &dir, None);
    assert!(again.status.success());
    assert_eq!(text(&again.stdout), "");
}

#[test]
fn fmt_reads_stdin_with_dash() {
    let dir = scratch("fmt-stdin");
    let out = tenon(&["fmt", "-"], &dir, Some("x: {a:1,b:2}\n"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "x: {a: 1, b: 2}\n");
}

#[test]
fn fmt_refuses_a_file_with_syntax_errors() {
    let dir = scratch("fmt-error");
    std::fs::write(dir.join("bad.cue"), "a: [1, 2\nb: 3\n").expect("write");
    let out = tenon(&["fmt", "bad.cue"], &dir, None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("unexpected-token"), "{stderr}");
    assert!(stderr.contains("bad.cue:2:2"), "{stderr}");
    // The file is left as it was.
    let kept = std::fs::read_to_string(dir.join("bad.cue")).expect("read");
    assert_eq!(kept, "a: [1, 2\nb: 3\n");
}

#[test]
fn parse_reports_every_error_without_colour_when_piped() {
    let dir = scratch("parse-errors");
    std::fs::write(dir.join("two.cue"), "a: \"\\q\"\nb: 07\nc: 3\n").expect("write");
    let out = tenon(&["parse", "two.cue"], &dir, None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("unknown escape sequence `\\q`"), "{stderr}");
    assert!(stderr.contains("invalid number literal `07`"), "{stderr}");
    assert!(stderr.contains("two.cue:1:5"), "{stderr}");
    assert!(stderr.contains("two.cue:2:4"), "{stderr}");
    assert!(stderr.contains("2 errors in 1 file(s)"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "no ANSI colour when not a terminal"
    );
}

#[test]
fn parse_tree_prints_the_tree() {
    let dir = scratch("parse-tree");
    std::fs::write(dir.join("t.cue"), "a: 1\n").expect("write");
    let out = tenon(&["parse", "--tree", "t.cue"], &dir, None);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "# t.cue\nfield\n  label a\n  int 1\n");
}

#[test]
fn a_missing_path_is_an_error_not_a_panic() {
    let dir = scratch("missing");
    let out = tenon(&["parse", "nope.cue"], &dir, None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("tenon: nope.cue:"));
}

#[test]
fn the_examples_parse_and_are_formatted() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = tenon(&["parse", "examples"], &root, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let check = tenon(&["fmt", "--check", "examples"], &root, None);
    assert!(
        check.status.success(),
        "unformatted: {}",
        text(&check.stdout)
    );
}

#[cfg(unix)]
#[test]
fn directory_walks_do_not_follow_symbolic_links() {
    let dir = scratch("symlinks");
    std::fs::create_dir_all(dir.join("d")).expect("mkdir");
    std::fs::write(dir.join("d/x.cue"), "a: 1\n").expect("write");
    std::os::unix::fs::symlink("..", dir.join("d/loop")).expect("symlink");
    let out = tenon(&["parse", "."], &dir, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("1 file(s) parsed"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn many_errors_are_counted_not_all_shown() {
    let dir = scratch("many-errors");
    let src: String = (0..120).map(|i| format!("a{i}: 0{i}9\n")).collect();
    std::fs::write(dir.join("m.cue"), src).expect("write");
    let out = tenon(&["parse", "m.cue"], &dir, None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("… and 70 more errors not shown"),
        "{stderr}"
    );
    assert!(stderr.contains("120 errors in 1 file(s)"), "{stderr}");
}

/// The main job of the README: rendering the example applications. The
/// expected YAML is `tests/cli/render.yaml` (`TENON_UPDATE=1` rewrites it).
#[test]
fn the_example_applications_render() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = tenon(
        &[
            "export",
            "-e",
            "manifests",
            "--out",
            "yaml",
            "examples/render",
        ],
        &root,
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let expected_path = root.join("tests/cli/render.yaml");
    if std::env::var_os("TENON_UPDATE").is_some() {
        std::fs::write(&expected_path, &out.stdout).expect("writable");
    }
    let expected = std::fs::read_to_string(expected_path).expect("tests/cli/render.yaml");
    assert_eq!(text(&out.stdout), expected);
}

#[test]
fn export_reports_conflicts_with_their_path_and_fails() {
    let dir = scratch("export-conflict");
    std::fs::write(dir.join("a.cue"), "a: int\na: \"x\"\n").expect("write");
    let out = tenon(&["export", "a.cue"], &dir, None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("a: conflicting values"), "{stderr}");
    assert!(stderr.contains("a.cue:1:4"), "{stderr}");
    assert!(stderr.contains("and here"), "{stderr}");
}

#[test]
fn eval_prints_values_that_are_not_concrete() {
    let dir = scratch("eval-incomplete");
    std::fs::write(dir.join("a.cue"), "a: int & >1\nb: *\"x\" | string\n").expect("write");
    let out = tenon(&["eval", "a.cue"], &dir, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "a: int & >1\nb: *\"x\" | string\n");
}

#[test]
fn vet_checks_each_data_file_against_a_definition() {
    let dir = scratch("vet");
    std::fs::write(
        dir.join("schema.cue"),
        "#Config: {\n\tname: string\n\treplicas: int & >=1 & <=10\n}\n",
    )
    .expect("write");
    std::fs::write(dir.join("good.yaml"), "name: web\nreplicas: 3\n").expect("write");
    std::fs::write(dir.join("bad.yaml"), "name: web\nreplicas: 30\nextra: 1\n").expect("write");
    let good = tenon(
        &["vet", "-d", "#Config", "schema.cue", "good.yaml"],
        &dir,
        None,
    );
    assert!(good.status.success(), "{}", text(&good.stderr));
    let bad = tenon(
        &[
            "vet",
            "-d",
            "#Config",
            "schema.cue",
            "good.yaml",
            "bad.yaml",
        ],
        &dir,
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    let stderr = text(&bad.stderr);
    assert!(
        stderr.contains("replicas: invalid value 30 (out of bound <=10)"),
        "{stderr}"
    );
    assert!(stderr.contains("bad.yaml:2:11"), "{stderr}");
    assert!(stderr.contains("extra: field not allowed"), "{stderr}");
    assert!(stderr.contains("1 of 2 data file(s) failed"), "{stderr}");
}
