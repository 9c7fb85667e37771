//! Disjunctions. A vertex's disjunctions are resolved last: every
//! combination of alternatives is evaluated in a fork of the vertex (all
//! its conjuncts again, with the choices forced), forks that fail are
//! dropped, equal ones merged, and the defaults marked. One survivor
//! becomes the vertex's value; several stay a disjunction, which stands
//! for its default where one is needed.

use super::vertex::Disjunction;
use super::{ErrorKind, EvalError, Evaluator, ExprRef, VertexId};
use crate::ir::Expr;

/// One disjunction of a vertex: its expression and occurrence, its
/// alternatives (index, default), and whether it marks any default.
type Alternatives = (ExprRef, u32, Vec<(u32, bool)>, bool);

impl Evaluator {
    pub(crate) fn resolve_disjunctions(&mut self, v: VertexId) {
        let vertex = self.v_mut(v);
        let items = match vertex.pending.as_mut() {
            Some(queue) => {
                let items = queue.take_disjunctions();
                if queue.is_empty() {
                    vertex.pending = None;
                }
                items
            }
            None => Vec::new(),
        };
        if items.is_empty() {
            return;
        }
        // `x & x` is `x`: the same disjunction met twice (through two
        // references to one schema) adds nothing when both meetings see
        // the same values. A fork takes the same alternative for both.
        let mut kept: Vec<(super::Conjunct, u32)> = Vec::new();
        let mut mirrors: Vec<(ExprRef, u32, usize)> = Vec::new();
        for (conjunct, occurrence) in items {
            let duplicate = kept
                .iter()
                .position(|(k, _)| self.same_disjunction(k, &conjunct));
            match (duplicate, conjunct.source) {
                (Some(position), super::Source::Expr(e)) => mirrors.push((e, occurrence, position)),
                _ => kept.push((conjunct, occurrence)),
            }
        }
        let items = kept;
        let mut options: Vec<Alternatives> = Vec::new();
        // Where each kept item's alternatives are in `options`.
        let mut option_of: Vec<Option<usize>> = Vec::with_capacity(items.len());
        for (conjunct, occurrence) in &items {
            option_of.push(None);
            let super::Source::Expr(e) = conjunct.source else {
                continue;
            };
            let unit = self.units[e.unit as usize].clone();
            let disjuncts = match unit.code.expr(e.id) {
                Expr::Or(disjuncts) => disjuncts,
                Expr::Call(_, args) => {
                    // `or(list)`: one alternative per element, no default.
                    let span = unit.code.span(e.id);
                    let Some(&id) = args.first() else {
                        continue;
                    };
                    let list = ExprRef { unit: e.unit, id };
                    let count = match self.list_elements("or", list, conjunct.env, span) {
                        Ok(elements) if elements.is_empty() => Err(empty_disjunction(span)),
                        Ok(elements) => Ok(elements.len() as u32),
                        Err(error) => Err(error),
                    };
                    match count {
                        Ok(count) => {
                            if let Some(slot) = option_of.last_mut() {
                                *slot = Some(options.len());
                            }
                            let alternatives = (0..count).map(|i| (i, false)).collect();
                            options.push((e, *occurrence, alternatives, false));
                        }
                        Err(error) => {
                            self.fail(v, error);
                            return;
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            // Outer marks decide; without them, an alternative that is a
            // disjunction with defaults of its own passes them on (its
            // forks carry them), and plain alternatives are not defaults.
            let marked = disjuncts.iter().any(|d| d.default);
            let nested: Vec<bool> = disjuncts
                .iter()
                .map(|d| {
                    self.has_marks(ExprRef {
                        unit: e.unit,
                        id: d.expr,
                    })
                })
                .collect();
            let has_default = marked || nested.iter().any(|&n| n);
            let alternatives: Vec<(u32, bool)> = disjuncts
                .iter()
                .zip(&nested)
                .enumerate()
                .map(|(i, (d, &n))| (i as u32, d.default || (!marked && n)))
                .collect();
            if let Some(slot) = option_of.last_mut() {
                *slot = Some(options.len());
            }
            options.push((e, *occurrence, alternatives, has_default));
        }
        let total: u64 = options.iter().map(|o| o.2.len() as u64).product();
        if total > u64::from(self.limits.max_disjuncts) {
            let span = self.conjunct_span(v).into_iter().collect();
            let message = format!("too many combinations of disjunctions ({total})");
            self.fail(v, EvalError::new(ErrorKind::Limit, message, span));
            return;
        }
        let scalar =
            options.iter().all(|o| self.is_constant_scalar(o.0)) && self.v(v).arcs.is_empty();
        let mut survivors = Vec::new();
        let mut failures = Vec::new();
        let mut combination = vec![0usize; options.len()];
        // A scalar fork that failed is reused for the next combination, and
        // scalar forks no value refers to any more for later disjunctions.
        let mut spare: Option<VertexId> = None;
        let mut created = Vec::new();
        'combinations: loop {
            let reused = match spare.take() {
                Some(fork) => Some(fork),
                None if scalar => self.free_forks.pop().inspect(|&fork| created.push(fork)),
                None => None,
            };
            let fork = match reused {
                Some(fork) => {
                    *self.v_mut(fork) = super::Vertex::new(self.v(v).parent, self.v(v).label);
                    fork
                }
                None => {
                    let fork = self.new_vertex(self.v(v).parent, self.v(v).label);
                    if scalar {
                        created.push(fork);
                    }
                    fork
                }
            };
            self.v_mut(fork).set_link(super::vertex::Link::ForkOf, v);
            let mut choices = self.v(v).choices().to_vec();
            let mut default = true;
            for (option, &choice) in options.iter().zip(&combination) {
                let (index, is_default) = option.2[choice];
                choices.push((option.0, option.1, index));
                default &= is_default || !option.3;
            }
            for &(e, occurrence, position) in &mirrors {
                if let Some(option) = option_of[position] {
                    let (index, _) = options[option].2[combination[option]];
                    choices.push((e, occurrence, index));
                }
            }
            if scalar {
                // Scalars unify in any order: start from what the other
                // conjuncts established and meet the chosen alternatives.
                let start = choices.len() - options.len() - mirrors.len();
                self.scalar_fork(v, fork, &choices[start..start + options.len()]);
            } else {
                let conjuncts = self.v(v).conjuncts.clone();
                let fork_vertex = self.v_mut(fork);
                fork_vertex.conjuncts = conjuncts;
                fork_vertex.tracking = Some(Box::new(super::vertex::Tracking {
                    choices,
                    ..Default::default()
                }));
                self.finalize(fork);
            }
            match self.deep_error(fork) {
                Some(error) => {
                    failures.push(error);
                    if scalar {
                        spare = Some(fork);
                    }
                }
                None => match self.v(fork).disjunction().cloned() {
                    Some(nested) => {
                        survivors.extend(nested.forks.iter().map(|&(f, d)| (f, d && default)));
                    }
                    None => survivors.push((fork, default)),
                },
            }
            // Next combination, odometer style.
            for position in (0..combination.len()).rev() {
                combination[position] += 1;
                if combination[position] < options[position].2.len() {
                    continue 'combinations;
                }
                combination[position] = 0;
            }
            break;
        }
        if survivors.is_empty() {
            // Every fork failed: none is referred to.
            self.free_forks.extend(created);
            if failures.len() > 1 {
                let mut spans = Vec::new();
                let messages: Vec<String> = failures
                    .iter()
                    .map(|f| {
                        spans.extend(f.spans.iter().copied());
                        shorten(&self.failure_message(f))
                    })
                    .collect();
                let message = format!(
                    "{} errors in empty disjunction: {}",
                    failures.len(),
                    messages.join("; ")
                );
                let mut error = EvalError::new(ErrorKind::Conflict, message, spans);
                error.vertex = Some(v);
                self.fail(v, error);
                return;
            }
            let mut error = failures.into_iter().next().unwrap_or_else(|| {
                EvalError::new(ErrorKind::Conflict, "empty disjunction", vec![])
            });
            error.vertex = Some(v);
            if !error.message.starts_with("empty disjunction") && error.kind != ErrorKind::Limit {
                error.message = format!("empty disjunction: {}", error.message);
            }
            self.fail(v, error);
            return;
        }
        self.resolve_alternatives(v, survivors);
        // One value left: it was copied into `v`, and no scalar fork is
        // referred to any more. Several: only the failed spare is free.
        if self.v(v).disjunction().is_none() {
            self.free_forks.extend(created);
        } else if let Some(fork) = spare {
            self.free_forks.push(fork);
        }
    }

    /// A fork of a scalar vertex: its kinds, atom and bounds so far, met
    /// with the chosen alternatives.
    fn scalar_fork(&mut self, v: VertexId, fork: VertexId, choices: &[(ExprRef, u32, u32)]) {
        let source = self.v(v);
        let (kinds, kind_span, atom, error) = (
            source.kinds,
            source.kind_span,
            source.atom.clone(),
            source.error,
        );
        let (bounds, validators) = (source.bounds().to_vec(), source.validators().to_vec());
        let f = self.v_mut(fork);
        f.kinds = kinds;
        f.kind_span = kind_span;
        f.atom = atom;
        if !bounds.is_empty() || !validators.is_empty() {
            let rare = f.rare_mut();
            rare.bounds = bounds;
            rare.validators = validators;
        }
        f.error = error;
        f.state = super::State::Evaluating;
        for &(e, _, index) in choices {
            let unit = self.units[e.unit as usize].clone();
            let id = match unit.code.expr(e.id) {
                Expr::Or(disjuncts) => disjuncts[index as usize].expr,
                Expr::Call(_, args) => match literal_elements(&unit.code, args[0]) {
                    Some(elements) => elements[index as usize],
                    None => continue,
                },
                _ => continue,
            };
            let chosen = ExprRef { unit: e.unit, id };
            self.add_conjunct(
                fork,
                super::Conjunct {
                    source: super::Source::Expr(chosen),
                    env: None,
                    close: super::CloseRef(0),
                },
            );
        }
        self.resolve_disjunctions(fork);
        let f = self.v_mut(fork);
        f.state = super::State::Done;
        f.finalized = true;
    }

    /// Whether an expression is a disjunction with default marks.
    fn has_marks(&self, e: ExprRef) -> bool {
        match self.units[e.unit as usize].code.expr(e.id) {
            Expr::Or(disjuncts) => {
                disjuncts.len() > 1
                    && disjuncts.iter().any(|d| {
                        d.default
                            || self.has_marks(ExprRef {
                                unit: e.unit,
                                id: d.expr,
                            })
                    })
            }
            _ => false,
        }
    }

    /// The elements of the list argument of the builtin `name`.
    pub(crate) fn list_elements(
        &mut self,
        name: &str,
        list: ExprRef,
        env: Option<super::EnvId>,
        span: tenon_diagnostics::Span,
    ) -> Result<Vec<VertexId>, EvalError> {
        let list = match self.eval(list, env) {
            super::exprs::Val::Vertex(w) => w,
            super::exprs::Val::Error(error) => return Err(error),
            _ => {
                let message = format!("{name}: argument must be a list");
                return Err(EvalError::new(ErrorKind::Invalid, message, vec![span]));
            }
        };
        self.structure(list);
        let list = self.resolved(list);
        if let Some(error) = self.error_of(list) {
            return Err(error.clone());
        }
        Ok(self.v(list).arcs.iter().map(|a| a.vertex).collect())
    }

    /// Whether two meetings of a disjunction are the same value: the same
    /// expression, whose references reach the same frames from both
    /// environments.
    fn same_disjunction(&self, a: &super::Conjunct, b: &super::Conjunct) -> bool {
        let super::Source::Expr(e) = b.source else {
            return false;
        };
        if a.source != b.source {
            return false;
        }
        if a.env == b.env {
            return true;
        }
        match self.nearest_frame(e, 0) {
            None => true,
            Some(up) => self.env_at(a.env, up) == self.env_at(b.env, up),
        }
    }

    /// The nearest environment frame (counted outwards from the
    /// expression's own) that a reference in `e` reaches, or `None` when it
    /// refers to nothing. Conservatively `Some(0)` for what opens frames
    /// of its own (struct literals, comprehensions) or nests too deep.
    fn nearest_frame(&self, e: ExprRef, depth: u32) -> Option<u32> {
        const MAX_DEPTH: u32 = 32;
        if depth > MAX_DEPTH {
            return Some(0);
        }
        let code = &self.units[e.unit as usize].code;
        let at = |id| ExprRef { unit: e.unit, id };
        let of = |id| self.nearest_frame(at(id), depth + 1);
        let nearest = |ids: &mut dyn Iterator<Item = crate::ir::ExprId>| ids.filter_map(of).min();
        match code.expr(e.id) {
            Expr::Top
            | Expr::Bottom
            | Expr::Null
            | Expr::Bool(_)
            | Expr::Number(_)
            | Expr::String(_)
            | Expr::Bytes(_)
            | Expr::Kind(_)
            | Expr::Builtin(_)
            | Expr::Func(_)
            | Expr::Package(_) => None,
            Expr::Ref(
                crate::ir::Ref::Field { up, .. }
                | crate::ir::Ref::Let { up, .. }
                | crate::ir::Ref::Var { up, .. },
            ) => Some(*up),
            Expr::Bound(_, x) | Expr::Unary(_, x) | Expr::Select(x, _) => of(*x),
            Expr::Binary(_, a, b) | Expr::Index(a, b) => nearest(&mut [*a, *b].into_iter()),
            Expr::Slice(x, low, high) => nearest(&mut std::iter::once(*x).chain(*low).chain(*high)),
            Expr::And(parts) => nearest(&mut parts.iter().copied()),
            Expr::Or(disjuncts) => nearest(&mut disjuncts.iter().map(|d| d.expr)),
            Expr::Call(func, args) => {
                nearest(&mut std::iter::once(*func).chain(args.iter().copied()))
            }
            Expr::Interpolation(parts) => nearest(&mut parts.iter().filter_map(|p| match p {
                crate::ir::Part::Expr(x) => Some(*x),
                crate::ir::Part::Text(_) => None,
            })),
            Expr::List(lit) => {
                let mut ids = Vec::with_capacity(lit.elems.len() + 1);
                for elem in &lit.elems {
                    match elem {
                        crate::ir::Elem::Expr(x) => ids.push(*x),
                        crate::ir::Elem::Comprehension(_) => return Some(0),
                    }
                }
                ids.extend(lit.tail);
                nearest(&mut ids.into_iter())
            }
            Expr::Struct(_) => Some(0),
        }
    }

    /// An expression of literals, types, bounds of literals and `&`/`|`
    /// of those: its value depends on nothing.
    fn is_constant_scalar(&self, e: ExprRef) -> bool {
        let code = &self.units[e.unit as usize].code;
        let at = |id| ExprRef { unit: e.unit, id };
        match code.expr(e.id) {
            Expr::Top
            | Expr::Null
            | Expr::Bool(_)
            | Expr::Number(_)
            | Expr::String(_)
            | Expr::Bytes(_)
            | Expr::Kind(_) => true,
            Expr::Bound(_, operand) => self.is_constant_scalar(at(*operand)),
            Expr::And(parts) => parts.iter().all(|&p| self.is_constant_scalar(at(p))),
            Expr::Or(disjuncts) => disjuncts
                .iter()
                .all(|d| self.is_constant_scalar(at(d.expr))),
            // `or([…])` of a list literal of constants.
            Expr::Call(func, args) => {
                matches!(code.expr(*func), Expr::Builtin(crate::ir::Builtin::Or))
                    && literal_elements(code, args[0]).is_some_and(|elements| {
                        elements.iter().all(|&x| self.is_constant_scalar(at(x)))
                    })
            }
            _ => false,
        }
    }

    /// Makes `v` the disjunction of `forks` (merging equal ones), or the
    /// one fork left.
    pub(crate) fn resolve_alternatives(&mut self, v: VertexId, forks: Vec<(VertexId, bool)>) {
        let mut unique: Vec<(VertexId, bool)> = Vec::new();
        for (fork, default) in forks {
            match unique.iter().position(|&(u, _)| self.equal(u, fork)) {
                Some(i) => unique[i].1 |= default,
                None => unique.push((fork, default)),
            }
        }
        if unique.len() == 1 {
            self.adopt(v, unique[0].0);
            return;
        }
        let mut kinds = crate::value::Kinds::NONE;
        for &(fork, _) in &unique {
            kinds = kinds.join(self.v(fork).kinds);
        }
        let vertex = self.v_mut(v);
        vertex.kinds = kinds;
        vertex.arcs.clear();
        vertex.atom = None;
        let rare = vertex.rare_mut();
        rare.arc_index = None;
        rare.disjunction = Some(Disjunction { forks: unique });
    }

    /// `v` takes the value of `fork`.
    fn adopt(&mut self, v: VertexId, fork: VertexId) {
        let source = self.v(fork).clone();
        let reparent = source.parent == self.v(v).parent && source.label == self.v(v).label;
        if reparent {
            for arc in &source.arcs {
                self.v_mut(arc.vertex).parent = Some(v);
            }
        }
        let vertex = self.v_mut(v);
        vertex.kinds = source.kinds;
        vertex.kind_span = source.kind_span;
        vertex.atom = source.atom;
        // Bounds, validators, patterns, list shape, arc index and
        // disjunction; the definition's own closedness group stays.
        let def_close = vertex.rare.as_ref().map(|r| r.def_close);
        vertex.rare = source.rare;
        if let Some(def_close) = def_close {
            vertex.rare_mut().def_close = def_close;
        } else if let Some(rare) = vertex.rare.as_mut() {
            rare.def_close = super::CloseRef(0);
        }
        vertex.error = source.error;
        vertex.arcs = source.arcs;
        vertex.groups = source.groups;
    }

    /// Structural equality of two evaluated values.
    pub(crate) fn equal(&mut self, a: VertexId, b: VertexId) -> bool {
        super::with_stack(|| self.equal_now(a, b))
    }

    fn equal_now(&mut self, a: VertexId, b: VertexId) -> bool {
        if a == b {
            return true;
        }
        self.finalize(a);
        self.finalize(b);
        let (a, b) = (self.resolved(a), self.resolved(b));
        if a == b {
            return true;
        }
        let (x, y) = (self.v(a), self.v(b));
        if x.kinds != y.kinds || x.disjunction().is_some() || y.disjunction().is_some() {
            return false;
        }
        match (&x.atom, &y.atom) {
            (Some((p, _)), Some((q, _))) => return p.same(q),
            (None, None) => {}
            _ => return false,
        }
        let bounds_x: Vec<String> = x.bounds().iter().map(|b| b.0.to_string()).collect();
        let bounds_y: Vec<String> = y.bounds().iter().map(|b| b.0.to_string()).collect();
        let validators = |v: &super::Vertex| -> Vec<ExprRef> {
            v.validators().iter().map(|(x, _)| x.call).collect()
        };
        if bounds_x != bounds_y
            || validators(x) != validators(y)
            || x.arcs.len() != y.arcs.len()
            || x.list_len() != y.list_len()
        {
            return false;
        }
        let pairs: Vec<_> = x
            .arcs
            .iter()
            .map(|arc| (arc.label, arc.optional, arc.vertex))
            .collect();
        for (label, optional, child) in pairs {
            let Some(other) = self.v(b).arc(label).copied() else {
                return false;
            };
            if other.optional != optional || !self.equal(child, other.vertex) {
                return false;
            }
        }
        true
    }
}

/// A message of one alternative, kept short in the list of an empty
/// disjunction's failures.
fn shorten(message: &str) -> String {
    const MAX: usize = 160;
    match message.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &message[..cut]),
        None => message.to_string(),
    }
}

impl Evaluator {
    /// How one alternative's failure reads in the summary of an empty
    /// disjunction: a field not allowed is named (`field c not allowed`),
    /// since the summary has no path of its own for it.
    fn failure_message(&self, error: &EvalError) -> String {
        match (error.kind, error.vertex) {
            (ErrorKind::NotAllowed, Some(field)) => format!(
                "field {} not allowed",
                crate::label::path_segment(&self.labels.text(self.v(field).label))
            ),
            _ => error.message.clone(),
        }
    }
}

/// `or([])`: no alternative at all.
pub(crate) fn empty_disjunction(span: tenon_diagnostics::Span) -> EvalError {
    EvalError::new(ErrorKind::Explicit, "empty disjunction", vec![span])
}

/// The elements of a closed list literal without comprehensions.
fn literal_elements(
    code: &crate::ir::Code,
    list: crate::ir::ExprId,
) -> Option<Vec<crate::ir::ExprId>> {
    let Expr::List(lit) = code.expr(list) else {
        return None;
    };
    if lit.tail.is_some() {
        return None;
    }
    lit.elems
        .iter()
        .map(|elem| match elem {
            crate::ir::Elem::Expr(x) => Some(*x),
            crate::ir::Elem::Comprehension(_) => None,
        })
        .collect()
}
