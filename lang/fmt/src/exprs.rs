//! Expressions: operators, selectors, indexing, calls, lists and
//! parentheses.
//!
//! Rule 6: binary operators take one space each side (`a & b`); unary
//! operators attach to their operand (`>=0`, `-x`, `!ok`, `*"x"`);
//! `f(a, b)`, `a.b`, `a[i]`, `a[lo:hi]` (omitted bounds stay omitted);
//! parentheses are kept as written, never added or removed.

use crate::block::{Item, Style};
use crate::Formatter;
use tenon_syntax::ast::{
    Binary, Call, Expr, ListElem, ListLit, NumberKind, SelectorName, Spanned, Unary, UnaryOp,
};

impl Formatter<'_> {
    pub(crate) fn expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Ident(i) => self.ident(i),
            Expr::Bottom(s) => self.token(s.start, "_|_"),
            Expr::Null(s) => self.token(s.start, "null"),
            Expr::Bool(b, s) => self.token(s.start, if *b { "true" } else { "false" }),
            // Rule 8: numbers are copied verbatim.
            Expr::Number(n) => {
                let text = self.slice(n.span.start, n.span.end);
                self.token(n.span.start, text);
            }
            Expr::String(s) => self.string_lit(s),
            Expr::Interpolation(i) => self.interpolation(i),
            Expr::Struct(s) => self.struct_lit(s),
            Expr::List(l) => self.list(l),
            Expr::Paren(p) => {
                self.token(p.span.start, "(");
                self.expr(&p.inner);
                self.token(p.span.end.saturating_sub(1), ")");
            }
            Expr::Unary(u) => self.unary(u),
            Expr::Binary(b) => self.binary(b),
            Expr::Selector(s) => {
                self.expr(&s.base);
                // `1 .x` must not become the number `1.` followed by `x`.
                if matches!(&s.base, Expr::Number(n) if n.kind == NumberKind::Int) {
                    self.p.space();
                }
                self.p.text(".");
                match &s.name {
                    SelectorName::Ident(i) => self.ident(i),
                    SelectorName::String(lit) => self.string_lit(lit),
                }
            }
            Expr::Index(i) => {
                self.expr(&i.base);
                self.p.text("[");
                self.expr(&i.index);
                self.token(i.span.end.saturating_sub(1), "]");
            }
            Expr::Slice(s) => {
                self.expr(&s.base);
                self.p.text("[");
                if let Some(low) = &s.low {
                    self.expr(low);
                }
                self.p.text(":");
                if let Some(high) = &s.high {
                    self.expr(high);
                }
                self.token(s.span.end.saturating_sub(1), "]");
            }
            Expr::Call(c) => self.call(c),
            Expr::Error(s) => {
                let text = self.slice(s.start, s.end);
                self.token(s.start, text);
            }
        }
    }

    /// A unary operator attaches to its operand, except that `!`, `<` or
    /// `>` before an operand that starts with `=` (`=~x`) keeps a space:
    /// written together they would read as `!=`, `<=` or `>=`.
    fn unary(&mut self, u: &Unary) {
        self.token(u.span.start, u.op.as_str());
        let glues = matches!(u.op, UnaryOp::Not | UnaryOp::Lt | UnaryOp::Gt)
            && matches!(&u.operand, Expr::Unary(inner) if inner.op.as_str().starts_with('='));
        if glues {
            self.p.space();
        }
        self.expr(&u.operand);
    }

    /// Rule 7: when the right operand starts on a later source line than
    /// the operator, a line break follows the operator and the right
    /// operand is indented one level deeper than the line the expression
    /// starts on; otherwise the expression stays on the line.
    fn binary(&mut self, b: &Binary) {
        let base = self.begin(b.span.start);
        self.expr(&b.lhs);
        self.p.space();
        self.token(b.op_span.start, b.op.as_str());
        if self.breaks_after_operator(b.op_span.end, b.rhs.span().start) {
            self.p.newline();
            let saved = self.p.indent;
            self.p.indent = base + 1;
            self.expr(&b.rhs);
            self.p.indent = saved;
        } else {
            self.p.space();
            self.expr(&b.rhs);
        }
    }

    /// Rule 3 for lists: `[1, 2, ...int]` on one line, or one element per
    /// line, each with a trailing comma, and `]` on its own line.
    fn list(&mut self, l: &ListLit) {
        let open = l.span.start;
        let close = l.span.end.saturating_sub(1).max(open);
        let items: Vec<Item<'_>> = l.elems.iter().map(Item::Elem).collect();
        let spans: Vec<_> = l.elems.iter().map(|e| e.span()).collect();
        self.comma_block((open, "["), &items, &spans, (close, "]"));
    }

    /// A list or argument list: on one line, or one element per line with
    /// trailing commas (rule 3).
    fn comma_block(
        &mut self,
        open: (u32, &'static str),
        items: &[Item<'_>],
        spans: &[tenon_syntax::ast::Span],
        close: (u32, &'static str),
    ) {
        if self.single_line(open.0, spans, close.0) {
            self.one_line(open, items, close);
        } else {
            let style = Style {
                comma: true,
                align: false,
            };
            self.multi_line(open, items, close, style);
        }
    }

    pub(crate) fn list_elem(&mut self, e: &ListElem) {
        match e {
            ListElem::Expr(e) => self.expr(e),
            ListElem::Comprehension(c) => self.comprehension(c),
            ListElem::Ellipsis(e) => self.ellipsis(e),
        }
    }

    /// Rule 3 for call arguments: `f(a, b)` on one line, or one argument
    /// per line, each with a trailing comma, and `)` on its own line. The
    /// `(` directly follows the function (a line break there would end
    /// the element), so the layout is read from the function's end; a
    /// comment inside the parentheses also forces the multi-line form.
    fn call(&mut self, c: &Call) {
        self.expr(&c.func);
        let open = c.func.span().end;
        let close = c.span.end.saturating_sub(1).max(open);
        let items: Vec<Item<'_>> = c.args.iter().map(Item::Arg).collect();
        let spans: Vec<_> = c.args.iter().map(|a| a.span()).collect();
        self.comma_block((open, "("), &items, &spans, (close, ")"));
    }
}
