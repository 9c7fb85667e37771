//! Generates the parser from `src/grammar.lalrpop`, then patches one
//! pattern of the generated code (see `skip_symbol_drops`).

use std::path::Path;

/// Grammar symbol types that are `Copy`: popping them off the parser's
/// stack needs no drop of the symbol left behind.
const COPY_SYMBOL_TYPES: &[&str] = &[
    "Tok",
    "StringKind",
    "usize",
    "BinaryOp",
    "UnaryOp",
    "FieldConstraint",
    "Marker",
    "&'static str",
    "Option<Tok>",
];

fn main() {
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .emit_rerun_directives(true)
        .process()
        .expect("the grammar compiles");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let generated = Path::new(&out_dir).join("grammar.rs");
    let text = std::fs::read_to_string(&generated).expect("lalrpop wrote the parser");
    let patched = skip_symbol_drops(&text);
    if patched == text {
        // A LALRPOP whose output no longer has the pattern: the parser is
        // as correct, only slower. Say so rather than lose it unseen.
        println!(
            "cargo:warning=tenon-syntax: LALRPOP's symbol pops were not patched (see build.rs)"
        );
    } else {
        std::fs::write(&generated, patched).expect("the parser can be rewritten");
    }
}

/// LALRPOP pops a symbol with `match symbols.pop() { Some((l,
/// Symbol::VariantN(v), r)) => (l, v, r), _ => mismatch() }`. When `v`'s
/// type has no drop glue, the compiler still drops the popped symbol
/// afterwards, through an out-of-line call of the symbol enum's drop glue
/// (one call per popped token: about 3% of a parse). Matching on the
/// symbol inside a `ManuallyDrop` copies `v` out and drops nothing (a
/// symbol of the wrong type would leak, but that is a bug that panics).
/// Each parser module (one per public nonterminal) numbers its variants
/// itself, so each is patched with its own enum's numbering.
fn skip_symbol_drops(text: &str) -> String {
    const ENUM: &str = "enum __Symbol<>";
    let mut parts = text.split(ENUM);
    let mut out = parts.next().unwrap_or_default().to_string();
    for part in parts {
        out.push_str(ENUM);
        let body_end = part.find('}').unwrap_or(0);
        let mut patched = part.to_string();
        for line in part[..body_end].lines() {
            let Some((variant, ty)) = line.trim().trim_end_matches(',').split_once('(') else {
                continue;
            };
            let ty = ty.trim_end_matches(')');
            if !COPY_SYMBOL_TYPES.contains(&ty) {
                continue;
            }
            let pop = format!(
                "match __symbols.pop() {{\n            Some((__l, __Symbol::{variant}(__v), __r))"
            );
            let copied = format!("match *core::mem::ManuallyDrop::new(__symbols.pop()) {{\n            Some((__l, __Symbol::{variant}(__v), __r))");
            patched = patched.replace(&pop, &copied);
        }
        out.push_str(&patched);
    }
    out
}
