//! Reading values of an evaluation: look a path up, ask its kind, whether
//! it is concrete, its default, its fields, or write it as JSON or YAML.

use super::Evaluation;
use crate::eval::VertexId;
use crate::export::{JsonWriter, YamlWriter};
use crate::ir::Optionality;
use crate::label::{Label, LabelKind};
use crate::value::Kinds;
use tenon_diagnostics::Diagnostic;

/// A value of one [`Evaluation`] (a handle: use it with the evaluation it
/// came from).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ValueId(pub(crate) VertexId);

/// What kind of value something is, once evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Int,
    Float,
    String,
    Bytes,
    Struct,
    List,
    /// Not a single kind yet (`_`, `number`, `int | string`, an
    /// unresolved disjunction).
    Undecided,
    /// An error (`_|_`).
    Bottom,
}

impl Evaluation {
    /// The value at `path` (field names from the top, or list indexes),
    /// through defaults; `None` when there is no such field.
    ///
    /// ```
    /// use tenon_eval::builtin::Builtins;
    /// use tenon_eval::{Kind, Module};
    /// let module = Module::from_sources(&["a: b: *1 | int\nlist: [10, 20]"], Builtins::NONE).unwrap();
    /// let mut evaluation = module.evaluate();
    /// let b = evaluation.lookup(&["a", "b"]).unwrap();
    /// assert_eq!(evaluation.kind(b), Kind::Int);
    /// assert_eq!(evaluation.to_json(b).unwrap(), "1\n");
    /// let second = evaluation.lookup(&["list", "1"]).unwrap();
    /// assert_eq!(evaluation.to_json(second).unwrap(), "20\n");
    /// assert!(evaluation.lookup(&["a", "c"]).is_none());
    /// ```
    pub fn lookup(&mut self, path: &[&str]) -> Option<ValueId> {
        let mut v = self.eval.root();
        for name in path {
            self.eval.structure(v);
            v = self.eval.resolved(v);
            let vertex = self.eval.v(v);
            let label = match name.parse::<u32>() {
                Ok(i) if vertex.kinds == Kinds::LIST => Label::Index(i),
                _ => self.eval.labels.intern(name, LabelKind::of_ident(name)),
            };
            let arc = self.eval.v(v).arc(label).copied()?;
            v = arc.vertex;
        }
        self.eval.structure(v);
        Some(ValueId(v))
    }

    /// The top of the evaluation (the package, or the `-e` expression).
    pub fn top(&mut self) -> ValueId {
        self.eval.structure(self.target);
        ValueId(self.target)
    }

    /// The kind of a value, through its default.
    pub fn kind(&mut self, value: ValueId) -> Kind {
        self.eval.structure(value.0);
        let v = self.eval.resolved(value.0);
        let vertex = self.eval.v(v);
        if vertex.error.is_some() {
            return Kind::Bottom;
        }
        if vertex.disjunction().is_some() {
            return Kind::Undecided;
        }
        match vertex.kinds {
            k if k == Kinds::NULL => Kind::Null,
            k if k == Kinds::BOOL => Kind::Bool,
            k if k == Kinds::INT => Kind::Int,
            k if k == Kinds::FLOAT => Kind::Float,
            k if k == Kinds::STRING => Kind::String,
            k if k == Kinds::BYTES => Kind::Bytes,
            k if k == Kinds::STRUCT => Kind::Struct,
            k if k == Kinds::LIST => Kind::List,
            _ => Kind::Undecided,
        }
    }

    /// Whether a value (and everything in it) is concrete: it could be
    /// exported.
    pub fn is_concrete(&mut self, value: ValueId) -> bool {
        self.eval.finalize(value.0);
        if self.checked_value(value) {
            return self.eval.emit_checked(value.0, &mut crate::export::Discard);
        }
        let mut errors = Vec::new();
        self.eval.collect_errors(value.0, true, &mut errors);
        errors.is_empty()
    }

    /// The default of a value: itself when it has none.
    pub fn default_of(&mut self, value: ValueId) -> ValueId {
        self.eval.structure(value.0);
        ValueId(self.eval.resolved(value.0))
    }

    /// The regular fields of a struct (those `export` writes), in order.
    pub fn fields(&mut self, value: ValueId) -> Vec<(String, ValueId)> {
        self.eval.structure(value.0);
        let v = self.eval.resolved(value.0);
        let arcs = self.eval.v(v).arcs.clone();
        arcs.iter()
            .filter(|a| matches!(a.label, Label::Field(_)))
            .filter(|a| {
                a.optional == Optionality::Regular && self.eval.labels.kind(a.label).is_exported()
            })
            .map(|a| {
                (
                    self.eval.labels.text(a.label).into_owned(),
                    ValueId(a.vertex),
                )
            })
            .collect()
    }

    /// A value as JSON (`cue export` style), or why it cannot be.
    pub fn to_json(&mut self, value: ValueId) -> Result<String, Vec<Diagnostic>> {
        let mut writer = JsonWriter::export();
        self.write(value, &mut writer)?;
        Ok(writer.finish())
    }

    /// A value as [`Data`](crate::export::Data), or why it cannot be.
    pub fn to_data(&mut self, value: ValueId) -> Result<crate::export::Data, Vec<Diagnostic>> {
        if self.checked_value(value) {
            // Written as it is checked; on any doubt, the full check
            // below says why.
            self.eval.finalize(value.0);
            let mut builder = crate::export::DataBuilder::new();
            if self.eval.emit_checked(value.0, &mut builder) {
                return Ok(builder
                    .finish()
                    .into_iter()
                    .next()
                    .unwrap_or(crate::export::Data::Null));
            }
        }
        let mut builder = crate::export::DataBuilder::new();
        self.write(value, &mut builder)?;
        Ok(builder
            .finish()
            .into_iter()
            .next()
            .unwrap_or(crate::export::Data::Null))
    }

    /// Where each part of a concrete value was written: a tree parallel
    /// to [`Evaluation::to_data`]'s result (call it after that succeeded).
    pub fn spans(&mut self, value: ValueId) -> crate::export::SpanTree {
        self.eval.finalize(value.0);
        self.eval.span_tree(value.0)
    }

    /// A value as YAML, or why it cannot be.
    pub fn to_yaml(&mut self, value: ValueId) -> Result<String, Vec<Diagnostic>> {
        let mut writer = YamlWriter::new();
        self.write(value, &mut writer)?;
        Ok(writer.finish())
    }

    /// Whether `value` is one of the top's values after
    /// [`Evaluation::validate_values`] found no error in them: only
    /// whether it is concrete remains to be seen.
    fn checked_value(&self, value: ValueId) -> bool {
        if !self.eval.values_checked {
            return false;
        }
        // The top's field `value` is in: not one of its definitions.
        let root = self.eval.root();
        let mut v = value.0;
        while let Some(parent) = self.eval.v(v).parent {
            if parent == root {
                let label = self.eval.v(v).label;
                return crate::eval::TopPart::Values.takes(self.eval.labels.kind(label));
            }
            v = parent;
        }
        false
    }

    fn write(
        &mut self,
        value: ValueId,
        out: &mut impl crate::export::Emit,
    ) -> Result<(), Vec<Diagnostic>> {
        self.eval.finalize(value.0);
        let mut errors = Vec::new();
        self.eval.collect_errors(value.0, true, &mut errors);
        if !errors.is_empty() {
            return Err(self.diagnostics(&errors));
        }
        self.eval.emit(value.0, out);
        Ok(())
    }
}
