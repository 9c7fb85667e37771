use super::{Comprehension, Expr, Ident, Span, Spanned, StringLit};
use tenon_diagnostics::FileId;

/// One parsed source file.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub id: FileId,
    pub span: Span,
    /// Attributes at the very start of the file (`@if(prod)`), before the
    /// package clause or the first declaration.
    pub attributes: Vec<Attribute>,
    pub package: Option<PackageClause>,
    pub imports: Vec<ImportDecl>,
    pub decls: Vec<Decl>,
    /// Every comment of the file, in source order.
    pub comments: Vec<Comment>,
}

impl File {
    /// The doc comment lines of a field, in order.
    pub fn doc(&self, field: &Field) -> &[Comment] {
        match field.doc {
            Some(r) => self
                .comments
                .get(r.start as usize..r.end as usize)
                .unwrap_or(&[]),
            None => &[],
        }
    }
}

/// `package name`
#[derive(Clone, Debug, PartialEq)]
pub struct PackageClause {
    pub name: Ident,
    pub span: Span,
}

/// `import "path"`, `import name "path"` or a grouped `import ( … )`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportDecl {
    pub specs: Vec<ImportSpec>,
    /// Written with parentheses.
    pub grouped: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportSpec {
    pub alias: Option<Ident>,
    pub path: StringLit,
    pub span: Span,
}

/// A `//` comment; `text` includes the slashes, not the newline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub text: String,
    pub span: Span,
}

/// Indices `start..end` into [`File::comments`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommentRange {
    pub start: u32,
    pub end: u32,
}

/// `@name(body)`: kept verbatim; `body` is the text between the parentheses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    pub name: String,
    pub body: String,
    pub span: Span,
}

/// A declaration in a struct or at the top of a file.
#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    Field(Box<Field>),
    /// `let name = value`
    Let(Box<LetClause>),
    /// An expression mixed into the enclosing struct.
    Embed(Expr),
    Comprehension(Box<Comprehension>),
    /// `...` or `...T`: the struct stays open.
    Ellipsis(Ellipsis),
    /// A declaration attribute `@name(…)` (boxed: it is rare and larger
    /// than the other variants).
    Attribute(Box<Attribute>),
    /// Where the parser recovered from a syntax error.
    Error(Span),
}

/// `label: value @attr()`; `a: b: 1` is a field whose value is a
/// [`super::StructLit`] without braces.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub label: Label,
    /// `X=` before the value (`a: X={…}`): `X` refers to the value.
    pub value_alias: Option<Box<Ident>>,
    pub value: Expr,
    pub attributes: Box<[Attribute]>,
    /// The comment block directly above the field, if any.
    pub doc: Option<CommentRange>,
    pub span: Span,
}

/// `X=name?`, `"quoted"!`, `(expr)`, `[pattern]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// `X=` before the label: `X` refers to the field.
    pub alias: Option<Box<Ident>>,
    pub name: LabelName,
    pub constraint: FieldConstraint,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LabelName {
    Ident(Ident),
    /// A quoted label, possibly interpolated (`"\(k)-x": v` is dynamic).
    String(Expr),
    /// `(expr)`, `(X=expr)`: a label computed from a string expression.
    Dynamic {
        alias: Option<Box<Ident>>,
        expr: Box<Expr>,
        span: Span,
    },
    /// `[expr]`, `[X=expr]`: a pattern constraint over labels.
    Pattern {
        alias: Option<Box<Ident>>,
        expr: Box<Expr>,
        span: Span,
    },
}

/// The marker after a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldConstraint {
    Regular,
    /// `name?:`
    Optional,
    /// `name!:`
    Required,
}

/// `let name = value`, as a declaration or a comprehension clause.
#[derive(Clone, Debug, PartialEq)]
pub struct LetClause {
    pub name: Ident,
    pub value: Expr,
    pub span: Span,
}

/// `...` or `...T`
#[derive(Clone, Debug, PartialEq)]
pub struct Ellipsis {
    pub ty: Option<Box<Expr>>,
    pub span: Span,
}

impl Spanned for Decl {
    fn span(&self) -> Span {
        match self {
            Decl::Field(f) => f.span,
            Decl::Let(l) => l.span,
            Decl::Embed(e) => e.span(),
            Decl::Comprehension(c) => c.span,
            Decl::Ellipsis(e) => e.span,
            Decl::Attribute(a) => a.span,
            Decl::Error(s) => *s,
        }
    }
}

impl Spanned for Label {
    fn span(&self) -> Span {
        self.span
    }
}
