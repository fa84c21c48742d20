//! `validateQuery` and `validateProductReference` through the JS surface: the three query
//! forms, JavaScript values sent as `String(value)`, and inputs that must throw.

use elevate_billing::wasm::query::{validate_product_reference_js, validate_query_js};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use crate::support::*;

fn query(endpoint: &str, q: &str) -> Vec<(String, String)> {
    codes(&validate_query_js(endpoint, js(q)).expect("a result"))
}

fn throws(endpoint: &str, q: JsValue) -> String {
    thrown_message(validate_query_js(endpoint, q).unwrap_err())
}

#[wasm_bindgen_test]
fn plain_objects_with_numbers_and_booleans() {
    assert_eq!(
        query("GET /sites", "{ page: 1, pageSize: 1000, sort: 'siteName:desc,id', customerId: 12 }"),
        pairs(&[])
    );
    assert_eq!(
        query("GET /sites", "{ page: 0, pageSize: 1001 }"),
        pairs(&[("/page", "minimum"), ("/pageSize", "maximum")])
    );
    assert_eq!(query("GET /sites", "{ page: 1.5, pageSize: 10 }"), pairs(&[("/page", "format")]));
    assert_eq!(query("HEAD /sites", "{ activeSites: true, customerId: 0 }"), pairs(&[]));
    assert_eq!(query("HEAD /sites", "{ activeSites: 1 }"), pairs(&[("/activeSites", "enum")]));
    // String(1e21) is '1e+21', not an id.
    let r = json(&validate_query_js("HEAD /sites", js("{ customerId: 1e21 }")).unwrap());
    assert_eq!(r["errors"][0]["params"]["item"], "1e+21");
}

#[wasm_bindgen_test]
fn null_and_undefined_mean_not_given_other_types_are_issues() {
    assert_eq!(query("GET /sites", "{ page: 1, pageSize: 10, siteName: undefined, customerId: null }"), pairs(&[]));
    assert_eq!(query("GET /sites", "{ page: 1, pageSize: null }"), pairs(&[("/pageSize", "required")]));
    let r = json(
        &validate_query_js(
            "HEAD /sites",
            js("{ customerId: [1, 2], siteName: { a: 1 }, billingCycleId: 5n, createdDate: new Date() }"),
        )
        .unwrap(),
    );
    let actual: Vec<_> =
        r["errors"].as_array().unwrap().iter().map(|e| (e["code"].clone(), e["params"]["actual"].clone())).collect();
    assert_eq!(
        actual,
        [
            ("type".into(), "array".into()),
            ("type".into(), "object".into()),
            ("type".into(), "bigint".into()),
            ("unknownField".into(), serde_json::Value::Null)
        ]
    );
    // A Date is not sent as an ISO string in a query: say so rather than guess.
    assert_eq!(
        query("GET /sites", "{ page: 1, pageSize: 10, createdDate: new Date() }"),
        pairs(&[("/createdDate", "type")])
    );
}

#[wasm_bindgen_test]
fn url_search_params_and_query_strings() {
    let p = "(() => { const p = new URLSearchParams({ page: '1', pageSize: '10', sort: 'siteName:desc,id' }); return p })()";
    assert_eq!(query("GET /sites", p), pairs(&[]));
    let p = "(() => { const p = new URLSearchParams('page=1&pageSize=10'); p.append('siteName', 'a'); p.append('siteName', 'b'); return p })()";
    assert_eq!(query("GET /sites", p), pairs(&[("/siteName", "maxItems")]));
    assert_eq!(query("GET /sites", "'?page=1&pageSize=10&siteName=like%3AHead'"), pairs(&[]));
    assert_eq!(
        query("GET /sites", "'page=1&pageSize=10&createdDate=gtn%3A2024-01-01T00%3A00%3A00Z'"),
        pairs(&[("/createdDate", "querySyntax")])
    );
    assert_eq!(query("GET /sites", "''"), pairs(&[("/page", "required"), ("/pageSize", "required")]));
    assert_eq!(codes(&validate_query_js("HEAD /sites", JsValue::UNDEFINED).unwrap()), pairs(&[]));
}

#[wasm_bindgen_test]
fn every_filter_form_reaches_the_validator() {
    let q = "{ page: '1', pageSize: '10', customerId: 'in:1,,2', siteName: 'in:', mandateCreatedDate: 'lt:2024-02-30', nope: 'x', sort: 'nope' }";
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
    let r = json(&validate_query_js("GET /sites", js(q)).unwrap());
    assert_eq!(r["errors"][4]["params"]["reason"], "unknownField");
    assert!(r["errors"][4]["message"].as_str().unwrap().starts_with("Sort: nope is not a field of this resource"));
    assert_eq!(query("GET /usage-rates", "{ page: 1, pageSize: 10 }"), pairs(&[("/usageRateCardId", "required")]));
}

#[wasm_bindgen_test]
fn bad_calls_throw() {
    let msg = throws("GET /site", js("{}"));
    assert!(msg.contains("unknown endpoint \"GET /site\"") && msg.contains("HEAD /sites"), "{msg}");
    for bad in ["42", "[]", "true", "() => 1"] {
        let msg = throws("GET /sites", js(bad));
        assert!(msg.contains("must be an object, a URLSearchParams or a query string"), "{bad}: {msg}");
    }
    let msg = throws("GET /sites", js("{ get page() { throw new Error('boom') } }"));
    assert!(msg.contains("page"), "{msg}");
    let msg = throws("HEAD /sites", js("'siteName=' + 'x'.repeat(70000)"));
    assert!(msg.contains("exceeds the limit of 65536"), "{msg}");
    let msg = throws("HEAD /sites", js("Object.fromEntries(Array.from({ length: 40000 }, (_, i) => ['k' + i, '']))"));
    assert!(msg.contains("exceeds the limit"), "{msg}");
    assert_eq!(query("GET /usage-rates", "{ page: 1, pageSize: 1, usageRateCardId: 1, sort: 'id' }"), pairs(&[]));
    assert_eq!(query("GET /sites", "{ page: 1, pageSize: 1 }"), pairs(&[]));
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
