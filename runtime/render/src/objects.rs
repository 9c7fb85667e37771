//! What every rendered object gets besides its definition's output: the
//! standard labels KubeVela sets, a name and a namespace.

use crate::data::{entry, field, set, string};
use tenon_eval::export::Data;

/// Which part of a component an object came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The component definition's `output`.
    Workload,
    /// The component definition's `outputs.<name>`.
    Output(String),
    /// `outputs.<name>` of a trait of type `trait_type`.
    TraitOutput { trait_type: String, name: String },
}

/// One rendered Kubernetes object.
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    pub component: String,
    pub origin: Origin,
    pub data: Data,
}

impl Object {
    pub fn kind(&self) -> &str {
        crate::data::string_at(&self.data, &["kind"]).unwrap_or("")
    }

    pub fn name(&self) -> &str {
        crate::data::string_at(&self.data, &["metadata", "name"]).unwrap_or("")
    }
}

/// Kinds with no namespace (Kubernetes' built-in cluster-scoped kinds).
const CLUSTER_SCOPED: &[&str] = &[
    "Namespace",
    "Node",
    "PersistentVolume",
    "StorageClass",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "PriorityClass",
    "IngressClass",
    "RuntimeClass",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
    "APIService",
    "CSIDriver",
    "VolumeAttachment",
];

/// Labels, name and namespace of an object of component `component`
/// (type `component_type`) of application `app`.
#[derive(Debug)]
pub struct Stamp<'a> {
    pub app: &'a str,
    pub app_revision: &'a str,
    pub component: &'a str,
    pub component_type: &'a str,
    pub namespace: &'a str,
}

impl Stamp<'_> {
    /// Sets the standard labels (they replace a definition's labels of
    /// the same names) (`app.oam.dev/name`, `…/component`,
    /// `…/appRevision`, `workload.oam.dev/type` or `trait.oam.dev/type`
    /// and `…/resource`), the name when the definition gave none (the
    /// component's, or `<component>-<output>`), and the namespace of
    /// namespaced kinds when the definition gave none.
    pub fn apply(&self, object: &mut Object) {
        let default_name = match &object.origin {
            Origin::Workload => self.component.to_string(),
            Origin::Output(name) | Origin::TraitOutput { name, .. } => {
                format!("{}-{}", self.component, name)
            }
        };
        let kind = object.kind().to_string();
        let metadata = entry(&mut object.data, "metadata");
        if field(metadata, "name").is_none() {
            set(metadata, "name", string(default_name));
        }
        if field(metadata, "namespace").is_none() && !CLUSTER_SCOPED.contains(&kind.as_str()) {
            set(metadata, "namespace", string(self.namespace));
        }
        let labels = entry(metadata, "labels");

        set(labels, "app.oam.dev/name", string(self.app));
        set(labels, "app.oam.dev/component", string(self.component));
        set(labels, "app.oam.dev/appRevision", string(self.app_revision));
        match &object.origin {
            Origin::Workload => {
                set(labels, "workload.oam.dev/type", string(self.component_type));
                set(labels, "app.oam.dev/resourceType", string("WORKLOAD"));
            }
            Origin::Output(name) => {
                set(labels, "trait.oam.dev/type", string("AuxiliaryWorkload"));
                set(labels, "trait.oam.dev/resource", string(name));
                set(labels, "app.oam.dev/resourceType", string("TRAIT"));
            }
            Origin::TraitOutput { trait_type, name } => {
                set(labels, "trait.oam.dev/type", string(trait_type));
                set(labels, "trait.oam.dev/resource", string(name));
                set(labels, "app.oam.dev/resourceType", string("TRAIT"));
            }
        }
        order_fields(&mut object.data, &["apiVersion", "kind", "metadata"]);
        if let Some(metadata) = crate::data::field_mut(&mut object.data, "metadata") {
            order_fields(metadata, &["name", "namespace", "labels", "annotations"]);
        }
    }
}

/// Moves the fields `first` (those present) to the front, in that order.
fn order_fields(data: &mut Data, first: &[&str]) {
    if let Data::Struct(fields) = data {
        fields.sort_by_key(|(k, _)| first.iter().position(|f| f == k).unwrap_or(first.len()));
    }
}
