//! Filling values in from outside (the embedding API's `fill`): concrete
//! data becomes vertices that are unified in at a path, without compiling
//! anything.

use super::{CloseRef, Conjunct, Evaluator, Source, State, VertexId};
use crate::export::{Data, SpanTree};
use crate::ir::Optionality;
use crate::label::{Label, LabelKind};
use crate::num::Number;
use crate::value::{Atom, Kinds};
use std::sync::Arc;

impl Evaluator {
    /// Unifies `value` into the field at `path` (field names from the
    /// root), creating missing fields. Fails on a path through a value
    /// that is not a struct, or on a number that is not a number.
    pub(crate) fn fill(
        &mut self,
        target: VertexId,
        path: &[&str],
        value: &Data,
        spans: Option<&SpanTree>,
    ) -> Result<(), String> {
        if self.v(target).state == State::New && !path.is_empty() {
            // Nothing is evaluated yet: the value joins the target as a
            // struct `{path: value}`, so everything that reads it (top-level
            // comprehensions included) sees it from the start.
            let mut data = self.data_vertex_at(value, spans)?;
            for name in path.iter().rev() {
                let node = self.new_vertex(None, Label::Index(u32::MAX));
                let label = self.labels.intern(name, LabelKind::of_ident(name));
                self.attach(node, label, data);
                let vertex = self.v_mut(node);
                vertex.kinds = Kinds::STRUCT;
                vertex.synthetic = true;
                vertex.state = State::Done;
                vertex.finalized = true;
                data = node;
            }
            self.push_conjunct(
                target,
                Conjunct {
                    source: Source::Vertex(data),
                    env: None,
                    close: CloseRef(0),
                },
            );
            return Ok(());
        }
        let data = self.data_vertex_at(value, spans)?;
        let mut v = target;
        for (i, name) in path.iter().enumerate() {
            let label = self.labels.intern(name, LabelKind::of_ident(name));
            if i + 1 == path.len() {
                let conjunct = Conjunct {
                    source: Source::Vertex(data),
                    env: None,
                    close: CloseRef(0),
                };
                self.add_field_from_outside(v, label, conjunct);
                return Ok(());
            }
            self.structure(v);
            let resolved = self.resolved(v);
            v = match self.v(resolved).arc(label) {
                Some(arc) => arc.vertex,
                None => return Err(format!("cannot fill {}: no field {name}", path.join("."))),
            };
        }
        let conjunct = Conjunct {
            source: Source::Vertex(data),
            env: None,
            close: CloseRef(0),
        };
        self.push_conjunct(v, conjunct);
        Ok(())
    }

    /// Adds a conjunct to the field `label` of `v`, creating the field if
    /// `v`'s own declarations did not.
    fn add_field_from_outside(&mut self, v: VertexId, label: Label, conjunct: Conjunct) {
        self.structure(v);
        let v = self.resolved(v);
        if self.v(v).arc(label).is_some() || self.v(v).state != State::New {
            self.add_field(v, label, Optionality::Regular, conjunct);
        } else {
            self.v_mut(v).conjuncts.push(conjunct);
        }
    }

    /// A finished vertex holding `data`, its scalars positioned by
    /// `spans` (a tree parallel to `data`) when given.
    fn data_vertex_at(
        &mut self,
        data: &Data,
        spans: Option<&SpanTree>,
    ) -> Result<VertexId, String> {
        let span = spans.map(|s| s.span).unwrap_or_default();
        let child_spans = |i: usize| spans.map(|s| s.child(i));
        let v = match data {
            Data::Null => self.synthetic_at(Atom::Null, span),
            Data::Bool(b) => self.synthetic_at(Atom::Bool(*b), span),
            Data::Number(text) => {
                let number =
                    Number::parse_json(text).map_err(|e| format!("invalid number {text}: {e}"))?;
                self.synthetic_at(Atom::Number(number), span)
            }
            Data::String(s) => self.synthetic_at(Atom::String(Arc::from(s.as_str())), span),
            Data::Bytes(b) => self.synthetic_at(Atom::Bytes(Arc::from(b.as_slice())), span),
            Data::List(items) => {
                let list = self.new_vertex(None, Label::Index(u32::MAX));
                for (i, item) in items.iter().enumerate() {
                    let child = self.data_vertex_at(item, child_spans(i))?;
                    self.attach(list, Label::Index(i as u32), child);
                }
                let vertex = self.v_mut(list);
                vertex.kinds = Kinds::LIST;
                vertex.set_list_len(items.len() as u32);
                vertex.set_list_closed((items.len() as u32, Default::default()));
                list
            }
            Data::Struct(fields) => {
                let node = self.new_vertex(None, Label::Index(u32::MAX));
                for (i, (name, item)) in fields.iter().enumerate() {
                    let child = self.data_vertex_at(item, child_spans(i))?;
                    let label = self.labels.intern(name, LabelKind::Regular);
                    self.attach(node, label, child);
                }
                self.v_mut(node).kinds = Kinds::STRUCT;
                node
            }
        };
        let vertex = self.v_mut(v);
        vertex.synthetic = true;
        vertex.state = State::Done;
        vertex.finalized = true;
        Ok(v)
    }

    fn synthetic_at(&mut self, atom: Atom, span: tenon_diagnostics::Span) -> VertexId {
        let v = self.synthetic(atom);
        if let Some((_, at)) = &mut self.v_mut(v).atom {
            *at = span;
        }
        v
    }

    /// Makes `child` the arc `label` of `parent`.
    pub(crate) fn attach(&mut self, parent: VertexId, label: Label, child: VertexId) {
        let vertex = self.v_mut(child);
        vertex.parent = Some(parent);
        vertex.label = label;
        self.v_mut(parent)
            .push_arc(super::Arc::new(label, child, Optionality::Regular));
    }
}
