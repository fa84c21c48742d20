//! The JavaScript surface. Every `#[wasm_bindgen]` export lives under this module and does
//! only conversion: JS values in, the Rust API, JS values out. Errors become JS `Error`s with
//! a clear message; nothing here may panic (a panic poisons the module for the whole page),
//! and no JavaScript exception may unwind through it (`args`: how arguments are read).
//!
//! Values cross as JSON text made by JavaScript (the package's wrappers read the caller's
//! values as `JSON.stringify` would, bounded, before anything crosses), bytes, strings,
//! numbers and booleans; results cross back as JSON text parsed by the engine's `JSON.parse`.
//!
//! TypeScript names used in `unchecked_*_type` attributes (`SchemaName`, `ValidationResult`…)
//! are generated from the model by `src/bin/codegen.rs` into the package's `types.d.ts`.

pub mod args;
pub mod client;
pub mod csv;
pub mod export;
pub mod ndjson;
pub mod patch;
pub mod query;
pub mod validate;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `v` as plain JS objects and arrays: serialised to JSON text here and parsed by the engine's
/// `JSON.parse`, which is much faster than building the objects property by property across
/// the boundary.
pub(crate) fn to_js<T: serde::Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(v).map_err(|e| error(format!("cannot convert the result to JavaScript: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|_| error("internal error: the result is not valid JSON"))
}

/// A JS string, exactly: as a Rust string when it has no lone surrogate, else as its UTF-16
/// code units.
pub(crate) enum JsText {
    Str(String),
    Utf16(Vec<u16>),
}

impl JsText {
    /// The UTF-16 code units (copied for a Rust string).
    pub(crate) fn units(&self) -> std::borrow::Cow<'_, [u16]> {
        match self {
            JsText::Str(s) => std::borrow::Cow::Owned(s.encode_utf16().collect()),
            JsText::Utf16(u) => std::borrow::Cow::Borrowed(u),
        }
    }
}

/// A string argument as Java sees it: a lone surrogate stays itself. (A `&str` parameter and
/// `as_string` go through UTF-8, which turns a lone surrogate into U+FFFD; Java, and so the
/// server, sees the surrogate: decisions R14.) A string with no U+FFFD after that conversion
/// had no lone surrogate and is used as it is; the others are read unit by unit. Checked and
/// bounded as [`args::string`] checks them (`what` names it in the TypeError).
pub(crate) fn text_arg(v: &JsValue, what: &str, max: usize) -> Result<JsText, JsValue> {
    let s = args::string(v, what, max)?;
    if !s.contains('\u{FFFD}') {
        return Ok(JsText::Str(s));
    }
    let js: &js_sys::JsString = v.unchecked_ref();
    let units: Vec<u16> = js.iter().collect();
    Ok(match String::from_utf16(&units) {
        Ok(s) => JsText::Str(s),
        Err(_) => JsText::Utf16(units),
    })
}

/// A JS `Error` whose message starts with the package name.
pub(crate) fn error(message: impl std::fmt::Display) -> JsValue {
    JsError::new(&prefixed(message)).into()
}

/// `message` after [`MESSAGE_PREFIX`](crate::export::js::MESSAGE_PREFIX), as every message of an
/// Error the package throws begins.
pub(crate) fn prefixed(message: impl std::fmt::Display) -> String {
    format!("{}{message}", crate::export::js::MESSAGE_PREFIX)
}

/// The bytes of a bulk input argument (`what` names it in errors): a string or a real
/// `Uint8Array`, see [`args::bytes`].
pub(crate) fn bytes_of(v: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    args::bytes(v, what)
}

/// Bytes of this instance's linear memory (plumbing for the memory benchmark and the leak
/// test: wasm memory only grows, so a flat figure over many calls means no leak).
#[wasm_bindgen(js_name = __memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) as f64) * 65536.0
}
