use crate::{Diagnostic, FileId, Severity, SourceMap};
use ariadne::{Cache, Config, IndexType, Label, Report, ReportKind, Source};
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// How to render reports.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// ANSI colours; use only when writing to a terminal.
    pub color: bool,
}

/// Renders one diagnostic as an ariadne report with the source lines it
/// points into.
pub fn render(diagnostic: &Diagnostic, sources: &SourceMap, options: RenderOptions) -> String {
    let mut cache = RenderCache {
        sources,
        loaded: HashMap::new(),
    };
    render_one(diagnostic, &mut cache, options)
}

/// Renders several diagnostics, one report after the other.
pub fn render_all(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    options: RenderOptions,
) -> String {
    let mut cache = RenderCache {
        sources,
        loaded: HashMap::new(),
    };
    diagnostics
        .iter()
        .map(|d| render_one(d, &mut cache, options))
        .collect()
}

fn render_one(
    diagnostic: &Diagnostic,
    cache: &mut RenderCache<'_>,
    options: RenderOptions,
) -> String {
    let kind = match diagnostic.severity {
        Severity::Error => ReportKind::Error,
        Severity::Warning => ReportKind::Warning,
        Severity::Note => ReportKind::Advice,
    };
    let sources = cache.sources;
    let span = |s: crate::Span| (s.file, char_range(sources, s));
    let message = match &diagnostic.path {
        Some(path) => format!("{path}: {}", diagnostic.message),
        None => diagnostic.message.clone(),
    };
    let mut report = Report::build(kind, span(diagnostic.primary.span))
        .with_config(
            Config::default()
                .with_index_type(IndexType::Byte)
                .with_color(options.color),
        )
        .with_code(diagnostic.code)
        .with_message(message);
    // ariadne draws only labels with text.
    let primary_text = match diagnostic.primary.message.as_str() {
        "" => "here",
        text => text,
    };
    report.add_label(
        Label::new(span(diagnostic.primary.span))
            .with_message(primary_text)
            .with_order(0),
    );
    for (i, label) in diagnostic.secondary.iter().enumerate() {
        report.add_label(
            Label::new(span(label.span))
                .with_message(&label.message)
                .with_order(i as i32 + 1),
        );
    }
    for note in &diagnostic.notes {
        report.add_note(note);
    }
    let mut out = Vec::new();
    match report.finish().write(&mut *cache, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        // A span outside its file: fall back to the one-line form.
        Err(_) => format!("{}\n", diagnostic.summary(sources)),
    }
}

/// A span's byte range, clamped to its file and widened to character
/// boundaries (ariadne slices the text with it).
fn char_range(sources: &SourceMap, span: crate::Span) -> std::ops::Range<usize> {
    let Some(file) = sources.get(span.file) else {
        return span.range();
    };
    let text = file.text();
    let mut start = (span.start as usize).min(text.len());
    let mut end = (span.end as usize).clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

struct RenderCache<'a> {
    sources: &'a SourceMap,
    loaded: HashMap<FileId, Source<Arc<str>>>,
}

impl Cache<FileId> for RenderCache<'_> {
    type Storage = Arc<str>;

    fn fetch(&mut self, id: &FileId) -> Result<&Source<Arc<str>>, impl fmt::Debug> {
        let sources = self.sources;
        match sources.get(*id) {
            Some(file) => Ok(&*self
                .loaded
                .entry(*id)
                .or_insert_with(|| Source::from(file.text().clone()))),
            None => Err(format!("unknown file {id:?}")),
        }
    }

    fn display<'a>(&self, id: &'a FileId) -> Option<impl fmt::Display + 'a> {
        Some(
            self.sources
                .get(*id)
                .map_or_else(|| format!("{id:?}"), |f| f.name().to_string()),
        )
    }
}
