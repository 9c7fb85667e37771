//! `tenon vet`: validate data files against a schema. Each data file is
//! checked on its own: unified with the schema's package (or, with
//! `-d '#Def'`, with that definition, and then it must be complete), and
//! every error points into the data file. The schema is loaded as
//! `export` loads a package: a directory stands for the package in it,
//! and imports reach the builtin packages and the module's packages.

use super::{files, load, report};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tenon_diagnostics::{Diagnostic, FileId, Span};
use tenon_eval::builtin::Imports;
use tenon_eval::tags::BuildTags;
use tenon_eval::Module;
use tenon_syntax::ast;

/// The field a data file is put in when it is checked against `-d`.
const DATA_FIELD: &str = "_tenonVetData";

pub fn run(paths: &[PathBuf], definition: Option<&str>) -> Result<ExitCode, String> {
    let (data_paths, schema_paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .iter()
        .cloned()
        .partition(|path| !path.is_dir() && data_kind(path).is_some());
    if data_paths.is_empty() {
        return Err("vet: no data files (.json, .yaml) to check".into());
    }
    let mut loaded = load::load(&schema_paths, &mut BuildTags::default())?;
    let mut data = Vec::new();
    for path in data_paths {
        let text = files::read(&path)?;
        let id = loaded
            .sources
            .add(path.display().to_string(), text.as_str());
        match data_kind(&path) {
            Some(DataKind::Json) => data.push(tenon_syntax::parse_json(id, &text)),
            _ => data.push(tenon_syntax::parse_yaml(id, &text)),
        }
    }
    let expr = match definition {
        Some(name) => {
            let text = format!("{name} & {DATA_FIELD}");
            let id = loaded.sources.add("<-d>", text.as_str());
            let parsed = tenon_syntax::parse_expr(id, &text);
            loaded.diagnostics.extend(parsed.diagnostics);
            Some(parsed.expr)
        }
        None => None,
    };
    let packages = loaded.packages();
    let imports = load::imports(&packages);
    let mut failed = 0;
    for parsed in &data {
        let mut found = parsed.diagnostics.clone();
        if found.is_empty() && loaded.diagnostics.is_empty() {
            found = check(&loaded.files, parsed.file.clone(), expr.as_ref(), &imports);
        }
        if !found.is_empty() {
            failed += 1;
            report::print(&found, &loaded.sources);
        }
    }
    if !loaded.diagnostics.is_empty() {
        report::print(&loaded.diagnostics, &loaded.sources);
        return Ok(ExitCode::FAILURE);
    }
    if failed > 0 {
        eprintln!("{failed} of {} data file(s) failed", data.len());
        return Ok(ExitCode::FAILURE);
    }
    eprintln!("{} data file(s) valid", data.len());
    Ok(ExitCode::SUCCESS)
}

enum DataKind {
    Json,
    Yaml,
}

fn data_kind(path: &Path) -> Option<DataKind> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => Some(DataKind::Json),
        Some("yaml" | "yml") => Some(DataKind::Yaml),
        _ => None,
    }
}

/// The diagnostics of one data file against the schema.
fn check(
    schema: &[ast::File],
    data: ast::File,
    expr: Option<&ast::Expr>,
    imports: &Imports,
) -> Vec<Diagnostic> {
    let data_file = data.id;
    let data = match expr {
        Some(_) => wrap(data),
        None => data,
    };
    let mut files: Vec<&ast::File> = schema.iter().collect();
    files.push(&data);
    let (module, diagnostics) = Module::compile_with_imports(&files, expr, imports);
    if !diagnostics.is_empty() {
        return diagnostics;
    }
    let mut evaluation = module.evaluate();
    let errors = evaluation
        .validate(expr.is_some())
        .err()
        .unwrap_or_default();
    errors
        .into_iter()
        .map(|d| in_data_file(d, data_file))
        .collect()
}

/// An error points into the data file when one of its positions is
/// there: that one becomes the primary label, the schema's secondary.
fn in_data_file(mut diagnostic: Diagnostic, data_file: FileId) -> Diagnostic {
    if diagnostic.primary.span.file == data_file {
        return diagnostic;
    }
    if let Some(i) = diagnostic
        .secondary
        .iter()
        .position(|l| l.span.file == data_file)
    {
        let data_label = diagnostic.secondary.remove(i);
        let schema_span = std::mem::replace(&mut diagnostic.primary.span, data_label.span);
        diagnostic.secondary.insert(
            0,
            tenon_diagnostics::Label {
                span: schema_span,
                message: "the schema".to_string(),
            },
        );
    }
    diagnostic
}

/// The data file as one field, `_tenonVetData: {…data…}`, so that `-d`
/// can unify it with a definition.
fn wrap(data: ast::File) -> ast::File {
    let span = data.span;
    let ident = ast::Ident {
        name: DATA_FIELD.into(),
        span: Span::new(span.file, span.start as usize, span.start as usize),
    };
    let field = ast::Field {
        label: ast::Label {
            alias: None,
            name: ast::LabelName::Ident(ident),
            constraint: ast::FieldConstraint::Regular,
            span,
        },
        value_alias: None,
        value: ast::Expr::Struct(ast::StructLit {
            decls: data.decls,
            braces: true,
            span,
        }),
        attributes: Box::default(),
        doc: None,
        span,
    };
    ast::File {
        decls: vec![ast::Decl::Field(Box::new(field))],
        ..ast::File {
            id: data.id,
            span,
            attributes: data.attributes,
            package: None,
            imports: Vec::new(),
            decls: Vec::new(),
            comments: data.comments,
        }
    }
}
