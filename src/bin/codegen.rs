//! Writes generated artefacts to stdout, for the package build and for integrators:
//!
//! ```text
//! elevate-codegen dts                 TypeScript declarations of the model, the validator API and the client
//! elevate-codegen json-schema <Name>  the JSON Schema 2020-12 document of one schema name
//! elevate-codegen openapi             the OpenAPI 3.1 document of every endpoint
//! elevate-codegen js-fast-path        the JavaScript validity predicates (an ES module)
//! ```

use std::io::Write;

const USAGE: &str = "usage: elevate-codegen dts | json-schema <SchemaName> | openapi | js-fast-path";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pretty = |v: &serde_json::Value| {
        serde_json::to_string_pretty(v).map(|mut s| {
            s.push('\n');
            s
        })
    };
    let text = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["dts"] => {
            let mut text = elevate_billing::export::typescript::declarations();
            text.push_str(&elevate_billing::export::typescript_client::declarations());
            text.push_str(&elevate_billing::export::typescript_csv::declarations());
            Ok(text)
        }
        ["json-schema", name] => match elevate_billing::export::json_schema(name) {
            Ok(doc) => pretty(&doc).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        },
        ["js-fast-path"] => Ok(elevate_billing::export::javascript::module()),
        ["openapi"] => pretty(&elevate_billing::export::openapi_document()).map_err(|e| e.to_string()),
        _ => Err(USAGE.to_owned()),
    };
    match text {
        Ok(text) => {
            if std::io::stdout().write_all(text.as_bytes()).is_err() {
                std::process::exit(1);
            }
        }
        Err(message) => {
            eprintln!("elevate-codegen: {message}");
            std::process::exit(2);
        }
    }
}
