//! One catalog shared by eight threads, each rendering applications with
//! different properties: every result is checked.

use std::sync::Arc;
use tenon_diagnostics::SourceMap;
use tenon_eval::export::Data;
use tenon_render::{render, AppSchema, Catalog};

#[test]
fn one_catalog_renders_from_eight_threads() {
    let mut sources = SourceMap::new();
    let (catalog, diagnostics) = Catalog::builtin(&mut sources);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let schema = AppSchema::new(&mut sources);
    let apps: Vec<_> = (0..8)
        .map(|i| {
            let text = format!(
                "name: \"app-{i}\"\ncomponents: web: {{type: \"webservice\", properties: image: \"img:{i}\", traits: [{{type: \"scaler\", properties: replicas: {i}}}]}}\n"
            );
            let id = sources.add(format!("app-{i}.app"), text.as_str());
            tenon_render::input::read_source(&schema, id, &text).expect("valid").remove(0)
        })
        .collect();
    let catalog = Arc::new(catalog);
    let handles: Vec<_> = apps
        .into_iter()
        .enumerate()
        .map(|(i, app)| {
            let catalog = Arc::clone(&catalog);
            std::thread::spawn(move || {
                for _ in 0..20 {
                    let targets = render(&catalog, &app).expect("renders");
                    let deployment = &targets[0].objects[0].data;
                    let replicas = tenon_render::data::get(deployment, &["spec", "replicas"]);
                    assert_eq!(replicas, Some(&Data::Number(i.to_string())));
                    let image = tenon_render::data::get(
                        deployment,
                        &["spec", "template", "spec", "containers"],
                    );
                    let Some(Data::List(containers)) = image else {
                        panic!("containers")
                    };
                    assert_eq!(
                        tenon_render::data::string_at(&containers[0], &["image"]),
                        Some(format!("img:{i}").as_str())
                    );
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("thread finished");
    }
}
