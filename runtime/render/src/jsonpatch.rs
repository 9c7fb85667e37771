//! RFC 6902 JSON Patch and RFC 7386 JSON Merge Patch over [`Data`], for
//! the `jsonPatch` and `jsonMergePatch` patch strategies.

use crate::patch::PatchError;
use tenon_eval::export::{Data, SpanTree};

/// RFC 7386: a struct patch merges field by field (`null` removes a
/// field); anything else replaces the target.
pub fn merge_patch(target: &mut Data, patch: &Data) {
    let Data::Struct(fields) = patch else {
        *target = patch.clone();
        return;
    };
    if !matches!(target, Data::Struct(_)) {
        *target = Data::Struct(Vec::new());
    }
    let Data::Struct(existing) = target else {
        return;
    };
    for (name, value) in fields {
        let position = existing.iter().position(|(k, _)| k == name);
        match (value, position) {
            (Data::Null, Some(i)) => {
                existing.remove(i);
            }
            (Data::Null, None) => {}
            (value, Some(i)) => merge_patch(&mut existing[i].1, value),
            (value, None) => {
                let mut fresh = Data::Null;
                merge_patch(&mut fresh, value);
                existing.push((name.clone(), fresh));
            }
        }
    }
}

/// [`merge_patch`] that keeps `spans` (parallel to `target`) in step:
/// what the patch sets takes the patch's positions (`patch_spans`), the
/// rest keeps its own.
pub fn merge_patch_spanned(
    target: &mut Data,
    spans: &mut SpanTree,
    patch: &Data,
    patch_spans: &SpanTree,
) {
    let Data::Struct(fields) = patch else {
        *target = patch.clone();
        *spans = patch_spans.clone();
        return;
    };
    if !matches!(target, Data::Struct(_)) {
        *target = Data::Struct(Vec::new());
        *spans = SpanTree::leaf(patch_spans.span);
    }
    let Data::Struct(existing) = target else {
        return;
    };
    if spans.children.len() != existing.len() {
        // One span stood for the whole struct: each field gets it.
        spans.children = vec![SpanTree::leaf(spans.span); existing.len()];
    }
    for (i, (name, value)) in fields.iter().enumerate() {
        let value_spans = patch_spans.child(i);
        let position = existing.iter().position(|(k, _)| k == name);
        match (value, position) {
            (Data::Null, Some(j)) => {
                existing.remove(j);
                spans.children.remove(j);
            }
            (Data::Null, None) => {}
            (value, Some(j)) => merge_patch_spanned(
                &mut existing[j].1,
                &mut spans.children[j],
                value,
                value_spans,
            ),
            (value, None) => {
                let mut fresh = Data::Null;
                let mut fresh_spans = SpanTree::leaf(value_spans.span);
                merge_patch_spanned(&mut fresh, &mut fresh_spans, value, value_spans);
                existing.push((name.clone(), fresh));
                spans.children.push(fresh_spans);
            }
        }
    }
}

/// RFC 6902: `patch` is `{operations: [{op, path, value?, from?}, …]}`
/// (KubeVela's `json-patch` trait) or the list of operations itself.
/// Operations apply in order; the first failing one stops the patch.
pub fn json_patch(target: &mut Data, patch: &Data) -> Result<(), Vec<PatchError>> {
    let operations = match crate::data::field(patch, "operations").unwrap_or(patch) {
        Data::List(ops) => ops,
        _ => return Err(vec![error("", "a JSON patch needs a list of operations")]),
    };
    for (i, op) in operations.iter().enumerate() {
        apply_operation(target, op)
            .map_err(|message| vec![error("", &format!("JSON patch operation {i}: {message}"))])?;
    }
    Ok(())
}

fn error(path: &str, message: &str) -> PatchError {
    PatchError {
        path: path.to_string(),
        message: message.to_string(),
    }
}

fn apply_operation(target: &mut Data, op: &Data) -> Result<(), String> {
    let name = crate::data::string_at(op, &["op"]).ok_or("an operation needs an \"op\"")?;
    let path = crate::data::string_at(op, &["path"]).ok_or("an operation needs a \"path\"")?;
    let path = pointer(path)?;
    let value = || {
        crate::data::field(op, "value")
            .cloned()
            .ok_or(format!("\"{name}\" needs a \"value\""))
    };
    let from = || -> Result<Vec<String>, String> {
        pointer(
            crate::data::string_at(op, &["from"]).ok_or(format!("\"{name}\" needs a \"from\""))?,
        )
    };
    match name {
        "add" => add(target, &path, value()?),
        "remove" => remove(target, &path).map(drop),
        "replace" => {
            let value = value()?;
            let slot = find_mut(target, &path)
                .ok_or_else(|| format!("path /{} does not exist", path.join("/")))?;
            *slot = value;
            Ok(())
        }
        "move" => {
            let moved = remove(target, &from()?)?;
            add(target, &path, moved)
        }
        "copy" => {
            let copied = find(target, &from()?)
                .cloned()
                .ok_or("\"from\" does not exist")?;
            add(target, &path, copied)
        }
        "test" => match find(target, &path) {
            Some(found) if *found == value()? => Ok(()),
            _ => Err(format!("test failed at /{}", path.join("/"))),
        },
        other => Err(format!("unknown operation {other:?}")),
    }
}

/// The segments of a JSON pointer (`/a/b~1c` is `a`, `b/c`).
fn pointer(text: &str) -> Result<Vec<String>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let Some(rest) = text.strip_prefix('/') else {
        return Err(format!("invalid JSON pointer {text:?}"));
    };
    Ok(rest
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect())
}

fn find<'a>(data: &'a Data, path: &[String]) -> Option<&'a Data> {
    path.iter().try_fold(data, |d, segment| match d {
        Data::Struct(fields) => fields.iter().find(|(k, _)| k == segment).map(|(_, v)| v),
        Data::List(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    })
}

fn find_mut<'a>(data: &'a mut Data, path: &[String]) -> Option<&'a mut Data> {
    path.iter().try_fold(data, |d, segment| match d {
        Data::Struct(fields) => fields
            .iter_mut()
            .find(|(k, _)| k == segment)
            .map(|(_, v)| v),
        Data::List(items) => segment.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
        _ => None,
    })
}

fn add(target: &mut Data, path: &[String], value: Data) -> Result<(), String> {
    let Some((last, parent)) = path.split_last() else {
        *target = value;
        return Ok(());
    };
    let missing = || format!("path /{} does not exist", parent.join("/"));
    match find_mut(target, parent).ok_or_else(missing)? {
        Data::Struct(fields) => {
            match fields.iter_mut().find(|(k, _)| k == last) {
                Some((_, slot)) => *slot = value,
                None => fields.push((last.clone(), value)),
            }
            Ok(())
        }
        Data::List(items) if last == "-" => {
            items.push(value);
            Ok(())
        }
        Data::List(items) => match last.parse::<usize>() {
            Ok(i) if i <= items.len() => {
                items.insert(i, value);
                Ok(())
            }
            _ => Err(format!("index {last} is out of range")),
        },
        _ => Err(missing()),
    }
}

fn remove(target: &mut Data, path: &[String]) -> Result<Data, String> {
    let Some((last, parent)) = path.split_last() else {
        return Err("cannot remove the whole object".into());
    };
    let missing = || format!("path /{} does not exist", path.join("/"));
    match find_mut(target, parent).ok_or_else(missing)? {
        Data::Struct(fields) => {
            let i = fields
                .iter()
                .position(|(k, _)| k == last)
                .ok_or_else(missing)?;
            Ok(fields.remove(i).1)
        }
        Data::List(items) => match last.parse::<usize>() {
            Ok(i) if i < items.len() => Ok(items.remove(i)),
            _ => Err(missing()),
        },
        _ => Err(missing()),
    }
}
