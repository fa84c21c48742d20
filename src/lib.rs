//! # elevate-billing
//!
//! Validators, a typed API client and TypeScript types for the **Elevate** telecom billing
//! REST API, compiled to WebAssembly and published as one npm package (and usable natively
//! from Rust).
//!
//! ```
//! use elevate_billing::{validate, Options};
//! let site = r#"{ "customerId": 12, "siteName": "Head <office>" }"#;
//! let report = validate("Site", site, Options::default()).unwrap();
//! assert!(!report.is_valid());
//! assert_eq!(report.issues[0].path, "/siteName");
//! assert_eq!(report.issues[0].code(), "pattern");
//! ```
//!
//! ## What is public, and why
//!
//! The modules are private; this page lists what a caller uses (as `jiff` and `ureq` do).
//!
//! - **Validation**, at the root: [`validate`] a request body (any [`Input`]: JSON text,
//!   bytes, a `serde_json::Value` or a [`Value`]) against a [`Target`] (a schema name, or a
//!   description in hand), [`validate_field`] and [`describe_field`]
//!   for forms, [`validate_patch`] and [`validate_patch_values`] for JSON Patch bodies,
//!   [`validate_query`] for query strings (any [`QueryInput`]), [`validate_product_reference`]
//!   for product-defined formats (decisions R10), and the bulk validators [`validate_ndjson`] /
//!   [`NdjsonValidator`] and [`validate_csv`] / [`CsvValidator`]. They report [`Issue`]s
//!   (JSON Pointer path, [`IssueKind`], message) in a [`Report`]; an [`Error`] means the
//!   validation could not run at all.
//! - **The patterns in force**: [`set_pattern`] and [`reset_pattern`] replace one of the
//!   server's fixed [`Pattern`]s (a deployment with its own rules).
//! - **Bounds** on every input, in [`limits`].
//! - Five namespaces stay public modules because they are data or a family of their own, not
//!   entry points:
//!   - [`schema`]: the description language every rule is written in (`Kind`, `Schema`,
//!     `Field`, …), needed to read the model and to validate against a description in hand
//!     (`validate(&Kind::Object(record), …)`);
//!   - [`model`]: the schema tables themselves, the single source of truth for every
//!     constraint ([`model::SCHEMAS`], [`model::record_schema`]);
//!   - [`endpoints`]: the endpoint table the client, the query validator and the OpenAPI
//!     export read;
//!   - [`export`]: what is generated from the model (TypeScript, JSON Schema, OpenAPI, the
//!     JavaScript validators), used by the `elevate-codegen` binary;
//!   - [`client`]: the typed API client around one I/O trait.
//!
//! The engine, the rules, the regex layer and the JavaScript bindings are internal.
//! See `DESIGN.md` for how the pieces fit and why.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The layers; their order (schema, regex, rules, model, endpoints, validate, export, client,
// wasm) is DESIGN.md "Layers", held by tests/architecture.
pub mod client;
pub mod endpoints;
pub mod export;
pub mod model;
mod regex;
mod rules;
pub mod schema;
mod validate;

/// The `#[wasm_bindgen]` surface: its real interface is JavaScript (the package's `.d.ts`).
/// Public only so that the wasm-bindgen tests (`tests/wasm`, run in Node, Chromium and a
/// worker) can call the bindings as Rust functions; not part of the Rust API.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use regex::{reset_pattern, set_pattern, PatternError};
pub use schema::Pattern;
pub use validate::csv::{validate_csv, CsvError, CsvIssue, CsvOptions, CsvReport, CsvValidator, RecordIssues};
pub use validate::ndjson::{validate_ndjson, LineIssues, NdjsonOptions, NdjsonReport, NdjsonValidator};
pub use validate::{
    describe_field, validate, validate_field, validate_patch, validate_patch_values, validate_product_reference,
    validate_query, Error, Input, Issue, IssueKind, Options, PatchReport, QueryInput, ReferenceText, Report, Target,
    Value, When,
};

/// Every bound this crate puts on its input, in one place (README "Bounds"): a hostile or
/// runaway input gets a bounded report or an [`Error::TooLarge`], never unbounded time or
/// memory (GUIDE "Security").
pub mod limits {
    pub use crate::regex::{MAX_PATTERN_CHARS, STEP_BUDGET};
    pub use crate::schema::{MAX_DEPTH, MAX_SAFE_INTEGER, MAX_VALUES};
    pub use crate::validate::csv::{MAX_ARRAY_INDEX, MAX_CELLS, MAX_RECORD_BYTES};
    pub use crate::validate::ndjson::{DEFAULT_MAX_INVALID_LINES, MAX_LINE_BYTES};
    pub use crate::validate::patch::{MAX_DOCUMENT_BYTES, MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_VALUES};
    pub use crate::validate::query::MAX_QUERY_BYTES;
    pub use crate::validate::DEFAULT_MAX_ISSUES;
}

/// The two rule checks `bench/regex_timing.rs` times on their own: a Cargo example is outside
/// the crate, and timing them through [`validate`] would measure the walk around them instead
/// of the regex layer. Not part of the API.
#[doc(hidden)]
pub mod bench {
    pub use crate::rules::pattern::check as fixed_pattern;
    pub use crate::rules::regex_format::check as regex_format;
}
