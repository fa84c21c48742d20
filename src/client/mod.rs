//! A typed client of the Elevate REST API, built from the endpoint table
//! ([`crate::endpoints::resources`]): one resource per entry, one method per endpoint.
//!
//! A call flows through pure steps around one I/O boundary:
//!
//! 1. **planning** (`request.rs`): the [`Call`] is checked (path values, body where
//!    one goes), **validated** when the config says so (`validation.rs`, the single
//!    validation point), and turned into a [`WireRequest`] (URL with version path and
//!    encoded query, headers, JSON body);
//! 2. **transport** ([`Transport::send`]): one attempt, with the token of that attempt, a
//!    per-attempt timeout and the caller's abort signal (`fetch` in WebAssembly);
//! 3. **retry** (`retry.rs`): GET and HEAD after network failures, timeouts and
//!    429/502/503/504; POST, PATCH and DELETE only after 429, or 503 with `Retry-After`
//!    (answers that prove nothing was done); waiting `Retry-After` or an exponential backoff
//!    with jitter;
//! 4. **response** (`response.rs`): a [`Reply`] or a typed [`ClientError`]; an
//!    error answer's complaints are placed at the fields they name ([`ServerIssue`]).
//!
//! Its modules are private; what a caller needs is re-exported here.
//!
//! The token is a [`Secret`]: it prints as `[redacted]`, is added to the request only inside
//! the transport, and is redacted from any error body that echoes it.

pub(crate) mod error;
pub(crate) mod javascript;
pub(crate) mod options;
pub(crate) mod pagination;
// The filter builders (`inList`, `like`, …) are called from JavaScript only.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) mod query;
pub(crate) mod request;
pub(crate) mod response;
pub(crate) mod retry;
pub(crate) mod server_issues;
pub(crate) mod transport;
pub(crate) mod typescript;
pub(crate) mod validation;

#[cfg(target_arch = "wasm32")]
pub(crate) mod fetch;

pub use error::{ApiError, ApiErrorKind, ClientError, ErrorBody, CREDENTIAL_HEADERS};
pub use javascript::module as javascript_module;
pub use options::{Config, Secret, MAX_RETRIES, MAX_TIMEOUT_MS, MAX_TOKEN_LEN};
pub use request::Call;
pub use response::{ExistsResult, Reply};
pub use server_issues::ServerIssue;
pub use transport::{
    Transport, TransportError, WireRequest, WireResponse, MAX_HEADER_VALUE_BYTES, MAX_RESPONSE_BYTES,
    MAX_RESPONSE_HEADERS, RESPONSE_HEADERS,
};
pub use typescript::{declarations as typescript_declarations, CLIENT_DTS};

use crate::endpoints::{Op, Resource};
use crate::validate::Value;
use retry::Wait;

/// The schema whose fields the server's complaints name: the body's, else the resource's.
fn fields_of(call: &Call<'_>) -> &'static crate::schema::Schema {
    match call.endpoint.body {
        Some(crate::endpoints::Body::Record(s)) => s,
        _ => call.resource.schema,
    }
}

/// Runs one call: plan (and validate), send, retry, interpret. The request loop shared by
/// the Rust [`Client`] and the JavaScript `ElevateClient`.
pub async fn execute<T: Transport>(config: &Config, transport: &T, call: &Call<'_>) -> Result<Reply, ClientError> {
    let request = request::prepare(config, call)?;
    let (method, url) = (request.method, request.url.clone());
    let aborted = || ClientError::Aborted { method, url: url.clone() };
    let mut attempts: u32 = 0;
    loop {
        let token = transport.token(&request, config.get_timeout_ms()).await?;
        attempts += 1;
        let retry_index = attempts - 1;
        let retries_left = retry_index < config.get_retries();
        let may_retry = method.is_idempotent_read() && retries_left;
        let wait = match transport.send(&request, &token, config.get_timeout_ms()).await {
            Ok(response) => {
                let retry_after = response.header("retry-after");
                let wait = if retries_left && retry::may_retry_answer(method, response.status, retry_after.is_some()) {
                    retry::wait_before_retry(
                        retry_index,
                        response.header("retry-after"),
                        transport.now_ms(),
                        transport.random(),
                    )
                } else {
                    Wait::GiveUp
                };
                match wait {
                    Wait::After(ms) => ms,
                    Wait::GiveUp => {
                        let schema = Some(fields_of(call));
                        return response::interpret(&request, call.endpoint.op, &response, attempts, &token, schema)
                            .map_err(|mut e| {
                                if let ClientError::Api(a) = &mut e {
                                    a.retry_after = retry_after
                                        .and_then(|v| retry::parse_retry_after(v, transport.now_ms()))
                                        .map(|ms| ms.div_ceil(1000));
                                }
                                e
                            });
                    }
                }
            }
            Err(TransportError::Aborted) => return Err(aborted()),
            Err(TransportError::TooLarge { status }) => {
                return Err(ClientError::Api(Box::new(ApiError {
                    status,
                    kind: ApiErrorKind::InvalidResponse,
                    method,
                    url: url.clone(),
                    body: ErrorBody::Empty,
                    server_message: None,
                    headers: Vec::new(),
                    retry_after: None,
                    issues: Vec::new(),
                    message: format!(
                        "{status} from {} {url} is not a usable response: the body is larger than {} bytes",
                        method.as_str(),
                        transport::MAX_RESPONSE_BYTES
                    ),
                    attempts,
                })))
            }
            Err(TransportError::NoFetch { message }) => {
                return Err(ClientError::Network { method, url: url.clone(), message, attempts, maybe_cors: false })
            }
            Err(TransportError::Blocked { message }) => {
                return Err(ClientError::Network { method, url: url.clone(), message, attempts, maybe_cors: true })
            }
            Err(_) if may_retry => retry::backoff_ms(retry_index, transport.random()),
            Err(TransportError::Network { message }) => {
                return Err(ClientError::Network { method, url: url.clone(), message, attempts, maybe_cors: false })
            }
            Err(TransportError::Timeout) => {
                return Err(ClientError::Timeout {
                    method,
                    url: url.clone(),
                    timeout_ms: config.get_timeout_ms(),
                    attempts,
                })
            }
        };
        transport.sleep(wait).await.map_err(|_| aborted())?;
    }
}

/// The Rust client: a [`Config`] and a [`Transport`]. `Debug` never shows the token.
#[derive(Debug)]
pub struct Client<T> {
    config: Config,
    transport: T,
}

/// Options of one call: the special headers of its endpoint, by client option name
/// (`("cascadeEndDate", true)`).
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    /// `(option, on)` pairs; an option the endpoint lacks is a usage error.
    pub headers: Vec<(String, bool)>,
}

impl<T: Transport> Client<T> {
    /// A client over `transport` (natively there is none built in: bring your own HTTP stack).
    pub fn new(config: Config, transport: T) -> Self {
        Client { config, transport }
    }

    /// The configuration in force (safe to print: it holds no token).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Runs a call built by hand (see [`Call::new`]).
    pub async fn execute(&self, call: &Call<'_>) -> Result<Reply, ClientError> {
        execute(&self.config, &self.transport, call).await
    }

    /// The resource called `name` (`"sites"`), as in `client.sites` in JavaScript.
    pub fn resource(&self, name: &str) -> Result<ResourceClient<'_, T>, ClientError> {
        let resource = crate::endpoints::resource(name)
            .ok_or_else(|| ClientError::usage(format!("there is no resource called {name:?}")))?;
        Ok(ResourceClient { client: self, resource })
    }
}

/// One resource's methods; each fails with a usage error if the resource lacks the endpoint.
#[derive(Debug)]
pub struct ResourceClient<'c, T> {
    client: &'c Client<T>,
    resource: &'static Resource,
}

impl<T> Clone for ResourceClient<'_, T> {
    fn clone(&self) -> Self {
        ResourceClient { client: self.client, resource: self.resource }
    }
}

impl<'c, T: Transport> ResourceClient<'c, T> {
    fn call(&self, op: Op, options: &CallOptions) -> Result<Call<'static>, ClientError> {
        let mut call = Call::new(self.resource.name, op)?;
        for (option, on) in &options.headers {
            call = call.header(option, *on)?;
        }
        Ok(call)
    }

    async fn run(&self, call: Call<'_>) -> Result<Option<serde_json::Value>, ClientError> {
        match self.client.execute(&call).await? {
            Reply::Json(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| ClientError::usage(format!("the response could not be read again: {e}"))),
            Reply::Empty | Reply::Exists(_) => Ok(None),
        }
    }

    /// One page: `query` holds `page`, `pageSize`, optional `sort`/`fields` and filters.
    pub async fn list(
        &self,
        query: &serde_json::Value,
        options: &CallOptions,
    ) -> Result<Vec<serde_json::Value>, ClientError> {
        let call = self.call(Op::List, options)?.query(Value::from_json(query));
        match self.run(call).await? {
            Some(serde_json::Value::Array(items)) => Ok(items),
            _ => Ok(Vec::new()),
        }
    }

    /// Every page, one at a time, from `query` (whose `page` and `pageSize` are set here).
    pub fn pages(&self, query: serde_json::Value, page_size: u32, options: CallOptions) -> Pages<'c, T> {
        let first = query.get("page").and_then(|p| p.as_u64()).and_then(|p| u32::try_from(p).ok()).unwrap_or(1);
        Pages { resource: self.clone(), query, page: Some(first), page_size, options }
    }

    /// HEAD: do records match `filters`?
    pub async fn exists(
        &self,
        filters: &serde_json::Value,
        options: &CallOptions,
    ) -> Result<ExistsResult, ClientError> {
        let call = self.call(Op::Exists, options)?.query(Value::from_json(filters));
        match self.client.execute(&call).await? {
            Reply::Exists(r) => Ok(r),
            _ => Ok(ExistsResult { exists: false, total: Some(0) }),
        }
    }

    /// One record by its path values; `fields` limits the fields returned.
    pub async fn get(
        &self,
        path: &[serde_json::Value],
        fields: Option<&str>,
    ) -> Result<Option<serde_json::Value>, ClientError> {
        let mut call = self.call(Op::Get, &CallOptions::default())?.path(path.iter().map(Value::from_json).collect());
        if let Some(f) = fields {
            call = call.query(Value::Object(vec![("fields".into(), Value::String(f.into()))]));
        }
        self.run(call).await
    }

    /// POST a new record; the server's answer (usually the record with its id).
    pub async fn create(
        &self,
        body: &serde_json::Value,
        options: &CallOptions,
    ) -> Result<Option<serde_json::Value>, ClientError> {
        self.run(self.call(Op::Create, options)?.body(Value::from_json(body))).await
    }

    /// PATCH with JSON Patch operations.
    pub async fn update(
        &self,
        path: &[serde_json::Value],
        ops: &serde_json::Value,
        options: &CallOptions,
    ) -> Result<Option<serde_json::Value>, ClientError> {
        let call = self
            .call(Op::Update, options)?
            .path(path.iter().map(Value::from_json).collect())
            .body(Value::from_json(ops));
        self.run(call).await
    }

    /// DELETE one record.
    pub async fn delete(&self, path: &[serde_json::Value]) -> Result<(), ClientError> {
        let call = self.call(Op::Delete, &CallOptions::default())?.path(path.iter().map(Value::from_json).collect());
        self.run(call).await.map(|_| ())
    }
}

/// The pages of a list, fetched on demand (`pagination::next_page` decides the end).
#[derive(Debug)]
pub struct Pages<'c, T> {
    resource: ResourceClient<'c, T>,
    query: serde_json::Value,
    page: Option<u32>,
    page_size: u32,
    options: CallOptions,
}

impl<T: Transport> Pages<'_, T> {
    /// The next page's records, or `None` after the last page.
    pub async fn next(&mut self) -> Result<Option<Vec<serde_json::Value>>, ClientError> {
        let Some(page) = self.page else { return Ok(None) };
        let mut query = match &self.query {
            serde_json::Value::Object(m) => m.clone(),
            _ => serde_json::Map::new(),
        };
        query.insert("page".into(), page.into());
        query.insert("pageSize".into(), self.page_size.into());
        let records = self.resource.list(&serde_json::Value::Object(query), &self.options).await?;
        self.page = pagination::next_page(page, self.page_size, records.len());
        Ok(Some(records))
    }
}

#[cfg(test)]
mod tests;
