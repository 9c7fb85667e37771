//! The embedding API: compile once into a [`Module`] (immutable, shared
//! between threads), evaluate as often as needed.

mod value;

pub use value::{Kind, ValueId};

use crate::builtin::{Builtins, Imports};
use crate::compile::{compile_expr_in, compile_files, Program};
use crate::eval::{CloseRef, Conjunct, Evaluator, ExprRef, Frame, Limits, PreparedData, Source};
use crate::export::Emit;
use std::sync::Arc;
use tenon_diagnostics::Diagnostic;
use tenon_syntax::ast;

/// A compiled package: parse trees turned into evaluation code. Cheap to
/// clone and share; evaluating it never changes it.
#[derive(Clone, Debug)]
pub struct Module {
    program: Arc<Program>,
    /// `-e EXPR`: the expression to evaluate instead of the whole package.
    expr: Option<crate::ir::ExprId>,
    /// See [`Module::with_list_arithmetic`].
    list_arithmetic: bool,
}

impl Module {
    /// Compiles the files of one package; their imports may name the
    /// packages of `builtins` (`tenon_stdlib::BUILTINS` has them all).
    /// Compile errors (unresolved references, bad literals, unknown
    /// imports) come back as diagnostics; the module is usable regardless
    /// (the failing parts evaluate to errors).
    pub fn compile(files: &[&ast::File], builtins: Builtins) -> (Module, Vec<Diagnostic>) {
        Module::compile_with_imports(files, None, &builtins.into())
    }

    /// The general form of [`Module::compile`]: imports may also name the
    /// module's own packages (loaded and parsed by the caller), and `expr`
    /// (`-e`) is evaluated instead of the whole package when given.
    pub fn compile_with_imports(
        files: &[&ast::File],
        expr: Option<&ast::Expr>,
        imports: &Imports,
    ) -> (Module, Vec<Diagnostic>) {
        let (mut program, mut diagnostics) = compile_files(files, imports);
        let expr = expr.map(|expr| {
            let (id, more) = compile_expr_in(&mut program, files, expr);
            diagnostics.extend(more);
            id
        });
        let module = Module {
            program: Arc::new(program),
            expr,
            list_arithmetic: false,
        };
        (module, diagnostics)
    }

    /// Parses and compiles source texts (one file each, named
    /// `source-N.cue` in diagnostics), for embedding and tests. Imports
    /// may name the packages of `builtins`.
    ///
    /// ```
    /// use tenon_eval::builtin::Builtins;
    /// use tenon_eval::export::JsonWriter;
    /// use tenon_eval::Module;
    /// // Files with a package clause see each other's fields.
    /// let sources = ["package app\na: 1", "package app\nb: a + 1"];
    /// let module = Module::from_sources(&sources, Builtins::NONE).unwrap();
    /// let mut writer = JsonWriter::export();
    /// module.evaluate().export(&mut writer).unwrap();
    /// assert_eq!(writer.finish(), "{\n    \"a\": 1,\n    \"b\": 2\n}\n");
    /// ```
    pub fn from_sources(texts: &[&str], builtins: Builtins) -> Result<Module, Vec<Diagnostic>> {
        let parsed: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                tenon_syntax::parse_file(tenon_diagnostics::FileId::new(i as u32), text)
            })
            .collect();
        let syntax: Vec<Diagnostic> = parsed.iter().flat_map(|p| p.diagnostics.clone()).collect();
        if !syntax.is_empty() {
            return Err(syntax);
        }
        let files: Vec<&ast::File> = parsed.iter().map(|p| &p.file).collect();
        match Module::compile(&files, builtins) {
            (module, diagnostics) if diagnostics.is_empty() => Ok(module),
            (_, diagnostics) => Err(diagnostics),
        }
    }

    /// Like [`Module::compile`], evaluating `expr` in the scope of the
    /// package's top level (as `tenon export -e EXPR` does).
    pub fn compile_with_expr(
        files: &[&ast::File],
        expr: &ast::Expr,
        builtins: Builtins,
    ) -> (Module, Vec<Diagnostic>) {
        Module::compile_with_imports(files, Some(expr), &builtins.into())
    }

    /// The module evaluated with CUE's list arithmetic from before v0.11:
    /// `[1] + [2]` is `[1, 2]` and `[1] * 2` is `[1, 1]` (CUE v0.14 and
    /// Tenon reject both, see `list.Concat` and `list.Repeat`). For
    /// definitions written for older CUE, such as KubeVela's.
    ///
    /// ```
    /// use tenon_eval::builtin::Builtins;
    /// use tenon_eval::export::JsonWriter;
    /// use tenon_eval::Module;
    /// let module = Module::from_sources(&["a: [1] + [2] * 2"], Builtins::NONE).unwrap();
    /// let mut writer = JsonWriter::marshal();
    /// assert!(module.evaluate().export(&mut writer).is_err());
    /// let mut writer = JsonWriter::marshal();
    /// module.with_list_arithmetic().evaluate().export(&mut writer).unwrap();
    /// assert_eq!(writer.finish(), r#"{"a":[1,2,2]}"#);
    /// ```
    pub fn with_list_arithmetic(mut self) -> Module {
        self.list_arithmetic = true;
        self
    }

    /// A fresh evaluation of the module, with default limits.
    pub fn evaluate(&self) -> Evaluation {
        self.evaluate_with(Limits::default())
    }

    pub fn evaluate_with(&self, limits: Limits) -> Evaluation {
        let mut eval = Evaluator::new(self.program.clone(), limits);
        eval.list_arithmetic = self.list_arithmetic;
        let mut target = eval.root();
        if let Some(expr) = self.expr {
            let root = eval.root();
            let env = eval.new_env(None, Frame::Struct(root));
            let vertex = eval.new_vertex(None, crate::label::Label::Index(u32::MAX));
            eval.v_mut(vertex).conjuncts.push(Conjunct {
                source: Source::Expr(ExprRef { unit: 0, id: expr }),
                env: Some(env),
                close: CloseRef(0),
            });
            eval.expr_root = Some(vertex);
            target = vertex;
        }
        Evaluation { eval, target }
    }
}

/// Counts of what an evaluation built (for profiling).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Values (vertices) created.
    pub values: usize,
    /// The size of one value's record, in bytes.
    pub value_bytes: usize,
    /// Environment frames created.
    pub environments: usize,
}

/// One evaluation of a module. Holds every value it computed.
#[derive(Debug)]
pub struct Evaluation {
    eval: Evaluator,
    target: crate::eval::VertexId,
}

impl Evaluation {
    /// Unifies concrete data into the field at `path` (field names from
    /// the top), before or between evaluations: the rendering hot path
    /// (`fill(&["parameter"], &properties)`), no compiling involved.
    pub fn fill(&mut self, path: &[&str], value: &crate::export::Data) -> Result<(), String> {
        self.fill_prepared(path, &PreparedData::new(value, None)?)
    }

    /// Like [`Evaluation::fill`], with the position each part of `value`
    /// was written at (`spans` is parallel to `value`), so conflicts with
    /// it point there: how a renderer keeps errors on the user's file.
    pub fn fill_spanned(
        &mut self,
        path: &[&str],
        value: &crate::export::Data,
        spans: &crate::export::SpanTree,
    ) -> Result<(), String> {
        self.fill_prepared(path, &PreparedData::new(value, Some(spans))?)
    }

    /// Like [`Evaluation::fill`], with data prepared once for many
    /// evaluations (of this module or others): nothing of it is copied.
    ///
    /// ```
    /// use tenon_eval::builtin::Builtins;
    /// use tenon_eval::export::Data;
    /// use tenon_eval::{Module, PreparedData};
    /// let module = Module::from_sources(&["context: {...}\nx: context.name + \"-svc\""], Builtins::NONE).unwrap();
    /// let context = Data::Struct(vec![("name".into(), Data::String("api".into()))]);
    /// let prepared = PreparedData::new(&context, None).unwrap();
    /// for _ in 0..3 {
    ///     let mut evaluation = module.evaluate();
    ///     evaluation.fill_prepared(&["context"], &prepared).unwrap();
    ///     let x = evaluation.lookup(&["x"]).unwrap();
    ///     assert_eq!(evaluation.to_data(x).unwrap(), Data::String("api-svc".into()));
    /// }
    /// ```
    pub fn fill_prepared(&mut self, path: &[&str], value: &PreparedData) -> Result<(), String> {
        let root = self.eval.root();
        self.eval.fill(root, path, value)
    }

    /// Evaluates everything and prints the value in Tenon syntax
    /// (non-concrete values as the constraints left on them), or returns
    /// the errors; incomplete values are not errors here.
    pub fn print(&mut self) -> Result<String, Vec<Diagnostic>> {
        self.validate(false)?;
        self.eval.structure_all(self.target, 0);
        let top_level = self.target == self.eval.root();
        Ok(self.eval.print(self.target, top_level))
    }

    fn diagnostics(&self, errors: &[crate::eval::EvalError]) -> Vec<Diagnostic> {
        let mut diagnostics: Vec<Diagnostic> =
            errors.iter().map(|e| self.eval.diagnostic(e)).collect();
        diagnostics.sort_by_key(|d| (d.span(), d.path.clone()));
        diagnostics.dedup_by(|a, b| a.message == b.message && a.span() == b.span());
        diagnostics
    }

    /// Evaluates everything and checks it: every conflict anywhere, and,
    /// with `concrete`, every value of the result (the expression of `-e`,
    /// or the whole package) that is not concrete. Errors sorted by
    /// position.
    pub fn validate(&mut self, concrete: bool) -> Result<(), Vec<Diagnostic>> {
        let root = self.eval.root();
        self.eval.finalize(root);
        self.eval.finalize(self.target);
        let mut errors = Vec::new();
        if self.target != root {
            self.eval.collect_errors(root, false, &mut errors);
        }
        self.eval.collect_errors(self.target, concrete, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(self.diagnostics(&errors))
        }
    }

    /// Like [`Evaluation::validate`] without `concrete`, for the whole
    /// package, except that the definitions at its top are neither
    /// evaluated nor checked (only what the other fields use of them):
    /// for a module whose definitions were checked once
    /// ([`Evaluation::validate_definitions`]) and whose values are
    /// evaluated many times with different data, as a render template is.
    ///
    /// ```
    /// use tenon_eval::builtin::Builtins;
    /// use tenon_eval::Module;
    /// let module = Module::from_sources(&["#D: {a: 1 & 2}\nx: 1"], Builtins::NONE).unwrap();
    /// assert!(module.evaluate().validate_values().is_ok());
    /// assert!(module.evaluate().validate_definitions().is_err());
    /// ```
    pub fn validate_values(&mut self) -> Result<(), Vec<Diagnostic>> {
        self.validate_top(crate::eval::TopPart::Values)
    }

    /// The definitions at the top of the package, checked on their own
    /// (the part [`Evaluation::validate_values`] leaves out).
    pub fn validate_definitions(&mut self) -> Result<(), Vec<Diagnostic>> {
        self.validate_top(crate::eval::TopPart::Definitions)
    }

    fn validate_top(&mut self, part: crate::eval::TopPart) -> Result<(), Vec<Diagnostic>> {
        let root = self.eval.root();
        self.eval.finalize_top(root, part);
        let mut errors = Vec::new();
        self.eval.collect_top_errors(root, part, &mut errors);
        if errors.is_empty() {
            if part == crate::eval::TopPart::Values {
                self.eval.values_checked = true;
            }
            Ok(())
        } else {
            Err(self.diagnostics(&errors))
        }
    }

    /// How much this evaluation built so far.
    pub fn stats(&self) -> Stats {
        Stats {
            values: self.eval.vertices.len(),
            value_bytes: std::mem::size_of::<crate::eval::Vertex>(),
            environments: self.eval.envs.len(),
        }
    }

    /// Evaluates everything and writes the concrete value, or returns
    /// every error (conflicts anywhere, incomplete values where they
    /// would be exported), sorted by position.
    pub fn export(&mut self, out: &mut impl Emit) -> Result<(), Vec<Diagnostic>> {
        self.validate(true)?;
        self.eval.emit(self.target, out);
        Ok(())
    }
}
