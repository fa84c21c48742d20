//! The API client for JavaScript: conversion only. `__ClientCore` (wrapped by the
//! `ElevateClient` class of `src/js/client.js`) turns JS options and arguments into a
//! [`Config`] and a [`Call`], runs [`crate::client::execute`] over `fetch`, and turns the
//! outcome into a JS value or an error *descriptor* (`{ type, message, … }`) from which
//! `client.js` makes the exported error classes. Names starting with `__` are plumbing and
//! not re-exported by the package.
//!
//! No caller's value is read here but through `Reflect.get` and typeof checks: bodies, queries,
//! `current` and `fields` arrive as JSON text, made by `client.js` after reading the caller's
//! values once, bounded (src/js/engine/json.js); path values as an array `client.js` made.

use std::rc::Rc;

use js_sys::{Array, Function, Promise, Reflect};
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::args::{self, MAX_JSON_UNITS, MAX_NAME_UNITS};
use super::to_js;
use crate::client::error::redact_descriptor;
use crate::client::fetch::{FetchTransport, TokenSource};
use crate::client::options::REDACTED;
use crate::client::query::{filter_expr, number_text, FilterOp};
use crate::client::{execute, pagination, Call, ClientError, Config, Reply, Secret};
use crate::endpoints::{resources, Op};
use crate::validate::Value;

#[wasm_bindgen]
extern "C" {
    // A Proxy's `ownKeys` trap may throw: `catch` makes that an error, not an unwind.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(o: &JsValue) -> Result<Array, JsValue>;
}

/// More path values than any endpoint has.
const MAX_PATH_VALUES: usize = 16;

/// Options `new ElevateClient(…)` accepts.
const OPTION_NAMES: [&str; 7] = ["baseUrl", "baseUrls", "token", "timeoutMs", "retries", "validate", "fetch"];

/// The Rust half of `ElevateClient`: configuration, token source and `fetch`. Holds the token
/// in WebAssembly memory, out of reach of `JSON.stringify` and `util.inspect`.
#[wasm_bindgen(js_name = __ClientCore)]
pub struct ClientCore {
    config: Rc<Config>,
    token: TokenSource,
    fetch: Option<Function>,
}

fn get(obj: &JsValue, key: &str) -> Result<JsValue, ClientError> {
    Reflect::get(obj, &JsValue::from_str(key))
        .map_err(|e| ClientError::Usage { message: format!("reading option {key} threw: {}", args::thrown_text(&e)) })
}

/// The own enumerable keys of an options object. A Proxy's `ownKeys` trap may throw: that
/// becomes a usage error instead of unwinding through the wasm frames.
fn keys(obj: &JsValue) -> Result<Vec<String>, ClientError> {
    if !obj.is_object() {
        return Ok(Vec::new());
    }
    let keys = object_keys(obj).map_err(|e| ClientError::Usage {
        message: format!("reading the option names threw: {}", args::thrown_text(&e)),
    })?;
    Ok(keys.iter().filter_map(|k| k.as_string()).collect())
}

/// `n` when it is a whole number that fits a `u32`.
fn whole_u32(n: f64) -> Option<u32> {
    (n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n)).then_some(n as u32)
}

fn integer(name: &str, v: &JsValue) -> Result<u32, ClientError> {
    v.as_f64()
        .and_then(whole_u32)
        .ok_or_else(|| ClientError::Usage { message: format!("{name} must be a non-negative integer") })
}

fn config_from_js(options: &JsValue) -> Result<(Config, TokenSource, Option<Function>), ClientError> {
    let usage = |m: String| ClientError::Usage { message: m };
    if !options.is_object() || options.is_function() {
        return Err(usage("new ElevateClient(options) needs an options object with at least { token }".into()));
    }
    if let Some(k) = keys(options)?.into_iter().find(|k| !OPTION_NAMES.contains(&k.as_str())) {
        return Err(usage(format!("unknown option {k:?}; the options are {}", OPTION_NAMES.join(", "))));
    }
    let mut config = Config::new();
    // Every option is read once, in this order, whatever is given.
    let base = get(options, "baseUrl")?;
    if !base.is_undefined() {
        config = config.base_url(&base.as_string().ok_or_else(|| usage("baseUrl must be a string".into()))?)?;
    }
    let bases = get(options, "baseUrls")?;
    if !bases.is_undefined() {
        if !bases.is_object() {
            return Err(usage("baseUrls must be an object such as { inventory: 'https://…/v2' }".into()));
        }
        for api in keys(&bases)? {
            let url = get(&bases, &api)?;
            if url.is_undefined() {
                continue;
            }
            let url = url.as_string().ok_or_else(|| usage(format!("baseUrls.{api} must be a string")))?;
            config = config.api_base_url(&api, &url)?;
        }
    }
    let timeout = get(options, "timeoutMs")?;
    if !timeout.is_undefined() {
        config = config.timeout_ms(integer("timeoutMs", &timeout)?)?;
    }
    let retries = get(options, "retries")?;
    if !retries.is_undefined() {
        config = config.retries(integer("retries", &retries)?)?;
    }
    let validate = get(options, "validate")?;
    if !validate.is_undefined() {
        config = config.validate(validate.as_bool().ok_or_else(|| usage("validate must be true or false".into()))?);
    }
    let token = get(options, "token")?;
    let token = if let Some(s) = token.as_string() {
        TokenSource::Static(Secret::new(s)?)
    } else if let Some(f) = token.dyn_ref::<Function>() {
        TokenSource::Provider(f.clone())
    } else {
        return Err(usage("token must be a string or a function returning one (or a promise of one)".into()));
    };
    let fetch = get(options, "fetch")?;
    let fetch = if fetch.is_undefined() {
        None
    } else {
        Some(fetch.dyn_into::<Function>().map_err(|_| usage("fetch must be a function like the global fetch".into()))?)
    };
    Ok((config, token, fetch))
}

#[wasm_bindgen(js_class = __ClientCore)]
impl ClientCore {
    /// Checks every option now, so a typo fails at start-up.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<ClientCore, JsValue> {
        let (config, token, fetch) = config_from_js(&options).map_err(|e| descriptor(&e, &[]))?;
        Ok(ClientCore { config: Rc::new(config), token, fetch })
    }

    /// Runs `resource.op(…)`; resolves with the result, rejects with an error descriptor.
    /// `path` is an array of path values (strings or numbers), `input` the JSON text of the body
    /// or query (or `undefined`), `options` the call's options (`current` and `fields` as JSON
    /// text).
    pub fn call(&self, resource: JsValue, op: JsValue, path: JsValue, input: JsValue, options: JsValue) -> Promise {
        let prepared = prepare_call(&resource, &op, &path, &input, &options);
        let (call, signal) = match prepared {
            Ok(p) => p,
            Err(e) => return Promise::reject(&descriptor(&e, &[])),
        };
        let config = self.config.clone();
        let transport = FetchTransport { fetch: self.fetch.clone(), token: self.token.clone(), signal };
        let static_token = match &self.token {
            TokenSource::Static(s) => Some(s.clone()),
            TokenSource::Provider(_) => None,
        };
        wasm_bindgen_futures::future_to_promise(async move {
            let used = std::cell::RefCell::new(Vec::new());
            let result = execute(&config, &Remembering { inner: &transport, used: &used }, &call).await;
            match result {
                Ok(reply) => reply_to_js(reply),
                Err(e) => {
                    let mut tokens = used.into_inner();
                    tokens.extend(static_token);
                    Err(descriptor(&e, &tokens))
                }
            }
        })
    }

    /// The configuration with the token redacted, for `toJSON` and `util.inspect`.
    pub fn describe(&self) -> Result<JsValue, JsValue> {
        let bases: serde_json::Map<String, serde_json::Value> =
            self.config.api_base_urls().map(|(k, v)| (k.to_owned(), v.into())).collect();
        let d = json!({
            "baseUrl": self.config.host(),
            "baseUrls": bases,
            "timeoutMs": self.config.get_timeout_ms(),
            "retries": self.config.get_retries(),
            "validate": self.config.validates(),
            "token": REDACTED,
            "fetch": if self.fetch.is_some() { "custom" } else { "global" },
        });
        to_js(&d)
    }
}

fn op_named(name: &str) -> Result<Op, ClientError> {
    [Op::List, Op::Exists, Op::Get, Op::Create, Op::Update, Op::Delete]
        .into_iter()
        .find(|o| o.method_name() == name)
        .ok_or_else(|| ClientError::Usage { message: format!("no operation called {name:?}") })
}

/// JSON text made by `client.js` (`what` names the argument in errors), as a value.
fn json_arg(what: &str, v: &JsValue) -> Result<Value<'static>, ClientError> {
    let usage = |message: String| ClientError::Usage { message };
    let text = args::string(v, what, MAX_JSON_UNITS).map_err(|e| usage(args::thrown_text(&e)))?;
    Value::parse(&text).map(Value::into_owned).map_err(|e| {
        // serde_json reads at most 128 levels (an API body has a few).
        if e.to_string().starts_with("recursion limit exceeded") {
            usage(format!("{what} is nested more than 128 levels deep"))
        } else {
            usage(format!("{what} is not JSON text: {e}"))
        }
    })
}

fn prepare_call(
    resource: &JsValue,
    op: &JsValue,
    path: &JsValue,
    input: &JsValue,
    options: &JsValue,
) -> Result<(Call<'static>, Option<JsValue>), ClientError> {
    let usage = |message: String| ClientError::Usage { message };
    let resource = args::string(resource, "the resource", MAX_NAME_UNITS).map_err(|e| usage(args::thrown_text(&e)))?;
    let op = args::string(op, "the operation", MAX_NAME_UNITS).map_err(|e| usage(args::thrown_text(&e)))?;
    let mut call = Call::new(&resource, op_named(&op)?)?;
    let what = format!("{}.{}", call.resource.name, op);
    let endpoint = call.endpoint;
    // Path values: only their type is read (typeof), never their code. (An array `client.js`
    // made: at most a few; a raw caller's longer one is refused before it is copied.)
    let values = match path.dyn_ref::<Array>() {
        Some(a) if a.length() as usize > MAX_PATH_VALUES => {
            return Err(usage(format!("{what} takes at most {MAX_PATH_VALUES} path values")))
        }
        Some(a) => a.to_vec(),
        None => Vec::new(),
    };
    let names: Vec<&str> = endpoint.path_params().collect();
    let mut params = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let name = names.get(i).copied().unwrap_or("a path value");
        params.push(if let Some(s) = v.as_string() {
            Value::String(s.into())
        } else if let Some(n) = v.as_f64() {
            Value::Number(n)
        } else {
            return Err(usage(format!("{what}: {name} must be a number or a string, not {}", args::type_of(v))));
        });
    }
    call.path_params = params;
    match endpoint.op {
        Op::List | Op::Exists if !input.is_undefined() => {
            call.query = Some(json_arg(&format!("{what}: the query"), input)?)
        }
        Op::Create | Op::Update if !input.is_undefined() => {
            call.body = Some(json_arg(&format!("{what}: the body"), input)?)
        }
        _ => {}
    }
    let mut signal = None;
    if !options.is_undefined() && !options.is_null() {
        if !options.is_object() {
            return Err(usage(format!("the options of {what} must be an object")));
        }
        let mut allowed: Vec<&str> = vec!["signal"];
        if endpoint.op == Op::Update {
            allowed.push("current");
        }
        allowed.extend(endpoint.headers.iter().map(|h| h.option));
        if endpoint.fields {
            allowed.push("fields");
        }
        for key in keys(options)? {
            let v = get(options, &key)?;
            if v.is_undefined() {
                continue;
            }
            match key.as_str() {
                "signal" => signal = Some(abort_signal(&what, v)?),
                "current" if endpoint.op == Op::Update => {
                    call.current = Some(json_arg(&format!("{what}: current"), &v)?)
                }
                "fields" if endpoint.fields => {
                    call.query =
                        Some(Value::Object(vec![("fields".into(), json_arg(&format!("{what}: fields"), &v)?)]));
                }
                option if allowed.contains(&option) => {
                    let on = v.as_bool().ok_or_else(|| usage(format!("{what}: {option} must be true or false")))?;
                    call = call.header(option, on)?;
                }
                other => {
                    return Err(usage(format!(
                        "{what} has no option {other:?}; its options are {}",
                        allowed.join(", ")
                    )))
                }
            }
        }
    }
    Ok((call, signal))
}

/// A transport that remembers the tokens it handed out, so an error can be redacted of every
/// one of them (a provider may give a new token per attempt).
struct Remembering<'a> {
    inner: &'a FetchTransport,
    used: &'a std::cell::RefCell<Vec<Secret>>,
}

impl crate::client::Transport for Remembering<'_> {
    async fn token(&self, request: &crate::client::WireRequest, timeout_ms: u32) -> Result<Secret, ClientError> {
        let token = self.inner.token(request, timeout_ms).await?;
        let mut used = self.used.borrow_mut();
        if !used.contains(&token) {
            used.push(token.clone());
        }
        Ok(token)
    }

    async fn send(
        &self,
        request: &crate::client::WireRequest,
        token: &Secret,
        timeout_ms: u32,
    ) -> Result<crate::client::WireResponse, crate::client::TransportError> {
        self.inner.send(request, token, timeout_ms).await
    }

    async fn sleep(&self, ms: u64) -> Result<(), crate::client::TransportError> {
        self.inner.sleep(ms).await
    }

    fn now_ms(&self) -> f64 {
        self.inner.now_ms()
    }

    fn random(&self) -> f64 {
        self.inner.random()
    }
}

/// An `AbortSignal` (or a look-alike from another realm), kept as it is: only
/// `transport.js` uses it, inside try/catch.
fn abort_signal(what: &str, v: JsValue) -> Result<JsValue, ClientError> {
    let has = |k: &str| Reflect::get(&v, &JsValue::from_str(k)).ok();
    let ok = v.is_object()
        && has("aborted").is_some_and(|a| a.as_bool().is_some())
        && has("addEventListener").is_some_and(|f| f.is_function());
    if !ok {
        return Err(ClientError::Usage { message: format!("{what}: signal must be an AbortSignal") });
    }
    Ok(v)
}

fn reply_to_js(reply: Reply) -> Result<JsValue, JsValue> {
    match reply {
        Reply::Empty => Ok(JsValue::UNDEFINED),
        Reply::Json(text) => js_sys::JSON::parse(&text),
        Reply::Exists(r) => to_js(&r),
    }
}

/// `{ type, message, … }` for `client.js` to turn into an error class, with every token of
/// `tokens` redacted from every string of it (message, url, body, serverMessage, headers),
/// whatever the token's length: so the error's `message`, `stack`, `JSON.stringify` and
/// `util.inspect` cannot show it either.
fn descriptor(e: &ClientError, tokens: &[Secret]) -> JsValue {
    let mut d = e.descriptor();
    for token in tokens {
        redact_descriptor(&mut d, token);
    }
    to_js(&d).unwrap_or_else(|_| super::error("the error could not be described"))
}

/// `{ resources, defaultPageSize }`: each resource's name and, per endpoint, its operation
/// and path-value count: all `client.js` needs to build the resource objects (the endpoint
/// table itself is never restated in JavaScript).
#[wasm_bindgen(js_name = __endpointTable)]
pub fn endpoint_table() -> Result<JsValue, JsValue> {
    let resources: Vec<serde_json::Value> = resources()
        .map(|r| {
            let endpoints: Vec<serde_json::Value> = r
                .endpoints
                .iter()
                .map(|e| json!({ "op": e.op.method_name(), "pathValues": e.path_params().count() }))
                .collect();
            json!({ "name": r.name, "endpoints": endpoints })
        })
        .collect();
    to_js(&json!({ "resources": resources, "defaultPageSize": pagination::DEFAULT_PAGE_SIZE }))
}

/// The text of a filter form: `__filterExpr('in', ['a', 'b'])` is `'in:a,b'`. `values` is an
/// array `client.js` made of the caller's values; only their types are read here.
#[wasm_bindgen(js_name = __filterExpr)]
pub fn filter_expr_js(op: JsValue, values: JsValue) -> Result<String, JsValue> {
    let op_name = args::string(&op, "the filter form", MAX_NAME_UNITS)?;
    let op = FilterOp::from_name(&op_name).ok_or_else(|| args::type_error(format!("no filter form {op_name:?}")))?;
    let items = values
        .dyn_ref::<Array>()
        .filter(|a| a.length() as usize <= crate::client::query::MAX_IN_VALUES + 1)
        .map(|a| a.to_vec())
        .ok_or_else(|| args::type_error(format!("{} needs an array of values", op.name())))?;
    let mut texts = Vec::with_capacity(items.len());
    for item in &items {
        texts.push(if let Some(s) = item.dyn_ref::<js_sys::JsString>() {
            if s.length() as usize > args::MAX_TEXT_UNITS {
                return Err(args::type_error(format!(
                    "{} values must be at most {} characters",
                    op.name(),
                    args::MAX_TEXT_UNITS
                )));
            }
            String::from(s)
        } else if let Some(n) = item.as_f64() {
            number_text(n).ok_or_else(|| args::type_error(format!("{} values must be finite numbers", op.name())))?
        } else {
            return Err(args::type_error(format!(
                "{} values must be strings or numbers, not {}",
                op.name(),
                args::type_of(item).trim_start_matches("a ").trim_start_matches("an ")
            )));
        });
    }
    filter_expr(op, &texts).map_err(|e| args::type_error(e.to_string()))
}

/// The page after `page` for `iterate`, or `undefined` when the walk is over.
#[wasm_bindgen(js_name = __nextPage)]
pub fn next_page_js(page: f64, page_size: f64, received: f64) -> Option<f64> {
    pagination::next_page(whole_u32(page)?, whole_u32(page_size)?, whole_u32(received)? as usize).map(f64::from)
}
