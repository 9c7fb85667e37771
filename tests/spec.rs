//! Checks the code blocks of `spec.md`.
//!
//! Every fenced block carries exactly one tag: `cue` must parse without
//! diagnostics; `cue error` must produce diagnostics, and the block right
//! after it, tagged `diagnostics`, holds their one-line summaries (the
//! input is named `input.cue`); `ebnf` blocks hold productions, and every
//! name used in one is defined, once, in some `ebnf` block; `text` is not
//! checked.
//! `TENON_UPDATE=1` rewrites the `diagnostics` blocks from actual output.

mod support;

use support::{root, updating};
use tenon_diagnostics::SourceMap;

/// A fenced block: the line of its opening fence (1-based), its tag, and
/// its body's lines as indices into the file's lines.
struct Block {
    line: usize,
    tag: String,
    body: std::ops::Range<usize>,
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

/// The one-line summaries of the diagnostics of `source` named `input.cue`,
/// or the message of the parser's panic.
fn diagnostics(source: &str) -> Result<Vec<String>, String> {
    std::panic::catch_unwind(|| {
        let mut sources = SourceMap::new();
        let id = sources.add("input.cue", source.to_string());
        let parsed = tenon_syntax::parse_file(id, source);
        parsed
            .diagnostics
            .iter()
            .map(|d| d.summary(&sources))
            .collect()
    })
    .map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied());
        format!("the parser panicked: {}", message.unwrap_or("(no message)"))
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

#[test]
fn spec_blocks() {
    let path = root().join("spec.md");
    let text = std::fs::read_to_string(&path).expect("spec.md is readable");
    let lines: Vec<&str> = text.lines().collect();
    let blocks = blocks(&lines).unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    let mut fail =
        |line: usize, message: String| failures.push(format!("spec.md:{line}: {message}"));
    // Line ranges of spec.md to replace when updating, in order.
    let mut rewrites: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
    let (mut defined, mut used) = (Vec::new(), Vec::new());
    for (i, block) in blocks.iter().enumerate() {
        let body = lines[block.body.clone()].join("\n") + "\n";
        let next = blocks.get(i + 1);
        let previous = i.checked_sub(1).map(|p| &blocks[p]);
        // Only blank lines may separate a `cue error` block and its
        // `diagnostics` block.
        let adjacent = |a: &Block, b: &Block| {
            lines[a.body.end + 1..b.line - 1]
                .iter()
                .all(|l| l.trim().is_empty())
        };
        let found = match block.tag.as_str() {
            "cue" | "cue error" => match diagnostics(&body) {
                Ok(found) => found,
                Err(e) => {
                    fail(block.line, e);
                    continue;
                }
            },
            _ => Vec::new(),
        };
        match block.tag.as_str() {
            "cue" => {
                if !found.is_empty() {
                    fail(
                        block.line,
                        format!("`cue` block has diagnostics:\n  {}", found.join("\n  ")),
                    );
                }
            }
            "cue error" => {
                if found.is_empty() {
                    fail(
                        block.line,
                        "`cue error` block parses without diagnostics".into(),
                    );
                }
                match next.filter(|n| n.tag == "diagnostics" && adjacent(block, n)) {
                    Some(n) if updating() => rewrites.push((n.body.clone(), found)),
                    Some(n) => {
                        let expected: Vec<&str> = lines[n.body.clone()].to_vec();
                        if expected != found {
                            fail(
                                n.line,
                                format!(
                                    "diagnostics differ\n--- expected\n  {}\n--- actual\n  {}",
                                    expected.join("\n  "),
                                    found.join("\n  ")
                                ),
                            );
                        }
                    }
                    None if updating() => {
                        // A missing block: add one after the closing fence.
                        let at = block.body.end + 1;
                        let mut new = vec![String::new(), "```diagnostics".to_string()];
                        new.extend(found);
                        new.push("```".to_string());
                        rewrites.push((at..at, new));
                    }
                    None => fail(
                        block.line,
                        "`cue error` block is not followed by a `diagnostics` block".into(),
                    ),
                }
            }
            "diagnostics" => {
                if !previous.is_some_and(|p| p.tag == "cue error" && adjacent(p, block)) {
                    fail(
                        block.line,
                        "`diagnostics` block does not follow a `cue error` block".into(),
                    );
                }
            }
            "ebnf" => match ebnf(&body) {
                Ok((d, u)) => {
                    for name in d {
                        if defined.contains(&name) {
                            fail(block.line, format!("`{name}` is defined twice"));
                        }
                        defined.push(name);
                    }
                    used.extend(u.into_iter().map(|name| (block.line, name)));
                }
                Err(e) => fail(block.line, format!("malformed EBNF: {e}")),
            },
            "text" => {}
            "" => fail(block.line, "untagged block".into()),
            other => fail(block.line, format!("unknown tag `{other}`")),
        }
    }
    for (line, name) in used {
        if !defined.contains(&name) {
            fail(
                line,
                format!("`{name}` is used but defined in no `ebnf` block"),
            );
        }
    }
    if updating() && !rewrites.is_empty() {
        let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        // From the end, so that earlier ranges stay valid.
        for (range, replacement) in rewrites.into_iter().rev() {
            out.splice(range, replacement);
        }
        std::fs::write(&path, out.join("\n") + "\n").expect("spec.md is writable");
    }
    assert!(
        failures.is_empty(),
        "{} failing block(s) in spec.md:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    eprintln!("spec.md: {} blocks checked", blocks.len());
}
