//! Writes generated artefacts to stdout for the package build:
//!
//! ```text
//! elevate-codegen dts        TypeScript declarations of the model and the validator API
//! ```

use std::io::Write;

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let text = match arg.as_str() {
        "dts" => elevate_billing::export::typescript::declarations(),
        _ => {
            eprintln!("usage: elevate-codegen dts");
            std::process::exit(2);
        }
    };
    if std::io::stdout().write_all(text.as_bytes()).is_err() {
        std::process::exit(1);
    }
}
