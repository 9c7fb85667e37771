//! Filling values in from outside (the embedding API's `fill`): concrete
//! data is flattened into the evaluation's data table and unified in at a
//! path as a conjunct, without compiling anything. A field of filled data
//! becomes a vertex only when something reads it (or export walks it).

use super::{CloseRef, Conjunct, Evaluator, Source, State, VertexId};
use crate::export::{Data, Emit, SpanTree};
use crate::ir::Optionality;
use crate::label::{Label, LabelKind};
use crate::num::Number;
use crate::value::{Atom, Kinds};
use std::sync::Arc;
use tenon_diagnostics::Span;

/// One value of filled data. The fields of a struct and the elements of
/// a list are consecutive nodes of the table.
#[derive(Clone, Debug)]
pub(crate) struct DataNode {
    /// The value's label in its struct or list.
    label: Label,
    span: Span,
    value: DataValue,
}

#[derive(Clone, Debug)]
enum DataValue {
    Atom(Atom),
    Struct { first: u32, len: u32 },
    List { first: u32, len: u32 },
}

impl DataNode {
    fn placeholder() -> DataNode {
        DataNode {
            label: Label::Index(u32::MAX),
            span: Span::default(),
            value: DataValue::Atom(Atom::Null),
        }
    }
}

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
            let root = self.add_data_table_path(path, value, spans)?;
            self.push_conjunct(target, data_conjunct(root));
            return Ok(());
        }
        let data = self.add_data_table(value, spans)?;
        let mut v = target;
        for (i, name) in path.iter().enumerate() {
            let label = self.labels.intern(name, LabelKind::of_ident(name));
            if i + 1 == path.len() {
                self.add_field_from_outside(v, label, data_conjunct(data));
                return Ok(());
            }
            self.structure(v);
            let resolved = self.resolved(v);
            v = match self.v(resolved).arc(label) {
                Some(arc) => arc.vertex,
                None => return Err(format!("cannot fill {}: no field {name}", path.join("."))),
            };
        }
        self.push_conjunct(v, data_conjunct(data));
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

    /// `data` in the table as the value `{path: data}`; its node.
    fn add_data_table_path(
        &mut self,
        path: &[&str],
        data: &Data,
        spans: Option<&SpanTree>,
    ) -> Result<u32, String> {
        let root = self.data.len() as u32;
        self.data.push(DataNode::placeholder());
        let mut slot = root;
        for name in path {
            let child = self.data.len() as u32;
            self.data.push(DataNode::placeholder());
            self.data[slot as usize].value = DataValue::Struct {
                first: child,
                len: 1,
            };
            self.data[child as usize].label = self.labels.intern(name, LabelKind::of_ident(name));
            slot = child;
        }
        super::with_stack(|| self.flatten(slot, data, spans))?;
        Ok(root)
    }

    /// `data` in the table; its node.
    fn add_data_table(&mut self, data: &Data, spans: Option<&SpanTree>) -> Result<u32, String> {
        let root = self.data.len() as u32;
        self.data.push(DataNode::placeholder());
        super::with_stack(|| self.flatten(root, data, spans))?;
        Ok(root)
    }

    /// Writes `data` at node `slot` (its label already set), its children
    /// after the table's end; scalars positioned by `spans` (a tree
    /// parallel to `data`) when given.
    fn flatten(&mut self, slot: u32, data: &Data, spans: Option<&SpanTree>) -> Result<(), String> {
        let span = spans.map(|s| s.span).unwrap_or_default();
        let child_spans = |i: usize| spans.map(|s| s.child(i));
        let value = match data {
            Data::Null => DataValue::Atom(Atom::Null),
            Data::Bool(b) => DataValue::Atom(Atom::Bool(*b)),
            Data::Number(text) => {
                let number =
                    Number::parse_json(text).map_err(|e| format!("invalid number {text}: {e}"))?;
                DataValue::Atom(Atom::Number(number))
            }
            Data::String(s) => DataValue::Atom(Atom::String(Arc::from(s.as_str()))),
            Data::Bytes(b) => DataValue::Atom(Atom::Bytes(Arc::from(b.as_slice()))),
            Data::List(items) => {
                let first = self.reserve_data(items.len());
                for (i, item) in items.iter().enumerate() {
                    let child = first + i as u32;
                    self.data[child as usize].label = Label::Index(i as u32);
                    super::with_stack(|| self.flatten(child, item, child_spans(i)))?;
                }
                DataValue::List {
                    first,
                    len: items.len() as u32,
                }
            }
            Data::Struct(fields) => {
                let first = self.reserve_data(fields.len());
                for (i, (name, item)) in fields.iter().enumerate() {
                    let child = first + i as u32;
                    self.data[child as usize].label = self.labels.intern(name, LabelKind::Regular);
                    super::with_stack(|| self.flatten(child, item, child_spans(i)))?;
                }
                DataValue::Struct {
                    first,
                    len: fields.len() as u32,
                }
            }
        };
        let node = &mut self.data[slot as usize];
        node.span = span;
        node.value = value;
        Ok(())
    }

    /// Room for `count` consecutive nodes; the first one's index.
    fn reserve_data(&mut self, count: usize) -> u32 {
        let first = self.data.len() as u32;
        self.data
            .resize_with(self.data.len() + count, DataNode::placeholder);
        first
    }

    /// Unifies the data node `node` into `v`: a scalar is met, a struct's
    /// fields and a list's elements become arcs whose conjuncts are their
    /// own nodes (evaluated when read).
    pub(crate) fn add_data(&mut self, v: VertexId, node: u32, close: CloseRef) {
        let DataNode { span, value, .. } = &self.data[node as usize];
        let span = *span;
        match value {
            DataValue::Atom(atom) => {
                let atom = atom.clone();
                self.meet_atom(v, atom, span);
            }
            &DataValue::Struct { first, len } => {
                self.meet_kinds(v, Kinds::STRUCT, span);
                let groups = self.groups(close);
                let child_close = self.inherited(close);
                let arcs = &mut self.v_mut(v).arcs;
                if arcs.capacity() == 0 {
                    arcs.reserve_exact(len as usize);
                }
                for child in first..first + len {
                    let label = self.data[child as usize].label;
                    let conjunct = Conjunct {
                        source: Source::Data(child),
                        env: None,
                        close: child_close,
                    };
                    self.add_declared_field(v, label, Optionality::Regular, conjunct, &groups);
                }
            }
            &DataValue::List { first, len } => {
                self.meet_kinds(v, Kinds::LIST, span);
                for i in 0..len {
                    let conjunct = Conjunct {
                        source: Source::Data(first + i),
                        env: None,
                        close,
                    };
                    self.add_field(v, Label::Index(i), Optionality::Regular, conjunct);
                }
                self.list_shape(v, len, None, span);
            }
        }
    }

    /// The data node of `v` when `v` is nothing but filled data that no
    /// one has read yet: concrete and free of errors by construction, so
    /// validation leaves it unbuilt and export writes the data itself.
    pub(crate) fn plain_data(&self, v: VertexId) -> Option<u32> {
        let vertex = self.v(v);
        // A field its struct does not allow carries that error unbuilt.
        if vertex.error.is_some() {
            return None;
        }
        match (vertex.state, vertex.conjuncts.as_slice()) {
            (
                State::New,
                [Conjunct {
                    source: Source::Data(node),
                    close: CloseRef(0),
                    ..
                }],
            ) => Some(*node),
            _ => None,
        }
    }

    /// Writes the data at `node`.
    pub(crate) fn emit_data(&self, node: u32, out: &mut impl Emit) {
        super::with_stack(|| match &self.data[node as usize].value {
            DataValue::Atom(atom) => super::export::emit_atom(atom, out),
            &DataValue::List { first, len } => {
                out.begin_list(len as usize);
                for child in first..first + len {
                    self.emit_data(child, out);
                }
                out.end_list();
            }
            &DataValue::Struct { first, len } => {
                out.begin_struct(len as usize);
                for child in first..first + len {
                    out.key(&self.labels.text(self.data[child as usize].label));
                    self.emit_data(child, out);
                }
                out.end_struct();
            }
        })
    }

    /// Where each part of the data at `node` was written (scalars only,
    /// as for evaluated data).
    pub(crate) fn data_span_tree(&self, node: u32) -> SpanTree {
        super::with_stack(|| {
            let node = &self.data[node as usize];
            match node.value {
                DataValue::Atom(_) => SpanTree::leaf(node.span),
                DataValue::List { first, len } | DataValue::Struct { first, len } => SpanTree {
                    span: Span::default(),
                    children: (first..first + len)
                        .map(|child| self.data_span_tree(child))
                        .collect(),
                },
            }
        })
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

fn data_conjunct(node: u32) -> Conjunct {
    Conjunct {
        source: Source::Data(node),
        env: None,
        close: CloseRef(0),
    }
}
