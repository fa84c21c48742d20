//! Artefacts generated from the model tables: TypeScript declarations (and, with the
//! exporters of `jsonSchema`/`openApiDocument`, JSON Schema and OpenAPI). Never hand-written
//! copies of a rule.

pub mod typescript;
pub mod typescript_client;
