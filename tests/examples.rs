//! The example applications (`examples/apps/*.app`) rendered with the
//! built-in catalog, each compared with its insta snapshot
//! (`tests/snapshots/`; `INSTA_UPDATE=always` rewrites them).

mod support;

use support::root;
use tenon_diagnostics::SourceMap;
use tenon_render::{output, render, AppSchema, Catalog};

#[test]
fn example_applications() {
    let mut sources = SourceMap::new();
    let (catalog, diagnostics) = Catalog::builtin(&mut sources);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let schema = AppSchema::new(&mut sources);
    let mut paths: Vec<_> = std::fs::read_dir(root().join("examples/apps"))
        .expect("examples/apps exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "app"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "at least five example applications");
    for path in paths {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file name")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("readable example");
        let id = sources.add(format!("{name}.app"), text.as_str());
        let apps = tenon_render::input::read_source(&schema, id, &text)
            .unwrap_or_else(|e| panic!("{name}: {}", summaries(&e, &sources)));
        let mut rendered = Vec::new();
        for app in apps {
            let targets = render(&catalog, &app)
                .unwrap_or_else(|e| panic!("{name}: {}", summaries(&e, &sources)));
            rendered.push((app, targets));
        }
        insta::assert_snapshot!(name, output::yaml_stream(&rendered));
    }
}

fn summaries(diagnostics: &[tenon_diagnostics::Diagnostic], sources: &SourceMap) -> String {
    diagnostics
        .iter()
        .map(|d| d.summary(sources))
        .collect::<Vec<_>>()
        .join("\n")
}
