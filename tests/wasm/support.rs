//! Helpers: build JS values from JavaScript source, read results back.

#![allow(dead_code)]

use wasm_bindgen::prelude::*;

/// The value of a JavaScript expression (cycles, BigInt, proxies… are easiest written in JS).
pub fn js(expr: &str) -> JsValue {
    js_sys::eval(&format!("({expr})")).unwrap_or_else(|e| panic!("bad test expression {expr}: {e:?}"))
}

/// A JS value as JSON, for comparisons.
pub fn json(v: &JsValue) -> serde_json::Value {
    serde_wasm_bindgen::from_value(v.clone()).expect("JSON-compatible value")
}

/// `(path, code)` pairs of a `ValidationResult`.
pub fn codes(result: &JsValue) -> Vec<(String, String)> {
    codes_of(&json(result))
}

/// [`codes`] of a result already read into JSON.
pub fn codes_of(r: &serde_json::Value) -> Vec<(String, String)> {
    let errors = r["errors"].as_array().expect("errors array").clone();
    assert_eq!(r["valid"].as_bool(), Some(errors.is_empty()), "valid must equal errors.length === 0");
    errors.iter().map(|e| (e["path"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned())).collect()
}

pub fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(p, c)| ((*p).to_owned(), (*c).to_owned())).collect()
}

/// The message of a thrown JS error.
pub fn thrown_message(e: JsValue) -> String {
    let err: js_sys::Error = e.dyn_into().expect("an Error instance");
    err.message().into()
}

pub const SITE: &str = r#"{
    customerId: 12, siteName: "Head Office", siteReference: "HO-1", startDate: "2024-01-01",
    siteAddress: { address1: "1 High Street", town: "London", postcode: "SW1A 1AA", country: "GB" },
    siteContacts: [{ contactName: "Jane", contactRole: "ACCOUNTS", contactTelephoneNumber: "020 7946 0000",
                     contactNameToAppearOnInvoice: true, receiveInvoiceBy: "EMAIL" }]
}"#;
