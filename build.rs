//! Compiles the API's fixed patterns (src/schema/pattern.rs) into Rust data at build time
//! (class tables, DFA tables, ECMAScript forms) with crates/fixed-patterns, so the `.wasm`
//! carries no regex parser for them (issue 10). Included by src/regex/fixed.rs.

#[allow(dead_code)]
#[path = "src/schema/pattern.rs"]
mod pattern;

fn main() {
    println!("cargo:rerun-if-changed=src/schema/pattern.rs");
    let patterns: Vec<(&str, &str)> = pattern::PATTERNS.iter().map(|d| (d.name, d.source)).collect();
    let code = fixed_patterns::generate(&patterns).unwrap_or_else(|e| panic!("a fixed pattern does not compile: {e}"));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("fixed_patterns.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}
