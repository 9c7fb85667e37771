//! Phase one and the driver of phase two: adding conjuncts to a vertex.

use super::exprs::Val;
use super::vertex::{Pattern, Pending};
use super::{
    Arc, CloseRef, Conjunct, EnvId, ErrorKind, EvalError, Evaluator, ExprRef, Frame, Source, State,
    VertexId,
};
use crate::ir::{Decl, Expr, Optionality, StructLit};
use crate::label::{Label, LabelKind};
use crate::value::{Atom, Kinds};

impl Evaluator {
    /// Evaluates the structure of `v`: its scalar value, its arcs (not
    /// their values) and its disjunctions. Re-entry while it is under way
    /// returns at once (the caller sees what is known: a cycle).
    pub(crate) fn structure(&mut self, v: VertexId) {
        if self.v(v).state != State::New {
            return;
        }
        super::with_stack(|| self.structure_now(v))
    }

    fn structure_now(&mut self, v: VertexId) {
        if let Some(error) = self.limit_error(v) {
            self.v_mut(v).state = State::Done;
            self.fail(v, error);
            return;
        }
        self.depth += 1;
        let cycle_hits = self.cycle_hits;
        self.v_mut(v).state = State::Evaluating;
        if self.try_share(v) {
            self.v_mut(v).state = State::Done;
            self.depth -= 1;
            return;
        }
        let mut i = 0;
        while i < self.v(v).conjuncts.len() {
            let conjunct = self.v(v).conjuncts[i];
            self.add_conjunct(v, conjunct);
            i += 1;
        }
        self.apply_all_patterns(v);
        self.run_pending(v);
        self.resolve_disjunctions(v);
        // `{if c {x: 1}}` whose comprehensions produced nothing is `{}`.
        let vertex = self.v(v);
        if vertex.struct_literal
            && vertex.kinds == Kinds::TOP
            && vertex.atom.is_none()
            && vertex.disjunction().is_none()
        {
            self.v_mut(v).kinds = Kinds::STRUCT;
        }
        self.finish_list(v);
        self.check_closedness(v);
        self.v_mut(v).state = State::Done;
        self.depth -= 1;
        self.forget_if_tentative(v, cycle_hits);
    }

    /// A scalar that came out incomplete because it read a value still
    /// being evaluated (`c: f * 2` while `f` is under way) is forgotten, so
    /// that it is evaluated again once that value is known.
    fn forget_if_tentative(&mut self, v: VertexId, cycle_hits: u64) {
        if self.cycle_hits == cycle_hits || !self.v(v).arcs.is_empty() {
            return;
        }
        let Some(error) = self.error_of(v) else {
            return;
        };
        if !error.is_incomplete() {
            return;
        }
        let vertex = self.v(v);
        let mut fresh = super::Vertex::new(vertex.parent, vertex.label);
        fresh.conjuncts = vertex.conjuncts.clone();
        if !vertex.choices().is_empty() {
            fresh.tracking = Some(Box::new(super::vertex::Tracking {
                choices: vertex.choices().to_vec(),
                ..Default::default()
            }));
        }
        *self.v_mut(v) = fresh;
    }

    /// The error of a limit reached before evaluating `v`: too many
    /// values (the whole evaluation stops), or nesting too deep (only
    /// this value fails).
    pub(crate) fn limit_error(&self, v: VertexId) -> Option<EvalError> {
        if !self.limit_hit && self.depth < self.limits.max_depth {
            return None;
        }
        let span = self.conjunct_span(v).into_iter().collect();
        if self.limit_hit {
            let message = format!(
                "evaluation too large: more than {} values",
                self.limits.max_vertices
            );
            return Some(EvalError::new(ErrorKind::Limit, message, span));
        }
        if self.depth >= self.limits.max_depth {
            let message = format!(
                "values nested more than {} levels deep (a structural cycle?)",
                self.limits.max_depth
            );
            return Some(EvalError::new(ErrorKind::Limit, message, span));
        }
        None
    }

    /// Adds a conjunct to `v`'s list and, if `v` is already being
    /// evaluated or done, unifies it in now.
    pub(crate) fn push_conjunct(&mut self, v: VertexId, conjunct: Conjunct) {
        self.v_mut(v).conjuncts.push(conjunct);
        if self.v(v).state != State::New {
            self.add_conjunct(v, conjunct);
            self.run_pending(v);
            if self.v(v).state == State::Done {
                self.resolve_disjunctions(v);
                self.check_closedness(v);
            }
        }
    }

    /// Unifies one conjunct into `v`.
    pub(crate) fn add_conjunct(&mut self, v: VertexId, conjunct: Conjunct) {
        super::with_stack(|| self.add_conjunct_now(v, conjunct))
    }

    fn add_conjunct_now(&mut self, v: VertexId, conjunct: Conjunct) {
        let e = match conjunct.source {
            Source::Vertex(w) => return self.add_vertex(v, w, conjunct.close, None),
            Source::Data(node) => return self.add_data(v, node, conjunct.close),
            Source::Expr(e) => e,
        };
        let unit = self.units[e.unit as usize].clone();
        let span = unit.code.span(e.id);
        let env = conjunct.env;
        let close = conjunct.close;
        let sub = |id| Conjunct {
            source: Source::Expr(ExprRef { unit: e.unit, id }),
            env,
            close,
        };
        match unit.code.expr(e.id) {
            Expr::Top => {}
            Expr::Bottom => {
                let error = EvalError::new(
                    ErrorKind::Explicit,
                    "explicit error (_|_ literal) in source",
                    vec![span],
                );
                self.fail(v, error);
            }
            Expr::Null => self.meet_atom(v, Atom::Null, span),
            Expr::Bool(b) => self.meet_atom(v, Atom::Bool(*b), span),
            Expr::Number(n) => self.meet_atom(v, Atom::Number(n.clone()), span),
            Expr::String(s) => self.meet_atom(v, Atom::String(s.clone()), span),
            Expr::Bytes(b) => self.meet_atom(v, Atom::Bytes(b.clone()), span),
            Expr::Kind(k) => self.meet_kinds(v, *k, span),
            Expr::Struct(lit) => self.add_struct(v, e, lit, env, close),
            Expr::List(lit) => {
                if lit
                    .elems
                    .iter()
                    .any(|el| matches!(el, crate::ir::Elem::Comprehension(_)))
                {
                    self.defer(v, Pending::List(conjunct));
                } else {
                    self.add_list(v, e, lit, env, close);
                }
            }
            Expr::And(parts) => {
                for &part in parts.iter() {
                    self.add_conjunct(v, sub(part));
                }
            }
            Expr::Or(disjuncts) => {
                if disjuncts.len() == 1 {
                    return self.add_conjunct(v, sub(disjuncts[0].expr));
                }
                match self.disjunction_choice(v, e) {
                    (_, Some(index)) => self.add_conjunct(v, sub(disjuncts[index as usize].expr)),
                    (occurrence, None) => self.defer(v, Pending::Disjunction(conjunct, occurrence)),
                }
            }
            // `or(list)` as a value: a disjunction of the list's elements.
            Expr::Call(func, args)
                if args.len() == 1
                    && matches!(unit.code.expr(*func), Expr::Builtin(crate::ir::Builtin::Or)) =>
            {
                let list = ExprRef {
                    unit: e.unit,
                    id: args[0],
                };
                match self.disjunction_choice(v, e) {
                    (_, Some(index)) => match self.list_elements("or", list, env, span) {
                        Ok(elements) => match elements.get(index as usize) {
                            Some(&element) => self.add_vertex(v, element, close, None),
                            None => self.fail(v, super::disjunction::empty_disjunction(span)),
                        },
                        Err(error) => self.fail(v, error),
                    },
                    (occurrence, None) => self.defer(v, Pending::Disjunction(conjunct, occurrence)),
                }
            }
            _ => {
                let value = self.eval(e, env);
                let incomplete = matches!(&value, Val::Error(error) if error.is_incomplete());
                if incomplete && !self.retrying {
                    self.defer(v, Pending::Retry(conjunct));
                    return;
                }
                self.unify_value(v, value, span, close);
            }
        }
    }

    /// Counts a meeting of the disjunction `e` at `v`: its occurrence
    /// there, and the alternative forced for it when `v` is a fork.
    fn disjunction_choice(&mut self, v: VertexId, e: ExprRef) -> (u32, Option<u32>) {
        let tracking = self.v_mut(v).tracking.get_or_insert_with(Default::default);
        let occurrence = match tracking.seen.iter_mut().find(|s| s.0 == e) {
            Some(seen) => {
                seen.1 += 1;
                seen.1
            }
            None => {
                tracking.seen.push((e, 0));
                0
            }
        };
        let forced = tracking
            .choices
            .iter()
            .find(|c| c.0 == e && c.1 == occurrence)
            .map(|c| c.2);
        (occurrence, forced)
    }

    fn add_struct(
        &mut self,
        v: VertexId,
        e: ExprRef,
        lit: &StructLit,
        env: Option<EnvId>,
        close: CloseRef,
    ) {
        let span = self.code(e.unit).span(e.id);
        // A literal of embeddings only (`{x * 10}`) is what it embeds.
        self.v_mut(v).struct_literal = true;
        let embeds = lit
            .decls
            .iter()
            .any(|d| matches!(d, Decl::Embed(_) | Decl::Comprehension(_)));
        if !embeds || lit.decls.iter().any(|d| self.makes_struct(d)) {
            self.meet_kinds(v, Kinds::STRUCT, span);
        }
        let close = self.definition_close(v, close);
        let frame = self.new_env(env, Frame::Struct(v));
        let groups = self.groups(close);
        let child_close = self.inherited(close);
        // Room for the literal's fields, exactly, when it is the first.
        let fields = lit.decls.len();
        let arcs = &mut self.v_mut(v).arcs;
        if arcs.capacity() == 0 {
            arcs.reserve_exact(fields);
        }
        for (index, decl) in lit.decls.iter().enumerate() {
            let index = index as u32;
            let conj = |id| Conjunct {
                source: Source::Expr(ExprRef { unit: e.unit, id }),
                env: Some(frame),
                close: child_close,
            };
            match decl {
                Decl::Field {
                    label,
                    optional,
                    value,
                } => {
                    self.add_declared_field(v, *label, *optional, conj(*value), &groups);
                }
                Decl::Dynamic { .. } => {
                    let pending = Pending::Dynamic {
                        decl: e,
                        index,
                        env: frame,
                        close,
                    };
                    self.defer(v, pending);
                }
                Decl::Comprehension(_) => {
                    let pending = Pending::Comprehension {
                        decl: e,
                        index,
                        env: frame,
                        close,
                    };
                    self.defer(v, pending);
                }
                Decl::Pattern {
                    pattern,
                    value,
                    alias,
                } => {
                    let pattern = Pattern {
                        pattern: ExprRef {
                            unit: e.unit,
                            id: *pattern,
                        },
                        value: conj(*value),
                        alias: *alias,
                        env: frame,
                        except: None,
                    };
                    let position = self.v(v).patterns().len() as u32;
                    self.v_mut(v).rare_mut().patterns.push(pattern);
                    for group in &groups {
                        let group = self.group_mut(v, *group);
                        group.extra_mut().patterns.push(position);
                    }
                    if self.v(v).patterns_applied {
                        self.apply_pattern(v, position as usize);
                    }
                }
                Decl::Embed(expr) => {
                    let conjunct = Conjunct {
                        close,
                        ..conj(*expr)
                    };
                    let pending = Pending::Embed {
                        conjunct,
                        literal: e,
                    };
                    self.defer(v, pending);
                }
                Decl::Ellipsis(ty) => {
                    for group in &groups {
                        self.group_mut(v, *group).open = true;
                    }
                    if let Some(ty) = ty {
                        let pattern = Pattern {
                            pattern: ExprRef {
                                unit: e.unit,
                                id: *ty,
                            },
                            value: conj(*ty),
                            alias: false,
                            env: frame,
                            except: Some(e),
                        };
                        self.v_mut(v).rare_mut().patterns.push(pattern);
                        if self.v(v).patterns_applied {
                            let position = self.v(v).patterns().len() - 1;
                            self.apply_pattern(v, position);
                        }
                    }
                }
            }
        }
    }

    /// Struct literals of a definition are closed by the definition's own
    /// group (one per definition vertex, so all its literals share it).
    fn definition_close(&mut self, v: VertexId, close: CloseRef) -> CloseRef {
        let kind = self.labels.kind(self.v(v).label);
        if !matches!(kind, LabelKind::Definition | LabelKind::HiddenDefinition)
            || self.v(v).parent.is_none()
        {
            return close;
        }
        let mut def = self.v(v).rare.as_ref().map_or(CloseRef(0), |r| r.def_close);
        if def.0 == 0 {
            let (_, node) = self.new_group(CloseRef(0));
            self.v_mut(v).rare_mut().def_close = node;
            def = node;
        }
        self.chain(def, close)
    }

    /// The chain `inner` nested inside `outer`.
    pub(crate) fn chain(&mut self, inner: CloseRef, outer: CloseRef) -> CloseRef {
        if inner.0 == 0 {
            return outer;
        }
        if outer.0 == 0 {
            return inner;
        }
        let mut nodes: smallvec::SmallVec<[super::CloseNode; 4]> = smallvec::SmallVec::new();
        let mut current = inner;
        while current.0 != 0 {
            let node = self.close_nodes[current.0 as usize];
            nodes.push(node);
            current = node.parent;
        }
        let existing = self.groups(outer);
        let mut result = outer;
        for node in nodes.into_iter().rev() {
            if existing.contains(&node.group) {
                continue;
            }
            let id = CloseRef(self.close_nodes.len() as u32);
            self.close_nodes.push(super::CloseNode {
                parent: result,
                shallow: false,
                ..node
            });
            result = id;
        }
        result
    }

    /// A regular field `label` added to `v` after a comprehension of `v`
    /// iterated over `v` itself: the iteration did not see it.
    fn reject_after_lock(&mut self, v: VertexId, label: Label, conjunct: &Conjunct) {
        let span = match conjunct.source {
            Source::Expr(e) => self.code(e.unit).label_span(e.id),
            Source::Vertex(_) | Source::Data(_) => None,
        };
        let message = format!(
            "field {:?} not allowed by earlier comprehension or reference cycle",
            &*self.labels.shared_text(label)
        );
        let error = EvalError::new(ErrorKind::Invalid, message, span.into_iter().collect());
        self.fail(v, error);
    }

    /// Adds (or finds) the arc `label` of `v` and gives it a conjunct.
    pub(crate) fn add_field(
        &mut self,
        v: VertexId,
        label: Label,
        optional: Optionality,
        conjunct: Conjunct,
    ) -> VertexId {
        self.add_field_at(v, label, optional, conjunct).0
    }

    /// `add_field`, also giving the arc's position.
    pub(crate) fn add_field_at(
        &mut self,
        v: VertexId,
        label: Label,
        optional: Optionality,
        conjunct: Conjunct,
    ) -> (VertexId, usize) {
        if let Some(position) = self.v(v).arc_position(label) {
            let arc = &mut self.v_mut(v).arcs[position];
            arc.optional = arc.optional.max(optional);
            let child = arc.vertex;
            self.push_conjunct(child, conjunct);
            return (child, position);
        }
        if self.v(v).arcs_locked
            && optional == Optionality::Regular
            && self.labels.kind(label).is_exported()
        {
            self.reject_after_lock(v, label, &conjunct);
        }
        let child = self.new_vertex(Some(v), label);
        self.v_mut(child).conjuncts.push(conjunct);
        self.v_mut(v).push_arc(Arc::new(label, child, optional));
        let position = self.v(v).arcs.len() - 1;
        if self.v(v).patterns_applied {
            for index in 0..self.v(v).patterns().len() {
                self.match_pattern(v, index, child);
            }
        }
        if let Label::Index(i) = label {
            self.apply_list_tails(v, child, i);
        }
        (child, position)
    }

    fn apply_all_patterns(&mut self, v: VertexId) {
        for index in 0..self.v(v).patterns().len() {
            self.apply_pattern(v, index);
        }
        self.v_mut(v).patterns_applied = true;
    }

    fn apply_pattern(&mut self, v: VertexId, index: usize) {
        let arcs: Vec<VertexId> = self.v(v).arcs.iter().map(|a| a.vertex).collect();
        for child in arcs {
            self.match_pattern(v, index, child);
        }
    }

    /// Gives `child` the pattern's value if its label matches.
    fn match_pattern(&mut self, v: VertexId, index: usize, child: VertexId) {
        let pattern = self.v(v).patterns()[index];
        let label = self.v(child).label;
        let Label::Field(_) = label else { return };
        if !self.labels.kind(label).is_regular() {
            return;
        }
        let text = self.labels.shared_text(label);
        let matches = match pattern.except {
            Some(literal) => !self.declares(literal, label),
            None => self.label_matches(pattern.pattern, Some(pattern.env), &text),
        };
        if !matches {
            return;
        }
        let mut value = pattern.value;
        if pattern.alias {
            let name = self.synthetic(Atom::String(text));
            value.env = Some(self.new_env(value.env, Frame::Vars([name, name])));
        }
        self.push_conjunct(child, value);
    }

    /// Whether a declaration makes its literal a struct: anything but an
    /// embedding or a definition or hidden field (`{5, #doc: "five"}` is
    /// the number 5).
    fn makes_struct(&self, decl: &Decl) -> bool {
        match decl {
            Decl::Embed(_) => false,
            Decl::Field { label, .. } => self.labels.kind(*label).is_regular(),
            Decl::Comprehension(_) => false,
            _ => true,
        }
    }

    /// Whether the struct literal `literal` declares the field `label`.
    fn declares(&self, literal: ExprRef, label: Label) -> bool {
        match self.code(literal.unit).expr(literal.id) {
            Expr::Struct(lit) => lit
                .decls
                .iter()
                .any(|d| matches!(d, Decl::Field { label: l, .. } if *l == label)),
            _ => false,
        }
    }

    /// A vertex holding a computed scalar.
    pub(crate) fn synthetic(&mut self, atom: Atom) -> VertexId {
        let id = self.new_vertex(None, Label::Index(u32::MAX));
        let vertex = self.v_mut(id);
        vertex.kinds = atom.kind();
        vertex.atom = Some((atom, Default::default()));
        vertex.synthetic = true;
        vertex.state = State::Done;
        id
    }

    /// Queues work for phase two of `v`.
    pub(crate) fn defer(&mut self, v: VertexId, item: Pending) {
        self.v_mut(v)
            .pending
            .get_or_insert_with(Default::default)
            .push(item);
    }

    /// Works through phase two: embeddings first, then
    /// dynamic fields, then comprehensions; disjunctions are left.
    pub(crate) fn run_pending(&mut self, v: VertexId) {
        loop {
            let vertex = self.v_mut(v);
            let Some(item) = vertex.pending.as_mut().and_then(|q| q.next()) else {
                if vertex.pending.as_ref().is_some_and(|q| q.is_empty()) {
                    vertex.pending = None;
                }
                break;
            };
            let nests = matches!(item, Pending::Comprehension { .. });
            let before = self.v(v).pending.as_ref().map_or(0, |q| q.comprehensions());
            self.run_pending_item(v, item);
            // A comprehension's nested comprehensions run before the
            // comprehensions queued after it: a comprehension reading a
            // field then sees every value the earlier ones give it.
            if nests {
                if let Some(queue) = self.v_mut(v).pending.as_mut() {
                    queue.promote_comprehensions_since(before);
                }
            }
        }
    }

    fn run_pending_item(&mut self, v: VertexId, item: Pending) {
        match item {
            Pending::Embed { conjunct, literal } => self.add_embed(v, conjunct, literal),
            Pending::Dynamic {
                decl,
                index,
                env,
                close,
            } => self.add_dynamic(v, decl, index, env, close),
            Pending::Comprehension {
                decl,
                index,
                env,
                close,
            } => self.add_struct_comprehension(v, decl, index, env, close),
            Pending::List(conjunct) => self.add_list_conjunct(v, conjunct),
            Pending::Retry(conjunct) => {
                let retrying = std::mem::replace(&mut self.retrying, true);
                self.add_conjunct(v, conjunct);
                self.retrying = retrying;
            }
            Pending::Disjunction(..) => unreachable!("disjunctions are not picked"),
        }
    }

    fn add_dynamic(&mut self, v: VertexId, decl: ExprRef, index: u32, env: EnvId, close: CloseRef) {
        let unit = self.units[decl.unit as usize].clone();
        let Expr::Struct(lit) = unit.code.expr(decl.id) else {
            return;
        };
        let Decl::Dynamic {
            label,
            optional,
            value,
        } = &lit.decls[index as usize]
        else {
            return;
        };
        let label_ref = ExprRef {
            unit: decl.unit,
            id: *label,
        };
        let span = unit.code.span(*label);
        let name = match self.eval_string(label_ref, Some(env)) {
            Ok(name) => name,
            Err(error) => {
                let error = EvalError {
                    spans: if error.spans.is_empty() {
                        vec![span]
                    } else {
                        error.spans
                    },
                    ..error
                };
                self.fail(v, error);
                return;
            }
        };
        let label = self.labels.intern(&name, LabelKind::Regular);
        let conjunct = Conjunct {
            source: Source::Expr(ExprRef {
                unit: decl.unit,
                id: *value,
            }),
            env: Some(env),
            close: self.inherited(close),
        };
        let groups = self.groups(close);
        self.add_declared_field(v, label, *optional, conjunct, &groups);
    }
}
