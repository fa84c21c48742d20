//! `validateQuery` and `validateProductReference` for JavaScript: values in the API's small
//! string languages (query parameters, product-defined formats) rather than request bodies.

use std::borrow::Cow;

use js_sys::{Array, JsString, Number, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::validate::result_to_js;
use super::{error, JsText};
use crate::validate::query::MAX_QUERY_BYTES;
use crate::validate::value::{Foreign, Value};
use crate::validate::{self as v};

#[wasm_bindgen]
extern "C" {
    /// The WHATWG `URLSearchParams` class (global in browsers, workers and Node).
    #[wasm_bindgen(js_name = URLSearchParams)]
    type UrlSearchParams;
    #[wasm_bindgen(method, catch, js_name = toString)]
    fn to_query_string(this: &UrlSearchParams) -> Result<JsString, JsValue>;
    // Proxies can throw from these; `catch` turns that into an error instead of unwinding.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    pub(crate) fn object_keys(o: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(o: &JsValue) -> Result<bool, JsValue>;
}

/// Checks the query parameters of a call to `endpoint` (`'GET /sites'`): only its documented
/// parameters, each value in its mini-language. `query` is a plain object (strings, numbers
/// and booleans are sent as `String(value)` would; `null` and `undefined` mean "not given"),
/// a `URLSearchParams`, or a query string (`'page=1&pageSize=50'`, leading `?` allowed).
/// Throws for an unknown endpoint, a query of another type, or one over 64 KiB.
#[wasm_bindgen(js_name = validateQuery, unchecked_return_type = "ValidationResult")]
pub fn validate_query_js(
    #[wasm_bindgen(unchecked_param_type = "EndpointKey")] endpoint: &str,
    #[wasm_bindgen(unchecked_param_type = "QueryInput")] query: JsValue,
) -> Result<JsValue, JsValue> {
    let report = if query.is_string() || query.is_instance_of::<UrlSearchParams>() {
        let text: JsString = match query.dyn_into::<UrlSearchParams>() {
            Ok(params) => params.to_query_string().map_err(|_| error("URLSearchParams.toString() threw"))?,
            Err(query) => query.unchecked_into(),
        };
        // UTF-16 units never outnumber UTF-8 bytes: refuse before copying a huge string.
        if text.length() as usize > MAX_QUERY_BYTES {
            return Err(error(v::Error::TooLarge { what: "the query", limit: MAX_QUERY_BYTES }));
        }
        v::validate_query_string(endpoint, &String::from(text))
    } else if query.is_undefined() || query.is_null() {
        v::validate_query_values(endpoint, &[])
    } else if query.is_object() && !query.is_function() && !is_array(&query).map_err(|_| unreadable())? {
        v::validate_query_values(endpoint, &params(&query)?)
    } else {
        return Err(error("the query must be an object, a URLSearchParams or a query string"));
    };
    result_to_js(&report.map_err(error)?)
}

fn unreadable() -> JsValue {
    error("reading the query threw")
}

/// The own enumerable members of `query`, each value as `String(value)` would send it.
fn params(query: &JsValue) -> Result<Vec<(Cow<'static, str>, Value<'static>)>, JsValue> {
    let keys = object_keys(query).map_err(|_| unreadable())?;
    // Each parameter takes at least 2 bytes of the budget (`=` and `&`).
    if keys.length() as usize > MAX_QUERY_BYTES / 2 {
        return Err(error(v::Error::TooLarge { what: "the query", limit: MAX_QUERY_BYTES }));
    }
    let mut out = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        let name = key.as_string().unwrap_or_default();
        let value =
            Reflect::get(query, &key).map_err(|_| error(format!("reading the query parameter {name:?} threw")))?;
        let value = if let Some(s) = value.as_string() {
            Value::String(Cow::Owned(s))
        } else if let Some(b) = value.as_bool() {
            Value::String(Cow::Borrowed(if b { "true" } else { "false" }))
        } else if value.as_f64().is_some() {
            let text =
                value.unchecked_ref::<Number>().to_string_with_radix(10).map_err(|_| error("Number.toString threw"))?;
            Value::String(Cow::Owned(text.into()))
        } else if value.is_null() {
            Value::Null
        } else if value.is_undefined() {
            Value::Foreign(Foreign::Undefined)
        } else if value.is_bigint() {
            Value::Foreign(Foreign::BigInt)
        } else if value.is_symbol() {
            Value::Foreign(Foreign::Symbol)
        } else if value.is_function() {
            Value::Foreign(Foreign::Function)
        } else if is_array(&value).map_err(|_| unreadable())? {
            Value::Array(Vec::new())
        } else {
            Value::Object(Vec::new())
        };
        out.push((Cow::Owned(name), value));
    }
    Ok(out)
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
    let format = super::text_of(&format)
        .ok_or_else(|| error("validateProductReference: format must be a string (the product's format)"))?;
    let reference =
        super::text_of(&reference).ok_or_else(|| error("validateProductReference: reference must be a string"))?;
    let report = match (&format, &reference) {
        (JsText::Str(f), JsText::Str(r)) => v::validate_product_reference(f, r),
        _ => v::validate_product_reference_utf16(&format.units(), &reference.units()),
    };
    result_to_js(&report)
}
