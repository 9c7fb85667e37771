//! Builtin packages: how a package implemented in Rust (the `tenon-stdlib`
//! crate holds them) presents its functions and values to the compiler
//! and the evaluator.
//!
//! A [`Package`] is a static table of [`Member`]s. A member is a function
//! ([`Func`]: a plain `fn` over [`Value`]s) or a value written in Tenon
//! (`list.Ascending`, `math.Pi`), compiled like any other source. The
//! evaluator turns a call's arguments into [`Value`]s (parts that are not
//! concrete stay [`Value::Opaque`]), calls the function, and turns the
//! result back into a value; it never knows what a package does.
//!
//! A function marked as a validator returns a bool and doubles as a
//! constraint: `strings.MinRunes(3)` (one argument fewer than it takes)
//! or `net.IPv4` (named without a call) constrains the value it is
//! unified with, which becomes the first argument once it is known.

mod call;
mod value;

pub use call::{Args, CallError, Context};
pub use value::{Opaque, Value};

/// A builtin package: its import path and members.
#[derive(Debug)]
pub struct Package {
    /// The import path: `strings`, `encoding/json`.
    pub path: &'static str,
    pub members: &'static [Member],
}

impl Package {
    /// The name a file refers to it by, without an alias: the last element
    /// of the path (`json` for `encoding/json`).
    pub fn name(&self) -> &'static str {
        self.path.rsplit('/').next().unwrap_or(self.path)
    }

    pub fn member(&self, name: &str) -> Option<&'static Member> {
        self.members.iter().find(|m| m.name == name)
    }
}

/// A named function or value of a package.
#[derive(Debug)]
pub struct Member {
    pub name: &'static str,
    pub kind: MemberKind,
}

#[derive(Debug)]
pub enum MemberKind {
    Func(Func),
    /// A value written in Tenon, compiled in an empty scope (it may refer
    /// to nothing but itself and the predeclared identifiers).
    Source(&'static str),
}

/// A function of a package.
#[derive(Debug)]
pub struct Func {
    /// The parameter names, in order (for messages).
    pub params: &'static [&'static str],
    /// How many of the last parameters a call may leave out; the function
    /// sees fewer arguments then.
    pub optional: usize,
    /// The function returns a bool and may be used as a constraint.
    pub validator: bool,
    pub run: Run,
}

/// The code of a builtin function: the arguments and the evaluator's
/// services in, the result or why there is none out.
pub type Run = fn(&Args, &mut dyn Context) -> Result<Value, CallError>;

impl Member {
    /// A function.
    pub const fn func(name: &'static str, params: &'static [&'static str], run: Run) -> Member {
        Member::func_optional(name, params, 0, run)
    }

    /// A function whose last `optional` parameters may be left out.
    pub const fn func_optional(
        name: &'static str,
        params: &'static [&'static str],
        optional: usize,
        run: Run,
    ) -> Member {
        Member {
            name,
            kind: MemberKind::Func(Func {
                params,
                optional,
                validator: false,
                run,
            }),
        }
    }

    /// A function returning a bool that may also be used as a
    /// constraint (its first parameter is the value constrained).
    pub const fn validator(
        name: &'static str,
        params: &'static [&'static str],
        run: Run,
    ) -> Member {
        Member {
            name,
            kind: MemberKind::Func(Func {
                params,
                optional: 0,
                validator: true,
                run,
            }),
        }
    }

    /// A value written in Tenon.
    pub const fn source(name: &'static str, text: &'static str) -> Member {
        Member {
            name,
            kind: MemberKind::Source(text),
        }
    }
}

/// The builtin packages an import may name.
#[derive(Clone, Copy, Debug, Default)]
pub struct Builtins {
    packages: &'static [&'static Package],
}

impl Builtins {
    /// No packages (only the language's own builtins such as `len`).
    pub const NONE: Builtins = Builtins { packages: &[] };

    pub const fn new(packages: &'static [&'static Package]) -> Builtins {
        Builtins { packages }
    }

    pub fn package(&self, path: &str) -> Option<&'static Package> {
        self.packages.iter().copied().find(|p| p.path == path)
    }

    pub fn packages(&self) -> &'static [&'static Package] {
        self.packages
    }
}

/// What the imports of a package may name: builtin packages, and the
/// packages of the module the caller loaded (files already parsed: the
/// evaluator reads nothing itself).
#[derive(Clone, Copy, Debug, Default)]
pub struct Imports<'a> {
    pub builtins: Builtins,
    pub packages: &'a [ImportedPackage<'a>],
}

/// A package of the module: its import path and its files.
#[derive(Clone, Debug)]
pub struct ImportedPackage<'a> {
    /// The full import path: `example.com/app/lib`.
    pub path: String,
    pub files: Vec<&'a tenon_syntax::ast::File>,
}

impl<'a> Imports<'a> {
    pub fn new(builtins: Builtins, packages: &'a [ImportedPackage<'a>]) -> Imports<'a> {
        Imports { builtins, packages }
    }
}

impl From<Builtins> for Imports<'_> {
    fn from(builtins: Builtins) -> Self {
        Imports {
            builtins,
            packages: &[],
        }
    }
}
