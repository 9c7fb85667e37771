//! Where an application goes and how it changes there: `topology`
//! policies name clusters and a namespace, `override` policies change
//! components' properties and traits, and each workflow `deploy` step
//! picks the policies that apply to it. Each step yields placements: a
//! target (cluster, namespace) and the components as changed for it.
//!
//! Without a workflow, the application is deployed once with every
//! topology policy and every override policy (in the order written);
//! without a topology policy, to the cluster `local` and the
//! application's namespace (`default` when it has none).

use crate::app::{App, Component, Policy, Trait};
use crate::context::Target;
use crate::data::{elements_spanned, field, field_spanned, string_at, strings};
use crate::errors::locate;
use crate::jsonpatch::merge_patch_spanned;
use tenon_diagnostics::Diagnostic;
use tenon_eval::export::{Data, SpanTree};

/// The cluster Tenon renders for when no topology names one.
pub const LOCAL_CLUSTER: &str = "local";

/// One target and the components deployed there.
#[derive(Clone, Debug)]
pub struct Placement {
    pub target: Target,
    pub components: Vec<Component>,
}

/// The placements of `app`, in workflow order (targets deployed by
/// several steps are kept once, the first time).
pub fn placements(app: &App, diagnostics: &mut Vec<Diagnostic>) -> Vec<Placement> {
    // The policies of each deploy step (all of them without one).
    let deploys: Vec<Vec<&Policy>> = {
        let steps: Vec<_> = app
            .steps
            .iter()
            .filter(|s| s.typed.type_name == "deploy")
            .collect();
        if steps.is_empty() {
            vec![app.policies.iter().collect()]
        } else {
            steps
                .into_iter()
                .map(|step| step_policies(app, step, diagnostics))
                .collect()
        }
    };
    let mut out: Vec<Placement> = Vec::new();
    for policies in deploys {
        let topologies: Vec<&&Policy> = policies
            .iter()
            .filter(|p| p.typed.type_name == "topology")
            .collect();
        let overrides: Vec<&&Policy> = policies
            .iter()
            .filter(|p| p.typed.type_name == "override")
            .collect();
        let mut components = app.components.clone();
        for policy in &overrides {
            components = apply_override(components, policy);
        }
        let mut targets = Vec::new();
        if topologies.is_empty() {
            targets.push(Target {
                cluster: LOCAL_CLUSTER.to_string(),
                namespace: app.namespace.clone().unwrap_or_else(|| "default".into()),
            });
        }
        for policy in topologies {
            let properties = &policy.typed.properties;
            let namespace = string_at(properties, &["namespace"])
                .map(str::to_string)
                .or_else(|| app.namespace.clone())
                .unwrap_or_else(|| "default".into());
            let clusters = strings(field(properties, "clusters"));
            let clusters = if clusters.is_empty() {
                vec![LOCAL_CLUSTER.to_string()]
            } else {
                clusters
            };
            for cluster in clusters {
                targets.push(Target {
                    cluster,
                    namespace: namespace.clone(),
                });
            }
        }
        for target in targets {
            if !out.iter().any(|p| p.target == target) {
                out.push(Placement {
                    target,
                    components: components.clone(),
                });
            }
        }
    }
    out
}

/// The policies a deploy step names (`properties.policies`).
fn step_policies<'a>(
    app: &'a App,
    step: &crate::app::Step,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<&'a Policy> {
    let names = strings(field(&step.typed.properties, "policies"));
    let mut policies = Vec::new();
    for (i, name) in names.iter().enumerate() {
        match app.policies.iter().find(|p| p.name == *name) {
            Some(policy) => policies.push(policy),
            None => {
                let span = locate(
                    &step.typed.properties,
                    &step.typed.property_spans,
                    &["policies".to_string(), i.to_string()],
                );
                let known: Vec<&str> = app.policies.iter().map(|p| p.name.as_str()).collect();
                diagnostics.push(
                    Diagnostic::error(
                        "unknown-policy",
                        span,
                        format!("deploy step {:?} names policy {name:?}, which the application does not declare", step.name),
                    )
                    .with_path(format!("{}.policies.{i}", step.typed.path))
                    .with_note(format!("declared policies: {}", known.join(", "))),
                );
            }
        }
    }
    policies
}

/// Applies one `override` policy: for each entry of
/// `properties.components`, the components it selects (by `name` and
/// `type`; all when neither is given) get its properties merged in (RFC
/// 7386 merge patch) and its traits merged by type (`disable: true`
/// removes one, an unknown type is added). `selector` keeps only the
/// components it names.
fn apply_override(mut components: Vec<Component>, policy: &Policy) -> Vec<Component> {
    let properties = &policy.typed.properties;
    let spans = &policy.typed.property_spans;
    if let Some((list, list_spans)) = field_spanned(properties, spans, "components") {
        for (entry, entry_spans) in elements_spanned(list, list_spans) {
            let name = string_at(entry, &["name"]);
            let type_name = string_at(entry, &["type"]);
            for component in &mut components {
                let selected = name.is_none_or(|n| n == component.name)
                    && type_name.is_none_or(|t| t == component.typed.type_name);
                if selected {
                    override_component(component, entry, entry_spans);
                }
            }
        }
    }
    if let Some(Data::List(_)) = field(properties, "selector") {
        let keep = strings(field(properties, "selector"));
        components.retain(|c| keep.contains(&c.name));
    }
    components
}

/// Applies one entry of an override policy to a component; what the
/// policy sets is reported, when wrong, at the policy.
fn override_component(component: &mut Component, entry: &Data, entry_spans: &SpanTree) {
    if let Some((patch, patch_spans)) = field_spanned(entry, entry_spans, "properties") {
        let typed = &mut component.typed;
        merge_patch_spanned(
            &mut typed.properties,
            &mut typed.property_spans,
            patch,
            patch_spans,
        );
    }
    let Some((traits, traits_spans)) = field_spanned(entry, entry_spans, "traits") else {
        return;
    };
    for (t, t_spans) in elements_spanned(traits, traits_spans) {
        let Some(type_name) = string_at(t, &["type"]) else {
            continue;
        };
        let disable = matches!(field(t, "disable"), Some(Data::Bool(true)));
        let position = component
            .traits
            .iter()
            .position(|x| x.typed.type_name == type_name);
        let patch = field_spanned(t, t_spans, "properties");
        match (position, disable) {
            (Some(i), true) => {
                component.traits.remove(i);
            }
            (Some(i), false) => {
                if let Some((patch, patch_spans)) = patch {
                    let existing = &mut component.traits[i].typed;
                    merge_patch_spanned(
                        &mut existing.properties,
                        &mut existing.property_spans,
                        patch,
                        patch_spans,
                    );
                }
            }
            (None, true) => {}
            (None, false) => {
                let (properties, property_spans) = match patch {
                    Some((p, s)) => (p.clone(), s.clone()),
                    None => (Data::Struct(Vec::new()), SpanTree::leaf(t_spans.span)),
                };
                let type_span =
                    field_spanned(t, t_spans, "type").map_or(t_spans.span, |(_, s)| s.span);
                let path = format!(
                    "{}.traits.{}.properties",
                    component.typed.path.trim_end_matches(".properties"),
                    component.traits.len()
                );
                component.traits.push(Trait {
                    typed: crate::app::Typed {
                        type_name: type_name.to_string(),
                        type_span,
                        properties,
                        property_spans,
                        path,
                    },
                    span: t_spans.span,
                });
            }
        }
    }
}
