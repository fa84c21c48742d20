//! `jsonSchema` and `openApiDocument` through the JS surface: plain objects, patterns the
//! engine's `RegExp` compiles under `u` and that judge like the validator, `setPattern`
//! reflected, unknown names as clear errors.

use elevate_billing::wasm::export::*;
use elevate_billing::wasm::validate::{reset_pattern_js, set_pattern_js};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::*;

fn pattern(schema: &str, name: &str) -> String {
    let doc = json(&json_schema_js(schema.into()).expect("a schema"));
    doc["$defs"][format!("pattern.{name}")]["pattern"].as_str().expect("a pattern").to_owned()
}

#[wasm_bindgen_test]
fn json_schema_is_a_plain_2020_12_document() {
    let doc = json_schema_js("Site".into()).unwrap();
    assert!(js_sys::Object::get_prototype_of(&doc) == js_sys::Object::get_prototype_of(&js("({})")));
    let doc = json(&doc);
    assert_eq!(doc["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(doc["$ref"], "#/$defs/Site");
    assert_eq!(doc["$defs"]["Site"]["properties"]["siteName"]["maxLength"], 100);
    let msg = thrown_message(json_schema_js("Nope".into()).unwrap_err());
    assert!(json_schema_js(5.into()).unwrap_err().is_instance_of::<js_sys::TypeError>());
    assert!(msg.starts_with("elevate-billing: unknown schema \"Nope\"") && msg.contains("Site"), "{msg}");
}

#[wasm_bindgen_test]
fn exported_patterns_compile_under_u_and_judge_like_the_validator() {
    let phone = js_sys::RegExp::new(&pattern("Site", "PHONE"), "u");
    // decisions R2: `,-_` is a range that admits `<` and `>`, and there is no `+`.
    assert!(phone.test("020<7946>0000"));
    assert!(!phone.test("+44 20 7946 0000"));
    assert!(phone.test(""));
    assert!(!phone.test("abc"));
    let name = js_sys::RegExp::new(&pattern("Site", "NAME_CURLY"), "u");
    assert!(name.test("Zoë O’Brien (HQ) #1"));
    assert!(!name.test("Head <office>"));
    // Java's \s is ASCII: no-break space is not in the class, vertical tab is.
    assert!(!name.test("a\u{A0}b"));
    assert!(name.test("a\u{0B}b"));
    assert!(!name.test("😀"));
    // Whole value, and `$` is the very end (decisions R1).
    let country = js_sys::RegExp::new(&pattern("Site", "COUNTRY"), "u");
    assert!(country.test("GB"));
    assert!(!country.test("GB\n") && !country.test("xGB") && !country.test("GBR"));
    let email = js_sys::RegExp::new(&pattern("ContactDetails", "EMAIL"), "u");
    assert!(email.test("o'neil+bills@example.co.uk"));
    assert!(!email.test("jane@example"));
}

#[wasm_bindgen_test]
fn set_pattern_is_reflected_in_the_exports() {
    set_pattern_js("NAME_CURLY".into(), r"[a-z\-]+".into()).unwrap();
    let replaced = pattern("Site", "NAME_CURLY");
    let doc = json(&json_schema_js("Site".into()).unwrap());
    let api = json(&open_api_document_js().unwrap());
    reset_pattern_js("NAME_CURLY".into()).unwrap();
    // java-regex's ECMAScript form of the pattern in force.
    assert_eq!(replaced, r"^(?:[\u{2D}\u{61}-\u{7A}]+)$");
    assert!(doc["$defs"]["pattern.NAME_CURLY"]["$comment"].as_str().unwrap().ends_with(r"[a-z\-]+"));
    assert_eq!(api["components"]["schemas"]["pattern.NAME_CURLY"]["pattern"], replaced);
    assert_ne!(pattern("Site", "NAME_CURLY"), replaced, "reset restores the built-in pattern");
}

#[wasm_bindgen_test]
fn open_api_document_is_a_plain_3_1_document() {
    let doc = json(&open_api_document_js().unwrap());
    assert_eq!(doc["openapi"], "3.1.0");
    let list = &doc["paths"]["/sites"]["get"];
    assert_eq!(list["operationId"], "sites.list");
    assert_eq!(doc["paths"]["/sites"]["servers"][0]["url"], "{host}/v1");
    assert_eq!(doc["components"]["schemas"]["Site"]["title"], "Site");
}

#[wasm_bindgen_test]
fn plumbing_for_the_javascript_validators() {
    use wasm_bindgen::JsValue;
    // A class-shaped pattern in force is a class slot; another one set with setPattern is
    // matched by the engine (Java's verdict, the step budget, UTF-16).
    set_pattern_js("NAME_CURLY".into(), JsValue::from_str(r"(a|aa)+\1?b")).unwrap();
    let slot = json(&pattern_slot_js("NAME_CURLY".into()).unwrap());
    let matches = |v: &str| pattern_matches_js("NAME_CURLY".into(), js(v)).unwrap();
    let budget = matches("'a'.repeat(40)");
    let yes = matches("'aab'");
    let no = matches("'aaa'");
    set_pattern_js("NAME_CURLY".into(), JsValue::from_str(r"[\uFFFD\p{Cs}]")).unwrap();
    let lone = matches(r"'\uD800'");
    let class = json(&pattern_slot_js("NAME_CURLY".into()).unwrap());
    reset_pattern_js(JsValue::UNDEFINED).unwrap();
    assert_eq!(slot["engine"], true);
    assert_eq!(budget.as_string().as_deref(), Some("budget"));
    assert_eq!((yes.as_bool(), no.as_bool()), (Some(true), Some(false)));
    assert_eq!(lone.as_bool(), Some(true));
    assert!(class["class"].as_str().unwrap().contains(r"\u{D800}-\u{DFFF}"), "{class}");
    assert_eq!(regex_reason_js(js("'a**'")).unwrap().as_deref(), Some("Dangling meta character '*' near index 2"));
    assert_eq!(regex_reason_js(js("'(?<=a)b'")).unwrap(), None);
    // Not a string: a TypeError, not a trap.
    assert!(regex_reason_js(js("5")).unwrap_err().is_instance_of::<js_sys::TypeError>());
    assert!(pattern_matches_js(js("5"), js("'a'")).unwrap_err().is_instance_of::<js_sys::TypeError>());
}
