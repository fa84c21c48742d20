//! The JavaScript surface. Every `#[wasm_bindgen]` export lives under this module and does
//! only conversion: JS values in, the Rust API, JS values out. Errors become JS `Error`s with
//! a clear message; nothing here may panic (a panic poisons the module for the whole page).
//!
//! TypeScript names used in `unchecked_*_type` attributes (`SchemaName`, `ValidationResult`…)
//! are generated from the model by `src/bin/codegen.rs` into the package's `types.d.ts`.

pub mod client;
mod from_js;
pub mod validate;

pub use from_js::{from_js, FromJsError};

use wasm_bindgen::prelude::*;

/// Serialises `v` to plain JS objects and arrays (no `Map`s), as `JSON.parse` would build them.
pub(crate) fn to_js<T: serde::Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("elevate-billing: cannot convert the result to JavaScript: {e}")))
}

/// A JS `Error` whose message starts with the package name.
pub(crate) fn error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("elevate-billing: {message}"))
}
