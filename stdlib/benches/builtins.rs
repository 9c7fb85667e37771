//! Benchmarks of the builtins definitions call once or more per
//! component: `strconv.FormatInt`, `strings.*`, `json.Marshal` and
//! `yaml.Marshal`. Each program calls one builtin `CALLS` times (a list
//! comprehension over generated data); it is compiled once and evaluated
//! and exported in the loop, so a sample is one evaluation. `baseline`
//! is the same comprehension without a call: the cost of the call is the
//! difference.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::fmt::Write;
use tenon_diagnostics::FileId;
use tenon_eval::export::JsonWriter;
use tenon_eval::Module;

/// Builtin calls per evaluation.
const CALLS: usize = 1000;

/// The data every program reads: `ints` (0…CALLS-1) and `names`
/// (component-like names with dashes and capitals).
fn data() -> String {
    let mut out = String::from("ints: [");
    for i in 0..CALLS {
        let _ = write!(out, "{i}, ");
    }
    out.push_str("]\nnames: [");
    for i in 0..CALLS {
        let _ = write!(out, "\"Web-Server-{i}-Eu\", ");
    }
    out.push_str("]\n");
    out
}

/// The benchmarks: name, import, and the expression of one list element
/// (`x` an int, `s` a name).
const PROGRAMS: &[(&str, &str, &str)] = &[
    ("baseline", "", "for x in ints {x}"),
    (
        "strconv.FormatInt",
        "strconv",
        "for x in ints {strconv.FormatInt(x, 16)}",
    ),
    (
        "strings.ToLower",
        "strings",
        "for s in names {strings.ToLower(s)}",
    ),
    (
        "strings.Split",
        "strings",
        r#"for s in names {strings.Split(s, "-")}"#,
    ),
    (
        "strings.Join",
        "strings",
        r#"for s in names {strings.Join(["app", s, "v1"], "-")}"#,
    ),
    (
        "strings.Replace",
        "strings",
        r#"for s in names {strings.Replace(s, "-", "_", -1)}"#,
    ),
    (
        "strings.HasPrefix",
        "strings",
        r#"for s in names {strings.HasPrefix(s, "Web-")}"#,
    ),
    (
        "json.Marshal",
        "encoding/json",
        r#"for x in ints {json.Marshal({name: "web-\(x)", port: x, labels: {app: "web", tier: "front"}, args: ["--port", "\(x)"]})}"#,
    ),
    (
        "yaml.Marshal",
        "encoding/yaml",
        r#"for x in ints {yaml.Marshal({name: "web-\(x)", port: x, labels: {app: "web", tier: "front"}, args: ["--port", "\(x)"]})}"#,
    ),
];

fn compile(import: &str, element: &str, data: &str) -> Module {
    let mut source = String::new();
    if !import.is_empty() {
        let _ = writeln!(source, "import \"{import}\"");
    }
    let _ = writeln!(source, "{data}out: [{element}]");
    let parsed = tenon_syntax::parse_file(FileId::new(0), &source);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let (module, diagnostics) = Module::compile(&[&parsed.file], tenon_stdlib::BUILTINS);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    module
}

fn export(module: &Module) -> usize {
    let mut writer = JsonWriter::export();
    module.evaluate().export(&mut writer).expect("exports");
    writer.finish().len()
}

fn bench_builtins(c: &mut Criterion) {
    let data = data();
    let mut group = c.benchmark_group("builtins");
    group.sample_size(20);
    group.throughput(Throughput::Elements(CALLS as u64));
    for (name, import, element) in PROGRAMS {
        let module = compile(import, element, &data);
        group.bench_function(*name, |b| b.iter(|| export(&module)));
    }
    group.finish();
}

criterion_group!(benches, bench_builtins);
criterion_main!(benches);
