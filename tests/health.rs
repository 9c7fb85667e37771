//! Health of live objects (`tests/health/*.txtar`): a built-in
//! definition's `healthPolicy` and `customStatus` evaluated against a
//! fixture object. Sections: `definition` (its name), `object` (the live
//! object as JSON), optionally `parameter` (the properties, JSON), and the
//! expected `health`.

mod support;

use support::{cases, root, updating, Failures, Txtar};
use tenon_diagnostics::SourceMap;
use tenon_eval::export::Data;
use tenon_render::{Catalog, DefinitionKind, HealthInput};

#[test]
fn health_cases() {
    let mut sources = SourceMap::new();
    let (catalog, diagnostics) = Catalog::builtin(&mut sources);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let mut failures = Failures::default();
    for case in cases(&root().join("tests/health")) {
        let text = std::fs::read_to_string(&case).expect("readable case");
        let mut archive = Txtar::parse(&text);
        let name = archive.get("definition").unwrap_or("").trim().to_string();
        let object = archive.get("object").unwrap_or("null").to_string();
        let Some(definition) = catalog.get(DefinitionKind::Component, &name) else {
            failures.fail(&case, format!("no component definition {name:?}"));
            continue;
        };
        let empty = Data::Struct(Vec::new());
        let parameter = archive.get("parameter").map(json).unwrap_or(empty.clone());
        let input = HealthInput {
            output: &json(&object),
            outputs: &empty,
            parameter: &parameter,
            context: &empty,
        };
        let actual = match definition.health(input) {
            Ok(health) => {
                let mut out = format!("healthy: {}\nmessage: {}\n", health.healthy, health.message);
                for (k, v) in health.details {
                    out.push_str(&format!("details.{k}: {v}\n"));
                }
                out
            }
            Err(errors) => errors
                .iter()
                .map(|d| format!("error: {}\n", d.message))
                .collect(),
        };
        failures.expect(&case, &mut archive, "health", actual);
        if updating() {
            std::fs::write(&case, archive.render()).expect("writable case");
        }
    }
    failures.finish("health cases");
}

fn json(text: &str) -> Data {
    let parsed = tenon_syntax::parse_json(tenon_diagnostics::FileId::new(999), text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let (module, diagnostics) =
        tenon_eval::Module::compile(&[&parsed.file], tenon_eval::builtin::Builtins::NONE);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let mut evaluation = module.evaluate();
    let top = evaluation.top();
    evaluation.to_data(top).expect("fixture is data")
}
