//! The public API: refusal of invalid input, trivial files, deep input.

use tenon_fmt::{format_file, format_source};
use tenon_syntax::{parse_file, FileId};

#[test]
fn refuses_syntax_errors() {
    let errors = format_source(FileId::new(0), "a: {\nb: 1\n").expect_err("unclosed brace");
    assert!(errors.iter().any(|d| d.is_error()));
}

#[test]
fn empty_and_blank_files_format_to_nothing() {
    assert_eq!(format_source(FileId::new(0), ""), Ok(String::new()));
    assert_eq!(
        format_source(FileId::new(0), "\n \n\t\n"),
        Ok(String::new())
    );
}

#[test]
fn formats_a_small_file() {
    let out = format_source(FileId::new(0), "package p\na:1\nbcd:  {x:1}\n");
    assert_eq!(out, Ok("package p\n\na:   1\nbcd: {x: 1}\n".to_string()));
}

#[test]
fn trees_with_errors_format_without_panicking() {
    for src in [
        "a: {",
        "a: [1, , 2]",
        "a: \"x\\(y",
        "a: b: c:",
        "import (",
        "@",
        "a: 1 +\nb: 2",
    ] {
        let parsed = parse_file(FileId::new(0), src);
        let _ = format_file(&parsed.file, src);
    }
}

/// Input as deep as the parser accepts formats on a test thread's stack.
#[test]
fn deep_input() {
    let depth = 480;
    let structs = format!("a: {}1{}\n", "{b: ".repeat(depth), "}".repeat(depth));
    let lists = format!("a: {}1{}\n", "[".repeat(depth), "]".repeat(depth));
    let parens = format!("a: {}1{}\n", "(".repeat(depth), ")".repeat(depth));
    let ops = format!("a: 1{}\n", " & x".repeat(900));
    let multi = format!("a: {}1{}\n", "{\nb: ".repeat(depth), "\n}".repeat(depth));
    for src in [structs, lists, parens, ops, multi] {
        let parsed = parse_file(FileId::new(0), &src);
        assert!(
            parsed.diagnostics.is_empty(),
            "{:?}",
            parsed.diagnostics.first()
        );
        let out = format_file(&parsed.file, &src);
        let again = parse_file(FileId::new(0), &out);
        assert!(again.diagnostics.is_empty());
        assert_eq!(format_file(&again.file, &out), out);
    }
}
