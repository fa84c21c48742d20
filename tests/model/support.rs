//! Helpers for model tests: run a validation and compare `(path, code)` pairs, and mutate a
//! valid fixture at a JSON Pointer to probe one rule at its boundary.

#![allow(dead_code)]

use elevate_billing::{validate, Issue, Options};
use serde_json::Value;

/// The issues of validating `value` against `schema`.
pub fn issues(schema: &str, value: &Value) -> Vec<Issue> {
    validate(schema, value, Options::default()).expect("known schema").issues
}

/// `(path, code)` of every issue, in order.
pub fn codes(schema: &str, value: &Value) -> Vec<(String, &'static str)> {
    issues(schema, value).into_iter().map(|i| (i.path.clone(), i.code())).collect()
}

#[track_caller]
pub fn assert_valid(schema: &str, value: &Value) {
    let found = issues(schema, value);
    assert!(found.is_empty(), "expected {schema} to be valid, got:\n{}", render(&found));
}

/// Exactly one issue, with this path and code.
#[track_caller]
pub fn assert_one(schema: &str, value: &Value, path: &str, code: &str) -> Issue {
    let found = issues(schema, value);
    assert!(
        found.len() == 1 && found[0].path == path && found[0].code() == code,
        "expected exactly {path} {code} for {schema}, got:\n{}",
        render(&found)
    );
    found.into_iter().next().unwrap()
}

pub fn render(issues: &[Issue]) -> String {
    issues.iter().map(|i| format!("  {i}\n")).collect()
}

/// `base` with the value at `pointer` replaced by `v` (or removed when `v` is `None`);
/// missing parent objects are not created.
pub fn with(base: &Value, pointer: &str, v: Option<Value>) -> Value {
    let mut out = base.clone();
    let (parent, last) = pointer.rsplit_once('/').expect("pointer");
    let target = out.pointer_mut(parent).unwrap_or_else(|| panic!("no parent for {pointer}"));
    match (target, v) {
        (Value::Object(m), Some(v)) => {
            m.insert(last.to_owned(), v);
        }
        (Value::Object(m), None) => {
            m.shift_remove(last);
        }
        (Value::Array(a), Some(v)) => {
            let i: usize = last.parse().expect("index");
            if i == a.len() {
                a.push(v)
            } else {
                a[i] = v
            }
        }
        (Value::Array(a), None) => {
            a.remove(last.parse::<usize>().expect("index"));
        }
        _ => panic!("{pointer}: parent is not a container"),
    }
    out
}

/// A string of `n` copies of `c`.
pub fn s(c: &str, n: usize) -> Value {
    Value::String(c.repeat(n))
}

/// Checks a length-bounded text field at its boundaries: `min` and `max` pass, `max + 1`
/// fails with `maxLength`, and (when `min > 0`) `min - 1` fails with `minLength`.
#[track_caller]
pub fn check_length(schema: &str, base: &Value, pointer: &str, min: usize, max: usize, fill: &str) {
    if min > 0 {
        assert_valid(schema, &with(base, pointer, Some(s(fill, min))));
        assert_one(schema, &with(base, pointer, Some(s(fill, min - 1))), pointer, "minLength");
    }
    assert_valid(schema, &with(base, pointer, Some(s(fill, max))));
    let i = assert_one(schema, &with(base, pointer, Some(s(fill, max + 1))), pointer, "maxLength");
    assert_eq!(i.params()["limit"], max);
    assert_eq!(i.params()["actual"], max + 1);
}

/// Checks an integer field: `min` and `max` pass; one below / above fail with
/// `minimum` / `maximum` (bounds given as `None` are not probed).
#[track_caller]
pub fn check_range(schema: &str, base: &Value, pointer: &str, min: Option<f64>, max: Option<f64>, step: f64) {
    if let Some(min) = min {
        assert_valid(schema, &with(base, pointer, Some(min.into())));
        assert_one(schema, &with(base, pointer, Some((min - step).into())), pointer, "minimum");
    }
    if let Some(max) = max {
        assert_valid(schema, &with(base, pointer, Some(max.into())));
        assert_one(schema, &with(base, pointer, Some((max + step).into())), pointer, "maximum");
    }
}

/// Checks a required field: removing it or setting it to `null` gives one `required` issue.
#[track_caller]
pub fn check_required(schema: &str, base: &Value, pointer: &str) {
    assert_one(schema, &with(base, pointer, None), pointer, "required");
    assert_one(schema, &with(base, pointer, Some(Value::Null)), pointer, "required");
}

/// Checks an optional field: removing it or setting it to `null` stays valid.
#[track_caller]
pub fn check_optional(schema: &str, base: &Value, pointer: &str) {
    assert_valid(schema, &with(base, pointer, None));
    assert_valid(schema, &with(base, pointer, Some(Value::Null)));
}

/// Checks an enum field: each allowed value passes, anything else fails with `enum`.
///
/// Callers list the documented values again, copied from api-facts rather than read from the
/// model, on purpose: the test is the independent oracle, so a value dropped from or added to
/// a model table fails here instead of passing by construction.
#[track_caller]
pub fn check_enum(schema: &str, base: &Value, pointer: &str, allowed: &[&str]) {
    for a in allowed {
        assert_valid(schema, &with(base, pointer, Some((*a).into())));
    }
    for bad in ["", "other", &allowed[0].to_lowercase()] {
        let i = assert_one(schema, &with(base, pointer, Some(bad.into())), pointer, "enum");
        assert_eq!(i.params()["allowed"], serde_json::json!(allowed));
    }
}

/// Largest integer JavaScript holds exactly: the int64 bound (decisions R8).
pub const MAX_SAFE: i64 = 9_007_199_254_740_991;

/// Checks an `int32` / `int64` field's type and width rules at both ends of the width
/// (decisions R8): the width's limits pass, one beyond fails with `format`. A field with a
/// documented minimum above the width's floor reports that floor as `minimum` instead
/// (its own bound is probed by [`check_range`]).
#[track_caller]
pub fn check_integer(schema: &str, base: &Value, pointer: &str, int32: bool) {
    assert_one(schema, &with(base, pointer, Some(1.5.into())), pointer, "type");
    assert_one(schema, &with(base, pointer, Some("1".into())), pointer, "type");
    let (lo, hi, width) =
        if int32 { (i64::from(i32::MIN), i64::from(i32::MAX), "int32") } else { (-MAX_SAFE, MAX_SAFE, "int64") };
    assert_valid(schema, &with(base, pointer, Some(hi.into())));
    let i = assert_one(schema, &with(base, pointer, Some((hi + 1).into())), pointer, "format");
    assert_eq!(i.params()["format"], width);
    let floor = issues(schema, &with(base, pointer, Some(lo.into())));
    assert!(
        floor.is_empty() || (floor.len() == 1 && floor[0].path == pointer && floor[0].code() == "minimum"),
        "expected {pointer} = {lo} to be valid (or below a documented minimum), got:\n{}",
        render(&floor)
    );
    let i = assert_one(schema, &with(base, pointer, Some((lo - 1).into())), pointer, "format");
    assert_eq!(i.params()["format"], width);
}

/// Checks a `date` field: a leap day passes, a non-existent day and other shapes fail.
#[track_caller]
pub fn check_date(schema: &str, base: &Value, pointer: &str) {
    assert_valid(schema, &with(base, pointer, Some("2024-02-29".into())));
    for bad in ["2023-02-29", "2024-13-01", "2024-1-01", "01/02/2024", "2024-02-29T00:00:00Z"] {
        assert_one(schema, &with(base, pointer, Some(bad.into())), pointer, "format");
    }
    assert_one(schema, &with(base, pointer, Some(20240229.into())), pointer, "type");
}

/// Checks a boolean field.
#[track_caller]
pub fn check_boolean(schema: &str, base: &Value, pointer: &str) {
    assert_valid(schema, &with(base, pointer, Some(true.into())));
    assert_valid(schema, &with(base, pointer, Some(false.into())));
    assert_one(schema, &with(base, pointer, Some("true".into())), pointer, "type");
    assert_one(schema, &with(base, pointer, Some(1.into())), pointer, "type");
}

/// Checks a decimal `number` field with no bounds: any finite number passes, other JSON
/// types fail with `type`.
#[track_caller]
pub fn check_number(schema: &str, base: &Value, pointer: &str) {
    for ok in [0.0, -1.5, 12.345, 1e9] {
        assert_valid(schema, &with(base, pointer, Some(ok.into())));
    }
    let i = assert_one(schema, &with(base, pointer, Some("1".into())), pointer, "type");
    assert_eq!(i.params(), serde_json::json!({"expected": "number", "actual": "string"}));
    assert_one(schema, &with(base, pointer, Some(true.into())), pointer, "type");
}

/// Checks a string field with no documented constraint beyond its type.
#[track_caller]
pub fn check_text(schema: &str, base: &Value, pointer: &str) {
    for ok in ["", " ", "<any> text ’ + {}", &"x".repeat(1000)] {
        assert_valid(schema, &with(base, pointer, Some(ok.into())));
    }
    assert_one(schema, &with(base, pointer, Some(5.into())), pointer, "type");
}

/// Checks a read-only field: any value of its JSON type passes (the server ignores it), a
/// value of another type fails with `type`.
#[track_caller]
pub fn check_read_only(schema: &str, base: &Value, pointer: &str, any_of_its_type: Value, other_type: Value) {
    check_optional(schema, base, pointer);
    assert_valid(schema, &with(base, pointer, Some(any_of_its_type)));
    assert_one(schema, &with(base, pointer, Some(other_type)), pointer, "type");
}

/// Checks a field whose value is a regular expression in the server's dialect (decisions R10):
/// a valid one passes, one that does not compile fails with `format` / `regex`.
#[track_caller]
pub fn check_regex(schema: &str, base: &Value, pointer: &str) {
    for ok in ["[0-9]{3,11}", "[a-zA-Z0-9\\-]{3,100}", ".*", "(0|44)[0-9]{9,10}"] {
        assert_valid(schema, &with(base, pointer, Some(ok.into())));
    }
    for bad in ["([", "[0-9", "a{2,1}"] {
        let i = assert_one(schema, &with(base, pointer, Some(bad.into())), pointer, "format");
        assert_eq!(i.params()["format"], "regex", "{bad}");
        assert!(i.params()["reason"].is_string(), "{bad}: {}", i.params());
    }
    assert_one(schema, &with(base, pointer, Some(5.into())), pointer, "type");
}

/// Checks a PAT-NAME-CURLY field (decisions R3): the typographic apostrophe and the listed
/// punctuation pass, characters outside the visible class fail with `pattern`.
#[track_caller]
pub fn check_name_curly(schema: &str, base: &Value, pointer: &str) {
    for ok in ["O’Neil & Sons (UK) — #1", "Zoë's 50% off: a/b-c+d.e?*", "Straße_2"] {
        assert_valid(schema, &with(base, pointer, Some(ok.into())));
    }
    for (bad, ch) in [("<b>", "<"), ("a\"b", "\""), ("a{b}", "{"), ("x~y", "~")] {
        let i = assert_one(schema, &with(base, pointer, Some(bad.into())), pointer, "pattern");
        assert_eq!(i.params()["pattern"], "NAME_CURLY");
        assert_eq!(i.params()["character"], ch);
    }
}

/// Checks a nominal code field: PAT-NOMINAL, also where the page shows PAT-NOMINAL-DBL
/// (decisions R6): the docs' example passes; `{`, `\` and spaces (which the literal DBL text
/// would treat differently) fail.
#[track_caller]
pub fn check_nominal(schema: &str, base: &Value, pointer: &str) {
    for ok in ["SALES-01QTR2", "Café.1_x"] {
        assert_valid(schema, &with(base, pointer, Some(ok.into())));
    }
    for (bad, ch) in [("A{L}", "{"), ("A\\B", "\\"), ("SALES 01", " ")] {
        let i = assert_one(schema, &with(base, pointer, Some(bad.into())), pointer, "pattern");
        assert_eq!(i.params()["pattern"], "NOMINAL");
        assert_eq!(i.params()["character"], ch);
    }
}

/// Checks an `Array of integers(int32)`: items are int32 (reported at their index), and
/// `min_items` is the least count.
#[track_caller]
pub fn check_int32_list(schema: &str, base: &Value, pointer: &str, min_items: usize) {
    check_int_list(schema, base, pointer, min_items, true);
}

/// Checks an array of `int32` / `int64` integers: items are checked at their index against
/// the width (decisions R8), a non-array fails with `type`, and `min_items` is the least count.
#[track_caller]
pub fn check_int_list(schema: &str, base: &Value, pointer: &str, min_items: usize, int32: bool) {
    let (max, width) = if int32 { (i64::from(i32::MAX), "int32") } else { (MAX_SAFE, "int64") };
    assert_valid(schema, &with(base, pointer, Some(serde_json::json!([1, 2, max]))));
    let i = assert_one(
        schema,
        &with(base, pointer, Some(serde_json::json!([1, max + 1]))),
        &format!("{pointer}/1"),
        "format",
    );
    assert_eq!(i.params()["format"], width);
    assert_one(schema, &with(base, pointer, Some(serde_json::json!(["1"]))), &format!("{pointer}/0"), "type");
    assert_one(schema, &with(base, pointer, Some(serde_json::json!([1, 1.5]))), &format!("{pointer}/1"), "type");
    assert_one(schema, &with(base, pointer, Some(1.into())), pointer, "type");
    if min_items == 0 {
        assert_valid(schema, &with(base, pointer, Some(serde_json::json!([]))));
    } else {
        let i = assert_one(schema, &with(base, pointer, Some(serde_json::json!([]))), pointer, "minItems");
        assert_eq!(i.params()["limit"], min_items);
    }
}

/// Checks an `EmailAddress` field (decisions R4): the RFC 5322 forms pass, a single-label
/// domain and other defects fail with `pattern`, and the length is at most 255.
#[track_caller]
pub fn check_email(schema: &str, base: &Value, pointer: &str) {
    for ok in ["o'neil+bills@example.co.uk", "a@b.co", "\"john..doe\"@example.com", "x@[192.168.0.1]"] {
        assert_valid(schema, &with(base, pointer, Some(ok.into())));
    }
    for bad in [
        "jane@example",
        "jane.example.com",
        "jane@@example.com",
        "jané@example.com",
        "jane@-example.com",
        "a b@example.com",
    ] {
        assert_one(schema, &with(base, pointer, Some(bad.into())), pointer, "pattern");
    }
    let local = "a".repeat(64);
    let domain = format!("{}.com", "b".repeat(255 - 64 - 1 - 4));
    let max = format!("{local}@{domain}");
    assert_eq!(max.len(), 255);
    assert_valid(schema, &with(base, pointer, Some(max.clone().into())));
    assert_one(schema, &with(base, pointer, Some(format!("a{max}").into())), pointer, "maxLength");
}

/// Checks a conditional requirement: with `trigger` applied, removing `field` gives one
/// `required` issue whose `params.when` is `when`.
#[track_caller]
pub fn check_required_when(schema: &str, triggered: &Value, field: &str, when: Value) {
    let i = assert_one(schema, &with(triggered, field, None), field, "required");
    assert_eq!(i.params()["when"], when);
    let i = assert_one(schema, &with(triggered, field, Some(Value::Null)), field, "required");
    assert_eq!(i.params()["when"], when);
}
