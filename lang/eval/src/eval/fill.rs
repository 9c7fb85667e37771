//! Filling values in from outside (the embedding API's `fill`): concrete
//! data becomes vertices that are unified in at a path, without compiling
//! anything.

use super::{CloseRef, Conjunct, Evaluator, Source, State, VertexId};
use crate::export::Data;
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
    ) -> Result<(), String> {
        let data = self.data_vertex(value)?;
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

    /// A finished vertex holding `data`.
    pub(crate) fn data_vertex(&mut self, data: &Data) -> Result<VertexId, String> {
        let v = match data {
            Data::Null => self.synthetic(Atom::Null),
            Data::Bool(b) => self.synthetic(Atom::Bool(*b)),
            Data::Number(text) => {
                let number =
                    Number::parse_json(text).map_err(|e| format!("invalid number {text}: {e}"))?;
                self.synthetic(Atom::Number(number))
            }
            Data::String(s) => self.synthetic(Atom::String(Arc::from(s.as_str()))),
            Data::Bytes(b) => self.synthetic(Atom::Bytes(Arc::from(b.as_slice()))),
            Data::List(items) => {
                let list = self.new_vertex(None, Label::Index(u32::MAX));
                for (i, item) in items.iter().enumerate() {
                    let child = self.data_vertex(item)?;
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
                for (name, item) in fields {
                    let child = self.data_vertex(item)?;
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

    /// Makes `child` the arc `label` of `parent`.
    pub(crate) fn attach(&mut self, parent: VertexId, label: Label, child: VertexId) {
        let vertex = self.v_mut(child);
        vertex.parent = Some(parent);
        vertex.label = label;
        self.v_mut(parent).push_arc(super::Arc {
            label,
            vertex: child,
            optional: Optionality::Regular,
        });
    }
}
