//! Checking the properties a user wrote against a definition's declared
//! parameters ([`crate::schema`]): an unknown property is an error at its
//! position, naming the definition, its parameters there and the closest
//! name.

use crate::app::{path_segment, Typed};
use crate::definition::Definition;
use crate::errors::suggest;
use crate::schema::Schema;
use tenon_diagnostics::Diagnostic;
use tenon_eval::export::{Data, SpanTree};

/// Every unknown property of `typed` for `definition`.
pub fn check(typed: &Typed, definition: &Definition) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut checker = Checker {
        definition,
        out: &mut out,
    };
    checker.walk(
        &definition.parameters,
        &typed.properties,
        &typed.property_spans,
        &mut typed.path.clone(),
    );
    out
}

struct Checker<'a> {
    definition: &'a Definition,
    out: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn walk(&mut self, schema: &Schema, data: &Data, spans: &SpanTree, path: &mut String) {
        match (schema, data) {
            (Schema::Struct { fields, open }, Data::Struct(items)) => {
                for (i, (name, value)) in items.iter().enumerate() {
                    let len = path.len();
                    path.push('.');
                    path.push_str(&path_segment(name));
                    match fields.get(name) {
                        Some(param) => self.walk(&param.schema, value, spans.child(i), path),
                        None if *open => {}
                        None => self.unknown(name, fields.keys(), spans.child(i), path),
                    }
                    path.truncate(len);
                }
            }
            (Schema::List(element), Data::List(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let len = path.len();
                    path.push('.');
                    path.push_str(&i.to_string());
                    self.walk(element, item, spans.child(i), path);
                    path.truncate(len);
                }
            }
            _ => {}
        }
    }

    fn unknown<'k>(
        &mut self,
        name: &str,
        known: impl Iterator<Item = &'k String> + Clone,
        spans: &SpanTree,
        path: &str,
    ) {
        let definition = self.definition;
        let mut diagnostic = Diagnostic::error(
            "unknown-property",
            spans.span,
            format!(
                "unknown property {name:?}: {} {:?} has no such parameter",
                definition.kind.as_str(),
                definition.name
            ),
        )
        .with_path(path.to_string());
        if let Some(candidate) = suggest(name, known.clone().map(String::as_str)) {
            diagnostic = diagnostic.with_primary_message(format!("did you mean {candidate:?}?"));
        }
        let names: Vec<&str> = known.map(String::as_str).collect();
        if !names.is_empty() {
            diagnostic = diagnostic.with_note(format!("parameters here: {}", names.join(", ")));
        }
        self.out
            .push(diagnostic.with_label(definition.span, "declared by this definition"));
    }
}
