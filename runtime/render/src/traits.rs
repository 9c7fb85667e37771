//! Applying a trait to a component being rendered: which workloads it
//! applies to, its template evaluated with the component's objects in
//! `context`, then its `errs`, `patch`, `patchOutputs` and `outputs`.

use crate::app::{Component, Trait};
use crate::catalog::Catalog;
use crate::data::strings;
use crate::definition::{Definition, DefinitionKind};
use crate::patch::{apply, PatchError};
use crate::template::{evaluated, export, export_outputs, find};
use tenon_diagnostics::Diagnostic;
use tenon_eval::export::Data;
use tenon_eval::{Evaluation, PreparedData};

#[allow(clippy::too_many_arguments)]
pub(crate) fn apply_trait(
    catalog: &Catalog,
    component: &Component,
    workload: &Definition,
    t: &Trait,
    context: &PreparedData,
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
    fill_outputs(&mut evaluation, &definition, output, outputs, trait_outputs);
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

/// `context.output` and `context.outputs` of a trait: the component's
/// objects so far (its outputs and those of the traits before this one),
/// or empty structs for a trait that does not read them.
/// `{}`, prepared once for every trait that does not read the outputs.
static EMPTY_STRUCT: std::sync::LazyLock<PreparedData> = std::sync::LazyLock::new(|| {
    PreparedData::new(&Data::Struct(Vec::new()), None).expect("an empty struct has no number")
});

fn fill_outputs(
    evaluation: &mut Evaluation,
    definition: &Definition,
    output: &Data,
    outputs: &[(String, Data)],
    trait_outputs: &[(String, String, Data)],
) {
    // Filling a struct into a struct field cannot fail.
    let empty = &*EMPTY_STRUCT;
    if !definition.reads_outputs() {
        let _ = evaluation.fill_prepared(&["context", "output"], empty);
        let _ = evaluation.fill_prepared(&["context", "outputs"], empty);
        return;
    }
    let _ = evaluation.fill(&["context", "output"], output);
    let _ = evaluation.fill_prepared(&["context", "outputs"], empty);
    let visible = outputs
        .iter()
        .map(|(name, data)| (name, data))
        .chain(trait_outputs.iter().map(|(_, name, data)| (name, data)));
    for (name, data) in visible {
        let _ = evaluation.fill(&["context", "outputs", name], data);
    }
}
