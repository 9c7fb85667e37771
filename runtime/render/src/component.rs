//! Rendering one component at one target: its definition's template
//! evaluated with the properties and the context gives `output` and
//! `outputs`; then each trait, in order, patches them and adds outputs of
//! its own.

use crate::app::{App, Component};
use crate::catalog::Catalog;
use crate::context::{component_context, prepare, Target};
use crate::definition::DefinitionKind;
use crate::objects::{Object, Origin, Stamp};
use crate::template::{evaluated, export, export_outputs, find};
use crate::traits::apply_trait;
use crate::validity::check_objects;
use tenon_diagnostics::Diagnostic;
use tenon_eval::export::Data;

/// The objects of one component, or why it could not be rendered.
pub fn render_component(
    catalog: &Catalog,
    app: &App,
    component: &Component,
    target: &Target,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Object> {
    let subject = format!("component {:?}", component.name);
    let Some(definition) = find(
        catalog,
        DefinitionKind::Component,
        &component.typed,
        diagnostics,
    ) else {
        return Vec::new();
    };
    let context = prepare(&component_context(
        app,
        &component.name,
        &component.typed.type_name,
        target,
    ));
    let errors_before = diagnostics.len();
    diagnostics.extend(crate::properties::check(&component.typed, &definition));
    let mut evaluation = definition.evaluate(
        &context,
        &component.typed.properties,
        &component.typed.property_spans,
    );
    if !evaluated(
        &mut evaluation,
        &component.typed,
        &definition,
        &subject,
        diagnostics,
    ) {
        return Vec::new();
    }
    let output = export(
        &mut evaluation,
        &["output"],
        &component.typed,
        &definition,
        &subject,
        diagnostics,
    );
    let mut outputs = export_outputs(
        &mut evaluation,
        &component.typed,
        &definition,
        &subject,
        diagnostics,
    );
    let Some(mut output) = output else {
        return Vec::new();
    };
    let mut trait_outputs: Vec<(String, String, Data)> = Vec::new();
    for t in &component.traits {
        apply_trait(
            catalog,
            component,
            &definition,
            t,
            &context,
            &mut output,
            &mut outputs,
            &mut trait_outputs,
            diagnostics,
        );
    }
    if diagnostics.len() > errors_before {
        return Vec::new();
    }
    let revision = format!("{}-v{}", app.name, crate::context::REVISION_NUMBER);
    let stamp = Stamp {
        app: &app.name,
        app_revision: &revision,
        component: &component.name,
        component_type: &component.typed.type_name,
        namespace: &target.namespace,
    };
    let mut objects = vec![Object {
        component: component.name.clone(),
        origin: Origin::Workload,
        data: output,
    }];
    objects.extend(outputs.into_iter().map(|(name, data)| Object {
        component: component.name.clone(),
        origin: Origin::Output(name),
        data,
    }));
    objects.extend(
        trait_outputs
            .into_iter()
            .map(|(trait_type, name, data)| Object {
                component: component.name.clone(),
                origin: Origin::TraitOutput { trait_type, name },
                data,
            }),
    );
    for object in &mut objects {
        stamp.apply(object);
    }
    let invalid = check_objects(catalog, component, &definition, &objects, diagnostics);
    if invalid {
        return Vec::new();
    }
    objects
}
