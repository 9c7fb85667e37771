//! Health and status of a live object, from its definition's
//! `attributes.status`: `healthPolicy` (Tenon source setting `isHealth`)
//! and `customStatus` (setting `message`, and optionally `details`, a
//! struct of strings). Both see `context` (the render context, with
//! `output` the live object and `outputs` the others) and `parameter`
//! (the properties), as in KubeVela. They are compiled when the
//! definition is loaded; a definition without a health policy is healthy.

use crate::data::{field, set, string_at};
use crate::definition::Definition;
use tenon_diagnostics::{Diagnostic, SourceMap};
use tenon_eval::export::Data;
use tenon_eval::{Kind, Module};
use tenon_syntax::ast;

const PARAMETER: &str = "parameter: {...}\n";

fn declares(file: &ast::File, name: &str) -> bool {
    file.decls.iter().any(|d| {
        matches!(d, ast::Decl::Field(f) if crate::markers::label_text(&f.label).as_deref() == Some(name))
    })
}

/// What a health check looks at: the live object, the component's other
/// live objects by name, its properties and its render context.
#[derive(Clone, Copy, Debug)]
pub struct HealthInput<'a> {
    pub output: &'a Data,
    pub outputs: &'a Data,
    pub parameter: &'a Data,
    pub context: &'a Data,
}

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
            if !declares(&file, "parameter") {
                let id = sources.add(format!("{file_name} (status.{key} parameter)"), PARAMETER);
                file.decls
                    .extend(tenon_syntax::parse_file(id, PARAMETER).file.decls);
            }
            let (module, diagnostics) = Module::compile(&[&file], tenon_stdlib::BUILTINS);
            if diagnostics.is_empty() {
                Ok(Some(module.with_list_arithmetic()))
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
    /// The health of a live object. Errors are evaluation errors of the
    /// status expressions.
    pub fn health(&self, input: HealthInput) -> Result<Health, Vec<Diagnostic>> {
        let mut context = input.context.clone();
        set(&mut context, "output", input.output.clone());
        set(&mut context, "outputs", input.outputs.clone());
        let mut health = Health {
            healthy: true,
            message: String::new(),
            details: Vec::new(),
        };
        if let Some(module) = &self.status.health_policy {
            let mut evaluation = module.evaluate();
            let _ = evaluation.fill(&["context"], &context);
            let _ = evaluation.fill(&["parameter"], input.parameter);
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
            let _ = evaluation.fill(&["parameter"], input.parameter);
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
