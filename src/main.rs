//! The `tenon` command line.

mod cli;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "tenon",
    version,
    about = "Typed configuration with CUE's syntax and semantics"
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Format Tenon/CUE source files in place (directories: every .cue and
    /// .tn file below them; `-` reads standard input and writes standard
    /// output).
    Fmt {
        /// Do not write; list the files that would change and exit with 1.
        #[arg(long)]
        check: bool,
        /// Files or directories (default: the current directory).
        paths: Vec<PathBuf>,
    },
    /// Evaluate the files of one package and print the value in Tenon
    /// syntax (values that are not concrete are printed as they are).
    Eval {
        /// Evaluate this expression (in the scope of the package) instead
        /// of the whole package.
        #[arg(short = 'e', long = "expression")]
        expr: Option<String>,
        /// Set a `@tag(NAME)` field: `-t NAME=VALUE`, or `-t VALUE` for a
        /// tag with `short=VALUE`.
        #[arg(short = 't', long = "inject")]
        tags: Vec<String>,
        /// Files (.cue, .tn) or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Evaluate the files of one package and print the concrete value.
    Export {
        /// Evaluate this expression (in the scope of the package) instead
        /// of the whole package.
        #[arg(short = 'e', long = "expression")]
        expr: Option<String>,
        /// Output format.
        #[arg(long = "out", value_enum, default_value = "json")]
        out: cli::export::Format,
        /// Set a `@tag(NAME)` field: `-t NAME=VALUE`, or `-t VALUE` for a
        /// tag with `short=VALUE`.
        #[arg(short = 't', long = "inject")]
        tags: Vec<String>,

        /// Files (.cue, .tn; .json and .yaml data) or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Validate data files (.json, .yaml) against a schema (.cue, .tn):
    /// each data file unifies with the schema's package, or with the
    /// definition given by `-d`, which it must then satisfy completely.
    Vet {
        /// The definition each data file must satisfy (`-d '#Config'`).
        #[arg(short = 'd')]
        definition: Option<String>,
        /// Schema files and data files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Parse files and report every syntax error.
    Parse {
        /// Print the syntax tree of each file.
        #[arg(long)]
        tree: bool,
        /// Files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Fmt { check, paths } => cli::fmt::run(&paths, check),
        Command::Parse { tree, paths } => cli::parse::run(&paths, tree),
        Command::Export {
            expr,
            out,
            tags,
            paths,
        } => cli::export::run(
            &paths,
            expr.as_deref(),
            &tags,
            cli::export::Output::Export(out),
        ),
        Command::Vet { definition, paths } => cli::vet::run(&paths, definition.as_deref()),
        Command::Eval { expr, tags, paths } => {
            cli::export::run(&paths, expr.as_deref(), &tags, cli::export::Output::Tenon)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("tenon: {message}");
            ExitCode::from(2)
        }
    }
}
