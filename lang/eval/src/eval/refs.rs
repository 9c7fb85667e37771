//! References, selectors and indexes, and unifying the vertex they point
//! to into another: the target's conjuncts are added again, in their own
//! environments, so that references inside a struct literal see the
//! struct they end up in (`a: b & {x: 2}` with `b: {x: int, y: x}` gives
//! `a.y == 2`).

use super::exprs::Val;
use super::{
    CloseRef, Conjunct, EnvId, ErrorKind, EvalError, Evaluator, ExprRef, Frame, Source, VertexId,
};
use crate::ir::{Expr, Optionality, Ref};
use crate::label::{Label, LabelKind};
use crate::value::{Atom, Kinds};
use tenon_diagnostics::Span;

impl Evaluator {
    /// The vertex a reference expression names.
    pub(crate) fn resolve_ref(
        &mut self,
        reference: Ref,
        unit: u16,
        env: Option<EnvId>,
        span: Span,
    ) -> Val {
        match reference {
            Ref::Field { up, label } => match self.frame(env, up) {
                Some(Frame::Struct(p)) => self.select_arc(p, label, span),
                _ => Val::Error(EvalError::new(
                    ErrorKind::Invalid,
                    "reference to a missing scope",
                    vec![span],
                )),
            },
            Ref::Let { up, value } => {
                let Some(frame) = self.env_at(env, up) else {
                    return Val::Error(EvalError::new(
                        ErrorKind::Invalid,
                        "reference to a missing scope",
                        vec![span],
                    ));
                };
                let key = (frame, ExprRef { unit, id: value });
                if let Some(&vertex) = self.lets.get(&key) {
                    return Val::Vertex(vertex);
                }
                let parent = match self.envs[frame.index()].frame {
                    Frame::Struct(p) => Some(p),
                    Frame::Vars(_) => None,
                };
                let vertex = self.new_vertex(parent, Label::Index(u32::MAX));
                self.v_mut(vertex).conjuncts.push(Conjunct {
                    source: Source::Expr(key.1),
                    env: Some(frame),
                    close: CloseRef(0),
                });
                self.lets.insert(key, vertex);
                Val::Vertex(vertex)
            }
            Ref::Var { up, slot } => match self.frame(env, up) {
                Some(Frame::Vars(vars)) => Val::Vertex(vars[slot as usize]),
                _ => Val::Error(EvalError::new(
                    ErrorKind::Invalid,
                    "reference to a missing variable",
                    vec![span],
                )),
            },
        }
    }

    /// The arc `label` of the struct `p` (a reference or a selector).
    pub(crate) fn select_arc(&mut self, p: VertexId, label: Label, span: Span) -> Val {
        // A reference from inside `p`'s own evaluation finds the arcs of
        // phase one; one from outside needs `p`'s structure.
        self.structure(p);
        let p = self.resolved(p);
        match self.v(p).arc(label).copied() {
            Some(arc) if arc.optional != Optionality::Optional => Val::Vertex(arc.vertex),
            Some(_) => Val::Error(EvalError::new(
                ErrorKind::AbsentOptional,
                format!(
                    "cannot reference optional field: {}",
                    self.labels.text(label)
                ),
                vec![span],
            )),
            _ => {
                if let Some(error) = self.error_of(p).cloned() {
                    return Val::Error(error);
                }
                let kinds = self.v(p).kinds;
                if !kinds.intersects(Kinds::STRUCT) {
                    let message =
                        format!("invalid selector {}: not a struct", self.labels.text(label));
                    return Val::Error(EvalError::new(ErrorKind::Invalid, message, vec![span]));
                }
                let message = if self.v(p).disjunction().is_some() {
                    // A disjunction without a default has no fields yet.
                    format!(
                        "unresolved disjunction {}: cannot select {}",
                        self.alternatives_text(p),
                        self.labels.text(label)
                    )
                } else {
                    format!("undefined field: {}", self.labels.text(label))
                };
                Val::Error(EvalError::new(ErrorKind::Incomplete, message, vec![span]))
            }
        }
    }

    /// What a vertex stands for: the vertex it shares, or the default of
    /// its resolved disjunction.
    pub(crate) fn resolved(&self, mut v: VertexId) -> VertexId {
        loop {
            let vertex = self.v(v);
            if let Some(target) = vertex.share() {
                v = target;
                continue;
            }
            let Some(d) = vertex.disjunction() else {
                return v;
            };
            let mut defaults = d.forks.iter().filter(|f| f.1);
            match (defaults.next(), defaults.next()) {
                (Some(&(fork, _)), None) => v = fork,
                _ => return v,
            }
        }
    }

    /// Unifies the vertex `w` into `v`: adds `w`'s conjuncts (or, for a
    /// computed vertex, its value). A reference to a definition closes
    /// what it brings in; `embedded_in` names the struct literal that
    /// embeds it, whose own fields the definition then allows too.
    pub(crate) fn add_vertex(
        &mut self,
        v: VertexId,
        w: VertexId,
        close: CloseRef,
        embedded_in: Option<ExprRef>,
    ) {
        if w == v {
            return;
        }
        // A value already known to be bottom makes `v` bottom with the
        // same error (reported where it arose), rather than failing again
        // on a copy of its conjuncts.
        if self.v(w).state == super::State::Done {
            if let Some(error) = self.error_of(w).filter(|e| !e.is_incomplete()) {
                let error = error.clone();
                return self.fail(v, error);
            }
        }
        if self
            .v(v)
            .tracking
            .as_ref()
            .is_some_and(|t| t.expanded.contains(&(w, close)))
        {
            return;
        }
        // Only a reference to a definition makes a group with an origin.
        let definition = self.v(w).parent.is_some()
            && matches!(
                self.labels.kind(self.v(w).label),
                LabelKind::Definition | LabelKind::HiddenDefinition
            );
        if self.is_ancestor(w, v) || (definition && self.repeats_definition(v, w, close)) {
            let span = self.conjunct_span(v).into_iter().collect();
            self.fail(
                v,
                EvalError::new(ErrorKind::StructuralCycle, "structural cycle", span),
            );
            return;
        }
        // Expanding `w` again while it is being expanded (`a: "\(a & 0)"`
        // evaluates `a` inside `a`) would never end: a reference cycle
        // through an expression contributes nothing.
        if self.expanding.contains(&w) {
            return;
        }
        self.v_mut(v)
            .tracking
            .get_or_insert_with(Default::default)
            .expanded
            .push((w, close));
        let mut close = close;
        if definition {
            let (group, node) = self.new_group(close);
            self.close_nodes[node.0 as usize].origin = Some((w, v));
            close = node;
            if let Some(literal) = embedded_in {
                self.allow_literal_fields(v, group, literal);
            }
        }
        if self.v(w).synthetic || self.v(w).conjuncts.is_empty() {
            return self.add_value_of(v, w, close);
        }
        let conjuncts = self.v(w).conjuncts.clone();
        self.expanding.push(w);
        for c in conjuncts {
            let chained = self.chain(c.close, close);
            self.add_conjunct(
                v,
                Conjunct {
                    close: chained,
                    ..c
                },
            );
        }
        self.expanding.pop();
    }

    /// Unifies the evaluated value of `w` (not its conjuncts) into `v`.
    pub(crate) fn add_value_of(&mut self, v: VertexId, w: VertexId, close: CloseRef) {
        self.structure(w);
        let w = self.resolved(w);
        if let Some(error) = self.error_of(w).cloned() {
            self.fail(v, error);
            return;
        }
        // Only the pieces needed are copied (a whole vertex would clone
        // every vector it holds).
        let source = self.v(w);
        let (kinds, atom) = (source.kinds, source.atom.clone());
        let (bounds, validators) = (source.bounds().to_vec(), source.validators().to_vec());
        let arcs = source.arcs.clone();
        match atom {
            Some((atom, span)) => self.meet_atom(v, atom, span),
            None => {
                self.meet_kinds(v, kinds, Default::default());
                for (bound, span) in bounds {
                    self.meet_bound(v, bound, span);
                }
            }
        }
        for (validator, span) in validators {
            self.meet_validator(v, validator, span);
        }
        let child_close = self.inherited(close);
        let groups = self.groups(close);
        for arc in arcs {
            let conjunct = Conjunct {
                source: Source::Vertex(arc.vertex),
                env: None,
                close: child_close,
            };
            // `close()` needs the labels of this level in its group.
            self.add_declared_field(v, arc.label, arc.optional, conjunct, &groups);
        }
        if kinds == Kinds::LIST {
            self.merge_list_shape(v, w);
        }
    }

    /// Whether `w` contains `v` (a fork of `w` counts as `w`).
    /// Whether `v` would expand the definition `w` within a value that
    /// already expanded it, every conjunct of `v` having come through
    /// that expansion: `x: #L` with `#L: {next: #L}` makes `x.next` an
    /// `#L` again, and so on forever. Data written into the instance
    /// (`x: #L & {next: {next: null}}`) is a conjunct of its own: it
    /// decides how deep the value goes.
    fn repeats_definition(&self, v: VertexId, w: VertexId, close: CloseRef) -> bool {
        let through = |mut close: CloseRef| {
            while close.0 != 0 {
                let node = self.close_nodes[close.0 as usize];
                if node
                    .origin
                    .is_some_and(|(d, at)| d == w && self.is_ancestor(at, v))
                {
                    return true;
                }
                close = node.parent;
            }
            false
        };
        through(close) && self.v(v).conjuncts.iter().all(|c| through(c.close))
    }

    pub(crate) fn is_ancestor(&self, w: VertexId, v: VertexId) -> bool {
        let mut current = self.v(v).parent;
        while let Some(p) = current {
            if p == w || self.is_fork_of(p, w) {
                return true;
            }
            current = self.v(p).parent;
        }
        false
    }

    fn is_fork_of(&self, mut fork: VertexId, origin: VertexId) -> bool {
        while let Some(of) = self.v(fork).fork_of() {
            if of == origin {
                return true;
            }
            fork = of;
        }
        false
    }

    /// An embedded expression: like a conjunct, but a definition it names
    /// also allows the embedding literal's own fields.
    pub(crate) fn add_embed(&mut self, v: VertexId, conjunct: Conjunct, literal: ExprRef) {
        let Source::Expr(e) = conjunct.source else {
            return self.add_conjunct(v, conjunct);
        };
        let unit = self.units[e.unit as usize].clone();
        match unit.code.expr(e.id) {
            Expr::Ref(_) | Expr::Select(..) | Expr::Index(..) => {
                let span = unit.code.span(e.id);
                match self.eval(e, conjunct.env) {
                    Val::Vertex(w) => self.add_vertex(v, w, conjunct.close, Some(literal)),
                    other => self.unify_value(v, other, span, conjunct.close),
                }
            }
            _ => self.add_conjunct(v, conjunct),
        }
    }

    /// The labels a struct literal declares join `group` at `v`.
    fn allow_literal_fields(&mut self, v: VertexId, group: u32, literal: ExprRef) {
        let unit = self.units[literal.unit as usize].clone();
        let Expr::Struct(lit) = unit.code.expr(literal.id) else {
            return;
        };
        self.group_position(v, group);
        for decl in &lit.decls {
            match decl {
                crate::ir::Decl::Field { label, .. } => self.declare(v, group, *label),
                crate::ir::Decl::Ellipsis(_)
                | crate::ir::Decl::Dynamic { .. }
                | crate::ir::Decl::Comprehension(_) => self.group_mut(v, group).open = true,
                _ => {}
            }
        }
    }

    /// `x[i]`: a list element or a struct field.
    pub(crate) fn index(&mut self, base: Val, index: Val, span: Span) -> Val {
        let base = match base {
            Val::Vertex(b) => b,
            Val::Error(e) => return Val::Error(e),
            _ => {
                return Val::Error(EvalError::new(
                    ErrorKind::Invalid,
                    "invalid index: not a list or struct",
                    vec![span],
                ))
            }
        };
        let index = match self.atom_of(index, span) {
            Ok(atom) => atom,
            Err(e) => return Val::Error(e),
        };
        self.structure(base);
        let base = self.resolved(base);
        match index {
            Atom::String(s) if self.v(base).kinds == Kinds::LIST => Val::Error(EvalError::new(
                ErrorKind::Invalid,
                format!("invalid list index {:?} (type string)", &*s),
                vec![span],
            )),
            Atom::String(s) => {
                let label = self.labels.intern(&s, LabelKind::Regular);
                self.select_arc(base, label, span)
            }
            Atom::Number(n) if n.is_int() => {
                let Some(i) = n.to_i64() else {
                    return Val::Error(EvalError::new(
                        ErrorKind::Invalid,
                        format!("invalid index {n}"),
                        vec![span],
                    ));
                };
                if i < 0 {
                    let message = format!("invalid index {i} (index must be non-negative)");
                    return Val::Error(EvalError::new(ErrorKind::Invalid, message, vec![span]));
                }
                if self.v(base).kinds != Kinds::LIST {
                    if let Some(error) = self.error_of(base).cloned() {
                        return Val::Error(error);
                    }
                    return Val::Error(EvalError::new(
                        ErrorKind::Invalid,
                        "invalid index: not a list",
                        vec![span],
                    ));
                }
                let len = self.v(base).list_len();
                match self.v(base).arc(Label::Index(i as u32)) {
                    Some(arc) if (i as u64) < len as u64 => Val::Vertex(arc.vertex),
                    _ => {
                        let message = format!("index out of range [{i}] with length {len}");
                        Val::Error(EvalError::new(ErrorKind::Invalid, message, vec![span]))
                    }
                }
            }
            other => Val::Error(EvalError::new(
                ErrorKind::Invalid,
                format!("invalid index {other}"),
                vec![span],
            )),
        }
    }
}
