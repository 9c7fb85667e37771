//! Turning evaluation errors of a definition into errors a user can act
//! on: an error under `parameter` is an error of the properties the user
//! wrote, reported at their position in the application with their path
//! there (`components.frontend.properties.replicas`); any other error is
//! an error of the definition, reported at the definition with the
//! component that was being rendered.

use crate::app::Typed;
use crate::definition::Definition;
use tenon_diagnostics::{Diagnostic, Span};
use tenon_eval::export::{Data, SpanTree};

/// The segments of an evaluation path (`a."b.c".0`).
pub fn split_path(path: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut escaped = false;
    for c in path.chars() {
        if quoted {
            if escaped {
                escaped = false;
                current.push(c);
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                quoted = false;
            } else {
                current.push(c);
            }
        } else if c == '"' {
            quoted = true;
        } else if c == '.' {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() || !parts.is_empty() {
        parts.push(current);
    }
    parts
}

/// The span of the deepest written part of `data` along `path`.
pub fn locate(data: &Data, spans: &SpanTree, path: &[String]) -> Span {
    let mut d = data;
    let mut s = spans;
    for segment in path {
        let next = match d {
            Data::Struct(fields) => fields
                .iter()
                .position(|(k, _)| k == segment)
                .map(|i| (&fields[i].1, s.child(i))),
            Data::List(items) => segment
                .parse::<usize>()
                .ok()
                .and_then(|i| items.get(i).map(|item| (item, s.child(i)))),
            _ => None,
        };
        match next {
            Some((nd, ns)) => {
                d = nd;
                s = ns;
            }
            None => break,
        }
    }
    s.span
}

fn join_path(base: &str, rest: &[String]) -> String {
    let mut path = base.to_string();
    for segment in rest {
        path.push('.');
        path.push_str(&crate::app::path_segment(segment));
    }
    path
}

/// Re-homes an evaluation error of `definition`, rendered for `typed`
/// (a component's or trait's properties), at the user's properties when
/// it is about them, at the definition otherwise.
pub fn rehome(
    diagnostic: Diagnostic,
    typed: &Typed,
    definition: &Definition,
    subject: &str,
) -> Diagnostic {
    let path = diagnostic.path.clone().unwrap_or_default();
    let segments = split_path(&path);
    let written = if segments.first().map(String::as_str) == Some("parameter") {
        Some(segments[1..].to_vec())
    } else {
        // A property's value copied elsewhere in the template: the error
        // is still about the property, written at one of its positions.
        std::iter::once(&diagnostic.primary)
            .chain(&diagnostic.secondary)
            .find_map(|label| find_span(&typed.properties, &typed.property_spans, label.span))
    };
    if let Some(rest) = written {
        let rest = &rest[..];
        let span = locate(&typed.properties, &typed.property_spans, rest);
        let mut mapped = Diagnostic::error(diagnostic.code, span, diagnostic.message.clone())
            .with_path(join_path(&typed.path, rest));
        for label in std::iter::once(&diagnostic.primary).chain(&diagnostic.secondary) {
            if label.span != span && label.span != Span::default() {
                mapped = mapped.with_label(
                    label.span,
                    format!(
                        "constraint of {} {:?}",
                        definition.kind.as_str(),
                        definition.name
                    ),
                );
            }
        }
        mapped.notes = diagnostic.notes;
        return mapped;
    }
    let mut mapped = diagnostic;
    mapped.message = format!(
        "{} {:?} (rendering {subject}): {}",
        definition.kind.as_str(),
        definition.name,
        mapped.message
    );
    if mapped.primary.span == Span::default() {
        mapped.primary.span = definition.span;
    }
    mapped.with_label(typed.type_span, format!("{subject} uses it here"))
}

/// The path of the written part of `data` at exactly `span`.
fn find_span(data: &Data, spans: &SpanTree, span: Span) -> Option<Vec<String>> {
    if span == Span::default() {
        return None;
    }
    if spans.span == span && spans.children.is_empty() {
        return Some(Vec::new());
    }
    let children = crate::data::children(data);
    for (i, (name, child)) in children.into_iter().enumerate() {
        let Some(tree) = spans.children.get(i) else {
            break;
        };
        if let Some(mut rest) = find_span(child, tree, span) {
            rest.insert(0, name);
            return Some(rest);
        }
    }
    None
}

/// The did-you-mean candidate for `name` among `candidates`: the closest
/// by edit distance, when close enough.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance (insertions, deletions, substitutions).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut previous = row[0];
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let next = (row[j] + 1).min(row[j - 1] + 1).min(previous + cost);
            previous = row[j];
            row[j] = next;
        }
    }
    row[b.len()]
}
