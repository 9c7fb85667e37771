//! The node graph of a YAML stream, read from `saphyr-parser`'s events.
//!
//! Nodes live in one vector and refer to each other by index; an alias
//! is a node of its own that names the anchored node, so the graph stays
//! as small as the text however the aliases fan out (`yaml_tree.rs`
//! expands them, under a limit). An alias may only name a node that is
//! complete: one naming a node it is inside of (`&a [*a]`) is a
//! `recursive-alias` error, so aliases always point back to earlier,
//! finished nodes and the graph has no cycles.
//!
//! Reading is iterative (a stack of open collections), stops at the
//! first syntax error (`invalid-yaml`) or when collections nest deeper
//! than [`MAX_NESTING`] allows (`too-deep`); what was read up to there is
//! kept. Positions: saphyr's markers count characters, which
//! [`CharOffsets`] turns into byte offsets.

use super::build::{Nodes, CONTAINER_LEVELS};
use crate::lexer::MAX_NESTING;
use saphyr_parser::{Event, Parser, ScalarStyle, Span as YamlSpan};
use std::collections::HashMap;
use tenon_diagnostics::{Diagnostic, Span};

pub(super) type NodeId = usize;

#[derive(Debug)]
pub(super) enum NodeKind {
    Scalar {
        value: String,
        style: ScalarStyle,
        /// The tag, with the core schema's prefix written `!!` (`!!int`,
        /// `!local`, `!` for the non-specific tag).
        tag: Option<String>,
        /// Where the tag is written (the value's span when untagged).
        tag_span: Span,
    },
    Sequence(Vec<NodeId>),
    /// Keys and values in order.
    Mapping(Vec<(NodeId, NodeId)>),
    Alias(NodeId),
    /// Where reading failed (already reported).
    Error,
}

#[derive(Debug)]
pub(super) struct Node {
    pub kind: NodeKind,
    /// The node's own text: without its anchor and tag, and for a block
    /// collection from its first to its last entry.
    pub span: Span,
}

#[derive(Debug, Default)]
pub(super) struct Graph {
    pub nodes: Vec<Node>,
    /// The root node of each document, in order.
    pub documents: Vec<NodeId>,
}

/// Byte offsets of saphyr's character indices. Markers arrive almost in
/// order, so a cursor walks from the last one: linear in the text, with
/// no table.
#[derive(Debug)]
pub(super) struct CharOffsets<'s> {
    src: &'s str,
    ascii: bool,
    /// The last conversion: a character index and its byte offset.
    chars: usize,
    bytes: usize,
}

impl<'s> CharOffsets<'s> {
    pub fn new(src: &'s str) -> CharOffsets<'s> {
        CharOffsets {
            src,
            ascii: src.is_ascii(),
            chars: 0,
            bytes: 0,
        }
    }

    pub fn byte(&mut self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.src.len());
        }
        if char_index < self.chars / 2 {
            // Far back: start over.
            self.chars = 0;
            self.bytes = 0;
        }
        while self.chars > char_index {
            let c = self.src[..self.bytes].chars().next_back().unwrap_or('\0');
            self.bytes -= c.len_utf8();
            self.chars -= 1;
        }
        while self.chars < char_index {
            let Some(c) = self.src[self.bytes..].chars().next() else {
                break;
            };
            self.bytes += c.len_utf8();
            self.chars += 1;
        }
        self.bytes
    }
}

/// An open collection.
struct Frame {
    node: NodeId,
    children: Vec<NodeId>,
    anchor: usize,
    flow: bool,
}

struct Reader<'s> {
    src: &'s str,
    offsets: CharOffsets<'s>,
    nodes: Nodes,
    graph: Graph,
    stack: Vec<Frame>,
    /// saphyr's anchor ids: the node and whether it is complete.
    anchors: HashMap<usize, (NodeId, bool)>,
    diagnostics: &'s mut Vec<Diagnostic>,
}

/// Reads the YAML stream `src` into a graph, reporting syntax errors.
pub(super) fn read(src: &str, nodes: Nodes, diagnostics: &mut Vec<Diagnostic>) -> Graph {
    let mut reader = Reader {
        src,
        offsets: CharOffsets::new(src),
        nodes,
        graph: Graph::default(),
        stack: Vec::new(),
        anchors: HashMap::new(),
        diagnostics,
    };
    for event in Parser::new_from_str(src) {
        match event {
            Ok((event, span)) => {
                if !reader.event(event, span) {
                    break;
                }
            }
            Err(error) => {
                let at = reader.offsets.byte(error.marker().index());
                let span = reader.nodes.span(at, at);
                // saphyr counts the depth of flow collections in a byte.
                let diagnostic = if error.info() == "recursion limit exceeded" {
                    Diagnostic::error(
                        "too-deep",
                        span,
                        "input nested too deeply (YAML flow collections nest at most 255 deep)",
                    )
                } else {
                    Diagnostic::error("invalid-yaml", span, error.info().to_string())
                };
                reader.diagnostics.push(diagnostic);
                break;
            }
        }
    }
    // Close what an error left open.
    while !reader.stack.is_empty() {
        reader.close(None);
    }
    reader.graph
}

impl Reader<'_> {
    /// Handles one event; false when reading must stop.
    fn event(&mut self, event: Event<'_>, span: YamlSpan) -> bool {
        let start = self.offsets.byte(span.start.index());
        let end = self.offsets.byte(span.end.index());
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let has_props = anchor > 0 || tag.is_some();
                let (span, tag_span) = self.value_span(start, end, has_props, true);
                let tag = tag.map(|t| short_tag(&format!("{}{}", t.handle, t.suffix)));
                let id = self.add(
                    NodeKind::Scalar {
                        value: value.into_owned(),
                        style,
                        tag,
                        tag_span: tag_span.unwrap_or(span),
                    },
                    span,
                );
                self.anchor(anchor, id, true);
                self.attach(id);
            }
            Event::Alias(anchor) => {
                let span = self.nodes.span(start, end);
                let kind = match self.anchors.get(&anchor) {
                    Some(&(target, true)) => NodeKind::Alias(target),
                    Some(&(_, false)) => {
                        let name = self.src[start..end].trim_start_matches('*');
                        self.diagnostics.push(Diagnostic::error(
                            "recursive-alias",
                            span,
                            format!("alias `*{name}` is inside the value anchored `&{name}`: a value cannot contain itself"),
                        ));
                        NodeKind::Error
                    }
                    // saphyr reports unknown anchors itself.
                    None => NodeKind::Error,
                };
                let id = self.add(kind, span);
                self.attach(id);
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if (self.stack.len() + 1) * CONTAINER_LEVELS > MAX_NESTING {
                    self.diagnostics.push(Diagnostic::error(
                        "too-deep",
                        self.nodes.span(start, start),
                        format!("input nested too deeply (the limit is {MAX_NESTING} levels)"),
                    ));
                    return false;
                }
                let has_props = anchor > 0 || tag.is_some();
                let (span, _) = self.value_span(start, end, has_props, false);
                let flow = matches!(
                    self.src.as_bytes().get(span.start as usize),
                    Some(b'[' | b'{')
                );
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    NodeKind::Sequence(Vec::new())
                } else {
                    NodeKind::Mapping(Vec::new())
                };
                let id = self.add(kind, span);
                self.anchor(anchor, id, false);
                self.stack.push(Frame {
                    node: id,
                    children: Vec::new(),
                    anchor,
                    flow,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(Some(end)),
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => {}
        }
        true
    }

    fn add(&mut self, kind: NodeKind, span: Span) -> NodeId {
        self.graph.nodes.push(Node { kind, span });
        self.graph.nodes.len() - 1
    }

    fn anchor(&mut self, anchor: usize, id: NodeId, complete: bool) {
        if anchor > 0 {
            self.anchors.insert(anchor, (id, complete));
        }
    }

    /// Adds a finished node to the open collection, or as a document.
    fn attach(&mut self, id: NodeId) {
        match self.stack.last_mut() {
            Some(frame) => frame.children.push(id),
            None => self.graph.documents.push(id),
        }
    }

    /// Finishes the innermost open collection; `end` is where its end
    /// event ends (`None` when an error cut it short).
    fn close(&mut self, end: Option<usize>) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let span = self.graph.nodes[frame.node].span;
        let mut last = span.end as usize;
        if let Some(&child) = frame.children.last() {
            last = last.max(self.graph.nodes[child].span.end as usize);
        }
        if let (true, Some(end)) = (frame.flow, end) {
            last = last.max(end);
        }
        let kind = match self.graph.nodes[frame.node].kind {
            NodeKind::Sequence(_) => NodeKind::Sequence(frame.children),
            _ => {
                let mut pairs = Vec::with_capacity(frame.children.len() / 2);
                let mut children = frame.children.into_iter();
                while let Some(key) = children.next() {
                    let value = match children.next() {
                        Some(value) => value,
                        // An error cut the entry short.
                        None => {
                            let at = self.graph.nodes[key].span;
                            self.add(NodeKind::Error, at)
                        }
                    };
                    pairs.push((key, value));
                }
                NodeKind::Mapping(pairs)
            }
        };
        let node = &mut self.graph.nodes[frame.node];
        node.kind = kind;
        node.span = self.nodes.span(span.start as usize, last);
        self.anchor(frame.anchor, frame.node, true);
        self.attach(frame.node);
    }

    /// The span of a node's own text (past its anchor and tag, without
    /// trailing white space: block scalars end after their last line),
    /// and the span of its tag.
    fn value_span(
        &self,
        start: usize,
        end: usize,
        has_props: bool,
        scalar: bool,
    ) -> (Span, Option<Span>) {
        let bytes = self.src.as_bytes();
        let mut start = start;
        let mut tag = None;
        if has_props {
            let (content, tag_at) = skip_properties(self.src, start);
            start = content;
            tag = tag_at.map(|(a, b)| self.nodes.span(a, b));
        }
        let mut end = end.max(start);
        if scalar {
            while end > start && matches!(bytes.get(end - 1), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                end -= 1;
            }
            // A node with properties and no content (`&a` alone).
            if start > end {
                start = end;
            }
        }
        (self.nodes.span(start.min(end), end), tag)
    }
}

/// Skips anchors (`&a`), tags (`!t`, `!<…>`), white space and comments
/// from `at`; returns where the node's content starts, and where its tag
/// is.
fn skip_properties(src: &str, mut at: usize) -> (usize, Option<(usize, usize)>) {
    let bytes = src.as_bytes();
    let mut tag = None;
    loop {
        let start = at;
        match bytes.get(at) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => at += 1,
            Some(b'#') => {
                while !matches!(bytes.get(at), None | Some(b'\n')) {
                    at += 1;
                }
            }
            Some(b'!') if bytes.get(at + 1) == Some(&b'<') => {
                while !matches!(bytes.get(at), None | Some(b'>')) {
                    at += 1;
                }
                at = (at + 1).min(bytes.len());
                tag = Some((start, at));
            }
            Some(&b @ (b'&' | b'!')) => {
                at += 1;
                while let Some(&b) = bytes.get(at) {
                    if matches!(
                        b,
                        b' ' | b'\t' | b'\n' | b'\r' | b',' | b'[' | b']' | b'{' | b'}'
                    ) {
                        break;
                    }
                    at += 1;
                }
                if b == b'!' {
                    tag = Some((start, at));
                }
            }
            _ => break,
        }
    }
    // Stay on character boundaries whatever the input.
    let boundary = |mut i: usize| {
        while !src.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    (boundary(at), tag.map(|(a, b)| (boundary(a), boundary(b))))
}

/// `tag:yaml.org,2002:int` as `!!int`; other tags as they are.
fn short_tag(full: &str) -> String {
    match full.strip_prefix("tag:yaml.org,2002:") {
        Some(name) => format!("!!{name}"),
        None => full.to_string(),
    }
}
