//! The I/O boundary. Everything else in the client is pure (and tested natively); a
//! [`Transport`] sends one planned request, waits, tells the time and rolls the jitter dice.
//! In the WebAssembly build it is `fetch` (`super::fetch`); native tests script one.

use std::future::Future;

use super::error::ClientError;
use super::options::Secret;
use crate::endpoints::Method;

/// Largest response body read; a 1000-record page of the biggest records is a few MiB. A
/// larger body is abandoned (the stream cancelled) rather than buffered.
pub const MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// Response headers the client reads; transports should collect every header (an API error
/// carries them), at most [`MAX_RESPONSE_HEADERS`].
pub const RESPONSE_HEADERS: [&str; 3] = ["content-type", "retry-after", "x-total-count"];
/// Most response headers kept (a transport drops the rest).
pub const MAX_RESPONSE_HEADERS: usize = 100;
/// Longest header value kept; a longer one is cut on a character boundary.
pub const MAX_HEADER_VALUE_BYTES: usize = 8 * 1024;

/// A request ready to send, except for `Authorization` (added by the transport from the
/// token of that attempt, so a planned request can be logged or printed safely).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireRequest {
    /// The endpoint's method; retries depend on it.
    pub method: Method,
    /// Absolute URL with the API's version path and the encoded query.
    pub url: String,
    /// Header names in lower case, values as sent.
    pub headers: Vec<(&'static str, String)>,
    /// JSON text for POST and PATCH.
    pub body: Option<String>,
}

/// What came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireResponse {
    /// HTTP status.
    pub status: u16,
    /// `(lower-case name, value)` of the headers, (at least) the [`RESPONSE_HEADERS`] present.
    pub headers: Vec<(String, String)>,
    /// At most [`MAX_RESPONSE_BYTES`].
    pub body: Vec<u8>,
}

impl WireResponse {
    /// The value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Why no (whole) response arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// Connection refused or reset, DNS, CORS, a `fetch` that threw.
    Network {
        /// What the platform said.
        message: String,
    },
    /// No usable `fetch` (none global, or one that resolves to something not a Response):
    /// reported like a network failure, but never retried, since a retry cannot help.
    NoFetch {
        /// What is wrong with the `fetch` found.
        message: String,
    },
    /// In a browser, `fetch` failed with its opaque `TypeError` for a cross-origin request to
    /// an origin that has never answered this page: a request blocked by CORS looks exactly
    /// so. Reported at once with a message saying what the API must allow; not retried,
    /// since a retry cannot change the server's CORS answer.
    Blocked {
        /// What the API must allow and expose.
        message: String,
    },
    /// The attempt's timeout fired.
    Timeout,
    /// The caller's abort signal fired.
    Aborted,
    /// The body exceeded [`MAX_RESPONSE_BYTES`] (status is known, body abandoned).
    TooLarge {
        /// The response's HTTP status.
        status: u16,
    },
}

/// Sends requests for the client. Implementations need not be `Send`: the WebAssembly build
/// is single-threaded and its futures hold JS values.
pub trait Transport {
    /// The bearer token for the next attempt of `request`. Called before every attempt, so a
    /// provider can refresh an expired token between retries; waiting for it is bounded by
    /// `timeout_ms` and ends with [`ClientError::Aborted`] when the caller aborts.
    fn token(&self, request: &WireRequest, timeout_ms: u32) -> impl Future<Output = Result<Secret, ClientError>>;

    /// One attempt: send `request` with `Authorization: Bearer <token>` and read the whole
    /// response (at most [`MAX_RESPONSE_BYTES`]), giving up after `timeout_ms`.
    fn send(
        &self,
        request: &WireRequest,
        token: &Secret,
        timeout_ms: u32,
    ) -> impl Future<Output = Result<WireResponse, TransportError>>;

    /// Waits `ms` before a retry; `Err(TransportError::Aborted)` if the call is aborted meanwhile.
    fn sleep(&self, ms: u64) -> impl Future<Output = Result<(), TransportError>>;

    /// Milliseconds since the Unix epoch (for `Retry-After` dates).
    fn now_ms(&self) -> f64;

    /// A number in `[0, 1)` for backoff jitter.
    fn random(&self) -> f64;
}
