//! `validate`, `validateField`, `formatMessage`, `setPattern` through the JS surface, and
//! hostile inputs: any JS value gets a result or a typed `Error`, never a trap.

use elevate_billing::wasm::validate::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::*;

fn check(schema: &str, value: JsValue) -> Vec<(String, String)> {
    codes(&validate_js(schema, value, JsValue::UNDEFINED).expect("a result"))
}

#[wasm_bindgen_test]
fn a_valid_site_is_valid() {
    let r = validate_js("Site", js(SITE), JsValue::UNDEFINED).unwrap();
    assert_eq!(json(&r), serde_json::json!({"valid": true, "errors": []}));
}

#[wasm_bindgen_test]
fn issues_have_path_code_message_params() {
    let v = js(&format!("Object.assign({SITE}, {{ siteName: 'x'.repeat(101) }})"));
    let r = json(&validate_js("Site", v, JsValue::UNDEFINED).unwrap());
    assert_eq!(r["valid"], false);
    let e = &r["errors"][0];
    assert_eq!(e["path"], "/siteName");
    assert_eq!(e["code"], "maxLength");
    assert_eq!(e["params"], serde_json::json!({"limit": 100, "actual": 101}));
    assert_eq!(e["message"], "Site name must be at most 100 characters long (it has 101).");
}

#[wasm_bindgen_test]
fn the_plus_sign_message_suggests_the_national_format() {
    let v = js(&format!(
        "(() => {{ const s = {SITE}; s.siteContacts[0].contactTelephoneNumber = '+44 20 7946 0000'; return s }})()"
    ));
    let r = json(&validate_js("Site", v, JsValue::UNDEFINED).unwrap());
    assert_eq!(r["errors"][0]["path"], "/siteContacts/0/contactTelephoneNumber");
    assert_eq!(r["errors"][0]["params"]["reason"], "plusSign");
    assert!(r["errors"][0]["message"].as_str().unwrap().contains("national format"));
}

#[wasm_bindgen_test]
fn json_stringify_semantics() {
    // undefined, functions and symbols are left out of objects (so required fields are missing)…
    let v =
        js(&format!("Object.assign({SITE}, {{ siteName: undefined, endDate: undefined, siteReference: () => 1 }})"));
    assert_eq!(check("Site", v), pairs(&[("/siteName", "required"), ("/siteReference", "required")]));
    // …and a Date goes through toJSON (an ISO date-time, which is not a yyyy-MM-dd date).
    let v = js(&format!("Object.assign({SITE}, {{ startDate: new Date(Date.UTC(2024, 1, 29)) }})"));
    assert_eq!(check("Site", v), pairs(&[("/startDate", "format")]));
    let v = js(&format!("Object.assign({SITE}, {{ startDate: {{ toJSON() {{ return '2024-02-29' }} }} }})"));
    assert_eq!(check("Site", v), pairs(&[]));
    // Boxed primitives count as their value.
    let v = js(&format!("Object.assign({SITE}, {{ siteName: new String('Boxed') }})"));
    assert_eq!(check("Site", v), pairs(&[]));
}

#[wasm_bindgen_test]
fn hostile_values_get_a_result() {
    let root = [("", "type")];
    for expr in [
        "undefined",
        "null",
        "42",
        "NaN",
        "Infinity",
        "-Infinity",
        "10n",
        "Symbol('x')",
        "() => 1",
        "'x'.repeat(1e7)",
        "[]",
        "true",
    ] {
        assert_eq!(check("Site", js(expr)), pairs(&root), "{expr}");
    }
    // Inside the value: at their paths.
    let v = js(&format!("Object.assign({SITE}, {{ customerId: 12n, repaymentPlanAmount: NaN }})"));
    let r = json(&validate_js("Site", v, JsValue::UNDEFINED).unwrap());
    assert_eq!(r["errors"][0]["params"], serde_json::json!({"expected": "integer", "actual": "bigint"}));
    assert_eq!(r["errors"][1]["params"], serde_json::json!({"expected": "number", "actual": "NaN"}));
}

#[wasm_bindgen_test]
fn cycles_are_reported_where_they_close() {
    let v = js(&format!(
        "(() => {{ const s = {SITE}; s.siteAddress.back = s; s.siteContacts.push(s.siteContacts); return s }})()"
    ));
    // The unknown member `back` is ignored; the cyclic array item is a type issue at its path.
    assert_eq!(check("Site", v), pairs(&[("/siteContacts/1", "type")]));
    let v = js("(() => { const a = {}; a.self = a; return a })()");
    let codes = check("Site", v);
    assert!(codes.iter().all(|(_, c)| c == "required"), "{codes:?}");
}

#[wasm_bindgen_test]
fn huge_strings_are_judged_by_length_fast() {
    let v = js(&format!("Object.assign({SITE}, {{ siteName: 'a'.repeat(10 * 1024 * 1024) }})"));
    let r = json(&validate_js("Site", v, JsValue::UNDEFINED).unwrap());
    assert_eq!(r["errors"][0]["params"]["actual"], 10 * 1024 * 1024);
}

#[wasm_bindgen_test]
fn unreadable_values_throw_a_clear_error() {
    let v = js(&format!(
        "(() => {{ const s = {SITE}; Object.defineProperty(s, 'siteName', {{ enumerable: true, get() {{ throw new Error('boom') }} }}); return s }})()"
    ));
    let e = validate_js("Site", v, JsValue::UNDEFINED).unwrap_err();
    let msg = thrown_message(e);
    assert!(msg.contains("siteName") && msg.contains("boom"), "{msg}");
    let deep = js("(() => { let v = {}; for (let i = 0; i < 1000; i++) v = { siteAddress: v }; return v })()");
    let msg = thrown_message(validate_js("Site", deep, JsValue::UNDEFINED).unwrap_err());
    assert!(msg.contains("nested"), "{msg}");
    let sparse = js("(() => { const a = []; a.length = 4294967295; return { siteContacts: a } })()");
    let msg = thrown_message(validate_js("Site", sparse, JsValue::UNDEFINED).unwrap_err());
    assert!(msg.contains("more than"), "{msg}");
    // The module still works afterwards.
    assert_eq!(check("Site", js(SITE)), pairs(&[]));
}

#[wasm_bindgen_test]
fn the_input_is_not_mutated() {
    let v = js(&format!("Object.freeze({SITE})"));
    let before = js_sys::JSON::stringify(&v).unwrap();
    let _ = validate_js("Site", v.clone(), JsValue::UNDEFINED).unwrap();
    assert_eq!(js_sys::JSON::stringify(&v).unwrap(), before);
}

#[wasm_bindgen_test]
fn unknown_schema_and_bad_options_throw() {
    let msg = thrown_message(validate_js("Sites", js("{}"), JsValue::UNDEFINED).unwrap_err());
    assert!(msg.contains("unknown schema \"Sites\"") && msg.contains("Customer"), "{msg}");
    let msg = thrown_message(validate_js("Site", js("{}"), js("{ unknownFields: 'loud' }")).unwrap_err());
    assert!(msg.contains("unknownFields"), "{msg}");
    let r = validate_js("Site", js("{ siteName: 1, siteReference: 2 }"), js("{ abortEarly: true }")).unwrap();
    assert_eq!(codes(&r).len(), 1);
}

#[wasm_bindgen_test]
fn validate_field_in_place() {
    let r = validate_field_js("Site", "/siteAddress/postcode", js("'SW1A#1AA'")).unwrap();
    assert_eq!(codes(&r), pairs(&[("/siteAddress/postcode", "pattern")]));
    let r = validate_field_js("Site", "/siteContacts/0/contactEmailAddress", js("'jane@example.co.uk'")).unwrap();
    assert_eq!(codes(&r), pairs(&[]));
    let r = validate_field_js("Site", "/siteName", JsValue::UNDEFINED).unwrap();
    assert_eq!(codes(&r), pairs(&[("/siteName", "required")]));
    let msg = thrown_message(validate_field_js("Site", "/nope", js("1")).unwrap_err());
    assert!(msg.contains("/nope"), "{msg}");
}

#[wasm_bindgen_test]
fn format_message_rebuilds_messages_from_code_and_params() {
    let issue = js("({ path: '/siteName', code: 'maxLength', params: { limit: 100, actual: 101 } })");
    assert_eq!(
        format_message_js(issue.clone(), JsValue::UNDEFINED).unwrap(),
        "Site name must be at most 100 characters long (it has 101)."
    );
    // An app may pass translated or partial params: still a sentence, never a throw.
    assert_eq!(
        format_message_js(js("({ path: '/x', code: 'nope', params: {} })"), JsValue::UNDEFINED).unwrap(),
        "x is not valid (nope)."
    );
    let labelled = format_message_js(issue.clone(), js("({ siteName: 'Name of the site' })")).unwrap();
    assert_eq!(labelled, "Name of the site must be at most 100 characters long (it has 101).");
    let by_pointer = format_message_js(issue.clone(), js("({ siteName: 'No', '/siteName': 'Site' })")).unwrap();
    assert_eq!(by_pointer, "Site must be at most 100 characters long (it has 101).");
    let err = format_message_js(issue, js("({ get siteName() { throw new Error('no') } })")).unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    assert!(thrown_message(err).contains("labels[\"siteName\"]"));
    let err = format_message_js(js("42"), JsValue::UNDEFINED).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    let err = format_message_js(js("({ path: '/x' })"), JsValue::UNDEFINED).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
}

#[wasm_bindgen_test]
fn set_pattern_replaces_and_rejects_bad_regexes() {
    // '<' is not in the built-in pattern: allowing it makes '<Head' valid, resetting restores
    // the verdict, and a character the new pattern still lacks ('>') stays a defect.
    let with = |name: &str| js(&format!("Object.assign({SITE}, {{ siteName: '{name}' }})"));
    assert_eq!(check("Site", with("<Head")), pairs(&[("/siteName", "pattern")]));
    set_pattern_js("NAME_CURLY", JsValue::from_str(r"[\w\p{L}\s<\-]+")).unwrap();
    let allowed = check("Site", with("<Head"));
    let still_bad = check("Site", with("<Head>"));
    reset_pattern_js(Some("NAME_CURLY".into())).unwrap();
    assert_eq!(allowed, pairs(&[]));
    assert_eq!(still_bad, pairs(&[("/siteName", "pattern")]));
    assert_eq!(check("Site", with("<Head")), pairs(&[("/siteName", "pattern")]));
    let msg = thrown_message(set_pattern_js("NAME_CURLY", JsValue::from_str("(unclosed")).unwrap_err());
    assert!(msg.contains("invalid pattern"), "{msg}");
    assert!(msg.contains("Unclosed group near index 9"), "{msg}");
    let msg = thrown_message(set_pattern_js("NOPE", JsValue::from_str("a")).unwrap_err());
    assert!(msg.contains("PHONE"), "{msg}");
    assert_eq!(get_pattern_js("COUNTRY").unwrap(), "[A-Z]{2}");
    let msg = thrown_message(set_pattern_js("NAME_CURLY", JsValue::from_f64(1.0)).unwrap_err());
    assert!(msg.contains("source must be a string"), "{msg}");
}

#[wasm_bindgen_test]
fn describe_field_reads_the_model() {
    let d = json(&describe_field_js("Site", "/siteContacts/0/contactTelephoneNumber").unwrap());
    assert_eq!(d["minLength"], 4);
    assert_eq!(d["maxLength"], 100);
    assert_eq!(d["pattern"]["name"], "PHONE");
    assert_eq!(d["required"], false);
    let msg = thrown_message(describe_field_js("Site", "/nope").unwrap_err());
    assert!(msg.contains("/nope"), "{msg}");
}
