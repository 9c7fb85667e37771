//! Binary expressions, built one operator at a time as the parser reads
//! them: each operator goes into the tree built so far at the place its
//! precedence gives it, so a chain needs no list of operands and
//! operators, and costs one node per operator.

use super::ParseCtx;
use crate::ast::*;

impl ParseCtx<'_> {
    /// `lhs op rhs`, where `lhs` is the tree of the operators read so far
    /// in this expression (or a single operand). All binary operators are
    /// left-associative: the new operator takes as its left operand the
    /// rightmost subtree whose operator binds at least as tightly.
    pub(crate) fn binary(
        &mut self,
        mut lhs: Expr,
        op: BinaryOp,
        olo: usize,
        ohi: usize,
        rhs: Expr,
    ) -> Expr {
        let op_span = self.span(olo, ohi);
        insert(&mut lhs, op, op_span, rhs);
        lhs
    }
}

/// Replaces the subtree at `slot`, or one on its right edge, by `subtree
/// op rhs`. Operands are never `Expr::Binary` (parenthesized expressions
/// are `Expr::Paren`), so the right edge followed here is this chain's
/// own; its length is bounded by the number of precedence levels.
fn insert(slot: &mut Expr, op: BinaryOp, op_span: Span, rhs: Expr) {
    if let Expr::Binary(b) = slot {
        if b.op.precedence() < op.precedence() {
            b.span = b.span.to(rhs.span());
            return insert(&mut b.rhs, op, op_span, rhs);
        }
    }
    let lhs = std::mem::replace(slot, Expr::Error(op_span));
    let span = lhs.span().to(rhs.span());
    *slot = Expr::Binary(Box::new(Binary {
        op,
        lhs,
        rhs,
        op_span,
        span,
    }));
}
