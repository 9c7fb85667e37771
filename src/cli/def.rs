//! `tenon def list`, `tenon def show NAME` and `tenon def render FILE`:
//! the definition catalog at a glance, one definition's parameters, and
//! a component definition tried alone.

use super::{catalog, files, render, report};
use std::path::PathBuf;
use std::process::ExitCode;
use tenon_diagnostics::SourceMap;
use tenon_eval::export::Data;
use tenon_render::schema::{Param, Schema};
use tenon_render::{App, AppSchema, Definition, DefinitionKind};

/// The catalog, or `None` when a definition failed to load (its errors
/// printed).
fn load_catalog(defs: &[PathBuf]) -> Result<Option<tenon_render::Catalog>, String> {
    let mut sources = SourceMap::new();
    let mut diagnostics = Vec::new();
    let catalog = catalog::load(defs, &[], &mut sources, &mut diagnostics)?;
    if diagnostics.is_empty() {
        Ok(Some(catalog))
    } else {
        report::print(&diagnostics, &sources);
        Ok(None)
    }
}

/// `def list`: name, type and description of every definition.
pub fn list(defs: &[PathBuf]) -> Result<ExitCode, String> {
    let Some(catalog) = load_catalog(defs)? else {
        return Ok(ExitCode::from(1));
    };
    let mut rows = vec![[
        "NAME".to_string(),
        "TYPE".to_string(),
        "DESCRIPTION".to_string(),
    ]];
    let mut definitions: Vec<_> = catalog.iter().collect();
    definitions.sort_by_key(|d| (d.kind as u8, d.name.clone()));
    for definition in definitions {
        rows.push([
            definition.name.clone(),
            definition.kind.as_str().to_string(),
            definition.description.clone(),
        ]);
    }
    print!("{}", table(&rows));
    Ok(ExitCode::SUCCESS)
}

/// `def show NAME`: the definition's description and parameters.
pub fn show(name: &str, defs: &[PathBuf]) -> Result<ExitCode, String> {
    let Some(catalog) = load_catalog(defs)? else {
        return Ok(ExitCode::from(1));
    };
    let found: Vec<_> = catalog.named(name).collect();
    if found.is_empty() {
        let known: Vec<&str> = catalog.iter().map(|d| d.name.as_str()).collect();
        let hint = tenon_render::errors::suggest(name, known.iter().copied())
            .map(|c| format!(" (did you mean {c:?}?)"))
            .unwrap_or_default();
        return Err(format!("no definition named {name:?}{hint}"));
    }
    for definition in found {
        print!("{}", describe(definition));
    }
    Ok(ExitCode::SUCCESS)
}

/// The text `def show` prints for one definition.
pub fn describe(definition: &Definition) -> String {
    let mut out = format!(
        "{} ({})\n{}\n",
        definition.name,
        definition.kind.as_str(),
        definition.description
    );
    if let Some(kind) = workload(definition) {
        out.push_str(&format!("Workload: {kind}\n"));
    }
    let applies = tenon_render::data::strings(definition.attribute(&["appliesToWorkloads"]));
    if !applies.is_empty() {
        out.push_str(&format!("Applies to: {}\n", applies.join(", ")));
    }
    out.push('\n');
    let mut rows = vec![[
        "PARAMETER".to_string(),
        "TYPE".to_string(),
        "REQUIRED".to_string(),
        "DEFAULT".to_string(),
        "DESCRIPTION".to_string(),
    ]];
    flatten(&definition.parameters, "", &mut rows);
    if rows.len() == 1 {
        let any = matches!(&definition.parameters, Schema::Struct { open: true, .. });
        out.push_str(if any {
            "(any properties)\n"
        } else {
            "(no parameters)\n"
        });
    } else {
        out.push_str(&table(&rows));
    }
    out
}

/// `apps/v1 Deployment`: what a component definition renders.
fn workload(definition: &Definition) -> Option<String> {
    let api = definition.attribute(&["workload", "definition", "apiVersion"]);
    let kind = definition.attribute(&["workload", "definition", "kind"]);
    match (api, kind) {
        (Some(Data::String(api)), Some(Data::String(kind))) => Some(format!("{api} {kind}")),
        _ => None,
    }
}

fn flatten(schema: &Schema, prefix: &str, rows: &mut Vec<[String; 5]>) {
    match schema {
        Schema::Struct { fields, .. } => {
            for (name, param) in fields {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                rows.push(row(&path, param));
                let below = match &param.schema {
                    Schema::List(element) => (element.as_ref(), format!("{path}[]")),
                    other => (other, path.clone()),
                };
                flatten(below.0, &below.1, rows);
            }
        }
        Schema::List(element) => flatten(element, &format!("{prefix}[]"), rows),
        Schema::Any => {}
    }
}

fn row(path: &str, param: &Param) -> [String; 5] {
    let nested = matches!(&param.schema, Schema::Struct { fields, .. } if !fields.is_empty());
    let type_text = if nested {
        "struct".to_string()
    } else if matches!(&param.schema, Schema::List(e) if matches!(e.as_ref(), Schema::Struct { fields, .. } if !fields.is_empty()))
    {
        "list of struct".to_string()
    } else {
        shorten(&param.type_text)
    };
    // A struct or list parameter is satisfied by its (empty) value; its
    // own fields say what they require.
    let composite = !matches!(param.schema, Schema::Any);
    let required = !param.optional && param.default.is_none() && !composite;
    [
        path.to_string(),
        type_text,
        if required { "yes" } else { "no" }.to_string(),
        param.default.clone().unwrap_or_default(),
        param.usage.clone(),
    ]
}

fn shorten(text: &str) -> String {
    const MAX: usize = 48;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

/// Rows as a table, columns padded to their widest cell.
fn table<const N: usize>(rows: &[[String; N]]) -> String {
    let mut widths = [0usize; N];
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == N {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `def render FILE --props JSON`: the component defined in FILE rendered
/// alone, as a component named `--name` of an application of that name.
pub fn render_one(
    file: &std::path::Path,
    props: &str,
    name: &str,
    defs: &[PathBuf],
) -> Result<ExitCode, String> {
    let mut sources = SourceMap::new();
    let mut diagnostics = Vec::new();
    let mut catalog = catalog::load(defs, &[], &mut sources, &mut diagnostics)?;
    let text = files::read(file)?;
    let definition = match catalog.add(&file.display().to_string(), &text, &mut sources) {
        Ok(definition) => definition,
        Err(more) => {
            diagnostics.extend(more);
            report::print(&diagnostics, &sources);
            return Ok(ExitCode::from(1));
        }
    };
    if definition.kind != DefinitionKind::Component {
        return Err(format!(
            "{:?} is a {} definition: def render renders component definitions (use a trait in an application)",
            definition.name,
            definition.kind.as_str()
        ));
    }
    let app_text = format!(
        "{{\"apiVersion\": \"core.oam.dev/v1beta1\", \"kind\": \"Application\", \"metadata\": {{\"name\": {name:?}}}, \"spec\": {{\"components\": [{{\"name\": {name:?}, \"type\": {:?}, \"properties\": {props}}}]}}}}",
        definition.name
    );
    let schema = AppSchema::new(&mut sources);
    let read = tenon_render::input::read_kubevela(&schema, &mut sources, "<def render>", &app_text);
    let apps: Vec<App> = match read {
        Ok(apps) => apps,
        Err(more) => {
            diagnostics.extend(more);
            report::print(&diagnostics, &sources);
            return Ok(ExitCode::from(1));
        }
    };
    let mut rendered = Vec::new();
    for app in apps {
        match tenon_render::render(&catalog, &app) {
            Ok(targets) => rendered.push((app, targets)),
            Err(more) => diagnostics.extend(more),
        }
    }
    if !diagnostics.is_empty() {
        report::print(&diagnostics, &sources);
        return Ok(ExitCode::from(1));
    }
    print!("{}", render::stream(&rendered, render::Format::Yaml));
    Ok(ExitCode::SUCCESS)
}
