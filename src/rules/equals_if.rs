//! `EqualsIf`: a field must have a value when a condition holds (decisions R9, e.g.
//! `billImmediately: true` when `isCredit` is true). Code `dependency`. A value of another
//! JSON type is left to the field's own type check (not reported twice).

use serde_json::{json, Value};

use super::condition::{self, Members};
use super::issue::IssueKind;
use super::message::{template, Template};
use crate::schema::{Condition, Literal};

/// Sentences for `dependency`.
pub const MESSAGES: &[Template] = &[
    template("dependency", &[], "{field} must be {expected} when {when|when}."),
    template("dependency", &[], "{field} must be {expected} when another field requires it."),
    template("dependency", &[], "{field} must have another value because of another field."),
];

/// The issue when `when` holds and `field` is absent or another value of the literal's type.
pub fn check(field: usize, value: Literal, when_field: usize, when: Condition, m: &impl Members) -> Option<IssueKind> {
    if !condition::holds(when, when_field, m) {
        return None;
    }
    let wrong = match m.kept(field) {
        None => !m.present(field),
        Some(v) => condition::same_type(value, v) && !condition::equals(value, v),
    };
    wrong.then(|| IssueKind::Dependency { expected: value.to_json(), when: condition::when(when) })
}

/// JavaScript (object epilogue).
pub fn js(name: &str, f: usize, value: Literal, w: usize, when: Condition) -> String {
    let test = condition::js(when, &format!("p{w}"), &format!("v{w}"));
    let v = format!("v{f}");
    let wrong =
        format!("(!p{f} || ({} && !({})))", condition::js_same_type(value, &v), condition::js_equals(value, &v));
    let params = json!({ "expected": value.to_json(), "when": condition::when(when) });
    format!(
        "if ({test} && !r{f} && {wrong}) {{ c.e({}, a{f} >= 0 ? a{f} : m + {f}, \"dependency\", {}); r{f} = true; }}\n",
        super::js::quote(name),
        super::js::literal(&params)
    )
}

/// JSON Schema: `if` the condition `then` the field present with the value (`then` is given
/// by the caller for a read-only field, whose value is never compared).
pub fn json_schema(field: &str, value: Literal, when: Condition, read_only_given: Option<Value>) -> Value {
    let then = read_only_given
        .unwrap_or_else(|| json!({ "required": [field], "properties": { field: { "const": value.to_json() } } }));
    json!({ "if": condition::json_schema(when), "then": then })
}

/// The rule in words.
pub fn describe(field: &str, value: Literal, when: Condition) -> String {
    let lit = match value {
        Literal::Bool(b) => b.to_string(),
        Literal::Int(i) => i.to_string(),
        Literal::Str(s) => format!("{s:?}"),
    };
    format!("`{field}` must be {lit} when {}.", condition::describe(when))
}
