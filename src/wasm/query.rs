//! `validateProductReference` for JavaScript, and the engine's `validateQuery` as the test
//! oracle of the JavaScript one (src/js/core/query.js), which is the package's.

use std::borrow::Cow;

use wasm_bindgen::prelude::*;

use super::args::{string, MAX_NAME_UNITS, MAX_TEXT_UNITS};
use super::validate::result_to_js;
use super::{error, JsText};
use crate::validate::query::MAX_QUERY_BYTES;
use crate::validate::{self as v, Value};

/// Test oracle: the engine's `validateQuery` of a query string (`page=1&pageSize=50`, leading
/// `?` allowed), as a `URLSearchParams` or a string query reaches it.
#[wasm_bindgen(js_name = __validateQueryString, unchecked_return_type = "ValidationResult")]
pub fn validate_query_string_js(
    #[wasm_bindgen(unchecked_param_type = "string")] endpoint: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
) -> Result<JsValue, JsValue> {
    let endpoint = string(&endpoint, "validateQuery: the endpoint", MAX_NAME_UNITS)?;
    // UTF-16 units never outnumber UTF-8 bytes: refuse before copying a huge string.
    let query = string(&query, "validateQuery: the query", MAX_QUERY_BYTES)
        .map_err(|_| error(v::Error::TooLarge { what: "the query", limit: MAX_QUERY_BYTES }))?;
    result_to_js(&v::validate_query(&endpoint, query.as_str()).map_err(error)?)
}

/// Test oracle: the engine's `validateQuery` of a plain object given as JSON text (members in
/// order; strings are judged, `null` means "not given", other values are `type` issues; the
/// JavaScript side sends numbers and booleans as `String(value)`, which the tests do first).
#[wasm_bindgen(js_name = __validateQueryJson, unchecked_return_type = "ValidationResult")]
pub fn validate_query_json_js(
    #[wasm_bindgen(unchecked_param_type = "string")] endpoint: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
) -> Result<JsValue, JsValue> {
    let endpoint = string(&endpoint, "validateQuery: the endpoint", MAX_NAME_UNITS)?;
    let text = string(&query, "validateQuery: the query's JSON text", MAX_QUERY_BYTES.saturating_mul(8))?;
    let value = Value::parse(&text).map_err(|e| error(v::Error::Json { message: e.to_string() }))?;
    let Value::Object(members) = value else {
        return Err(error("the query must be an object, a URLSearchParams or a query string"));
    };
    // Each parameter takes at least 2 bytes of the budget (`=` and `&`), as the JavaScript side counts.
    if members.len() > MAX_QUERY_BYTES / 2 {
        return Err(error(v::Error::TooLarge { what: "the query", limit: MAX_QUERY_BYTES }));
    }
    let pairs: Vec<(Cow<'_, str>, Value<'_>)> = members;
    result_to_js(&v::validate_query(&endpoint, &pairs).map_err(error)?)
}

/// Checks `reference` (a product reference, additional reference or service id) against
/// `format`, the product's own regex (`productReferenceFormat`, `serviceIdFormat`,
/// `additionalProductReferenceFormat`), as the server applies it: `java.util.regex`, whole
/// value, the strings as UTF-16 (decisions R1, R2, R10, R14). An unusable format is an issue
/// at `/format`, a mismatch one at `/reference` (also when matching ran out of its step
/// budget: `params.reason` is `"budget"`). Each format is compiled once. Throws if either
/// argument is not a string.
#[wasm_bindgen(js_name = validateProductReference, unchecked_return_type = "ValidationResult")]
pub fn validate_product_reference_js(
    #[wasm_bindgen(unchecked_param_type = "string")] format: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] reference: JsValue,
) -> Result<JsValue, JsValue> {
    let format = super::text_arg(&format, "validateProductReference: format (the product's format)", MAX_TEXT_UNITS)?;
    let reference = super::text_arg(&reference, "validateProductReference: reference", MAX_TEXT_UNITS)?;
    let report = match (&format, &reference) {
        (JsText::Str(f), JsText::Str(r)) => v::validate_product_reference(f, r),
        _ => v::validate_product_reference(&*format.units(), &*reference.units()),
    };
    result_to_js(&report)
}
