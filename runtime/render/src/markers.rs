//! Patch markers: the `// +patchKey=name` and `// +patchStrategy=…`
//! comments of a trait's `patch` (and `patchOutputs`), read from the
//! definition's syntax tree once, when the definition is loaded.
//!
//! A marker belongs to the field it documents. Its place is the field's
//! path from the patch's root, list elements written `*` (every element
//! of a list literal, or of a list comprehension, shares its source).
//! The walk goes through struct literals, embeddings, comprehension
//! bodies, `&` and parentheses, and `close(…)`, as KubeVela's does, and
//! into the definitions and fields of the template a patch refers to by
//! name (`containers: [PatchContainer & {name: context.name}]`), whose
//! markers apply where they are used.

use std::collections::HashMap;
use tenon_syntax::ast;

/// The markers of one field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marker {
    /// `+patchKey=name` (several keys separated by commas).
    pub key: Option<String>,
    /// `+patchStrategy=retainKeys|replace|open|jsonPatch|jsonMergePatch`.
    pub strategy: Option<String>,
}

impl Marker {
    /// The markers in the comment lines of a field's doc comment.
    pub fn from_comments(comments: &[ast::Comment]) -> Marker {
        let mut marker = Marker::default();
        for comment in comments {
            let line = comment.text.trim_start_matches('/').trim();
            let Some(rest) = line.strip_prefix('+') else {
                continue;
            };
            let Some((name, value)) = rest.split_once('=') else {
                continue;
            };
            let value = value.trim();
            if value.is_empty() || value.split_whitespace().count() > 1 {
                continue;
            }
            match name.trim() {
                "patchKey" => marker.key = Some(value.to_string()),
                "patchStrategy" => marker.strategy = Some(value.to_string()),
                _ => {}
            }
        }
        marker
    }

    fn is_empty(&self) -> bool {
        self.key.is_none() && self.strategy.is_none()
    }
}

/// Markers by path (`spec.template.spec.containers`, `…containers.*.env`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markers {
    by_path: HashMap<String, Marker>,
}

impl Markers {
    /// The markers under the field `field` of a definition's template
    /// (`body`, where names the patch refers to are looked up, then the
    /// file's top level).
    pub fn collect(file: &ast::File, body: &[ast::Decl], field: &ast::Field) -> Markers {
        let mut markers = Markers::default();
        let own = Marker::from_comments(file.doc(field));
        if !own.is_empty() {
            markers.by_path.insert(String::new(), own);
        }
        let mut walker = Walker {
            file,
            body,
            markers: &mut markers,
            active: Vec::new(),
        };
        walker.walk(&field.value, &mut String::new(), 0);
        markers
    }

    /// The marker of the field at `path` (segments joined by `.`, list
    /// elements as `*`).
    pub fn at(&self, path: &str) -> Option<&Marker> {
        self.by_path.get(path)
    }

    /// The markers below the field `name`, re-rooted there (the markers
    /// of `patchOutputs.<name>` for that output).
    pub fn under(&self, name: &str) -> Markers {
        let prefix = format!("{name}.");
        let by_path = self
            .by_path
            .iter()
            .filter_map(|(path, marker)| {
                if path == name {
                    Some((String::new(), marker.clone()))
                } else {
                    path.strip_prefix(&prefix)
                        .map(|rest| (rest.to_string(), marker.clone()))
                }
            })
            .collect();
        Markers { by_path }
    }

    /// Whether any marker was found.
    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }
}

/// A walk over a patch's syntax, collecting markers.
struct Walker<'a, 'm> {
    file: &'a ast::File,
    body: &'a [ast::Decl],
    markers: &'m mut Markers,
    /// The names whose declarations are being walked.
    active: Vec<&'a str>,
}

impl<'a> Walker<'a, '_> {
    fn walk(&mut self, expr: &'a ast::Expr, path: &mut String, depth: usize) {
        if depth > 200 {
            return;
        }
        match expr {
            ast::Expr::Struct(lit) => self.walk_decls(&lit.decls, path, depth),
            ast::Expr::List(list) => {
                let len = path.len();
                push(path, "*");
                for elem in &list.elems {
                    match elem {
                        ast::ListElem::Expr(e) => self.walk(e, path, depth + 1),
                        ast::ListElem::Comprehension(c) => {
                            self.walk_decls(&c.body.decls, path, depth + 1)
                        }
                        ast::ListElem::Ellipsis(_) => {}
                    }
                }
                path.truncate(len);
            }
            ast::Expr::Binary(b) if b.op == ast::BinaryOp::And => {
                self.walk(&b.lhs, path, depth + 1);
                self.walk(&b.rhs, path, depth + 1);
            }
            ast::Expr::Paren(p) => self.walk(&p.inner, path, depth + 1),
            ast::Expr::Call(call) if is_close(call) => {
                if let Some(arg) = call.args.first() {
                    self.walk(arg, path, depth + 1)
                }
            }
            // A name being walked already is not entered again (a
            // recursive definition would never end).
            ast::Expr::Ident(id) if !self.active.contains(&id.name.as_str()) => {
                if let Some(value) = self.declaration(&id.name) {
                    self.active.push(&id.name);
                    self.walk(value, path, depth + 1);
                    self.active.pop();
                }
            }
            _ => {}
        }
    }

    /// The value of a field or definition declared at the top of the
    /// template body or of the file.
    fn declaration(&self, name: &str) -> Option<&'a ast::Expr> {
        let top = self.file.decls.iter();
        self.body.iter().chain(top).find_map(|decl| match decl {
            ast::Decl::Field(field) if label_text(&field.label).as_deref() == Some(name) => {
                Some(&field.value)
            }
            _ => None,
        })
    }

    fn walk_decls(&mut self, decls: &'a [ast::Decl], path: &mut String, depth: usize) {
        for decl in decls {
            match decl {
                ast::Decl::Field(field) => {
                    let Some(name) = label_text(&field.label) else {
                        continue;
                    };
                    let len = path.len();
                    push(path, &name);
                    let marker = Marker::from_comments(self.file.doc(field));
                    if !marker.is_empty() {
                        let slot = self.markers.by_path.entry(path.clone()).or_default();
                        slot.key = marker.key.or(slot.key.take());
                        slot.strategy = marker.strategy.or(slot.strategy.take());
                    }
                    self.walk(&field.value, path, depth + 1);
                    path.truncate(len);
                }
                ast::Decl::Embed(expr) => self.walk(expr, path, depth + 1),
                ast::Decl::Comprehension(c) => self.walk_decls(&c.body.decls, path, depth + 1),
                _ => {}
            }
        }
    }
}

fn push(path: &mut String, segment: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(segment);
}

fn is_close(call: &ast::Call) -> bool {
    matches!(&call.func, ast::Expr::Ident(id) if id.name == "close")
}

/// The text of a label that names one field (`name`, `"quoted"`), or
/// `None` for computed labels and patterns.
pub fn label_text(label: &ast::Label) -> Option<String> {
    match &label.name {
        ast::LabelName::Ident(id) => Some(id.name.to_string()),
        ast::LabelName::String(ast::Expr::String(s)) => string_value(s),
        _ => None,
    }
}

/// The value of a string literal without interpolations.
pub fn string_value(s: &ast::StringLit) -> Option<String> {
    match &s.value {
        ast::StrValue::Text(text) => Some(text.to_string()),
        _ => None,
    }
}
