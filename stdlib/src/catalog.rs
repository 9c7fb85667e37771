//! The built-in definition catalog and the application schema, as Tenon
//! sources embedded in the binary (`stdlib/catalog/`). The renderer
//! (`tenon-render`) compiles them once.

/// The application schema (`#Application`).
pub const APP_SCHEMA: &str = include_str!("../catalog/app.cue");

/// Every built-in definition: its file name and source, in KubeVela's
/// definition format.
pub const DEFINITIONS: &[(&str, &str)] = &[
    (
        "components/webservice.cue",
        include_str!("../catalog/components/webservice.cue"),
    ),
    (
        "traits/scaler.cue",
        include_str!("../catalog/traits/scaler.cue"),
    ),
    (
        "traits/labels.cue",
        include_str!("../catalog/traits/labels.cue"),
    ),
    (
        "policies/topology.cue",
        include_str!("../catalog/policies/topology.cue"),
    ),
    (
        "policies/override.cue",
        include_str!("../catalog/policies/override.cue"),
    ),
];
