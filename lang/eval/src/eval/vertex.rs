//! A vertex: one value in the graph, with its conjuncts, what unifying
//! them has established so far, and its arcs (fields or list elements).

use super::{CloseRef, Conjunct, EnvId, ExprRef, VertexId};
use crate::ir::Optionality;
use crate::label::Label;
use crate::value::{Atom, Bound, Kinds};
use smallvec::SmallVec;
use std::collections::VecDeque;
use tenon_diagnostics::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    New,
    /// Phase one or two is under way (a reference back to it is a cycle).
    Evaluating,
    /// Structure known: arcs, scalar value, disjunctions resolved.
    Done,
}

/// A field or list element of a vertex.
#[derive(Clone, Copy, Debug)]
pub struct Arc {
    pub label: Label,
    pub vertex: VertexId,
    pub optional: Optionality,
    /// Which of the vertex's first [`Group::BITS`] closedness groups
    /// declare this field (bit `i`: the group at position `i`). Later
    /// groups list their labels themselves.
    pub declared_by: u16,
}

impl Arc {
    pub fn new(label: Label, vertex: VertexId, optional: Optionality) -> Arc {
        Arc {
            label,
            vertex,
            optional,
            declared_by: 0,
        }
    }
}

/// Work left for phase two.
#[derive(Clone, Copy, Debug)]
pub enum Pending {
    /// An embedded expression of the struct literal `literal`.
    Embed {
        conjunct: Conjunct,
        literal: ExprRef,
    },
    /// A dynamic field of a struct literal evaluated in `env`.
    Dynamic {
        decl: ExprRef,
        index: u32,
        env: EnvId,
        close: CloseRef,
    },
    /// A comprehension declaration of a struct literal.
    Comprehension {
        decl: ExprRef,
        index: u32,
        env: EnvId,
        close: CloseRef,
    },
    /// A list literal with comprehensions.
    List(Conjunct),
    /// An expression that was incomplete while the vertex was under way
    /// (it may depend on the vertex itself): tried once more at the end.
    Retry(Conjunct),
    /// A disjunction, resolved after everything else; the number says
    /// which occurrence of that expression in this vertex it is.
    Disjunction(Conjunct, u32),
}

/// The work left for phase two, one queue per kind, in the order
/// `run_pending` takes it: embeddings, dynamic fields, comprehensions and
/// list literals, retried expressions; disjunctions are left for
/// `resolve_disjunctions`. Within a kind, first come first served.
#[derive(Clone, Debug, Default)]
pub struct Queue {
    embeds: VecDeque<Pending>,
    dynamics: VecDeque<Pending>,
    others: VecDeque<Pending>,
    retries: VecDeque<Pending>,
    disjunctions: Vec<(Conjunct, u32)>,
}

impl Queue {
    pub fn push(&mut self, item: Pending) {
        match item {
            Pending::Embed { .. } => self.embeds.push_back(item),
            Pending::Dynamic { .. } => self.dynamics.push_back(item),
            Pending::Comprehension { .. } | Pending::List(_) => self.others.push_back(item),
            Pending::Retry(_) => self.retries.push_back(item),
            Pending::Disjunction(conjunct, occurrence) => {
                self.disjunctions.push((conjunct, occurrence))
            }
        }
    }

    /// The next item of phase two (never a disjunction).
    pub fn next(&mut self) -> Option<Pending> {
        self.embeds
            .pop_front()
            .or_else(|| self.dynamics.pop_front())
            .or_else(|| self.others.pop_front())
            .or_else(|| self.retries.pop_front())
    }

    /// How many comprehensions and list literals wait.
    pub fn comprehensions(&self) -> usize {
        self.others.len()
    }

    /// Moves the comprehensions and list literals queued since
    /// [`Queue::comprehensions`] said `before` to the front, in their
    /// order (what a comprehension adds runs before its later siblings).
    pub fn promote_comprehensions_since(&mut self, before: usize) {
        let added = self.others.len().saturating_sub(before);
        self.others.rotate_right(added);
    }

    /// The disjunctions met so far, in order; they leave the queue.
    pub fn take_disjunctions(&mut self) -> Vec<(Conjunct, u32)> {
        std::mem::take(&mut self.disjunctions)
    }

    pub fn is_empty(&self) -> bool {
        self.embeds.is_empty()
            && self.dynamics.is_empty()
            && self.others.is_empty()
            && self.retries.is_empty()
            && self.disjunctions.is_empty()
    }
}

/// A pattern constraint `[pattern]: value` in effect on a vertex.
#[derive(Clone, Copy, Debug)]
pub struct Pattern {
    pub pattern: ExprRef,
    pub value: Conjunct,
    /// The pattern's value sees the label (`[X=string]: …`).
    pub alias: bool,
    pub env: EnvId,
    /// `...T` of this struct literal: the pattern matches only labels the
    /// literal does not declare.
    pub except: Option<ExprRef>,
}

/// What one closedness group allows at this vertex: the fields it
/// declares (marked on the arcs, see [`Arc::declared_by`]), its patterns,
/// or anything when it is open.
#[derive(Clone, Debug, Default)]
pub struct Group {
    pub id: u32,
    pub open: bool,
    /// Patterns and overflow labels (boxed: few groups have any).
    pub extra: Option<Box<GroupExtra>>,
}

#[derive(Clone, Debug, Default)]
pub struct GroupExtra {
    /// Indexes into the vertex's patterns.
    pub patterns: Vec<u32>,
    /// Declared labels of a group past the arcs' bits, or of a field not
    /// yet added.
    pub labels: Vec<Label>,
}

impl Group {
    /// How many groups of a vertex the arcs' bits can mark.
    pub const BITS: usize = 16;

    pub fn patterns(&self) -> &[u32] {
        self.extra.as_deref().map_or(&[], |e| &e.patterns)
    }

    /// Whether this group, at `position` among its vertex's groups,
    /// declares the field of `arc`.
    pub fn declares(&self, position: usize, arc: &Arc) -> bool {
        (position < Group::BITS && arc.declared_by & (1 << position) != 0)
            || self
                .extra
                .as_deref()
                .is_some_and(|e| e.labels.contains(&arc.label))
    }

    /// Whether the group allows the field of `arc` without its patterns.
    pub fn allows(&self, position: usize, arc: &Arc) -> bool {
        self.open || self.declares(position, arc)
    }

    pub fn extra_mut(&mut self) -> &mut GroupExtra {
        self.extra.get_or_insert_with(Default::default)
    }
}

/// Bookkeeping of a vertex's evaluation: the references expanded into
/// it, and its disjunctions.
#[derive(Clone, Debug, Default)]
pub struct Tracking {
    /// References already expanded into this vertex (the cycle guard).
    pub expanded: Expanded,
    /// Forced choices when this is a fork: (disjunction, occurrence,
    /// chosen alternative).
    pub choices: Vec<(ExprRef, u32, u32)>,
    /// How often each disjunction expression was met while evaluating.
    pub seen: Vec<(ExprRef, u32)>,
}

impl Vertex {
    /// The forced choices of a fork (none for other vertices).
    pub fn choices(&self) -> &[(ExprRef, u32, u32)] {
        self.tracking.as_ref().map_or(&[], |t| &t.choices)
    }
}

/// How a vertex relates to the vertex its `linked` field names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// This vertex is exactly the other one (its only conjunct is a
    /// reference to it): structure sharing, so the value is not rebuilt.
    Share,
    /// This vertex is a disjunction fork of the other one.
    ForkOf,
}

/// The alternatives left after a vertex's disjunctions were resolved.
#[derive(Clone, Debug)]
pub struct Disjunction {
    pub forks: Vec<(VertexId, bool)>,
}

#[derive(Clone, Debug)]
pub struct Vertex {
    pub parent: Option<VertexId>,
    pub label: Label,
    /// Most vertices have one conjunct: it is stored inline.
    pub conjuncts: SmallVec<[Conjunct; 1]>,
    pub state: State,
    pub kinds: Kinds,
    /// Where the kind was narrowed (for conflict messages).
    pub kind_span: Option<Span>,
    pub atom: Option<(Atom, Span)>,
    /// Bounds, validators, patterns, list shape, arc index, resolved
    /// disjunction (boxed: most vertices have none of them).
    pub rare: Option<Box<Rare>>,
    /// Index into the evaluator's errors: this value is bottom.
    /// (Stored plus one, so that it takes four bytes.)
    pub error: Option<std::num::NonZeroU32>,
    pub arcs: Vec<Arc>,
    /// Closedness groups (boxed: most vertices have none; one is inline).
    pub groups: Option<Box<SmallVec<[Group; 1]>>>,
    /// Phase two's queue (boxed, and dropped once empty: most vertices
    /// have none).
    pub pending: Option<Box<Queue>>,
    /// References expanded into it, disjunctions met, the choices forced
    /// when this is a fork (boxed: most vertices have none of them).
    pub tracking: Option<Box<Tracking>>,
    /// Values without conjuncts (comprehension keys, builtin results).
    pub synthetic: bool,
    /// The vertex this one shares or is a fork of (a fork has forced
    /// choices, which sharing refuses, so no vertex is both).
    linked: Option<VertexId>,
    /// What `linked` is to this vertex.
    link: Link,
    /// A struct literal was unified in (a struct, unless what it embeds
    /// makes it something else).
    pub struct_literal: bool,
    /// Its arcs have been evaluated too (see `finalize`).
    pub finalized: bool,
    /// Patterns have been matched against the arcs of phase one.
    pub patterns_applied: bool,
    /// A comprehension of this struct iterated over the struct itself: a
    /// regular field added from then on would change what it iterated,
    /// and is an error (see `add_field_at`).
    pub arcs_locked: bool,
}

/// References expanded into a vertex, with their closedness.
pub type Expanded = SmallVec<[(VertexId, CloseRef); 2]>;

/// The parts of a vertex that few vertices have.
#[derive(Clone, Debug, Default)]
pub struct Rare {
    pub bounds: Vec<(Bound, Span)>,
    /// Package functions used as constraints, checked by `finalize`.
    pub validators: Vec<(super::builtins::Validator, Span)>,
    pub patterns: Vec<Pattern>,
    /// `...T` of list literals: (first index it applies from, T).
    pub list_tails: Vec<(u32, Conjunct)>,
    /// Number of list elements, when this is a list.
    pub list_len: u32,
    /// A closed list literal fixed the length.
    pub list_closed: Option<(u32, Span)>,
    /// Position of each arc by label, once there are many.
    #[allow(clippy::box_collection)]
    pub arc_index: Option<Box<foldhash::HashMap<Label, u32>>>,
    pub disjunction: Option<Disjunction>,
    /// The closedness group of this definition's own literals (in
    /// definition vertices only).
    pub def_close: CloseRef,
}

impl Vertex {
    pub fn bounds(&self) -> &[(Bound, Span)] {
        self.rare.as_ref().map_or(&[], |r| &r.bounds)
    }

    pub fn validators(&self) -> &[(super::builtins::Validator, Span)] {
        self.rare.as_ref().map_or(&[], |r| &r.validators)
    }

    pub fn patterns(&self) -> &[Pattern] {
        self.rare.as_ref().map_or(&[], |r| &r.patterns)
    }

    pub fn list_tails(&self) -> &[(u32, Conjunct)] {
        self.rare.as_ref().map_or(&[], |r| &r.list_tails)
    }

    pub fn list_len(&self) -> u32 {
        self.rare.as_ref().map_or(0, |r| r.list_len)
    }

    pub fn set_list_len(&mut self, len: u32) {
        if len != 0 || self.rare.is_some() {
            self.rare_mut().list_len = len;
        }
    }

    pub fn list_closed(&self) -> Option<(u32, Span)> {
        self.rare.as_ref().and_then(|r| r.list_closed)
    }

    pub fn set_list_closed(&mut self, closed: (u32, Span)) {
        self.rare_mut().list_closed = Some(closed);
    }

    pub fn disjunction(&self) -> Option<&Disjunction> {
        self.rare.as_ref().and_then(|r| r.disjunction.as_ref())
    }

    /// The vertex this one shares (see [`Link::Share`]).
    pub fn share(&self) -> Option<VertexId> {
        self.linked.filter(|_| self.link == Link::Share)
    }

    /// The vertex this one is a fork of.
    pub fn fork_of(&self) -> Option<VertexId> {
        self.linked.filter(|_| self.link == Link::ForkOf)
    }

    /// Makes this vertex stand for `other` in the relation `link`.
    pub fn set_link(&mut self, link: Link, other: VertexId) {
        self.link = link;
        self.linked = Some(other);
    }

    pub fn groups(&self) -> &[Group] {
        self.groups.as_deref().map_or(&[], |g| g.as_slice())
    }

    /// The rare parts, created on first use.
    pub fn rare_mut(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Default::default)
    }

    pub fn new(parent: Option<VertexId>, label: Label) -> Vertex {
        Vertex {
            parent,
            label,
            conjuncts: SmallVec::new(),
            state: State::New,
            kinds: Kinds::TOP,
            kind_span: None,
            atom: None,
            rare: None,
            error: None,
            arcs: Vec::new(),
            groups: None,
            pending: None,
            tracking: None,
            synthetic: false,
            linked: None,
            link: Link::Share,
            struct_literal: false,
            finalized: false,
            patterns_applied: false,
            arcs_locked: false,
        }
    }

    pub fn arc(&self, label: Label) -> Option<&Arc> {
        self.arc_position(label).map(|i| &self.arcs[i])
    }

    pub fn arc_position(&self, label: Label) -> Option<usize> {
        match self.rare.as_ref().and_then(|r| r.arc_index.as_ref()) {
            Some(index) => index.get(&label).map(|&i| i as usize),
            None => self.arcs.iter().position(|a| a.label == label),
        }
    }

    /// Adds an arc (the label must be new).
    pub fn push_arc(&mut self, arc: Arc) {
        self.arcs.push(arc);
        const INDEX_FROM: usize = 16;
        let len = self.arcs.len();
        match self.rare.as_mut().and_then(|r| r.arc_index.as_mut()) {
            Some(index) => {
                index.insert(arc.label, len as u32 - 1);
            }
            None if len > INDEX_FROM => {
                let index = self
                    .arcs
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (a.label, i as u32))
                    .collect();
                self.rare_mut().arc_index = Some(Box::new(index));
            }
            None => {}
        }
    }
}
