//! Definitions in KubeVela's file format: a header naming the definition
//! (`webservice: {type: "component", description: …, attributes: …}`)
//! and a `template: {parameter, output, outputs, patch, …}` that refers
//! to a `context` it does not declare.
//!
//! Loading compiles the template once into a [`Module`] whose top level
//! is the template's body plus a `context: {...}` field; rendering
//! evaluates that module with `context` and `parameter` filled in, so a
//! definition is never parsed or compiled again per component.

use crate::markers::{label_text, Markers};
use crate::schema::{read_parameters, Schema};
use tenon_diagnostics::{Diagnostic, SourceMap, Span};
use tenon_eval::export::{Data, SpanTree};
use tenon_eval::{Evaluation, Module, PreparedData};
use tenon_syntax::ast;

/// What a definition defines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DefinitionKind {
    Component,
    Trait,
    Policy,
    WorkflowStep,
}

impl DefinitionKind {
    fn parse(text: &str) -> Option<DefinitionKind> {
        Some(match text {
            "component" => DefinitionKind::Component,
            "trait" => DefinitionKind::Trait,
            "policy" => DefinitionKind::Policy,
            "workflow-step" => DefinitionKind::WorkflowStep,
            _ => return None,
        })
    }

    /// The header's `type` text.
    pub fn as_str(self) -> &'static str {
        match self {
            DefinitionKind::Component => "component",
            DefinitionKind::Trait => "trait",
            DefinitionKind::Policy => "policy",
            DefinitionKind::WorkflowStep => "workflow-step",
        }
    }
}

/// A loaded definition: immutable, shared between renders and threads.
#[derive(Debug)]
pub struct Definition {
    pub name: String,
    pub kind: DefinitionKind,
    pub description: String,
    /// The header as data (`type`, `description`, `attributes`, `labels`,
    /// `annotations`…).
    pub header: Data,
    /// The header's name, where it is declared.
    pub span: Span,
    pub parameters: Schema,
    template: Module,
    /// `attributes.status.healthPolicy` and `customStatus`, compiled.
    pub(crate) status: crate::health::Status,
    patch_markers: Markers,
    patch_outputs_markers: Markers,
    /// The template may read `context.output` or `context.outputs` (a
    /// trait that does not is spared copying them in).
    reads_outputs: bool,
}

/// The `context: {...}` declaration every template gets; parsed once per
/// catalog from a source of its own.
pub const CONTEXT_PRELUDE: &str =
    "// The render context, filled in for every component.\ncontext: {...}\n";

impl Definition {
    /// Loads the definition in `text` (parsed as file `file`). `prelude`
    /// is [`CONTEXT_PRELUDE`] parsed. All problems come back as
    /// diagnostics.
    pub fn load(
        name: &str,
        text: &str,
        prelude: &ast::File,
        sources: &mut SourceMap,
    ) -> Result<Definition, Vec<Diagnostic>> {
        let file = sources.add(name, text);
        let parsed = tenon_syntax::parse_file(file, text);
        if !parsed.diagnostics.is_empty() {
            return Err(parsed.diagnostics);
        }
        let file = parsed.file;
        let mut header_field = None;
        let mut template_field = None;
        let mut others = Vec::new();
        for decl in &file.decls {
            match decl {
                ast::Decl::Field(f) if label_text(&f.label).as_deref() == Some("template") => {
                    template_field = Some(f.as_ref());
                }
                ast::Decl::Field(f) if header_field.is_none() && is_header(f) => {
                    header_field = Some(f.as_ref());
                }
                other => others.push(other.clone()),
            }
        }
        let (Some(header_field), Some(template_field)) = (header_field, template_field) else {
            return Err(vec![Diagnostic::error(
                "invalid-definition",
                file.span,
                "a definition file needs a header (`name: {type: \"component\", …}`) and a `template: {…}`",
            )]);
        };
        let file_name = name;
        let name = label_text(&header_field.label).unwrap_or_default();
        let span = header_field.label.span;
        let header = evaluate_header(&file, header_field, &others, &name)?;
        let kind_text = crate::data::string_at(&header, &["type"]).unwrap_or("");
        let Some(kind) = DefinitionKind::parse(kind_text) else {
            return Err(vec![Diagnostic::error(
                "invalid-definition",
                span,
                format!("definition {name:?} has type {kind_text:?}: expected \"component\", \"trait\", \"policy\" or \"workflow-step\""),
            )]);
        };
        let description = crate::data::string_at(&header, &["description"])
            .unwrap_or("")
            .to_string();
        let body: &[ast::Decl] = match &template_field.value {
            ast::Expr::Struct(lit) => &lit.decls,
            other => {
                return Err(vec![Diagnostic::error(
                    "invalid-definition",
                    tenon_syntax::ast::Spanned::span(other),
                    "`template` must be a struct",
                )])
            }
        };
        let parameters = read_parameters(&file, body, text);
        let patch_markers = markers_of(&file, body, "patch");
        let patch_outputs_markers = markers_of(&file, body, "patchOutputs");
        let mut decls: Vec<ast::Decl> = body.to_vec();
        decls.extend(others);
        decls.extend(prelude.decls.iter().cloned());
        let template_file = ast::File {
            decls,
            ..file.clone()
        };
        let (template, diagnostics) = Module::compile(&[&template_file], tenon_stdlib::BUILTINS);
        // Definitions written for KubeVela's older CUE add lists with `+`.
        let template = template.with_list_arithmetic();
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        // The template's definitions (`#Env`…) are schemas that are the
        // same in every render: checked once here, renders check only
        // the template's values.
        template.evaluate().validate_definitions()?;
        let status = crate::health::Status::compile(file_name, &header, prelude, sources)?;
        Ok(Definition {
            name,
            kind,
            description,
            header,
            span,
            parameters,
            template,
            status,
            patch_markers,
            patch_outputs_markers,
            reads_outputs: reads_outputs(text),
        })
    }

    /// A fresh evaluation of the template with `context` (prepared once
    /// for every template of a component) and the properties (positioned
    /// by `spans`) as `parameter`.
    pub fn evaluate(
        &self,
        context: &PreparedData,
        properties: &Data,
        spans: &SpanTree,
    ) -> Evaluation {
        let mut evaluation = self.template.evaluate();
        // Filling a struct into a struct field cannot fail.
        let _ = evaluation.fill_prepared(&["context"], context);
        let _ = evaluation.fill_spanned(&["parameter"], properties, spans);
        evaluation
    }

    /// Whether the template may read `context.output(s)`.
    pub fn reads_outputs(&self) -> bool {
        self.reads_outputs
    }

    /// The markers of the template's `patch`.
    pub fn patch_markers(&self) -> &Markers {
        &self.patch_markers
    }

    /// The markers of the template's `patchOutputs`.
    pub fn patch_outputs_markers(&self) -> &Markers {
        &self.patch_outputs_markers
    }

    /// An attribute of the header (`attributes.workload.type`…).
    pub fn attribute(&self, path: &[&str]) -> Option<&Data> {
        crate::data::get(crate::data::field(&self.header, "attributes")?, path)
    }
}

/// A header is a struct literal with a `type` field.
fn is_header(field: &ast::Field) -> bool {
    match &field.value {
        ast::Expr::Struct(lit) => lit.decls.iter().any(
            |d| matches!(d, ast::Decl::Field(f) if label_text(&f.label).as_deref() == Some("type")),
        ),
        _ => false,
    }
}

fn evaluate_header(
    file: &ast::File,
    header: &ast::Field,
    others: &[ast::Decl],
    name: &str,
) -> Result<Data, Vec<Diagnostic>> {
    let mut decls = vec![ast::Decl::Field(Box::new(header.clone()))];
    decls.extend(others.iter().cloned());
    let header_file = ast::File {
        decls,
        ..file.clone()
    };
    let (module, mut diagnostics) = Module::compile(&[&header_file], tenon_stdlib::BUILTINS);
    // The file's imports are for the template.
    diagnostics.retain(|d| d.code != "unused-import");
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut evaluation = module.evaluate();
    let value = evaluation.lookup(&[name]).ok_or_else(|| {
        vec![Diagnostic::error(
            "invalid-definition",
            header.span,
            "the definition header did not evaluate",
        )]
    })?;
    evaluation.to_data(value)
}

fn markers_of(file: &ast::File, body: &[ast::Decl], name: &str) -> Markers {
    let mut markers = Markers::default();
    for decl in body {
        if let ast::Decl::Field(field) = decl {
            if label_text(&field.label).as_deref() == Some(name) {
                markers = Markers::collect(file, body, field);
            }
        }
    }
    markers
}

/// Whether `text` may read `context.output` or `context.outputs`: some
/// `context` is followed by `.output…`, or used otherwise than through a
/// selector (passed whole, aliased). Conservative: a false positive costs
/// a copy, a false negative would hide data.
fn reads_outputs(text: &str) -> bool {
    let bytes = text.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'#';
    let mut from = 0;
    while let Some(found) = text[from..].find("context") {
        let start = from + found;
        let end = start + "context".len();
        from = end;
        if (start > 0 && ident(bytes[start - 1])) || bytes.get(end).is_some_and(|b| ident(*b)) {
            continue;
        }
        let rest = text[end..].trim_start();
        let Some(after_dot) = rest.strip_prefix('.') else {
            // `context` not followed by a selector: used whole.
            return true;
        };
        let name: String = after_dot
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name == "output" || name == "outputs" {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::reads_outputs;

    #[test]
    fn finds_reads_of_outputs() {
        assert!(reads_outputs("x: context.output.spec"));
        assert!(reads_outputs("x: context . outputs.svc"));
        assert!(reads_outputs("let c = context\nx: c.output"));
        assert!(!reads_outputs("x: context.name, y: context.appName"));
        assert!(!reads_outputs("mycontext: 1, context_x: context.namespace"));
        assert!(!reads_outputs("x: 1"));
    }
}
