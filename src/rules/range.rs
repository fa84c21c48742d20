//! `minimum` / `maximum`: bounds of a number or an integer, inclusive.

use serde_json::{json, Map, Value};

use super::issue::IssueKind;
use super::message::{template, Template};
use crate::schema::MAX_SAFE_INTEGER;

/// Sentences for `minimum` and `maximum`.
pub const MESSAGES: &[Template] = &[
    template("minimum", &[], "{field} must be at least {limit}."),
    template("minimum", &[], "{field} is too small."),
    template("maximum", &[], "{field} must be at most {limit}."),
    template("maximum", &[], "{field} is too large."),
];

/// Reports `x` below `minimum` or above `maximum`.
pub fn check(minimum: Option<f64>, maximum: Option<f64>, x: f64, emit: &mut impl FnMut(IssueKind)) {
    if let Some(min) = minimum.filter(|m| x < *m) {
        emit(IssueKind::Minimum { limit: min, actual: x });
    }
    if let Some(max) = maximum.filter(|m| x > *m) {
        emit(IssueKind::Maximum { limit: max, actual: x });
    }
}

/// JavaScript: the same checks of number `x`.
pub fn js(minimum: Option<f64>, maximum: Option<f64>) -> String {
    let mut out = String::new();
    if let Some(min) = minimum {
        let n = super::message::js_number(min);
        out.push_str(&format!("if (x < {n}) c.e(k, mi, \"minimum\", {{ limit: {n}, actual: x }});\n"));
    }
    if let Some(max) = maximum {
        let n = super::message::js_number(max);
        out.push_str(&format!("if (x > {n}) c.e(k, mi, \"maximum\", {{ limit: {n}, actual: x }});\n"));
    }
    out
}

/// A bound as JSON: integral values as integers (`100`, not `100.0`).
pub fn json_number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// JSON Schema keywords.
pub fn json_schema(minimum: Option<f64>, maximum: Option<f64>, m: &mut Map<String, Value>) {
    if let Some(min) = minimum {
        m.insert("minimum".into(), json_number(min));
    }
    if let Some(max) = maximum {
        m.insert("maximum".into(), json_number(max));
    }
}

/// `describeField` entries.
pub fn describe(minimum: Option<f64>, maximum: Option<f64>, d: &mut Map<String, Value>) {
    if let Some(min) = minimum {
        d.insert("minimum".into(), json_number(min));
    }
    if let Some(max) = maximum {
        d.insert("maximum".into(), json_number(max));
    }
}
