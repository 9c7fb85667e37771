//! Evaluation errors. A value that fails is bottom and carries one of
//! these; they become diagnostics (with the data path) when a command
//! reports them.

use super::{Evaluator, VertexId};
use tenon_diagnostics::{Diagnostic, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Two values that do not unify.
    Conflict,
    /// A value outside a bound or failing a validator.
    Bound,
    /// A field a closed struct does not allow.
    NotAllowed,
    /// Not an error yet: the value is not known well enough (an
    /// unresolved reference into an incomplete value, a non-concrete
    /// operand). `export` reports these; `eval` does not.
    Incomplete,
    /// Incomplete because it refers to an optional field that is absent.
    /// Once a disjunct is evaluated completely the field will not come,
    /// so the disjunct fails: `*[for x in p.absent {x}] | []` is `[]`.
    AbsentOptional,
    /// A struct that contains itself.
    StructuralCycle,
    /// Wrong operands, bad index, division by zero and the like.
    Invalid,
    /// `_|_` written in the source, or `error()`.
    Explicit,
    /// An evaluation limit was reached.
    Limit,
}

impl ErrorKind {
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Conflict => "conflict",
            ErrorKind::Bound => "out-of-bound",
            ErrorKind::NotAllowed => "not-allowed",
            ErrorKind::Incomplete | ErrorKind::AbsentOptional => "incomplete",
            ErrorKind::StructuralCycle => "structural-cycle",
            ErrorKind::Invalid => "invalid-operation",
            ErrorKind::Explicit => "explicit-error",
            ErrorKind::Limit => "limit",
        }
    }
}

#[derive(Clone, Debug)]
pub struct EvalError {
    pub kind: ErrorKind,
    pub message: String,
    /// Every position that contributed, the first one primary.
    pub spans: Vec<Span>,
    /// The value that failed (for its path).
    pub vertex: Option<VertexId>,
    /// The path to report instead of the vertex's own (an incomplete
    /// value reached through a shared one is reported where it would be
    /// exported).
    pub path: Option<Box<str>>,
}

impl EvalError {
    pub fn new(kind: ErrorKind, message: impl Into<String>, spans: Vec<Span>) -> EvalError {
        EvalError {
            kind,
            message: message.into(),
            spans,
            vertex: None,
            path: None,
        }
    }

    pub fn is_incomplete(&self) -> bool {
        matches!(self.kind, ErrorKind::Incomplete | ErrorKind::AbsentOptional)
    }
}

impl Evaluator {
    /// Records an error; returns its index.
    pub(crate) fn record(&mut self, error: EvalError) -> u32 {
        self.errors.push(error);
        self.errors.len() as u32 - 1
    }

    /// Makes `vertex` bottom with `error`, unless it already failed.
    pub(crate) fn fail(&mut self, vertex: VertexId, mut error: EvalError) {
        if self.v(vertex).error.is_some() {
            // An incomplete value may still turn into a real error.
            let old = self.error_of(vertex);
            if old.is_some_and(|old| !old.is_incomplete()) || error.is_incomplete() {
                return;
            }
        }
        error.vertex.get_or_insert(vertex);
        let index = self.record(error);
        self.v_mut(vertex).error = std::num::NonZeroU32::new(index + 1);
    }

    pub(crate) fn error_of(&self, vertex: VertexId) -> Option<&EvalError> {
        self.v(vertex)
            .error
            .map(|i| &self.errors[i.get() as usize - 1])
    }

    /// The diagnostic for an error: `path: message`, every span labelled.
    pub fn diagnostic(&self, error: &EvalError) -> Diagnostic {
        let path = match &error.path {
            Some(path) => path.to_string(),
            None => error.vertex.map(|v| self.path(v)).unwrap_or_default(),
        };
        let span = error.spans.first().copied().unwrap_or_default();
        let mut diagnostic = Diagnostic::error(error.kind.code(), span, error.message.clone());
        let mut seen = vec![span];
        for &other in error.spans.iter().skip(1) {
            if !seen.contains(&other) {
                seen.push(other);
                diagnostic = diagnostic.with_label(other, "and here");
            }
        }
        if !path.is_empty() {
            diagnostic = diagnostic.with_path(path);
        }
        diagnostic
    }
}
