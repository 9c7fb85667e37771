//! Parses a file many times (for profiling): `parse_bench FILE N`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let text = std::fs::read_to_string(&path).expect("readable");
    let start = std::time::Instant::now();
    let mut count = 0;
    for _ in 0..n {
        count += tenon_syntax::parse_file(tenon_syntax::FileId(0), &text)
            .file
            .decls
            .len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{count} decls; {:.1} MB/s",
        (text.len() * n) as f64 / secs / 1e6
    );
}
