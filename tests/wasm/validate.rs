//! The engine's validators as test oracles (JSON text in), `setPattern` and friends through the
//! JS surface, and hostile arguments to the raw exports: any JS value gets a result or a typed
//! `Error`, never a trap, and the module works afterwards.

use elevate_billing::wasm::validate::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::*;

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn check(schema: &str, json_text: &str) -> Vec<(String, String)> {
    codes(&validate_json_js(text(schema), text(json_text), JsValue::UNDEFINED).expect("a result"))
}

/// A site as JSON text.
fn site() -> String {
    js_sys::JSON::stringify(&js(SITE)).unwrap().into()
}

#[wasm_bindgen_test]
fn a_valid_site_is_valid() {
    let r = validate_json_js(text("Site"), text(&site()), JsValue::UNDEFINED).unwrap();
    assert_eq!(json(&r), serde_json::json!({"valid": true, "errors": []}));
}

#[wasm_bindgen_test]
fn issues_have_path_code_message_params() {
    let v = site().replacen("\"Head Office\"", &format!("\"{}\"", "x".repeat(101)), 1);
    let r = json(&validate_json_js(text("Site"), text(&v), JsValue::UNDEFINED).unwrap());
    assert_eq!(r["valid"], false);
    let e = &r["errors"][0];
    assert_eq!(e["path"], "/siteName");
    assert_eq!(e["code"], "maxLength");
    assert_eq!(e["params"], serde_json::json!({"limit": 100, "actual": 101}));
    assert_eq!(e["message"], "Site name must be at most 100 characters long (it has 101).");
}

#[wasm_bindgen_test]
fn issues_past_max_issues_are_left_out_and_flagged() {
    let many = format!("{{\"siteContacts\": [{}]}}", vec!["0"; 1000].join(","));
    let r = json(&validate_json_js(text("Site"), text(&many), JsValue::UNDEFINED).unwrap());
    assert_eq!(r["errors"].as_array().unwrap().len(), 100);
    assert_eq!(r["truncated"], true);
    let r = json(&validate_json_js(text("Site"), text(&many), js("{ maxIssues: 3 }")).unwrap());
    assert_eq!(r["errors"].as_array().unwrap().len(), 3);
    let r = json(&validate_json_js(text("Site"), text(&many), js("{ maxIssues: Infinity }")).unwrap());
    assert_eq!(r["errors"].as_array().unwrap().len(), 1005);
    assert!(r.get("truncated").is_none(), "{r}");
    for bad in ["{ maxIssues: 0 }", "{ maxIssues: 1.5 }", "{ maxIssues: '3' }"] {
        let msg = thrown_message(validate_json_js(text("Site"), text(&many), js(bad)).unwrap_err());
        assert!(msg.contains("maxIssues"), "{bad}: {msg}");
    }
}

#[wasm_bindgen_test]
fn huge_strings_are_judged_by_length_fast() {
    let v = format!("{{\"siteName\": \"{}\"}}", "a".repeat(10 * 1024 * 1024));
    let r = json(&validate_json_js(text("Site"), text(&v), JsValue::UNDEFINED).unwrap());
    assert_eq!(r["errors"][0]["params"]["actual"], 10 * 1024 * 1024);
}

#[wasm_bindgen_test]
fn any_argument_is_a_result_or_a_typed_error_and_the_module_keeps_working() {
    // Once these trapped with "memory access out of bounds" or "unreachable", or kept 100 MiB.
    for bad in [
        "5",
        "({ length: -1 })",
        "({ length: 1e8 })",
        "null",
        "undefined",
        "Symbol('s')",
        "10n",
        "new String('Site')",
        "new Proxy({}, { get() { throw new Error('trap') } })",
    ] {
        let e = validate_json_js(js(bad), text("{}"), JsValue::UNDEFINED).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{bad}");
        assert!(thrown_message(e).contains("the schema name must be a string"), "{bad}");
        let e = validate_json_js(text("Site"), js(bad), JsValue::UNDEFINED).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{bad}");
        let e = validate_field_json_js(text("Site"), js(bad), JsValue::UNDEFINED).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{bad}");
        assert!(set_pattern_js(js(bad), text("a")).unwrap_err().is_instance_of::<js_sys::TypeError>());
        assert!(get_pattern_js(js(bad)).unwrap_err().is_instance_of::<js_sys::TypeError>());
        assert!(describe_field_js(js(bad), text("")).unwrap_err().is_instance_of::<js_sys::TypeError>());
    }
    let long = "'x'.repeat(2000)";
    assert!(thrown_message(validate_json_js(js(long), text("{}"), JsValue::UNDEFINED).unwrap_err())
        .contains("longer than 1024"));
    let msg = thrown_message(validate_json_js(text("Site"), text("{ not json"), JsValue::UNDEFINED).unwrap_err());
    assert!(msg.contains("not valid JSON"), "{msg}");
    assert_eq!(check("Site", &site()), pairs(&[]));
}

#[wasm_bindgen_test]
fn options_whose_getters_throw_are_errors_not_the_defaults() {
    let revoked = "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy })()";
    for (options, needle) in [
        ("({ get abortEarly() { throw new Error('boom') } })", "abortEarly threw: boom"),
        ("({ get unknownFields() { throw new Error('boom') } })", "unknownFields threw: boom"),
        (revoked, "abortEarly threw"),
        // An error object whose own `message` getter throws again.
        ("({ get abortEarly() { throw { get message() { throw new Error('again') } } } })", "an exception"),
    ] {
        let e = validate_json_js(text("Site"), text("{}"), js(options)).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{options}");
        let msg = thrown_message(e);
        assert!(msg.contains(needle), "{options}: {msg}");
    }
    assert_eq!(check("Site", &site()), pairs(&[]));
}

#[wasm_bindgen_test]
fn unknown_schema_and_bad_options_throw() {
    let msg = thrown_message(validate_json_js(text("Sites"), text("{}"), JsValue::UNDEFINED).unwrap_err());
    assert!(msg.contains("unknown schema \"Sites\"") && msg.contains("Customer"), "{msg}");
    let msg = thrown_message(validate_json_js(text("Site"), text("{}"), js("{ unknownFields: 'loud' }")).unwrap_err());
    assert!(msg.contains("unknownFields"), "{msg}");
    let r = validate_json_js(text("Site"), text(r#"{"siteName": 1, "siteReference": 2}"#), js("{ abortEarly: true }"))
        .unwrap();
    assert_eq!(codes(&r).len(), 1);
}

#[wasm_bindgen_test]
fn validate_field_in_place() {
    let r = validate_field_json_js(text("Site"), text("/siteAddress/postcode"), text("\"SW1A#1AA\"")).unwrap();
    assert_eq!(codes(&r), pairs(&[("/siteAddress/postcode", "pattern")]));
    let r = validate_field_json_js(
        text("Site"),
        text("/siteContacts/0/contactEmailAddress"),
        text("\"jane@example.co.uk\""),
    )
    .unwrap();
    assert_eq!(codes(&r), pairs(&[]));
    let r = validate_field_json_js(text("Site"), text("/siteName"), JsValue::UNDEFINED).unwrap();
    assert_eq!(codes(&r), pairs(&[("/siteName", "required")]));
    let msg = thrown_message(validate_field_json_js(text("Site"), text("/nope"), text("1")).unwrap_err());
    assert!(msg.contains("/nope"), "{msg}");
}

#[wasm_bindgen_test]
fn format_message_rebuilds_messages_from_code_and_params() {
    let issue = r#"{ "path": "/siteName", "code": "maxLength", "params": { "limit": 100, "actual": 101 } }"#;
    assert_eq!(
        format_message_json_js(text(issue), JsValue::UNDEFINED).unwrap(),
        "Site name must be at most 100 characters long (it has 101)."
    );
    // An app may pass translated or partial params: still a sentence, never a throw.
    assert_eq!(
        format_message_json_js(text(r#"{ "path": "/x", "code": "nope", "params": {} }"#), JsValue::UNDEFINED).unwrap(),
        "x is not valid (nope)."
    );
    let labelled = format_message_json_js(text(issue), text(r#"{ "siteName": "Name of the site" }"#)).unwrap();
    assert_eq!(labelled, "Name of the site must be at most 100 characters long (it has 101).");
    let by_pointer = format_message_json_js(text(issue), text(r#"{ "siteName": "No", "/siteName": "Site" }"#)).unwrap();
    assert_eq!(by_pointer, "Site must be at most 100 characters long (it has 101).");
    for bad in ["42", r#"{ "path": "/x" }"#, "not json"] {
        assert!(format_message_json_js(text(bad), JsValue::UNDEFINED).unwrap_err().is_instance_of::<js_sys::Error>());
    }
}

#[wasm_bindgen_test]
fn set_pattern_replaces_and_rejects_bad_regexes() {
    // '<' is not in the built-in pattern: allowing it makes '<Head' valid, resetting restores
    // the verdict, and a character the new pattern still lacks ('>') stays a defect.
    let with = |name: &str| site().replacen("Head Office", name, 1);
    assert_eq!(check("Site", &with("<Head")), pairs(&[("/siteName", "pattern")]));
    set_pattern_js(text("NAME_CURLY"), text(r"[\w\p{L}\s<\-]+")).unwrap();
    let allowed = check("Site", &with("<Head"));
    let still_bad = check("Site", &with("<Head>"));
    reset_pattern_js(text("NAME_CURLY")).unwrap();
    assert_eq!(allowed, pairs(&[]));
    assert_eq!(still_bad, pairs(&[("/siteName", "pattern")]));
    assert_eq!(check("Site", &with("<Head")), pairs(&[("/siteName", "pattern")]));
    let msg = thrown_message(set_pattern_js(text("NAME_CURLY"), text("(unclosed")).unwrap_err());
    assert!(msg.contains("invalid pattern"), "{msg}");
    assert!(msg.contains("Unclosed group near index 9"), "{msg}");
    let msg = thrown_message(set_pattern_js(text("NOPE"), text("a")).unwrap_err());
    assert!(msg.contains("PHONE"), "{msg}");
    assert_eq!(get_pattern_js(text("COUNTRY")).unwrap(), "[A-Z]{2}");
    let e = set_pattern_js(text("NAME_CURLY"), JsValue::from_f64(1.0)).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    assert!(thrown_message(e).contains("the source must be a string"));
    reset_pattern_js(JsValue::UNDEFINED).unwrap();
}

#[wasm_bindgen_test]
fn describe_field_reads_the_model() {
    let d = json(&describe_field_js(text("Site"), text("/siteContacts/0/contactTelephoneNumber")).unwrap());
    assert_eq!(d["minLength"], 4);
    assert_eq!(d["maxLength"], 100);
    assert_eq!(d["pattern"]["name"], "PHONE");
    assert_eq!(d["required"], false);
    let msg = thrown_message(describe_field_js(text("Site"), text("/nope")).unwrap_err());
    assert!(msg.contains("/nope"), "{msg}");
}

#[wasm_bindgen_test]
fn thrown_values_are_described_without_running_hostile_code_twice() {
    // The helper every error message goes through.
    let e = js("({ get message() { throw new Error('again') } })");
    assert_eq!(elevate_billing::wasm::args::thrown_text(&e), "an exception");
    assert_eq!(elevate_billing::wasm::args::thrown_text(&js("'text'")), "text");
    assert_eq!(elevate_billing::wasm::args::thrown_text(&js("new Error('elevate-billing: x')")), "x");
    let _ = e.dyn_ref::<js_sys::Object>();
}
