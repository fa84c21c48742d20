//! `RequiredIf`: a field is required when a condition on another holds (decisions R9, e.g.
//! `receiveInvoiceBy` when `contactNameToAppearOnInvoice` is true). Code `required`, with the
//! condition in `params.when`.

use serde_json::{json, Value};

use super::condition::{self, Members};
use super::issue::IssueKind;
use crate::schema::Condition;

/// The issue when `field` is absent and `when` (about field index `when_field`) holds.
pub fn check(field: usize, when_field: usize, when: Condition, m: &impl Members) -> Option<IssueKind> {
    (!m.present(field) && condition::holds(when, when_field, m))
        .then(|| IssueKind::Required { when: Some(condition::when(when)), any_of: None })
}

/// JavaScript (object epilogue): `f` and `w` are the field indices, `name` the field's name.
pub fn js(name: &str, f: usize, w: usize, when: Condition) -> String {
    let test = condition::js(when, &format!("p{w}"), &format!("v{w}"));
    let params = json!({ "when": condition::when(when) });
    format!(
        "if (!p{f} && !r{f} && {test}) {{ c.e({}, a{f} >= 0 ? a{f} : m + {f}, \"required\", {}); r{f} = true; }}\n",
        super::js::quote(name),
        super::js::literal(&params)
    )
}

/// JSON Schema: `if` the condition `then` the field present (`given` says what present means
/// for that field).
pub fn json_schema(when: Condition, given: Value) -> Value {
    json!({ "if": condition::json_schema(when), "then": given })
}

/// The rule in words.
pub fn describe(field: &str, when: Condition) -> String {
    format!("`{field}` is required when {}.", condition::describe(when))
}
