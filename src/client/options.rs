//! Client configuration (base URLs, timeout, retries, validation) and the bearer token as a
//! [`Secret`] that never prints.
//!
//! Every option is checked once, when the client is made, so a typo fails at start-up rather
//! than on the first request.

use std::fmt;

use super::error::ClientError;
use crate::endpoints::{Api, DEFAULT_HOST};

/// Per-attempt timeout when none is given: long enough for a 1000-record page.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;
/// The longest timeout `setTimeout` can wait (2^31 - 1 ms).
pub const MAX_TIMEOUT_MS: u32 = i32::MAX as u32;
/// Retries of idempotent reads when none is given.
pub const DEFAULT_RETRIES: u32 = 2;
/// More retries than this only hammers a struggling server.
pub const MAX_RETRIES: u32 = 10;
/// Longest token accepted; a JWT is a few kilobytes at most.
pub const MAX_TOKEN_LEN: usize = 16 * 1024;
/// `createMany`'s default and largest concurrency (it is JavaScript, `src/js/client.js`, which
/// reads them from the generated `core/gen/client.js`).
pub const CREATE_MANY_CONCURRENCY: u32 = 4;
/// See [`CREATE_MANY_CONCURRENCY`].
pub const MAX_CREATE_MANY_CONCURRENCY: u32 = 64;

/// What the client needs besides I/O: where each API lives, how long to wait, how often to
/// retry and whether to validate before sending. `Debug` is safe to log (no token here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    host: String,
    /// Full base URLs overriding `host + Api::base_path()`, indexed like `Api::ALL`.
    bases: [Option<String>; 6],
    timeout_ms: u32,
    retries: u32,
    validate: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: DEFAULT_HOST.to_owned(),
            bases: Default::default(),
            timeout_ms: DEFAULT_TIMEOUT_MS,
            retries: DEFAULT_RETRIES,
            validate: true,
        }
    }
}

impl Config {
    /// The defaults: `https://rest.elevatebilling.com`, 30 s, 2 retries, validation on.
    pub fn new() -> Self {
        Config::default()
    }

    /// The host every API's version path is appended to (decisions R12). A URL given with a
    /// version path (`http://host/v1`, as the docs print the servers) means its host: the
    /// path is dropped, since each API adds its own (`/v1` or `/v2`).
    pub fn base_url(mut self, url: &str) -> Result<Self, ClientError> {
        let base = check_base("baseUrl", url)?;
        self.host = strip_version_path(&base).to_owned();
        Ok(self)
    }

    /// Overrides one API's full base, version path included (a test server, a proxy).
    /// `api` is an [`Api::key`] (`"inventory"`).
    pub fn api_base_url(mut self, api: &str, url: &str) -> Result<Self, ClientError> {
        let i = Api::ALL.iter().position(|a| a.key() == api).ok_or_else(|| {
            let keys: Vec<_> = Api::ALL.iter().map(|a| a.key()).collect();
            ClientError::usage(format!("baseUrls has no API called {api:?}; the APIs are {}", keys.join(", ")))
        })?;
        let url = check_base(&format!("baseUrls.{api}"), url)?;
        if let Some(slot) = self.bases.get_mut(i) {
            *slot = Some(url);
        }
        Ok(self)
    }

    /// Per-attempt timeout in milliseconds, 1 ..= [`MAX_TIMEOUT_MS`].
    pub fn timeout_ms(mut self, ms: u32) -> Result<Self, ClientError> {
        if ms == 0 || ms > MAX_TIMEOUT_MS {
            return Err(ClientError::usage(format!("timeoutMs must be an integer from 1 to {MAX_TIMEOUT_MS}")));
        }
        self.timeout_ms = ms;
        Ok(self)
    }

    /// Retries of GET and HEAD, 0 ..= [`MAX_RETRIES`].
    pub fn retries(mut self, n: u32) -> Result<Self, ClientError> {
        if n > MAX_RETRIES {
            return Err(ClientError::usage(format!("retries must be an integer from 0 to {MAX_RETRIES}")));
        }
        self.retries = n;
        Ok(self)
    }

    /// Validate bodies and queries before sending (default true).
    pub fn validate(mut self, on: bool) -> Self {
        self.validate = on;
        self
    }

    /// The base URL of `api`: its override, or the host plus the version path.
    pub fn base(&self, api: Api) -> String {
        let i = Api::ALL.iter().position(|a| *a == api).unwrap_or(0);
        match self.bases.get(i).and_then(Option::as_ref) {
            Some(b) => b.clone(),
            None => format!("{}{}", self.host, api.base_path()),
        }
    }

    /// The host the version paths are appended to (for `describe`).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The overridden bases, as `(Api::key(), url)`.
    pub fn api_base_urls(&self) -> impl Iterator<Item = (&'static str, &str)> {
        Api::ALL.iter().zip(&self.bases).filter_map(|(a, b)| b.as_deref().map(|b| (a.key(), b)))
    }

    /// Per-attempt timeout in ms.
    pub fn get_timeout_ms(&self) -> u32 {
        self.timeout_ms
    }

    /// Retries allowed for GET and HEAD.
    pub fn get_retries(&self) -> u32 {
        self.retries
    }

    /// Whether requests are validated before sending.
    pub fn validates(&self) -> bool {
        self.validate
    }
}

/// An absolute http(s) URL without credentials, query or fragment, trailing `/` removed.
/// Hand-written rather than the `url` crate: its IDNA tables would weigh on the .wasm, and
/// fetch parses the URL again anyway; this only catches what would silently build wrong URLs.
/// Messages never quote the credentials of a URL that has some (`user:password@` is shown as
/// `***@`): an error may be logged.
fn check_base(what: &str, url: &str) -> Result<String, ClientError> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let bad = |why: &str| {
        ClientError::usage(format!("{what} must be an absolute http(s) URL ({why}): {:?}", without_credentials(url)))
    };
    let rest = rest.ok_or_else(|| bad("it must start with https:// or http://"))?;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    if authority.contains('@') {
        return Err(bad("it must not hold credentials such as user:password@; the token option authenticates"));
    }
    if rest.is_empty() || rest.starts_with('/') {
        return Err(bad("it has no host"));
    }
    if rest.contains(['?', '#']) {
        return Err(bad("it must not have a query or fragment"));
    }
    if rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad("it contains white space"));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// `url` with what stands before an `@` in its authority (user and password) shown as `***`.
fn without_credentials(url: &str) -> String {
    let start = url.find("://").map_or(0, |i| i + 3);
    let end = url[start..].find(['/', '?', '#']).map_or(url.len(), |i| start + i);
    match url[start..end].rfind('@') {
        Some(at) => format!("{}***@{}", &url[..start], &url[start + at + 1..]),
        None => url.to_owned(),
    }
}

/// `base` without a last path segment of the form `v<digits>` (`http://h/elevate/v2` →
/// `http://h/elevate`); the host itself is never taken for one.
fn strip_version_path(base: &str) -> &str {
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    match base.rfind('/') {
        Some(slash) if slash > after_scheme => {
            let last = &base[slash + 1..];
            let version = last.len() > 1 && last.starts_with('v') && last[1..].bytes().all(|b| b.is_ascii_digit());
            if version {
                &base[..slash]
            } else {
                base
            }
        }
        _ => base,
    }
}

/// The bearer token. `Debug` and `Display` print `[redacted]`, so it cannot leak through a
/// log line, an error or a panic message; only [`Secret::expose`] reveals it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

/// What a redacted secret prints as.
pub const REDACTED: &str = "[redacted]";

impl Secret {
    /// A token usable in an `Authorization` header: non-empty, at most [`MAX_TOKEN_LEN`],
    /// visible ASCII only (RFC 6750's b64token is a subset; `fetch` would reject control
    /// characters with an error that might quote the value). Errors never quote the token.
    pub fn new(token: impl Into<String>) -> Result<Secret, ClientError> {
        let token = token.into();
        if token.is_empty() {
            return Err(ClientError::Token { message: "the token is empty".into() });
        }
        if token.len() > MAX_TOKEN_LEN {
            return Err(ClientError::Token { message: format!("the token is longer than {MAX_TOKEN_LEN} bytes") });
        }
        if let Some(at) = token.bytes().position(|b| !(0x21..=0x7e).contains(&b)) {
            return Err(ClientError::Token {
                message: format!(
                    "the token has a character not allowed in an HTTP header at position {at} (only visible ASCII is)"
                ),
            });
        }
        Ok(Secret(token))
    }

    /// The token itself, for the `Authorization` header and nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({REDACTED})")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_follow_r12_and_overrides_replace_the_whole_base() {
        let c = Config::new();
        assert_eq!(c.base(Api::CustomerAndSites), "https://rest.elevatebilling.com/v1");
        assert_eq!(c.base(Api::Products), "https://rest.elevatebilling.com/v2");
        assert_eq!(c.base(Api::ProductInventory), "https://rest.elevatebilling.com/v2");
        assert_eq!(c.base(Api::PricingAssignment), "https://rest.elevatebilling.com/v1");
        let c =
            c.base_url("http://127.0.0.1:8080/").unwrap().api_base_url("inventory", "https://inv.test/x/v9/").unwrap();
        assert_eq!(c.base(Api::Pricing), "http://127.0.0.1:8080/v2");
        assert_eq!(c.base(Api::ProductInventory), "https://inv.test/x/v9");
        assert_eq!(c.api_base_urls().collect::<Vec<_>>(), vec![("inventory", "https://inv.test/x/v9")]);
    }

    #[test]
    fn a_base_url_with_a_version_path_means_its_host() {
        for (given, host) in [
            ("http://127.0.0.1:4010/v1", "http://127.0.0.1:4010"),
            ("http://127.0.0.1:4010/v2/", "http://127.0.0.1:4010"),
            ("https://gw.example/elevate/v1", "https://gw.example/elevate"),
            ("https://gw.example/elevate", "https://gw.example/elevate"),
            ("https://v1", "https://v1"),
            ("https://gw.example/v", "https://gw.example/v"),
            ("https://gw.example/v1x", "https://gw.example/v1x"),
            ("https://gw.example/api/v12", "https://gw.example/api"),
        ] {
            let c = Config::new().base_url(given).unwrap();
            assert_eq!(c.host(), host, "{given}");
        }
        let c = Config::new().base_url("http://127.0.0.1:4010/v1").unwrap();
        assert_eq!(c.base(Api::CustomerAndSites), "http://127.0.0.1:4010/v1");
        assert_eq!(c.base(Api::Products), "http://127.0.0.1:4010/v2");
    }

    #[test]
    fn bad_options_are_usage_errors() {
        for url in [
            "rest.elevatebilling.com",
            "ftp://x",
            "https://",
            "https:///v1",
            "https://x?a=1",
            "https://x#f",
            "https://a b",
        ] {
            let e = Config::new().base_url(url).unwrap_err();
            assert!(matches!(e, ClientError::Usage { .. }), "{url}: {e:?}");
        }
        assert!(Config::new().api_base_url("nope", "https://x").unwrap_err().to_string().contains("customer, product"));
        // Credentials are refused, and never quoted, whatever else is wrong with the URL.
        for url in
            ["https://user:s3cret@api.test", "http://s3cret@api.test/v1", "ftp://user:s3cret@x", "https://u:s3cret@a b"]
        {
            let e = Config::new().base_url(url).unwrap_err().to_string();
            assert!(!e.contains("s3cret") && e.contains("***@"), "{e}");
            let e = Config::new().api_base_url("inventory", url).unwrap_err().to_string();
            assert!(!e.contains("s3cret"), "{e}");
        }
        assert!(Config::new().base_url("https://api.test/a@b").is_ok(), "an @ in the path is not a credential");
        assert!(Config::new().timeout_ms(0).is_err());
        assert!(Config::new().timeout_ms(MAX_TIMEOUT_MS).is_ok());
        assert!(Config::new().retries(MAX_RETRIES + 1).is_err());
        assert_eq!(Config::new().retries(0).unwrap().get_retries(), 0);
    }

    #[test]
    fn secrets_never_print_and_bad_tokens_are_not_quoted() {
        let s = Secret::new("eyJhbGciOiJIUzI1NiJ9.secret-part").unwrap();
        assert_eq!(s.expose(), "eyJhbGciOiJIUzI1NiJ9.secret-part");
        for shown in [format!("{s:?}"), format!("{s}"), format!("{:?}", Some(&s)), format!("{:#?}", vec![s.clone()])] {
            assert!(!shown.contains("secret-part"), "{shown}");
            assert!(shown.contains(REDACTED));
        }
        for bad in ["", "abc\r\nX-Evil: 1", "tok en", "tök"] {
            let e = Secret::new(bad).unwrap_err();
            assert!(matches!(e, ClientError::Token { .. }));
            if !bad.is_empty() {
                assert!(!e.to_string().contains(bad), "{e}");
            }
        }
        assert!(Secret::new("x".repeat(MAX_TOKEN_LEN + 1)).is_err());
    }
}
