//! `setPattern` and friends for JavaScript, and the Rust validators as test oracles.
//!
//! The package's `validate`, `validateField`, `describeField` and `formatMessage` are the
//! JavaScript ones generated from the model (src/js/core); the exports named `__…Json` here
//! are the engine's own, held to them by the differential tests. They take JSON text (the
//! tests make it with `JSON.stringify`), so no JavaScript value is read here.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::args::{self, string, MAX_JSON_UNITS, MAX_NAME_UNITS, MAX_TEXT_UNITS};
use super::{error, to_js};
use crate::validate::{self as v, Issue, Options, Report};

/// `{ valid, errors, truncated? }`, the shape every validator returns to JavaScript;
/// `truncated` (only when true) says that issues past `maxIssues` were left out.
#[derive(Serialize)]
pub(crate) struct ValidationResult<'a> {
    valid: bool,
    errors: &'a [Issue],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
}

pub(crate) fn result_to_js(report: &Report) -> Result<JsValue, JsValue> {
    to_js(&ValidationResult { valid: report.is_valid(), errors: &report.issues, truncated: report.truncated })
}

/// `{ abortEarly, unknownFields, maxIssues }` of an options object (`fn_name` names the
/// function in errors). Each member is read once through `Reflect.get`: one that throws is an
/// error naming it, never the default.
pub(crate) fn options_from_js(options: &JsValue, fn_name: &str) -> Result<Options, JsValue> {
    let mut out = Options::default();
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    if !options.is_object() {
        return Err(args::type_error(format!(
            "{fn_name}: options must be an object such as {{ abortEarly: true }}, not {}",
            args::type_of(options)
        )));
    }
    let abort = args::option(options, fn_name, "abortEarly")?;
    if !abort.is_undefined() {
        out.abort_early = abort.as_bool().ok_or_else(|| error("options.abortEarly must be true or false"))?;
    }
    let unknown = args::option(options, fn_name, "unknownFields")?;
    if !unknown.is_undefined() {
        out.report_unknown_fields = match unknown.as_string().as_deref() {
            Some("report") => true,
            Some("ignore") => false,
            _ => return Err(error("options.unknownFields must be 'ignore' or 'report'")),
        };
    }
    let max = args::option(options, fn_name, "maxIssues")?;
    if !max.is_undefined() {
        out.max_issues = count_option(&max)
            .filter(|n| *n >= 1)
            .ok_or_else(|| error("options.maxIssues must be a positive integer or Infinity"))?;
    }
    Ok(out)
}

/// A count option: a non-negative integer, or `Infinity` for no bound (an explicit choice).
pub(crate) fn count_option(v: &JsValue) -> Option<usize> {
    let n = v.as_f64()?;
    if n == f64::INFINITY {
        return Some(usize::MAX);
    }
    (n.fract() == 0.0 && n >= 0.0).then(|| n.min(usize::MAX as f64) as usize)
}

/// The schema name argument of `fn_name`.
fn schema_arg(schema: &JsValue, fn_name: &str) -> Result<String, JsValue> {
    string(schema, &format!("{fn_name}: the schema name"), MAX_NAME_UNITS)
}

/// Test oracle: the engine's `validate(schema, JSON.parse(text), options)`.
#[wasm_bindgen(js_name = __validateJson, unchecked_return_type = "ValidationResult")]
pub fn validate_json_js(
    #[wasm_bindgen(unchecked_param_type = "string")] schema: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = options_from_js(&options, "validate")?;
    let schema = schema_arg(&schema, "validate")?;
    let text = string(&text, "validate: the JSON text", MAX_JSON_UNITS)?;
    result_to_js(&v::validate(&schema, &text, options).map_err(error)?)
}

/// Test oracle: the engine's `validateField(schema, pointer, JSON.parse(text))`; `text`
/// `undefined` is an empty field.
#[wasm_bindgen(js_name = __validateFieldJson, unchecked_return_type = "ValidationResult")]
pub fn validate_field_json_js(
    #[wasm_bindgen(unchecked_param_type = "string")] schema: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] pointer: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | undefined")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let schema = schema_arg(&schema, "validateField")?;
    let pointer = string(&pointer, "validateField: the pointer", MAX_TEXT_UNITS)?;
    let text = args::optional_string(&text, "validateField: the JSON text", MAX_JSON_UNITS)?;
    let value = match &text {
        Some(t) => Some(v::Value::parse(t).map_err(|e| error(v::Error::Json { message: e.to_string() }))?),
        None => None,
    };
    result_to_js(&v::validate_field(&schema, &pointer, value.as_ref().unwrap_or(&v::Value::Null)).map_err(error)?)
}

/// Test oracle: the engine's `formatMessage` of an issue given as JSON text
/// (`{ path, code, params }`), with `labels` (JSON text of an object of strings, keyed by a
/// field's JSON Pointer or its name) or `undefined`.
#[wasm_bindgen(js_name = __formatMessageJson)]
pub fn format_message_json_js(
    #[wasm_bindgen(unchecked_param_type = "string")] issue: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | undefined")] labels: JsValue,
) -> Result<String, JsValue> {
    let issue = string(&issue, "formatMessage: the issue's JSON text", MAX_JSON_UNITS)?;
    let issue: serde_json::Value = serde_json::from_str(&issue).map_err(|e| error(format!("formatMessage: {e}")))?;
    let labels = args::optional_string(&labels, "formatMessage: the labels' JSON text", MAX_JSON_UNITS)?;
    let labels: serde_json::Value = match labels {
        Some(l) => serde_json::from_str(&l).map_err(|e| error(format!("formatMessage: {e}")))?,
        None => serde_json::Value::Null,
    };
    let code = issue
        .get("code")
        .and_then(|c| c.as_str())
        .ok_or_else(|| error("formatMessage: issue.code must be a string"))?;
    let path = issue.get("path").and_then(|p| p.as_str()).unwrap_or_default();
    let params = issue.get("params").cloned().unwrap_or(serde_json::Value::Null);
    // The caller's labels, by a field's JSON Pointer first, then by its name.
    let custom = |key: &str| labels.get(key).and_then(|l| l.as_str()).map(str::to_owned);
    Ok(crate::validate::message::message_labelled(path, code, &params, &custom))
}

/// Replaces the named pattern (`'NAME_CURLY'`, `'PHONE'`, …) with `source`, a regex in the
/// server's Java dialect (compiled as `java.util.regex` does, decisions R3, R14), for all
/// later validations. Throws, changing nothing, if the name is unknown or Java would refuse
/// the regex (the message gives Java's reason), or it is longer than 1,024 characters.
#[wasm_bindgen(js_name = setPattern)]
pub fn set_pattern_js(
    #[wasm_bindgen(unchecked_param_type = "PatternName")] name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] source: JsValue,
) -> Result<(), JsValue> {
    let name = string(&name, "setPattern: the name", MAX_NAME_UNITS)?;
    let source = super::text_arg(&source, "setPattern: the source", MAX_TEXT_UNITS)?;
    crate::regex::patterns::set_pattern_utf16(&name, &source.units()).map_err(|e| match e {
        crate::regex::PatternError::UnknownName { .. } => error(e),
        _ => error(format!("setPattern: invalid pattern for {name}: {e}")),
    })
}

/// Restores the built-in pattern `name`, or every pattern when `name` is omitted.
#[wasm_bindgen(js_name = resetPattern)]
pub fn reset_pattern_js(
    #[wasm_bindgen(unchecked_optional_param_type = "PatternName")] name: JsValue,
) -> Result<(), JsValue> {
    let name = args::optional_string(&name, "resetPattern: the name", MAX_NAME_UNITS)?;
    crate::regex::reset_pattern(name.as_deref()).map_err(error)
}

/// The source text of the pattern in force for `name` (built-in or set by `setPattern`).
#[wasm_bindgen(js_name = getPattern)]
pub fn get_pattern_js(#[wasm_bindgen(unchecked_param_type = "PatternName")] name: JsValue) -> Result<String, JsValue> {
    let name = string(&name, "getPattern: the name", MAX_NAME_UNITS)?;
    let p = crate::schema::Pattern::from_name(&name).ok_or_else(|| {
        let known: Vec<_> = crate::schema::PATTERNS.iter().map(|d| d.name).collect();
        error(format!("unknown pattern name {name:?}; known names: {}", known.join(", ")))
    })?;
    Ok(crate::regex::patterns::source(p))
}

/// Test oracle: the engine's `describeField` (what a form needs to know about one field).
#[wasm_bindgen(js_name = __describeField, unchecked_return_type = "FieldDescription")]
pub fn describe_field_js(
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] pointer: JsValue,
) -> Result<JsValue, JsValue> {
    let schema = schema_arg(&schema, "describeField")?;
    let pointer = string(&pointer, "describeField: the pointer", MAX_TEXT_UNITS)?;
    to_js(&v::describe_field(&schema, &pointer).map_err(error)?)
}

/// The names `validate` accepts.
#[wasm_bindgen(js_name = schemaNames, unchecked_return_type = "SchemaName[]")]
pub fn schema_names_js() -> Result<JsValue, JsValue> {
    to_js(&crate::model::schema_names().collect::<Vec<_>>())
}
