//! The built-in kinds that are checked, each by its k8s-openapi type.

use super::de::{Error, Node};
use k8s_openapi::api::{apps, autoscaling, batch, core, networking, policy, rbac};
use k8s_openapi::Resource;
use serde::de::DeserializeOwned;
use serde::Serialize;
use tenon_eval::export::Data;

/// Reads an object into its type and writes it back as JSON: fields the
/// type has and the object lacks come back with their defaults
/// (k8s-openapi defaults a missing required field, as the API server's
/// decoding does), so the round trip shows the missing required fields.
pub(super) type Reader = fn(Node<'_, '_>) -> Result<serde_json::Value, Error>;

/// Reads an object into its type and tells whether a required field is
/// missing (as [`Reader`] finds them, without writing anything).
pub(super) type QuickReader = fn(Node<'_, '_>, &Data) -> Result<bool, Error>;

fn quick_read<T: DeserializeOwned + Serialize>(
    node: Node<'_, '_>,
    object: &Data,
) -> Result<bool, Error> {
    let value = T::deserialize(node)?;
    Ok(super::missing::any_missing(&value, object))
}

fn read<T: DeserializeOwned + Serialize>(node: Node<'_, '_>) -> Result<serde_json::Value, Error> {
    let object = T::deserialize(node)?;
    serde_json::to_value(&object).map_err(|e| <Error as serde::de::Error>::custom(e.to_string()))
}

macro_rules! kinds {
    ($($ty:ty),* $(,)?) => {
        /// The API version and kind of each checked kind, with its reader.
        const KINDS: &[(&str, &str, Reader, QuickReader)] = &[
            $((
                <$ty as Resource>::API_VERSION,
                <$ty as Resource>::KIND,
                read::<$ty>,
                quick_read::<$ty>,
            )),*
        ];
    };
}

kinds![
    apps::v1::DaemonSet,
    apps::v1::Deployment,
    apps::v1::ReplicaSet,
    apps::v1::StatefulSet,
    autoscaling::v1::HorizontalPodAutoscaler,
    autoscaling::v2::HorizontalPodAutoscaler,
    batch::v1::CronJob,
    batch::v1::Job,
    core::v1::ConfigMap,
    core::v1::LimitRange,
    core::v1::Namespace,
    core::v1::PersistentVolume,
    core::v1::PersistentVolumeClaim,
    core::v1::Pod,
    core::v1::ResourceQuota,
    core::v1::Secret,
    core::v1::Service,
    core::v1::ServiceAccount,
    networking::v1::Ingress,
    networking::v1::IngressClass,
    networking::v1::NetworkPolicy,
    policy::v1::PodDisruptionBudget,
    rbac::v1::ClusterRole,
    rbac::v1::ClusterRoleBinding,
    rbac::v1::Role,
    rbac::v1::RoleBinding,
];

/// The reader of objects of `api_version` and `kind`, when that kind is
/// checked.
pub(super) fn reader(api_version: &str, kind: &str) -> Option<(Reader, QuickReader)> {
    KINDS
        .iter()
        .find(|(v, k, _, _)| *v == api_version && *k == kind)
        .map(|(_, _, read, quick)| (*read, *quick))
}

/// The group of an API version (`""` for the core group's `v1`).
fn group(api_version: &str) -> &str {
    api_version.rsplit_once('/').map_or("", |(group, _)| group)
}

/// Why a checked kind under `api_version` is wrong, when that API version
/// belongs to a built-in group (`extensions` included, whose kinds moved
/// away) but does not serve the kind: its API versions that do. `None` for
/// kinds not checked and for other groups (a custom resource may reuse a
/// built-in kind's name, as apps.kruise.io's StatefulSet does).
pub(super) fn unserved(api_version: &str, kind: &str) -> Option<String> {
    let builtin_group =
        |g: &str| g == "extensions" || KINDS.iter().any(|(v, _, _, _)| group(v) == g);
    if api_version.is_empty() || !builtin_group(group(api_version)) {
        return None;
    }
    let served: Vec<&str> = KINDS
        .iter()
        .filter(|(_, k, _, _)| *k == kind)
        .map(|(v, _, _, _)| *v)
        .collect();
    if served.is_empty() {
        return None;
    }
    Some(format!(
        "Kubernetes serves no {kind} as {api_version}: use {}",
        served.join(" or ")
    ))
}
