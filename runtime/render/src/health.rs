//! Health and status of a live object, from its definition's
//! `attributes.status`: `healthPolicy` (Tenon source setting `isHealth`)
//! and `customStatus` (setting `message`, and optionally `details`, a
//! struct of strings). Both see `context.output` (the live object) and
//! `context.outputs`, as in KubeVela. They are compiled when the
//! definition is loaded; a definition without a health policy is healthy.

use crate::data::{field, set, string_at};
use crate::definition::Definition;
use tenon_diagnostics::{Diagnostic, SourceMap};
use tenon_eval::export::Data;
use tenon_eval::{Kind, Module};
use tenon_syntax::ast;

/// What [`Definition::health`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    pub healthy: bool,
    pub message: String,
    pub details: Vec<(String, String)>,
}

/// The compiled status expressions of a definition.
#[derive(Debug, Default)]
pub(crate) struct Status {
    health_policy: Option<Module>,
    custom_status: Option<Module>,
}

impl Status {
    pub(crate) fn compile(
        file_name: &str,
        header: &Data,
        prelude: &ast::File,
        sources: &mut SourceMap,
    ) -> Result<Status, Vec<Diagnostic>> {
        let mut compile = |key: &str| -> Result<Option<Module>, Vec<Diagnostic>> {
            let Some(text) = string_at(header, &["attributes", "status", key]) else {
                return Ok(None);
            };
            let id = sources.add(format!("{file_name} (status.{key})"), text);
            let parsed = tenon_syntax::parse_file(id, text);
            if !parsed.diagnostics.is_empty() {
                return Err(parsed.diagnostics);
            }
            let mut file = parsed.file;
            file.decls.extend(prelude.decls.iter().cloned());
            let (module, diagnostics) = Module::compile(&[&file], tenon_stdlib::BUILTINS);
            if diagnostics.is_empty() {
                Ok(Some(module))
            } else {
                Err(diagnostics)
            }
        };
        Ok(Status {
            health_policy: compile("healthPolicy")?,
            custom_status: compile("customStatus")?,
        })
    }
}

impl Definition {
    /// The health of `object` (a live object as JSON data), with
    /// `outputs` the live objects of the component's other outputs by
    /// name. Errors are evaluation errors of the status expressions.
    pub fn health(&self, object: &Data, outputs: &Data) -> Result<Health, Vec<Diagnostic>> {
        let mut context = Data::Struct(Vec::new());
        set(&mut context, "output", object.clone());
        set(&mut context, "outputs", outputs.clone());
        let mut health = Health {
            healthy: true,
            message: String::new(),
            details: Vec::new(),
        };
        if let Some(module) = &self.status.health_policy {
            let mut evaluation = module.evaluate();
            let _ = evaluation.fill(&["context"], &context);
            evaluation.validate(false)?;
            health.healthy = match evaluation.lookup(&["isHealth"]) {
                Some(value) if evaluation.kind(value) == Kind::Bool => {
                    matches!(evaluation.to_data(value)?, Data::Bool(true))
                }
                _ => false,
            };
        }
        if let Some(module) = &self.status.custom_status {
            let mut evaluation = module.evaluate();
            let _ = evaluation.fill(&["context"], &context);
            evaluation.validate(false)?;
            if let Some(value) = evaluation.lookup(&["message"]) {
                if let Data::String(message) = evaluation.to_data(value)? {
                    health.message = message;
                }
            }
            if let Some(value) = evaluation.lookup(&["details"]) {
                let details = evaluation.to_data(value)?;
                if let Data::Struct(fields) = &details {
                    for (k, _) in fields {
                        if let Some(Data::String(v)) = field(&details, k) {
                            health.details.push((k.clone(), v.clone()));
                        }
                    }
                }
            }
        }
        Ok(health)
    }
}
