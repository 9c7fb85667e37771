use super::{Decl, Ellipsis, Ident, Interpolation, LetClause, NumberLit, Span, Spanned, StringLit};

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A reference, including `_` (top).
    Ident(Ident),
    /// `_|_`
    Bottom(Span),
    Null(Span),
    Bool(bool, Span),
    Number(NumberLit),
    String(StringLit),
    Interpolation(Interpolation),
    Struct(StructLit),
    List(ListLit),
    Paren(Box<Paren>),
    Unary(Box<Unary>),
    Binary(Box<Binary>),
    Selector(Box<Selector>),
    Index(Box<Index>),
    Slice(Box<Slice>),
    Call(Box<Call>),
    /// Where the parser recovered from a syntax error.
    Error(Span),
}

/// `{ decls }`; also the value of a field chain `a: b: 1` (then
/// `braces` is false and the struct holds exactly one field).
#[derive(Clone, Debug, PartialEq)]
pub struct StructLit {
    pub decls: Vec<Decl>,
    pub braces: bool,
    pub span: Span,
}

/// `[elems]`
#[derive(Clone, Debug, PartialEq)]
pub struct ListLit {
    pub elems: Vec<ListElem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ListElem {
    Expr(Expr),
    Comprehension(Box<Comprehension>),
    /// `...` or `...T`, last in the list.
    Ellipsis(Ellipsis),
}

/// `for k, v in src if cond let x = e { body }`
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub clauses: Vec<Clause>,
    pub body: StructLit,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Clause {
    For {
        key: Option<Ident>,
        value: Ident,
        source: Expr,
        span: Span,
    },
    If {
        condition: Expr,
        span: Span,
    },
    Let(LetClause),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Paren {
    pub inner: Expr,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `+`
    Plus,
    /// `-`
    Neg,
    /// `!`
    Not,
    /// `*`, the default marker
    Default,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `=~`
    Match,
    /// `!~`
    NotMatch,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Unary {
    pub op: UnaryOp,
    pub operand: Expr,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `|`
    Or,
    /// `&`
    And,
    /// `||`
    LogicalOr,
    /// `&&`
    LogicalAnd,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Match,
    NotMatch,
    Add,
    Sub,
    Mul,
    Div,
    /// `div`: integer division, rounding towards negative infinity.
    IntDiv,
    /// `mod`: the remainder of `div`.
    IntMod,
    /// `quo`: integer division, truncating towards zero.
    Quo,
    /// `rem`: the remainder of `quo`.
    Rem,
}

impl BinaryOp {
    /// Binding strength: higher binds tighter (`|` is 1, `*` and `/` are 7).
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            Or => 1,
            And => 2,
            LogicalOr => 3,
            LogicalAnd => 4,
            Eq | Ne | Lt | Le | Gt | Ge | Match | NotMatch => 5,
            Add | Sub => 6,
            Mul | Div | IntDiv | IntMod | Quo | Rem => 7,
        }
    }

    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Or => "|",
            And => "&",
            LogicalOr => "||",
            LogicalAnd => "&&",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Match => "=~",
            NotMatch => "!~",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            IntDiv => "div",
            IntMod => "mod",
            Quo => "quo",
            Rem => "rem",
        }
    }
}

impl UnaryOp {
    pub fn as_str(self) -> &'static str {
        use UnaryOp::*;
        match self {
            Plus => "+",
            Neg => "-",
            Not => "!",
            Default => "*",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Match => "=~",
            NotMatch => "!~",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Binary {
    pub op: BinaryOp,
    pub lhs: Expr,
    pub rhs: Expr,
    /// The operator token.
    pub op_span: Span,
    pub span: Span,
}

/// `base.name` or `base."name"`
#[derive(Clone, Debug, PartialEq)]
pub struct Selector {
    pub base: Expr,
    pub name: SelectorName,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SelectorName {
    Ident(Ident),
    String(StringLit),
}

/// `base[index]`
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub base: Expr,
    pub index: Expr,
    pub span: Span,
}

/// `base[low:high]`
#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    pub base: Expr,
    pub low: Option<Expr>,
    pub high: Option<Expr>,
    pub span: Span,
}

/// `func(args)`
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub func: Expr,
    pub args: Vec<Expr>,
    pub span: Span,
}

impl Spanned for Expr {
    fn span(&self) -> Span {
        match self {
            Expr::Ident(i) => i.span,
            Expr::Bottom(s) | Expr::Null(s) | Expr::Bool(_, s) | Expr::Error(s) => *s,
            Expr::Number(n) => n.span,
            Expr::String(s) => s.span,
            Expr::Interpolation(i) => i.span,
            Expr::Struct(s) => s.span,
            Expr::List(l) => l.span,
            Expr::Paren(p) => p.span,
            Expr::Unary(u) => u.span,
            Expr::Binary(b) => b.span,
            Expr::Selector(s) => s.span,
            Expr::Index(i) => i.span,
            Expr::Slice(s) => s.span,
            Expr::Call(c) => c.span,
        }
    }
}

impl Spanned for ListElem {
    fn span(&self) -> Span {
        match self {
            ListElem::Expr(e) => e.span(),
            ListElem::Comprehension(c) => c.span,
            ListElem::Ellipsis(e) => e.span,
        }
    }
}

impl Spanned for Clause {
    fn span(&self) -> Span {
        match self {
            Clause::For { span, .. } | Clause::If { span, .. } => *span,
            Clause::Let(l) => l.span,
        }
    }
}
