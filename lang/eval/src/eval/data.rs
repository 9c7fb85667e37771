//! Filled data as the evaluator reads it: a [`PreparedData`] table of
//! flattened nodes, shared (prepared once, filled into any number of
//! evaluations of any module), unified in as `Source::Data` conjuncts. A
//! field of filled data becomes a vertex only when something reads it;
//! validation skips data no one read, and export writes it from the table.

use super::{CloseRef, Conjunct, Evaluator, Source, State, VertexId};
use crate::export::{Data, Emit, SpanTree};
use crate::ir::Optionality;
use crate::label::{Label, LabelKind};
use crate::num::Number;
use crate::value::{Atom, Kinds};
use std::sync::Arc;
use tenon_diagnostics::Span;

/// Concrete data prepared for [`Evaluation::fill_prepared`]: numbers
/// parsed and the tree flattened once, so that filling it into many
/// evaluations (the render context every template of a component sees)
/// costs nothing per evaluation. Cheap to clone; `Send + Sync`.
///
/// [`Evaluation::fill_prepared`]: crate::Evaluation::fill_prepared
#[derive(Clone, Debug)]
pub struct PreparedData {
    pub(crate) table: Arc<DataTable>,
}

impl PreparedData {
    /// Prepares `value`, its scalars positioned by `spans` (a tree
    /// parallel to `value`) when given. Fails on a number that is not a
    /// number.
    pub fn new(value: &Data, spans: Option<&SpanTree>) -> Result<PreparedData, String> {
        let mut table = DataTable {
            nodes: vec![DataNode::placeholder()],
            // Room for the names and strings of a typical object (it
            // grows for more, by doubling).
            text: String::with_capacity(1024),
        };
        super::with_stack(|| table.flatten(0, value, spans))?;
        Ok(PreparedData {
            table: Arc::new(table),
        })
    }
}

/// The nodes of one piece of data; node 0 is its root. The fields of a
/// struct and the elements of a list are consecutive nodes. Field names
/// and strings are kept in one buffer: most of them are never read (only
/// written back by export, or not at all), so no string is allocated for
/// them.
#[derive(Debug)]
pub(crate) struct DataTable {
    nodes: Vec<DataNode>,
    text: String,
}

/// Where a string is in a table's text.
#[derive(Clone, Copy, Debug, Default)]
struct TextRange {
    start: u32,
    len: u32,
}

/// A node of a table of the evaluation: which table (see
/// `Evaluator::tables`), which node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataRef {
    table: u16,
    node: u32,
}

#[derive(Debug)]
struct DataNode {
    /// The field's name in its struct (empty for list elements and roots);
    /// interned only when the field is read.
    name: TextRange,
    kind: LabelKind,
    span: Span,
    value: DataValue,
}

#[derive(Debug)]
enum DataValue {
    Atom(Atom),
    /// A string, made an atom when read.
    Text(TextRange),
    Struct {
        first: u32,
        len: u32,
    },
    List {
        first: u32,
        len: u32,
    },
    /// The root of another table (`fill` at a path wraps prepared data).
    Table(u16),
}

impl DataNode {
    fn placeholder() -> DataNode {
        DataNode {
            name: TextRange::default(),
            kind: LabelKind::Regular,
            span: Span::default(),
            value: DataValue::Atom(Atom::Null),
        }
    }
}

impl DataTable {
    /// Writes `data` at node `slot` (its name already set), its children
    /// after the table's end.
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
            Data::String(s) => DataValue::Text(self.add_text(s)?),
            Data::Bytes(b) => DataValue::Atom(Atom::Bytes(Arc::from(b.as_slice()))),
            Data::List(items) => {
                let first = self.reserve(items.len());
                for (i, item) in items.iter().enumerate() {
                    let child = first + i as u32;
                    super::with_stack(|| self.flatten(child, item, child_spans(i)))?;
                }
                DataValue::List {
                    first,
                    len: items.len() as u32,
                }
            }
            Data::Struct(fields) => {
                let first = self.reserve(fields.len());
                for (i, (name, item)) in fields.iter().enumerate() {
                    let child = first + i as u32;
                    self.nodes[child as usize].name = self.add_text(name)?;
                    super::with_stack(|| self.flatten(child, item, child_spans(i)))?;
                }
                DataValue::Struct {
                    first,
                    len: fields.len() as u32,
                }
            }
        };
        let node = &mut self.nodes[slot as usize];
        node.span = span;
        node.value = value;
        Ok(())
    }

    /// Appends `text` to the table's text.
    #[inline]
    fn add_text(&mut self, text: &str) -> Result<TextRange, String> {
        let too_large = || "data too large: more than 4 GiB of text".to_string();
        let start = u32::try_from(self.text.len()).map_err(|_| too_large())?;
        let len = u32::try_from(text.len()).map_err(|_| too_large())?;
        start.checked_add(len).ok_or_else(too_large)?;
        self.text.push_str(text);
        Ok(TextRange { start, len })
    }

    fn text(&self, range: TextRange) -> &str {
        &self.text[range.start as usize..(range.start + range.len) as usize]
    }

    /// Room for `count` consecutive nodes; the first one's index.
    fn reserve(&mut self, count: usize) -> u32 {
        let first = self.nodes.len() as u32;
        self.nodes
            .resize_with(self.nodes.len() + count, DataNode::placeholder);
        first
    }

    /// `{path: <root of table>}`: a struct node per name of `path`, the
    /// innermost standing for table `table`.
    fn wrapping(path: &[&str], table: u16) -> Result<DataTable, String> {
        let mut outer = DataTable {
            nodes: vec![DataNode::placeholder()],
            text: String::new(),
        };
        for (i, name) in path.iter().enumerate() {
            outer.nodes[i].value = DataValue::Struct {
                first: i as u32 + 1,
                len: 1,
            };
            let name_range = outer.add_text(name)?;
            outer.nodes.push(DataNode {
                name: name_range,
                kind: LabelKind::of_ident(name),
                ..DataNode::placeholder()
            });
        }
        if let Some(last) = outer.nodes.last_mut() {
            last.value = DataValue::Table(table);
        }
        Ok(outer)
    }
}

impl Evaluator {
    /// A table the evaluation reads; the root node of it.
    pub(crate) fn add_table(&mut self, table: Arc<DataTable>) -> Result<DataRef, String> {
        let index = u16::try_from(self.tables.len())
            .map_err(|_| "too many values filled into one evaluation".to_string())?;
        self.tables.push(table);
        Ok(DataRef {
            table: index,
            node: 0,
        })
    }

    /// A table `{path: data}` of the evaluation; its root.
    pub(crate) fn add_wrapped_table(
        &mut self,
        path: &[&str],
        data: &PreparedData,
    ) -> Result<DataRef, String> {
        let inner = self.add_table(data.table.clone())?;
        let outer = DataTable::wrapping(path, inner.table)?;
        self.add_table(Arc::new(outer))
    }

    fn node(&self, at: DataRef) -> &DataNode {
        &self.tables[at.table as usize].nodes[at.node as usize]
    }

    /// `at`, or the root it stands for when it names another table.
    fn followed(&self, at: DataRef) -> DataRef {
        match self.node(at).value {
            DataValue::Table(table) => DataRef { table, node: 0 },
            _ => at,
        }
    }

    /// The field name of a struct's child node, interned.
    fn data_label(&mut self, at: DataRef) -> Label {
        let Evaluator { tables, labels, .. } = self;
        let table = &tables[at.table as usize];
        let node = &table.nodes[at.node as usize];
        labels.intern(table.text(node.name), node.kind)
    }

    /// Unifies the data node `at` into `v`: a scalar is met, a struct's
    /// fields and a list's elements become arcs whose conjuncts are their
    /// own nodes (evaluated when read).
    pub(crate) fn add_data(&mut self, v: VertexId, at: DataRef, close: CloseRef) {
        let at = self.followed(at);
        let DataNode { span, value, .. } = self.node(at);
        let span = *span;
        let child = |node: u32| DataRef {
            table: at.table,
            node,
        };
        match value {
            DataValue::Atom(atom) => {
                let atom = atom.clone();
                self.meet_atom(v, atom, span);
            }
            &DataValue::Text(range) => {
                let text = self.tables[at.table as usize].text(range);
                let atom = Atom::String(Arc::from(text));
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
                for node in first..first + len {
                    let label = self.data_label(child(node));
                    let conjunct = Conjunct {
                        source: Source::Data(child(node)),
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
                        source: Source::Data(child(first + i)),
                        env: None,
                        close,
                    };
                    self.add_field(v, Label::Index(i), Optionality::Regular, conjunct);
                }
                self.list_shape(v, len, None, span);
            }
            // `followed` went to the other table's root.
            DataValue::Table(_) => {}
        }
    }

    /// The data node of `v` when `v` is nothing but filled data that no
    /// one has read yet: concrete and free of errors by construction, so
    /// validation leaves it unbuilt and export writes the data itself.
    pub(crate) fn plain_data(&self, v: VertexId) -> Option<DataRef> {
        let vertex = self.v(v);
        // A field its struct does not allow carries that error unbuilt.
        if vertex.error.is_some() {
            return None;
        }
        match (vertex.state, vertex.conjuncts.as_slice()) {
            (
                State::New,
                [Conjunct {
                    source: Source::Data(at),
                    close: CloseRef(0),
                    ..
                }],
            ) => Some(*at),
            _ => None,
        }
    }

    /// Writes the data at `at`.
    pub(crate) fn emit_data(&self, at: DataRef, out: &mut impl Emit) {
        let at = self.followed(at);
        let child = |node: u32| DataRef {
            table: at.table,
            node,
        };
        super::with_stack(|| match &self.node(at).value {
            DataValue::Atom(atom) => super::export::emit_atom(atom, out),
            &DataValue::Text(range) => out.string(self.tables[at.table as usize].text(range)),
            &DataValue::List { first, len } => {
                out.begin_list(len as usize);
                for node in first..first + len {
                    self.emit_data(child(node), out);
                }
                out.end_list();
            }
            &DataValue::Struct { first, len } => {
                out.begin_struct(len as usize);
                for node in first..first + len {
                    out.key(self.tables[at.table as usize].text(self.node(child(node)).name));
                    self.emit_data(child(node), out);
                }
                out.end_struct();
            }
            DataValue::Table(_) => {}
        })
    }

    /// Where each part of the data at `at` was written (scalars only, as
    /// for evaluated data).
    pub(crate) fn data_span_tree(&self, at: DataRef) -> SpanTree {
        let at = self.followed(at);
        super::with_stack(|| {
            let node = self.node(at);
            match node.value {
                DataValue::List { first, len } | DataValue::Struct { first, len } => SpanTree {
                    span: Span::default(),
                    children: (first..first + len)
                        .map(|node| {
                            self.data_span_tree(DataRef {
                                table: at.table,
                                node,
                            })
                        })
                        .collect(),
                },
                _ => SpanTree::leaf(node.span),
            }
        })
    }
}
