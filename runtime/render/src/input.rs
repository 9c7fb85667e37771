//! Reading applications: `.app` files (Tenon source of the `.app` shape)
//! and KubeVela Application YAML or JSON (one application per document),
//! each checked against the application schema with errors at the
//! user's positions.

use crate::app::{from_kubevela, App};
use tenon_diagnostics::{Diagnostic, FileId, SourceMap};
use tenon_eval::builtin::Imports;
use tenon_eval::export::{Data, SpanTree};
use tenon_eval::Module;
use tenon_syntax::ast;

/// The application schema, compiled once.
#[derive(Debug)]
pub struct AppSchema {
    module: Module,
}

const SCHEMA_ROOT: &str = "app: #Application\n";

impl AppSchema {
    pub fn new(sources: &mut SourceMap) -> AppSchema {
        let schema_id = sources.add("<catalog>/app.cue", tenon_stdlib::catalog::APP_SCHEMA);
        let root_id = sources.add("<tenon:app>", SCHEMA_ROOT);
        let mut schema =
            tenon_syntax::parse_file(schema_id, tenon_stdlib::catalog::APP_SCHEMA).file;
        let root = tenon_syntax::parse_file(root_id, SCHEMA_ROOT).file;
        // Files without a package clause do not share a scope: the root
        // field joins the schema's file.
        schema.decls.extend(root.decls);
        let (module, diagnostics) = Module::compile(&[&schema], tenon_stdlib::BUILTINS);
        debug_assert!(diagnostics.is_empty(), "{diagnostics:?}");
        AppSchema { module }
    }

    /// Checks application data (the `.app` shape) and reads it.
    pub fn check(&self, data: &Data, spans: &SpanTree) -> Result<App, Vec<Diagnostic>> {
        let mut evaluation = self.module.evaluate();
        let _ = evaluation.fill_spanned(&["app"], data, spans);
        let app = evaluation.lookup(&["app"]);
        let result = match app {
            Some(app) => evaluation.to_data(app).map(drop),
            None => Ok(()),
        };
        // Every error: conflicts anywhere, and what is missing.
        let mut errors = evaluation.validate(false).err().unwrap_or_default();
        errors.extend(result.err().unwrap_or_default());
        if errors.is_empty() {
            return Ok(App::from_data(data, spans));
        }
        errors.sort_by_key(|d| d.span());
        errors.dedup_by(|a, b| a.message == b.message && a.span() == b.span());
        Err(errors
            .into_iter()
            .map(|mut d| {
                // Paths are the application's own, not under the root
                // field the schema check fills it into.
                d.path = match d.path.as_deref() {
                    Some("app") => None,
                    Some(path) => Some(path.strip_prefix("app.").unwrap_or(path).to_string()),
                    None => None,
                };
                d
            })
            .collect())
    }
}

/// The applications of a Tenon source file (`.app`, `.cue`, `.tn`): the
/// file's value is one application.
pub fn read_source(
    schema: &AppSchema,
    file: FileId,
    text: &str,
) -> Result<Vec<App>, Vec<Diagnostic>> {
    let parsed = tenon_syntax::parse_file(file, text);
    if !parsed.diagnostics.is_empty() {
        return Err(parsed.diagnostics);
    }
    let imports = Imports::from(tenon_stdlib::BUILTINS);
    Ok(vec![read_package(schema, &[&parsed.file], &imports)?])
}

/// The application of the files of one package (parsed; `.app` overlays
/// unify by component name like any CUE files of a package), whose
/// imports may name builtin and module packages.
pub fn read_package(
    schema: &AppSchema,
    files: &[&ast::File],
    imports: &Imports,
) -> Result<App, Vec<Diagnostic>> {
    let (module, diagnostics) = Module::compile_with_imports(files, None, imports);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut evaluation = module.evaluate();
    evaluation.validate(false)?;
    let top = evaluation.top();
    let data = evaluation.to_data(top)?;
    let spans = evaluation.spans(top);
    schema.check(&data, &spans)
}

/// The applications of a KubeVela YAML (or JSON) file `name`: one per
/// document. Each document is read on its own, as a source of its own
/// (added to `sources`) whose text is the document after as many empty
/// lines as precede it in the file, so positions keep the file's line
/// numbers and reading a stream stays linear in its size.
pub fn read_kubevela(
    schema: &AppSchema,
    sources: &mut SourceMap,
    name: &str,
    text: &str,
) -> Result<Vec<App>, Vec<Diagnostic>> {
    let mut apps = Vec::new();
    let mut diagnostics = Vec::new();
    let (mut lines_before, mut counted_to) = (0, 0);
    for range in documents(text) {
        lines_before += text[counted_to..range.start].matches('\n').count();
        counted_to = range.start;
        let document = &text[range];
        if document.trim().is_empty() {
            continue;
        }
        let mut padded = "\n".repeat(lines_before);
        padded.push_str(document);
        let file = sources.add(name, padded.as_str());
        match read_document(schema, file, &padded) {
            Ok(app) => apps.push(app),
            Err(more) => diagnostics.extend(more),
        }
    }
    if diagnostics.is_empty() {
        Ok(apps)
    } else {
        Err(diagnostics)
    }
}

fn read_document(schema: &AppSchema, file: FileId, text: &str) -> Result<App, Vec<Diagnostic>> {
    let parsed = tenon_syntax::parse_yaml(file, text);
    if !parsed.diagnostics.is_empty() {
        return Err(parsed.diagnostics);
    }
    let (module, diagnostics) = Module::compile(&[&parsed.file], tenon_stdlib::BUILTINS);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut evaluation = module.evaluate();
    let top = evaluation.top();
    let data = evaluation.to_data(top)?;
    let spans = evaluation.spans(top);
    let (app, app_spans) = from_kubevela(&data, &spans)?;
    schema.check(&app, &app_spans)
}

/// The byte ranges of the documents of a YAML stream (split at `---`
/// lines).
fn documents(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed.starts_with("--- ") {
            ranges.push(start..offset);
            start = offset + line.len();
        }
        offset += line.len();
    }
    ranges.push(start..text.len());
    ranges
}
