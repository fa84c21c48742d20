//! The WebAssembly [`Transport`]: `fetch` (the caller's, or the global one) in browsers,
//! workers and Node. gloo-net builds the `Request`; the call itself goes through our own
//! binding because gloo-net's `send` panics when `fetch` resolves to a non-`Response` (a
//! panic poisons the module) and cannot use a custom `fetch`.
//!
//! Each attempt gets its own `AbortController`, aborted by the attempt's timer or by the
//! caller's `AbortSignal`; the body is read as a stream and abandoned past
//! [`MAX_RESPONSE_BYTES`]. Every JS exception becomes a [`TransportError`].

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use gloo_net::http::{Method as GlooMethod, RequestBuilder};
use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use super::error::{redact, ClientError};
use super::options::Secret;
use super::transport::{
    Transport, TransportError, WireRequest, WireResponse, MAX_HEADER_VALUE_BYTES, MAX_RESPONSE_BYTES,
    MAX_RESPONSE_HEADERS,
};
use crate::endpoints::Method;

#[wasm_bindgen]
extern "C" {
    // Globals in windows, workers and Node alike.
    #[wasm_bindgen(catch, js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue) -> Result<(), JsValue>;
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
    /// The call's `{ signal }`: aborts the attempt in flight and any backoff wait.
    pub signal: Option<AbortSignal>,
}

/// A JS exception as text: `message` of an Error (plus its `cause`'s, which is where Node
/// puts "ECONNRESET"), a string as itself.
pub fn js_error_text(e: &JsValue) -> String {
    let get = |v: &JsValue, k: &str| Reflect::get(v, &JsValue::from_str(k)).ok().and_then(|m| m.as_string());
    if let Some(s) = e.as_string() {
        return s;
    }
    let mut text = get(e, "message").unwrap_or_else(|| "an exception".to_owned());
    if let Ok(cause) = Reflect::get(e, &JsValue::from_str("cause")) {
        if let Some(c) = get(&cause, "code").or_else(|| get(&cause, "message")) {
            text.push_str(&format!(" ({c})"));
        }
    }
    text
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
fn blocked_by_cors(e: &JsValue, request: &WireRequest) -> Option<TransportError> {
    let name = Reflect::get(e, &JsValue::from_str("name")).ok()?.as_string()?;
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
    let text = Reflect::get(e, &JsValue::from_str("message")).ok().and_then(|m| m.as_string()).unwrap_or_default();
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

fn is_thenable(v: &JsValue) -> bool {
    v.is_object() && Reflect::get(v, &JsValue::from_str("then")).is_ok_and(|t| t.is_function())
}

/// How a promise raced against a timeout and the caller's signal ended.
enum Raced {
    Resolved(JsValue),
    Rejected(JsValue),
    TimedOut,
    Aborted,
}

impl FetchTransport {
    /// Waits for `promise`, but at most `timeout_ms` and not past the caller's abort; the
    /// timer and the abort listener are removed when it ends (nothing keeps Node alive).
    async fn race(&self, promise: &Promise, timeout_ms: u32) -> Raced {
        if self.aborted_by_caller() {
            return Raced::Aborted;
        }
        // Each way out rejects the stopper with its own marker object, which no provider holds.
        let (abort_marker, timeout_marker): (JsValue, JsValue) =
            (js_sys::Object::new().into(), js_sys::Object::new().into());
        let slot: Rc<RefCell<Option<Function>>> = Rc::new(RefCell::new(None));
        let stopper = {
            let slot = slot.clone();
            Promise::new(&mut |_resolve, reject| *slot.borrow_mut() = Some(reject))
        };
        // The executor runs synchronously inside `Promise::new`, so the slot is filled.
        let Some(reject) = slot.borrow_mut().take() else { return Raced::Aborted };
        let stop_with = |marker: &JsValue| {
            let (reject, marker) = (reject.clone(), marker.clone());
            Closure::<dyn FnMut()>::new(move || {
                let _ = reject.call1(&JsValue::UNDEFINED, &marker);
            })
        };
        let (on_abort, on_timeout) = (stop_with(&abort_marker), stop_with(&timeout_marker));
        if let Some(s) = &self.signal {
            let _ = s.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
        let timer = set_timeout(on_timeout.as_ref().unchecked_ref(), f64::from(timeout_ms)).ok();
        let result = JsFuture::from(Promise::race(&js_sys::Array::of2(promise, &stopper))).await;
        if let Some(t) = &timer {
            let _ = clear_timeout(t);
        }
        if let Some(s) = &self.signal {
            let _ = s.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
        match result {
            Ok(v) => Raced::Resolved(v),
            Err(e) if e == abort_marker => Raced::Aborted,
            Err(e) if e == timeout_marker => Raced::TimedOut,
            Err(e) => Raced::Rejected(e),
        }
    }

    fn aborted_by_caller(&self) -> bool {
        // Read through Reflect: the signal may be a look-alike whose getter throws.
        self.signal
            .as_ref()
            .is_some_and(|s| Reflect::get(s, &JsValue::from_str("aborted")).is_ok_and(|a| a.as_bool() == Some(true)))
    }

    /// The `fetch` function to call.
    fn fetch_fn(&self) -> Result<Function, TransportError> {
        if let Some(f) = &self.fetch {
            return Ok(f.clone());
        }
        Reflect::get(&js_sys::global(), &JsValue::from_str("fetch"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| TransportError::NoFetch {
                message: "there is no global fetch; pass the fetch option".into(),
            })
    }

    async fn attempt(
        &self,
        request: &WireRequest,
        token: &Secret,
        signal: &AbortSignal,
    ) -> Result<WireResponse, TransportError> {
        let net = |e: &JsValue| TransportError::Network { message: redact(&js_error_text(e), token).into_owned() };
        let method = match request.method {
            Method::Get => GlooMethod::GET,
            Method::Head => GlooMethod::HEAD,
            Method::Post => GlooMethod::POST,
            Method::Patch => GlooMethod::PATCH,
            Method::Delete => GlooMethod::DELETE,
        };
        // Header values are constants, "true"/"false" and a token already checked to be
        // visible ASCII (`Secret::new`), so gloo's `Headers::append` cannot throw.
        let mut builder = RequestBuilder::new(&request.url).method(method).abort_signal(Some(signal));
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        builder = builder.header("authorization", &format!("Bearer {}", token.expose()));
        let built = match &request.body {
            Some(body) => builder.body(body.as_str()),
            None => builder.build(),
        };
        let built =
            built.map_err(|e| TransportError::Network { message: redact(&e.to_string(), token).into_owned() })?;
        let raw: web_sys::Request = built.into();
        let pending = self.fetch_fn()?.call1(&js_sys::global(), &raw).map_err(|e| net(&e))?;
        let response = JsFuture::from(Promise::resolve(&pending))
            .await
            .map_err(|e| blocked_by_cors(&e, request).unwrap_or_else(|| net(&e)))?;
        let status = Reflect::get(&response, &JsValue::from_str("status")).ok().and_then(|s| s.as_f64());
        let status = match status {
            Some(s) if s.fract() == 0.0 && (100.0..=599.0).contains(&s) => s as u16,
            _ => {
                return Err(TransportError::NoFetch {
                    message: "fetch resolved to something that is not a Response".into(),
                })
            }
        };
        remember_answer(&request.url);
        let response: web_sys::Response = response.unchecked_into();
        let headers =
            Reflect::get(&response, &JsValue::from_str("headers")).map(|h| read_headers(&h)).unwrap_or_default();
        let declared =
            headers.iter().find(|(k, _)| k == "content-length").and_then(|(_, v)| v.trim().parse::<usize>().ok());
        let body = read_body(&response, declared, status, token).await?;
        Ok(WireResponse { status, headers, body })
    }
}

/// Every header of a `Headers` object (names come lower-case from it), bounded in number and
/// length; an object that cannot be iterated gives none.
fn read_headers(h: &JsValue) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(Some(entries)) = js_sys::try_iter(h) else { return out };
    for entry in entries.take(MAX_RESPONSE_HEADERS) {
        let Ok(pair) = entry else { break };
        let (name, value) = (Reflect::get_u32(&pair, 0), Reflect::get_u32(&pair, 1));
        if let (Some(name), Some(mut value)) =
            (name.ok().and_then(|n| n.as_string()), value.ok().and_then(|v| v.as_string()))
        {
            if value.len() > MAX_HEADER_VALUE_BYTES {
                let mut cut = MAX_HEADER_VALUE_BYTES;
                while !value.is_char_boundary(cut) {
                    cut -= 1;
                }
                value.truncate(cut);
            }
            out.push((name.to_ascii_lowercase(), value));
        }
    }
    out
}

/// The whole body, at most [`MAX_RESPONSE_BYTES`] (the stream is cancelled beyond that).
async fn read_body(
    response: &JsValue,
    declared: Option<usize>,
    status: u16,
    token: &Secret,
) -> Result<Vec<u8>, TransportError> {
    let net = |e: &JsValue| TransportError::Network { message: redact(&js_error_text(e), token).into_owned() };
    let stream = Reflect::get(response, &JsValue::from_str("body")).unwrap_or(JsValue::UNDEFINED);
    // Cancelling settles by itself; its promise needs no waiting.
    let cancel = |target: &JsValue| {
        if let Ok(f) = Reflect::get(target, &JsValue::from_str("cancel")).and_then(|f| f.dyn_into::<Function>()) {
            let _ = f.call0(target);
        }
    };
    if declared.is_some_and(|n| n > MAX_RESPONSE_BYTES) {
        cancel(&stream);
        return Err(TransportError::TooLarge { status });
    }
    if stream.is_null() {
        return Ok(Vec::new()); // HEAD, 204
    }
    if stream.is_undefined() {
        // A Response-like object without streams (a test double): arrayBuffer(), then check.
        let f =
            Reflect::get(response, &JsValue::from_str("arrayBuffer")).ok().and_then(|f| f.dyn_into::<Function>().ok());
        let Some(f) = f else { return Ok(Vec::new()) };
        let buffer =
            JsFuture::from(Promise::resolve(&f.call0(response).map_err(|e| net(&e))?)).await.map_err(|e| net(&e))?;
        let bytes = Uint8Array::new(&buffer);
        if bytes.length() as usize > MAX_RESPONSE_BYTES {
            return Err(TransportError::TooLarge { status });
        }
        return Ok(bytes.to_vec());
    }
    let get_reader = Reflect::get(&stream, &JsValue::from_str("getReader"))
        .and_then(|f| f.dyn_into::<Function>())
        .map_err(|e| net(&e))?;
    let reader = get_reader.call0(&stream).map_err(|e| net(&e))?;
    let read = Reflect::get(&reader, &JsValue::from_str("read"))
        .and_then(|f| f.dyn_into::<Function>())
        .map_err(|e| net(&e))?;
    let mut body = Vec::with_capacity(declared.unwrap_or(0).min(1 << 20));
    loop {
        let chunk =
            JsFuture::from(Promise::resolve(&read.call0(&reader).map_err(|e| net(&e))?)).await.map_err(|e| net(&e))?;
        if Reflect::get(&chunk, &JsValue::from_str("done")).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            return Ok(body);
        }
        let value = Reflect::get(&chunk, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
        let bytes = value
            .dyn_into::<Uint8Array>()
            .map_err(|_| TransportError::Network { message: "the body stream gave a non-byte chunk".into() })?;
        let (start, len) = (body.len(), bytes.length() as usize);
        if start + len > MAX_RESPONSE_BYTES {
            cancel(&reader);
            return Err(TransportError::TooLarge { status });
        }
        // Straight into the body buffer, with no intermediate Vec.
        body.resize(start + len, 0);
        if let Some(dest) = body.get_mut(start..) {
            bytes.copy_to(dest);
        }
    }
}

impl Transport for FetchTransport {
    async fn token(&self, request: &WireRequest, timeout_ms: u32) -> Result<Secret, ClientError> {
        let f = match &self.token {
            TokenSource::Static(s) => return Ok(s.clone()),
            TokenSource::Provider(f) => f,
        };
        let failed = |message: String| ClientError::Token { message };
        let threw = |what: &str, e: &JsValue| failed(format!("{what}: {}", js_error_text(e)));
        let mut value = f.call0(&JsValue::UNDEFINED).map_err(|e| threw("the token provider threw", &e))?;
        if is_thenable(&value) {
            // A provider that never settles must not hang the call: it gets the attempt's
            // timeout, and the caller's signal aborts the wait.
            value = match self.race(&Promise::resolve(&value), timeout_ms).await {
                Raced::Resolved(v) => v,
                Raced::Rejected(e) => return Err(threw("the token provider's promise rejected", &e)),
                Raced::TimedOut => {
                    return Err(failed(format!("the token provider gave no token within {timeout_ms} ms")))
                }
                Raced::Aborted => {
                    return Err(ClientError::Aborted { method: request.method, url: request.url.clone() })
                }
            };
        }
        let token = value.as_string().ok_or_else(|| {
            failed(format!(
                "the token provider must give a string, not {}",
                value.js_typeof().as_string().unwrap_or_default()
            ))
        })?;
        Secret::new(token)
    }

    async fn send(
        &self,
        request: &WireRequest,
        token: &Secret,
        timeout_ms: u32,
    ) -> Result<WireResponse, TransportError> {
        if self.aborted_by_caller() {
            return Err(TransportError::Aborted);
        }
        let controller = AbortController::new().map_err(|e| TransportError::Network { message: js_error_text(&e) })?;
        let timed_out = Rc::new(Cell::new(false));
        let on_abort = {
            let c = controller.clone();
            Closure::<dyn FnMut()>::new(move || c.abort())
        };
        let on_timeout = {
            let (c, t) = (controller.clone(), timed_out.clone());
            Closure::<dyn FnMut()>::new(move || {
                t.set(true);
                c.abort();
            })
        };
        if let Some(s) = &self.signal {
            let _ = s.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
        let timer = set_timeout(on_timeout.as_ref().unchecked_ref(), f64::from(timeout_ms)).ok();
        let result = self.attempt(request, token, &controller.signal()).await;
        if let Some(t) = &timer {
            let _ = clear_timeout(t);
        }
        if let Some(s) = &self.signal {
            let _ = s.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
        // The caller's abort wins over a timeout that fired at the same moment.
        match result {
            Err(TransportError::Network { .. }) | Err(TransportError::TooLarge { .. }) if self.aborted_by_caller() => {
                Err(TransportError::Aborted)
            }
            Err(TransportError::Network { .. }) if timed_out.get() => Err(TransportError::Timeout),
            other => other,
        }
    }

    async fn sleep(&self, ms: u64) -> Result<(), TransportError> {
        if self.aborted_by_caller() {
            return Err(TransportError::Aborted);
        }
        let settle: Rc<RefCell<Option<(Function, Function)>>> = Rc::new(RefCell::new(None));
        let slot = settle.clone();
        let promise = Promise::new(&mut |resolve, reject| {
            *slot.borrow_mut() = Some((resolve, reject));
        });
        let Some((resolve, reject)) = settle.borrow_mut().take() else { return Ok(()) };
        let timer = set_timeout(&resolve, ms.min(u64::from(i32::MAX as u32)) as f64)
            .map_err(|e| TransportError::Network { message: js_error_text(&e) })?;
        let on_abort = Closure::<dyn FnMut()>::new(move || {
            let _ = reject.call0(&JsValue::UNDEFINED);
        });
        if let Some(s) = &self.signal {
            let _ = s.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
        let waited = JsFuture::from(promise).await;
        let _ = clear_timeout(&timer);
        if let Some(s) = &self.signal {
            let _ = s.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
        waited.map(|_| ()).map_err(|_| TransportError::Aborted)
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }
}
