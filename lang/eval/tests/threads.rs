//! One compiled module, evaluated from 8 threads at once with different
//! `fill` values: every result must be the one its own parameters give.

use std::sync::Arc;
use tenon_diagnostics::FileId;
use tenon_eval::builtin::Builtins;
use tenon_eval::export::{Data, JsonWriter};
use tenon_eval::{Module, PreparedData};

const TEMPLATE: &str = r#"
parameter: {
	name:     string
	replicas: *1 | int & >=1 & <=100
	port:     int | *80
}
output: {
	metadata: name: parameter.name
	spec: {
		replicas: parameter.replicas
		ports: [{containerPort: parameter.port, name: "p\(parameter.port)"}]
	}
}
"#;

fn parameters(thread: usize, round: usize) -> Data {
    Data::Struct(vec![
        ("name".into(), Data::String(format!("app-{thread}-{round}"))),
        ("replicas".into(), Data::Number((thread + 1).to_string())),
        ("port".into(), Data::Number((8000 + round).to_string())),
    ])
}

fn expected(thread: usize, round: usize) -> String {
    format!(
        "{{\n    \"metadata\": {{\n        \"name\": \"app-{thread}-{round}\"\n    }},\n    \"spec\": {{\n        \"replicas\": {},\n        \"ports\": [\n            {{\n                \"containerPort\": {},\n                \"name\": \"p{}\"\n            }}\n        ]\n    }}\n}}\n",
        thread + 1,
        8000 + round,
        8000 + round
    )
}

#[test]
fn one_module_many_threads() {
    let parsed = tenon_syntax::parse_file(FileId::new(0), TEMPLATE);
    assert!(parsed.diagnostics.is_empty());
    let expr = tenon_syntax::parse_expr(FileId::new(1), "output");
    let (module, diagnostics) =
        Module::compile_with_expr(&[&parsed.file], &expr.expr, Builtins::NONE);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let module = Arc::new(module);
    let handles: Vec<_> = (0..8)
        .map(|thread| {
            let module = Arc::clone(&module);
            std::thread::spawn(move || {
                for round in 0..50 {
                    let mut evaluation = module.evaluate();
                    evaluation
                        .fill(&["parameter"], &parameters(thread, round))
                        .expect("fill");
                    let mut writer = JsonWriter::export();
                    evaluation.export(&mut writer).expect("export");
                    assert_eq!(
                        writer.finish(),
                        expected(thread, round),
                        "thread {thread} round {round}"
                    );
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("no thread panicked");
    }
}

#[test]
fn fill_conflict_is_an_error_at_its_path() {
    let parsed = tenon_syntax::parse_file(FileId::new(0), TEMPLATE);
    let (module, _) = Module::compile(&[&parsed.file], Builtins::NONE);
    let mut evaluation = module.evaluate();
    let bad = Data::Struct(vec![
        ("name".into(), Data::String("x".into())),
        ("replicas".into(), Data::Number("500".into())),
    ]);
    evaluation.fill(&["parameter"], &bad).expect("fill");
    let mut writer = JsonWriter::export();
    let errors = evaluation.export(&mut writer).expect_err("out of bound");
    assert!(
        errors
            .iter()
            .any(|d| d.path.as_deref() == Some("parameter.replicas")),
        "{errors:?}"
    );
}

#[test]
fn module_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Module>();
}

#[test]
fn prepared_data_is_shared_between_threads() {
    fn check<T: Send + Sync>() {}
    check::<PreparedData>();
    let source = "context: {...}\nout: {name: context.name, n: context.n + 1}\n";
    let module = Arc::new(Module::from_sources(&[source], Builtins::NONE).expect("compiles"));
    let context = Data::Struct(vec![
        ("name".into(), Data::String("api".into())),
        ("n".into(), Data::Number("41".into())),
        // Read by no one: not built by validation, written as it is.
        (
            "unread".into(),
            Data::List(vec![Data::Bool(true), Data::Null]),
        ),
    ]);
    let prepared = PreparedData::new(&context, None).expect("prepares");
    let handles: Vec<_> = (0..8)
        .map(|thread| {
            let (module, prepared) = (Arc::clone(&module), prepared.clone());
            std::thread::spawn(move || {
                for round in 0..20 {
                    let mut evaluation = module.evaluate();
                    evaluation
                        .fill_prepared(&["context"], &prepared)
                        .expect("fill");
                    let extra = Data::Number(format!("{}", thread * 100 + round));
                    evaluation.fill(&["extra"], &extra).expect("fill");
                    let mut writer = JsonWriter::marshal();
                    evaluation.export(&mut writer).expect("export");
                    assert_eq!(
                        writer.finish(),
                        format!(
                            r#"{{"context":{{"name":"api","n":41,"unread":[true,null]}},"out":{{"name":"api","n":42}},"extra":{}}}"#,
                            thread * 100 + round
                        )
                    );
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("no thread panicked");
    }
}
