//! The engine's `validatePatch`, as the test oracle of the JavaScript one (src/js/core/patch.js),
//! which is the package's. It takes JSON text, so no JavaScript value is read here.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::args::{string, MAX_JSON_UNITS, MAX_NAME_UNITS};
use super::validate::options_from_js;
use super::{error, to_js};
use crate::validate::{self as v, Issue};

/// `{ valid, errors, document?, truncated? }`: `document` (the patched document) is present
/// exactly when every operation applied, and then the paths of `errors` point into it;
/// otherwise they point into the patch (`/0/path`).
#[derive(Serialize)]
struct PatchValidationResult<'a> {
    valid: bool,
    errors: &'a [Issue],
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
}

/// Test oracle: the engine's `validatePatch(schema, JSON.parse(current), JSON.parse(ops),
/// options)`: the operations' shape, then RFC 6902 application on a copy, then the patched
/// document against the schema. Throws for an unknown schema, bad options, text that is not
/// JSON, or a patch that would grow the document past the limits.
#[wasm_bindgen(js_name = __validatePatchJson, unchecked_return_type = "PatchValidationResult")]
pub fn validate_patch_json_js(
    #[wasm_bindgen(unchecked_param_type = "string")] schema: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] current: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] ops: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = options_from_js(&options, "validatePatch")?;
    let schema = string(&schema, "validatePatch: the schema name", MAX_NAME_UNITS)?;
    let current = string(&current, "validatePatch: current", MAX_JSON_UNITS)?;
    let ops = string(&ops, "validatePatch: ops", MAX_JSON_UNITS)?;
    fn parse<'a>(what: &str, text: &'a str) -> Result<v::Value<'a>, JsValue> {
        v::Value::parse(text).map_err(|e| error(format!("{what}: {}", v::Error::Json { message: e.to_string() })))
    }
    let (current, ops) = (parse("current", &current)?, parse("ops", &ops)?);
    let report = v::validate_patch(&schema, &current, &ops, options).map_err(error)?;
    to_js(&PatchValidationResult {
        valid: report.is_valid(),
        errors: &report.issues,
        document: report.document.as_ref(),
        truncated: report.truncated,
    })
}
