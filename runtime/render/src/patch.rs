//! Applying a trait's `patch` to a component's object: unification of
//! concrete data, with KubeVela's patch markers (see [`crate::markers`]).
//!
//! - Structs merge field by field; a field the object lacks is added.
//! - Scalars must be equal (unification of concrete values); otherwise
//!   the patch conflicts with the object.
//! - Lists unify element by element and must have the same length, unless
//!   a `+patchKey=k` marker applies: then a patch element whose key equals
//!   an object element's key merges into it, and the other patch elements
//!   are appended. A key is inherited by the lists nested in the marked
//!   field (a container's `env` merges by `name` when `containers` does).
//!   Keys may be dotted paths (`metadata.name`) and several keys may be
//!   given, separated by commas (`name,image`): all must match. When an
//!   element of either list lacks a key, the lists unify by position.
//! - `+patchStrategy=replace` on a list field replaces the object's list;
//!   `+patchStrategy=retainKeys` replaces the field's value (for a keyed
//!   list: each matched element) instead of merging into it; `open` is
//!   accepted and changes nothing (concrete data is never closed).
//! - `+patchStrategy=retainKeys` on the `patch` field itself (as
//!   KubeVela's `scaler` writes it) lets every value of the patch replace
//!   the object's: scalars that differ and lists without a key are
//!   replaced instead of conflicting.
//! - `+patchStrategy=jsonPatch` or `jsonMergePatch` on the `patch` field
//!   itself applies the patch as an RFC 6902 JSON Patch (`{operations:
//!   […]}`) or an RFC 7386 JSON Merge Patch ([`crate::jsonpatch`]).

use crate::markers::{Marker, Markers};
use tenon_eval::export::Data;

/// Why a patch could not be applied: where (a path in the object) and
/// what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatchError {
    pub path: String,
    pub message: String,
}

/// Applies `patch` to `base`, honouring `markers`; every conflict is
/// reported (the rest of the patch still applies).
pub fn apply(base: &mut Data, patch: &Data, markers: &Markers) -> Result<(), Vec<PatchError>> {
    let root = markers.at("").cloned().unwrap_or_default();
    match root.strategy.as_deref() {
        Some("jsonPatch") => return crate::jsonpatch::json_patch(base, patch),
        Some("jsonMergePatch") => {
            crate::jsonpatch::merge_patch(base, patch);
            return Ok(());
        }
        _ => {}
    }
    let mut merger = Merger {
        markers,
        retain_all: root.strategy.as_deref() == Some("retainKeys"),
        errors: Vec::new(),
    };
    let mut at = Place {
        marker_path: String::new(),
        data_path: String::new(),
    };
    merger.merge(base, patch, &mut at, root.key.as_deref());
    if merger.errors.is_empty() {
        Ok(())
    } else {
        Err(merger.errors)
    }
}

struct Merger<'a> {
    markers: &'a Markers,
    /// `retainKeys` on the whole patch: the patch's values win.
    retain_all: bool,
    errors: Vec<PatchError>,
}

/// Where the merge is: the path used to find markers (list elements as
/// `*`) and the path reported in errors (list elements by index).
struct Place {
    marker_path: String,
    data_path: String,
}

impl Place {
    fn enter(&mut self, marker: &str, data: &str) -> (usize, usize) {
        let saved = (self.marker_path.len(), self.data_path.len());
        push(&mut self.marker_path, marker);
        push(&mut self.data_path, data);
        saved
    }

    fn leave(&mut self, saved: (usize, usize)) {
        self.marker_path.truncate(saved.0);
        self.data_path.truncate(saved.1);
    }
}

fn push(path: &mut String, segment: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(segment);
}

impl Merger<'_> {
    fn merge(&mut self, base: &mut Data, patch: &Data, at: &mut Place, key: Option<&str>) {
        match (&mut *base, patch) {
            (Data::Struct(_), Data::Struct(fields)) => {
                for (name, value) in fields {
                    let saved = at.enter(name, name);
                    let marker = self
                        .markers
                        .at(&at.marker_path)
                        .cloned()
                        .unwrap_or_default();
                    let key = marker.key.as_deref().or(key);
                    self.merge_field(base, name, value, &marker, at, key);
                    at.leave(saved);
                }
            }
            (Data::List(_), Data::List(_)) => {
                self.merge_list(base, patch, &Marker::default(), at, key);
            }
            (b, p) if *b == *p => {}
            (b, p) if self.retain_all => *b = p.clone(),
            (b, p) => self.conflict(at, b, p),
        }
    }

    fn merge_field(
        &mut self,
        base: &mut Data,
        name: &str,
        value: &Data,
        marker: &Marker,
        at: &mut Place,
        key: Option<&str>,
    ) {
        let Data::Struct(fields) = base else { return };
        let Some(slot) = fields.iter_mut().find(|(k, _)| k == name).map(|(_, v)| v) else {
            fields.push((name.to_string(), value.clone()));
            return;
        };
        let retain = marker.strategy.as_deref() == Some("retainKeys");
        if matches!(value, Data::List(_)) && matches!(slot, Data::List(_)) {
            self.merge_list(slot, value, marker, at, key);
        } else if retain {
            *slot = value.clone();
        } else {
            self.merge(slot, value, at, key);
        }
    }

    fn merge_list(
        &mut self,
        base: &mut Data,
        patch: &Data,
        marker: &Marker,
        at: &mut Place,
        key: Option<&str>,
    ) {
        let (Data::List(items), Data::List(patches)) = (&mut *base, patch) else {
            return;
        };
        if marker.strategy.as_deref() == Some("replace") {
            *items = patches.clone();
            return;
        }
        let retain = marker.strategy.as_deref() == Some("retainKeys");
        if let Some(key) = key {
            let base_keys: Option<Vec<Vec<&Data>>> = items.iter().map(|e| key_of(e, key)).collect();
            let patch_keys: Option<Vec<Vec<&Data>>> =
                patches.iter().map(|e| key_of(e, key)).collect();
            if let (Some(base_keys), Some(patch_keys)) = (base_keys, patch_keys) {
                let mut used = vec![false; patches.len()];
                let mut merged = Vec::with_capacity(items.len() + patches.len());
                for (i, (item, item_key)) in items.iter().zip(&base_keys).enumerate() {
                    let mut item = item.clone();
                    let found =
                        (0..patches.len()).find(|&j| !used[j] && patch_keys[j] == *item_key);
                    if let Some(j) = found {
                        used[j] = true;
                        if retain {
                            item = patches[j].clone();
                        } else {
                            let saved = at.enter("*", &i.to_string());
                            self.merge(&mut item, &patches[j], at, Some(key));
                            at.leave(saved);
                        }
                    }
                    merged.push(item);
                }
                merged.extend(
                    patches
                        .iter()
                        .zip(&used)
                        .filter(|(_, used)| !**used)
                        .map(|(p, _)| p.clone()),
                );
                *items = merged;
                return;
            }
        }
        if items.len() != patches.len() && self.retain_all {
            *items = patches.clone();
            return;
        }
        if items.len() != patches.len() {
            self.errors.push(PatchError {
                path: at.data_path.clone(),
                message: format!(
                    "incompatible list lengths ({} and {})",
                    items.len(),
                    patches.len()
                ),
            });
            return;
        }
        for (i, (item, p)) in items.iter_mut().zip(patches).enumerate() {
            let saved = at.enter("*", &i.to_string());
            self.merge(item, p, at, key);
            at.leave(saved);
        }
    }

    fn conflict(&mut self, at: &Place, base: &Data, patch: &Data) {
        self.errors.push(PatchError {
            path: at.data_path.clone(),
            message: format!(
                "conflicting values {} and {}",
                describe(base),
                describe(patch)
            ),
        });
    }
}

/// The values of an element's keys (`name,image`, dotted paths), or
/// `None` when one is missing or not a scalar.
fn key_of<'a>(element: &'a Data, key: &str) -> Option<Vec<&'a Data>> {
    key.split(',')
        .map(|k| {
            let path: Vec<&str> = k.trim().split('.').collect();
            crate::data::get(element, &path)
                .filter(|d| !matches!(d, Data::Struct(_) | Data::List(_)))
        })
        .collect()
}

/// A value as it appears in a conflict message (CUE syntax for scalars).
pub fn describe(data: &Data) -> String {
    match data {
        Data::Null => "null".into(),
        Data::Bool(b) => b.to_string(),
        Data::Number(n) => n.clone(),
        Data::String(s) => format!("{s:?}"),
        Data::Bytes(_) => "bytes".into(),
        Data::List(_) => "list".into(),
        Data::Struct(_) => "struct".into(),
    }
}
