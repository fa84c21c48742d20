//! `validatePatch` for JavaScript: a JSON Patch body checked against the current document.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::validate::options_from_js;
use super::{encode, error, to_js};
use crate::validate::{self as v, Issue};

/// `{ valid, errors, document? }`: `document` (the patched document) is present exactly when
/// every operation applied, and then the paths of `errors` point into it; otherwise they
/// point into the patch (`/0/path`).
#[derive(Serialize)]
struct PatchValidationResult<'a> {
    valid: bool,
    errors: &'a [Issue],
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a serde_json::Value>,
}

/// Checks the JSON Patch `ops` for a resource of schema `schema` whose current state is
/// `current` (as `GET` returned it): the operations' shape, then RFC 6902 application on a
/// copy, then the patched document against the schema. `current` is read with
/// `JSON.stringify` semantics and never changed. Throws only for an unknown schema, bad
/// options, an unreadable value, or a patch that would grow the document past the limits.
#[wasm_bindgen(js_name = validatePatch, unchecked_return_type = "PatchValidationResult")]
pub fn validate_patch_js(
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] current: JsValue,
    #[wasm_bindgen(unchecked_param_type = "JsonPatchOperation[]")] ops: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = options_from_js(&options)?;
    let current = encode(&current).map_err(|e| naming("current", e))?;
    let ops = encode(&ops).map_err(|e| naming("ops", e))?;
    let report = v::validate_patch(schema, &current.value()?, &ops.value()?, options).map_err(error)?;
    to_js(&PatchValidationResult {
        valid: report.is_valid(),
        errors: &report.issues,
        document: report.document.as_ref(),
    })
}

/// The encoder's error, saying which argument it was about.
fn naming(argument: &str, e: JsValue) -> JsValue {
    let message = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
    error(format!("{argument}: {}", message.trim_start_matches("elevate-billing: ")))
}
