//! `tenon vet`: validate data files against a schema. Each data file is
//! checked on its own: unified with the schema's package (or, with
//! `-d '#Def'`, with that definition, and then it must be complete), and
//! every error points into the data file.

use super::{files, report};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tenon_diagnostics::{Diagnostic, FileId, SourceMap, Span};
use tenon_eval::Module;
use tenon_syntax::ast;

/// The field a data file is put in when it is checked against `-d`.
const DATA_FIELD: &str = "_tenonVetData";

pub fn run(paths: &[PathBuf], definition: Option<&str>) -> Result<ExitCode, String> {
    let mut sources = SourceMap::new();
    let mut schema = Vec::new();
    let mut data = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for path in files::expand(paths)? {
        let text = files::read(&path)?;
        let id = sources.add(path.display().to_string(), text.as_str());
        match data_kind(&path) {
            Some(DataKind::Json) => data.push((path, tenon_syntax::parse_json(id, &text))),
            Some(DataKind::Yaml) => data.push((path, tenon_syntax::parse_yaml(id, &text))),
            None => {
                let parsed = tenon_syntax::parse_file(id, &text);
                diagnostics.extend(parsed.diagnostics);
                schema.push(parsed.file);
            }
        }
    }
    if data.is_empty() {
        return Err("vet: no data files (.json, .yaml) to check".into());
    }
    let expr = match definition {
        Some(name) => {
            let text = format!("{name} & {DATA_FIELD}");
            let id = sources.add("<-d>", text.as_str());
            let parsed = tenon_syntax::parse_expr(id, &text);
            diagnostics.extend(parsed.diagnostics);
            Some(parsed.expr)
        }
        None => None,
    };
    let mut failed = 0;
    for (_, parsed) in &data {
        let mut found = parsed.diagnostics.clone();
        if found.is_empty() && diagnostics.is_empty() {
            found = check(&schema, parsed.file.clone(), expr.as_ref());
        }
        if !found.is_empty() {
            failed += 1;
            report::print(&found, &sources);
        }
    }
    if !diagnostics.is_empty() {
        report::print(&diagnostics, &sources);
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
fn check(schema: &[ast::File], data: ast::File, expr: Option<&ast::Expr>) -> Vec<Diagnostic> {
    let data = match expr {
        Some(_) => wrap(data),
        None => data,
    };
    let mut files: Vec<&ast::File> = schema.iter().collect();
    files.push(&data);
    let (module, diagnostics) = match expr {
        Some(expr) => Module::compile_with_expr(&files, expr, tenon_stdlib::BUILTINS),
        None => Module::compile(&files, tenon_stdlib::BUILTINS),
    };
    if !diagnostics.is_empty() {
        return diagnostics;
    }
    let mut evaluation = module.evaluate();
    evaluation
        .validate(expr.is_some())
        .err()
        .unwrap_or_default()
}

/// The data file as one field, `_tenonVetData: {…data…}`, so that `-d`
/// can unify it with a definition.
fn wrap(data: ast::File) -> ast::File {
    let span = data.span;
    let ident = ast::Ident {
        name: DATA_FIELD.into(),
        span: Span::new(
            FileId(span.file.0),
            span.start as usize,
            span.start as usize,
        ),
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
        attributes: Vec::new(),
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
