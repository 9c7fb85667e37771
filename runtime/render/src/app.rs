//! The application model: what a `.app` file or a KubeVela Application
//! says, checked against the application schema (`stdlib/catalog/app.cue`)
//! and read into plain structs. Every part keeps the position it was
//! written at, so render errors point into the user's file.

use crate::data::{elements_spanned, field_spanned, fields_spanned};
use tenon_diagnostics::{Diagnostic, Span};
use tenon_eval::export::{Data, SpanTree};

/// One application.
#[derive(Clone, Debug, PartialEq)]
pub struct App {
    pub name: String,
    pub namespace: Option<String>,
    pub labels: Vec<(String, String)>,
    pub annotations: Vec<(String, String)>,
    pub components: Vec<Component>,
    pub policies: Vec<Policy>,
    pub steps: Vec<Step>,
    /// Where the application was written (its name).
    pub span: Span,
}

/// A part of an application with a definition type and properties: a
/// component, a trait, a policy or a workflow step.
#[derive(Clone, Debug, PartialEq)]
pub struct Typed {
    pub type_name: String,
    pub type_span: Span,
    pub properties: Data,
    pub property_spans: SpanTree,
    /// The path of the properties in the application
    /// (`components.frontend.properties`).
    pub path: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub name: String,
    pub typed: Typed,
    pub traits: Vec<Trait>,
    pub depends_on: Vec<String>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Trait {
    pub typed: Typed,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    pub name: String,
    pub typed: Typed,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub name: String,
    pub typed: Typed,
    pub span: Span,
}

impl App {
    /// Reads an application from its data (the `.app` shape, already
    /// checked against the schema) and the positions of its parts.
    pub fn from_data(data: &Data, spans: &SpanTree) -> App {
        let text = |name: &str| match field_spanned(data, spans, name) {
            Some((Data::String(s), _)) => Some(s.clone()),
            _ => None,
        };
        let pairs = |name: &str| match field_spanned(data, spans, name) {
            Some((value, s)) => fields_spanned(value, s)
                .into_iter()
                .filter_map(|(k, v, _)| match v {
                    Data::String(v) => Some((k.to_string(), v.clone())),
                    _ => None,
                })
                .collect(),
            None => Vec::new(),
        };
        let span = field_spanned(data, spans, "name")
            .map(|(_, s)| s.span)
            .unwrap_or(spans.span);
        let mut components = Vec::new();
        if let Some((value, s)) = field_spanned(data, spans, "components") {
            for (name, component, cs) in fields_spanned(value, s) {
                let path = format!("components.{}", path_segment(name));
                let traits = match field_spanned(component, cs, "traits") {
                    Some((list, ls)) => elements_spanned(list, ls)
                        .into_iter()
                        .enumerate()
                        .map(|(i, (t, ts))| Trait {
                            typed: typed(t, ts, &format!("{path}.traits.{i}")),
                            span: ts.span,
                        })
                        .collect(),
                    None => Vec::new(),
                };
                components.push(Component {
                    name: name.to_string(),
                    typed: typed(component, cs, &path),
                    traits,
                    depends_on: crate::data::strings(crate::data::field(component, "dependsOn")),
                    span: cs.span,
                });
            }
        }
        let mut policies = Vec::new();
        if let Some((value, s)) = field_spanned(data, spans, "policies") {
            for (name, policy, ps) in fields_spanned(value, s) {
                let path = format!("policies.{}", path_segment(name));
                policies.push(Policy {
                    name: name.to_string(),
                    typed: typed(policy, ps, &path),
                    span: ps.span,
                });
            }
        }
        let mut steps = Vec::new();
        if let Some((workflow, ws)) = field_spanned(data, spans, "workflow") {
            if let Some((list, ls)) = field_spanned(workflow, ws, "steps") {
                for (i, (step, ss)) in elements_spanned(list, ls).into_iter().enumerate() {
                    steps.push(Step {
                        name: crate::data::string_at(step, &["name"])
                            .unwrap_or("")
                            .to_string(),
                        typed: typed(step, ss, &format!("workflow.steps.{i}")),
                        span: ss.span,
                    });
                }
            }
        }
        App {
            name: text("name").unwrap_or_default(),
            namespace: text("namespace"),
            labels: pairs("labels"),
            annotations: pairs("annotations"),
            components,
            policies,
            steps,
            span,
        }
    }
}

fn typed(data: &Data, spans: &SpanTree, path: &str) -> Typed {
    let (type_name, type_span) = match field_spanned(data, spans, "type") {
        Some((Data::String(s), ts)) => (s.clone(), ts.span),
        _ => (String::new(), spans.span),
    };
    let (properties, property_spans) = match field_spanned(data, spans, "properties") {
        Some((p, ps)) => (p.clone(), ps.clone()),
        None => (Data::Struct(Vec::new()), SpanTree::leaf(spans.span)),
    };
    Typed {
        type_name,
        type_span,
        properties,
        property_spans,
        path: format!("{path}.properties"),
    }
}

/// A field name as a path segment (quoted when it is not an identifier).
pub fn path_segment(name: &str) -> String {
    if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
        return name.to_string();
    }
    let plain = name
        .chars()
        .enumerate()
        .all(|(i, c)| c == '_' || c == '$' || c.is_alphabetic() || (i > 0 && c.is_ascii_digit()));
    if plain && !name.is_empty() {
        name.to_string()
    } else {
        format!("{name:?}")
    }
}

/// Converts a KubeVela Application document (`apiVersion:
/// core.oam.dev/v1beta1`, `kind: Application`) to the `.app` shape:
/// `metadata.name` becomes `name`, the component and policy lists become
/// structs keyed by name. Spans follow the parts they came from.
pub fn from_kubevela(doc: &Data, spans: &SpanTree) -> Result<(Data, SpanTree), Vec<Diagnostic>> {
    let kind = crate::data::string_at(doc, &["kind"]);
    if kind != Some("Application") {
        return Err(vec![Diagnostic::error(
            "invalid-application",
            spans.span,
            format!(
                "expected a KubeVela Application (kind: Application), found {}",
                kind.map(|k| format!("kind {k:?}"))
                    .unwrap_or("no kind".into())
            ),
        )]);
    }
    let mut out = Pairs::default();
    if let Some((metadata, ms)) = field_spanned(doc, spans, "metadata") {
        for key in ["name", "namespace", "labels", "annotations"] {
            if let Some((value, vs)) = field_spanned(metadata, ms, key) {
                out.push(key, value.clone(), vs.clone());
            }
        }
    }
    if let Some((spec, ss)) = field_spanned(doc, spans, "spec") {
        for (key, value, vs) in fields_spanned(spec, ss) {
            match key {
                "components" | "policies" => {
                    let mut keyed = Pairs::default();
                    for (item, is) in elements_spanned(value, vs) {
                        let name = crate::data::string_at(item, &["name"])
                            .unwrap_or("")
                            .to_string();
                        keyed.push(&name, item.clone(), is.clone());
                    }
                    let (d, s) = keyed.finish(vs.span);
                    out.push(key, d, s);
                }
                _ => out.push(key, value.clone(), vs.clone()),
            }
        }
    }
    Ok(out.finish(spans.span))
}

/// A struct built with its span tree.
#[derive(Default)]
struct Pairs {
    fields: Vec<(String, Data)>,
    spans: Vec<SpanTree>,
}

impl Pairs {
    fn push(&mut self, key: &str, value: Data, spans: SpanTree) {
        self.fields.push((key.to_string(), value));
        self.spans.push(spans);
    }

    fn finish(self, span: Span) -> (Data, SpanTree) {
        (
            Data::Struct(self.fields),
            SpanTree {
                span,
                children: self.spans,
            },
        )
    }
}
