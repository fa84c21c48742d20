//! The WebAssembly [`Transport`]: `fetch` (the caller's, or the global one) in browsers,
//! workers and Node, through `src/js/transport.js`, which calls it as the platform does
//! (`fetch(url, init)`), enforces the attempt's timeout and the caller's signal whether or not
//! that fetch honours them, reads the body as a stream into JavaScript memory (at most
//! [`MAX_RESPONSE_BYTES`]) and never rejects: every outcome, including whatever the caller's
//! code threw, comes back as a plain object made there. So no JavaScript exception unwinds
//! through this module, and a response body enters wasm memory once, whole, only to be read
//! and let go (40 concurrent 100 MiB responses once held 1.27 GiB of wasm memory).

use std::cell::RefCell;
use std::fmt;

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::error::{redact, ClientError};
use super::options::Secret;
use super::transport::{
    Transport, TransportError, WireRequest, WireResponse, MAX_HEADER_VALUE_BYTES, MAX_RESPONSE_BYTES,
    MAX_RESPONSE_HEADERS,
};

#[wasm_bindgen(module = "/src/js/transport.js")]
extern "C" {
    // Async functions that never reject; `catch` all the same, so nothing can unwind.
    #[wasm_bindgen(catch, js_name = attempt)]
    #[allow(clippy::too_many_arguments)]
    fn attempt_js(
        fetch: &JsValue,
        url: &str,
        method: &str,
        headers: &Array,
        body: Option<String>,
        timeout_ms: u32,
        signal: &JsValue,
        max_bytes: u32,
        max_headers: u32,
        max_header_value: u32,
    ) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = callToken)]
    fn call_token(provider: &Function, timeout_ms: u32, signal: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = sleep)]
    fn sleep_js(ms: f64, signal: &JsValue) -> Result<Promise, JsValue>;
}

/// Where each attempt's token comes from: a fixed token, or a JS function returning a token
/// or a promise of one (called per attempt, so it may refresh).
#[derive(Clone)]
pub enum TokenSource {
    /// The `token` option was a string (checked once, when the client was made).
    Static(Secret),
    /// The `token` option was a function; its result is checked on every call.
    Provider(Function),
}

impl fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenSource::Static(s) => write!(f, "Static({s:?})"),
            TokenSource::Provider(_) => f.write_str("Provider(function)"),
        }
    }
}

/// `fetch` with a token source and the caller's abort signal (one per call).
#[derive(Clone, Debug)]
pub struct FetchTransport {
    /// The `fetch` option, or `None` for `globalThis.fetch`.
    pub fetch: Option<Function>,
    /// The client's token or token provider.
    pub token: TokenSource,
    /// The call's `{ signal }` (an AbortSignal or a look-alike): aborts the attempt in flight
    /// and any backoff wait.
    pub signal: Option<JsValue>,
}

/// A JS exception as text: `message` of an Error (plus its `cause`'s, which is where Node
/// puts "ECONNRESET"), a string as itself; read only through `Reflect.get`, which catches.
pub fn js_error_text(e: &JsValue) -> String {
    let get = |v: &JsValue, k: &str| Reflect::get(v, &JsValue::from_str(k)).ok().and_then(|m| m.as_string());
    if let Some(s) = e.as_string() {
        return s;
    }
    if !(e.is_object() || e.is_function()) {
        return "an exception".to_owned();
    }
    let mut text = get(e, "message").unwrap_or_else(|| "an exception".to_owned());
    if let Ok(cause) = Reflect::get(e, &JsValue::from_str("cause")) {
        if cause.is_object() {
            if let Some(c) = get(&cause, "code").or_else(|| get(&cause, "message")) {
                text.push_str(&format!(" ({c})"));
            }
        }
    }
    text
}

/// Member `key` of an outcome object made by `transport.js` (plain data: reading cannot run
/// the caller's code).
fn field(outcome: &JsValue, key: &str) -> JsValue {
    Reflect::get(outcome, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// What a promise of `transport.js` resolved to, or its `kind` `"broken"` if it could not be
/// called (which its code never lets happen).
async fn outcome(called: Result<Promise, JsValue>) -> (String, JsValue) {
    let settled = match called {
        Ok(p) => JsFuture::from(p).await,
        Err(e) => Err(e),
    };
    match settled {
        Ok(o) => (field(&o, "kind").as_string().unwrap_or_default(), o),
        Err(e) => ("broken".to_owned(), e),
    }
}

/// Most origins remembered as having answered this page (a page talks to a handful).
const MAX_ORIGINS: usize = 32;

thread_local! {
    /// Origins (`scheme://host:port`) that have answered this page or worker: CORS lets their
    /// answers through, so a later opaque failure is a real network failure (and retried).
    static ANSWERED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// `scheme://host[:port]` of an absolute URL (what CORS compares).
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find(['/', '?', '#']) {
        Some(end) => &url[..after_scheme + end],
        None => url,
    }
}

fn remember_answer(url: &str) {
    let origin = origin_of(url);
    ANSWERED.with(|a| {
        let mut a = a.borrow_mut();
        if !a.iter().any(|o| o == origin) {
            if a.len() >= MAX_ORIGINS {
                a.remove(0);
            }
            a.push(origin.to_owned());
        }
    });
}

/// The page's origin when running in a browser page or worker (`location.origin`), else
/// `None` (Node and other runtimes without CORS).
fn page_origin() -> Option<String> {
    let location = Reflect::get(&js_sys::global(), &JsValue::from_str("location")).ok()?;
    let origin = Reflect::get(&location, &JsValue::from_str("origin")).ok()?.as_string()?;
    origin.starts_with("http").then_some(origin)
}

/// When a rejected `fetch` looks like a request blocked by CORS: in a browser, a `TypeError`
/// (the only thing a page learns about a CORS refusal, a refused connection or a DNS failure
/// alike) for a cross-origin URL whose origin has never answered this page. The message says
/// what the API must allow; [`TransportError::Blocked`] is not retried.
fn blocked_by_cors(name: &str, text: &str, request: &WireRequest) -> Option<TransportError> {
    if name != "TypeError" {
        return None;
    }
    let page = page_origin()?;
    let api = origin_of(&request.url);
    if api == page || ANSWERED.with(|a| a.borrow().iter().any(|o| o == api)) {
        return None;
    }
    let mut allow = vec!["Authorization"];
    for (name, _) in &request.headers {
        match *name {
            "accept" => {}
            "content-type" => allow.push("Content-Type"),
            other => allow.push(other),
        }
    }
    Some(TransportError::Blocked {
        message: format!(
            "{text} (no answer from {api} has reached this page yet: CORS may be the cause). {api} must answer \
             requests from {page} with Access-Control-Allow-Origin, allow the request headers {} \
             (Access-Control-Allow-Headers, in its answer to the OPTIONS preflight) and expose X-Total-Count \
             (Access-Control-Expose-Headers); or the server is unreachable. Not retried.",
            allow.join(", ")
        ),
    })
}

impl FetchTransport {
    fn signal(&self) -> JsValue {
        self.signal.clone().unwrap_or(JsValue::UNDEFINED)
    }
}

/// The `[name, value]` pairs of a response's headers as `transport.js` read them: lower-case
/// names, values cut at [`MAX_HEADER_VALUE_BYTES`] on a character boundary.
fn headers_of(pairs: &JsValue) -> Vec<(String, String)> {
    let Some(pairs) = pairs.dyn_ref::<Array>() else { return Vec::new() };
    let mut out = Vec::new();
    for pair in pairs.iter().take(MAX_RESPONSE_HEADERS) {
        let (Some(name), Some(mut value)) = (
            Reflect::get_u32(&pair, 0).ok().and_then(|n| n.as_string()),
            Reflect::get_u32(&pair, 1).ok().and_then(|v| v.as_string()),
        ) else {
            continue;
        };
        if value.len() > MAX_HEADER_VALUE_BYTES {
            let mut cut = MAX_HEADER_VALUE_BYTES;
            while !value.is_char_boundary(cut) {
                cut -= 1;
            }
            value.truncate(cut);
        }
        out.push((name.to_ascii_lowercase(), value));
    }
    out
}

impl Transport for FetchTransport {
    async fn token(&self, request: &WireRequest, timeout_ms: u32) -> Result<Secret, ClientError> {
        let f = match &self.token {
            TokenSource::Static(s) => return Ok(s.clone()),
            TokenSource::Provider(f) => f,
        };
        let failed = |message: String| ClientError::Token { message };
        let (kind, o) = outcome(call_token(f, timeout_ms, &self.signal())).await;
        let message = || field(&o, "message").as_string().unwrap_or_default();
        match kind.as_str() {
            "token" => {
                let token = field(&o, "value").as_string().ok_or_else(|| {
                    let type_name = field(&o, "type").as_string().unwrap_or_default();
                    failed(format!("the token provider must give a string, not {type_name}"))
                })?;
                Secret::new(token)
            }
            "threw" => Err(failed(format!("the token provider threw: {}", message()))),
            "rejected" => Err(failed(format!("the token provider's promise rejected: {}", message()))),
            "timeout" => Err(failed(format!("the token provider gave no token within {timeout_ms} ms"))),
            "aborted" => Err(ClientError::Aborted { method: request.method, url: request.url.clone() }),
            _ => Err(failed(format!("the token provider could not be called: {}", js_error_text(&o)))),
        }
    }

    async fn send(
        &self,
        request: &WireRequest,
        token: &Secret,
        timeout_ms: u32,
    ) -> Result<WireResponse, TransportError> {
        let headers = Array::new();
        for (name, value) in &request.headers {
            headers.push(&Array::of2(&JsValue::from_str(name), &JsValue::from_str(value)));
        }
        let authorization = format!("Bearer {}", token.expose());
        headers.push(&Array::of2(&JsValue::from_str("authorization"), &JsValue::from_str(&authorization)));
        let fetch = self.fetch.as_ref().map_or(JsValue::UNDEFINED, |f| f.clone().into());
        let called = attempt_js(
            &fetch,
            &request.url,
            request.method.as_str(),
            &headers,
            request.body.clone(),
            timeout_ms,
            &self.signal(),
            MAX_RESPONSE_BYTES as u32,
            MAX_RESPONSE_HEADERS as u32,
            MAX_HEADER_VALUE_BYTES as u32,
        );
        let (kind, o) = outcome(called).await;
        let text = |k: &str| redact(&field(&o, k).as_string().unwrap_or_default(), token).into_owned();
        match kind.as_str() {
            "response" => {
                remember_answer(&request.url);
                let status = field(&o, "status").as_f64().unwrap_or(0.0) as u16;
                let headers = headers_of(&field(&o, "headers"));
                // A fresh Uint8Array made by transport.js: copied in once, whole.
                let body = field(&o, "body");
                let body = body.dyn_ref::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
                Ok(WireResponse { status, headers, body })
            }
            "timeout" => Err(TransportError::Timeout),
            "aborted" => Err(TransportError::Aborted),
            "tooLarge" => Err(TransportError::TooLarge { status: field(&o, "status").as_f64().unwrap_or(0.0) as u16 }),
            "noFetch" => Err(TransportError::NoFetch { message: text("message") }),
            "redirected" => Err(TransportError::NoFetch {
                message: "the server answered with a redirect, which is not followed for a request with a body \
                          (the body would go to another URL)"
                    .into(),
            }),
            "network" => {
                let (name, message) = (field(&o, "name").as_string().unwrap_or_default(), text("message"));
                Err(blocked_by_cors(&name, &message, request).unwrap_or(TransportError::Network { message }))
            }
            _ => Err(TransportError::Network { message: redact(&js_error_text(&o), token).into_owned() }),
        }
    }

    async fn sleep(&self, ms: u64) -> Result<(), TransportError> {
        let ms = ms.min(u64::from(i32::MAX as u32)) as f64;
        match outcome(sleep_js(ms, &self.signal())).await.0.as_str() {
            "slept" => Ok(()),
            _ => Err(TransportError::Aborted),
        }
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }
}
