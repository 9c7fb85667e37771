//! Finding a definition by type and reading a template's evaluation:
//! its errors re-homed at the user's properties, its fields as data.

use crate::app::Typed;
use crate::catalog::Catalog;
use crate::definition::{Definition, DefinitionKind};
use crate::errors::{rehome, suggest};
use std::sync::Arc;
use tenon_diagnostics::Diagnostic;
use tenon_eval::export::Data;
use tenon_eval::Evaluation;

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

/// Checks the evaluation: conflicts anywhere, then missing parameters.
/// False when it failed (the errors reported).
pub(crate) fn evaluated(
    evaluation: &mut Evaluation,
    typed: &Typed,
    definition: &Definition,
    subject: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    // The template's definitions were checked when it was loaded. With
    // no error in its values, only missing parameters can be wrong.
    let validated = evaluation.validate_values();
    // The parameters' errors first, at their own paths (an error copied
    // elsewhere in the template is the same error).
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
    if let Err(errors) = validated {
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
pub(crate) fn export(
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

/// The template's `outputs`, by name: each field that exists, exported
/// on its own. A comprehension in `outputs` over a property the user left
/// out (`for v in parameter.pvc`, with `pvc?:` absent) gives no output
/// rather than an error, as KubeVela reads outputs field by field.
pub(crate) fn export_outputs(
    evaluation: &mut Evaluation,
    typed: &Typed,
    definition: &Definition,
    subject: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(String, Data)> {
    let Some(outputs) = evaluation.lookup(&["outputs"]) else {
        return Vec::new();
    };
    let mut exported = Vec::new();
    for (name, value) in evaluation.fields(outputs) {
        match evaluation.to_data(value) {
            Ok(data) => exported.push((name, data)),
            Err(errors) => diagnostics.extend(
                errors
                    .into_iter()
                    .map(|d| rehome(d, typed, definition, subject)),
            ),
        }
    }
    exported
}
