//! The `context` a definition's template sees: the component being
//! rendered, its application and where it goes.

use crate::app::App;
use crate::data::{set, string, string_map};
use tenon_eval::export::Data;
use tenon_eval::PreparedData;

/// Where a component is rendered.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    pub cluster: String,
    pub namespace: String,
}

/// The revision every render uses: Tenon renders the application as
/// written, its first revision.
pub const REVISION_NUMBER: u32 = 1;

/// The context of component `name` (type `type_name`) of `app` at
/// `target`.
pub fn component_context(app: &App, name: &str, type_name: &str, target: &Target) -> Data {
    let mut context = app_context(app);
    set(&mut context, "name", string(name));
    set(&mut context, "componentType", string(type_name));
    set(&mut context, "namespace", string(&target.namespace));
    set(&mut context, "cluster", string(&target.cluster));
    set(
        &mut context,
        "revision",
        string(format!("{name}-v{REVISION_NUMBER}")),
    );
    context
}

/// What the context says of the application alone (policies see this).
pub fn app_context(app: &App) -> Data {
    let revision = format!("{}-v{REVISION_NUMBER}", app.name);
    let mut context = Data::Struct(Vec::new());
    set(&mut context, "appName", string(&app.name));
    set(
        &mut context,
        "namespace",
        string(app.namespace.as_deref().unwrap_or("default")),
    );
    set(&mut context, "appRevision", string(&revision));
    set(
        &mut context,
        "appRevisionNum",
        Data::Number(REVISION_NUMBER.to_string()),
    );
    set(&mut context, "publishVersion", string(""));
    set(&mut context, "workflowName", string(&app.name));
    set(
        &mut context,
        "appLabels",
        string_map(app.labels.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
    );
    set(
        &mut context,
        "appAnnotations",
        string_map(
            app.annotations
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str())),
        ),
    );
    set(
        &mut context,
        "clusterVersion",
        Data::Struct(vec![
            ("major".into(), Data::Number("1".into())),
            ("minor".into(), Data::Number("31".into())),
            ("gitVersion".into(), string("v1.31.0")),
            ("platform".into(), string("linux/amd64")),
        ]),
    );
    let components = app
        .components
        .iter()
        .map(|c| {
            string_map([
                ("name", c.name.as_str()),
                ("type", c.typed.type_name.as_str()),
            ])
        })
        .collect();
    set(&mut context, "components", Data::List(components));
    context
}

/// A context prepared for filling into every template that sees it.
pub fn prepare(context: &Data) -> PreparedData {
    // Every number of a context is an integer Tenon writes itself.
    PreparedData::new(context, None).expect("context numbers are integers")
}
