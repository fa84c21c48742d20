//! The engine's `validateQuery` as a test oracle (a query string, or JSON text of an object)
//! and `validateProductReference` through the JS surface, with arguments that must throw.

use elevate_billing::wasm::query::{validate_product_reference_js, validate_query_json_js, validate_query_string_js};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use crate::support::*;

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn query(endpoint: &str, q: &str) -> Vec<(String, String)> {
    codes(&validate_query_json_js(text(endpoint), text(q)).expect("a result"))
}

fn query_string(endpoint: &str, q: &str) -> Vec<(String, String)> {
    codes(&validate_query_string_js(text(endpoint), text(q)).expect("a result"))
}

#[wasm_bindgen_test]
fn objects_of_strings_null_means_not_given_other_types_are_issues() {
    assert_eq!(
        query("GET /sites", r#"{ "page": "1", "pageSize": "1000", "sort": "siteName:desc,id", "customerId": "12" }"#),
        pairs(&[])
    );
    assert_eq!(
        query("GET /sites", r#"{ "page": "0", "pageSize": "1001" }"#),
        pairs(&[("/page", "minimum"), ("/pageSize", "maximum")])
    );
    assert_eq!(query("GET /sites", r#"{ "page": "1", "pageSize": "10", "customerId": null }"#), pairs(&[]));
    assert_eq!(query("GET /sites", r#"{ "page": "1", "pageSize": null }"#), pairs(&[("/pageSize", "required")]));
    let r = json(
        &validate_query_json_js(text("HEAD /sites"), text(r#"{ "customerId": [1, 2], "siteName": { "a": 1 } }"#))
            .unwrap(),
    );
    let actual: Vec<_> = r["errors"].as_array().unwrap().iter().map(|e| e["params"]["actual"].clone()).collect();
    assert_eq!(actual, [serde_json::json!("array"), serde_json::json!("object")]);
}

#[wasm_bindgen_test]
fn query_strings() {
    assert_eq!(query_string("GET /sites", "?page=1&pageSize=10&siteName=like%3AHead"), pairs(&[]));
    assert_eq!(
        query_string("GET /sites", "page=1&pageSize=10&createdDate=gtn%3A2024-01-01T00%3A00%3A00Z"),
        pairs(&[("/createdDate", "querySyntax")])
    );
    assert_eq!(query_string("GET /sites", ""), pairs(&[("/page", "required"), ("/pageSize", "required")]));
    assert_eq!(
        query_string("GET /sites", "page=1&pageSize=10&siteName=a&siteName=b"),
        pairs(&[("/siteName", "maxItems")])
    );
}

#[wasm_bindgen_test]
fn in_lists_hold_as_many_items_as_in_list_builds() {
    let list = |n: usize| format!("page=1&pageSize=10&customerId=in%3A{}", vec!["1"; n].join("%2C"));
    assert_eq!(query_string("GET /sites", &list(1000)), pairs(&[]));
    assert_eq!(query_string("GET /sites", &list(1001)), pairs(&[("/customerId", "maxItems")]));
    let r = json(&validate_query_string_js(text("GET /sites"), text(&list(5000))).unwrap());
    assert_eq!(r["errors"][0]["params"], serde_json::json!({"limit": 1000, "actual": 5000}));
}

#[wasm_bindgen_test]
fn every_filter_form_reaches_the_validator() {
    let q = r#"{ "page": "1", "pageSize": "10", "customerId": "in:1,,2", "siteName": "in:", "mandateCreatedDate": "lt:2024-02-30", "nope": "x", "sort": "nope" }"#;
    assert_eq!(
        query("GET /sites", q),
        pairs(&[
            ("/customerId", "querySyntax"),
            ("/siteName", "querySyntax"),
            ("/mandateCreatedDate", "format"),
            ("/nope", "unknownField"),
            ("/sort", "querySyntax"),
        ])
    );
    let r = json(&validate_query_json_js(text("GET /sites"), text(q)).unwrap());
    assert_eq!(r["errors"][4]["params"]["reason"], "unknownField");
    assert!(r["errors"][4]["message"].as_str().unwrap().starts_with("Sort: nope is not a field of this resource"));
    assert_eq!(
        query("GET /usage-rates", r#"{ "page": "1", "pageSize": "10" }"#),
        pairs(&[("/usageRateCardId", "required")])
    );
}

#[wasm_bindgen_test]
fn bad_calls_throw() {
    let msg = thrown_message(validate_query_json_js(text("GET /site"), text("{}")).unwrap_err());
    assert!(msg.contains("unknown endpoint \"GET /site\"") && msg.contains("HEAD /sites"), "{msg}");
    for bad in ["42", "[]", "true"] {
        let msg = thrown_message(validate_query_json_js(text("GET /sites"), text(bad)).unwrap_err());
        assert!(msg.contains("must be an object, a URLSearchParams or a query string"), "{bad}: {msg}");
    }
    for bad in ["5", "null", "({ toString() { return 'page=1' } })", "new URLSearchParams('a=1')"] {
        assert!(validate_query_string_js(text("GET /sites"), js(bad)).unwrap_err().is_instance_of::<js_sys::Error>());
        assert!(validate_query_string_js(js(bad), text("")).unwrap_err().is_instance_of::<js_sys::TypeError>());
    }
    let msg = thrown_message(
        validate_query_string_js(text("HEAD /sites"), js("'siteName=' + 'x'.repeat(70000)")).unwrap_err(),
    );
    assert!(msg.contains("exceeds the limit of 65536"), "{msg}");
}

fn reference(format: &str, r: &str) -> Vec<(String, String)> {
    codes(&validate_product_reference_js(js(format), js(r)).expect("a result"))
}

#[wasm_bindgen_test]
fn product_references_against_the_docs_formats() {
    assert_eq!(reference("'[0-9]{3,11}'", "'012'"), pairs(&[]));
    assert_eq!(reference("'[0-9]{3,11}'", "'01'"), pairs(&[("/reference", "pattern")]));
    assert_eq!(reference(r"'[a-zA-Z0-9\\-]{3,100}'", "'ab-'"), pairs(&[]));
    assert_eq!(reference(r"'[a-zA-Z0-9\\-]{3,100}'", "'ab_'"), pairs(&[("/reference", "pattern")]));
    assert_eq!(reference("'[a-zA-Z0-9]{4,15}'", "'x'.repeat(15)"), pairs(&[]));
    assert_eq!(reference("'[a-zA-Z0-9]{4,15}'", "'x'.repeat(16)"), pairs(&[("/reference", "pattern")]));
    assert_eq!(reference("'.*'", "''"), pairs(&[]));
    let r = json(&validate_product_reference_js(js("'[0-9]{3,11}'"), js("'12x'")).unwrap());
    assert_eq!(
        r["errors"][0]["params"],
        serde_json::json!({"pattern": "PRODUCT_FORMAT", "format": "[0-9]{3,11}", "character": "x", "index": 2})
    );
}

#[wasm_bindgen_test]
fn unusable_formats_are_issues_and_non_strings_throw() {
    let r = json(&validate_product_reference_js(js("'([0-9]'"), js("'1'")).unwrap());
    assert_eq!(r["errors"][0]["path"], "/format");
    assert_eq!(r["errors"][0]["params"]["format"], "regex");
    let r = json(&validate_product_reference_js(js("'a'.repeat(2000)"), js("'a'")).unwrap());
    assert!(r["errors"][0]["params"]["reason"].as_str().unwrap().contains("at most 1024"));
    for (f, v) in [("undefined", "'a'"), ("'a'", "null"), ("/a/", "'a'")] {
        let msg = thrown_message(validate_product_reference_js(js(f), js(v)).unwrap_err());
        assert!(msg.contains("must be a string"), "{f} {v}: {msg}");
    }
}

#[wasm_bindgen_test]
fn strings_cross_as_utf16_with_lone_surrogates() {
    // decisions R14: a lone surrogate reaches the matcher as itself, never as U+FFFD.
    assert_eq!(reference(r"'\\uFFFD'", r"'\uD800'"), pairs(&[("/reference", "pattern")]));
    assert_eq!(reference(r"'\\uFFFD'", r"'\uFFFD'"), pairs(&[]));
    assert_eq!(reference(r"'\\p{Cs}'", r"'\uDC00'"), pairs(&[]));
    assert_eq!(reference(r"'.'", r"'\uD83D\uDE00'"), pairs(&[]));
    // In the format too.
    assert_eq!(reference(r"'\uD800+'", r"'\uD800\uD800'"), pairs(&[]));
    assert_eq!(reference(r"'\uD800+'", r"'\uFFFD'"), pairs(&[("/reference", "pattern")]));
}

#[wasm_bindgen_test]
fn a_format_that_runs_out_of_steps_says_so() {
    let r = json(&validate_product_reference_js(js(r"'(a|aa)+\\1?b'"), js("'a'.repeat(40)")).unwrap());
    assert_eq!(
        r["errors"][0]["params"],
        serde_json::json!({"pattern": "PRODUCT_FORMAT", "format": r"(a|aa)+\1?b", "reason": "budget"})
    );
}
