//! The shared CUE conformance corpus (`../shared/conformance/`), as far as
//! syntax goes: every `.cue` input of a case that must succeed parses
//! without a diagnostic, and formatting it keeps its tree and is
//! idempotent. Inputs of cases that must fail may have syntax errors, but
//! never crash the parser. Skips (with a message) when `../shared` is
//! absent.

mod support;

use std::io::Write;
use support::{cases, root, Failures, Txtar};
use tenon_diagnostics::{FileId, SourceMap};

#[test]
fn conformance_sources_parse_and_format() {
    let dir = root().join("../shared/conformance");
    if !dir.is_dir() {
        // Written to the stream directly: the test harness captures
        // `eprintln!`, and a skip must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "conformance: skipped, {} is absent",
            dir.display()
        );
        return;
    }
    let mut failures = Failures::default();
    let (mut parsed_ok, mut expected_failures) = (0, 0);
    for case in cases(&dir) {
        let text = std::fs::read_to_string(&case).expect("readable case");
        let archive = Txtar::parse(&text);
        let must_succeed = archive.get("out.json").is_some();
        for (name, source) in archive.sections.iter().filter(|(n, _)| n.ends_with(".cue")) {
            let mut sources = SourceMap::new();
            let id = sources.add(name.as_str(), source.as_str());
            let parsed = tenon_syntax::parse_file(id, source);
            if !parsed.diagnostics.is_empty() {
                if must_succeed {
                    let errors: Vec<String> = parsed
                        .diagnostics
                        .iter()
                        .map(|d| d.summary(&sources))
                        .collect();
                    failures.fail(
                        &case,
                        format!("{name} does not parse:\n{}", errors.join("\n")),
                    );
                } else {
                    expected_failures += 1;
                }
                continue;
            }
            parsed_ok += 1;
            failures.checked += 1;
            let formatted = match tenon_fmt::format_source(FileId::new(0), source) {
                Ok(f) => f,
                Err(d) => {
                    failures.fail(&case, format!("{name}: formatter refused: {d:?}"));
                    continue;
                }
            };
            let reparsed = tenon_syntax::parse_file(FileId::new(0), &formatted);
            if !reparsed.diagnostics.is_empty()
                || tenon_syntax::dump::file(&reparsed.file)
                    != tenon_syntax::dump::file(&parsed.file)
            {
                failures.fail(
                    &case,
                    format!("{name}: formatting changed the tree:\n{formatted}"),
                );
            } else if tenon_fmt::format_source(FileId::new(0), &formatted).as_deref()
                != Ok(formatted.as_str())
            {
                failures.fail(&case, format!("{name}: formatting is not idempotent"));
            }
        }
    }
    eprintln!(
        "conformance: {parsed_ok} inputs parse and format; {expected_failures} inputs of must-fail cases have syntax errors"
    );
    failures.finish("conformance syntax");
}

/// Evaluates every case of the corpus in-process: a case that must succeed
/// passes when the exported JSON equals cue's (numbers by value and kind,
/// keys in any order); a case that must fail passes when evaluation
/// reports an error. Cases listed in `tests/conformance-failures.txt` are
/// known to fail (with the reason there); the test fails when another
/// case fails, or when a listed case passes (so the list stays honest).
#[test]
fn conformance_evaluation() {
    let dir = root().join("../shared/conformance");
    if !dir.is_dir() {
        let _ = writeln!(
            std::io::stderr(),
            "conformance evaluation: skipped, {} is absent",
            dir.display()
        );
        return;
    }
    let known_text = std::fs::read_to_string(root().join("tests/conformance-failures.txt"))
        .expect("tests/conformance-failures.txt");
    let known: Vec<&str> = known_text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    let (mut passed, mut total) = (0, 0);
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    for case in cases(&dir) {
        let name = case
            .strip_prefix(&dir)
            .expect("case below the corpus")
            .with_extension("")
            .display()
            .to_string();
        let archive = Txtar::parse(&std::fs::read_to_string(&case).expect("readable case"));
        total += 1;
        let outcome = conformance::run_case(&archive);
        let ok = match (&outcome, archive.get("out.json")) {
            (Ok(json), Some(expected)) => conformance::same_json(json, expected),
            (Err(_), None) => true,
            _ => false,
        };
        if ok {
            passed += 1;
        }
        match (ok, known.contains(&name.as_str())) {
            (false, false) => unexpected.push(format!(
                "{name}: {}",
                match outcome {
                    Ok(json) => format!("got\n{json}"),
                    Err(e) => format!("errors:\n{e}"),
                }
            )),
            (true, true) => fixed.push(name),
            _ => {}
        }
    }
    let _ = writeln!(
        std::io::stderr(),
        "conformance evaluation: {passed} of {total} cases pass ({:.1}%)",
        100.0 * passed as f64 / total as f64
    );
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "{} unexpected failure(s):\n{}\n\n{} listed in tests/conformance-failures.txt now pass (remove them): {}",
        unexpected.len(),
        unexpected.join("\n\n"),
        fixed.len(),
        fixed.join(", ")
    );
}

mod conformance {
    use super::support::Txtar;
    use tenon_diagnostics::SourceMap;
    use tenon_eval::export::JsonWriter;
    use tenon_eval::num::Number;
    use tenon_eval::Module;

    /// Runs a case's command (`cue export [-e EXPR] FILES…`) in-process.
    pub fn run_case(archive: &Txtar) -> Result<String, String> {
        let (expr, names) = command(archive);
        let mut sources = SourceMap::new();
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for name in &names {
            let Some(text) = archive.get(name) else {
                return Err(format!("no section {name}"));
            };
            let id = sources.add(name.as_str(), text);
            let parsed = if name.ends_with(".json") {
                tenon_syntax::parse_json(id, text)
            } else if name.ends_with(".yaml") || name.ends_with(".yml") {
                tenon_syntax::parse_yaml(id, text)
            } else {
                tenon_syntax::parse_file(id, text)
            };
            errors.extend(parsed.diagnostics);
            files.push(parsed.file);
        }
        let expr = expr.map(|text| {
            let id = sources.add("expr", text.as_str());
            let parsed = tenon_syntax::parse_expr(id, &text);
            errors.extend(parsed.diagnostics);
            parsed.expr
        });
        let summaries = |d: &[tenon_diagnostics::Diagnostic], s: &SourceMap| {
            d.iter().map(|d| d.summary(s) + "\n").collect::<String>()
        };
        if !errors.is_empty() {
            return Err(summaries(&errors, &sources));
        }
        let refs: Vec<_> = files.iter().collect();
        let (module, compile_errors) = match &expr {
            Some(e) => Module::compile_with_expr(&refs, e, tenon_stdlib::BUILTINS),
            None => Module::compile(&refs, tenon_stdlib::BUILTINS),
        };
        if !compile_errors.is_empty() {
            return Err(summaries(&compile_errors, &sources));
        }
        let mut writer = JsonWriter::export();
        match module.evaluate().export(&mut writer) {
            Ok(()) => Ok(writer.finish()),
            Err(errors) => Err(summaries(&errors, &sources)),
        }
    }

    /// The `-e` expression and the input files of a case.
    fn command(archive: &Txtar) -> (Option<String>, Vec<String>) {
        let line = archive
            .comment
            .lines()
            .find_map(|l| l.strip_prefix("# cmd: cue export"));
        let Some(line) = line else {
            return (None, vec!["in.cue".to_string()]);
        };
        let mut words = Vec::new();
        let mut current = String::new();
        let mut quote = None;
        for c in line.chars() {
            match (quote, c) {
                (None, '\'' | '"') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, c) if c.is_whitespace() => {
                    if !current.is_empty() {
                        words.push(std::mem::take(&mut current));
                    }
                }
                _ => current.push(c),
            }
        }
        if !current.is_empty() {
            words.push(current);
        }
        let mut expr = None;
        let mut files = Vec::new();
        let mut words = words.into_iter();
        while let Some(word) = words.next() {
            if word == "-e" {
                expr = words.next();
            } else {
                files.push(word);
            }
        }
        (expr, files)
    }

    /// JSON equality as the corpus's `check.py` sees it: keys in any
    /// order, numbers by exact value and kind (int or float).
    pub fn same_json(actual: &str, expected: &str) -> bool {
        match (Json::parse(actual), Json::parse(expected)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }

    #[derive(Debug)]
    enum Json {
        Null,
        Bool(bool),
        Number(Number),
        String(String),
        List(Vec<Json>),
        Object(Vec<(String, Json)>),
    }

    impl PartialEq for Json {
        fn eq(&self, other: &Json) -> bool {
            match (self, other) {
                (Json::Null, Json::Null) => true,
                (Json::Bool(a), Json::Bool(b)) => a == b,
                (Json::Number(a), Json::Number(b)) => a.is_int() == b.is_int() && a == b,
                (Json::String(a), Json::String(b)) => a == b,
                (Json::List(a), Json::List(b)) => a == b,
                (Json::Object(a), Json::Object(b)) => {
                    a.len() == b.len()
                        && a.iter()
                            .all(|(k, v)| b.iter().any(|(k2, v2)| k == k2 && v == v2))
                }
                _ => false,
            }
        }
    }

    impl Json {
        /// Reads JSON through the CUE parser: a JSON document is a CUE
        /// expression, and its tree keeps number spellings.
        fn parse(text: &str) -> Option<Json> {
            let parsed = tenon_syntax::parse_expr(tenon_diagnostics::FileId::new(0), text.trim());
            if !parsed.diagnostics.is_empty() {
                return None;
            }
            Json::from_expr(&parsed.expr)
        }

        fn from_expr(expr: &tenon_syntax::ast::Expr) -> Option<Json> {
            use tenon_syntax::ast::{Decl, Expr, LabelName, ListElem, NumberKind, UnaryOp};
            Some(match expr {
                Expr::Null(_) => Json::Null,
                Expr::Bool(b, _) => Json::Bool(*b),
                Expr::Number(n) => {
                    Json::Number(Number::parse_literal(&n.text, n.kind == NumberKind::Float).ok()?)
                }
                Expr::Unary(u) if u.op == UnaryOp::Neg => match Json::from_expr(&u.operand)? {
                    Json::Number(n) => Json::Number(n.neg()),
                    _ => return None,
                },
                Expr::String(s) => Json::String(s.value.to_text().into_owned()),
                Expr::List(l) => Json::List(
                    l.elems
                        .iter()
                        .map(|e| match e {
                            ListElem::Expr(e) => Json::from_expr(e),
                            _ => None,
                        })
                        .collect::<Option<_>>()?,
                ),
                Expr::Struct(s) => Json::Object(
                    s.decls
                        .iter()
                        .map(|d| match d {
                            Decl::Field(f) => {
                                let LabelName::String(Expr::String(key)) = &f.label.name else {
                                    return None;
                                };
                                Some((key.value.to_text().into_owned(), Json::from_expr(&f.value)?))
                            }
                            _ => None,
                        })
                        .collect::<Option<_>>()?,
                ),
                _ => return None,
            })
        }
    }
}
