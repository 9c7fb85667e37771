//! Lexical scopes while compiling. Each scope is one environment frame at
//! run time (a struct literal, a `for` or `let` clause, an aliased
//! pattern), so the number of scopes a name is found out from is the
//! frame count its reference carries.

use crate::ir::{ExprId, Ref};
use crate::label::Label;
use foldhash::HashMap;
use tenon_diagnostics::Span;
use tenon_syntax::ast::Name;

/// What a name stands for within one scope.
#[derive(Clone, Copy, Debug)]
pub enum Binding {
    Field(Label),
    /// A `let` in a struct: the expression of its value.
    Let(ExprId),
    /// A clause variable or pattern alias: its slot in the frame.
    Var(u32),
    /// An imported package: its index among the compiler's imports.
    Import(u32),
}

#[derive(Debug, Default)]
pub struct Scope {
    names: HashMap<Name, (Binding, Span)>,
    /// Lets and clause variables not referred to yet (reported unused).
    unused: Vec<(Name, Span)>,
}

impl Scope {
    pub fn bind(&mut self, name: Name, binding: Binding, span: Span) {
        self.names.entry(name).or_insert((binding, span));
    }

    /// A binding that must be used (a `let`).
    pub fn bind_checked(&mut self, name: Name, binding: Binding, span: Span) {
        self.unused.push((name.clone(), span));
        self.bind(name, binding, span);
    }
}

#[derive(Debug, Default)]
pub struct Scopes {
    stack: Vec<Scope>,
}

impl Scopes {
    pub fn push(&mut self, scope: Scope) {
        self.stack.push(scope);
    }

    /// Ends the innermost scope; returns the checked bindings nobody used.
    pub fn pop(&mut self) -> Vec<(Name, Span)> {
        self.stack.pop().map(|s| s.unused).unwrap_or_default()
    }

    /// Whether a `let` named `name` is visible (a field of that name
    /// would clash with it).
    pub fn let_visible(&self, name: &str) -> Option<Span> {
        self.stack
            .iter()
            .rev()
            .find_map(|scope| match scope.names.get(name) {
                Some((Binding::Let(_), span)) => Some(*span),
                _ => None,
            })
    }

    /// The import `name` stands for, if the nearest binding of `name` is
    /// one.
    pub fn resolve_import(&self, name: &str) -> Option<u32> {
        self.stack
            .iter()
            .rev()
            .find_map(|scope| scope.names.get(name))
            .and_then(|(binding, _)| match binding {
                Binding::Import(index) => Some(*index),
                _ => None,
            })
    }

    /// Resolves `name` to a reference, marking it used (an import is not
    /// a reference: see [`Scopes::resolve_import`]).
    pub fn resolve(&mut self, name: &str) -> Option<Ref> {
        for (up, scope) in self.stack.iter_mut().rev().enumerate() {
            if let Some((binding, _)) = scope.names.get(name) {
                let up = up as u32;
                let reference = match *binding {
                    Binding::Field(label) => Ref::Field { up, label },
                    Binding::Let(value) => Ref::Let { up, value },
                    Binding::Var(slot) => Ref::Var { up, slot },
                    Binding::Import(_) => return None,
                };
                scope.unused.retain(|(n, _)| n != name);
                return Some(reference);
            }
        }
        None
    }
}
