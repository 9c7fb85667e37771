//! `tenon export` and `tenon eval`: evaluate the files of one package and
//! print the concrete value as JSON or YAML, or the value in Tenon syntax.

use super::stream::StreamedJson;
use super::{inject, load, report};
use std::path::PathBuf;
use std::process::ExitCode;
use tenon_diagnostics::{Diagnostic, SourceMap};
use tenon_eval::export::YamlWriter;
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

pub fn run(
    paths: &[PathBuf],
    expr: Option<&str>,
    tags: &[String],
    output: Output,
) -> Result<ExitCode, String> {
    let mut loaded = inject::load(paths, tags)?;
    if loaded.diagnostics.iter().any(|d| d.is_error()) {
        return Ok(fail(&loaded.diagnostics, &loaded.sources));
    }
    let expression = match expr {
        Some(text) => {
            let id = loaded.sources.add("<-e>", text);
            let result = tenon_syntax::parse_expr(id, text);
            loaded.diagnostics.extend(result.diagnostics);
            Some(result.expr)
        }
        None => None,
    };
    if loaded.diagnostics.iter().any(|d| d.is_error()) {
        return Ok(fail(&loaded.diagnostics, &loaded.sources));
    }
    let sources = std::mem::take(&mut loaded.sources);
    let outcome = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || evaluate(loaded, expression, output))
        .map_err(|e| format!("cannot start the evaluator: {e}"))?
        .join()
        .map_err(|_| "the evaluator crashed".to_string())?;
    match outcome {
        Ok(text) => {
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Err(Failure::Diagnostics(diagnostics)) => Ok(fail(&diagnostics, &sources)),
        Err(Failure::Output(error)) => Err(format!("cannot write the output: {error}")),
    }
}

/// Why an evaluation printed nothing, or not all.
enum Failure {
    Diagnostics(Vec<Diagnostic>),
    Output(std::io::Error),
}

fn evaluate(
    loaded: load::Loaded,
    expr: Option<ast::Expr>,
    output: Output,
) -> Result<String, Failure> {
    let module = compile(&loaded, expr.as_ref()).map_err(Failure::Diagnostics)?;
    // The syntax trees are not needed any more: their memory goes back
    // before evaluation builds its values.
    drop((loaded, expr));
    let mut evaluation = module.evaluate();
    let result = match output {
        Output::Tenon => evaluation.print().map_err(Failure::Diagnostics),
        // JSON goes to standard output as it is written.
        Output::Export(Format::Json) => {
            let mut writer = StreamedJson::new();
            match evaluation.export(&mut writer) {
                Ok(()) => writer
                    .finish()
                    .map(|()| String::new())
                    .map_err(Failure::Output),
                Err(diagnostics) => Err(Failure::Diagnostics(diagnostics)),
            }
        }
        Output::Export(Format::Yaml) => {
            let mut writer = YamlWriter::new();
            let result = evaluation.export(&mut writer);
            result
                .map(|()| writer.finish())
                .map_err(Failure::Diagnostics)
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

fn compile(loaded: &load::Loaded, expr: Option<&ast::Expr>) -> Result<Module, Vec<Diagnostic>> {
    let files: Vec<&ast::File> = loaded.files.iter().collect();
    let packages = loaded.packages();
    let (module, diagnostics) =
        Module::compile_with_imports(&files, expr, &load::imports(&packages));
    if diagnostics.iter().any(|d| d.is_error()) {
        return Err(diagnostics);
    }
    Ok(module)
}

fn fail(diagnostics: &[Diagnostic], sources: &SourceMap) -> ExitCode {
    report::print(diagnostics, sources);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    eprintln!("{}", report::count(errors));
    ExitCode::FAILURE
}
