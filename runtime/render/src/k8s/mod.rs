//! Rendered objects of built-in Kubernetes kinds checked against their
//! schemas: the object is read into its k8s-openapi type (Kubernetes
//! 1.37), and every value of the wrong type, missing required field and
//! field the type does not have is reported with its path.
//!
//! Objects of other kinds (custom resources such as `apps.kruise.io`
//! CloneSets, and built-in kinds not in the list in `kinds.rs`) are not
//! checked. A listed kind under an API version of a built-in group that
//! Kubernetes does not serve it as (`extensions/v1beta1` Ingress) is
//! reported at `apiVersion`.
//!
//! Reading stops at a wrong value, so after each error the object is read
//! again with that value left out (for a missing field, the struct that
//! lacks it), up to [`MAX_ERRORS`] times: every independent error is
//! reported, not only the first.

mod de;
mod kinds;
mod missing;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use tenon_eval::export::Data;

/// One way in which an object does not match its kind's schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, from the object's top: field names and list indexes joined
    /// with dots (`spec.template.spec.containers.0.imagePullPolcy`); a name
    /// that is not plain is quoted (`metadata.labels."app.oam.dev/name"`).
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// How many wrong values one object's check reports at most.
pub const MAX_ERRORS: usize = 20;

/// The problems of `object` against the schema of its kind, in the order
/// of the object's fields; none for an object of a kind not checked.
pub fn check(object: &Data) -> Vec<Problem> {
    let api_version = crate::data::string_at(object, &["apiVersion"]).unwrap_or("");
    let kind = crate::data::string_at(object, &["kind"]).unwrap_or("");
    let Some((read, quick_read)) = kinds::reader(api_version, kind) else {
        return kinds::unserved(api_version, kind)
            .map(|message| {
                vec![Problem {
                    path: "apiVersion".to_string(),
                    message,
                }]
            })
            .unwrap_or_default();
    };

    // Most objects are valid: a quick run without paths tells.
    let quick = de::Session {
        quick: true,
        ..de::Session::default()
    };
    if let Ok(missing) = quick_read(de::Node::root(object, &quick), object) {
        if quick.unknown.borrow().is_empty() && !missing {
            return Vec::new();
        }
    }

    let mut session = de::Session::default();
    // (path, target, message) of each wrong value.
    let mut errors: Vec<(String, String, String)> = Vec::new();
    let mut written = None;
    for _ in 0..MAX_ERRORS {
        let error = match read(de::Node::root(object, &session)) {
            Ok(value) => {
                written = Some(value);
                break;
            }
            Err(error) => error,
        };
        let path = error.path.clone().unwrap_or_default();
        let target = error.target.clone().unwrap_or_default();
        // An error about a value left out is the consequence of an error
        // already reported (a required field of the wrong type is then
        // missing): not reported again, but its struct is left out too.
        if !session.skipped.contains(&path) {
            errors.push((path, target.clone(), error.message));
        }
        if target.is_empty() || !session.skipped.insert(target) {
            break;
        }
    }

    if let Some(written) = &written {
        missing_fields(object, written, "", &session, &mut errors);
    }

    let unknown = session.unknown.into_inner();
    if errors.is_empty() && unknown.is_empty() {
        return Vec::new();
    }
    let order = document_order(object);
    let rank = |path: &str| order.get(path).copied();
    let mut ranked: Vec<((usize, usize), Problem)> = Vec::new();
    for (path, target, message) in errors {
        // A missing field sorts just after its struct's start.
        let key = match rank(&path) {
            Some(i) => (i, 0),
            None => (rank(&target).unwrap_or(0), 1),
        };
        ranked.push((key, Problem { path, message }));
    }
    for (path, message) in unknown {
        if ranked.iter().any(|(_, p)| p.path == path) {
            continue;
        }
        ranked.push(((rank(&path).unwrap_or(0), 0), Problem { path, message }));
    }
    ranked.sort_by_key(|(key, _)| *key);
    ranked.into_iter().map(|(_, problem)| problem).collect()
}

/// The required fields missing from `data`: those that its type wrote
/// back (`written`) other than as null and `data` lacks, as (path,
/// struct's path, message). Values left out of the read are passed over
/// (they were reported).
fn missing_fields(
    data: &Data,
    written: &serde_json::Value,
    path: &str,
    session: &de::Session,
    out: &mut Vec<(String, String, String)>,
) {
    match (data, written) {
        (Data::Struct(_), serde_json::Value::Object(fields)) => {
            for (name, value) in fields {
                let child = de::join(path, name);
                // A null is an absent optional field that k8s-openapi
                // writes all the same (a Deployment's `spec`).
                if value.is_null() || session.skipped.contains(&child) {
                    continue;
                }
                // k8s-openapi writes `apiVersion` and `kind` for a
                // resource type even where it is embedded (a StatefulSet's
                // volumeClaimTemplates); only the top needs them.
                if !path.is_empty() && (name == "apiVersion" || name == "kind") {
                    continue;
                }
                match crate::data::field(data, name) {
                    Some(item) => missing_fields(item, value, &child, session, out),
                    None => out.push((child, path.to_string(), "required field is missing".into())),
                }
            }
        }
        (Data::List(items), serde_json::Value::Array(values)) => {
            let kept = items
                .iter()
                .enumerate()
                .map(|(i, item)| (de::join(path, &i.to_string()), item))
                .filter(|(child, _)| !session.skipped.contains(child));
            for ((child, item), value) in kept.zip(values) {
                missing_fields(item, value, &child, session, out);
            }
        }
        _ => {}
    }
}

/// The position of every value of `data` in a walk of it (a struct
/// before its fields, in their order), by path.
fn document_order(data: &Data) -> HashMap<String, usize> {
    fn walk(data: &Data, path: String, order: &mut HashMap<String, usize>) {
        let children: Vec<(String, &Data)> = match data {
            Data::Struct(fields) => fields
                .iter()
                .map(|(k, v)| (de::join(&path, k), v))
                .collect(),
            Data::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (de::join(&path, &i.to_string()), v))
                .collect(),
            _ => Vec::new(),
        };
        let next = order.len();
        order.insert(path, next);
        for (child, value) in children {
            walk(value, child, order);
        }
    }
    let mut order = HashMap::new();
    walk(data, String::new(), &mut order);
    order
}
