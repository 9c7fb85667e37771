//! Grammar actions for string and bytes literals: finding the raw text
//! between the delimiters and decoding it.

use super::ParseCtx;
use crate::ast::*;
use crate::literal::{decode_part, decode_parts, LiteralError, RawPart};

impl ParseCtx<'_> {
    pub(super) fn literal_errors(&mut self, errors: Vec<LiteralError>) {
        for (lo, hi, message) in errors {
            let span = self.span(lo, hi);
            self.error("invalid-string", span, message);
        }
    }

    /// Offsets of a literal's body: after the opening and before the
    /// closing delimiters.
    pub(super) fn delimiters(kind: StringKind) -> usize {
        kind.hashes as usize + if kind.multiline { 3 } else { 1 }
    }

    pub(crate) fn string(&mut self, kind: StringKind, lo: usize, hi: usize) -> StringLit {
        let delim = Self::delimiters(kind);
        let body_start = (lo + delim).min(hi);
        let body_end = self.closing_start(kind, body_start, hi);
        // Most literals are single-line strings without escapes: their
        // value is their text.
        let body = &self.src[body_start..body_end];
        if !kind.multiline && !kind.bytes && !body.contains('\\') {
            return StringLit {
                kind,
                value: StrValue::Text(name(body)),
                span: self.span(lo, hi),
            };
        }
        let mut errors = Vec::new();
        let value = decode_parts(
            kind,
            &[RawPart {
                text: &self.src[body_start..body_end],
                offset: body_start,
            }],
            &mut errors,
        )
        .pop()
        .unwrap_or(StrValue::Text(Default::default()));
        self.literal_errors(errors);
        StringLit {
            kind,
            value,
            span: self.span(lo, hi),
        }
    }

    /// Where the closing delimiter of a literal ending at `hi` starts (or
    /// `hi` itself for an unterminated literal).
    pub(super) fn closing_start(&self, kind: StringKind, body_start: usize, hi: usize) -> usize {
        let delim = Self::delimiters(kind);
        let hashes = kind.hashes as usize;
        let quote = if kind.bytes { b'\'' } else { b'"' };
        let text = self.src.as_bytes().get(body_start..hi).unwrap_or(&[]);
        let closed = text.len() >= delim
            && text[text.len() - delim..]
                .iter()
                .enumerate()
                .all(|(i, &b)| b == if i < delim - hashes { quote } else { b'#' });
        if closed {
            hi - delim
        } else {
            hi
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn interpolation(
        &mut self,
        kind: StringKind,
        lo: usize,
        first_end: usize,
        mids: Vec<(Expr, usize, usize)>,
        last: Expr,
        end_lo: usize,
        hi: usize,
    ) -> Expr {
        let delim = Self::delimiters(kind);
        let hashes = kind.hashes as usize;
        // Raw texts: after the opening quotes up to `\(`; between `)` and
        // `\(`; after the last `)` up to the closing quotes.
        let open_len = 2 + hashes; // `\(` with hashes
        let first = (lo + delim, first_end - open_len);
        let mid = |mlo: usize, mhi: usize| (mlo + 1, mhi.saturating_sub(open_len).max(mlo + 1));
        // The end token is `)` plus text, or zero-width where the lexer
        // closed an interpolation left open at the end of a line.
        let body = (end_lo + 1).min(hi);
        let end_body = self.closing_start(kind, body, hi);
        let end = (body, end_body.max(body));
        let src = self.src;
        let raw_part = |(a, b): (usize, usize)| RawPart {
            text: src.get(a..b.max(a)).unwrap_or(""),
            offset: a,
        };
        let mut errors = Vec::new();
        // Multi-line parts are decoded together (the indentation is the
        // last part's); the others one by one, as they are placed.
        let mut multiline = if kind.multiline {
            let mut parts = Vec::with_capacity(mids.len() + 2);
            parts.push(raw_part(first));
            parts.extend(mids.iter().map(|&(_, mlo, mhi)| raw_part(mid(mlo, mhi))));
            parts.push(raw_part(end));
            decode_parts(kind, &parts, &mut errors).into_iter()
        } else {
            Vec::new().into_iter()
        };
        let mut value = |range: (usize, usize), errors: &mut Vec<LiteralError>| {
            if kind.multiline {
                multiline.next()
            } else {
                Some(decode_part(kind, &raw_part(range), errors))
            }
        };
        // Each text part's span covers its delimiters.
        let mut out = Vec::with_capacity(mids.len() * 2 + 3);
        let text =
            |out: &mut Vec<InterpolationPart>, value: Option<StrValue>, a: usize, b: usize| {
                if let Some(value) = value {
                    out.push(InterpolationPart::Text {
                        value,
                        span: Span::new(self.file, a, b.max(a)),
                    });
                }
            };
        text(&mut out, value(first, &mut errors), lo, first_end);
        for (e, mlo, mhi) in mids {
            out.push(InterpolationPart::Expr(e));
            text(&mut out, value(mid(mlo, mhi), &mut errors), mlo, mhi);
        }
        out.push(InterpolationPart::Expr(last));
        text(&mut out, value(end, &mut errors), end_lo, hi);
        self.literal_errors(errors);
        Expr::Interpolation(Interpolation {
            kind,
            parts: out,
            span: self.span(lo, hi),
        })
    }
}
