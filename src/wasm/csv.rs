//! `validateCsv`, the streaming `CsvValidator` and `csvRecords` for JavaScript (bulk
//! validation of spreadsheet exports in Node scripts; see `src/validate/csv.rs`).

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::validate::{count_option, options_from_js};
use super::{bytes_of, error, to_js};
use crate::validate::csv::{self, CsvOptions};
use crate::validate::{wire, Issue, Value};

/// An issue (`path`, `code`, `params`, `message`) with the header cell of its column.
#[derive(Serialize)]
struct IssueOut<'a> {
    #[serde(flatten)]
    issue: &'a Issue,
    column: Option<&'a str>,
}

/// Option `name`, read once; a getter that throws is an error naming it.
fn get(options: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    if options.is_object() {
        super::args::option(options, "validateCsv", name)
    } else {
        Ok(JsValue::UNDEFINED)
    }
}

fn delimiter(options: &JsValue) -> Result<u8, JsValue> {
    let d = get(options, "delimiter")?;
    if d.is_undefined() {
        return Ok(b',');
    }
    match d.as_string().as_deref().map(str::as_bytes) {
        Some(&[b]) if b.is_ascii() && !matches!(b, b'"' | b'\r' | b'\n') => Ok(b),
        _ => Err(error("options.delimiter must be one ASCII character other than a quote or a line end, e.g. ';'")),
    }
}

fn csv_options(options: &JsValue) -> Result<CsvOptions, JsValue> {
    let record = options_from_js(options, "validateCsv")?;
    let mut out = CsvOptions { record, delimiter: delimiter(options)?, ..CsvOptions::default() };
    let max = get(options, "maxInvalidRecords")?;
    if !max.is_undefined() {
        let n = count_option(&max)
            .ok_or_else(|| error("options.maxInvalidRecords must be a non-negative integer or Infinity"))?;
        out.max_invalid_records = (n != usize::MAX).then_some(n);
    }
    Ok(out)
}

fn schema_name(schema: &JsValue) -> Result<String, JsValue> {
    super::args::string(schema, "validateCsv: the schema name", super::args::MAX_NAME_UNITS)
}

fn input_bytes(input: &JsValue) -> Result<Vec<u8>, JsValue> {
    bytes_of(input, "CSV input")
}

/// Validates CSV text or bytes: the header row names a field per column (JSON Pointer or
/// dotted path), each later row is one record of schema `schema`, its cells converted by the
/// field's type. Returns the report (the counts and, for each invalid record, its number,
/// line and issues, each with the header cell of its column) encoded for `src/js/wire.js`,
/// which the package's `validateCsv` decodes. Throws for an unknown schema or a header cell
/// that names no field. For large files use `CsvValidator`.
#[wasm_bindgen(js_name = validateCsv)]
pub fn validate_csv_js(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions")] options: JsValue,
) -> Result<Vec<u8>, JsValue> {
    let options = csv_options(&options)?;
    let schema = schema_name(&schema)?;
    let report = csv::validate_csv(&schema, &input_bytes(&input)?, options).map_err(error)?;
    Ok(wire::csv_report(&report))
}

/// Validates CSV fed in chunks of any size (records, cells and characters may be split
/// across chunks): `push` each chunk as it is read, then `finish` for the report.
#[wasm_bindgen(js_name = CsvValidator)]
pub struct CsvValidatorJs {
    inner: Option<csv::CsvValidator>,
}

#[wasm_bindgen(js_class = CsvValidator)]
impl CsvValidatorJs {
    /// A validator for records of schema `schema`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions")] options: JsValue,
    ) -> Result<CsvValidatorJs, JsValue> {
        let options = csv_options(&options)?;
        let schema = schema_name(&schema)?;
        Ok(CsvValidatorJs { inner: Some(csv::CsvValidator::new(&schema, options).map_err(error)?) })
    }

    /// Validates the records this chunk completes. Throws when it completes a header cell
    /// that names no field.
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] chunk: JsValue,
    ) -> Result<(), JsValue> {
        let bytes = input_bytes(&chunk)?;
        self.inner.as_mut().ok_or_else(|| error("push after finish"))?.push(&bytes).map_err(error)
    }

    /// The counts so far, `{ records, valid, invalid }` (for progress output).
    #[wasm_bindgen(unchecked_return_type = "{ records: number; valid: number; invalid: number }")]
    pub fn progress(&self) -> Result<JsValue, JsValue> {
        let (records, valid, invalid) = self.inner.as_ref().ok_or_else(|| error("progress after finish"))?.progress();
        to_js(&serde_json::json!({ "records": records, "valid": valid, "invalid": invalid }))
    }

    /// Validates the last record and returns the report, encoded (as `validateCsv`); the
    /// validator cannot be used after.
    pub fn finish(&mut self) -> Result<Vec<u8>, JsValue> {
        let v = self.inner.take().ok_or_else(|| error("finish called twice"))?;
        Ok(wire::csv_report(&v.finish().map_err(error)?))
    }
}

/// A body as plain JS values (built directly: a number too large for a double is ±Infinity,
/// which JSON text could not carry).
fn value_to_js(v: &Value<'_>) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(*n),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(value_to_js).collect::<Array>().into(),
        Value::Object(members) => {
            let o = Object::new();
            for (k, v) in members {
                // Keys are field names of the schema (the header is checked against it).
                let _ = Reflect::set(&o, &JsValue::from_str(k), &value_to_js(v));
            }
            o.into()
        }
    }
}

/// Each data record's body, converted exactly as `validateCsv` converts it (for sending the
/// records once they are valid): `[{ record, line, value }]`, or `{ record, line, errors }`
/// for a record that cannot be read. Throws for an unknown schema or a header cell that names
/// no field. Options: `{ delimiter }`.
#[wasm_bindgen(js_name = csvRecords, unchecked_return_type = "CsvRecord[]")]
pub fn csv_records_js(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ delimiter?: string }")] options: JsValue,
) -> Result<JsValue, JsValue> {
    if !options.is_undefined() && !options.is_null() && !options.is_object() {
        return Err(error("options must be an object such as { delimiter: ';' }"));
    }
    let delimiter = delimiter(&options)?;
    let out = Array::new();
    let mut failed = None;
    let schema = schema_name(&schema)?;
    csv::csv_values(&schema, &input_bytes(&input)?, delimiter, &mut |row| {
        let item = Object::new();
        let _ = Reflect::set(&item, &"record".into(), &JsValue::from_f64(row.record as f64));
        let _ = Reflect::set(&item, &"line".into(), &JsValue::from_f64(row.line as f64));
        match row.value {
            Ok(v) => {
                let _ = Reflect::set(&item, &"value".into(), &value_to_js(&v));
            }
            Err(issue) => match to_js(&[IssueOut { issue: &issue, column: None }]) {
                Ok(errors) => {
                    let _ = Reflect::set(&item, &"errors".into(), &errors);
                }
                Err(e) => failed = Some(e),
            },
        }
        out.push(&item);
    })
    .map_err(error)?;
    match failed {
        Some(e) => Err(e),
        None => Ok(out.into()),
    }
}
