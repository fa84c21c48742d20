//! # elevate-billing
//!
//! Validators, a typed API client and TypeScript types for the **Elevate** telecom billing
//! REST API, compiled to WebAssembly and published as one npm package (and usable natively
//! from Rust).
//!
//! - [`validate`]: checks request bodies, query strings and JSON Patch documents with the
//!   server's own rules, reporting every defect as data (`path`, `code`, `params`, `message`).
//! - [`model`]: the schema tables, the single source of truth for every constraint.
//! - [`client`]: a typed API client built from the endpoint table ([`endpoints`]).
//!
//! See `DESIGN.md` for how the pieces fit and why.

#![forbid(unsafe_code)]

pub mod client;
pub mod endpoints;
pub mod export;
pub mod model;
pub mod regex;
pub mod rules;
pub mod schema;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
