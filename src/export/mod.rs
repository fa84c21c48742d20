//! Artefacts generated from the model tables, never hand-written copies of a rule:
//! TypeScript declarations ([`typescript`]), a JSON Schema 2020-12 document per schema name
//! ([`json_schema()`]) and the OpenAPI 3.1 document of every endpoint ([`openapi_document`]).
//! The last two share one generator, and print patterns from the validator's compiled form
//! ([`ecma_regex`]).

pub mod ecma_regex;
pub mod json_schema;
pub mod openapi;
mod rules;
pub mod typescript;
pub mod typescript_client;

pub use json_schema::json_schema;
pub use openapi::openapi_document;
