//! Parses (or, with `--lex`, only tokenizes) a file N times and prints the
//! throughput; for profiling: `parse_bench (FILE | --generated) [N] [--lex]`.
//! `--generated` parses the criterion benchmark's 50,000-line file.

#[path = "../benches/generated/mod.rs"]
mod generated;

use tenon_syntax::{parse_file, FileId, Lexer};

/// As the `tenon` binary does: the tree is many small allocations.
#[global_allocator]
static ALLOCATOR: tenon_alloc::Allocator = tenon_alloc::Allocator;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lex_only = args.iter().any(|a| a == "--lex");
    let use_generated = args.iter().any(|a| a == "--generated");
    let mut positional = args.iter().filter(|a| !a.starts_with("--"));
    let text = if use_generated {
        generated::generated(50_000)
    } else {
        let path = positional
            .next()
            .expect("usage: parse_bench (FILE | --generated) [N] [--lex]");
        std::fs::read_to_string(path).expect("readable file")
    };
    let n: usize = positional.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let start = std::time::Instant::now();
    let mut count = 0;
    for _ in 0..n {
        count += if lex_only {
            Lexer::new(FileId::new(0), &text).count()
        } else {
            parse_file(FileId::new(0), &text).file.decls.len()
        };
    }
    let secs = start.elapsed().as_secs_f64();
    let what = if lex_only { "tokens" } else { "declarations" };
    println!(
        "{} bytes, {count} {what}; {:.1} MB/s",
        text.len(),
        (text.len() * n) as f64 / secs / 1e6
    );
}
