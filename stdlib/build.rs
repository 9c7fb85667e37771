//! Embeds the definition catalog: every `.cue` file under
//! `catalog/components`, `catalog/traits`, `catalog/policies` and
//! `catalog/workflow-steps`, listed in `$OUT_DIR/catalog.rs` (sorted, so
//! the order is stable).

use std::path::Path;

const KINDS: [&str; 4] = ["components", "traits", "policies", "workflow-steps"];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    for kind in KINDS {
        let dir = root.join(kind);
        println!("cargo:rerun-if-changed={}", dir.display());
        let Ok(read) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in read.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "cue") {
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default();
                entries.push((format!("{kind}/{name}"), path.display().to_string()));
            }
        }
    }
    entries.sort();
    let mut out = String::from("&[\n");
    for (name, path) in entries {
        out.push_str(&format!("    ({name:?}, include_str!({path:?})),\n"));
    }
    out.push_str("]\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
