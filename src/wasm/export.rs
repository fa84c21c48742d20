//! `jsonSchema` and `openApiDocument` for JavaScript: the exports of `crate::export`, as plain
//! objects (for ajv, form libraries, API tooling). Generated on each call, so they reflect
//! patterns replaced with `setPattern`.

use wasm_bindgen::prelude::*;

use super::args::{string, MAX_JSON_UNITS, MAX_NAME_UNITS, MAX_TEXT_UNITS};
use super::{error, text_arg, to_js, JsText};

/// The JSON Schema 2020-12 document of the schema `schema`: the validator's rules as far as
/// JSON Schema can say them (a regex-valued field is only a string). Validate with a 2020-12
/// validator that counts lengths in UTF-16 code units (ajv: `unicode: false`) and knows the
/// `date`, `date-time`, `json-pointer`, `int32` and `int64` formats. Throws for an unknown name.
#[wasm_bindgen(js_name = jsonSchema, unchecked_return_type = "JsonSchemaDocument")]
pub fn json_schema_js(
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: JsValue,
) -> Result<JsValue, JsValue> {
    let schema = string(&schema, "jsonSchema: the schema name", MAX_NAME_UNITS)?;
    let doc = crate::export::json_schema(&schema).map_err(error)?;
    to_js(&doc)
}

/// The OpenAPI 3.1 document of every endpoint the client knows, with the same schemas as
/// `jsonSchema` as its components.
#[wasm_bindgen(js_name = openApiDocument, unchecked_return_type = "OpenApiDocument")]
pub fn open_api_document_js() -> Result<JsValue, JsValue> {
    to_js(&crate::export::openapi_document())
}

/// Plumbing for the JavaScript validators (hidden by its `__` name): how the pattern `name` in
/// force is matched in JavaScript (`{ class, min, max, empty }`, `{ whole }` or `{ engine: true }`,
/// with `name` and `source`), read after every `setPattern`/`resetPattern`; `undefined` for an
/// unknown name.
#[wasm_bindgen(js_name = __patternSlot)]
pub fn pattern_slot_js(#[wasm_bindgen(unchecked_param_type = "string")] name: JsValue) -> Result<JsValue, JsValue> {
    let name = string(&name, "the pattern name", MAX_NAME_UNITS)?;
    match crate::schema::Pattern::from_name(&name) {
        Some(p) => to_js(&crate::export::js::pattern_slot(p)),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// Plumbing for the JavaScript validators: whether `value` matches the pattern `name` in force
/// (for a pattern set with `setPattern` that is not class-shaped): `true`, `false`, or
/// `"budget"` when matching ran out of its step budget (decisions R14). `value` is read as
/// UTF-16, a lone surrogate being itself.
#[wasm_bindgen(js_name = __patternMatches, unchecked_return_type = "boolean | 'budget'")]
pub fn pattern_matches_js(
    #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
) -> Result<JsValue, JsValue> {
    let name = string(&name, "the pattern name", MAX_NAME_UNITS)?;
    let text = text_arg(&value, "the value", MAX_JSON_UNITS)?;
    let Some(p) = crate::schema::Pattern::from_name(&name) else { return Ok(JsValue::FALSE) };
    let verdict = match &text {
        JsText::Str(s) => crate::regex::patterns::check(p, s),
        JsText::Utf16(units) => crate::regex::patterns::check_utf16(p, units),
    };
    Ok(match verdict {
        Ok(()) => JsValue::TRUE,
        Err(crate::regex::Mismatch::Budget) => JsValue::from_str("budget"),
        Err(_) => JsValue::FALSE,
    })
}

/// Plumbing for the JavaScript validators: why `source` is not a usable regex of the server's
/// dialect (a regex-valued field's `format` issue, in Java's words), or `undefined` when it
/// is. `source` is read as UTF-16, a lone surrogate being itself.
#[wasm_bindgen(js_name = __regexReason)]
pub fn regex_reason_js(
    #[wasm_bindgen(unchecked_param_type = "string")] source: JsValue,
) -> Result<Option<String>, JsValue> {
    let compiled = match text_arg(&source, "the regular expression", MAX_TEXT_UNITS)? {
        JsText::Str(s) => crate::regex::user(&s),
        JsText::Utf16(units) => crate::regex::user_utf16(&units),
    };
    Ok(compiled.err().map(|e| e.to_string()))
}
