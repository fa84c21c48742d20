//! The API client for JavaScript: conversion only. `__ClientCore` (wrapped by the
//! `ElevateClient` class of `src/js/client.js`) turns JS options and arguments into a
//! [`Config`] and a [`Call`], runs [`crate::client::execute`] over `fetch`, and turns the
//! outcome into a JS value or an error *descriptor* (`{ type, message, … }`) from which
//! `client.js` makes the exported error classes. Names starting with `__` are plumbing and
//! not re-exported by the package.

use std::rc::Rc;

use js_sys::{Array, Function, Promise, Reflect};
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use super::{error_message, from_js, to_js};
use crate::client::fetch::{FetchTransport, TokenSource};
use crate::client::options::REDACTED;
use crate::client::query::{filter_expr, number_text, FilterOp};
use crate::client::{execute, pagination, Call, ClientError, Config, ErrorBody, Reply, Secret};
use crate::endpoints::{resources, Op};
use crate::validate::Value;

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
    Reflect::get(obj, &JsValue::from_str(key)).map_err(|e| ClientError::Usage {
        message: format!("reading option {key} threw: {}", crate::client::fetch::js_error_text(&e)),
    })
}

/// The own enumerable keys of an options object. A Proxy's `ownKeys` trap may throw: that
/// becomes a usage error instead of unwinding through the wasm frames.
fn keys(obj: &JsValue) -> Result<Vec<String>, ClientError> {
    if !obj.is_object() {
        return Ok(Vec::new());
    }
    let keys = super::query::object_keys(obj).map_err(|e| ClientError::Usage {
        message: format!("reading the option names threw: {}", crate::client::fetch::js_error_text(&e)),
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
        let (config, token, fetch) = config_from_js(&options).map_err(|e| descriptor(&e))?;
        Ok(ClientCore { config: Rc::new(config), token, fetch })
    }

    /// Runs `resource.op(…)`; resolves with the result, rejects with an error descriptor.
    /// Arguments are read now (not when the request goes out), as `JSON.stringify` would.
    pub fn call(&self, resource: &str, op: &str, path: JsValue, input: JsValue, options: JsValue) -> Promise {
        let prepared = prepare_call(resource, op, &path, &input, &options);
        let (call, signal) = match prepared {
            Ok(p) => p,
            Err(e) => return Promise::reject(&descriptor(&e)),
        };
        let config = self.config.clone();
        let transport = FetchTransport { fetch: self.fetch.clone(), token: self.token.clone(), signal };
        wasm_bindgen_futures::future_to_promise(async move {
            match execute(&config, &transport, &call).await {
                Ok(reply) => reply_to_js(reply),
                Err(e) => Err(descriptor(&e)),
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

fn read(what: &str, v: &JsValue) -> Result<Value<'static>, ClientError> {
    from_js(v).map_err(|e| ClientError::Usage { message: format!("{what}: {}", error_message(&e)) })
}

fn prepare_call(
    resource: &str,
    op: &str,
    path: &JsValue,
    input: &JsValue,
    options: &JsValue,
) -> Result<(Call<'static>, Option<AbortSignal>), ClientError> {
    let mut call = Call::new(resource, op_named(op)?)?;
    let what = format!("{}.{}", call.resource.name, op);
    let params = path.dyn_ref::<Array>().map(|a| a.to_vec()).unwrap_or_default();
    call.path_params = params.iter().map(|p| read(&what, p)).collect::<Result<_, _>>()?;
    let endpoint = call.endpoint;
    match endpoint.op {
        Op::List | Op::Exists if !input.is_undefined() && !input.is_null() => call.query = Some(read(&what, input)?),
        Op::Create | Op::Update => call.body = Some(read(&what, input)?),
        _ => {}
    }
    let mut signal = None;
    if !options.is_undefined() && !options.is_null() {
        if !options.is_object() {
            return Err(ClientError::Usage { message: format!("the options of {what} must be an object") });
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
                "current" if endpoint.op == Op::Update => call.current = Some(read(&what, &v)?),
                "fields" if endpoint.fields => {
                    call.query = Some(Value::Object(vec![("fields".into(), read(&what, &v)?)]));
                }
                option if allowed.contains(&option) => {
                    let on = v.as_bool().ok_or_else(|| ClientError::Usage {
                        message: format!("{what}: {option} must be true or false"),
                    })?;
                    call = call.header(option, on)?;
                }
                other => {
                    return Err(ClientError::Usage {
                        message: format!("{what} has no option {other:?}; its options are {}", allowed.join(", ")),
                    })
                }
            }
        }
    }
    Ok((call, signal))
}

/// An `AbortSignal` (or a look-alike from another realm).
fn abort_signal(what: &str, v: JsValue) -> Result<AbortSignal, ClientError> {
    let has = |k: &str| Reflect::get(&v, &JsValue::from_str(k)).ok();
    let ok = has("aborted").is_some_and(|a| a.as_bool().is_some())
        && has("addEventListener").is_some_and(|f| f.is_function());
    if !ok {
        return Err(ClientError::Usage { message: format!("{what}: signal must be an AbortSignal") });
    }
    Ok(v.unchecked_into())
}

fn reply_to_js(reply: Reply) -> Result<JsValue, JsValue> {
    match reply {
        Reply::Empty => Ok(JsValue::UNDEFINED),
        Reply::Json(text) => js_sys::JSON::parse(&text),
        Reply::Exists(r) => to_js(&r),
    }
}

/// `{ type, message, … }` for `client.js` to turn into an error class.
fn descriptor(e: &ClientError) -> JsValue {
    let mut d = json!({ "type": e.type_name(), "message": e.to_string() });
    match e {
        ClientError::Usage { .. } | ClientError::Token { .. } => {
            d["message"] = format!("elevate-billing: {e}").into();
        }
        ClientError::Validation { endpoint, issues } => {
            d["endpoint"] = endpoint.as_str().into();
            d["issues"] = issues.iter().map(|i| i.to_json()).collect();
        }
        ClientError::Unvalidatable { endpoint, .. } => d["endpoint"] = endpoint.as_str().into(),
        ClientError::Api(a) => {
            d["status"] = a.status.into();
            d["kind"] = a.kind.as_str().into();
            d["method"] = a.method.as_str().into();
            d["url"] = a.url.as_str().into();
            d["attempts"] = a.attempts.into();
            d["serverMessage"] = a.server_message.as_deref().into();
            d["body"] = match &a.body {
                ErrorBody::Empty => serde_json::Value::Null,
                ErrorBody::Json(v) => v.clone(),
                ErrorBody::Text(t) => t.as_str().into(),
            };
            // A repeated header (two Link lines) reads as fetch's Headers.get does: joined.
            let mut headers = serde_json::Map::new();
            for (k, v) in &a.headers {
                match headers.get_mut(k) {
                    Some(serde_json::Value::String(prev)) => {
                        prev.push_str(", ");
                        prev.push_str(v);
                    }
                    _ => {
                        headers.insert(k.clone(), v.as_str().into());
                    }
                }
            }
            d["headers"] = serde_json::Value::Object(headers);
            d["retryAfter"] = a.retry_after.into();
            d["issues"] = a
                .issues
                .iter()
                .map(|i| json!({ "path": i.path, "message": i.message, "field": i.field, "code": i.code }))
                .collect();
        }
        ClientError::Network { method, url, attempts, maybe_cors, .. } => {
            d["method"] = method.as_str().into();
            d["url"] = url.as_str().into();
            d["attempts"] = (*attempts).into();
            d["maybeCors"] = (*maybe_cors).into();
        }
        ClientError::Timeout { method, url, timeout_ms, attempts } => {
            d["method"] = method.as_str().into();
            d["url"] = url.as_str().into();
            d["timeoutMs"] = (*timeout_ms).into();
            d["attempts"] = (*attempts).into();
        }
        ClientError::Aborted { method, url } => {
            d["method"] = method.as_str().into();
            d["url"] = url.as_str().into();
        }
    }
    to_js(&d).unwrap_or_else(|_| JsError::new(&e.to_string()).into())
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

/// The text of a filter form: `__filterExpr('in', ['a', 'b'])` is `'in:a,b'`.
#[wasm_bindgen(js_name = __filterExpr)]
pub fn filter_expr_js(op: &str, values: JsValue) -> Result<String, JsValue> {
    let type_error = |m: String| -> JsValue { js_sys::TypeError::new(&format!("elevate-billing: {m}")).into() };
    let op = FilterOp::from_name(op).ok_or_else(|| type_error(format!("no filter form {op:?}")))?;
    let items = match from_js(&values).map_err(|e| type_error(error_message(&e)))? {
        Value::Array(items) => items,
        _ => return Err(type_error(format!("{} needs an array of values", op.name()))),
    };
    let mut texts = Vec::with_capacity(items.len());
    for item in &items {
        texts.push(match item {
            Value::String(s) => s.to_string(),
            Value::Number(n) => {
                number_text(*n).ok_or_else(|| type_error(format!("{} values must be finite numbers", op.name())))?
            }
            other => {
                return Err(type_error(format!(
                    "{} values must be strings or numbers, not {}",
                    op.name(),
                    other.type_name()
                )))
            }
        });
    }
    filter_expr(op, &texts).map_err(|e| type_error(e.to_string()))
}

/// The page after `page` for `iterate`, or `undefined` when the walk is over.
#[wasm_bindgen(js_name = __nextPage)]
pub fn next_page_js(page: f64, page_size: f64, received: f64) -> Option<f64> {
    pagination::next_page(whole_u32(page)?, whole_u32(page_size)?, whole_u32(received)? as usize).map(f64::from)
}
