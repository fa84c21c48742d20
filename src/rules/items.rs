//! `minItems` / `maxItems`: how many items an array has. Reported on the array itself, before
//! the issues of its items.

use serde_json::{Map, Value};

use super::issue::IssueKind;
use super::message::{template, Cond, Template};
use crate::schema::Array;

/// Sentences for `minItems` and `maxItems`.
pub const MESSAGES: &[Template] = &[
    template("minItems", &[Cond::IsNumber("limit", 1.0)], "{field} must have at least one item."),
    template("minItems", &[], "{field} must have at least {limit} items (it has {actual})."),
    template("minItems", &[], "{field} has too few items."),
    template("maxItems", &[], "{field} can have at most {limit} items (it has {actual})."),
    template("maxItems", &[], "{field} has too many items."),
];

/// Reports an array of `n` items outside `a`'s bounds.
pub fn check(a: &Array, n: u64, emit: &mut impl FnMut(IssueKind)) {
    if n < u64::from(a.min_items) {
        emit(IssueKind::MinItems { limit: a.min_items.into(), actual: n });
    }
    if let Some(max) = a.max_items.filter(|&m| n > u64::from(m)) {
        emit(IssueKind::MaxItems { limit: max.into(), actual: n });
    }
}

/// JavaScript: the same checks of `n` items.
pub fn js(a: &Array) -> String {
    let mut out = String::new();
    if a.min_items > 0 {
        let min = a.min_items;
        out.push_str(&format!("if (n < {min}) c.e(k, mi, \"minItems\", {{ limit: {min}, actual: n }});\n"));
    }
    if let Some(max) = a.max_items {
        out.push_str(&format!("if (n > {max}) c.e(k, mi, \"maxItems\", {{ limit: {max}, actual: n }});\n"));
    }
    out
}

/// JSON Schema keywords.
pub fn json_schema(a: &Array, m: &mut Map<String, Value>) {
    if a.min_items > 0 {
        m.insert("minItems".into(), a.min_items.into());
    }
    if let Some(max) = a.max_items {
        m.insert("maxItems".into(), max.into());
    }
}

/// `describeField` entries.
pub fn describe(a: &Array, d: &mut Map<String, Value>) {
    d.insert("minItems".into(), a.min_items.into());
    if let Some(max) = a.max_items {
        d.insert("maxItems".into(), max.into());
    }
}
