//! Evaluation benchmarks: a rendering workload shaped like
//! `../shared/bench` (N applications of 5 webservice components, each
//! rendered into a Deployment and a Service), a 10,000-element
//! comprehension, and a 16-deep chain of struct disjunctions with
//! discriminator fields (which must grow linearly with depth).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::fmt::Write;
use tenon_diagnostics::FileId;
use tenon_eval::builtin::Builtins;
use tenon_eval::export::JsonWriter;
use tenon_eval::Module;

const DEFINITIONS: &str = r#"
#WebService: {
	image:    string
	port:     int | *80
	replicas: int & >=1 & <=100 | *1
	env:      *[] | [...{name: string, value: string}]
	cpu?:     string
	labels: {[string]: string}
}
apps: [string]: components: [string]: {type: "webservice", properties: #WebService}
#Render: {
	context: {app: string, name: string}
	parameter: #WebService
	_labels: {
		for k, v in parameter.labels {"\(k)": v}
		"app.oam.dev/name":      context.app
		"app.oam.dev/component": context.name
	}
	deployment: {
		apiVersion: "apps/v1"
		kind:       "Deployment"
		metadata: {name: context.name, namespace: context.app, labels: _labels}
		spec: {
			replicas: parameter.replicas
			template: spec: containers: [{
				name:  context.name
				image: parameter.image
				ports: [{containerPort: parameter.port}]
				if len(parameter.env) > 0 {env: parameter.env}
				if parameter.cpu != _|_ {resources: requests: cpu: parameter.cpu}
			}]
		}
	}
	service: {
		apiVersion: "v1"
		kind:       "Service"
		metadata: {name: context.name, namespace: context.app}
		spec: ports: [{port: parameter.port, targetPort: parameter.port}]
	}
}
manifests: {
	for an, a in apps for cn, c in a.components {
		let r = #Render & {context: {app: an, name: cn}, parameter: c.properties}
		"\(an)/\(cn)/Deployment": r.deployment
		"\(an)/\(cn)/Service":    r.service
	}
}
"#;

fn applications(n: usize) -> String {
    let mut out = String::new();
    for app in 0..n {
        let _ = writeln!(out, "apps: \"app-{app:05}\": components: {{");
        for (i, name) in ["web", "api", "worker", "cache", "gateway"]
            .iter()
            .enumerate()
        {
            let _ = write!(
                out,
                "\t{name}: properties: {{image: \"registry.example.com/{name}:{app}\""
            );
            if i % 2 == 1 {
                let _ = write!(
                    out,
                    ", port: {}, replicas: {}",
                    8000 + i,
                    1 + (app + i) % 100
                );
            }
            if i % 3 == 0 {
                let _ = write!(
                    out,
                    ", env: [{{name: \"A\", value: \"{app}\"}}], cpu: \"{}m\"",
                    100 + i
                );
            }
            let _ = writeln!(out, ", labels: {{team: \"t{}\"}}}}", app % 7);
        }
        out.push_str("}\n");
    }
    out
}

fn comprehension(n: usize) -> String {
    let items: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    format!(
        "src: [{}]\ndoubled: [for i, x in src {{x * 2 + i}}]\n",
        items.join(", ")
    )
}

/// Level i: a disjunction of two struct shapes told apart by `kind`,
/// each nesting level i+1; the data picks one branch per level.
fn disjunction_chain(depth: usize) -> String {
    let mut out = String::new();
    for i in 0..depth {
        let next = if i + 1 < depth {
            format!(", next: #L{}", i + 1)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "#L{i}: {{kind: \"a\", a: int{next}}} | {{kind: \"b\", b: string{next}}}"
        );
    }
    let mut value = String::from("{kind: \"a\", a: 1}");
    for i in (0..depth.saturating_sub(1)).rev() {
        let (kind, field) = if i % 2 == 0 {
            ("a", "a: 1")
        } else {
            ("b", "b: \"x\"")
        };
        value = format!("{{kind: \"{kind}\", {field}, next: {value}}}");
    }
    let _ = writeln!(out, "x: #L0 & {value}");
    out
}

fn export(sources: &[&str], expr: Option<&str>) -> usize {
    let files: Vec<_> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| tenon_syntax::parse_file(FileId::new(i as u32), s).file)
        .collect();
    let refs: Vec<_> = files.iter().collect();
    let (module, diagnostics) = match expr {
        Some(e) => Module::compile_with_expr(
            &refs,
            &tenon_syntax::parse_expr(FileId::new(99), e).expr,
            Builtins::NONE,
        ),
        None => Module::compile(&refs, Builtins::NONE),
    };
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let mut writer = JsonWriter::export();
    module.evaluate().export(&mut writer).expect("exports");
    writer.finish().len()
}

fn bench_render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    for n in [100, 1000, 5000] {
        let apps = applications(n);
        group.bench_with_input(BenchmarkId::new("apps", n), &apps, |b, apps| {
            b.iter(|| export(&[DEFINITIONS, apps], Some("manifests")))
        });
    }
    group.finish();
}

fn bench_shapes(c: &mut Criterion) {
    let mut group = c.benchmark_group("shapes");
    group.sample_size(20);
    let source = comprehension(10_000);
    group.bench_function("comprehension_10000", |b| {
        b.iter(|| export(&[&source], None))
    });
    for depth in [4, 8, 16] {
        let source = disjunction_chain(depth);
        group.bench_with_input(
            BenchmarkId::new("disjunction_chain", depth),
            &source,
            |b, s| b.iter(|| export(&[s], None)),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_render, bench_shapes);
criterion_main!(benches);
