//! Speed: a large document is written in one pass (run with
//! `cargo test --release -- --ignored export::tests::perf` to time it).

use std::time::Instant;

use crate::export::{Emit, JsonWriter, YamlWriter};

/// Emits about `bytes` of a Kubernetes-like list of objects.
fn emit_objects(out: &mut impl Emit, bytes: usize) {
    let count = bytes / 280;
    out.begin_list(count);
    for i in 0..count {
        out.begin_struct(4);
        out.key("apiVersion");
        out.string("apps/v1");
        out.key("kind");
        out.string("Deployment");
        out.key("metadata");
        out.begin_struct(2);
        out.key("name");
        out.string(&format!("service-{i}"));
        out.key("labels");
        out.begin_struct(2);
        out.key("app.kubernetes.io/name");
        out.string("web \"frontend\"\n");
        out.key("tier");
        out.string("yes");
        out.end_struct();
        out.end_struct();
        out.key("spec");
        out.begin_struct(2);
        out.key("replicas");
        out.number("3");
        out.key("ports");
        out.begin_list(1);
        out.number("8080");
        out.end_list();
        out.end_struct();
        out.end_struct();
    }
    out.end_list();
}

#[test]
#[ignore = "timing; meaningful in release builds"]
fn large_outputs() {
    let started = Instant::now();
    let mut json = JsonWriter::export();
    emit_objects(&mut json, 28 << 20);
    let json = json.finish();
    let json_time = started.elapsed();

    let started = Instant::now();
    let mut yaml = YamlWriter::new();
    emit_objects(&mut yaml, 28 << 20);
    let yaml = yaml.finish();
    let yaml_time = started.elapsed();
    eprintln!(
        "JSON {} MB in {json_time:?}; YAML {} MB in {yaml_time:?}",
        json.len() >> 20,
        yaml.len() >> 20
    );
}
