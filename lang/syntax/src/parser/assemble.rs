//! Building a file (or a `-e` expression) from the parser's top-level
//! items, checking their order and the import paths.

use super::{ParseCtx, TopItem};
use crate::ast::*;

impl ParseCtx<'_> {
    /// Builds the file from its top-level items, checking their order.
    pub(super) fn assemble(&mut self, items: Vec<TopItem>) -> File {
        self.report_stray_aliases();
        let mut file = File {
            id: self.file,
            span: self.span(0, self.src.len()),
            attributes: Vec::new(),
            package: None,
            imports: Vec::new(),
            decls: Vec::new(),
            comments: Vec::new(),
        };
        // Leading attributes are the file's own until the first other item.
        let mut leading = true;
        for item in items {
            match item {
                TopItem::Decl(Decl::Attribute(a)) if leading => file.attributes.push(*a),
                TopItem::Package(p) => {
                    if !file.imports.is_empty() || !file.decls.is_empty() || file.package.is_some()
                    {
                        let what = if file.package.is_some() {
                            "a file has at most one package clause"
                        } else {
                            "the package clause must come before imports and declarations"
                        };
                        self.error("misplaced-package", p.span, what);
                    } else {
                        file.package = Some(p);
                    }
                    leading = false;
                }
                TopItem::Import(i) => {
                    for spec in &i.specs {
                        self.check_import_path(&spec.path);
                    }
                    if file.decls.iter().any(|d| !matches!(d, Decl::Attribute(_))) {
                        self.error(
                            "misplaced-import",
                            i.span,
                            "imports must come before the first declaration",
                        );
                    }
                    file.imports.push(i);
                    leading = false;
                }
                TopItem::Decl(d) => {
                    file.decls.push(d);
                    leading = false;
                }
            }
        }
        file
    }

    /// An import path is a non-empty string of letters, digits and
    /// `/ . - _ ~ : @ +` (a `:name` qualifier and a `@v0` major version
    /// included).
    pub(super) fn check_import_path(&mut self, path: &StringLit) {
        let text = path.value.to_text();
        let valid = !text.is_empty()
            && is_simple_string(path)
            && text
                .chars()
                .all(|c| c.is_alphanumeric() || "/.-_~:@+".contains(c));
        if !valid {
            self.error(
                "invalid-import",
                path.span,
                format!("invalid import path {:?}", text.as_ref()),
            );
        }
    }

    /// The expression of `-e`: exactly one embedded expression.
    pub(super) fn single_expr(&mut self, mut decls: Vec<Decl>, len: usize) -> Expr {
        self.report_stray_aliases();
        match (decls.len(), decls.pop()) {
            (1, Some(Decl::Embed(e))) => e,
            (_, Some(Decl::Error(s))) => Expr::Error(s),
            (n, last) => {
                let span = match &last {
                    Some(d) => d.span(),
                    None => self.span(0, len),
                };
                let message = if n == 0 {
                    "expected an expression".to_string()
                } else {
                    "expected a single expression".to_string()
                };
                self.error("expected-expression", span, message);
                Expr::Error(span)
            }
        }
    }
}

/// A single-line, double-quoted, non-raw string (interpolations are a
/// different node).
pub(super) fn is_simple_string(s: &StringLit) -> bool {
    s.kind == StringKind::default()
}
