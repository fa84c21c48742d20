//! `validatePatch` through the JS surface: the result shape, JSON.stringify semantics of
//! operations, and inputs that must throw rather than trap.

use elevate_billing::wasm::patch::validate_patch_js;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use crate::support::*;

fn run(current: &str, ops: &str) -> serde_json::Value {
    json(&validate_patch_js("Site", js(current), js(ops), JsValue::UNDEFINED).expect("a result"))
}

#[wasm_bindgen_test]
fn a_valid_patch_returns_the_patched_document() {
    let r = run(
        SITE,
        "[{ op: 'replace', path: '/siteName', value: 'North' }, { op: 'add', path: '/endDate', value: '2024-12-31' }]",
    );
    assert_eq!(r["valid"], true);
    assert_eq!(r["errors"], serde_json::json!([]));
    assert_eq!(r["document"]["siteName"], "North");
    assert_eq!(r["document"]["endDate"], "2024-12-31");
    assert_eq!(r["document"]["siteContacts"][0]["contactName"], "Jane");
}

#[wasm_bindgen_test]
fn issues_of_the_result_come_with_the_document_issues_of_the_patch_without() {
    let r = run(SITE, "[{ op: 'replace', path: '/startDate', value: '2024-02-30' }]");
    assert_eq!(r["valid"], false);
    assert_eq!(codes_of(&r), pairs(&[("/startDate", "format")]));
    assert_eq!(r["document"]["startDate"], "2024-02-30");
    let r = run(SITE, "[{ op: 'remove', path: '/siteContacts/1' }]");
    assert_eq!(codes_of(&r), pairs(&[("/0/path", "patchTarget")]));
    assert_eq!(
        r["errors"][0]["params"],
        serde_json::json!({"op": "remove", "pointer": "/siteContacts/1", "reason": "index"})
    );
    assert_eq!(r["errors"][0]["message"], "Cannot remove at /siteContacts/1: the array has no such position.");
    assert!(r.get("document").is_none(), "{r}");
    let r = run(SITE, "[{ op: 'move', path: 'siteName' }, { op: 'test', path: '/siteName', value: 'Head Office' }]");
    assert_eq!(codes_of(&r), pairs(&[("/0/path", "format"), ("/0/from", "required")]));
    assert!(r.get("document").is_none(), "{r}");
}

#[wasm_bindgen_test]
fn operations_are_read_as_json_stringify_writes_them() {
    // undefined drops the member, so `value` is missing; a Date becomes its ISO string.
    let r = run(SITE, "[{ op: 'replace', path: '/siteName', value: undefined }]");
    assert_eq!(codes_of(&r), pairs(&[("/0/value", "required")]));
    let r = run(SITE, "[{ op: 'replace', path: '/siteName', value: null }]");
    assert_eq!(codes_of(&r), pairs(&[("/siteName", "required")]));
    let r = run(SITE, "[{ op: 'add', path: '/endDate', value: new Date(Date.UTC(2024, 11, 31)) }]");
    assert_eq!(codes_of(&r), pairs(&[("/endDate", "format")]));
    assert_eq!(r["document"]["endDate"], "2024-12-31T00:00:00.000Z");
    // What JSON cannot carry is a type issue where it sits.
    let r = run(SITE, "[{ op: 'add', path: '/x', value: { n: 10n } }]");
    assert_eq!(codes_of(&r), pairs(&[("/0/value/n", "type")]));
    let r = run(SITE, "({ op: 'add', path: '/x', value: 1 })");
    assert_eq!(codes_of(&r), pairs(&[("", "type")]));
}

#[wasm_bindgen_test]
fn the_current_document_is_not_changed() {
    let current = js(&format!("Object.freeze({SITE})"));
    let before = js_sys::JSON::stringify(&current).unwrap();
    let ops = js("[{ op: 'remove', path: '/siteContacts' }, { op: 'add', path: '/siteName', value: 'X' }]");
    let r = json(&validate_patch_js("Site", current.clone(), ops, JsValue::UNDEFINED).unwrap());
    assert_eq!(codes_of(&r), pairs(&[("/siteContacts", "required")]));
    assert_eq!(js_sys::JSON::stringify(&current).unwrap(), before);
}

#[wasm_bindgen_test]
fn options_apply_to_the_patched_document() {
    let ops = js("[{ op: 'add', path: '/name', value: 'insurance' }, { op: 'remove', path: '/siteName' }]");
    let r = json(&validate_patch_js("Site", js(SITE), ops.clone(), js("{ unknownFields: 'report' }")).unwrap());
    assert_eq!(codes_of(&r), pairs(&[("/name", "unknownField"), ("/siteName", "required")]));
    let r = json(&validate_patch_js("Site", js(SITE), ops, js("{ abortEarly: true }")).unwrap());
    assert_eq!(codes_of(&r).len(), 1);
}

#[wasm_bindgen_test]
fn bad_inputs_throw_clear_errors() {
    let msg = thrown_message(validate_patch_js("UsageProducts", js(SITE), js("[]"), JsValue::UNDEFINED).unwrap_err());
    assert!(msg.contains("unknown schema \"UsageProducts\""), "{msg}");
    let getter = "[{ op: 'add', path: '/a', get value() { throw new Error('boom') } }]";
    let msg = thrown_message(validate_patch_js("Site", js(SITE), js(getter), JsValue::UNDEFINED).unwrap_err());
    assert!(msg.contains("ops") && msg.contains("boom"), "{msg}");
    // Copying the document into itself 257 times nests it deeper than the limit.
    let deep = "Array.from({ length: 257 }, () => ({ op: 'copy', from: '', path: '/d' }))";
    let msg = thrown_message(validate_patch_js("Site", js("{}"), js(deep), JsValue::UNDEFINED).unwrap_err());
    assert!(msg.contains("nesting depth") && msg.contains("256"), "{msg}");
    // The module still works.
    assert_eq!(run(SITE, "[]")["valid"], true);
}
