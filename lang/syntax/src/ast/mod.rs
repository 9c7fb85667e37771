//! The syntax tree: what the parser builds and every later stage reads.
//!
//! Every node carries a [`Span`] (byte range and file id). Comments are not
//! nodes: they live in [`File::comments`], sorted by position, and a field's
//! doc comment is referenced from [`Field::doc`]. Identifiers are
//! [`Name`]s, cheap to clone.

mod expr;
mod file;
mod literal;

pub use expr::*;
pub use file::*;
pub use literal::*;
pub use tenon_diagnostics::{FileId, Span};

/// An identifier's text; short names are stored inline and cloning is cheap.
pub type Name = smol_str::SmolStr;

/// `Name::new` for text from the parser: a name that fits inline (most
/// do) is built without `SmolStr::new`'s out-of-line call and its check
/// for runs of blanks, which no identifier is.
#[inline]
pub(crate) fn name(text: &str) -> Name {
    // smol_str's inline capacity.
    const INLINE_CAP: usize = 23;
    if text.len() <= INLINE_CAP {
        Name::new_inline(text)
    } else {
        Name::new(text)
    }
}

/// An identifier: a field name, a reference, `_`, `#Def`, `_hidden`,
/// `_#hiddenDef`, `$param`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: Name,
    pub span: Span,
}

/// A node that covers a range of its file.
pub trait Spanned {
    fn span(&self) -> Span;
}

impl Spanned for Ident {
    fn span(&self) -> Span {
        self.span
    }
}

// The tree of a large file is mostly fields and expressions, so their
// sizes are its memory (a field every 26 bytes of source in generated
// definitions). These keep them from growing unnoticed: an expression is
// as large as its largest inline literal (identifiers, numbers and
// strings are 40 bytes), and rarer, larger parts are boxed.
const _: () = assert!(std::mem::size_of::<Expr>() <= 48);
const _: () = assert!(std::mem::size_of::<Decl>() <= 48);
const _: () = assert!(std::mem::size_of::<Field>() <= 168);
