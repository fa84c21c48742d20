//! `jsonSchema` and `openApiDocument` for JavaScript: the exports of `crate::export`, as plain
//! objects (for ajv, form libraries, API tooling). Generated on each call, so they reflect
//! patterns replaced with `setPattern`.

use wasm_bindgen::prelude::*;

use super::{error, to_js};

/// The JSON Schema 2020-12 document of the schema `schema`: the validator's rules as far as
/// JSON Schema can say them (a regex-valued field is only a string). Validate with a 2020-12
/// validator that counts lengths in UTF-16 code units (ajv: `unicode: false`) and knows the
/// `date`, `date-time`, `json-pointer`, `int32` and `int64` formats. Throws for an unknown name.
#[wasm_bindgen(js_name = jsonSchema, unchecked_return_type = "JsonSchemaDocument")]
pub fn json_schema_js(#[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: &str) -> Result<JsValue, JsValue> {
    let doc = crate::export::json_schema(schema).map_err(error)?;
    to_js(&doc)
}

/// The OpenAPI 3.1 document of every endpoint the client knows, with the same schemas as
/// `jsonSchema` as its components.
#[wasm_bindgen(js_name = openApiDocument, unchecked_return_type = "OpenApiDocument")]
pub fn open_api_document_js() -> Result<JsValue, JsValue> {
    to_js(&crate::export::openapi_document())
}

/// Plumbing for the JavaScript fast path (`src/js/api.js`, hidden by its `__` name): the
/// ECMAScript form of the pattern `name` in force, as `jsonSchema` prints it, or `undefined`
/// when the name is unknown or the pattern has no ECMAScript form (then fields using it always
/// go to wasm). Called again after every `setPattern`/`resetPattern`.
#[wasm_bindgen(js_name = __ecmaPattern)]
pub fn ecma_pattern_js(name: &str) -> Option<String> {
    let p = crate::validate::Pattern::from_name(name)?;
    crate::regex::ecma::whole_value_pattern(&crate::regex::patterns::source(p)).ok()
}
