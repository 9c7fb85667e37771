//! `tenon export` and `tenon eval`: evaluate the files of one package and
//! print the concrete value as JSON or YAML, or the value in Tenon syntax.

use super::{files, report};
use std::path::PathBuf;
use std::process::ExitCode;
use tenon_diagnostics::{Diagnostic, SourceMap};
use tenon_eval::export::{JsonWriter, YamlWriter};
use tenon_eval::Module;
use tenon_syntax::ast;

/// Output formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Yaml,
}

/// What to print: a concrete export, or (`eval`) the value as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Export(Format),
    Tenon,
}

/// Evaluation can nest deeply before its limits stop it; it runs on a
/// thread with a large stack.
const STACK: usize = 512 * 1024 * 1024;

pub fn run(paths: &[PathBuf], expr: Option<&str>, output: Output) -> Result<ExitCode, String> {
    let mut sources = SourceMap::new();
    let mut parsed = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for path in files::expand(paths)? {
        let text = files::read(&path)?;
        let id = sources.add(path.display().to_string(), text.as_str());
        let result = match path.extension().and_then(|e| e.to_str()) {
            Some("json") => tenon_syntax::parse_json(id, &text),
            Some("yaml" | "yml") => tenon_syntax::parse_yaml(id, &text),
            _ => tenon_syntax::parse_file(id, &text),
        };
        diagnostics.extend(result.diagnostics);
        parsed.push(result.file);
    }
    let expression = match expr {
        Some(text) => {
            let id = sources.add("<-e>", text);
            let result = tenon_syntax::parse_expr(id, text);
            diagnostics.extend(result.diagnostics);
            Some(result.expr)
        }
        None => None,
    };
    if diagnostics.iter().any(|d| d.is_error()) {
        return Ok(fail(&diagnostics, &sources));
    }
    let outcome = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || evaluate(&parsed, expression.as_ref(), output))
        .map_err(|e| format!("cannot start the evaluator: {e}"))?
        .join()
        .map_err(|_| "the evaluator crashed".to_string())?;
    match outcome {
        Ok(text) => {
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Err(diagnostics) => Ok(fail(&diagnostics, &sources)),
    }
}

fn evaluate(
    files: &[ast::File],
    expr: Option<&ast::Expr>,
    output: Output,
) -> Result<String, Vec<Diagnostic>> {
    let files: Vec<&ast::File> = files.iter().collect();
    let (module, diagnostics) = match expr {
        Some(expr) => Module::compile_with_expr(&files, expr, tenon_stdlib::BUILTINS),
        None => Module::compile(&files, tenon_stdlib::BUILTINS),
    };
    if diagnostics.iter().any(|d| d.is_error()) {
        return Err(diagnostics);
    }
    let mut evaluation = module.evaluate();
    let result = match output {
        Output::Tenon => evaluation.print(),
        Output::Export(Format::Json) => {
            let mut writer = JsonWriter::export();
            evaluation.export(&mut writer).map(|()| writer.finish())
        }
        Output::Export(Format::Yaml) => {
            let mut writer = YamlWriter::new();
            evaluation.export(&mut writer).map(|()| writer.finish())
        }
    };
    if std::env::var_os("TENON_STATS").is_some() {
        let stats = evaluation.stats();
        eprintln!(
            "stats: {} values of {} bytes, {} environments",
            stats.values, stats.value_bytes, stats.environments
        );
    }
    // The process ends right after printing: freeing every value one by
    // one (millions for a large render) would only delay the exit.
    std::mem::forget(evaluation);
    result
}

fn fail(diagnostics: &[Diagnostic], sources: &SourceMap) -> ExitCode {
    report::print(diagnostics, sources);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    eprintln!("{}", report::count(errors));
    ExitCode::FAILURE
}
