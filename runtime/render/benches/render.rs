//! Rendering many applications: 1,000 applications × 5 components × 2
//! traits (webservice components with scaler and labels traits), the
//! catalog compiled once. Reports components rendered per second.

mod workload;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tenon_diagnostics::SourceMap;
use tenon_render::{render, Catalog};
use workload::{apps, APPS, COMPONENTS};

/// As the `tenon` binary does.
#[global_allocator]
static ALLOCATOR: tenon_alloc::Allocator = tenon_alloc::Allocator;

fn bench(c: &mut Criterion) {
    let mut sources = SourceMap::new();
    let (catalog, diagnostics) = Catalog::builtin(&mut sources);
    assert!(diagnostics.is_empty());
    let apps = apps(&mut sources, APPS);
    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    group.throughput(Throughput::Elements((APPS * COMPONENTS) as u64));
    group.bench_function("1000_apps_5_components_2_traits", |b| {
        b.iter(|| {
            let mut objects = 0;
            for app in &apps {
                objects += render(&catalog, app)
                    .expect("renders")
                    .iter()
                    .map(|t| t.objects.len())
                    .sum::<usize>();
            }
            assert_eq!(objects, APPS * COMPONENTS * 2);
            objects
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
