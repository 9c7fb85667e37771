//! Blocks: sequences printed one element per line — the top level of a
//! file, multi-line structs, lists, call arguments and import groups —
//! with the comments and blank lines between their elements.

use crate::layout::Aligner;
use crate::Formatter;
use tenon_syntax::ast::{
    Attribute, Decl, Expr, ImportDecl, ImportSpec, ListElem, PackageClause, Span, Spanned,
};

/// An element of a block.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Item<'t> {
    /// A leading attribute of a file.
    FileAttr(&'t Attribute),
    Package(&'t PackageClause),
    Import(&'t ImportDecl),
    Spec(&'t ImportSpec),
    Decl(&'t Decl),
    Elem(&'t ListElem),
    Arg(&'t Expr),
}

impl Item<'_> {
    fn span(&self) -> Span {
        match self {
            Item::FileAttr(a) => a.span,
            Item::Package(p) => p.span,
            Item::Import(i) => i.span,
            Item::Spec(s) => s.span,
            Item::Decl(d) => d.span(),
            Item::Elem(e) => e.span(),
            Item::Arg(a) => a.span(),
        }
    }

    /// Rule 2: the groups of a file are, in order, its attributes with
    /// the package clause, the imports and the declarations.
    fn group(&self) -> u8 {
        match self {
            Item::FileAttr(_) | Item::Package(_) => 0,
            Item::Import(_) | Item::Spec(_) => 1,
            Item::Decl(_) | Item::Elem(_) | Item::Arg(_) => 2,
        }
    }
}

/// How a block separates and aligns its elements.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    /// Each element is followed by a comma (lists and arguments).
    pub comma: bool,
    /// Field values are aligned (structs and the top level).
    pub align: bool,
}

/// Where a block is in its walk, for the blank-line rules.
struct Walk {
    /// Nothing has been printed in the block yet.
    first: bool,
    /// Source offset where the last printed element or comment ends.
    last_end: u32,
    /// The next line must be preceded by a blank line (a new group).
    force_blank: bool,
}

impl Formatter<'_> {
    /// Prints the elements of a block one per line at indentation `level`,
    /// then the comments that remain before source offset `close`.
    ///
    /// Rule 4: one blank line is kept between two elements (or comments)
    /// when the source had at least one; never more than one, and none
    /// at the start of the block (after `{` or `[`) or before its end.
    /// Rule 2: a blank line always separates the groups of a file (its
    /// attributes and package clause, its imports, its declarations).
    pub(crate) fn block(&mut self, items: &[Item<'_>], level: usize, close: u32, style: Style) {
        let mut walk = Walk {
            first: true,
            last_end: 0,
            force_blank: false,
        };
        let mut aligner = Aligner::default();
        let mut group = None;
        for (i, item) in items.iter().enumerate() {
            let span = item.span();
            walk.force_blank = group.is_some_and(|g| g != item.group());
            self.block_comments(span.start, level, &mut walk, &mut aligner);
            if walk.force_blank || (!walk.first && self.blank_between(walk.last_end, span.start)) {
                self.p.blank_line();
                aligner.break_run();
            } else {
                self.p.newline();
            }
            self.p.indent = level;
            self.p.flush();
            let start = self.p.len();
            // A line break inside the element continues one level deeper.
            self.p.indent = level + 1;
            let colon = self.item(item);
            if style.comma {
                self.p.text(",");
            }
            let next = items.get(i + 1).map_or(close, |n| n.span().start);
            self.trailing_before(next);
            let colon = colon.filter(|_| style.align);
            aligner.item(self.p.as_str(), start, self.p.len(), colon);
            walk.first = false;
            walk.last_end = span.end;
            group = Some(item.group());
        }
        walk.force_blank = false;
        self.block_comments(close, level, &mut walk, &mut aligner);
        aligner.apply(&mut self.p);
    }

    /// Prints the comments before `pos` between the elements of a block.
    fn block_comments(&mut self, pos: u32, level: usize, walk: &mut Walk, aligner: &mut Aligner) {
        while let Some(c) = self.c.peek_before(pos) {
            self.c.advance();
            let text = crate::comments::text(c);
            if self.c.own_line(c) {
                if walk.force_blank
                    || (!walk.first && self.blank_between(walk.last_end, c.span.start))
                {
                    self.p.blank_line();
                }
                self.p.indent = level;
                self.p.own_line_comment(text);
                aligner.break_run();
                walk.first = false;
                walk.force_blank = false;
            } else {
                self.p.trailing_comment(text);
            }
            walk.last_end = c.span.end;
        }
    }

    /// Prints a bracketed block on several lines: the opening bracket (at
    /// source offset `open`), any comment that follows it on its line,
    /// the elements one level deeper than the line of the opening bracket,
    /// and the closing bracket (at `close`) on its own line at the level
    /// of that line.
    pub(crate) fn multi_line(
        &mut self,
        (open, open_text): (u32, &str),
        items: &[Item<'_>],
        (close, close_text): (u32, &str),
        style: Style,
    ) {
        self.token(open, open_text);
        let level = self.p.line_indent;
        let saved = self.p.indent;
        let first = items.first().map_or(close, |i| i.span().start);
        self.trailing_before(first);
        self.block(items, level + 1, close, style);
        self.p.newline();
        self.p.indent = level;
        self.token(close, close_text);
        self.p.indent = saved;
    }

    /// Prints a bracketed block on one line: elements separated by `, `.
    pub(crate) fn one_line(
        &mut self,
        (open, open_text): (u32, &str),
        items: &[Item<'_>],
        (close, close_text): (u32, &str),
    ) {
        self.token(open, open_text);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.p.text(",");
                self.p.space();
            }
            self.item(item);
        }
        // Only inside an interpolation can a comment stand after the last
        // element of a one-line block (see `single_line`); its comma stays,
        // or the comment's line break would end the element and the string.
        if self.in_interpolation
            && items
                .last()
                .is_some_and(|last| self.c.any_in(last.span().end, close))
        {
            self.p.text(",");
        }
        self.token(close, close_text);
    }

    /// Prints one element; returns the output offset after its first `:`
    /// if it is a field.
    fn item(&mut self, item: &Item<'_>) -> Option<usize> {
        match item {
            Item::FileAttr(a) => {
                self.attribute(a);
                None
            }
            Item::Package(p) => {
                self.token(p.span.start, "package");
                self.p.space();
                self.ident(&p.name);
                None
            }
            Item::Import(i) => {
                self.import(i);
                None
            }
            Item::Spec(s) => {
                self.import_spec(s);
                None
            }
            Item::Decl(d) => self.decl(d),
            Item::Elem(e) => {
                self.list_elem(e);
                None
            }
            Item::Arg(a) => {
                self.expr(a);
                None
            }
        }
    }
}
