//! The rendering workload shared by the benchmark and the profiling
//! example: applications of five webservice components, each with a
//! scaler and a labels trait.

use tenon_diagnostics::SourceMap;
use tenon_render::{App, AppSchema};

/// Applications in the benchmark.
pub const APPS: usize = 1000;
/// Components per application.
pub const COMPONENTS: usize = 5;

/// The applications of the benchmark, read once.
pub fn apps(sources: &mut SourceMap, count: usize) -> Vec<App> {
    let schema = AppSchema::new(sources);
    (0..count)
        .map(|i| {
            let mut text = format!("name: \"app-{i}\"\ncomponents: {{\n");
            for c in 0..COMPONENTS {
                text.push_str(&format!(
                    "\t\"svc-{c}\": {{\n\t\ttype: \"webservice\"\n\t\tproperties: {{image: \"ghcr.io/acme/svc-{c}:{i}\", ports: [{{port: {}, expose: true}}], env: [{{name: \"INDEX\", value: \"{i}\"}}]}}\n\t\ttraits: [{{type: \"scaler\", properties: replicas: {}}}, {{type: \"labels\", properties: {{team: \"t{c}\"}}}}]\n\t}}\n",
                    8000 + c,
                    1 + c % 3
                ));
            }
            text.push_str("}\n");
            let id = sources.add(format!("app-{i}.app"), text.as_str());
            tenon_render::input::read_source(&schema, id, &text)
                .expect("benchmark application is valid")
                .remove(0)
        })
        .collect()
}
