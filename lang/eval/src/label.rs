//! Labels: field names interned to small integers. A compiled module owns
//! the labels its source mentions; an evaluation adds the labels it
//! computes (dynamic fields, data) in a table of its own, so a shared
//! module is never mutated.

use foldhash::fast::RandomState;
use hashbrown::HashTable;
use std::hash::BuildHasher;
use std::sync::Arc;

/// An interned field name, or a list index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A field: index into the label table.
    Field(u32),
    /// A list element.
    Index(u32),
}

/// What a field label is, which decides whether it is exported and how
/// closedness treats it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    Regular,
    /// `#name`
    Definition,
    /// `_name`
    Hidden,
    /// `_#name`
    HiddenDefinition,
}

impl LabelKind {
    /// The kind of an identifier label (quoted labels are always regular).
    pub fn of_ident(name: &str) -> LabelKind {
        if name.starts_with("_#") {
            LabelKind::HiddenDefinition
        } else if name.starts_with('#') {
            LabelKind::Definition
        } else if name.starts_with('_') && name.len() > 1 {
            LabelKind::Hidden
        } else {
            LabelKind::Regular
        }
    }

    /// Whether `export` writes fields of this kind.
    pub fn is_exported(self) -> bool {
        self == LabelKind::Regular
    }

    /// Whether closedness rules apply (definitions and hidden fields are
    /// always allowed).
    pub fn is_regular(self) -> bool {
        self == LabelKind::Regular
    }
}

/// A growable set of interned names. The same text written as an
/// identifier and as a quoted label may differ in kind (`#a` is a
/// definition, `"#a"` a regular field), so each text has a slot per kind.
///
/// An evaluation's own table hashes with its module's hasher, so that a
/// name is hashed once to look in both (see [`Labels::intern`]).
#[derive(Clone, Debug, Default)]
pub struct Interner {
    names: Vec<(Arc<str>, LabelKind)>,
    /// Each text, with its ids by kind.
    index: HashTable<(Arc<str>, [u32; 4])>,
    hasher: RandomState,
}

const ABSENT: u32 = u32::MAX;

impl Interner {
    /// An empty table hashing as `other` does.
    fn hashing_as(other: &Interner) -> Interner {
        Interner {
            hasher: other.hasher,
            ..Interner::default()
        }
    }

    fn hash(&self, text: &str) -> u64 {
        self.hasher.hash_one(text)
    }

    fn find(&self, hash: u64, text: &str, kind: LabelKind) -> Option<u32> {
        let (_, ids) = self.index.find(hash, |(t, _)| **t == *text)?;
        let id = ids[kind as usize];
        (id != ABSENT).then_some(id)
    }

    fn insert(&mut self, hash: u64, offset: u32, text: &str, kind: LabelKind) -> u32 {
        let id = offset + self.names.len() as u32;
        match self.index.find_mut(hash, |(t, _)| **t == *text) {
            Some((shared, ids)) => {
                ids[kind as usize] = id;
                self.names.push((shared.clone(), kind));
            }
            None => {
                if self.index.capacity() == 0 {
                    // An evaluation that adds a name adds several (the
                    // fields of filled data): room for them at once.
                    let hasher = &self.hasher;
                    self.index.reserve(32, |(t, _)| hasher.hash_one(&**t));
                    self.names.reserve(32);
                }
                let shared: Arc<str> = Arc::from(text);
                let mut ids = [ABSENT; 4];
                ids[kind as usize] = id;
                let hasher = &self.hasher;
                self.index
                    .insert_unique(hash, (shared.clone(), ids), |(t, _)| hasher.hash_one(&**t));
                self.names.push((shared, kind));
            }
        }
        id
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Interning while compiling: the module's own table.
    pub fn intern(&mut self, text: &str, kind: LabelKind) -> Label {
        let hash = self.hash(text);
        match self.find(hash, text, kind) {
            Some(id) => Label::Field(id),
            None => Label::Field(self.insert(hash, 0, text, kind)),
        }
    }
}

/// The labels of one evaluation: the module's (shared, read-only) and the
/// ones computed while evaluating.
#[derive(Clone, Debug)]
pub struct Labels {
    base: Arc<Interner>,
    local: Interner,
}

impl Labels {
    pub fn new(base: Arc<Interner>) -> Labels {
        Labels {
            local: Interner::hashing_as(&base),
            base,
        }
    }

    /// The label of a field named `text` (`kind` says how it was written).
    pub fn intern(&mut self, text: &str, kind: LabelKind) -> Label {
        let hash = self.base.hash(text);
        if let Some(id) = self.base.find(hash, text, kind) {
            return Label::Field(id);
        }
        let offset = self.base.len() as u32;
        if let Some(id) = self.local.find(hash, text, kind) {
            return Label::Field(id);
        }
        Label::Field(self.local.insert(hash, offset, text, kind))
    }

    /// The name of a field label, or the decimal index of a list element.
    pub fn text(&self, label: Label) -> std::borrow::Cow<'_, str> {
        match label {
            Label::Field(id) => std::borrow::Cow::Borrowed(&self.entry(id).0),
            Label::Index(i) => std::borrow::Cow::Owned(i.to_string()),
        }
    }

    /// The shared text of a field label (no copy of the string).
    pub fn shared_text(&self, label: Label) -> Arc<str> {
        match label {
            Label::Field(id) => self.entry(id).0.clone(),
            Label::Index(i) => Arc::from(i.to_string()),
        }
    }

    pub fn kind(&self, label: Label) -> LabelKind {
        match label {
            Label::Field(id) => self.entry(id).1,
            Label::Index(_) => LabelKind::Regular,
        }
    }

    fn entry(&self, id: u32) -> &(Arc<str>, LabelKind) {
        let base = self.base.len();
        match (id as usize).checked_sub(base) {
            Some(local) => &self.local.names[local],
            None => &self.base.names[id as usize],
        }
    }
}

/// Whether `text` can be written as an identifier label (else it is
/// quoted in paths and messages).
/// A label as a segment of a data path: as written when it is an
/// identifier, quoted otherwise (`spec."app.kubernetes.io/name"`).
pub fn path_segment(text: &str) -> String {
    if is_identifier(text) {
        text.to_string()
    } else {
        format!("{text:?}")
    }
}

pub fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_' || c == '#' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}
