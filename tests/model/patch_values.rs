//! JSON Patch without the current record (`validate_patch_values`, what the client checks
//! before `update` when it is not given `current`): each value judged as the field its path
//! names, a `remove` of a field that must be given reported, unknown paths left to the server.

use elevate_billing::schema::Kind;
use elevate_billing::{validate_patch_values, Options, Value as V};
use serde_json::{json, Value};

fn check(schema: &str, ops: Value, options: Options) -> Vec<(String, &'static str)> {
    validate_patch_values(schema, &ops, options)
        .expect("a schema name")
        .issues
        .iter()
        .map(|i| (i.path.clone(), i.code()))
        .collect()
}

fn site(ops: Value) -> Vec<(String, &'static str)> {
    check("Site", ops, Options::default())
}

fn pairs(p: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    p.iter().map(|(a, b)| ((*a).to_owned(), *b)).collect()
}

#[test]
fn values_are_judged_as_the_field_their_path_names() {
    let name = |n: usize| json!([{"op": "replace", "path": "/siteName", "value": "x".repeat(n)}]);
    assert_eq!(site(name(100)), pairs(&[]));
    assert_eq!(site(name(101)), pairs(&[("/0/value", "maxLength")]));
    assert_eq!(site(name(0)), pairs(&[("/0/value", "minLength")]));
    assert_eq!(site(json!([{"op": "add", "path": "/endDate", "value": "2024-02-29"}])), pairs(&[]));
    assert_eq!(
        site(json!([{"op": "add", "path": "/endDate", "value": "2023-02-29"}])),
        pairs(&[("/0/value", "format")])
    );
    // Nested fields, array items by index and `-` (append), and escaped tokens.
    assert_eq!(
        site(json!([
            {"op": "replace", "path": "/siteAddress/country", "value": "UK"},
            {"op": "replace", "path": "/siteContacts/1/contactTelephoneNumber", "value": "+44 20 7946 0000"},
            {"op": "add", "path": "/siteContacts/-", "value": {"contactName": "Al", "contactRole": "BOSS"}},
        ])),
        pairs(&[("/0/value", "countryCode"), ("/1/value", "pattern"), ("/2/value/contactRole", "enum"),])
    );
    // A whole object is checked with its own rules (required fields, cross-field rules).
    assert_eq!(
        site(json!([{"op": "replace", "path": "/siteAddress", "value": {"address1": "1 High St"}}])),
        pairs(&[("/0/value/town", "required"), ("/0/value/postcode", "required"), ("/0/value/country", "required")])
    );
}

#[test]
fn null_and_remove_are_wrong_only_where_a_value_must_be() {
    assert_eq!(site(json!([{"op": "replace", "path": "/endDate", "value": null}])), pairs(&[]));
    assert_eq!(site(json!([{"op": "remove", "path": "/endDate"}])), pairs(&[]));
    assert_eq!(
        site(json!([{"op": "replace", "path": "/siteName", "value": null}])),
        pairs(&[("/0/value", "required")])
    );
    assert_eq!(site(json!([{"op": "remove", "path": "/siteAddress"}])), pairs(&[("/0/path", "required")]));
    assert_eq!(site(json!([{"op": "remove", "path": "/siteAddress/postcode"}])), pairs(&[("/0/path", "required")]));
    // Removing an array element is judged by the server (its length is not known here).
    assert_eq!(site(json!([{"op": "remove", "path": "/siteContacts/0"}])), pairs(&[]));
}

#[test]
fn what_the_schema_does_not_name_is_left_to_the_server() {
    // Unknown fields are not enforced (decisions R9); test, move and copy carry no new value.
    assert_eq!(site(json!([{"op": "replace", "path": "/name", "value": 42}])), pairs(&[]));
    assert_eq!(site(json!([{"op": "test", "path": "/siteName", "value": ""}])), pairs(&[]));
    assert_eq!(site(json!([{"op": "copy", "from": "/siteName", "path": "/siteReference"}])), pairs(&[]));
    let any = validate_patch_values(
        &Kind::Any,
        &V::from_json(&json!([{"op": "add", "path": "/x", "value": 1}])),
        Options::default(),
    )
    .unwrap();
    assert!(any.is_valid());
}

#[test]
fn the_operations_shape_comes_first_and_abort_early_keeps_one() {
    assert_eq!(site(json!([{"op": "replace", "value": ""}])), pairs(&[("/0/path", "required")]));
    assert_eq!(site(json!({"op": "add"})), pairs(&[("", "type")]));
    let two = json!([
        {"op": "replace", "path": "/siteName", "value": ""},
        {"op": "replace", "path": "/siteReference", "value": ""},
    ]);
    assert_eq!(site(two.clone()).len(), 2);
    assert_eq!(
        check("Site", two, Options { abort_early: true, ..Options::default() }),
        pairs(&[("/0/value", "minLength")])
    );
}
