//! Printing a value in Tenon syntax (`tenon eval`): concrete values as
//! literals, constraints as the types and bounds left, disjunctions with
//! their default marks, and optional, required, definition and hidden
//! fields.

use super::{Evaluator, VertexId};
use crate::ir::Optionality;
use crate::label::Label;
use crate::value::{write_quoted, Atom, Kinds};
use std::fmt::Write;

impl Evaluator {
    /// The value of `v` as Tenon source; a struct at the top is printed
    /// without braces, as a file.
    pub(crate) fn print(&self, v: VertexId, top_level: bool) -> String {
        let mut out = String::new();
        let v = self.resolved_share(v);
        if top_level && self.v(v).kinds == Kinds::STRUCT && self.v(v).error.is_none() {
            self.print_fields(v, 0, &mut out);
        } else {
            self.print_value(v, 0, &mut out);
            out.push('\n');
        }
        out
    }

    fn resolved_share(&self, mut v: VertexId) -> VertexId {
        while let Some(target) = self.v(v).share() {
            v = target;
        }
        v
    }

    fn print_value(&self, v: VertexId, indent: usize, out: &mut String) {
        super::with_stack(|| self.print_value_now(v, indent, out))
    }

    fn print_value_now(&self, v: VertexId, indent: usize, out: &mut String) {
        let v = self.resolved_share(v);
        let vertex = self.v(v);
        if let Some(error) = self.error_of(v) {
            let _ = write!(out, "_|_ // {}", error.message);
            return;
        }
        if let Some(d) = vertex.disjunction() {
            let all_default = d.forks.iter().all(|f| f.1);
            for (i, &(fork, default)) in d.forks.iter().enumerate() {
                if i > 0 {
                    out.push_str(" | ");
                }
                if default && !all_default {
                    out.push('*');
                }
                self.print_value(fork, indent, out);
            }
            return;
        }
        if let Some((atom, _)) = &vertex.atom {
            print_atom(atom, out);
            return;
        }
        if vertex.kinds == Kinds::LIST {
            self.print_list(v, indent, out);
            return;
        }
        if vertex.kinds == Kinds::STRUCT {
            if vertex.arcs.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push_str("{\n");
            self.print_fields(v, indent + 1, out);
            push_indent(out, indent);
            out.push('}');
            return;
        }
        out.push_str(&self.describe(v));
    }

    fn print_fields(&self, v: VertexId, indent: usize, out: &mut String) {
        for arc in &self.v(v).arcs {
            let Label::Field(_) = arc.label else { continue };
            push_indent(out, indent);
            let name = self.labels.text(arc.label);
            if is_plain_label(&name) {
                out.push_str(&name);
            } else {
                let _ = write_quoted(out, &name, '"');
            }
            out.push_str(match arc.optional {
                Optionality::Optional => "?: ",
                Optionality::Required => "!: ",
                Optionality::Regular => ": ",
            });
            self.print_value(arc.vertex, indent, out);
            out.push('\n');
        }
    }

    fn print_list(&self, v: VertexId, indent: usize, out: &mut String) {
        let vertex = self.v(v);
        let open = vertex.list_closed().is_none() && !vertex.list_tails().is_empty();
        if vertex.list_len() == 0 && !open {
            out.push_str("[]");
            return;
        }
        out.push_str("[\n");
        for i in 0..vertex.list_len() {
            push_indent(out, indent + 1);
            match vertex.arc(Label::Index(i)) {
                Some(arc) => self.print_value(arc.vertex, indent + 1, out),
                None => out.push('_'),
            }
            out.push_str(",\n");
        }
        if open {
            push_indent(out, indent + 1);
            out.push_str("...");
            if let Some((_, tail)) = vertex.list_tails().last() {
                if let super::Source::Expr(e) = tail.source {
                    if !matches!(self.code(e.unit).expr(e.id), crate::ir::Expr::Top) {
                        out.push_str(&self.source_text(e));
                    }
                }
            }
            out.push('\n');
        }
        push_indent(out, indent);
        out.push(']');
    }
}

impl Evaluator {
    /// The type of an open list's further elements, for printing.
    fn source_text(&self, e: super::ExprRef) -> String {
        match self.code(e.unit).expr(e.id) {
            crate::ir::Expr::Kind(k) => k.name(),
            _ => "_".to_string(),
        }
    }

    /// Evaluates optional fields too (for printing them).
    pub(crate) fn structure_all(&mut self, v: VertexId, depth: u32) {
        if depth > self.limits.max_depth {
            return;
        }
        self.structure(v);
        let v = self.resolved_share(v);
        let arcs: Vec<VertexId> = self.v(v).arcs.iter().map(|a| a.vertex).collect();
        for arc in arcs {
            self.structure_all(arc, depth + 1);
        }
    }
}

fn print_atom(atom: &Atom, out: &mut String) {
    match atom {
        Atom::String(s) => {
            let _ = write_quoted(out, s, '"');
        }
        Atom::Bytes(b) => {
            let _ = write_quoted(out, &String::from_utf8_lossy(b), '\'');
        }
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

fn push_indent(out: &mut String, indent: usize) {
    for _ in 0..indent {
        out.push('\t');
    }
}

/// Whether a label can be written without quotes.
fn is_plain_label(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_' || c == '#' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        && !matches!(
            name,
            "if" | "for" | "let" | "in" | "import" | "package" | "true" | "false" | "null"
        )
}
