//! The client's JS surface and `fetch` transport, with a scripted `fetch` (no server), in
//! Node, Chromium and a dedicated worker: what goes out, and how odd `fetch` behaviour ends
//! (a timeout, a non-Response, a throw, an endless body) as a typed error, never a trap.

use elevate_billing::wasm::client::*;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

use crate::support::*;

fn prop(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// Runs `resource.op(...)` on a core made from `options` (JS source; `path` a JS array, `input`
/// JSON text or `undefined`, as `client.js` passes them); `Ok(result)` or
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
    JsFuture::from(core.call(resource.into(), op.into(), js(path), js(input), js(call_options)))
        .await
        .map_err(|e| json(&e))
}

/// `client.sites.get(1)` on a client built from `options`.
async fn get_site_1(options: &str) -> Result<JsValue, serde_json::Value> {
    run(options, "sites", "get", "[1]", "undefined", "undefined").await
}

const SEEN: &str = "(globalThis.__seen = [], (url, init) => { globalThis.__seen.push({ url, init }); return Promise.resolve(new Response(JSON.stringify({ id: 7, siteName: 'Depot' }), { status: 201, headers: { 'content-type': 'application/json' } })); })";

const BODY: &str = r#"JSON.stringify({ customerId: 12, siteName: "Depot", siteReference: "D-1", startDate: "2024-01-01",
        siteAddress: { address1: "1 High Street", town: "London", postcode: "SW1A 1AA", country: "GB" },
        siteContacts: [{ contactName: "Jane", contactRole: "ACCOUNTS", contactTelephoneNumber: "020 7946 0000" }] })"#;

#[wasm_bindgen_test]
async fn a_call_goes_out_through_the_given_fetch_as_url_and_init() {
    let options = format!("({{ baseUrl: 'https://api.test', token: 'tok-123', fetch: {SEEN} }})");
    let created = run(&options, "sites", "create", "[]", BODY, "undefined").await.unwrap();
    assert_eq!(json(&created), serde_json::json!({"id": 7, "siteName": "Depot"}));
    let seen = js("globalThis.__seen[0]");
    assert_eq!(prop(&seen, "url").as_string().unwrap(), "https://api.test/v1/sites");
    let init = prop(&seen, "init");
    assert_eq!(prop(&init, "method").as_string().unwrap(), "POST");
    assert_eq!(prop(&init, "redirect").as_string().unwrap(), "manual", "a body is never re-sent by a redirect");
    let header = |name: &str| js(&format!("globalThis.__seen[0].init.headers['{name}']")).as_string();
    assert_eq!(header("authorization").as_deref(), Some("Bearer tok-123"));
    assert_eq!(header("content-type").as_deref(), Some("application/json"));
    assert_eq!(header("accept").as_deref(), Some("application/json"));
    let sent: serde_json::Value = serde_json::from_str(&prop(&init, "body").as_string().unwrap()).unwrap();
    assert_eq!(sent["siteName"], "Depot");
    assert_eq!(sent["siteContacts"][0]["contactName"], "Jane");
    // A read follows redirects (fetch drops Authorization when the origin changes). (`options`
    // makes a fresh log.)
    let _ = get_site_1(&options).await;
    assert_eq!(js("globalThis.__seen[0].init.redirect").as_string().as_deref(), Some("follow"));
}

#[wasm_bindgen_test]
async fn the_usual_wrapper_that_spreads_init_headers_keeps_authorization() {
    let wrapper = "(globalThis.__seen = [], (url, init = {}) => { const next = { ...init, headers: { ...init.headers, 'X-Tenant': 'a' } }; globalThis.__seen.push(next); return Promise.resolve(new Response('{}', { status: 200 })); })";
    get_site_1(&format!("({{ token: 'tok-123', fetch: {wrapper} }})")).await.unwrap();
    assert_eq!(js("globalThis.__seen[0].headers.authorization").as_string().as_deref(), Some("Bearer tok-123"));
    assert_eq!(js("globalThis.__seen[0].headers['X-Tenant']").as_string().as_deref(), Some("a"));
}

#[wasm_bindgen_test]
async fn exists_reads_x_total_count() {
    let fetch = "() => Promise.resolve(new Response(null, { status: 200, headers: { 'X-Total-Count': '7' } }))";
    let r = run(
        &format!("({{ token: 'tok-123', fetch: {fetch} }})"),
        "sites",
        "exists",
        "[]",
        "JSON.stringify({ customerId: 1 })",
        "undefined",
    )
    .await;
    assert_eq!(json(&r.unwrap()), serde_json::json!({"exists": true, "total": 7}));
}

#[wasm_bindgen_test]
async fn a_fetch_that_never_answers_times_out_whether_or_not_it_honours_the_signal() {
    for fetch in [
        // Settles only when the client aborts it, as fetch does…
        "(url, init) => new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))",
        // …or never, ignoring the signal.
        "() => new Promise(() => {})",
    ] {
        let e = get_site_1(&format!("({{ token: 'tok-123', timeoutMs: 30, retries: 0, fetch: {fetch} }})")).await.unwrap_err();
        assert_eq!(e["type"], "timeout", "{fetch}");
        assert_eq!(e["timeoutMs"], 30);
        assert_eq!(e["url"], "https://rest.elevatebilling.com/v1/sites/1");
    }
    // The caller's signal, too, ends a call whose fetch ignores it.
    let core = ClientCore::new(js("({ token: 'tok-123', retries: 0, fetch: () => new Promise(() => {}) })")).unwrap();
    let controller = js("globalThis.__controller = new AbortController()");
    let pending = core.call(
        "sites".into(),
        "get".into(),
        js("[1]"),
        JsValue::UNDEFINED,
        js("({ signal: globalThis.__controller.signal })"),
    );
    js("setTimeout(() => globalThis.__controller.abort(), 20)");
    let e = json(&JsFuture::from(pending).await.unwrap_err());
    assert_eq!(e["type"], "aborted");
    let _ = controller;
}

#[wasm_bindgen_test]
async fn odd_fetch_behaviour_is_a_network_error() {
    for (fetch, needle) in [
        ("() => Promise.resolve(42)", "not a Response"),
        ("() => { throw new Error('boom') }", "boom"),
        ("() => Promise.reject(new TypeError('Failed to fetch'))", "Failed to fetch"),
        ("() => ({ then() { throw new Error('thenable') } })", "thenable"),
        ("() => Promise.resolve({ get status() { throw new Error('status') } })", "not a Response"),
        // Resolving with it reads its `then` through the trap: a rejection like any other.
        ("() => Promise.resolve(new Proxy({}, { get() { throw new Error('trap') } }))", "trap"),
        ("() => { const p = Promise.resolve(new Response('{}')); Object.defineProperty(p, 'constructor', { get() { throw new Error('ctor') } }); return p }", ""),
    ] {
        let r = get_site_1(&format!("({{ token: 'tok-123', retries: 0, fetch: {fetch} }})")).await;
        match r {
            Err(e) => {
                assert_eq!(e["type"], "network", "{fetch}");
                assert!(e["message"].as_str().unwrap().contains(needle), "{e}");
            }
            Ok(v) => assert_eq!(json(&v), serde_json::json!({}), "{fetch}"),
        }
    }
}

#[wasm_bindgen_test]
async fn an_endless_body_is_abandoned_at_the_limit() {
    let fetch = "() => Promise.resolve(new Response(new ReadableStream({ pull(c) { c.enqueue(new Uint8Array(1 << 20)); } }), { status: 200 }))";
    let e = get_site_1(&format!("({{ token: 'tok-123', fetch: {fetch} }})")).await.unwrap_err();
    assert_eq!(e["type"], "api");
    assert_eq!(e["kind"], "invalidResponse");
    assert!(e["message"].as_str().unwrap().contains("larger than"), "{e}");
}

#[wasm_bindgen_test]
async fn token_providers_that_misbehave_are_token_errors_never_a_hang() {
    let ok = "() => Promise.resolve(new Response('{}'))";
    for (provider, needle) in [
        ("() => { throw new Error('no token') }", "threw: no token"),
        ("() => Promise.reject(new Error('refused'))", "rejected: refused"),
        ("() => 5", "must give a string, not number"),
        ("() => { const p = Promise.resolve('tok-123'); Object.defineProperty(p, 'constructor', { get() { throw new Error('ctor') } }); return p }", "ctor"),
        ("() => ({ get then() { throw new Error('then getter') } })", "then getter"),
        ("() => new Promise(() => {})", "within 30 ms"),
    ] {
        let e = get_site_1(&format!("({{ token: {provider}, timeoutMs: 30, retries: 0, fetch: {ok} }})")).await.unwrap_err();
        assert_eq!(e["type"], "token", "{provider}");
        assert!(e["message"].as_str().unwrap().contains(needle), "{provider}: {e}");
    }
}

#[wasm_bindgen_test]
async fn the_token_is_redacted_from_every_field_whatever_its_length() {
    for token in ["Xy12345", "a1", "tok-123456789"] {
        let echo = format!(
            "() => Promise.resolve(new Response(JSON.stringify({{ message: 'bad token={token}.', echo: '/{token}/', [ '{token}' ]: 1 }}), {{ status: 401, headers: {{ 'x-echo': 'Bearer {token}' }} }}))"
        );
        let e = get_site_1(&format!("({{ token: '{token}', retries: 0, fetch: {echo} }})")).await.unwrap_err();
        let shown = e.to_string();
        assert!(!shown.contains(token), "{token}: {shown}");
        assert!(shown.contains("token=[redacted]."), "{shown}");
    }
}

#[wasm_bindgen_test]
async fn bad_arguments_reject_with_usage_descriptors_and_send_nothing() {
    let options = format!("({{ token: 'tok-123', fetch: {SEEN} }})");
    for (op, path, input, call_options, needle) in [
        ("get", "[]", "undefined", "undefined", "takes 1 path value"),
        ("get", "[10n]", "undefined", "undefined", "site_id must be a number or a string, not a bigint"),
        ("get", "[{ toString() { throw new Error('x') } }]", "undefined", "undefined", "not an object"),
        ("update", "[1]", "'[]'", "({ cascadeEnd: true })", "has no option \"cascadeEnd\""),
        ("get", "[1]", "undefined", "({ signal: 5 })", "signal must be an AbortSignal"),
        ("create", "[]", "'{ not json'", "undefined", "not JSON text"),
        ("create", "[]", "5", "undefined", "must be a string"),
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
        ("({ token: 't', baseUrl: 'https://user:s3cret@example.com' })", "credentials"),
        ("({ token: 't', retries: -1 })", "retries"),
        ("({ token: 'bad token' })", "not allowed in an HTTP header"),
        ("({ token: 't', get timeoutMs() { throw new Error('getter') } })", "getter"),
        ("new Proxy({ token: 't' }, { ownKeys() { throw new Error('keys trap') } })", "keys trap"),
        ("(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy })()", "threw"),
    ] {
        let e = json(&ClientCore::new(js(options)).err().unwrap());
        let message = e["message"].as_str().unwrap();
        assert!(message.contains(needle), "{options}: {e}");
        assert!(!message.contains("s3cret"), "{e}");
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
    assert_eq!(filter_expr_js("in".into(), js("['a', 2]")).unwrap(), "in:a,2");
    assert_eq!(filter_expr_js("like".into(), js("['Acme%']")).unwrap(), "like:Acme%");
    assert!(thrown_message(filter_expr_js("in".into(), js("[]")).unwrap_err()).contains("at least one"));
    assert!(filter_expr_js("in".into(), js("[{}]")).unwrap_err().is_instance_of::<js_sys::TypeError>());
    assert!(filter_expr_js(5.into(), js("[]")).unwrap_err().is_instance_of::<js_sys::TypeError>());
    assert!(
        thrown_message(filter_expr_js("in".into(), js("Array(1001).fill('a')")).unwrap_err()).contains("at most 1000")
    );
    assert_eq!(next_page_js(1.0, 10.0, 10.0), Some(2.0));
    assert_eq!(next_page_js(1.0, 10.0, 3.0), None);
    assert_eq!(next_page_js(1.5, 10.0, 10.0), None);
}
