//! Checks the code blocks of `spec.md`.
//!
//! Every fenced block carries exactly one tag:
//!
//! - `cue` must parse without diagnostics;
//! - `cue error` must produce syntax diagnostics, and the block right
//!   after it (only blank lines between), tagged `diagnostics`, holds
//!   their one-line summaries (the input is named `input.cue`);
//! - `cue export` must parse, compile and export, and the block right
//!   after it, tagged `json`, holds the exact output of `tenon export`
//!   (4-space indentation);
//! - `cue export error` must parse but fail to export (compile or
//!   evaluation errors), and the block right after it, tagged
//!   `diagnostics`, holds the one-line summaries of those errors;
//! - `ebnf` blocks hold productions, and every name used in one is
//!   defined, once, in some `ebnf` block;
//! - `definition` is a definition in KubeVela's format that must load;
//!   it joins the catalog of the `app render` blocks after it;
//! - `app render` is a `.app` file that must render with the built-in
//!   catalog (and the `definition` blocks before it), and the block right
//!   after it, tagged `yaml`, holds the exact output of `tenon render`;
//! - `app render error` must fail to render, and the block right after
//!   it, tagged `diagnostics`, holds the one-line summaries;
//! - `text` is not checked.
//!
//! `TENON_UPDATE=1` rewrites the `diagnostics` and `json` blocks from
//! actual output, adding those that are missing.

mod support;

use std::ops::Range;
use support::{root, updating};
use tenon_diagnostics::{Diagnostic, SourceMap};
use tenon_eval::export::JsonWriter;
use tenon_eval::Module;

/// A fenced block: the line of its opening fence (1-based), its tag, and
/// its body's lines as indices into the file's lines.
struct Block {
    line: usize,
    tag: String,
    body: Range<usize>,
}

fn blocks(lines: &[&str]) -> Result<Vec<Block>, String> {
    let mut found = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, line) in lines.iter().enumerate() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        match open.take() {
            None => open = Some((i, info.trim().to_string())),
            Some((start, tag)) if info.trim().is_empty() => found.push(Block {
                line: start + 1,
                tag,
                body: start + 1..i,
            }),
            Some((start, _)) => {
                return Err(format!(
                    "spec.md:{}: block opened at line {} is not closed before another opens",
                    i + 1,
                    start + 1
                ))
            }
        }
    }
    match open {
        Some((start, _)) => Err(format!("spec.md:{}: unclosed block", start + 1)),
        None => Ok(found),
    }
}

/// Runs `f`, turning a panic into an error naming `what` panicked.
fn catching<T>(what: &str, f: impl FnOnce() -> T + std::panic::UnwindSafe) -> Result<T, String> {
    std::panic::catch_unwind(f).map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied());
        format!("{what} panicked: {}", message.unwrap_or("(no message)"))
    })
}

fn summaries(diagnostics: &[Diagnostic], sources: &SourceMap) -> Vec<String> {
    diagnostics.iter().map(|d| d.summary(sources)).collect()
}

/// The one-line summaries of the syntax diagnostics of `source` named
/// `input.cue`, or the message of the parser's panic.
fn diagnostics(source: &str) -> Result<Vec<String>, String> {
    catching("the parser", || {
        let mut sources = SourceMap::new();
        let id = sources.add("input.cue", source.to_string());
        summaries(&tenon_syntax::parse_file(id, source).diagnostics, &sources)
    })
}

/// What exporting a source gives: the JSON text, or the one-line
/// summaries of the compile or evaluation errors.
type Exported = Result<String, Vec<String>>;

/// Exports `source` named `input.cue` as `tenon export` does. An outer
/// error for syntax diagnostics (those belong in `cue error` blocks) or a
/// panic.
fn export(source: &str) -> Result<Exported, String> {
    catching("the evaluator", || {
        let mut sources = SourceMap::new();
        let id = sources.add("input.cue", source.to_string());
        let parsed = tenon_syntax::parse_file(id, source);
        if !parsed.diagnostics.is_empty() {
            let found = summaries(&parsed.diagnostics, &sources);
            return Err(format!(
                "syntax diagnostics (a `cue error` block checks those):\n  {}",
                found.join("\n  ")
            ));
        }
        let (module, errors) = Module::compile(&[&parsed.file], tenon_stdlib::BUILTINS);
        if !errors.is_empty() {
            return Ok(Err(summaries(&errors, &sources)));
        }
        let mut writer = JsonWriter::export();
        Ok(match module.evaluate().export(&mut writer) {
            Ok(()) => Ok(writer.finish()),
            Err(errors) => Err(summaries(&errors, &sources)),
        })
    })?
}

/// Renders `source` (named `input.app`) as `tenon render` does, with the
/// built-in catalog and `definitions`: the YAML stream, or the errors.
fn render_app(source: &str, definitions: &[String]) -> Result<Exported, String> {
    let source = source.to_string();
    let definitions = definitions.to_vec();
    catching("the renderer", move || {
        let mut sources = SourceMap::new();
        let (mut catalog, mut errors) = tenon_render::Catalog::builtin(&mut sources);
        for (i, text) in definitions.iter().enumerate() {
            if let Err(more) = catalog.add(&format!("definition-{i}.cue"), text, &mut sources) {
                errors.extend(more);
            }
        }
        if !errors.is_empty() {
            return Err(summaries(&errors, &sources).join("\n"));
        }
        let schema = tenon_render::AppSchema::new(&mut sources);
        let id = sources.add("input.app", source.clone());
        let apps = match tenon_render::input::read_source(&schema, id, &source) {
            Ok(apps) => apps,
            Err(errors) => return Ok(Err(summaries(&errors, &sources))),
        };
        let mut rendered = Vec::new();
        for app in apps {
            match tenon_render::render(&catalog, &app) {
                Ok(targets) => rendered.push((app, targets)),
                Err(more) => errors.extend(more),
            }
        }
        Ok(if errors.is_empty() {
            Ok(tenon_render::output::yaml_stream(&rendered))
        } else {
            Err(summaries(&errors, &sources))
        })
    })?
}

/// Loads a definition alone: its errors, if any.
fn load_definition(source: &str) -> Result<Vec<String>, String> {
    let source = source.to_string();
    catching("the definition loader", move || {
        let mut sources = SourceMap::new();
        let mut catalog = tenon_render::Catalog::empty(&mut sources);
        match catalog.add("definition.cue", &source, &mut sources) {
            Ok(_) => Vec::new(),
            Err(errors) => summaries(&errors, &sources),
        }
    })
}

/// The names an EBNF block defines and uses; an error for text that is
/// not a sequence of `Name = Expression .` productions.
fn ebnf(text: &str) -> Result<(Vec<String>, Vec<String>), String> {
    let (mut defined, mut used) = (Vec::new(), Vec::new());
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_whitespace() {
            c.len_utf8()
        } else if rest.starts_with("/*") {
            rest.find("*/").ok_or("unclosed comment")? + 2
        } else if c == '"' || c == '`' {
            1 + rest[1..].find(c).ok_or("unclosed quote")? + 1
        } else if c.is_ascii_alphabetic() || c == '_' {
            let n = rest.find(|c: char| !c.is_ascii_alphanumeric() && c != '_');
            let n = n.unwrap_or(rest.len());
            tokens.push(&rest[..n]);
            n
        } else if "=|()[]{}.…".contains(c) {
            tokens.push(&rest[..c.len_utf8()]);
            c.len_utf8()
        } else {
            return Err(format!("unexpected character {c:?}"));
        };
        rest = &rest[len..];
    }
    let mut i = 0;
    while i < tokens.len() {
        let name = tokens[i];
        if tokens.get(i + 1) != Some(&"=") || !name.starts_with(|c: char| c.is_alphabetic()) {
            return Err(format!("expected `Name =`, found `{name}`"));
        }
        defined.push(name.to_string());
        i += 2;
        loop {
            match tokens.get(i) {
                None => return Err(format!("production `{name}` does not end with `.`")),
                Some(&".") => break,
                Some(t) if t.starts_with(|c: char| c.is_alphabetic() || c == '_') => {
                    used.push(t.to_string())
                }
                Some(_) => {}
            }
            i += 1;
        }
        i += 1;
    }
    Ok((defined, used))
}

/// The state of one pass over `spec.md`.
struct Checker<'a> {
    lines: &'a [&'a str],
    blocks: &'a [Block],
    failures: Vec<String>,
    /// Line ranges of spec.md to replace when updating, in order.
    rewrites: Vec<(Range<usize>, Vec<String>)>,
    /// Names the `ebnf` blocks define, and the names they use (with the
    /// line of the block).
    defined: Vec<String>,
    used: Vec<(usize, String)>,
    /// The sources of the `definition` blocks seen so far.
    definitions: Vec<String>,
}

impl<'a> Checker<'a> {
    /// The blocks, borrowed for as long as the file is (not from `self`).
    fn blocks(&self) -> &'a [Block] {
        self.blocks
    }

    fn fail(&mut self, line: usize, message: impl Into<String>) {
        self.failures
            .push(format!("spec.md:{line}: {}", message.into()));
    }

    fn body(&self, block: &Block) -> String {
        self.lines[block.body.clone()].join("\n") + "\n"
    }

    /// Whether only blank lines separate block `a` from the block after
    /// it, `b`.
    fn adjacent(&self, a: &Block, b: &Block) -> bool {
        self.lines[a.body.end + 1..b.line - 1]
            .iter()
            .all(|l| l.trim().is_empty())
    }

    fn check(&mut self, i: usize) {
        let block = &self.blocks()[i];
        let body = self.body(block);
        match block.tag.as_str() {
            "cue" => self.check_parses(block, &body),
            "cue error" => self.check_syntax_error(i, &body),
            "cue export" => self.check_export(i, &body, true),
            "cue export error" => self.check_export(i, &body, false),
            "diagnostics" => {
                self.check_follows(i, &["cue error", "cue export error", "app render error"])
            }
            "json" => self.check_follows(i, &["cue export"]),
            "ebnf" => self.check_ebnf(block, &body),
            "definition" => match load_definition(&body) {
                Ok(errors) if errors.is_empty() => self.definitions.push(body),
                Ok(errors) => self.fail(
                    block.line,
                    format!("definition fails to load:\n  {}", errors.join("\n  ")),
                ),
                Err(e) => self.fail(block.line, e),
            },
            "app render" => self.check_render(i, &body, true),
            "app render error" => self.check_render(i, &body, false),
            "yaml" => self.check_follows(i, &["app render"]),
            "text" => {}
            "" => self.fail(block.line, "untagged block"),
            other => self.fail(block.line, format!("unknown tag `{other}`")),
        }
    }

    /// `cue`: parses without diagnostics.
    fn check_parses(&mut self, block: &Block, body: &str) {
        match diagnostics(body) {
            Ok(found) if found.is_empty() => {}
            Ok(found) => self.fail(
                block.line,
                format!("`cue` block has diagnostics:\n  {}", found.join("\n  ")),
            ),
            Err(e) => self.fail(block.line, e),
        }
    }

    /// `cue error`: syntax diagnostics, listed in the next block.
    fn check_syntax_error(&mut self, i: usize, body: &str) {
        let line = self.blocks[i].line;
        match diagnostics(body) {
            Ok(found) if found.is_empty() => {
                self.fail(line, "`cue error` block parses without diagnostics")
            }
            Ok(found) => self.expect_next(i, "diagnostics", found),
            Err(e) => self.fail(line, e),
        }
    }

    /// `cue export` (`succeeds`) and `cue export error`: the JSON, or the
    /// errors, in the next block.
    fn check_export(&mut self, i: usize, body: &str, succeeds: bool) {
        let line = self.blocks[i].line;
        let tag = &self.blocks()[i].tag;
        match (export(body), succeeds) {
            (Err(e), _) => self.fail(line, format!("`{tag}` block: {e}")),
            (Ok(Ok(json)), true) => {
                let found = json.lines().map(str::to_string).collect();
                self.expect_next(i, "json", found);
            }
            (Ok(Err(errors)), false) => self.expect_next(i, "diagnostics", errors),
            (Ok(Ok(json)), false) => self.fail(
                line,
                format!("`cue export error` block exports without error:\n{json}"),
            ),
            (Ok(Err(errors)), true) => self.fail(
                line,
                format!("`cue export` block fails:\n  {}", errors.join("\n  ")),
            ),
        }
    }

    /// `app render` (`succeeds`) and `app render error`: the YAML stream,
    /// or the errors, in the next block.
    fn check_render(&mut self, i: usize, body: &str, succeeds: bool) {
        let line = self.blocks[i].line;
        match (render_app(body, &self.definitions), succeeds) {
            (Err(e), _) => self.fail(line, e),
            (Ok(Ok(yaml)), true) => {
                let found = yaml.lines().map(str::to_string).collect();
                self.expect_next(i, "yaml", found);
            }
            (Ok(Err(errors)), false) => self.expect_next(i, "diagnostics", errors),
            (Ok(Ok(yaml)), false) => {
                self.fail(line, format!("`app render error` block renders:\n{yaml}"))
            }
            (Ok(Err(errors)), true) => self.fail(
                line,
                format!("`app render` block fails:\n  {}", errors.join("\n  ")),
            ),
        }
    }

    /// The block after block `i` is tagged `tag` and holds `found`; when
    /// updating, it is rewritten (or added) instead.
    fn expect_next(&mut self, i: usize, tag: &str, found: Vec<String>) {
        let (lines, blocks) = (self.lines, self.blocks());
        let block = &blocks[i];
        let next = blocks.get(i + 1);
        match next.filter(|n| n.tag == tag && self.adjacent(block, n)) {
            Some(n) if updating() => self.rewrites.push((n.body.clone(), found)),
            Some(n) => {
                let expected = &lines[n.body.clone()];
                if *expected != found {
                    let message = format!(
                        "`{tag}` block differs\n--- expected\n  {}\n--- actual\n  {}",
                        expected.join("\n  "),
                        found.join("\n  ")
                    );
                    self.fail(n.line, message);
                }
            }
            None if updating() => {
                // A missing block: add one after the closing fence.
                let at = block.body.end + 1;
                let mut new = vec![String::new(), format!("```{tag}")];
                new.extend(found);
                new.push("```".to_string());
                self.rewrites.push((at..at, new));
            }
            None => {
                let message = format!("`{}` block is not followed by a `{tag}` block", block.tag);
                self.fail(block.line, message);
            }
        }
    }

    /// An output block (`diagnostics`, `json`) directly follows a block
    /// tagged with one of `sources`.
    fn check_follows(&mut self, i: usize, sources: &[&str]) {
        let blocks = self.blocks();
        let block = &blocks[i];
        let previous = i.checked_sub(1).map(|p| &blocks[p]);
        if !previous.is_some_and(|p| sources.contains(&p.tag.as_str()) && self.adjacent(p, block)) {
            let wanted: Vec<String> = sources.iter().map(|s| format!("`{s}`")).collect();
            let message = format!(
                "`{}` block does not follow a {} block",
                block.tag,
                wanted.join(" or ")
            );
            self.fail(block.line, message);
        }
    }

    fn check_ebnf(&mut self, block: &Block, body: &str) {
        match ebnf(body) {
            Ok((defined, used)) => {
                for name in defined {
                    if self.defined.contains(&name) {
                        self.fail(block.line, format!("`{name}` is defined twice"));
                    }
                    self.defined.push(name);
                }
                let line = block.line;
                self.used.extend(used.into_iter().map(|name| (line, name)));
            }
            Err(e) => self.fail(block.line, format!("malformed EBNF: {e}")),
        }
    }

    /// Every name an `ebnf` block uses is defined in one.
    fn check_ebnf_names(&mut self) {
        for (line, name) in std::mem::take(&mut self.used) {
            if !self.defined.contains(&name) {
                self.fail(
                    line,
                    format!("`{name}` is used but defined in no `ebnf` block"),
                );
            }
        }
    }

    /// The text of spec.md with the rewrites applied.
    fn rewritten(&mut self) -> String {
        let mut out: Vec<String> = self.lines.iter().map(|l| l.to_string()).collect();
        // From the end, so that earlier ranges stay valid.
        for (range, replacement) in std::mem::take(&mut self.rewrites).into_iter().rev() {
            out.splice(range, replacement);
        }
        out.join("\n") + "\n"
    }
}

#[test]
fn spec_blocks() {
    let path = root().join("spec.md");
    let text = std::fs::read_to_string(&path).expect("spec.md is readable");
    let lines: Vec<&str> = text.lines().collect();
    let blocks = blocks(&lines).unwrap_or_else(|e| panic!("{e}"));
    let mut checker = Checker {
        lines: &lines,
        blocks: &blocks,
        failures: Vec::new(),
        rewrites: Vec::new(),
        defined: Vec::new(),
        used: Vec::new(),
        definitions: Vec::new(),
    };
    for i in 0..blocks.len() {
        checker.check(i);
    }
    checker.check_ebnf_names();
    if updating() && !checker.rewrites.is_empty() {
        let text = checker.rewritten();
        std::fs::write(&path, text).expect("spec.md is writable");
    }
    let failures = checker.failures;
    assert!(
        failures.is_empty(),
        "{} failing block(s) in spec.md:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    eprintln!("spec.md: {} blocks checked", blocks.len());
}
