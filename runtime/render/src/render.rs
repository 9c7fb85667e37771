//! Rendering a whole application: its policies checked, then every
//! component at every placement.

use crate::app::App;
use crate::catalog::Catalog;
use crate::component::render_component;
use crate::context::Target;
use crate::definition::DefinitionKind;
use crate::objects::Object;
use crate::placement::placements;
use crate::template::find;
use tenon_diagnostics::Diagnostic;

/// The objects of one target.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetObjects {
    pub target: Target,
    pub objects: Vec<Object>,
}

/// Renders `app`: the objects of every target, or every error found
/// (all components and traits are rendered before giving up).
pub fn render(catalog: &Catalog, app: &App) -> Result<Vec<TargetObjects>, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    for policy in &app.policies {
        if let Some(definition) = find(
            catalog,
            DefinitionKind::Policy,
            &policy.typed,
            &mut diagnostics,
        ) {
            diagnostics.extend(crate::properties::check(&policy.typed, &definition));
            // Evaluated for its checks: a policy's template renders nothing.
            let context = crate::context::prepare(&crate::context::app_context(app));
            let properties = &policy.typed;
            let mut evaluation =
                definition.evaluate(&context, &properties.properties, &properties.property_spans);
            let subject = format!("policy {:?}", policy.name);
            crate::template::evaluated(
                &mut evaluation,
                &policy.typed,
                &definition,
                &subject,
                &mut diagnostics,
            );
        }
    }
    let order = dependency_order(app, &mut diagnostics);
    let mut placements = placements(app, &mut diagnostics);
    for placement in &mut placements {
        placement
            .components
            .sort_by_key(|c| order.iter().position(|name| *name == c.name));
    }
    let mut out = Vec::new();
    for placement in placements {
        let mut objects = Vec::new();
        for component in &placement.components {
            objects.extend(render_component(
                catalog,
                app,
                component,
                &placement.target,
                &mut diagnostics,
            ));
        }
        duplicates(app, &objects, &placement.target, &mut diagnostics);
        out.push(TargetObjects {
            target: placement.target,
            objects,
        });
    }
    if diagnostics.is_empty() {
        Ok(out)
    } else {
        // A property the definition does not declare is reported once, as
        // unknown (a closed definition would also say "not allowed").
        let unknown: Vec<Option<String>> = diagnostics
            .iter()
            .filter(|d| d.code == "unknown-property")
            .map(|d| d.path.clone())
            .collect();
        diagnostics.retain(|d| d.code != "not-allowed" || !unknown.contains(&d.path));
        diagnostics.sort_by_key(|d| d.span());
        diagnostics.dedup_by(|a, b| a.message == b.message && a.span() == b.span());
        Err(diagnostics)
    }
}

/// Two objects of the same kind, namespace and name at one target would
/// overwrite each other: an error at the component that renders the
/// second.
fn duplicates(app: &App, objects: &[Object], target: &Target, diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: Vec<(&str, &str, &str, &Object)> = Vec::new();
    for object in objects {
        let namespace =
            crate::data::string_at(&object.data, &["metadata", "namespace"]).unwrap_or("");
        let key = (object.kind(), namespace, object.name());
        match seen.iter().find(|(k, n, m, _)| (*k, *n, *m) == key) {
            Some((_, _, _, first)) => {
                let span = app
                    .components
                    .iter()
                    .find(|c| c.name == object.component)
                    .map(|c| c.span)
                    .unwrap_or(app.span);
                diagnostics.push(
                    Diagnostic::error(
                        "duplicate-object",
                        span,
                        format!(
                            "{} {:?} is rendered twice in cluster {}: by {} and by {}",
                            key.0,
                            key.2,
                            target.cluster,
                            describe(first),
                            describe(object)
                        ),
                    )
                    .with_path(format!(
                        "components.{}",
                        crate::app::path_segment(&object.component)
                    )),
                );
            }
            None => seen.push((key.0, key.1, key.2, object)),
        }
    }
}

fn describe(object: &Object) -> String {
    match &object.origin {
        crate::objects::Origin::Workload => format!("component {:?}", object.component),
        crate::objects::Origin::Output(name) => {
            format!("output {name:?} of component {:?}", object.component)
        }
        crate::objects::Origin::TraitOutput { trait_type, name } => format!(
            "output {name:?} of trait {trait_type:?} of component {:?}",
            object.component
        ),
    }
}

/// The components' names in an order where each comes after those it
/// `dependsOn` (otherwise as written). A name that is no component, or a
/// cycle, is an error at the component.
fn dependency_order(app: &App, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let names: Vec<&str> = app.components.iter().map(|c| c.name.as_str()).collect();
    for component in &app.components {
        for needed in &component.depends_on {
            if !names.contains(&needed.as_str()) {
                diagnostics.push(
                    Diagnostic::error(
                        "unknown-component",
                        component.span,
                        format!(
                            "component {:?} depends on {needed:?}, which the application does not declare",
                            component.name
                        ),
                    )
                    .with_path(format!("components.{}.dependsOn", crate::app::path_segment(&component.name))),
                );
            }
        }
    }
    let mut order: Vec<String> = Vec::new();
    let mut left: Vec<&crate::app::Component> = app.components.iter().collect();
    while !left.is_empty() {
        let ready = left.iter().position(|c| {
            c.depends_on
                .iter()
                .all(|d| order.contains(d) || !names.contains(&d.as_str()))
        });
        match ready {
            Some(i) => order.push(left.remove(i).name.clone()),
            None => {
                let cycle: Vec<&str> = left.iter().map(|c| c.name.as_str()).collect();
                diagnostics.push(
                    Diagnostic::error(
                        "dependency-cycle",
                        left[0].span,
                        format!(
                            "components depend on each other in a cycle: {}",
                            cycle.join(", ")
                        ),
                    )
                    .with_path(format!(
                        "components.{}.dependsOn",
                        crate::app::path_segment(&left[0].name)
                    )),
                );
                order.extend(left.drain(..).map(|c| c.name.clone()));
            }
        }
    }
    order
}
