//! The crate's layers run one way (DESIGN.md, "Layout"): each top-level module may import
//! only the modules listed before it here. This test reads the sources, so a new upward
//! import fails `cargo test` with the file and line that made it.

use std::fs;
use std::path::{Path, PathBuf};

/// Bottom first. `lib.rs` and `src/bin` sit above all of them.
const LAYERS: &[&str] = &["schema", "regex", "rules", "model", "endpoints", "validate", "export", "client", "wasm"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a line of code names through `crate::` (comments are skipped: a doc
/// link to a higher layer is documentation, not a dependency).
fn crate_refs(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        // `crate::{a, b}` groups are not used in this crate; a name is always spelled out.
        if !name.is_empty() {
            out.push(name);
        }
        rest = after;
    }
    out
}

#[test]
fn layers_import_only_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut violations = Vec::new();
    for (rank, layer) in LAYERS.iter().enumerate() {
        let mut files = Vec::new();
        let dir = src.join(layer);
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        }
        let single = src.join(format!("{layer}.rs"));
        if single.is_file() {
            files.push(single);
        }
        assert!(!files.is_empty(), "layer {layer} has no sources");
        for file in files {
            let text = fs::read_to_string(&file).expect("readable source file");
            for (n, line) in text.lines().enumerate() {
                if line.contains("super::super::super") {
                    violations.push(format!("{}:{}: climbs out of its layer with super::", file.display(), n + 1));
                }
                for name in crate_refs(line) {
                    match LAYERS.iter().position(|l| *l == name) {
                        Some(r) if r > rank => violations.push(format!(
                            "{}:{}: {layer} imports {name}, a layer above it",
                            file.display(),
                            n + 1
                        )),
                        Some(_) => {}
                        None => violations.push(format!("{}:{}: crate::{name} is not a layer", file.display(), n + 1)),
                    }
                }
            }
        }
    }
    assert!(violations.is_empty(), "upward imports:\n{}", violations.join("\n"));
}

#[test]
fn every_top_level_module_is_a_layer() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).expect("lib.rs");
    for line in lib.lines() {
        let line = line.trim();
        // Modules in files are layers; an inline module (`pub mod limits { … }`) only
        // re-exports, and lib.rs sits above every layer.
        if let Some(rest) = line.strip_prefix("pub mod ").or_else(|| line.strip_prefix("mod ")) {
            let Some(name) = rest.strip_suffix(';') else { continue };
            assert!(LAYERS.contains(&name), "module {name} is not placed in LAYERS");
        }
    }
}
