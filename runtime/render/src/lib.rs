//! Tenon's application renderer: an application (a `.app` file, or a
//! KubeVela Application in YAML) rendered through definitions in
//! KubeVela's format into the Kubernetes objects of every target cluster.
//!
//! The pipeline: [`input`] reads applications and checks them against the
//! application schema; [`catalog`] holds the definitions, each compiled
//! once ([`definition`]); [`placement`] works out the targets from the
//! topology and override policies and the workflow's deploy steps;
//! [`component`] renders a component (its template evaluated with
//! `parameter` and `context`, then its traits, whose patches [`patch`]
//! applies); [`objects`] stamps the standard labels and [`k8s`] checks
//! objects of built-in kinds against their schemas. [`health`] evaluates
//! a definition's health and status expressions against a live object.
//! Errors about what a user wrote are reported at the user's file
//! ([`errors`]).

pub mod app;
pub mod catalog;
pub mod component;
pub mod context;
pub mod data;
pub mod definition;
pub mod errors;
pub mod health;
pub mod input;
pub mod jsonpatch;
pub mod k8s;
pub mod markers;
pub mod objects;
pub mod output;
pub mod patch;
pub mod placement;
pub mod properties;
pub mod render;
pub mod schema;
mod template;
mod traits;
mod validity;

pub use app::App;
pub use catalog::Catalog;
pub use definition::{Definition, DefinitionKind};
pub use health::{Health, HealthInput};
pub use input::AppSchema;
pub use objects::Object;
pub use render::{render, TargetObjects};
