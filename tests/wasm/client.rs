//! The client's JS surface and `fetch` transport, with a scripted `fetch` (no server), in
//! Node, Chromium and a dedicated worker: what goes out, and how odd `fetch` behaviour ends
//! (a timeout, a non-Response, a throw, an endless body) as a typed error, never a trap.

use elevate_billing::wasm::client::*;
use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

use crate::support::*;

fn prop(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// Runs `resource.op(...)` on a core made from `options` (JS source); `Ok(result)` or
/// `Err(descriptor as JSON)`.
async fn run(
    options: &str,
    resource: &str,
    op: &str,
    path: &str,
    input: &str,
    call_options: &str,
) -> Result<JsValue, serde_json::Value> {
    let core = ClientCore::new(js(options)).map_err(|e| json(&e))?;
    JsFuture::from(core.call(resource, op, js(path), js(input), js(call_options))).await.map_err(|e| json(&e))
}

/// `client.sites.get(1)` on a client built from `options`.
async fn get_site_1(options: &str) -> Result<JsValue, serde_json::Value> {
    run(options, "sites", "get", "[1]", "undefined", "undefined").await
}

const SEEN: &str = "(globalThis.__seen = [], (req) => { globalThis.__seen.push(req); return Promise.resolve(new Response(JSON.stringify({ id: 7, siteName: 'Depot' }), { status: 201, headers: { 'content-type': 'application/json' } })); })";

#[wasm_bindgen_test]
async fn a_call_goes_out_through_the_given_fetch() {
    let options = format!("({{ baseUrl: 'https://api.test', token: 'tok-123', fetch: {SEEN} }})");
    let body = r#"{ customerId: 12, siteName: "Depot", siteReference: "D-1", startDate: "2024-01-01",
        siteAddress: { address1: "1 High Street", town: "London", postcode: "SW1A 1AA", country: "GB" },
        siteContacts: [{ contactName: "Jane", contactRole: "ACCOUNTS", contactTelephoneNumber: "020 7946 0000" }] }"#;
    let created = run(&options, "sites", "create", "[]", body, "undefined").await.unwrap();
    assert_eq!(json(&created), serde_json::json!({"id": 7, "siteName": "Depot"}));
    let req = js("globalThis.__seen[0]");
    assert_eq!(prop(&req, "url").as_string().unwrap(), "https://api.test/v1/sites");
    assert_eq!(prop(&req, "method").as_string().unwrap(), "POST");
    let header = |name: &str| js(&format!("globalThis.__seen[0].headers.get('{name}')")).as_string();
    assert_eq!(header("authorization").as_deref(), Some("Bearer tok-123"));
    assert_eq!(header("content-type").as_deref(), Some("application/json"));
    assert_eq!(header("accept").as_deref(), Some("application/json"));
    let text = JsFuture::from(js("globalThis.__seen[0].text()").dyn_into::<Promise>().unwrap()).await.unwrap();
    let sent: serde_json::Value = serde_json::from_str(&text.as_string().unwrap()).unwrap();
    assert_eq!(sent["siteName"], "Depot");
    assert_eq!(sent["siteContacts"][0]["contactName"], "Jane");
}

#[wasm_bindgen_test]
async fn exists_reads_x_total_count() {
    let fetch = "() => Promise.resolve(new Response(null, { status: 200, headers: { 'X-Total-Count': '7' } }))";
    let r = run(
        &format!("({{ token: 't', fetch: {fetch} }})"),
        "sites",
        "exists",
        "[]",
        "({ customerId: 1 })",
        "undefined",
    )
    .await;
    assert_eq!(json(&r.unwrap()), serde_json::json!({"exists": true, "total": 7}));
}

#[wasm_bindgen_test]
async fn a_fetch_that_never_answers_times_out() {
    // Settles only when the client aborts it, as fetch does.
    let fetch = "(req) => new Promise((_, reject) => req.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))";
    let e = get_site_1(&format!("({{ token: 't', timeoutMs: 30, retries: 0, fetch: {fetch} }})")).await.unwrap_err();
    assert_eq!(e["type"], "timeout");
    assert_eq!(e["timeoutMs"], 30);
    assert_eq!(e["url"], "https://rest.elevatebilling.com/v1/sites/1");
}

#[wasm_bindgen_test]
async fn odd_fetch_behaviour_is_a_network_error() {
    for (fetch, needle) in [
        ("() => Promise.resolve(42)", "not a Response"),
        ("() => { throw new Error('boom') }", "boom"),
        ("() => Promise.reject(new TypeError('Failed to fetch'))", "Failed to fetch"),
    ] {
        let e = get_site_1(&format!("({{ token: 't', retries: 0, fetch: {fetch} }})")).await.unwrap_err();
        assert_eq!(e["type"], "network", "{fetch}");
        assert!(e["message"].as_str().unwrap().contains(needle), "{e}");
    }
}

#[wasm_bindgen_test]
async fn an_endless_body_is_abandoned_at_the_limit() {
    let fetch = "() => Promise.resolve(new Response(new ReadableStream({ pull(c) { c.enqueue(new Uint8Array(1 << 20)); } }), { status: 200 }))";
    let e = get_site_1(&format!("({{ token: 't', fetch: {fetch} }})")).await.unwrap_err();
    assert_eq!(e["type"], "api");
    assert_eq!(e["kind"], "invalidResponse");
    assert!(e["message"].as_str().unwrap().contains("larger than"), "{e}");
}

#[wasm_bindgen_test]
async fn bad_arguments_reject_with_usage_descriptors_and_send_nothing() {
    let options = format!("({{ token: 't', fetch: {SEEN} }})");
    for (op, path, input, call_options, needle) in [
        ("get", "[]", "undefined", "undefined", "takes 1 path value"),
        ("update", "[1]", "[]", "({ cascadeEnd: true })", "has no option \"cascadeEnd\""),
        ("get", "[1]", "undefined", "({ signal: 5 })", "signal must be an AbortSignal"),
        ("create", "[]", "({ get x() { throw new Error('getter') } })", "undefined", "getter"),
        // A Proxy whose key listing throws is a usage error, not an unwind through wasm.
        ("get", "[1]", "undefined", "new Proxy({}, { ownKeys() { throw new Error('keys trap') } })", "keys trap"),
    ] {
        let e = run(&options, "sites", op, path, input, call_options).await.unwrap_err();
        assert_eq!(e["type"], "usage", "{op} {call_options}");
        assert!(e["message"].as_str().unwrap().contains(needle), "{e}");
    }
    assert_eq!(js("globalThis.__seen.length").as_f64(), Some(0.0));
    for (options, needle) in [
        ("({})", "token must be a string"),
        ("({ token: 't', timeout: 5 })", "unknown option \"timeout\""),
        ("({ token: 't', baseUrl: 'example.com' })", "absolute http(s) URL"),
        ("({ token: 't', retries: -1 })", "retries"),
        ("({ token: 'bad token' })", "not allowed in an HTTP header"),
        ("new Proxy({ token: 't' }, { ownKeys() { throw new Error('keys trap') } })", "keys trap"),
    ] {
        let e = json(&ClientCore::new(js(options)).err().unwrap());
        assert!(e["message"].as_str().unwrap().contains(needle), "{options}: {e}");
    }
}

#[wasm_bindgen_test]
fn plumbing_helpers() {
    let table = json(&endpoint_table().unwrap());
    assert_eq!(table["resources"].as_array().unwrap().len(), 28);
    assert_eq!(table["defaultPageSize"], 100);
    let sites = table["resources"].as_array().unwrap().iter().find(|r| r["name"] == "sites").unwrap();
    let ops: Vec<&str> = sites["endpoints"].as_array().unwrap().iter().map(|e| e["op"].as_str().unwrap()).collect();
    assert_eq!(ops, ["list", "exists", "create", "get", "update"]);
    assert_eq!(filter_expr_js("in", js("['a', 2]")).unwrap(), "in:a,2");
    assert_eq!(filter_expr_js("like", js("['Acme%']")).unwrap(), "like:Acme%");
    assert!(thrown_message(filter_expr_js("in", js("[]")).unwrap_err()).contains("at least one"));
    assert!(filter_expr_js("in", js("[{}]")).unwrap_err().is_instance_of::<js_sys::TypeError>());
    assert_eq!(next_page_js(1.0, 10.0, 10.0), Some(2.0));
    assert_eq!(next_page_js(1.0, 10.0, 3.0), None);
    assert_eq!(next_page_js(1.5, 10.0, 10.0), None);
}
