//! Rendering one component at one target: its definition's template
//! evaluated with the properties and the context gives `output` and
//! `outputs`; then each trait, in order, patches them and adds outputs of
//! its own.

use crate::app::{App, Component, Trait, Typed};
use crate::catalog::Catalog;
use crate::context::{component_context, Target};
use crate::data::{set, strings};
use crate::definition::{Definition, DefinitionKind};
use crate::errors::{rehome, suggest};
use crate::objects::{Object, Origin, Stamp};
use crate::patch::{apply, PatchError};
use std::sync::Arc;
use tenon_diagnostics::Diagnostic;
use tenon_eval::export::Data;
use tenon_eval::Evaluation;

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
    let mut context = component_context(app, &component.name, &component.typed.type_name, target);
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
        let reads = catalog
            .get(DefinitionKind::Trait, &t.typed.type_name)
            .is_none_or(|d| d.reads_outputs());
        if reads {
            set(&mut context, "output", output.clone());
            // Outputs of the component and of the traits before this one.
            let mut visible = outputs.clone();
            visible.extend(
                trait_outputs
                    .iter()
                    .map(|(_, name, data)| (name.clone(), data.clone())),
            );
            set(&mut context, "outputs", Data::Struct(visible));
        } else {
            set(&mut context, "output", Data::Struct(Vec::new()));
            set(&mut context, "outputs", Data::Struct(Vec::new()));
        }
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

/// Where in `properties` the user wrote `object` out in full: a struct
/// with the object's `apiVersion` and `kind`, and its name when it gives
/// one (its path, from the properties).
fn written_by_user(properties: &Data, object: &Data) -> Option<Vec<String>> {
    let text = |d: &Data, path: &[&str]| crate::data::string_at(d, path).map(str::to_string);
    let wanted = (text(object, &["apiVersion"])?, text(object, &["kind"])?);
    let name = text(object, &["metadata", "name"]);
    fn walk(
        data: &Data,
        wanted: &(String, String),
        name: &Option<String>,
        path: &mut Vec<String>,
    ) -> bool {
        let text = |path: &[&str]| crate::data::string_at(data, path);
        if text(&["apiVersion"]) == Some(wanted.0.as_str())
            && text(&["kind"]) == Some(wanted.1.as_str())
            && text(&["metadata", "name"]).is_none_or(|n| Some(n) == name.as_deref())
        {
            return true;
        }
        let children: Vec<(String, &Data)> = match data {
            Data::Struct(fields) => fields.iter().map(|(k, v)| (k.clone(), v)).collect(),
            Data::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
            _ => return false,
        };
        for (segment, child) in children {
            path.push(segment);
            if walk(child, wanted, name, path) {
                return true;
            }
            path.pop();
        }
        false
    }
    let mut path = Vec::new();
    walk(properties, &wanted, &name, &mut path).then_some(path)
}

/// Checks objects of built-in Kubernetes kinds against their schemas
/// ([`crate::k8s`]). A problem is a bug of the definition that rendered
/// the object (the component's, or the trait's for a trait's output),
/// reported there with the component that was being rendered. True when
/// some object is invalid.
fn check_objects(
    catalog: &Catalog,
    component: &Component,
    workload: &Arc<Definition>,
    objects: &[Object],
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let mut invalid = false;
    for object in objects {
        let problems = crate::k8s::check(&object.data);
        if problems.is_empty() {
            continue;
        }
        invalid = true;
        let definition = match &object.origin {
            Origin::TraitOutput { trait_type, .. } => catalog
                .get(DefinitionKind::Trait, trait_type)
                .cloned()
                .unwrap_or_else(|| workload.clone()),
            _ => workload.clone(),
        };
        if let Some(at) = written_by_user(&component.typed.properties, &object.data) {
            // The user wrote this object out in full (`k8s-objects`): the
            // problems are theirs, at their properties.
            for problem in problems {
                let mut path = at.clone();
                path.extend(crate::errors::split_path(&problem.path));
                let span = crate::errors::locate(
                    &component.typed.properties,
                    &component.typed.property_spans,
                    &path,
                );
                let shown: Vec<String> = path.iter().map(|s| crate::app::path_segment(s)).collect();
                diagnostics.push(
                    Diagnostic::error(
                        "invalid-object",
                        span,
                        format!(
                            "invalid {} {:?}: {}",
                            object.kind(),
                            object.name(),
                            problem.message
                        ),
                    )
                    .with_path(format!(
                        "{}.{}",
                        component.typed.path,
                        shown.join(".")
                    )),
                );
            }
            continue;
        }
        for problem in problems {
            diagnostics.push(
                Diagnostic::error(
                    "invalid-object",
                    definition.span,
                    format!(
                        "{} {:?} rendered an invalid {} {:?}: {problem}",
                        definition.kind.as_str(),
                        definition.name,
                        object.kind(),
                        object.name()
                    ),
                )
                .with_path(format!(
                    "components.{}",
                    crate::app::path_segment(&component.name)
                ))
                .with_label(
                    component.typed.type_span,
                    format!("rendering component {:?}", component.name),
                )
                .with_note("this is a bug of the definition, not of the application"),
            );
        }
    }
    invalid
}

#[allow(clippy::too_many_arguments)]
fn apply_trait(
    catalog: &Catalog,
    component: &Component,
    workload: &Definition,
    t: &Trait,
    context: &Data,
    output: &mut Data,
    outputs: &mut [(String, Data)],
    trait_outputs: &mut Vec<(String, String, Data)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let subject = format!(
        "trait {:?} of component {:?}",
        t.typed.type_name, component.name
    );
    let Some(definition) = find(catalog, DefinitionKind::Trait, &t.typed, diagnostics) else {
        return;
    };
    if !applies_to(&definition, workload, &component.typed.type_name) {
        let allowed = strings(definition.attribute(&["appliesToWorkloads"]));
        diagnostics.push(
            Diagnostic::error(
                "trait-not-applicable",
                t.typed.type_span,
                format!(
                    "trait {:?} does not apply to component {:?} of type {:?} ({})",
                    definition.name,
                    component.name,
                    component.typed.type_name,
                    workload_type(workload).unwrap_or_else(|| "no workload type".into()),
                ),
            )
            .with_path(t.typed.path.trim_end_matches(".properties").to_string())
            .with_note(format!("it applies to: {}", allowed.join(", "))),
        );
        return;
    }
    diagnostics.extend(crate::properties::check(&t.typed, &definition));
    let mut evaluation = definition.evaluate(context, &t.typed.properties, &t.typed.property_spans);
    if !evaluated(
        &mut evaluation,
        &t.typed,
        &definition,
        &subject,
        diagnostics,
    ) {
        return;
    }
    if let Some(Data::List(errs)) = export(
        &mut evaluation,
        &["errs"],
        &t.typed,
        &definition,
        &subject,
        diagnostics,
    ) {
        for message in errs.iter().filter_map(|e| match e {
            Data::String(s) => Some(s),
            _ => None,
        }) {
            diagnostics.push(
                Diagnostic::error("trait-error", t.span, message.clone())
                    .with_path(t.typed.path.trim_end_matches(".properties").to_string())
                    .with_label(
                        definition.span,
                        format!("reported by trait {:?}", definition.name),
                    ),
            );
        }
    }
    if let Some(patch) = export(
        &mut evaluation,
        &["patch"],
        &t.typed,
        &definition,
        &subject,
        diagnostics,
    ) {
        if let Err(errors) = apply(output, &patch, definition.patch_markers()) {
            report_patch(errors, "output", t, &definition, &subject, diagnostics);
        }
    }
    if let Some(Data::Struct(patches)) = export(
        &mut evaluation,
        &["patchOutputs"],
        &t.typed,
        &definition,
        &subject,
        diagnostics,
    ) {
        for (name, patch) in patches {
            match outputs.iter_mut().find(|(n, _)| *n == name) {
                Some((_, target)) => {
                    let markers = definition.patch_outputs_markers().under(&name);
                    if let Err(errors) = apply(target, &patch, &markers) {
                        report_patch(errors, &format!("outputs.{name}"), t, &definition, &subject, diagnostics);
                    }
                }
                None => diagnostics.push(
                    Diagnostic::error(
                        "trait-error",
                        t.typed.type_span,
                        format!("{subject}: patchOutputs names {name:?}, which the component does not output"),
                    )
                    .with_path(t.typed.path.trim_end_matches(".properties").to_string())
                    .with_label(definition.span, "the trait"),
                ),
            }
        }
    }
    for (name, data) in export_outputs(
        &mut evaluation,
        &t.typed,
        &definition,
        &subject,
        diagnostics,
    ) {
        trait_outputs.push((definition.name.clone(), name, data));
    }
}

/// Reports patch conflicts at the trait, naming the object path.
fn report_patch(
    errors: Vec<PatchError>,
    target: &str,
    t: &Trait,
    definition: &Definition,
    subject: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for error in errors {
        let path = if error.path.is_empty() {
            target.to_string()
        } else {
            format!("{target}.{}", error.path)
        };
        diagnostics.push(
            Diagnostic::error(
                "patch-conflict",
                t.typed.type_span,
                format!("{subject} cannot patch {path}: {}", error.message),
            )
            .with_path(t.typed.path.trim_end_matches(".properties").to_string())
            .with_label(
                definition.span,
                format!("the patch of trait {:?}", definition.name),
            ),
        );
    }
}

/// The definition a component, trait or policy names, or an error at its
/// `type` (with the closest known name).
pub fn find(
    catalog: &Catalog,
    kind: DefinitionKind,
    typed: &Typed,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Arc<Definition>> {
    if let Some(definition) = catalog.get(kind, &typed.type_name) {
        return Some(definition.clone());
    }
    let known: Vec<&str> = catalog.of_kind(kind).map(|d| d.name.as_str()).collect();
    let mut diagnostic = Diagnostic::error(
        "unknown-definition",
        typed.type_span,
        format!("unknown {} type {:?}", kind.as_str(), typed.type_name),
    )
    .with_path(format!(
        "{}.type",
        typed.path.trim_end_matches(".properties")
    ));
    if let Some(candidate) = suggest(&typed.type_name, known.iter().copied()) {
        diagnostic = diagnostic.with_primary_message(format!("did you mean {candidate:?}?"));
    }
    if let Some(other) = catalog.named(&typed.type_name).next() {
        diagnostic = diagnostic.with_note(format!(
            "{:?} is a {} definition",
            other.name,
            other.kind.as_str()
        ));
    }
    diagnostics.push(diagnostic.with_note(format!(
        "known {} types: {}",
        kind.as_str(),
        known.join(", ")
    )));
    None
}

/// Whether trait `definition` may patch a workload of `workload`'s
/// definition: its `appliesToWorkloads` lists `*`, the component type,
/// the workload type (`deployments.apps`) or the workload's kind.
fn applies_to(definition: &Definition, workload: &Definition, component_type: &str) -> bool {
    let allowed = strings(definition.attribute(&["appliesToWorkloads"]));
    if allowed.is_empty() || allowed.iter().any(|a| a == "*") {
        return true;
    }
    let workload_type = workload_type(workload);
    let kind = crate::data::string_at(
        &workload.header,
        &["attributes", "workload", "definition", "kind"],
    );
    allowed.iter().any(|a| {
        a == component_type
            || Some(a.as_str()) == workload_type.as_deref()
            || Some(a.as_str()) == kind
            || kind.is_some_and(|k| a.eq_ignore_ascii_case(k))
    })
}

/// `deployments.apps`: the workload type of a component definition, from
/// `attributes.workload.type` or its definition's kind and group.
fn workload_type(definition: &Definition) -> Option<String> {
    if let Some(Data::String(t)) = definition.attribute(&["workload", "type"]) {
        return Some(t.clone());
    }
    let api = crate::data::string_at(
        &definition.header,
        &["attributes", "workload", "definition", "apiVersion"],
    )?;
    let kind = crate::data::string_at(
        &definition.header,
        &["attributes", "workload", "definition", "kind"],
    )?;
    let group = api.rsplit_once('/').map(|(g, _)| g).unwrap_or("");
    let plural = format!("{}s", kind.to_ascii_lowercase());
    Some(if group.is_empty() {
        plural
    } else {
        format!("{plural}.{group}")
    })
}

/// Checks the evaluation: conflicts anywhere, then missing parameters.
/// False when it failed (the errors reported).
pub(crate) fn evaluated(
    evaluation: &mut Evaluation,
    typed: &Typed,
    definition: &Definition,
    subject: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    // The parameters first: their errors are reported at their own paths
    // (an error copied elsewhere in the template is the same error).
    if let Some(parameter) = evaluation.lookup(&["parameter"]) {
        let errors = match evaluation.is_concrete(parameter) {
            true => Ok(()),
            false => evaluation.to_data(parameter).map(drop),
        };
        if let Err(errors) = errors {
            for error in errors {
                let incomplete = error.code == "incomplete";
                let mut mapped = rehome(error, typed, definition, subject);
                if incomplete {
                    mapped.code = "missing-property";
                    let path = mapped.path.clone().unwrap_or_default();
                    let name = crate::errors::split_path(&path)
                        .last()
                        .map(|n| format!(" {n:?}"))
                        .unwrap_or_default();
                    mapped.message = format!("missing required property{name}: {}", mapped.message);
                }
                diagnostics.push(mapped);
            }
            return false;
        }
    }
    if let Err(errors) = evaluation.validate(false) {
        diagnostics.extend(
            errors
                .into_iter()
                .map(|d| rehome(d, typed, definition, subject)),
        );
        return false;
    }
    true
}

/// The field at `path` as data; `None` when there is no such field or it
/// could not be exported (errors reported).
fn export(
    evaluation: &mut Evaluation,
    path: &[&str],
    typed: &Typed,
    definition: &Definition,
    subject: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Data> {
    let value = evaluation.lookup(path)?;
    match evaluation.to_data(value) {
        Ok(data) => Some(data),
        Err(errors) => {
            diagnostics.extend(
                errors
                    .into_iter()
                    .map(|d| rehome(d, typed, definition, subject)),
            );
            None
        }
    }
}

/// The template's `outputs`, by name.
fn export_outputs(
    evaluation: &mut Evaluation,
    typed: &Typed,
    definition: &Definition,
    subject: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(String, Data)> {
    match export(
        evaluation,
        &["outputs"],
        typed,
        definition,
        subject,
        diagnostics,
    ) {
        Some(Data::Struct(fields)) => fields,
        _ => Vec::new(),
    }
}
