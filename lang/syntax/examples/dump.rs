//! Prints the tree and diagnostics of a file: `cargo run --example dump FILE`.
use tenon_diagnostics::SourceMap;

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(&path).expect("readable");
    let mut map = SourceMap::new();
    let id = map.add(path, text.clone());
    let parsed = tenon_syntax::parse_file(id, &text);
    print!("{}", tenon_syntax::dump::file(&parsed.file));
    for d in &parsed.diagnostics {
        println!("{}", d.summary(&map));
    }
}
