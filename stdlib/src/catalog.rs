//! The built-in definition catalog and the application schema, as Tenon
//! sources embedded in the binary (`stdlib/catalog/`). The renderer
//! (`tenon-render`) compiles them once.

/// The application schema (`#Application`).
pub const APP_SCHEMA: &str = include_str!("../catalog/app.cue");

/// Every built-in definition: its file name under `catalog/` and its
/// source, in KubeVela's definition format (listed by `build.rs`).
pub const DEFINITIONS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
