//! The evaluation IR: what the compiler makes of a syntax tree. Nodes live
//! in one flat arena per compiled unit and refer to each other by
//! [`ExprId`]; references are resolved to the scope they name, so the
//! evaluator never looks a name up by its text.

use crate::label::Label;
use crate::num::Number;
use crate::value::{BoundOp, Kinds};
use std::num::NonZeroU32;
use std::sync::Arc;
use tenon_diagnostics::Span;

/// An expression in a [`Code`] arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExprId(NonZeroU32);

impl ExprId {
    /// Ids store their index plus one, so that a reference to an
    /// expression or a vertex (a conjunct's source) takes eight bytes.
    fn new(index: usize) -> ExprId {
        ExprId(
            u32::try_from(index + 1)
                .ok()
                .and_then(NonZeroU32::new)
                .expect("fewer than 2^32 - 1 expressions"),
        )
    }

    fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

/// One compiled unit: the module's source, or a value filled in later.
#[derive(Debug, Default)]
pub struct Code {
    nodes: Vec<Node>,
    /// The label's span of each field, by the field's value expression
    /// (errors about a field, such as "not allowed", point at its label).
    label_spans: foldhash::HashMap<ExprId, Span>,
    /// The name's span of each selector, by the selector expression.
    selector_spans: foldhash::HashMap<ExprId, Span>,
}

impl Code {
    pub fn push(&mut self, expr: Expr, span: Span) -> ExprId {
        let id = ExprId::new(self.nodes.len());
        self.nodes.push(Node { expr, span });
        id
    }

    /// The next id `push` will hand out.
    pub fn next_id(&self) -> ExprId {
        ExprId::new(self.nodes.len())
    }

    /// Gives every node from `from` on the span `span` (code compiled from
    /// text that is not a user's file points at where it is used).
    pub fn respan_from(&mut self, from: ExprId, span: Span) {
        for node in &mut self.nodes[from.index()..] {
            node.span = span;
        }
    }

    pub fn set(&mut self, id: ExprId, expr: Expr) {
        self.nodes[id.index()].expr = expr;
    }

    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.nodes[id.index()].expr
    }

    pub fn span(&self, id: ExprId) -> Span {
        self.nodes[id.index()].span
    }

    pub fn set_label_span(&mut self, value: ExprId, span: Span) {
        self.label_spans.insert(value, span);
    }

    pub fn set_selector_span(&mut self, select: ExprId, span: Span) {
        self.selector_spans.insert(select, span);
    }

    /// The name of the selector expression `select` (`b` in `a.b`).
    pub fn selector_span(&self, select: ExprId) -> Option<Span> {
        self.selector_spans.get(&select).copied()
    }

    /// The label of the field whose value is `value`, if it is one.
    pub fn label_span(&self, value: ExprId) -> Option<Span> {
        self.label_spans.get(&value).copied()
    }
}

#[derive(Debug)]
struct Node {
    expr: Expr,
    span: Span,
}

#[derive(Debug)]
pub enum Expr {
    /// `_`
    Top,
    /// `_|_`, or where compiling failed (the error is already reported).
    Bottom,
    Null,
    Bool(bool),
    Number(Number),
    String(Arc<str>),
    Bytes(Arc<[u8]>),
    /// A predeclared type: `int`, `string`, `number`…
    Kind(Kinds),
    /// `<x`, `!=x`, `=~x`…
    Bound(BoundOp, ExprId),
    Ref(Ref),
    Struct(Box<StructLit>),
    List(Box<ListLit>),
    /// `-x`, `+x`, `!x`
    Unary(UnaryOp, ExprId),
    Binary(BinaryOp, ExprId, ExprId),
    /// `a & b & …`, flattened.
    And(Box<[ExprId]>),
    /// `a | *b | …`, flattened, with default marks.
    Or(Box<[Disjunct]>),
    Select(ExprId, Label),
    Index(ExprId, ExprId),
    Slice(ExprId, Option<ExprId>, Option<ExprId>),
    Call(ExprId, Box<[ExprId]>),
    Builtin(Builtin),
    /// A function of an imported package.
    Func(FuncRef),
    /// An imported package of the module (see `Program::packages`).
    Package(u32),
    Interpolation(Box<[Part]>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Disjunct {
    pub expr: ExprId,
    pub default: bool,
}

#[derive(Debug)]
pub enum Part {
    Text(Arc<str>),
    Expr(ExprId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Plus,
    Neg,
    Not,
}

/// Binary operators are the syntax tree's (`&` and `|` never reach the IR
/// as binary nodes: they become [`Expr::And`] and [`Expr::Or`]).
pub use tenon_syntax::ast::BinaryOp;

/// A resolved reference. `up` counts environment frames outwards from the
/// innermost one: a struct literal, a `for` or `let` clause, or a pattern
/// with an alias each open one frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    /// A field of the struct `up` frames out.
    Field { up: u32, label: Label },
    /// A `let` of the struct `up` frames out; `value` is its expression.
    Let { up: u32, value: ExprId },
    /// A variable bound by a clause or a pattern alias.
    Var { up: u32, slot: u32 },
}

/// The builtin functions of the language itself (packages come later).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Len,
    Close,
    And,
    Or,
    Div,
    Mod,
    Quo,
    Rem,
}

impl Builtin {
    pub fn name(self) -> &'static str {
        match self {
            Builtin::Len => "len",
            Builtin::Close => "close",
            Builtin::And => "and",
            Builtin::Or => "or",
            Builtin::Div => "div",
            Builtin::Mod => "mod",
            Builtin::Quo => "quo",
            Builtin::Rem => "rem",
        }
    }
}

/// A function of a builtin package.
#[derive(Clone, Copy, Debug)]
pub struct FuncRef {
    pub package: &'static crate::builtin::Package,
    pub name: &'static str,
    pub func: &'static crate::builtin::Func,
}

impl FuncRef {
    /// The name CUE uses in messages: `strings.ToUpper`,
    /// `encoding/json.Marshal`.
    pub fn qualified_name(self) -> String {
        format!("{}.{}", self.package.path, self.name)
    }
}

/// A struct literal (also the body of a comprehension, and a file).
#[derive(Debug, Default)]
pub struct StructLit {
    pub decls: Vec<Decl>,
}

#[derive(Debug)]
pub enum Decl {
    Field {
        label: Label,
        optional: Optionality,
        value: ExprId,
    },
    /// `(expr): value` or an interpolated quoted label.
    Dynamic {
        label: ExprId,
        optional: Optionality,
        value: ExprId,
    },
    /// `[pattern]: value`; with an alias the value sees the label in a
    /// frame of its own.
    Pattern {
        pattern: ExprId,
        value: ExprId,
        alias: bool,
    },
    Embed(ExprId),
    Comprehension(Box<Comprehension>),
    /// `...` (open) or `...T` (every other field must be a `T`).
    Ellipsis(Option<ExprId>),
}

/// Regular, `?` or `!`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Optionality {
    Optional,
    Required,
    Regular,
}

#[derive(Debug)]
pub struct Comprehension {
    pub clauses: Vec<Clause>,
    /// A [`Expr::Struct`].
    pub body: ExprId,
}

#[derive(Debug)]
pub enum Clause {
    /// `for v in x` / `for k, v in x`: one frame with `[v]` or `[k, v]`.
    For {
        key: bool,
        source: ExprId,
    },
    If(ExprId),
    /// One frame holding the value.
    Let(ExprId),
}

#[derive(Debug, Default)]
pub struct ListLit {
    pub elems: Vec<Elem>,
    /// `...T` at the end (`...` alone is `Some(Top)`); `None` for a closed
    /// list.
    pub tail: Option<ExprId>,
}

#[derive(Debug)]
pub enum Elem {
    Expr(ExprId),
    Comprehension(Box<Comprehension>),
}
