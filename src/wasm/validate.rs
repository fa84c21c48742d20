//! `validate`, `validateField`, `formatMessage`, `setPattern` and friends for JavaScript.

use js_sys::Reflect;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{encode, error, to_js};
use crate::validate::{self as v, Issue, Options, Report};

/// `{ valid, errors }`, the shape every validator returns to JavaScript.
#[derive(Serialize)]
pub(crate) struct ValidationResult<'a> {
    valid: bool,
    errors: &'a [Issue],
}

pub(crate) fn result_to_js(report: &Report) -> Result<JsValue, JsValue> {
    if report.is_valid() {
        // The common case on every keystroke: one call, no text to decode.
        return Ok(super::from_js::valid_result());
    }
    to_js(&ValidationResult { valid: false, errors: &report.issues })
}

pub(crate) fn options_from_js(options: &JsValue) -> Result<Options, JsValue> {
    let mut out = Options::default();
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    if !options.is_object() {
        return Err(error("options must be an object such as { abortEarly: true }"));
    }
    let get = |name: &str| Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let abort = get("abortEarly");
    if !abort.is_undefined() {
        out.abort_early = abort.as_bool().ok_or_else(|| error("options.abortEarly must be true or false"))?;
    }
    let unknown = get("unknownFields");
    if !unknown.is_undefined() {
        out.report_unknown_fields = match unknown.as_string().as_deref() {
            Some("report") => true,
            Some("ignore") => false,
            _ => return Err(error("options.unknownFields must be 'ignore' or 'report'")),
        };
    }
    Ok(out)
}

/// Checks `value` against the request-body schema `schema` and reports every defect at once,
/// in document order. Throws only for an unknown schema name or a value that cannot be read
/// (a getter that throws, nesting deeper than 256).
#[wasm_bindgen(js_name = validate, unchecked_return_type = "ValidationResult")]
pub fn validate_js(
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = options_from_js(&options)?;
    let entry = crate::model::schema(schema).ok_or_else(|| error(v::Error::UnknownSchema { name: schema.into() }))?;
    let encoded = encode(&value)?;
    result_to_js(&encoded.validate(&entry.root, options)?)
}

/// Checks one field in place, e.g. `validateField('Site', '/siteAddress/postcode', 'SW1A 1AA')`.
/// `undefined` or `null` means the field is empty (a `required` issue if it must be given).
/// Rules that relate several fields need the whole object: use `validate` for those.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "ValidationResult")]
pub fn validate_field_js(
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: &str,
    pointer: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> Result<JsValue, JsValue> {
    let encoded = encode(&value)?;
    let report = v::validate_field(schema, pointer, Some(&encoded.value()?)).map_err(error)?;
    result_to_js(&report)
}

/// The English message for an issue, from its `path`, `code` and `params` only: every message
/// the package returns is made by this function. To translate, write your own function of
/// `code` and `params`; to keep English but name fields your way, pass `labels`, keyed by a
/// field's JSON Pointer (`'/siteAddress/postcode'`) or its name (`postcode`).
#[wasm_bindgen(js_name = formatMessage)]
pub fn format_message_js(
    #[wasm_bindgen(unchecked_param_type = "Pick<ValidationIssue, 'path' | 'code' | 'params'>")] issue: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Record<string, string>")] labels: JsValue,
) -> Result<String, JsValue> {
    if !issue.is_object() {
        return Err(error("formatMessage needs an issue object ({ path, code, params })"));
    }
    let get = |k: &str| Reflect::get(&issue, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let code = get("code").as_string().ok_or_else(|| error("formatMessage: issue.code must be a string"))?;
    let path = get("path").as_string().unwrap_or_default();
    let params = get("params");
    let params: serde_json::Value = if params.is_undefined() || params.is_null() {
        serde_json::Value::Null
    } else {
        let encoded = encode(&params)?;
        encoded.value()?.to_json()
    };
    // The caller's labels, by a field's JSON Pointer first, then by its name. A getter that
    // throws makes the call fail, naming the key.
    let failed = std::cell::RefCell::new(None);
    let custom = |key: &str| {
        if !labels.is_object() || failed.borrow().is_some() {
            return None;
        }
        match Reflect::get(&labels, &JsValue::from_str(key)) {
            Ok(l) => l.as_string(),
            Err(e) => {
                let why = e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| String::from(e.message()));
                *failed.borrow_mut() = Some(format!("formatMessage: reading labels[{key:?}] threw: {why}"));
                None
            }
        }
    };
    let message = crate::validate::message::message_labelled(&path, &code, &params, &custom);
    match failed.into_inner() {
        Some(why) => Err(js_sys::TypeError::new(&format!("elevate-billing: {why}")).into()),
        None => Ok(message),
    }
}

/// Replaces the named pattern (`'NAME_CURLY'`, `'PHONE'`, …) with `source`, a regex in the
/// server's Java dialect (compiled as `java.util.regex` does, decisions R3, R14), for all
/// later validations. Throws, changing nothing, if the name is unknown or Java would refuse
/// the regex (the message gives Java's reason), or it is longer than 1,024 characters.
#[wasm_bindgen(js_name = setPattern)]
pub fn set_pattern_js(
    #[wasm_bindgen(unchecked_param_type = "PatternName")] name: &str,
    #[wasm_bindgen(unchecked_param_type = "string")] source: JsValue,
) -> Result<(), JsValue> {
    let source = super::text_of(&source).ok_or_else(|| error("setPattern: source must be a string"))?;
    v::set_pattern_utf16(name, &source.units()).map_err(|e| match e {
        crate::regex::PatternError::UnknownName { .. } => error(e),
        _ => error(format!("setPattern: invalid pattern for {name}: {e}")),
    })
}

/// Restores the built-in pattern `name`, or every pattern when `name` is omitted.
#[wasm_bindgen(js_name = resetPattern)]
pub fn reset_pattern_js(
    #[wasm_bindgen(unchecked_optional_param_type = "PatternName")] name: Option<String>,
) -> Result<(), JsValue> {
    v::reset_pattern(name.as_deref()).map_err(error)
}

/// The source text of the pattern in force for `name` (built-in or set by `setPattern`).
#[wasm_bindgen(js_name = getPattern)]
pub fn get_pattern_js(#[wasm_bindgen(unchecked_param_type = "PatternName")] name: &str) -> Result<String, JsValue> {
    let p = v::Pattern::from_name(name).ok_or_else(|| {
        let known: Vec<_> = v::PATTERNS.iter().map(|d| d.name).collect();
        error(format!("unknown pattern name {name:?}; known names: {}", known.join(", ")))
    })?;
    Ok(crate::regex::patterns::source(p))
}

/// What a form needs to know about one field, read from the model: required, type, limits,
/// allowed values, pattern (name, what it allows, source), format, and the rules that
/// constrain it, e.g. `describeField('Site', '/siteContacts/0/contactRole').allowed`.
#[wasm_bindgen(js_name = describeField, unchecked_return_type = "FieldDescription")]
pub fn describe_field_js(
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] schema: &str,
    pointer: &str,
) -> Result<JsValue, JsValue> {
    to_js(&v::describe_field(schema, pointer).map_err(error)?)
}

/// The names `validate` accepts.
#[wasm_bindgen(js_name = schemaNames, unchecked_return_type = "SchemaName[]")]
pub fn schema_names_js() -> Result<JsValue, JsValue> {
    to_js(&crate::model::schema_names().collect::<Vec<_>>())
}
