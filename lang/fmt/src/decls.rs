//! Files and declarations: the package clause, imports, fields and their
//! labels, `let`, `...`, attributes, comprehensions and structs.

use crate::block::{Item, Style};
use crate::Formatter;
use tenon_syntax::ast::{
    Attribute, Clause, Comprehension, Decl, Ellipsis, Field, FieldConstraint, File, Ident,
    ImportDecl, ImportSpec, Label, LabelName, LetClause, StructLit,
};

const STRUCT: Style = Style {
    comma: false,
    align: true,
};

impl Formatter<'_> {
    /// Rule 2: a file is its leading attributes (one per line), the package
    /// clause, the imports and the declarations, one per line at the top
    /// level (always multi-line), with a blank line between the groups
    /// that exist; comments at the end of the file print at its end.
    pub(crate) fn file(&mut self, file: &File) {
        let mut items: Vec<Item<'_>> = file.attributes.iter().map(Item::FileAttr).collect();
        items.extend(file.package.iter().map(Item::Package));
        items.extend(file.imports.iter().map(Item::Import));
        items.extend(file.decls.iter().map(Item::Decl));
        let end = u32::try_from(self.src.len()).unwrap_or(u32::MAX);
        self.block(&items, 0, end, STRUCT);
    }

    /// Rule 2: `import "x"` stays a single import; a grouped import prints
    /// `import (`, one spec per line one level deeper, and `)`.
    pub(crate) fn import(&mut self, import: &ImportDecl) {
        self.token(import.span.start, "import");
        self.p.space();
        match (import.grouped, import.specs.as_slice()) {
            (false, [spec]) => self.import_spec(spec),
            (_, specs) => {
                let items: Vec<Item<'_>> = specs.iter().map(Item::Spec).collect();
                let open = import.span.start.saturating_add(6);
                let close = import.span.end.saturating_sub(1);
                let style = Style {
                    comma: false,
                    align: false,
                };
                self.multi_line((open, "("), &items, (close, ")"), style);
            }
        }
    }

    /// Rule 2: an import spec is `"path"` or `name "path"`.
    pub(crate) fn import_spec(&mut self, spec: &ImportSpec) {
        if let Some(alias) = &spec.alias {
            self.ident(alias);
            self.p.space();
        }
        self.string_lit(&spec.path);
    }

    /// Prints a declaration; returns the output offset just after the
    /// first `:` of a field (for alignment).
    pub(crate) fn decl(&mut self, decl: &Decl) -> Option<usize> {
        match decl {
            Decl::Field(f) => return Some(self.field(f)),
            Decl::Let(l) => self.let_clause(l),
            Decl::Embed(e) => self.expr(e),
            Decl::Comprehension(c) => self.comprehension(c),
            Decl::Ellipsis(e) => self.ellipsis(e),
            Decl::Attribute(a) => self.attribute(a),
            Decl::Error(span) => {
                let text = self.slice(span.start, span.end);
                self.token(span.start, text);
            }
        }
        None
    }

    /// Rule 6: `label: value` (`label: X=value` with a value alias), then
    /// the attributes separated by one space; a field chain prints
    /// `a: b: 1`. Returns the output offset after the first `:`.
    fn field(&mut self, field: &Field) -> usize {
        self.label(&field.label);
        self.p.text(":");
        let colon = self.p.len();
        self.p.space();
        if let Some(alias) = &field.value_alias {
            self.alias(alias, &field.value);
        }
        match &field.value {
            tenon_syntax::ast::Expr::Struct(s) if !s.braces => self.chain(s),
            value => self.expr(value),
        }
        for a in &field.attributes {
            self.p.space();
            self.attribute(a);
        }
        colon
    }

    /// The value of a field chain: the inner field(s) without braces.
    fn chain(&mut self, s: &StructLit) {
        for (i, decl) in s.decls.iter().enumerate() {
            if i > 0 {
                self.p.text(",");
                self.p.space();
            }
            self.decl(decl);
        }
    }

    /// Rule 6: `X=name`, `"quoted"`, `(X=expr)`, `[X=pattern]`, then `?`
    /// or `!` when the field is optional or required.
    fn label(&mut self, label: &Label) {
        if let Some(alias) = &label.alias {
            self.ident(alias);
            self.p.text("=");
        }
        match &label.name {
            LabelName::Ident(i) => self.ident(i),
            LabelName::String(e) => self.expr(e),
            LabelName::Dynamic { alias, expr, span } | LabelName::Pattern { alias, expr, span } => {
                let (open, close) = match label.name {
                    LabelName::Dynamic { .. } => ("(", ")"),
                    _ => ("[", "]"),
                };
                self.token(span.start, open);
                if let Some(alias) = alias {
                    self.alias(alias, expr);
                }
                self.expr(expr);
                self.token(span.end.saturating_sub(1), close);
            }
        }
        match label.constraint {
            FieldConstraint::Regular => {}
            FieldConstraint::Optional => self.p.text("?"),
            FieldConstraint::Required => self.p.text("!"),
        }
    }

    /// `X=` before an expression; a space keeps `X= =~"re"` from reading
    /// as `X==~"re"`.
    fn alias(&mut self, alias: &Ident, expr: &tenon_syntax::ast::Expr) {
        self.ident(alias);
        self.p.text("=");
        if matches!(expr, tenon_syntax::ast::Expr::Unary(u) if u.op.as_str().starts_with('=')) {
            self.p.space();
        }
    }

    pub(crate) fn ident(&mut self, ident: &Ident) {
        self.token(ident.span.start, &ident.name);
    }

    /// Rule 6: `let x = e`.
    fn let_clause(&mut self, l: &LetClause) {
        self.token(l.span.start, "let");
        self.p.space();
        self.ident(&l.name);
        self.p.space();
        self.p.text("=");
        self.p.space();
        self.expr(&l.value);
    }

    /// Rule 6: `...` or `...T`.
    pub(crate) fn ellipsis(&mut self, e: &Ellipsis) {
        self.token(e.span.start, "...");
        if let Some(ty) = &e.ty {
            self.expr(ty);
        }
    }

    /// Rule 8: attributes are copied verbatim.
    pub(crate) fn attribute(&mut self, a: &Attribute) {
        let text = self.slice(a.span.start, a.span.end);
        self.token(a.span.start, text);
    }

    /// Rule 6: `for k, v in src if cond let x = e {…}`: clauses separated
    /// by one space (commas between clauses dropped), then the body, a
    /// struct laid out by rule 3.
    pub(crate) fn comprehension(&mut self, c: &Comprehension) {
        for (i, clause) in c.clauses.iter().enumerate() {
            if i > 0 {
                self.p.space();
            }
            match clause {
                Clause::For {
                    key,
                    value,
                    source,
                    span,
                } => {
                    self.token(span.start, "for");
                    self.p.space();
                    if let Some(key) = key {
                        self.ident(key);
                        self.p.text(",");
                        self.p.space();
                    }
                    self.ident(value);
                    self.p.space();
                    self.p.text("in");
                    self.p.space();
                    self.expr(source);
                }
                Clause::If { condition, span } => {
                    self.token(span.start, "if");
                    self.p.space();
                    self.expr(condition);
                }
                Clause::Let(l) => self.let_clause(l),
            }
        }
        self.p.space();
        self.struct_lit(&c.body);
    }

    /// Rule 3: `{a: 1, b: 2}` (or `{}`) on one line when every declaration
    /// starts on the line of the `{` and no comment lies inside the
    /// braces; otherwise `{`, one declaration per line one level deeper
    /// (no commas), and `}` on its own line.
    pub(crate) fn struct_lit(&mut self, s: &StructLit) {
        if !s.braces {
            self.chain(s);
            return;
        }
        let open = s.span.start;
        let close = s.span.end.saturating_sub(1).max(open);
        let items: Vec<Item<'_>> = s.decls.iter().map(Item::Decl).collect();
        let spans: Vec<_> = s
            .decls
            .iter()
            .map(tenon_syntax::ast::Spanned::span)
            .collect();
        if self.single_line(open, &spans, close) {
            self.one_line((open, "{"), &items, (close, "}"));
        } else {
            self.multi_line((open, "{"), &items, (close, "}"), STRUCT);
        }
    }
}
