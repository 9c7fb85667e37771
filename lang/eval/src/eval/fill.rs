//! Filling values in from outside (the embedding API's `fill`): concrete
//! data, prepared as a table (see `data.rs`), is unified in at a path as a
//! conjunct, without compiling anything.

use super::data::{DataRef, PreparedData};
use super::{CloseRef, Conjunct, Evaluator, Source, State, VertexId};
use crate::ir::Optionality;
use crate::label::{Label, LabelKind};

impl Evaluator {
    /// Unifies `value` into the field at `path` (field names from the
    /// root), creating missing fields. Fails on a path through a value
    /// that is not a struct.
    pub(crate) fn fill(
        &mut self,
        target: VertexId,
        path: &[&str],
        value: &PreparedData,
    ) -> Result<(), String> {
        self.values_checked = false;
        if self.v(target).state == State::New && !path.is_empty() {
            // Nothing is evaluated yet: the value joins the target as a
            // struct `{path: value}`, so everything that reads it (top-level
            // comprehensions included) sees it from the start.
            let root = self.add_wrapped_table(path, value)?;
            self.push_conjunct(target, data_conjunct(root));
            return Ok(());
        }
        let data = self.add_table(value.table.clone())?;
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

    /// Makes `child` the arc `label` of `parent`.
    pub(crate) fn attach(&mut self, parent: VertexId, label: Label, child: VertexId) {
        let vertex = self.v_mut(child);
        vertex.parent = Some(parent);
        vertex.label = label;
        self.v_mut(parent)
            .push_arc(super::Arc::new(label, child, Optionality::Regular));
    }
}

fn data_conjunct(at: DataRef) -> Conjunct {
    Conjunct {
        source: Source::Data(at),
        env: None,
        close: CloseRef(0),
    }
}
