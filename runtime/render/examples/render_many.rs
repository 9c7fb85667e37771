//! Renders the benchmark workload N times over (default 1,000
//! applications) and prints components per second: for profiling
//! (`cargo run --release -p tenon-render --example render_many -- 1000`).

#[path = "../benches/workload/mod.rs"]
mod workload;

use tenon_diagnostics::SourceMap;
use tenon_render::{render, Catalog};

/// As the `tenon` binary does.
#[global_allocator]
static ALLOCATOR: tenon_alloc::Allocator = tenon_alloc::Allocator;

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(workload::APPS);
    let mut sources = SourceMap::new();
    let (catalog, diagnostics) = Catalog::builtin(&mut sources);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let apps = workload::apps(&mut sources, count);
    let start = std::time::Instant::now();
    let mut objects = 0;
    for app in &apps {
        for target in render(&catalog, app).expect("renders") {
            objects += target.objects.len();
        }
    }
    let elapsed = start.elapsed();
    let components = count * workload::COMPONENTS;
    println!(
        "{components} components, {objects} objects in {:.3} s: {:.0} components/s",
        elapsed.as_secs_f64(),
        components as f64 / elapsed.as_secs_f64()
    );
}
