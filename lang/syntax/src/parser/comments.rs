//! Attaching doc comments: a field's doc comment is the block of
//! whole-line comments directly above it, with no blank line between.

use crate::ast::*;

pub(super) fn attach_docs(file: &mut File, comments: Vec<Comment>, src: &str) {
    let attach = DocAttacher {
        comments: &comments,
        src,
    };
    if !comments.is_empty() {
        attach.decls(&mut file.decls);
    }
    file.comments = comments;
}

struct DocAttacher<'a> {
    comments: &'a [Comment],
    src: &'a str,
}

impl DocAttacher<'_> {
    /// Whether only spaces and tabs stand between `from` and `to`.
    fn blank(&self, from: usize, to: usize) -> bool {
        self.src
            .get(from..to)
            .is_some_and(|s| s.bytes().all(|b| b == b' ' || b == b'\t' || b == b'\r'))
    }

    /// Whether the comment is the first thing on its line.
    fn own_line(&self, comment: &Comment) -> bool {
        let start = comment.span.start as usize;
        let line_start = self.src[..start].rfind('\n').map_or(0, |n| n + 1);
        self.blank(line_start, start)
    }

    /// Whether `to` is on the line right after the one that ends at `from`:
    /// only whitespace with exactly one newline between them. Scans
    /// backwards from `to`, so the cost is the whitespace, not the gap.
    fn next_line(&self, from: usize, to: usize) -> bool {
        let bytes = self.src.as_bytes();
        let mut newlines = 0;
        for &b in bytes[from.min(to)..to].iter().rev() {
            match b {
                b'\n' => {
                    newlines += 1;
                    if newlines > 1 {
                        return false;
                    }
                }
                b' ' | b'\t' | b'\r' => {}
                _ => return false,
            }
        }
        newlines == 1
    }

    fn doc_for(&self, start: usize) -> Option<CommentRange> {
        let end = self
            .comments
            .partition_point(|c| (c.span.end as usize) <= start);
        let mut first = end;
        let mut anchor = start;
        while first > 0 {
            let candidate = &self.comments[first - 1];
            if !self.next_line(candidate.span.end as usize, anchor) || !self.own_line(candidate) {
                break;
            }
            first -= 1;
            anchor = candidate.span.start as usize;
        }
        (first < end).then_some(CommentRange {
            start: first as u32,
            end: end as u32,
        })
    }

    fn decls(&self, decls: &mut [Decl]) {
        for decl in decls {
            match decl {
                Decl::Field(field) => self.field(field),
                Decl::Let(l) => self.expr(&mut l.value),
                Decl::Embed(e) => self.expr(e),
                Decl::Comprehension(c) => self.comprehension(c),
                Decl::Ellipsis(e) => {
                    if let Some(t) = &mut e.ty {
                        self.expr(t);
                    }
                }
                Decl::Attribute(_) | Decl::Error(_) => {}
            }
        }
    }

    fn field(&self, field: &mut Field) {
        field.doc = self.doc_for(field.span.start as usize);
        match &mut field.label.name {
            LabelName::Dynamic { expr, .. } | LabelName::Pattern { expr, .. } => self.expr(expr),
            LabelName::String(e) => self.expr(e),
            LabelName::Ident(_) => {}
        }
        self.expr(&mut field.value);
    }

    fn comprehension(&self, c: &mut Comprehension) {
        for clause in &mut c.clauses {
            match clause {
                Clause::For { source, .. } => self.expr(source),
                Clause::If { condition, .. } => self.expr(condition),
                Clause::Let(l) => self.expr(&mut l.value),
            }
        }
        self.decls(&mut c.body.decls);
    }

    /// Whether any comment starts inside `span`: subtrees without one
    /// have no doc comments to attach and are skipped.
    fn has_comment_in(&self, span: Span) -> bool {
        let first = self.comments.partition_point(|c| c.span.start < span.start);
        self.comments
            .get(first)
            .is_some_and(|c| c.span.start < span.end)
    }

    fn expr(&self, expr: &mut Expr) {
        match expr {
            Expr::Struct(s) if self.has_comment_in(s.span) => self.decls(&mut s.decls),
            Expr::Struct(_) => {}
            Expr::List(l) => {
                for elem in &mut l.elems {
                    match elem {
                        ListElem::Expr(e) => self.expr(e),
                        ListElem::Comprehension(c) => self.comprehension(c),
                        ListElem::Ellipsis(e) => {
                            if let Some(t) = &mut e.ty {
                                self.expr(t);
                            }
                        }
                    }
                }
            }
            Expr::Interpolation(i) => {
                for part in &mut i.parts {
                    if let InterpolationPart::Expr(e) = part {
                        self.expr(e);
                    }
                }
            }
            Expr::Paren(p) => self.expr(&mut p.inner),
            Expr::Unary(u) => self.expr(&mut u.operand),
            Expr::Binary(b) => {
                self.expr(&mut b.lhs);
                self.expr(&mut b.rhs);
            }
            Expr::Selector(s) => self.expr(&mut s.base),
            Expr::Index(i) => {
                self.expr(&mut i.base);
                self.expr(&mut i.index);
            }
            Expr::Slice(s) => {
                self.expr(&mut s.base);
                for e in [&mut s.low, &mut s.high].into_iter().flatten() {
                    self.expr(e);
                }
            }
            Expr::Call(c) => {
                self.expr(&mut c.func);
                for a in &mut c.args {
                    self.expr(a);
                }
            }
            Expr::Ident(_)
            | Expr::Bottom(_)
            | Expr::Null(_)
            | Expr::Bool(..)
            | Expr::Number(_)
            | Expr::String(_)
            | Expr::Error(_) => {}
        }
    }
}
