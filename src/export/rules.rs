//! Cross-field rules ([`Rule`], decisions R9) as JSON Schema keywords, with the validator's
//! reading of "present": a member that is there and not `null` (the engine reads `null` as
//! absent, except where a value of any type is expected, and `null` is then a value).
//!
//! - `RequiredIf` → `if` (the condition) / `then` (the field present);
//! - `AnyOf` → `anyOf` of "present" schemas;
//! - `EqualsIf` → `if` / `then` (the field present and `const`);
//! - `AtMostOneFlag` → `contains` + `minContains: 0` + `maxContains: 1` on the array itself
//!   (see [`at_most_one`]), because `contains` belongs to an array-typed schema.
//!
//! Every `required` sits next to a `properties` that names its fields: it says what
//! "present" means here, and ajv's strict mode asks for it.

use serde_json::{json, Map, Value};

use crate::schema::{Condition, Kind, Rule, Schema};

/// The `allOf` items for the object-level rules of `s`, in the model's order (empty when
/// `s` has none). Each carries the rule in words as its `description`.
pub(crate) fn rule_schemas(s: &Schema) -> Vec<Value> {
    let mut out = Vec::new();
    for rule in s.rules {
        let mut item = Map::new();
        item.insert("description".into(), Value::String(rule.describe()));
        match *rule {
            Rule::RequiredIf { field, when } => {
                item.insert("if".into(), condition(when));
                item.insert("then".into(), given(s, field));
            }
            Rule::AnyOf { fields } => {
                // The engine asks whether any of them is there and not null; only the first
                // (where the issue is reported) follows the field's own reading of null.
                let branches =
                    fields.iter().enumerate().map(|(i, f)| if i == 0 { given(s, f) } else { present(f) }).collect();
                item.insert("anyOf".into(), Value::Array(branches));
            }
            Rule::EqualsIf { field, value, when } => {
                item.insert("if".into(), condition(when));
                // A read-only field's value is never compared (only its type is checked), but
                // the rule still asks for it to be there.
                let then = match s.field(field) {
                    Some(f) if f.read_only => given(s, field),
                    _ => json!({ "required": [field], "properties": { field: { "const": value.to_json() } } }),
                };
                item.insert("then".into(), then);
            }
            // Expressed on the array's own schema.
            Rule::AtMostOneFlag { .. } => continue,
        }
        out.push(Value::Object(item));
    }
    out
}

/// For an array field `field` of `s` under an `AtMostOneFlag` rule: the keywords saying that at
/// most one item is an object whose `flag` is `true` (other items are not counted).
pub(crate) fn at_most_one(s: &Schema, field: &str) -> Option<Map<String, Value>> {
    s.rules.iter().find_map(|r| match *r {
        Rule::AtMostOneFlag { array, flag } if array == field => {
            let mut m = Map::new();
            m.insert(
                "contains".into(),
                json!({ "type": "object", "required": [flag], "properties": { flag: { "const": true } } }),
            );
            m.insert("minContains".into(), json!(0));
            m.insert("maxContains".into(), json!(1));
            Some(m)
        }
        _ => None,
    })
}

/// The member is there and not `null`: how the engine reads a condition's field.
fn present(field: &str) -> Value {
    json!({ "required": [field], "properties": { field: { "not": { "type": "null" } } } })
}

/// The member is given, as the field's requiredness reads it: a field of any JSON value
/// (`Kind::Any`) is given even when `null`.
fn given(s: &Schema, field: &str) -> Value {
    match s.field(field).map(|f| &f.kind) {
        Some(Kind::Any) => json!({ "required": [field], "properties": { field: true } }),
        _ => present(field),
    }
}

/// When a rule applies.
fn condition(c: Condition) -> Value {
    match c {
        Condition::Present(f) => present(f),
        Condition::Equals(f, lit) => json!({ "required": [f], "properties": { f: { "const": lit.to_json() } } }),
        Condition::OneOf(f, values) => json!({ "required": [f], "properties": { f: { "enum": values } } }),
    }
}
