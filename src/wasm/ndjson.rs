//! `validateNdjson` and the streaming `NdjsonValidator` for JavaScript (bulk validation of
//! NDJSON files in Node scripts; see `src/validate/ndjson.rs`).

use wasm_bindgen::prelude::*;

use super::validate::{count_option, options_from_js};
use super::{bytes_of, error};
use crate::validate::ndjson::{self, NdjsonOptions};

/// The report in the binary form `src/js/wire.js` decodes (see `crate::validate::wire`).
fn report_bytes(v: ndjson::NdjsonValidator) -> Vec<u8> {
    v.finish_encoded()
}

fn ndjson_options(options: &JsValue) -> Result<NdjsonOptions, JsValue> {
    let record = options_from_js(options, "validateNdjson")?;
    let mut out = NdjsonOptions { record, ..NdjsonOptions::default() };
    let max = super::args::option(options, "validateNdjson", "maxInvalidLines")?;
    if !max.is_undefined() {
        let n = count_option(&max)
            .ok_or_else(|| error("options.maxInvalidLines must be a non-negative integer or Infinity"))?;
        out.max_invalid_lines = (n != usize::MAX).then_some(n);
    }
    Ok(out)
}

fn schema_name(schema: &JsValue) -> Result<String, JsValue> {
    super::args::string(schema, "validateNdjson: the schema name", super::args::MAX_NAME_UNITS)
}

fn input_bytes(input: &JsValue) -> Result<Vec<u8>, JsValue> {
    bytes_of(input, "NDJSON input")
}

/// Validates NDJSON text or bytes: every non-blank line is one record of schema `schema`.
/// Returns the report (the counts and, for each invalid line, its 1-based number and issues;
/// a line that is not JSON has one issue with code `json`) encoded for `src/js/wire.js`,
/// which the package's `validateNdjson` decodes. For large files use `NdjsonValidator`.
#[wasm_bindgen(js_name = validateNdjson)]
pub fn validate_ndjson_js(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "NdjsonOptions")] options: JsValue,
) -> Result<Vec<u8>, JsValue> {
    let options = ndjson_options(&options)?;
    let schema = schema_name(&schema)?;
    let mut v = ndjson::NdjsonValidator::new(&schema, options).map_err(error)?.encoded();
    v.push(&input_bytes(&input)?);
    Ok(report_bytes(v))
}

/// Validates NDJSON fed in chunks of any size (lines and characters may be split across
/// chunks): `push` each chunk as it is read, then `finish` for the report.
#[wasm_bindgen(js_name = NdjsonValidator)]
pub struct NdjsonValidatorJs {
    inner: Option<ndjson::NdjsonValidator>,
}

#[wasm_bindgen(js_class = NdjsonValidator)]
impl NdjsonValidatorJs {
    /// A validator for records of schema `schema`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "NdjsonOptions")] options: JsValue,
    ) -> Result<NdjsonValidatorJs, JsValue> {
        let options = ndjson_options(&options)?;
        let schema = schema_name(&schema)?;
        Ok(NdjsonValidatorJs { inner: Some(ndjson::NdjsonValidator::new(&schema, options).map_err(error)?.encoded()) })
    }

    /// Validates the lines this chunk completes.
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] chunk: JsValue,
    ) -> Result<(), JsValue> {
        let bytes = input_bytes(&chunk)?;
        self.inner.as_mut().ok_or_else(|| error("push after finish"))?.push(&bytes);
        Ok(())
    }

    /// Validates the last line and returns the report, encoded (as `validateNdjson`); the
    /// validator cannot be used after.
    pub fn finish(&mut self) -> Result<Vec<u8>, JsValue> {
        let v = self.inner.take().ok_or_else(|| error("finish called twice"))?;
        Ok(report_bytes(v))
    }
}
