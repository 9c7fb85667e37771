//! The `tenon` command line.

mod cli;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Parsing and evaluation allocate and free many small values; mimalloc
/// does that faster than the system allocator (see `tenon-alloc`).
#[global_allocator]
static ALLOCATOR: tenon_alloc::Allocator = tenon_alloc::Allocator;

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
    /// Render applications (.app files, or KubeVela Application YAML) into
    /// Kubernetes objects: a YAML stream grouped by cluster and namespace,
    /// or files DIR/<cluster>/<namespace>/<kind>-<name>.yaml with -o DIR.
    Render {
        /// Only the objects of this cluster.
        #[arg(long)]
        cluster: Option<String>,
        /// Write files under this directory (`-` for standard output).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Output format.
        #[arg(long = "out", value_enum, default_value = "yaml")]
        out: cli::render::Format,
        /// Directories (or files) of definitions added to the built-in
        /// catalog.
        #[arg(long = "defs")]
        defs: Vec<PathBuf>,
        /// Set a `@tag(NAME)` field of the application's files, or (`-t
        /// NAME`) a build tag their `@if` attributes read.
        #[arg(short = 't', long = "inject")]
        tags: Vec<String>,
        /// Application files.
        #[arg(required = true)]
        apps: Vec<PathBuf>,
    },
    /// The definition catalog: list, show, render.
    Def {
        #[command(subcommand)]
        command: DefCommand,
        /// Directories (or files) of definitions added to the built-in
        /// catalog.
        #[arg(long = "defs", global = true)]
        defs: Vec<PathBuf>,
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

#[derive(Subcommand, Debug)]
enum DefCommand {
    /// Every definition: name, type and description.
    List,
    /// One definition's parameters: types, defaults and docs.
    Show { name: String },
    /// Render a component definition alone with the given properties.
    Render {
        file: PathBuf,
        /// The properties, as JSON.
        #[arg(long, default_value = "{}")]
        props: String,
        /// The component's (and application's) name.
        #[arg(long, default_value = "demo")]
        name: String,
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
        Command::Render {
            cluster,
            output,
            out,
            defs,
            tags,
            apps,
        } => cli::render::run(&cli::render::Options {
            apps: &apps,
            tags: &tags,
            defs: &defs,
            cluster: cluster.as_deref(),
            output: output.as_deref(),
            format: out,
        }),
        Command::Def { command, defs } => match command {
            DefCommand::List => cli::def::list(&defs),
            DefCommand::Show { name } => cli::def::show(&name, &defs),
            DefCommand::Render { file, props, name } => {
                cli::def::render_one(&file, &props, &name, &defs)
            }
        },
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
