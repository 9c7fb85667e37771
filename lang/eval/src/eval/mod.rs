//! The evaluator: a graph of vertices (one per value: the root, each
//! field, each list element) built from conjuncts (an expression and the
//! environment it is evaluated in), unified lazily.
//!
//! A vertex is evaluated in two phases. Phase one adds the declarations of
//! its struct literals: fields become arcs carrying their conjuncts, and
//! nothing is looked up. Phase two works through the queue of everything
//! else (references, embeddings, expressions, dynamic fields,
//! comprehensions) and finally the disjunctions, each alternative of which
//! is evaluated in a fork of the vertex. Children are evaluated only when
//! something needs them, so a reference always finds the arcs of the
//! struct it points into.

mod arena;
mod builtins;
mod closedness;
mod comprehension;
mod data;
mod disjunction;
mod errors;
mod export;
mod exprs;
mod fill;
mod finalize;
mod lists;
mod patterns;
mod print;
mod refs;
mod scalar;
mod share;
mod structure;
mod top;
mod vertex;

pub use data::PreparedData;
pub(crate) use errors::{ErrorKind, EvalError};
pub(crate) use top::TopPart;
pub(crate) use vertex::{Arc, State, Vertex};

use crate::compile::Program;
use crate::ir::{Code, ExprId};
use crate::label::{Label, Labels};
use foldhash::HashMap;
use std::num::NonZeroU32;
use std::sync::Arc as Shared;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VertexId(NonZeroU32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EnvId(NonZeroU32);

/// Ids store their index plus one, so that an `Option` of one takes
/// four bytes (a vertex's parent, a conjunct's environment).
fn one_based(index: usize) -> NonZeroU32 {
    u32::try_from(index + 1)
        .ok()
        .and_then(NonZeroU32::new)
        .expect("fewer than 2^32 - 1 ids")
}

impl VertexId {
    pub fn new(index: u32) -> VertexId {
        VertexId(one_based(index as usize))
    }

    /// The index in the evaluation's vertex arena.
    pub fn index(self) -> u32 {
        self.0.get() - 1
    }
}

impl EnvId {
    /// The index in the evaluation's environments.
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

/// An expression of one compiled unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExprRef {
    pub unit: u16,
    pub id: ExprId,
}

/// What a conjunct contributes: an expression, the value of another
/// vertex (computed values: comprehension keys, builtin results), or a
/// node of filled data (see `fill.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Expr(ExprRef),
    Vertex(VertexId),
    Data(data::DataRef),
}

/// Closedness: the chain of definition references a conjunct came
/// through. `CloseRef(0)` is none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct CloseRef(pub u32);

#[derive(Clone, Copy, Debug)]
pub struct Conjunct {
    pub source: Source,
    pub env: Option<EnvId>,
    pub close: CloseRef,
}

/// One link of a closedness chain: a group and the chain it is nested in.
#[derive(Clone, Copy, Debug)]
pub struct CloseNode {
    pub group: u32,
    pub parent: CloseRef,
    /// `close()` closes one level only: children do not inherit it.
    pub shallow: bool,
    /// For the group of a reference to a definition: the definition and
    /// the vertex it was expanded into (structural cycles through
    /// instances are found with it).
    pub origin: Option<(VertexId, VertexId)>,
}

/// An environment frame: a struct being evaluated, or clause variables.
#[derive(Clone, Copy, Debug)]
pub struct Env {
    pub parent: Option<EnvId>,
    pub frame: Frame,
}

#[derive(Clone, Copy, Debug)]
pub enum Frame {
    Struct(VertexId),
    Vars([VertexId; 2]),
}

/// Limits that bound evaluation on hostile input.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// How deep evaluation may nest (vertices within vertices).
    pub max_depth: u32,
    /// How many vertices one evaluation may create.
    pub max_vertices: u32,
    /// How many alternatives a vertex's disjunctions may combine into.
    pub max_disjuncts: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_depth: 400,
            max_vertices: 20_000_000,
            max_disjuncts: 4096,
        }
    }
}

/// One evaluation of a compiled program: owns every vertex it creates.
#[derive(Debug)]
pub struct Evaluator {
    pub(crate) units: Vec<Shared<Program>>,
    pub(crate) labels: Labels,
    pub(crate) vertices: arena::Arena<Vertex>,
    pub(crate) envs: Vec<Env>,
    pub(crate) close_nodes: Vec<CloseNode>,
    next_group: u32,
    /// Struct `let`s, one vertex per frame and let.
    lets: HashMap<(EnvId, ExprRef), VertexId>,
    /// Comprehension keys, one vertex per label.
    keys: HashMap<Label, VertexId>,
    /// Scalar disjunction forks no value refers to, for reuse.
    free_forks: Vec<VertexId>,
    pub(crate) errors: Vec<EvalError>,
    /// The tables of filled data (`Source::Data` names a node of one).
    tables: Vec<Shared<data::DataTable>>,
    /// Compiled regular expressions, by pattern.
    pub(crate) regexes: HashMap<Shared<str>, Shared<regex::Regex>>,
    pub(crate) limits: Limits,
    depth: u32,
    limit_hit: bool,
    /// Set while retrying deferred expressions (they are not deferred
    /// again).
    retrying: bool,
    /// Vertices whose conjuncts are being expanded into another, innermost
    /// last (see `add_vertex`).
    expanding: Vec<VertexId>,
    /// How often a value under evaluation was read before it was known.
    cycle_hits: u64,
    /// The root vertex of each imported module package.
    pub(crate) packages: Vec<VertexId>,
    /// CUE before v0.11: `+` concatenates lists, `*` repeats one.
    pub(crate) list_arithmetic: bool,
    /// The value of the module's expression (`tenon export -e`), which
    /// may stand for a definition itself.
    pub(crate) expr_root: Option<VertexId>,
    /// The top's values (all but its definitions) are evaluated and free
    /// of errors, and nothing was filled in since: exporting one of them
    /// needs no error walk before it (see `emit_checked`).
    pub(crate) values_checked: bool,
}

impl Evaluator {
    /// An evaluation of `program` whose root holds the program's files.
    pub fn new(program: Shared<Program>, limits: Limits) -> Evaluator {
        let labels = Labels::new(program.labels.clone());
        let mut eval = Evaluator {
            units: vec![program.clone()],
            labels,
            vertices: arena::Arena::default(),
            envs: Vec::new(),
            close_nodes: vec![CloseNode {
                group: 0,
                parent: CloseRef(0),
                shallow: false,
                origin: None,
            }],
            next_group: 1,
            lets: HashMap::default(),
            keys: HashMap::default(),
            free_forks: Vec::new(),
            errors: Vec::new(),
            tables: Vec::new(),
            regexes: HashMap::default(),
            limits,
            depth: 0,
            limit_hit: false,
            retrying: false,
            cycle_hits: 0,
            expanding: Vec::new(),
            packages: Vec::new(),
            list_arithmetic: false,
            expr_root: None,
            values_checked: false,
        };
        let root = eval.new_vertex(None, Label::Index(0));
        for &id in &program.roots {
            eval.v_mut(root).conjuncts.push(Conjunct {
                source: Source::Expr(ExprRef { unit: 0, id }),
                env: None,
                close: CloseRef(0),
            });
        }
        for files in &program.packages {
            let package = eval.new_vertex(None, Label::Index(0));
            for &id in files {
                eval.v_mut(package).conjuncts.push(Conjunct {
                    source: Source::Expr(ExprRef { unit: 0, id }),
                    env: None,
                    close: CloseRef(0),
                });
            }
            eval.packages.push(package);
        }
        eval
    }

    pub fn root(&self) -> VertexId {
        VertexId::new(0)
    }

    pub(crate) fn code(&self, unit: u16) -> &Code {
        &self.units[unit as usize].code
    }

    pub(crate) fn v(&self, id: VertexId) -> &Vertex {
        self.vertices.get(id.index())
    }

    pub(crate) fn v_mut(&mut self, id: VertexId) -> &mut Vertex {
        self.vertices.get_mut(id.index())
    }

    pub(crate) fn new_vertex(&mut self, parent: Option<VertexId>, label: Label) -> VertexId {
        if self.vertices.len() as u32 >= self.limits.max_vertices {
            self.limit_hit = true;
        }
        VertexId::new(self.vertices.push(Vertex::new(parent, label)))
    }

    pub(crate) fn new_env(&mut self, parent: Option<EnvId>, frame: Frame) -> EnvId {
        let id = EnvId(one_based(self.envs.len()));
        self.envs.push(Env { parent, frame });
        id
    }

    /// A fresh closedness group nested in `parent`.
    pub(crate) fn new_group(&mut self, parent: CloseRef) -> (u32, CloseRef) {
        let group = self.next_group;
        self.next_group += 1;
        let node = CloseRef(self.close_nodes.len() as u32);
        self.close_nodes.push(CloseNode {
            group,
            parent,
            shallow: false,
            origin: None,
        });
        (group, node)
    }

    /// The chain children inherit: without the groups of `close()`.
    pub(crate) fn inherited(&mut self, close: CloseRef) -> CloseRef {
        let mut current = close;
        let mut any_shallow = false;
        while current.0 != 0 {
            let node = self.close_nodes[current.0 as usize];
            any_shallow |= node.shallow;
            current = node.parent;
        }
        if !any_shallow {
            return close;
        }
        let mut nodes = Vec::new();
        let mut current = close;
        while current.0 != 0 {
            let node = self.close_nodes[current.0 as usize];
            nodes.push(node);
            current = node.parent;
        }
        let mut result = CloseRef(0);
        for node in nodes.into_iter().rev().filter(|n| !n.shallow) {
            let id = CloseRef(self.close_nodes.len() as u32);
            self.close_nodes.push(CloseNode {
                parent: result,
                ..node
            });
            result = id;
        }
        result
    }

    /// The groups of a closedness chain, innermost first.
    pub(crate) fn groups(&self, mut close: CloseRef) -> smallvec::SmallVec<[u32; 4]> {
        let mut out = smallvec::SmallVec::new();
        while close.0 != 0 {
            let node = self.close_nodes[close.0 as usize];
            out.push(node.group);
            close = node.parent;
        }
        out
    }

    /// The vertex of the struct frame `up` frames out from `env`.
    pub(crate) fn frame(&self, env: Option<EnvId>, up: u32) -> Option<Frame> {
        let mut env = env?;
        for _ in 0..up {
            env = self.envs[env.index()].parent?;
        }
        Some(self.envs[env.index()].frame)
    }

    pub(crate) fn env_at(&self, env: Option<EnvId>, up: u32) -> Option<EnvId> {
        let mut env = env?;
        for _ in 0..up {
            env = self.envs[env.index()].parent?;
        }
        Some(env)
    }

    /// The path of a vertex from the root, as CUE prints it (`a.b.0.c`).
    pub fn path(&self, mut id: VertexId) -> String {
        let mut parts = Vec::new();
        while let Some(parent) = self.v(id).parent {
            let label = self.v(id).label;
            // Values without a name of their own (a `let`, an operand)
            // are reported at the field they belong to.
            if label == Label::Index(u32::MAX) {
                id = parent;
                continue;
            }
            parts.push(match label {
                Label::Index(i) => i.to_string(),
                Label::Field(_) => crate::label::path_segment(&self.labels.text(label)),
            });
            id = parent;
        }
        parts.reverse();
        parts.join(".")
    }
}

pub(crate) use crate::stack::with_stack;
