//! Writes generated artefacts to stdout, for the package build and for integrators:
//!
//! ```text
//! elevate-codegen dts                 TypeScript declarations of the model and the validator API
//! elevate-codegen dts-client          TypeScript declarations of the API client
//! elevate-codegen json-schema <Name>  the JSON Schema 2020-12 document of one schema name
//! elevate-codegen openapi             the OpenAPI 3.1 document of every endpoint
//! elevate-codegen js DIR              the JavaScript validators' generated modules, written into DIR
//! ```

use std::io::Write;

const USAGE: &str = "usage: elevate-codegen dts | dts-client | json-schema <SchemaName> | openapi | js <dir>";

/// Writes the JavaScript validators' modules into `dir` (created if missing).
fn write_modules(dir: &str) -> Result<(), String> {
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, text) in elevate_billing::export::javascript_modules() {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The names a declaration file exports (`export type X`, `export interface X`).
fn exported_names(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("export type ").or_else(|| l.strip_prefix("export interface "))?;
            Some(rest.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').next().unwrap_or(""))
        })
        .collect()
}

/// The names of `names` that `text` uses as whole words.
fn used_in<'a>(text: &str, names: Vec<&'a str>) -> Vec<&'a str> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    names
        .into_iter()
        .filter(|name| {
            text.match_indices(name).any(|(i, _)| {
                let before = text[..i].chars().next_back().is_none_or(|c| !is_word(c));
                let after = text[i + name.len()..].chars().next().is_none_or(|c| !is_word(c));
                before && after
            })
        })
        .collect()
}

/// The hand-written shapes of the validators' API (`src/js/validation.d.ts`), which the
/// client's declarations name too.
const VALIDATION_DTS: &str = include_str!("../js/validation.d.ts");

/// The client's declarations, importing the types they name from `./types.js` (generated) and
/// `./validation.js` (hand-written).
fn client_declarations() -> String {
    let model = elevate_billing::export::typescript_declarations();
    let mut client = elevate_billing::client::typescript_declarations();
    client.push_str(&elevate_billing::export::csv_typescript_declarations());
    let from_model = used_in(&client, exported_names(&model));
    let from_validation = used_in(&client, exported_names(VALIDATION_DTS));
    format!(
        "// Typings of the API client, generated from the endpoint table by elevate-codegen.\nimport type {{ {} }} from './types.js';\nimport type {{ {} }} from './validation.js';\n{client}",
        from_model.join(", "),
        from_validation.join(", ")
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pretty = |v: &serde_json::Value| {
        serde_json::to_string_pretty(v).map(|mut s| {
            s.push('\n');
            s
        })
    };
    let text = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["dts"] => Ok(elevate_billing::export::typescript_declarations()),
        ["dts-client"] => Ok(client_declarations()),
        ["json-schema", name] => match elevate_billing::export::json_schema(name) {
            Ok(doc) => pretty(&doc).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        },
        ["js", dir] => write_modules(dir).map(|()| String::new()),
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
