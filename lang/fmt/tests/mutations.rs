//! Robustness: the formatter's properties over mutations of the corpus
//! inputs (`tests/fmt` and `tests/syntax` at the repository root).
//!
//! Each input is mutated one place at a time — a comment added at the end
//! of a line, on a line of its own or after punctuation, a line break
//! added at a space, a line removed, two lines joined — and every mutant
//! is parsed. Mutants with syntax errors must still format without
//! panicking; valid ones must format to text that parses to the same
//! tree, formats to itself and keeps every comment.

use std::path::{Path, PathBuf};
use tenon_syntax::{dump, parse_file, FileId};

fn corpus_inputs() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut inputs = Vec::new();
    for dir in ["tests/fmt", "tests/syntax"] {
        for (path, text) in txtar_files(&root.join(dir)) {
            if let Some(input) = section(&text, "in.cue") {
                inputs.push((path, input));
            }
        }
    }
    inputs
}

/// Every `*.txtar` file below `dir` with its text, sorted by path.
fn txtar_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txtar") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    found.push((path, text));
                }
            }
        }
    }
    found.sort();
    found
}

/// The body of a txtar section.
fn section(text: &str, name: &str) -> Option<String> {
    let header = format!("-- {name} --\n");
    let start = text.find(&header)? + header.len();
    let rest = &text[start..];
    let end = rest.find("\n-- ").map_or(rest.len(), |n| n + 1);
    Some(rest[..end].to_string())
}

fn mutants(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lines: Vec<&str> = src.split_inclusive('\n').collect();
    for i in 0..lines.len() {
        let edit = |f: &dyn Fn(&mut Vec<String>)| {
            let mut v: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            f(&mut v);
            v.concat()
        };
        out.push(edit(&|v| {
            let line = v[i].trim_end_matches(['\n', '\r']).to_string();
            let nl = &v[i][line.len()..];
            v[i] = format!("{line} // m{i}{nl}");
        }));
        out.push(edit(&|v| v.insert(i, format!("// own {i}\n"))));
        out.push(edit(&|v| v.insert(i, "\n".to_string())));
        out.push(edit(&|v| {
            v.remove(i);
        }));
        if i + 1 < lines.len() {
            out.push(edit(&|v| {
                let joined = v[i].trim_end_matches(['\n', '\r']).to_string();
                v[i] = format!("{joined} ");
            }));
        }
    }
    // At spaces, alternately a line break or a comment and a line break.
    for (i, (at, _)) in src.match_indices(' ').enumerate() {
        let insert = if i % 2 == 0 { "\n" } else { " // c\n" };
        out.push(format!("{}{insert}{}", &src[..at], &src[at + 1..]));
    }
    // After punctuation that does not end an element, a line break and a
    // comment are allowed (outside strings; others simply fail to parse).
    for (at, _) in src.match_indices(['{', '[', '(', ',', ':', '&', '|', '=']) {
        out.push(format!("{} // p\n{}", &src[..=at], &src[at + 1..]));
        out.push(format!("{}\n// q\n{}", &src[..=at], &src[at + 1..]));
    }
    out
}

/// Checks one mutant; returns whether it was valid (and so fully checked).
fn check(src: &str) -> Result<bool, String> {
    // A parser panic is the parser's bug (logged for its owner), not the
    // formatter's: such mutants are skipped.
    let Ok(parsed) = std::panic::catch_unwind(|| parse_file(FileId::new(0), src)) else {
        return Ok(false);
    };
    let once = std::panic::catch_unwind(|| tenon_fmt::format_file(&parsed.file, src))
        .map_err(|_| "the formatter panicked".to_string())?;
    if parsed.diagnostics.iter().any(|d| d.is_error()) {
        return Ok(false);
    }
    let reparsed = parse_file(FileId::new(0), &once);
    if let Some(d) = reparsed.diagnostics.iter().find(|d| d.is_error()) {
        return Err(format!("output does not parse: {d:?}\n--- output\n{once}"));
    }
    if dump::file(&parsed.file) != dump::file(&reparsed.file) {
        return Err(format!("tree changed\n--- output\n{once}"));
    }
    let twice = tenon_fmt::format_file(&reparsed.file, &once);
    if twice != once {
        return Err(format!(
            "not idempotent\n--- once\n{once}--- twice\n{twice}"
        ));
    }
    let texts = |f: &tenon_syntax::ast::File| {
        let mut t: Vec<String> = f
            .comments
            .iter()
            .map(|c| c.text.trim_end().to_string())
            .collect();
        t.sort();
        t
    };
    if texts(&parsed.file) != texts(&reparsed.file) {
        return Err(format!("comments changed\n--- output\n{once}"));
    }
    Ok(true)
}

#[test]
fn mutated_corpus_keeps_properties() {
    run(corpus_inputs(), 60);
}

/// The same over the `.cue` sections of the shared CUE conformance corpus
/// (`../shared/conformance` next to the repository), when it is present;
/// slow, so run on demand: `cargo test -p tenon-fmt -- --ignored`.
#[test]
#[ignore]
fn mutated_conformance_corpus_keeps_properties() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance");
    if !dir.is_dir() {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "skipped: {} is absent", dir.display());
        return;
    }
    let mut inputs = Vec::new();
    for (path, text) in txtar_files(&dir) {
        let names = text
            .lines()
            .filter_map(|l| l.strip_prefix("-- ")?.strip_suffix(" --"))
            .filter(|n| n.ends_with(".cue"));
        for name in names {
            if let Some(input) = section(&text, name) {
                inputs.push((path.clone(), input));
            }
        }
    }
    run(inputs, usize::MAX);
}

/// A fixed scrambling of `0, 1, 2, …` (splitmix64's finaliser).
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Mutates the valid inputs (mutants of invalid ones seldom parse), at
/// most about `per_input` mutants of each.
fn run(inputs: Vec<(PathBuf, String)>, per_input: usize) {
    std::panic::set_hook(Box::new(|_| {}));
    let inputs = inputs.into_iter().filter(|(_, input)| {
        std::panic::catch_unwind(|| parse_file(FileId::new(0), input))
            .is_ok_and(|p| !p.diagnostics.iter().any(|d| d.is_error()))
    });
    let mut failures = Vec::new();
    let (mut checked, mut valid) = (0, 0);
    for (path, input) in inputs {
        let all = mutants(&input);
        // Large inputs are sampled (deterministically, mixing the kinds of
        // mutation) to bound the run time.
        let keep = all.len().div_ceil(per_input).max(1) as u64;
        let sampled = all.into_iter().enumerate();
        for (_, mutant) in sampled.filter(|(i, _)| mix(*i as u64) % keep == 0) {
            checked += 1;
            match check(&mutant) {
                Ok(ok) => valid += usize::from(ok),
                Err(message) => {
                    failures.push(format!("{}:\n--- input\n{mutant}{message}", path.display()))
                }
            }
        }
    }
    // Back to the default hook, which prints the report below.
    drop(std::panic::take_hook());
    if !failures.is_empty() {
        panic!(
            "{} of {checked} mutants failed:\n\n{}",
            failures.len(),
            failures[..failures.len().min(8)].join("\n\n")
        );
    }
    eprintln!("{checked} mutants, {valid} of them valid and fully checked");
}
