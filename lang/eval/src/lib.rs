//! The Tenon evaluator (CUE semantics): compiles syntax trees into an
//! evaluation IR ([`Module`]), unifies values lazily in a graph of
//! vertices, and exports concrete values as JSON or YAML.
//!
//! A [`Module`] is immutable and `Send + Sync`: compile once, then
//! [`Module::evaluate`] as often as needed, from any thread. Every
//! evaluation owns the values it computes, so memory is released when it
//! is dropped. Errors are [`tenon_diagnostics::Diagnostic`]s carrying the
//! data path and every position that contributed.

mod api;
pub mod builtin;
mod compile;
mod eval;
pub mod export;
mod ir;
mod label;
pub mod num;
pub mod stack;
pub mod tags;
mod value;

pub use api::{Evaluation, Kind, Module, Stats, ValueId};
pub use eval::{Limits, PreparedData};
