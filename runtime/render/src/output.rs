//! Writing rendered objects: a YAML stream (each target under a comment
//! header, objects separated by `---`) or one JSON document (a list of
//! targets with their objects).

use crate::app::App;
use crate::render::TargetObjects;
use tenon_eval::export::{Data, JsonWriter, YamlWriter};

/// The YAML stream of rendered applications.
pub fn yaml_stream(rendered: &[(App, Vec<TargetObjects>)]) -> String {
    let mut out = String::new();
    for (app, targets) in rendered {
        for target in targets {
            out.push_str(&format!(
                "# application {}: cluster {}, namespace {}\n",
                app.name, target.target.cluster, target.target.namespace
            ));
            for object in &target.objects {
                out.push_str("---\n");
                out.push_str(&yaml(&object.data));
            }
        }
    }
    out
}

/// One JSON document: `[{application, cluster, namespace, objects}, …]`.
pub fn json_document(rendered: &[(App, Vec<TargetObjects>)]) -> String {
    let groups = rendered
        .iter()
        .flat_map(|(app, targets)| targets.iter().map(move |t| (app, t)))
        .map(|(app, t)| {
            Data::Struct(vec![
                ("application".into(), Data::String(app.name.clone())),
                ("cluster".into(), Data::String(t.target.cluster.clone())),
                ("namespace".into(), Data::String(t.target.namespace.clone())),
                (
                    "objects".into(),
                    Data::List(t.objects.iter().map(|o| o.data.clone()).collect()),
                ),
            ])
        })
        .collect();
    json(&Data::List(groups))
}

/// One value as a YAML document.
pub fn yaml(data: &Data) -> String {
    let mut writer = YamlWriter::new();
    data.emit(&mut writer);
    writer.finish()
}

/// One value as JSON (`tenon export` style).
pub fn json(data: &Data) -> String {
    let mut writer = JsonWriter::export();
    data.emit(&mut writer);
    writer.finish()
}
