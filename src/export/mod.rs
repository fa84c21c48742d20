//! Artefacts generated from the model tables, never hand-written copies of a rule (GUIDE "one
//! source of truth"): TypeScript declarations ([`typescript_declarations`]), the JavaScript validators of the form path
//! ([`javascript_modules`]), a JSON Schema 2020-12 document per schema name ([`json_schema()`])
//! and the OpenAPI 3.1 document of every endpoint ([`openapi_document`]). The last two share
//! one generator, and print patterns from the validator's compiled form. The `elevate-codegen`
//! binary writes them for the package build.

pub(crate) mod js;
mod json_schema;
mod openapi;

pub(crate) mod typescript;

pub use js::modules as javascript_modules;
pub use json_schema::json_schema;
pub use openapi::openapi_document;
pub use typescript::declarations as typescript_declarations;

use std::ptr;
use std::sync::OnceLock;

use crate::model::{self, RESPONSE_SCHEMAS, SCHEMAS};
use crate::schema::{Kind, Schema};

/// The name of every object schema in the exports (TypeScript interface, JSON Schema `$defs`
/// key): its documentation name, except for a variant
/// that shares the name of a registered schema (the site inside `Customer.sites` is a `Site`
/// whose `customerId` must be 0): that one is named after the first schema that holds it
/// (`CustomerSite`).
fn type_names() -> Vec<(&'static Schema, String)> {
    let all = model::all_object_schemas();
    let registered = |s: &Schema| {
        SCHEMAS.iter().any(|e| matches!(e.root, Kind::Object(r) if ptr::eq(r, s)))
            || RESPONSE_SCHEMAS.iter().any(|r| ptr::eq(*r, s))
    };
    let mut keys: Vec<(&'static Schema, String)> = Vec::new();
    let (first, rest): (Vec<_>, Vec<_>) = all.iter().copied().partition(|s| registered(s));
    for s in first.into_iter().chain(rest) {
        let mut key = s.name.to_owned();
        if keys.iter().any(|(_, k)| *k == key) {
            if let Some(owner) = all.iter().find(|o| o.fields.iter().any(|f| holds(&f.kind, s))) {
                key = format!("{}{}", owner.name, s.name);
            }
        }
        let base = key.clone();
        let mut n = 2;
        while keys.iter().any(|(_, k)| *k == key) {
            key = format!("{base}{n}");
            n += 1;
        }
        keys.push((s, key));
    }
    keys
}

/// Does a value of `kind` directly hold an object of schema `s` (itself or as array items)?
fn holds(kind: &Kind, s: &Schema) -> bool {
    match kind {
        Kind::Object(o) => ptr::eq(*o, s),
        Kind::Array(a) => holds(&a.items, s),
        _ => false,
    }
}

/// The export name of `s` (see [`type_names`], computed once).
pub(crate) fn type_name(s: &Schema) -> String {
    static NAMES: OnceLock<Vec<(&'static Schema, String)>> = OnceLock::new();
    let names = NAMES.get_or_init(type_names);
    names.iter().find(|(o, _)| ptr::eq(*o, s)).map_or_else(|| s.name.to_owned(), |(_, k)| k.clone())
}
