//! Every way a call can fail, as data: the JavaScript error classes (`ElevateApiError`, …)
//! are made from these one to one, and Rust callers match on them.
//!
//! No variant ever holds the bearer token: URLs never carry it, and response bodies and
//! messages are passed through [`redact`] before they become part of an error.

use std::borrow::Cow;
use std::fmt;

use serde_json::json;

use super::options::{Secret, REDACTED};
use crate::endpoints::Method;
use crate::export::js::MESSAGE_PREFIX;
use crate::validate::Issue;

/// What an API error response means, from its status (api-facts §1.7, seed:000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400: malformed request or server-side validation failure.
    BadRequest,
    /// 401: missing or invalid token, or a disabled user.
    Unauthorized,
    /// 403: authenticated but not permitted.
    Forbidden,
    /// 404: no such resource.
    NotFound,
    /// 405.
    NotAllowed,
    /// 406: content type not acceptable.
    NotAcceptable,
    /// 409: the resource to create already exists.
    Conflict,
    /// 412 (listed on Inventory and Assignment operations, meaning not described).
    PreconditionFailed,
    /// 415.
    UnsupportedMediaType,
    /// 429: not in the docs' list, but what a gateway answers when throttling; retried.
    TooManyRequests,
    /// 5xx.
    ServerError,
    /// A 2xx whose body is not what the endpoint returns (not JSON, too large, no array).
    InvalidResponse,
    /// Any other status (3xx, 410, 418…), which the docs never mention.
    UnexpectedStatus,
}

impl ApiErrorKind {
    /// The kind of a non-2xx status.
    pub fn from_status(status: u16) -> ApiErrorKind {
        match status {
            400 => ApiErrorKind::BadRequest,
            401 => ApiErrorKind::Unauthorized,
            403 => ApiErrorKind::Forbidden,
            404 => ApiErrorKind::NotFound,
            405 => ApiErrorKind::NotAllowed,
            406 => ApiErrorKind::NotAcceptable,
            409 => ApiErrorKind::Conflict,
            412 => ApiErrorKind::PreconditionFailed,
            415 => ApiErrorKind::UnsupportedMediaType,
            429 => ApiErrorKind::TooManyRequests,
            500..=599 => ApiErrorKind::ServerError,
            _ => ApiErrorKind::UnexpectedStatus,
        }
    }

    /// The `kind` string of `ElevateApiError` (`"notFound"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ApiErrorKind::BadRequest => "badRequest",
            ApiErrorKind::Unauthorized => "unauthorized",
            ApiErrorKind::Forbidden => "forbidden",
            ApiErrorKind::NotFound => "notFound",
            ApiErrorKind::NotAllowed => "notAllowed",
            ApiErrorKind::NotAcceptable => "notAcceptable",
            ApiErrorKind::Conflict => "conflict",
            ApiErrorKind::PreconditionFailed => "preconditionFailed",
            ApiErrorKind::UnsupportedMediaType => "unsupportedMediaType",
            ApiErrorKind::TooManyRequests => "tooManyRequests",
            ApiErrorKind::ServerError => "serverError",
            ApiErrorKind::InvalidResponse => "invalidResponse",
            ApiErrorKind::UnexpectedStatus => "unexpectedStatus",
        }
    }

    /// Every kind, for the generated TypeScript union.
    pub const ALL: [ApiErrorKind; 13] = [
        ApiErrorKind::BadRequest,
        ApiErrorKind::Unauthorized,
        ApiErrorKind::Forbidden,
        ApiErrorKind::NotFound,
        ApiErrorKind::NotAllowed,
        ApiErrorKind::NotAcceptable,
        ApiErrorKind::Conflict,
        ApiErrorKind::PreconditionFailed,
        ApiErrorKind::UnsupportedMediaType,
        ApiErrorKind::TooManyRequests,
        ApiErrorKind::ServerError,
        ApiErrorKind::InvalidResponse,
        ApiErrorKind::UnexpectedStatus,
    ];
}

/// The body of an error response, as far as it could be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorBody {
    /// No body (or only white space).
    Empty,
    /// A body that parses as JSON, token redacted.
    Json(serde_json::Value),
    /// Any other body, as text (invalid UTF-8 replaced), token redacted.
    Text(String),
}

/// A response the client does not turn into a result (non-2xx, or a malformed 2xx).
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// HTTP status (200 for an unusable 2xx).
    pub status: u16,
    /// What the status means, for code that branches on it.
    pub kind: ApiErrorKind,
    /// The request's method, to tell a failed read from a failed write.
    pub method: Method,
    /// The request URL (it never carries the token).
    pub url: String,
    /// The server's body, kept for callers that know its shape (the docs do not give it).
    pub body: ErrorBody,
    /// Readable: status, request and the server's own explanation when it gave one.
    pub message: String,
    /// The server's own explanation alone (token redacted), for a UI that shows only that.
    pub server_message: Option<String>,
    /// Requests made, retries included.
    pub attempts: u32,
    /// The response's headers (lower-case names, in the order received), without the ones
    /// that carry credentials ([`CREDENTIAL_HEADERS`]) and with the token redacted.
    pub headers: Vec<(String, String)>,
    /// The wait `Retry-After` asked for, in whole seconds (rounded up), when the response had
    /// a readable one.
    pub retry_after: Option<u64>,
    /// The server's complaints at the fields they name (JSON Pointers; `""` for the request
    /// as a whole), read from the body's shape ([`ServerIssue`](super::ServerIssue)).
    pub issues: Vec<super::server_issues::ServerIssue>,
}

/// Response headers never kept in an [`ApiError`]: they carry credentials (a cookie, or an
/// echo of the request's own Authorization).
pub const CREDENTIAL_HEADERS: [&str; 5] =
    ["authorization", "proxy-authorization", "set-cookie", "set-cookie2", "cookie"];

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ClientError {
    /// The call was made wrongly (missing argument, unknown option, bad option value): a bug
    /// in the caller, reported as a JS `TypeError`. Nothing was sent.
    Usage {
        /// What was wrong with the call.
        message: String,
    },
    /// The body or query breaks the server's rules; nothing was sent.
    Validation {
        /// The endpoint key (`"POST /sites"`).
        endpoint: String,
        /// Every issue of the body, query and path values.
        issues: Vec<Issue>,
    },
    /// Validation was asked for but this crate has no validator for the body's schema yet.
    Unvalidatable {
        /// The endpoint key (`"POST /sites"`).
        endpoint: String,
        /// Why it could not be validated.
        message: String,
    },
    /// The token (or token provider) could not give a usable token. Never quotes it.
    Token {
        /// What went wrong, without the token.
        message: String,
    },
    /// The server answered with an error, or with a 2xx the client cannot read.
    Api(Box<ApiError>),
    /// No response: connection refused or reset, DNS, CORS (browsers hide which).
    /// `maybe_cors`: a browser's opaque failure from an origin that never answered the page,
    /// which is what a request blocked by CORS looks like (the message says what to allow).
    Network {
        /// The request's method.
        method: Method,
        /// The request's URL (without credentials).
        url: String,
        /// What the platform said.
        message: String,
        /// Attempts made, retries included.
        attempts: u32,
        /// The failure looks like a request blocked by CORS.
        maybe_cors: bool,
    },
    /// An attempt took longer than the timeout.
    Timeout {
        /// The request's method.
        method: Method,
        /// The request's URL.
        url: String,
        /// The per-attempt timeout that fired.
        timeout_ms: u32,
        /// Attempts made, retries included.
        attempts: u32,
    },
    /// The caller's `AbortSignal` fired.
    Aborted {
        /// The request's method.
        method: Method,
        /// The request's URL.
        url: String,
    },
}

impl ClientError {
    pub(crate) fn usage(message: impl Into<String>) -> ClientError {
        ClientError::Usage { message: message.into() }
    }

    /// Each descriptor `type` ([`ClientError::type_name`]) with the class of `src/js/client.js`
    /// its error becomes: generated into `core/gen/client.js`, never restated in JavaScript.
    pub const JS_CLASSES: [(&'static str, &'static str); 8] = [
        ("usage", "TypeError"),
        ("validation", "ElevateValidationError"),
        // Validation was asked for, but this build has no validator for the body's schema.
        ("unvalidatable", "ElevateError"),
        ("token", "ElevateTokenError"),
        ("api", "ElevateApiError"),
        ("network", "ElevateNetworkError"),
        ("timeout", "ElevateTimeoutError"),
        ("aborted", "ElevateAbortError"),
    ];

    /// The error's kind as the JS side names it (`"api"`, `"timeout"`…): the descriptor's `type`.
    pub fn type_name(&self) -> &'static str {
        match self {
            ClientError::Usage { .. } => "usage",
            ClientError::Validation { .. } => "validation",
            ClientError::Unvalidatable { .. } => "unvalidatable",
            ClientError::Token { .. } => "token",
            ClientError::Api(_) => "api",
            ClientError::Network { .. } => "network",
            ClientError::Timeout { .. } => "timeout",
            ClientError::Aborted { .. } => "aborted",
        }
    }

    /// What crosses to JavaScript (`src/js/client.js`): `{ type, message, … }`, whose `type`
    /// picks the class ([`ClientError::JS_CLASSES`]) and whose other members become the error's
    /// own properties, as `src/js/client.d.ts` declares them on that class (a test holds the two
    /// together). The token is not redacted here: the caller knows which tokens were used.
    pub fn descriptor(&self) -> serde_json::Value {
        let mut d = json!({ "type": self.type_name(), "message": self.to_string() });
        match self {
            ClientError::Usage { .. } | ClientError::Token { .. } => {
                d["message"] = format!("{MESSAGE_PREFIX}{self}").into();
            }
            ClientError::Validation { endpoint, issues } => {
                d["endpoint"] = endpoint.as_str().into();
                d["issues"] = issues.iter().map(|i| i.to_json()).collect();
            }
            ClientError::Unvalidatable { endpoint, .. } => {
                d["endpoint"] = endpoint.as_str().into();
                d["code"] = "noValidator".into();
            }
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
        d
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Usage { message } => f.write_str(message),
            ClientError::Validation { endpoint, issues } => {
                write!(f, "{endpoint} was not sent: {} validation issue(s)", issues.len())?;
                for (i, issue) in issues.iter().take(5).enumerate() {
                    write!(f, "{} {issue}", if i == 0 { ":" } else { ";" })?;
                }
                if issues.len() > 5 {
                    write!(f, "; … and {} more", issues.len() - 5)?;
                }
                Ok(())
            }
            ClientError::Unvalidatable { endpoint, message } => {
                write!(f, "{endpoint} was not sent: {message} (pass validate: false to send without validating)")
            }
            ClientError::Token { message } => write!(f, "no usable bearer token: {message}"),
            ClientError::Api(e) => f.write_str(&e.message),
            ClientError::Network { method, url, message, attempts, .. } => {
                write!(f, "{} {url} failed: {message}{}", method.as_str(), after(*attempts))
            }
            ClientError::Timeout { method, url, timeout_ms, attempts } => {
                write!(f, "{} {url} timed out after {timeout_ms} ms{}", method.as_str(), after(*attempts))
            }
            ClientError::Aborted { method, url } => write!(f, "{} {url} was aborted", method.as_str()),
        }
    }
}

fn after(attempts: u32) -> String {
    if attempts > 1 {
        format!(" ({attempts} attempts)")
    } else {
        String::new()
    }
}

impl std::error::Error for ClientError {}

/// `text` with every occurrence of the token replaced by `[redacted]`, whatever the token's
/// length and whatever surrounds it (a server may echo the Authorization header back in an
/// error body, next to `=`, `.` or `/`). A very short token makes messages hard to read: that is
/// the price of never showing it.
/// Redacting twice is redacting once: the `[redacted]` markers of an earlier pass are kept whole
/// even when the token is part of the marker's own text (`e`, `act`), as an error's text is
/// redacted when it is read and again, with every token a provider gave, when it crosses.
pub fn redact<'a>(text: &'a str, secret: &Secret) -> Cow<'a, str> {
    let token = secret.expose();
    if token.is_empty() || !text.contains(token) {
        return Cow::Borrowed(text);
    }
    if REDACTED.contains(token) && text.contains(REDACTED) {
        let pieces: Vec<String> = text.split(REDACTED).map(|p| p.replace(token, REDACTED)).collect();
        return Cow::Owned(pieces.join(REDACTED));
    }
    Cow::Owned(text.replace(token, REDACTED))
}

/// [`redact`] applied to every string and member name of a JSON value.
pub fn redact_json(value: &mut serde_json::Value, secret: &Secret) {
    redact_values(value, secret);
    redact_names(value, secret);
}

/// [`redact`] applied to every member name of a JSON value, leaving its strings as they are.
pub fn redact_names(value: &mut serde_json::Value, secret: &Secret) {
    match value {
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| redact_names(v, secret)),
        serde_json::Value::Object(map) => {
            if map.keys().any(|k| matches!(redact(k, secret), Cow::Owned(_))) {
                let old = std::mem::take(map);
                for (k, v) in old {
                    map.insert(redact(&k, secret).into_owned(), v);
                }
            }
            map.values_mut().for_each(|v| redact_names(v, secret));
        }
        _ => {}
    }
}

/// Members of an error descriptor, and of its issues, whose values the client chose from a
/// fixed vocabulary: never redacted (a short token such as `api` or `no` must not turn
/// `type: "api"` into another class or `code: "noValidator"` into `[redacted]Validator`). A test
/// in `javascript.rs` fails when a descriptor gains a string member that is neither here nor
/// one of the texts.
pub const DESCRIPTOR_VOCABULARY: [&str; 5] = ["type", "kind", "method", "endpoint", "code"];

/// [`redact`] applied to an error descriptor ([`ClientError::descriptor`]): to every string
/// value but those of [`DESCRIPTOR_VOCABULARY`], and to the member names of what the server sent
/// (`body`, `headers`), never to the descriptor's own member names (a token `sa` must not turn
/// `message` into `mes[redacted]ge`: it once made `message` empty).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the wasm bindings' error descriptors
pub fn redact_descriptor(d: &mut serde_json::Value, secret: &Secret) {
    match d {
        serde_json::Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match key.as_str() {
                    k if DESCRIPTOR_VOCABULARY.contains(&k) => {}
                    "body" | "headers" => redact_json(value, secret),
                    // Each issue is an object of the same kind: its `code` is vocabulary too.
                    "issues" => redact_descriptor(value, secret),
                    _ => redact_values(value, secret),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| redact_descriptor(v, secret)),
        other => redact_values(other, secret),
    }
}

/// [`redact`] applied to every string of a JSON value, leaving member names as they are.
pub fn redact_values(value: &mut serde_json::Value, secret: &Secret) {
    match value {
        serde_json::Value::String(s) => {
            if let Cow::Owned(r) = redact(s, secret) {
                *s = r;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| redact_values(v, secret)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| redact_values(v, secret)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::IssueKind;

    #[test]
    fn statuses_map_to_kinds() {
        let cases = [
            (400, "badRequest"),
            (401, "unauthorized"),
            (403, "forbidden"),
            (404, "notFound"),
            (405, "notAllowed"),
            (406, "notAcceptable"),
            (409, "conflict"),
            (412, "preconditionFailed"),
            (415, "unsupportedMediaType"),
            (429, "tooManyRequests"),
            (500, "serverError"),
            (501, "serverError"),
            (503, "serverError"),
            (599, "serverError"),
            (302, "unexpectedStatus"),
            (410, "unexpectedStatus"),
        ];
        for (status, kind) in cases {
            assert_eq!(ApiErrorKind::from_status(status).as_str(), kind, "{status}");
        }
        let mut names: Vec<_> = ApiErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ApiErrorKind::ALL.len());
    }

    #[test]
    fn redaction_reaches_text_strings_and_keys_whatever_the_length() {
        let s = Secret::new("tok-123456").unwrap();
        assert_eq!(
            redact("Bearer tok-123456 is invalid (tok-123456)", &s),
            "Bearer [redacted] is invalid ([redacted])"
        );
        assert!(matches!(redact("nothing here", &s), Cow::Borrowed(_)));
        assert_eq!(redact("xtok-123456y", &s), "x[redacted]y");
        // Short tokens too, next to anything (a server echoing `token=Xy12345`).
        let short = Secret::new("Xy12345").unwrap();
        for (text, redacted) in [
            ("token=Xy12345", "token=[redacted]"),
            ("a.Xy12345.b", "a.[redacted].b"),
            ("/Xy12345/", "/[redacted]/"),
            ("aXy12345b", "a[redacted]b"),
        ] {
            assert_eq!(redact(text, &short), redacted);
        }
        let one = Secret::new("t").unwrap();
        assert_eq!(redact("Failed to fetch", &one), "Failed [redacted]o fe[redacted]ch");
        let mut v = serde_json::json!({"message": "bad tok-123456", "echo": ["tok-123456"], "tok-123456": {"n": 1}});
        redact_json(&mut v, &s);
        assert_eq!(v, serde_json::json!({"message": "bad [redacted]", "echo": ["[redacted]"], "[redacted]": {"n": 1}}));
        assert!(!serde_json::to_string(&v).unwrap().contains("tok-123456"));
    }

    #[test]
    fn redacting_twice_is_redacting_once() {
        for token in ["e", "act", "[redacted]", "d]", "tok-123456"] {
            let s = Secret::new(token).unwrap();
            for text in [format!("a {token} b"), format!("{token}{token}"), format!("x[{token}]y")] {
                let once = redact(&text, &s).into_owned();
                assert_eq!(redact(&once, &s), once, "{token}: {text}");
            }
        }
        // The earlier pass's marker stays whole; the token outside it goes.
        let e = Secret::new("e").unwrap();
        assert_eq!(redact("[redacted] seen", &e), "[redacted] s[redacted][redacted]n");
    }

    #[test]
    fn a_short_token_never_touches_the_descriptors_own_names_or_values() {
        // `sa` is inside "message", `api` is the type, `GET` the method: each must survive.
        for token in ["sa", "api", "GET", "e", "unauthorized", "/v1"] {
            let secret = Secret::new(token).unwrap();
            let api = ApiError {
                status: 401,
                kind: ApiErrorKind::Unauthorized,
                method: Method::Get,
                url: "https://h/v1/sites/1".into(),
                body: ErrorBody::Json(serde_json::json!({ "message": format!("bad {token}"), token: token })),
                message: format!("401 Unauthorized from GET https://h/v1/sites/1: bad {token}"),
                server_message: Some(format!("bad {token}")),
                attempts: 1,
                headers: vec![("x-echo".into(), token.into())],
                retry_after: None,
                issues: vec![crate::client::ServerIssue {
                    path: "/siteName".into(),
                    message: format!("token={token}"),
                    field: Some("siteName".into()),
                    code: None,
                }],
            };
            let mut d = ClientError::Api(Box::new(api)).descriptor();
            let keys: Vec<String> = d.as_object().unwrap().keys().cloned().collect();
            redact_descriptor(&mut d, &secret);
            assert_eq!(d.as_object().unwrap().keys().cloned().collect::<Vec<_>>(), keys, "{token}");
            assert_eq!(
                (d["type"].as_str(), d["kind"].as_str(), d["method"].as_str()),
                (Some("api"), Some("unauthorized"), Some("GET"))
            );
            assert!(d["message"].as_str().unwrap().contains(REDACTED), "{token}: {d}");
            // (A one-letter token takes that letter out of every text: what "whatever its
            // length" costs.)
            let redacted = |text: String| text.replace(token, REDACTED);
            assert_eq!(d["serverMessage"], redacted(format!("bad {token}")));
            assert_eq!(d["issues"][0]["message"], redacted(format!("token={token}")));
            assert!(d["issues"][0].get("message").is_some() && d["issues"][0].get("path").is_some());
            // What the server sent is redacted whole, its member names too.
            assert!(!d["body"].to_string().contains(&format!("\"{token}\"")), "{token}: {d}");
            assert!(d["headers"].as_object().unwrap().values().all(|v| v == REDACTED), "{token}: {d}");
        }
    }

    #[test]
    fn display_is_readable() {
        let e = ClientError::Validation {
            endpoint: "POST /sites".into(),
            issues: vec![Issue { path: "/siteName".into(), kind: IssueKind::required() }],
        };
        let text = e.to_string();
        assert!(text.starts_with("POST /sites was not sent: 1 validation issue(s): /siteName: "), "{text}");
        let e =
            ClientError::Timeout { method: Method::Get, url: "https://x/v1/sites".into(), timeout_ms: 50, attempts: 3 };
        assert_eq!(e.to_string(), "GET https://x/v1/sites timed out after 50 ms (3 attempts)");
        assert_eq!(e.type_name(), "timeout");
    }
}
