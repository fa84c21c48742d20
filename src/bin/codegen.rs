//! Writes generated artefacts to stdout for the package build:
//!
//! ```text
//! elevate-codegen dts        TypeScript declarations of the model, the validator API and the client
//! ```

use std::io::Write;

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let text = match arg.as_str() {
        "dts" => {
            let mut text = elevate_billing::export::typescript::declarations();
            text.push_str(&elevate_billing::export::typescript_client::declarations());
            text
        }
        _ => {
            eprintln!("usage: elevate-codegen dts");
            std::process::exit(2);
        }
    };
    if std::io::stdout().write_all(text.as_bytes()).is_err() {
        std::process::exit(1);
    }
}
