//! Parsing throughput on a generated ~50,000-line file shaped like real
//! configuration: KubeVela-style definitions with parameters, doc
//! comments, interpolations, comprehensions and guards.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::fmt::Write;
use tenon_syntax::{parse_file, FileId};

/// One definition: about 60 lines.
fn definition(out: &mut String, i: usize) {
    let _ = write!(
        out,
        r#"// Component definition number {i}.
"webservice-{i}": {{
	type: "component"
	annotations: {{}}
	labels: {{}}
	description: "Describes long-running, scalable, containerized services {i}"
	attributes: workload: definition: {{
		apiVersion: "apps/v1"
		kind:       "Deployment"
	}}
}}
template: {{
	output: {{
		apiVersion: "apps/v1"
		kind:       "Deployment"
		spec: {{
			selector: matchLabels: "app.oam.dev/component": context.name
			replicas: parameter.replicas
			template: {{
				metadata: labels: {{
					"app.oam.dev/name":      context.appName
					"app.oam.dev/component": "\(context.name)-{i}"
				}}
				spec: containers: [{{
					name:  context.name
					image: parameter.image
					if parameter["cmd"] != _|_ {{
						command: parameter.cmd
					}}
					ports: [for p in parameter.ports {{
						containerPort: p.port
						name:          "port-\(p.port)"
					}}]
					env: [for k, v in parameter.env {{name: k, value: "\(v)"}}]
				}}]
			}}
		}}
	}}
	outputs: service: {{
		apiVersion: "v1"
		kind:       "Service"
		spec: ports: [for p in parameter.ports if p.expose {{port: p.port, targetPort: p.port}}]
	}}
	parameter: {{
		// +usage=Which image would you like to use for your service
		image: string
		// +usage=Number of replicas
		replicas: *1 | int & >=1 & <=100
		cmd?: [...string]
		ports: [...{{
			port:   int & >0 & <65536
			expose: *false | bool
		}}]
		env: [string]: string
		cpu?: =~"^[0-9]+m$" | number
		#Limits: {{memory: *"{i}Mi" | string, shares: 0x1F * {i} + 1.5e3}}
	}}
}}
"#
    );
}

fn generated(lines: usize) -> String {
    let mut out = String::from("package bench\n\nimport \"strings\"\n\n");
    let mut i = 0;
    while out.lines().count() < lines {
        definition(&mut out, i);
        i += 1;
    }
    out
}

fn bench_parse(c: &mut Criterion) {
    let src = generated(50_000);
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
