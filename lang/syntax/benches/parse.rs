//! Parsing throughput on a generated ~50,000-line file shaped like real
//! configuration: KubeVela-style definitions with parameters, doc
//! comments, interpolations, comprehensions and guards.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tenon_syntax::{parse_file, FileId};

#[path = "generated/mod.rs"]
mod generated;

/// As the `tenon` binary does: the tree is many small allocations.
#[global_allocator]
static ALLOCATOR: tenon_alloc::Allocator = tenon_alloc::Allocator;

fn bench_parse(c: &mut Criterion) {
    let src = generated::generated(50_000);
    let parsed = parse_file(FileId::new(0), &src);
    assert!(
        parsed.diagnostics.is_empty(),
        "{:?}",
        &parsed.diagnostics[..1]
    );
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(src.len() as u64));
    group.sample_size(20);
    group.bench_function("50k_lines", |b| b.iter(|| parse_file(FileId::new(0), &src)));
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
