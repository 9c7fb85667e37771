//! `Data`: a small owned tree of concrete values, replayed as export
//! events, and `DataBuilder`, which builds one from events.

use super::Emit;

/// A concrete value: what export writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Data {
    Null,
    Bool(bool),
    /// A number spelled as CUE exports it.
    Number(String),
    String(String),
    Bytes(Vec<u8>),
    List(Vec<Data>),
    /// Fields in export order.
    Struct(Vec<(String, Data)>),
}

impl Data {
    /// Sends this value to `out` as one document.
    pub fn emit<E: Emit + ?Sized>(&self, out: &mut E) {
        match self {
            Data::Null => out.null(),
            Data::Bool(value) => out.bool(*value),
            Data::Number(text) => out.number(text),
            Data::String(value) => out.string(value),
            Data::Bytes(value) => out.bytes(value),
            Data::List(items) => {
                out.begin_list(items.len());
                for item in items {
                    item.emit(out);
                }
                out.end_list();
            }
            Data::Struct(fields) => {
                out.begin_struct(fields.len());
                for (key, value) in fields {
                    out.key(key);
                    value.emit(out);
                }
                out.end_struct();
            }
        }
    }
}

/// Where each part of a [`Data`] value was written: a tree parallel to
/// the value (a struct's fields and a list's elements as children, in the
/// same order). A node without children stands for its whole subtree.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanTree {
    pub span: tenon_diagnostics::Span,
    pub children: Vec<SpanTree>,
}

impl SpanTree {
    /// One span for a whole value.
    pub fn leaf(span: tenon_diagnostics::Span) -> SpanTree {
        SpanTree {
            span,
            children: Vec::new(),
        }
    }

    /// The tree of the `index`-th field or element; the node itself when
    /// it has no children (one span covers everything below).
    pub fn child(&self, index: usize) -> &SpanTree {
        self.children.get(index).unwrap_or(self)
    }
}

/// Builds [`Data`] values from events; each document becomes one value.
#[derive(Debug, Default)]
pub struct DataBuilder {
    documents: Vec<Data>,
    open: Vec<Open>,
}

#[derive(Debug)]
enum Open {
    List(Vec<Data>),
    Struct(Vec<(String, Data)>, Option<String>),
}

impl DataBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// The completed documents, in order.
    pub fn finish(self) -> Vec<Data> {
        debug_assert!(self.open.is_empty(), "unfinished value");
        self.documents
    }

    fn value(&mut self, value: Data) {
        match self.open.last_mut() {
            None => self.documents.push(value),
            Some(Open::List(items)) => items.push(value),
            Some(Open::Struct(fields, key)) => {
                debug_assert!(key.is_some(), "struct value without a key");
                fields.push((key.take().unwrap_or_default(), value));
            }
        }
    }
}

impl Emit for DataBuilder {
    fn null(&mut self) {
        self.value(Data::Null);
    }

    fn bool(&mut self, value: bool) {
        self.value(Data::Bool(value));
    }

    fn number(&mut self, text: &str) {
        self.value(Data::Number(text.to_owned()));
    }

    fn string(&mut self, value: &str) {
        self.value(Data::String(value.to_owned()));
    }

    fn bytes(&mut self, value: &[u8]) {
        self.value(Data::Bytes(value.to_vec()));
    }

    fn begin_list(&mut self, len: usize) {
        self.open.push(Open::List(Vec::with_capacity(len)));
    }

    fn end_list(&mut self) {
        match self.open.pop() {
            Some(Open::List(items)) => self.value(Data::List(items)),
            other => debug_assert!(false, "end_list without begin_list: {other:?}"),
        }
    }

    fn begin_struct(&mut self, len: usize) {
        self.open.push(Open::Struct(Vec::with_capacity(len), None));
    }

    fn key(&mut self, key: &str) {
        match self.open.last_mut() {
            Some(Open::Struct(_, slot)) => *slot = Some(key.to_owned()),
            _ => debug_assert!(false, "key outside a struct"),
        }
    }

    fn end_struct(&mut self) {
        match self.open.pop() {
            Some(Open::Struct(fields, _)) => self.value(Data::Struct(fields)),
            other => debug_assert!(false, "end_struct without begin_struct: {other:?}"),
        }
    }
}
