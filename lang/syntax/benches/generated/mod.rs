//! The generated parse workload: KubeVela-style definitions with
//! parameters, doc comments, interpolations, comprehensions and guards,
//! repeated until the file has the asked number of lines. Shared by the
//! criterion benchmark and the `parse_bench` example.

use std::fmt::Write;

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

pub fn generated(lines: usize) -> String {
    let mut out = String::from("package bench\n\nimport \"strings\"\n\n");
    let mut written = out.lines().count();
    let mut i = 0;
    while written < lines {
        let start = out.len();
        definition(&mut out, i);
        written += out[start..].lines().count();
        i += 1;
    }
    out
}
