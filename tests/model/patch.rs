//! JSON Patch bodies (api-facts §1.8, RFC 6902): the `JsonPatch` schema, RFC 6902 Appendix A
//! through `validate_patch`, and the guide's site flows.

use elevate_billing::schema::Kind;
use elevate_billing::{validate_patch, Error, Options, PatchReport, Value as V};
use serde_json::{json, Value};

use crate::customer::site;
use crate::support::*;

/// Applies `ops` to `doc` with no schema (any JSON document is valid), as RFC 6902 reads it.
fn rfc(doc: Value, ops: Value) -> PatchReport {
    validate_patch(&Kind::Any, &V::from_json(&doc), &V::from_json(&ops), Options::default()).unwrap()
}

fn patch(schema: &str, doc: &Value, ops: Value) -> PatchReport {
    validate_patch(schema, doc, &ops, Options::default()).unwrap()
}

fn pairs(r: &PatchReport) -> Vec<(String, &'static str)> {
    r.issues.iter().map(|i| (i.path.clone(), i.code())).collect()
}

fn one(r: &PatchReport, path: &str, code: &str) -> serde_json::Value {
    assert_eq!(pairs(r), [(path.to_owned(), code)], "{}", render(&r.issues));
    r.issues[0].params()
}

#[track_caller]
fn applies(r: PatchReport, expected: Value) {
    assert!(r.is_valid(), "{}", render(&r.issues));
    assert_eq!(r.document, Some(expected));
}

/// A site as `GET /sites/{site_id}` returns it: read-only fields, `endDate: null`.
fn stored_site() -> Value {
    let mut s = site();
    s["id"] = 40.into();
    s["endDate"] = Value::Null;
    s["createdDate"] = "2024-01-01T09:00:00Z".into();
    s
}

// ---- the JsonPatch schema -------------------------------------------------------------------

#[test]
fn the_six_operations_have_their_members() {
    let ops = json!([
        {"op": "add", "path": "/a", "value": 1},
        {"op": "remove", "path": "/a"},
        {"op": "replace", "path": "", "value": null},
        {"op": "move", "from": "/a~1b", "path": "/c~0d"},
        {"op": "copy", "from": "/x/0", "path": "/x/-"},
        {"op": "test", "path": "/t", "value": [1, {"k": false}]}
    ]);
    assert_valid("JsonPatch", &ops);
    assert_valid("JsonPatch", &json!([]));
    // value / from where they do not belong are ignored, like any unknown member (A.11).
    assert_valid("JsonPatch", &json!([{"op": "remove", "path": "/a", "value": 1, "from": "/b", "xyz": 2}]));
}

#[test]
fn value_is_required_for_add_replace_test_and_null_counts() {
    for op in ["add", "replace", "test"] {
        let i = assert_one("JsonPatch", &json!([{"op": op, "path": "/a"}]), "/0/value", "required");
        assert_eq!(i.params()["when"], json!({"field": "op", "oneOf": ["add", "replace", "test"]}));
        assert_valid("JsonPatch", &json!([{"op": op, "path": "/a", "value": null}]));
    }
    assert_valid("JsonPatch", &json!([{"op": "remove", "path": "/a"}]));
}

#[test]
fn from_is_required_for_move_and_copy() {
    for op in ["move", "copy"] {
        assert_one("JsonPatch", &json!([{"op": op, "path": "/a"}]), "/0/from", "required");
        assert_one("JsonPatch", &json!([{"op": op, "path": "/a", "from": null}]), "/0/from", "required");
        assert_one("JsonPatch", &json!([{"op": op, "path": "/a", "from": "b"}]), "/0/from", "format");
    }
}

#[test]
fn op_and_path_are_checked() {
    assert_one("JsonPatch", &json!([{"path": "/a"}]), "/0/op", "required");
    let i = assert_one("JsonPatch", &json!([{"op": "delete", "path": "/a"}]), "/0/op", "enum");
    assert_eq!(i.params()["allowed"], json!(["add", "remove", "replace", "move", "copy", "test"]));
    assert_one("JsonPatch", &json!([{"op": "Add", "path": "/a", "value": 1}]), "/0/op", "enum");
    assert_one("JsonPatch", &json!([{"op": "remove"}]), "/0/path", "required");
    // RFC 6901: a pointer is empty or starts with "/", and "~" escapes only 0 and 1.
    for bad in ["siteName", "#/siteName", "/a~2", "/a~"] {
        let i = assert_one("JsonPatch", &json!([{"op": "remove", "path": bad}]), "/0/path", "format");
        assert_eq!(i.params()["format"], "json-pointer");
    }
    assert_one("JsonPatch", &json!([{"op": "remove", "path": 3}]), "/0/path", "type");
    assert_one("JsonPatch", &json!({"op": "remove", "path": "/a"}), "", "type");
    assert_one("JsonPatch", &json!(["remove"]), "/0", "type");
}

#[test]
fn every_bad_operation_is_reported_and_nothing_is_applied() {
    let r = patch(
        "Site",
        &stored_site(),
        json!([
            {"op": "replace", "path": "/siteName", "value": "New"},
            {"op": "add", "path": "siteName"},
            {"op": "move", "path": "/a"},
            {"op": "copy", "from": "/x", "path": "/y", "value": 1}
        ]),
    );
    assert_eq!(
        pairs(&r),
        [("/1/path".to_owned(), "format"), ("/1/value".to_owned(), "required"), ("/2/from".to_owned(), "required")]
    );
    assert_eq!(r.document, None);
}

// ---- RFC 6902 Appendix A ----------------------------------------------------------------------

#[test]
fn a1_to_a5_add_and_remove_members_and_elements_and_replace() {
    applies(
        rfc(json!({"foo": "bar"}), json!([{"op": "add", "path": "/baz", "value": "qux"}])),
        json!({"foo": "bar", "baz": "qux"}),
    );
    applies(
        rfc(json!({"foo": ["bar", "baz"]}), json!([{"op": "add", "path": "/foo/1", "value": "qux"}])),
        json!({"foo": ["bar", "qux", "baz"]}),
    );
    applies(rfc(json!({"baz": "qux", "foo": "bar"}), json!([{"op": "remove", "path": "/baz"}])), json!({"foo": "bar"}));
    applies(
        rfc(json!({"foo": ["bar", "qux", "baz"]}), json!([{"op": "remove", "path": "/foo/1"}])),
        json!({"foo": ["bar", "baz"]}),
    );
    applies(
        rfc(json!({"baz": "qux", "foo": "bar"}), json!([{"op": "replace", "path": "/baz", "value": "boo"}])),
        json!({"baz": "boo", "foo": "bar"}),
    );
}

#[test]
fn a6_a7_move_a_member_and_an_element() {
    applies(
        rfc(
            json!({"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}}),
            json!([{"op": "move", "from": "/foo/waldo", "path": "/qux/thud"}]),
        ),
        json!({"foo": {"bar": "baz"}, "qux": {"corge": "grault", "thud": "fred"}}),
    );
    // The element is removed first, so index 3 names the end of the shortened array.
    applies(
        rfc(
            json!({"foo": ["all", "grass", "cows", "eat"]}),
            json!([{"op": "move", "from": "/foo/1", "path": "/foo/3"}]),
        ),
        json!({"foo": ["all", "cows", "eat", "grass"]}),
    );
}

#[test]
fn a8_a9_test_succeeds_and_fails() {
    let doc = json!({"baz": "qux", "foo": ["a", 2, "c"]});
    let ok = json!([{"op": "test", "path": "/baz", "value": "qux"}, {"op": "test", "path": "/foo/1", "value": 2}]);
    applies(rfc(doc.clone(), ok), doc);
    let r = rfc(json!({"baz": "qux"}), json!([{"op": "test", "path": "/baz", "value": "bar"}]));
    assert_eq!(one(&r, "/0/path", "patchTest"), json!({"pointer": "/baz", "actual": "qux"}));
    assert_eq!(r.issues[0].message(), "The test of /baz failed: the document holds qux there.");
    assert_eq!(r.document, None);
}

#[test]
fn a10_a11_nested_object_and_unrecognised_members() {
    applies(
        rfc(json!({"foo": "bar"}), json!([{"op": "add", "path": "/child", "value": {"grandchild": {}}}])),
        json!({"foo": "bar", "child": {"grandchild": {}}}),
    );
    applies(
        rfc(json!({"foo": "bar"}), json!([{"op": "add", "path": "/baz", "value": "qux", "xyz": 123}])),
        json!({"foo": "bar", "baz": "qux"}),
    );
}

#[test]
fn a12_adding_to_a_nonexistent_target_is_an_error() {
    let r = rfc(json!({"foo": "bar"}), json!([{"op": "add", "path": "/baz/bat", "value": "qux"}]));
    assert_eq!(one(&r, "/0/path", "patchTarget"), json!({"op": "add", "pointer": "/baz/bat", "reason": "missing"}));
    assert_eq!(r.issues[0].message(), "Cannot add at /baz/bat: its parent does not exist in the document.");
}

#[test]
fn a13_a_repeated_op_member_is_not_an_add() {
    // JSON text keeps both members; as everywhere in this crate the last one wins, which makes
    // this a `remove` of a missing member: an error either way, never an `add`.
    let ops = V::parse(r#"[{"op": "add", "path": "/baz", "value": "qux", "op": "remove"}]"#).unwrap();
    let doc = json!({"foo": "bar"});
    let r = validate_patch(&Kind::Any, &V::from_json(&doc), &ops, Options::default()).unwrap();
    assert_eq!(one(&r, "/0/path", "patchTarget")["op"], "remove");
}

#[test]
fn a14_a15_escapes_decode_in_order_and_strings_are_not_numbers() {
    let doc = json!({"/": 9, "~1": 10});
    applies(rfc(doc.clone(), json!([{"op": "test", "path": "/~01", "value": 10}])), doc.clone());
    let r = rfc(doc.clone(), json!([{"op": "test", "path": "/~01", "value": "10"}]));
    assert_eq!(one(&r, "/0/path", "patchTest")["actual"], 10);
    applies(rfc(doc.clone(), json!([{"op": "test", "path": "/~1", "value": 9}])), doc);
}

#[test]
fn a16_adding_an_array_value_appends_it_whole() {
    applies(
        rfc(json!({"foo": ["bar"]}), json!([{"op": "add", "path": "/foo/-", "value": ["abc", "def"]}])),
        json!({"foo": ["bar", ["abc", "def"]]}),
    );
}

#[test]
fn test_compares_numbers_by_value_and_objects_regardless_of_order() {
    // RFC 6902 §4.6.
    let doc = json!({"n": 1, "o": {"a": 1, "b": [2.5]}});
    let ops = json!([{"op": "test", "path": "/n", "value": 1.0}, {"op": "test", "path": "/o", "value": {"b": [2.5], "a": 1}}]);
    applies(rfc(doc.clone(), ops), doc.clone());
    let r = rfc(doc, json!([{"op": "test", "path": "/o", "value": {"a": 1}}]));
    // An object is not quoted in the issue.
    assert_eq!(one(&r, "/0/path", "patchTest"), json!({"pointer": "/o"}));
}

#[test]
fn operations_apply_in_order_and_stop_at_the_first_failure() {
    // RFC 6902 §5: the second op fails; the third would too but is not reached.
    let r = rfc(
        json!({"a": [1]}),
        json!([
            {"op": "add", "path": "/a/-", "value": 2},
            {"op": "remove", "path": "/a/2"},
            {"op": "remove", "path": "/zzz"}
        ]),
    );
    assert_eq!(one(&r, "/1/path", "patchTarget"), json!({"op": "remove", "pointer": "/a/2", "reason": "index"}));
    // The same ops without the failing one see each other's effect.
    applies(
        rfc(json!({"a": [1]}), json!([{"op": "add", "path": "/a/-", "value": 2}, {"op": "remove", "path": "/a/1"}])),
        json!({"a": [1]}),
    );
}

#[test]
fn targets_that_cannot_apply_say_why() {
    let doc = json!({"a": [1, 2], "s": "x", "o": {}});
    let reason = |ops: Value| {
        rfc(doc.clone(), ops).issues.iter().map(|i| (i.path.clone(), i.params()["reason"].clone())).collect::<Vec<_>>()
    };
    let at = |p: &str, r: &str| vec![(p.to_owned(), json!(r))];
    // Array positions: add may name the end (2) or "-"; nothing else past it.
    assert_eq!(reason(json!([{"op": "add", "path": "/a/3", "value": 0}])), at("/0/path", "index"));
    assert_eq!(reason(json!([{"op": "add", "path": "/a/01", "value": 0}])), at("/0/path", "index"));
    applies(
        rfc(doc.clone(), json!([{"op": "add", "path": "/a/2", "value": 3}])),
        json!({"a": [1, 2, 3], "s": "x", "o": {}}),
    );
    assert_eq!(reason(json!([{"op": "replace", "path": "/a/-", "value": 0}])), at("/0/path", "index"));
    assert_eq!(reason(json!([{"op": "replace", "path": "/a/2", "value": 0}])), at("/0/path", "index"));
    // Replace needs an existing target (RFC 6902 §4.3); add into a string cannot work.
    assert_eq!(reason(json!([{"op": "replace", "path": "/o/k", "value": 0}])), at("/0/path", "missing"));
    assert_eq!(reason(json!([{"op": "add", "path": "/s/k", "value": 0}])), at("/0/path", "notContainer"));
    // from of move / copy, the whole document, and a value moved into itself.
    assert_eq!(reason(json!([{"op": "copy", "from": "/nope", "path": "/b"}])), at("/0/from", "missing"));
    assert_eq!(reason(json!([{"op": "move", "from": "/a/5", "path": "/b"}])), at("/0/from", "index"));
    assert_eq!(reason(json!([{"op": "remove", "path": ""}])), at("/0/path", "root"));
    assert_eq!(reason(json!([{"op": "move", "from": "/o", "path": "/o/inner"}])), at("/0/path", "inside"));
    // A target that exists with the value null is a target (replace works, RFC 6901).
    applies(rfc(json!({"n": null}), json!([{"op": "replace", "path": "/n", "value": 1}])), json!({"n": 1}));
}

// ---- the guide's flows on Site (api-facts §1.3, §3.1) -----------------------------------------

#[test]
fn ending_a_site_with_a_valid_and_an_invalid_date() {
    let r = patch("Site", &stored_site(), json!([{"op": "replace", "path": "/endDate", "value": "2024-12-31"}]));
    assert!(r.is_valid(), "{}", render(&r.issues));
    let doc = r.document.unwrap();
    assert_eq!(doc["endDate"], "2024-12-31");
    assert_eq!(doc["siteName"], "Head Office");
    let r = patch("Site", &stored_site(), json!([{"op": "replace", "path": "/endDate", "value": "2024-02-30"}]));
    assert_eq!(one(&r, "/endDate", "format")["format"], "date");
    assert_eq!(r.document.unwrap()["endDate"], "2024-02-30", "the invalid result is still previewed");
}

#[test]
fn replace_needs_the_member_but_add_does_not() {
    // A site document without endDate at all: replace fails (RFC 6902 §4.3), add works.
    let r = patch("Site", &site(), json!([{"op": "replace", "path": "/endDate", "value": "2024-12-31"}]));
    assert_eq!(one(&r, "/0/path", "patchTarget")["reason"], "missing");
    assert_eq!(r.issues[0].message(), "Cannot replace at /endDate: nothing exists there in the document.");
    let r = patch("Site", &site(), json!([{"op": "add", "path": "/endDate", "value": "2024-12-31"}]));
    assert!(r.is_valid(), "{}", render(&r.issues));
}

#[test]
fn adding_a_contact_at_the_end() {
    let contact = json!({"contactName": "Sam", "contactRole": "TECHNICAL"});
    let r = patch("Site", &stored_site(), json!([{"op": "add", "path": "/siteContacts/-", "value": contact}]));
    assert!(r.is_valid(), "{}", render(&r.issues));
    assert_eq!(r.document.unwrap()["siteContacts"][1]["contactName"], "Sam");
    // The new contact is judged where it lands.
    let bad = json!({"contactName": "Sam", "contactRole": "BOSS", "contactTelephoneNumber": "+44 1234"});
    let r = patch("Site", &stored_site(), json!([{"op": "add", "path": "/siteContacts/-", "value": bad}]));
    assert_eq!(
        pairs(&r),
        [
            ("/siteContacts/1/contactRole".to_owned(), "enum"),
            ("/siteContacts/1/contactTelephoneNumber".to_owned(), "pattern")
        ]
    );
}

#[test]
fn removing_or_nulling_a_required_field_is_reported_at_its_path() {
    let r = patch("Site", &stored_site(), json!([{"op": "remove", "path": "/siteName"}]));
    one(&r, "/siteName", "required");
    let r = patch("Site", &stored_site(), json!([{"op": "replace", "path": "/siteAddress/town", "value": null}]));
    one(&r, "/siteAddress/town", "required");
    let r = patch("Site", &stored_site(), json!([{"op": "remove", "path": "/siteContacts/0"}]));
    one(&r, "/siteContacts", "minItems");
    // An optional one may go.
    let r = patch("Site", &stored_site(), json!([{"op": "remove", "path": "/endDate"}]));
    assert!(r.is_valid(), "{}", render(&r.issues));
}

#[test]
fn cross_field_rules_apply_to_the_result() {
    // Copying the invoice contact makes two contacts on the invoice (decisions R9).
    let r =
        patch("Site", &stored_site(), json!([{"op": "copy", "from": "/siteContacts/0", "path": "/siteContacts/-"}]));
    one(&r, "/siteContacts/1/contactNameToAppearOnInvoice", "singleInvoiceContact");
    // Guarded update: test the current value, then replace.
    let ops = json!([
        {"op": "test", "path": "/siteName", "value": "Head Office"},
        {"op": "replace", "path": "/siteName", "value": "Head Office (North)"}
    ]);
    assert!(patch("Site", &stored_site(), ops.clone()).is_valid());
    let moved = with(&stored_site(), "/siteName", Some("Elsewhere".into()));
    one(&patch("Site", &moved, ops), "/0/path", "patchTest");
}

#[test]
fn options_reach_the_patched_document() {
    // The docs' own example path /name (api-facts §1.8) adds a member Site does not have.
    let ops = json!([{"op": "add", "path": "/name", "value": "insurance"}]);
    assert!(patch("Site", &stored_site(), ops.clone()).is_valid());
    let loud = Options { report_unknown_fields: true, ..Options::default() };
    let r = validate_patch("Site", &stored_site(), &ops, loud).unwrap();
    assert_eq!(pairs(&r), [("/name".to_owned(), "unknownField")]);
}

#[test]
fn current_is_not_changed_and_unknown_schemas_are_errors() {
    let current = stored_site();
    let before = current.clone();
    let r = patch("Site", &current, json!([{"op": "remove", "path": "/siteContacts"}]));
    assert_eq!(current, before);
    assert!(r.document.unwrap().get("siteContacts").is_none());
    let e = validate_patch("UsageProducts", &json!({}), &json!([]), Options::default()).unwrap_err();
    assert!(matches!(e, Error::UnknownSchema { .. }), "{e}");
    let e = validate_patch("Sites", &V::Null, &V::Array(vec![]), Options::default()).unwrap_err();
    assert!(e.to_string().contains("known schemas: Customer"), "{e}");
}

#[test]
fn growth_of_the_document_is_bounded() {
    use elevate_billing::limits::{MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_VALUES};
    // A copy of the whole document into itself doubles it: refused before it runs when the
    // result would pass the limit, allowed just below it.
    let half = MAX_DOCUMENT_VALUES / 2;
    let current = |n: usize| json!({"a": vec![0; n - 2]});
    let copy = json!([{"op": "copy", "from": "", "path": "/b"}]);
    let run = |doc: &Value| validate_patch(&Kind::Any, &V::from_json(doc), &V::from_json(&copy), Options::default());
    let e = run(&current(half + 1)).unwrap_err();
    assert!(
        matches!(e, Error::TooLarge { what, limit } if what.contains("number of values") && limit == MAX_DOCUMENT_VALUES),
        "{e}"
    );
    let r = run(&current(half)).unwrap();
    assert_eq!(r.document.unwrap()["b"]["a"].as_array().unwrap().len(), half - 2);
    // Each copy of the whole document one level down deepens it by one.
    let ops = |n: usize| Value::Array((0..n).map(|_| json!({"op": "copy", "from": "", "path": "/d"})).collect());
    let deep =
        |n: usize| validate_patch(&Kind::Any, &V::from_json(&json!({})), &V::from_json(&ops(n)), Options::default());
    assert!(deep(MAX_DOCUMENT_DEPTH - 1).unwrap().is_valid());
    let e = deep(MAX_DOCUMENT_DEPTH).unwrap_err();
    assert!(matches!(e, Error::TooLarge { what, .. } if what.contains("depth")), "{e}");
}

#[test]
fn moving_back_and_forth_does_not_exhaust_the_bound() {
    // The depth bound of a move is an estimate; it is measured before refusing.
    let mut ops = Vec::new();
    for _ in 0..400 {
        ops.push(json!({"op": "move", "from": "/a", "path": "/b/c"}));
        ops.push(json!({"op": "move", "from": "/b/c", "path": "/a"}));
    }
    applies(rfc(json!({"a": {"x": 1}, "b": {}}), Value::Array(ops)), json!({"b": {}, "a": {"x": 1}}));
}

#[test]
fn the_text_of_the_document_is_bounded_too() {
    use elevate_billing::limits::MAX_DOCUMENT_BYTES;
    // Copies of a long string double the text: 30 of them would be 10 KB × 2^30. Refused
    // before the copy that would pass the limit runs, whatever the count of values.
    let doubling = Value::Array((0..30).map(|_| json!({"op": "copy", "from": "/a", "path": "/a/-"})).collect());
    let started = std::time::Instant::now();
    let e = validate_patch(
        &Kind::Any,
        &V::from_json(&json!({"a": ["x".repeat(10_000)]})),
        &V::from_json(&doubling),
        Options::default(),
    )
    .unwrap_err();
    assert!(
        matches!(e, Error::TooLarge { what, limit } if what.contains("text") && limit == MAX_DOCUMENT_BYTES),
        "{e}"
    );
    assert!(started.elapsed().as_secs() < 20, "bounded before the copies run");
    // At the limit exactly (the member name "a" is one byte): accepted; one byte more: refused.
    let copy = json!([{"op": "copy", "from": "/a/0", "path": "/a/-"}]);
    let at = |extra: usize| {
        let half = (MAX_DOCUMENT_BYTES - 1) / 2;
        let doc = json!({"a": ["y".repeat(half + extra)]});
        validate_patch(&Kind::Any, &V::from_json(&doc), &V::from_json(&copy), Options::default())
    };
    assert_eq!((MAX_DOCUMENT_BYTES - 1) % 2, 1, "the case below sits one byte under the limit");
    assert!(at(0).unwrap().is_valid());
    assert!(matches!(at(1).unwrap_err(), Error::TooLarge { what, .. } if what.contains("text")));
    // Multi-byte characters count in UTF-8 bytes (2 for é), as the JavaScript twin counts them.
    let accented = |n: usize| {
        let doc = json!({"a": ["é".repeat(n)]});
        validate_patch(&Kind::Any, &V::from_json(&doc), &V::from_json(&copy), Options::default())
    };
    assert!(accented(MAX_DOCUMENT_BYTES / 4 - 1).is_ok(), "1 + 2 × 2 × (n/4 − 1) bytes");
    assert!(accented(MAX_DOCUMENT_BYTES / 4).is_err(), "1 + 2 × 2 × n/4 bytes");
}
