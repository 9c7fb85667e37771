//! Runs the data corpus `tests/data/*.txtar`: JSON and YAML files read
//! into the syntax tree (`tenon_syntax::parse_json`, `parse_yaml`).
//!
//! Each case has one input section, `in.json` or `in.yaml`; `tree` holds
//! the span-free tree and `diagnostics` the diagnostics
//! (`in.yaml:LINE:COL: error[code]: message`), one per line, empty when
//! the input is valid. A case with `diagnostics` but no `tree` checks
//! only the diagnostics. A case may also have `spans`: every node with the
//! line and column where it starts and ends. `TENON_UPDATE=1` rewrites
//! the expected sections; `TENON_CASES=042,208` narrows the run.
//!
//! Every case, and the random inputs of the property tests below, must
//! also keep the tree's invariants: spans inside the text and on
//! character boundaries, numbers spelled as the CUE lexer reads them.

mod support;

use proptest::prelude::*;
use support::{cases, root, updating, Failures, Txtar};
use tenon_diagnostics::SourceMap;
use tenon_syntax::ast::*;
use tenon_syntax::{dump, parse_json, parse_yaml, FileId, ParsedFile, Tok};

type Reader = fn(FileId, &str) -> ParsedFile;

#[test]
fn data_corpus() {
    let dir = root().join("tests/data");
    let mut failures = Failures::default();
    let all = cases(&dir);
    assert!(
        std::env::var_os("TENON_CASES").is_some() || !all.is_empty(),
        "no cases in {}",
        dir.display()
    );
    for case in all {
        let text = std::fs::read_to_string(&case).expect("readable case");
        let mut archive = Txtar::parse(&text);
        let inputs: [(&str, Reader); 2] = [("in.json", parse_json), ("in.yaml", parse_yaml)];
        let Some((name, source, read)) = inputs
            .iter()
            .find_map(|&(name, read)| Some((name, archive.get(name)?.to_string(), read)))
        else {
            failures.fail(&case, "no `in.json` or `in.yaml` section");
            continue;
        };
        let mut sources = SourceMap::new();
        let id = sources.add(name, source.as_str());
        let parsed = read(id, &source);
        if let Err(problem) = check_invariants(&parsed, id, &source) {
            failures.fail(&case, problem);
        }
        let diagnostics: String = parsed
            .diagnostics
            .iter()
            .map(|d| d.summary(&sources) + "\n")
            .collect();
        // A case with `diagnostics` and no `tree` checks only the former
        // (the tree of an alias bomb is too large to read).
        if archive.get("tree").is_some() || archive.get("diagnostics").is_none() {
            failures.expect(&case, &mut archive, "tree", dump::file(&parsed.file));
        }
        failures.expect(&case, &mut archive, "diagnostics", diagnostics);
        if archive.get("spans").is_some() {
            let spans = Spans::print(&parsed.file, &sources);
            failures.expect(&case, &mut archive, "spans", spans);
        }
        if updating() {
            std::fs::write(&case, archive.render()).expect("writable case");
        }
    }
    failures.finish("data corpus");
}

/// Every node's span lies in the file, on character boundaries; every
/// number literal is one token of its kind for the CUE lexer.
fn check_invariants(parsed: &ParsedFile, id: FileId, src: &str) -> Result<(), String> {
    let mut problems = Vec::new();
    let mut check = |span: Span, what: &str| {
        let ok = span.file == id
            && span.start <= span.end
            && (span.end as usize) <= src.len()
            && src.is_char_boundary(span.start as usize)
            && src.is_char_boundary(span.end as usize);
        if !ok {
            problems.push(format!("bad span {span:?} of {what}"));
        }
    };
    let mut numbers = Vec::new();
    walk_file(&parsed.file, &mut |node| {
        check(node.span, node.kind);
        if let Some(n) = node.number {
            numbers.push(n.clone());
        }
    });
    for d in &parsed.diagnostics {
        check(d.span(), "a diagnostic");
    }
    for n in numbers {
        let (tokens, _, diagnostics) = tenon_syntax::tokenize(FileId::new(0), &n.text);
        let want = match n.kind {
            NumberKind::Int => Tok::Int,
            NumberKind::Float => Tok::Float,
        };
        let real: Vec<_> = tokens.iter().filter(|t| t.1 != Tok::Comma).collect();
        let ok = diagnostics.is_empty()
            && real.len() == 1
            && real[0].1 == want
            && (real[0].0, real[0].2) == (0, n.text.len());
        if !ok {
            problems.push(format!(
                "number `{}` is not a CUE {:?} literal",
                n.text, n.kind
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// A node as the walker shows it.
struct Node<'a> {
    kind: &'static str,
    span: Span,
    depth: usize,
    number: Option<&'a NumberLit>,
}

fn walk_file<'a>(file: &'a File, f: &mut dyn FnMut(Node<'a>)) {
    for decl in &file.decls {
        walk_decl(decl, 0, f);
    }
}

fn walk_decl<'a>(decl: &'a Decl, depth: usize, f: &mut dyn FnMut(Node<'a>)) {
    let node = |kind, span| Node {
        kind,
        span,
        depth,
        number: None,
    };
    match decl {
        Decl::Field(field) => {
            f(node("field", field.span));
            f(Node {
                depth: depth + 1,
                ..node("label", field.label.span)
            });
            walk_expr(&field.value, depth + 1, f);
        }
        Decl::Embed(e) => {
            f(node("embed", e.span()));
            walk_expr(e, depth + 1, f);
        }
        other => f(node("other", other.span())),
    }
}

fn walk_expr<'a>(expr: &'a Expr, depth: usize, f: &mut dyn FnMut(Node<'a>)) {
    let node = |kind, span| Node {
        kind,
        span,
        depth,
        number: None,
    };
    match expr {
        Expr::Struct(s) => {
            f(node("struct", s.span));
            for decl in &s.decls {
                walk_decl(decl, depth + 1, f);
            }
        }
        Expr::List(l) => {
            f(node("list", l.span));
            for elem in &l.elems {
                match elem {
                    ListElem::Expr(e) => walk_expr(e, depth + 1, f),
                    other => f(Node {
                        depth: depth + 1,
                        ..node("other", other.span())
                    }),
                }
            }
        }
        Expr::Number(n) => f(Node {
            number: Some(n),
            ..node("number", n.span)
        }),
        Expr::Unary(u) => {
            f(node("unary", u.span));
            walk_expr(&u.operand, depth + 1, f);
        }
        Expr::Binary(b) => {
            f(node("binary", b.span));
            walk_expr(&b.lhs, depth + 1, f);
            walk_expr(&b.rhs, depth + 1, f);
        }
        Expr::String(s) => f(node("string", s.span)),
        Expr::Null(s) => f(node("null", *s)),
        Expr::Bool(_, s) => f(node("bool", *s)),
        Expr::Ident(i) => f(node("ident", i.span)),
        Expr::Error(s) => f(node("error", *s)),
        other => f(node("other", other.span())),
    }
}

/// The `spans` section: each node with `LINE:COL-LINE:COL`.
struct Spans;

impl Spans {
    fn print(file: &File, sources: &SourceMap) -> String {
        let source = sources.file(file.id);
        let mut out = String::new();
        walk_file(file, &mut |node| {
            let start = source.line_col(node.span.start);
            let end = source.line_col(node.span.end);
            out.push_str(&format!(
                "{}{} {}:{}-{}:{}\n",
                "  ".repeat(node.depth),
                node.kind,
                start.line,
                start.column,
                end.line,
                end.column
            ));
        });
        out
    }
}

/// Pieces of JSON and YAML that the generator strings together.
const VOCABULARY: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    ": ",
    "\n",
    "\n  ",
    "\n    ",
    " ",
    "\t",
    "- ",
    "? ",
    "---\n",
    "...\n",
    "#c\n",
    "\"s\"",
    "\"\\u00e9\"",
    "\"\\ud83d\"",
    "\"\\ud83d\\ude00\"",
    "\"\\q\"",
    "'q'",
    "'it''s'",
    "a",
    "b",
    "<<",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "!!int ",
    "!!float ",
    "!!str ",
    "!!bool ",
    "!!binary ",
    "!!null ",
    "!x ",
    "! ",
    "|\n  t\n",
    ">-\n  t\n",
    "0",
    "1",
    "-1",
    "+1",
    "0x1F",
    "0o17",
    "017",
    "0128",
    "1_000",
    "1.5",
    ".5",
    "1e3",
    "1e400",
    ".inf",
    "-.inf",
    ".nan",
    "true",
    "yes",
    "null",
    "~",
    "2001-12-14",
    "\u{e9}",
    "\u{feff}",
    "%YAML 1.2\n",
    "%TAG !e! tag:e.com:\n",
    "\"",
    "\\",
    "/",
    "//",
    "\r\n",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCABULARY), 0..60).prop_map(|v| v.concat())
}

fn check_both(text: &str) -> Result<(), TestCaseError> {
    let readers: [(&str, Reader); 2] = [("json", parse_json), ("yaml", parse_yaml)];
    for (what, read) in readers {
        let parsed = read(FileId::new(3), text);
        let _ = dump::file(&parsed.file);
        check_invariants(&parsed, FileId::new(3), text)
            .map_err(|e| TestCaseError::fail(format!("{what}: {e}\ninput: {text:?}")))?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check_both(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn random_fragments_never_panic(text in fragments()) {
        check_both(&text)?;
    }
}

/// Input far beyond the nesting limit is refused with one diagnostic,
/// without overflowing a stack.
#[test]
fn extreme_nesting_is_refused() {
    let depth = 200_000;
    let inputs = [
        "[".repeat(depth),
        "{\"a\":".repeat(depth),
        "- ".repeat(depth),
        (0..2000)
            .map(|i| format!("{}a:\n", " ".repeat(i)))
            .collect::<String>(),
    ];
    for (i, text) in inputs.iter().enumerate() {
        for read in [parse_json as Reader, parse_yaml] {
            let parsed = read(FileId::new(0), text);
            let deep = parsed
                .diagnostics
                .iter()
                .filter(|d| d.code == "too-deep")
                .count();
            // JSON rejects the YAML-only inputs for their syntax.
            assert!(deep <= 1, "input {i}: {deep} too-deep errors");
            assert!(!parsed.diagnostics.is_empty(), "input {i}: no error");
        }
    }
}

/// "Billion laughs": each level aliases the one before nine times. The
/// expansion stops at the limit, quickly.
#[test]
fn alias_bomb_stays_small() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    let started = std::time::Instant::now();
    let parsed = parse_yaml(FileId::new(0), &text);
    assert!(started.elapsed().as_secs() < 10, "too slow");
    let codes: Vec<_> = parsed.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["alias-too-large"]);
}

/// The nesting limit's boundary, as for CUE source: 500 arrays or block
/// sequences one inside the other are read, 501 are not; YAML flow
/// collections stop at 255 (the YAML reader's own limit).
#[test]
fn nesting_limit_boundary() {
    let deep = |parsed: ParsedFile| -> Vec<&'static str> {
        parsed.diagnostics.iter().map(|d| d.code).collect()
    };
    let json = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let block = |n: usize| format!("{}x\n", "- ".repeat(n));
    assert_eq!(
        deep(parse_json(FileId::new(0), &json(500))),
        [] as [&str; 0]
    );
    assert_eq!(deep(parse_json(FileId::new(0), &json(501))), ["too-deep"]);
    assert_eq!(
        deep(parse_yaml(FileId::new(0), &block(500))),
        [] as [&str; 0]
    );
    assert_eq!(deep(parse_yaml(FileId::new(0), &block(501))), ["too-deep"]);
    assert_eq!(
        deep(parse_yaml(FileId::new(0), &json(255))),
        [] as [&str; 0]
    );
    assert_eq!(deep(parse_yaml(FileId::new(0), &json(256))), ["too-deep"]);
}
