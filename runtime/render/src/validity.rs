//! Checking rendered objects of built-in Kubernetes kinds against their
//! schemas ([`crate::k8s`]), and deciding whose error a problem is: the
//! definition's that rendered the object, or the user's when they wrote
//! the object out in full.

use crate::app::Component;
use crate::catalog::Catalog;
use crate::definition::{Definition, DefinitionKind};
use crate::objects::{Object, Origin};
use std::sync::Arc;
use tenon_diagnostics::Diagnostic;
use tenon_eval::export::Data;

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
        let children = crate::data::children(data);
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
pub(crate) fn check_objects(
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
