//! The engine's `validatePatch` as a test oracle (JSON text in): the result shape, the bounds,
//! and arguments that must throw rather than trap.

use elevate_billing::wasm::patch::validate_patch_json_js;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use crate::support::*;

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn site() -> String {
    js_sys::JSON::stringify(&js(SITE)).unwrap().into()
}

fn run(current: &str, ops: &str) -> serde_json::Value {
    json(&validate_patch_json_js(text("Site"), text(current), text(ops), JsValue::UNDEFINED).expect("a result"))
}

#[wasm_bindgen_test]
fn a_valid_patch_returns_the_patched_document() {
    let r = run(
        &site(),
        r#"[{ "op": "replace", "path": "/siteName", "value": "North" }, { "op": "add", "path": "/endDate", "value": "2024-12-31" }]"#,
    );
    assert_eq!(r["valid"], true);
    assert_eq!(r["errors"], serde_json::json!([]));
    assert_eq!(r["document"]["siteName"], "North");
    assert_eq!(r["document"]["endDate"], "2024-12-31");
    assert_eq!(r["document"]["siteContacts"][0]["contactName"], "Jane");
}

#[wasm_bindgen_test]
fn issues_of_the_result_come_with_the_document_issues_of_the_patch_without() {
    let r = run(&site(), r#"[{ "op": "replace", "path": "/startDate", "value": "2024-02-30" }]"#);
    assert_eq!(codes_of(&r), pairs(&[("/startDate", "format")]));
    assert_eq!(r["document"]["startDate"], "2024-02-30");
    let r = run(&site(), r#"[{ "op": "remove", "path": "/siteContacts/1" }]"#);
    assert_eq!(codes_of(&r), pairs(&[("/0/path", "patchTarget")]));
    assert_eq!(r["errors"][0]["message"], "Cannot remove at /siteContacts/1: the array has no such position.");
    assert!(r.get("document").is_none(), "{r}");
}

#[wasm_bindgen_test]
fn bad_inputs_throw_clear_errors() {
    let msg = thrown_message(
        validate_patch_json_js(text("UsageProducts"), text(&site()), text("[]"), JsValue::UNDEFINED).unwrap_err(),
    );
    assert!(msg.contains("unknown schema \"UsageProducts\""), "{msg}");
    let msg =
        thrown_message(validate_patch_json_js(text("Site"), text("{"), text("[]"), JsValue::UNDEFINED).unwrap_err());
    assert!(msg.contains("current") && msg.contains("JSON"), "{msg}");
    for bad in ["5", "({ length: 1e8 })", "undefined", "[]"] {
        let e = validate_patch_json_js(text("Site"), js(bad), text("[]"), JsValue::UNDEFINED).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{bad}");
    }
    // Copying the document into itself 257 times nests it deeper than the limit.
    let deep = format!("[{}]", vec![r#"{"op":"copy","from":"","path":"/d"}"#; 257].join(","));
    let msg =
        thrown_message(validate_patch_json_js(text("Site"), text("{}"), text(&deep), JsValue::UNDEFINED).unwrap_err());
    assert!(msg.contains("nesting depth") && msg.contains("256"), "{msg}");
    // Doubling a long string: refused at the bound of bytes, before the copies run.
    let doubling = format!("[{}]", vec![r#"{"op":"copy","from":"/a","path":"/a/-"}"#; 30].join(","));
    let current = format!("{{\"a\": [\"{}\"]}}", "x".repeat(10_000));
    let msg = thrown_message(
        validate_patch_json_js(text("Site"), text(&current), text(&doubling), JsValue::UNDEFINED).unwrap_err(),
    );
    assert!(msg.contains("text (bytes) exceeds the limit"), "{msg}");
    // The module still works.
    assert_eq!(run(&site(), "[]")["valid"], true);
}
