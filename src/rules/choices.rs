//! `enum`: the value must be one of a list (an enum of the API for strings; a value the
//! context fixes for integers, such as a new customer's site's `customerId` 0). The list alone
//! decides: a string in the list is not checked against a pattern.

use serde_json::{json, Map, Value};

use super::issue::IssueKind;
use super::js::{literal, Pool};
use super::message::{template, Cond, Template};
use crate::schema::Choices;

/// Sentences for `enum`.
pub const MESSAGES: &[Template] = &[
    template("enum", &[Cond::Count("allowed", 1)], "{field} must be {allowed|list}."),
    template("enum", &[], "{field} must be one of: {allowed|list}."),
    template("enum", &[], "{field} is not one of the allowed values."),
];

/// The issue for a string not in `choices`.
pub fn check_str(choices: &Choices, s: &str) -> Option<IssueKind> {
    (!choices.values.iter().any(|v| same(v.as_bytes(), s.as_bytes())))
        .then(|| IssueKind::Enum { allowed: choices.values.iter().map(|v| (*v).into()).collect() })
}

/// `a == b`, a word at a time: enum values are short, and in wasm a slice compare is a call
/// to a byte-by-byte `memcmp`.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |c: &[u8]| <[u8; 8]>::try_from(c).map_or(0, u64::from_ne_bytes);
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    let words_equal = x.by_ref().zip(y.by_ref()).all(|(p, q)| word(p) == word(q));
    words_equal && x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

/// The issue for an integer not in `allowed`.
pub fn check_int(allowed: &[i64], n: f64) -> Option<IssueKind> {
    (!allowed.iter().any(|&a| a as f64 == n))
        .then(|| IssueKind::Enum { allowed: allowed.iter().map(|&a| a.into()).collect() })
}

fn js_check(values: Value, pool: &mut Pool) -> String {
    let set = pool.constant(format!("new Set({})", literal(&values)));
    let list = pool.constant(literal(&values));
    format!("if (!{set}.has(x)) c.e(k, mi, \"enum\", {{ allowed: {list}.slice() }});\n")
}

/// JavaScript: the check of string `x` against `choices`.
pub fn js_str(choices: &Choices, pool: &mut Pool) -> String {
    js_check(json!(choices.values), pool)
}

/// JavaScript: the check of integer `x` against `allowed`.
pub fn js_int(allowed: &[i64], pool: &mut Pool) -> String {
    js_check(json!(allowed), pool)
}

/// JSON Schema keyword.
pub fn json_schema(values: Value, m: &mut Map<String, Value>) {
    m.insert("enum".into(), values);
}

/// `describeField` entries: the enum's name (strings) and the allowed values.
pub fn describe(name: Option<&str>, values: Value, d: &mut Map<String, Value>) {
    if let Some(name) = name {
        d.insert("enum".into(), name.into());
    }
    d.insert("allowed".into(), values);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_compare_is_equality() {
        let cases = ["", "A", "EMAIL", "ACCOUNTS", "ACCOUNTSX", "STAFF_MEMBER", "TWENTYFOURMONTHS", "TWENTYFOURMONTHZ"];
        for a in cases {
            for b in cases {
                assert_eq!(same(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
            }
        }
    }
}
