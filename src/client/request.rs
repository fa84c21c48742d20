//! Request planning: a [`Call`] (which endpoint, with which path values, query, body and
//! header options) becomes a [`WireRequest`] (method, URL, headers, JSON text). Pure, so the
//! exact wire format is tested natively.
//!
//! Conventions (api-facts §1.1): `Accept: application/json`; bodies `application/json`, PATCH
//! bodies `application/json-patch+json`; special headers (§1.6) as `true`/`false`.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::error::ClientError;
use super::options::Config;
use super::query::{encode, number_text, query_pairs};
use super::transport::WireRequest;
use super::validation::validate_request;
use crate::endpoints::{self, Endpoint, Header, Method, Op, Resource};
use crate::validate::Value;

/// Media type of JSON Patch bodies (api-facts §1.1, §1.8).
pub const JSON_PATCH: &str = "application/json-patch+json";
/// Media type of every other body, and of every response.
pub const JSON: &str = "application/json";

/// Path segments keep only unreserved characters (RFC 3986 §2.3); everything else is
/// escaped, so a value can never add a segment or a query.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// One call of one endpoint, before it is planned.
#[derive(Debug, Clone)]
pub struct Call<'a> {
    /// The resource, for its API (base URL) and error messages.
    pub resource: &'static Resource,
    /// The endpoint called: method, path template, body schema, filters, headers.
    pub endpoint: &'static Endpoint,
    /// Values of the path's `{…}` placeholders, in order.
    pub path_params: Vec<Value<'a>>,
    /// Query object: paging, `sort`, `fields` and filters (List, Exists; `fields` for Get).
    pub query: Option<Value<'a>>,
    /// The body (Create, Update).
    pub body: Option<Value<'a>>,
    /// Special header options given for this call.
    pub headers: Vec<(&'static Header, bool)>,
    /// For Update: the record as it is now, so the whole patched result is validated (without
    /// it, only each operation's value against the field its path names).
    pub current: Option<Value<'a>>,
}

impl<'a> Call<'a> {
    /// A call of `op` on the resource called `resource` (`"sites"`, [`Op::List`]).
    pub fn new(resource: &str, op: Op) -> Result<Call<'a>, ClientError> {
        let r = endpoints::resource(resource)
            .ok_or_else(|| ClientError::usage(format!("there is no resource called {resource:?}")))?;
        let e = r
            .endpoint(op)
            .ok_or_else(|| ClientError::usage(format!("{} has no {} operation", r.name, op.method_name())))?;
        Ok(Call {
            resource: r,
            endpoint: e,
            path_params: Vec::new(),
            query: None,
            body: None,
            headers: Vec::new(),
            current: None,
        })
    }

    /// Sets the path values (ids, `assignmentLevel`), in the path's order.
    pub fn path(mut self, params: Vec<Value<'a>>) -> Self {
        self.path_params = params;
        self
    }

    /// Sets the query object (paging, `sort`, `fields`, filters).
    pub fn query(mut self, query: Value<'a>) -> Self {
        self.query = Some(query);
        self
    }

    /// Sets the body (a record for Create, JSON Patch operations for Update).
    pub fn body(mut self, body: Value<'a>) -> Self {
        self.body = Some(body);
        self
    }

    /// For Update: the record as it is now; validation then applies the patch to a copy and
    /// checks the result against the resource's schema (`validate_patch`).
    pub fn current(mut self, current: Value<'a>) -> Self {
        self.current = Some(current);
        self
    }

    /// Sets the special header whose client option is `option` (`"cascadeEndDate"`); an error
    /// if this endpoint has no such header.
    pub fn header(mut self, option: &str, on: bool) -> Result<Self, ClientError> {
        let h = self.endpoint.headers.iter().find(|h| h.option == option).ok_or_else(|| {
            let known: Vec<_> = self.endpoint.headers.iter().map(|h| h.option).collect();
            ClientError::usage(format!(
                "{}.{} has no option {option:?}{}",
                self.resource.name,
                self.endpoint.op.method_name(),
                if known.is_empty() { String::new() } else { format!(" (it has {})", known.join(", ")) }
            ))
        })?;
        self.headers.retain(|(o, _)| o.option != option);
        self.headers.push((h, on));
        Ok(self)
    }

    /// `"PATCH /sites/{site_id}"`, as `endpoints::endpoint` and the query validator name it.
    pub fn key(&self) -> String {
        format!("{} {}", self.endpoint.method.as_str(), self.endpoint.path)
    }
}

/// Checks the call's shape, validates it when the config says so, and plans it.
pub fn prepare(config: &Config, call: &Call<'_>) -> Result<WireRequest, ClientError> {
    check_shape(call)?;
    // Computed once: what is validated is exactly what is sent.
    let query = match &call.query {
        Some(q) => query_pairs(q)?,
        None => Vec::new(),
    };
    if config.validates() {
        validate_request(call, &query)?;
    }
    plan(config, call, &query)
}

/// Mistakes that no server could accept (wrong number of path values, a body where none
/// goes); these fail even with validation off.
fn check_shape(call: &Call<'_>) -> Result<(), ClientError> {
    let e = call.endpoint;
    let what = format!("{}.{}", call.resource.name, e.op.method_name());
    let want = e.path_params().count();
    if call.path_params.len() != want {
        let names: Vec<_> = e.path_params().collect();
        return Err(ClientError::usage(format!(
            "{what} takes {want} path value(s) ({}), got {}",
            names.join(", "),
            call.path_params.len()
        )));
    }
    match (e.body.is_some(), &call.body) {
        (true, None) => {
            return Err(ClientError::usage(format!(
                "{what} needs a body{}",
                if e.op == Op::Update { " (an array of JSON Patch operations)" } else { "" }
            )))
        }
        (false, Some(_)) => return Err(ClientError::usage(format!("{what} takes no body"))),
        _ => {}
    }
    match &call.query {
        Some(_) if !(e.paged || e.fields || e.op == Op::Exists) => {
            return Err(ClientError::usage(format!("{what} takes no query")))
        }
        Some(q) if !matches!(q, Value::Object(_) | Value::Null) => {
            return Err(ClientError::usage(format!("the query of {what} must be an object, not {}", q.type_name())))
        }
        _ => {}
    }
    Ok(())
}

/// The wire form of a call (no validation: see [`prepare`]).
/// The wire request of `call`, whose query is `query` (from [`query_pairs`]).
pub fn plan(config: &Config, call: &Call<'_>, query: &[(String, String)]) -> Result<WireRequest, ClientError> {
    let e = call.endpoint;
    let mut url = config.base(call.resource.api);
    let mut values = call.path_params.iter();
    for segment in e.path.split('/').filter(|s| !s.is_empty()) {
        url.push('/');
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(name) => {
                let v = values.next().ok_or_else(|| ClientError::usage(format!("no value for {{{name}}}")))?;
                url.extend(utf8_percent_encode(&path_text(name, v)?, SEGMENT));
            }
            None => url.push_str(segment),
        }
    }
    if !query.is_empty() {
        url.push('?');
        url.push_str(&encode(query));
    }
    let mut headers: Vec<(&'static str, String)> = vec![("accept", JSON.to_owned())];
    let body = match &call.body {
        Some(b) if e.body.is_some() => {
            headers.push(("content-type", if e.method == Method::Patch { JSON_PATCH } else { JSON }.to_owned()));
            Some(json_text(b)?)
        }
        _ => None,
    };
    for (h, on) in &call.headers {
        headers.push((h.name, on.to_string()));
    }
    Ok(WireRequest { method: e.method, url, headers, body })
}

/// A path value as text: a string as given, a number without a fraction when integral.
fn path_text(name: &str, v: &Value<'_>) -> Result<String, ClientError> {
    let text = match v {
        Value::String(s) => s.to_string(),
        Value::Number(n) => {
            number_text(*n).ok_or_else(|| ClientError::usage(format!("{name} is not a finite number")))?
        }
        other => {
            return Err(ClientError::usage(format!("{name} must be a number or a string, not {}", other.type_name())))
        }
    };
    // "." and ".." would be removed by URL normalisation even when escaped (WHATWG URL).
    if text.is_empty() || text == "." || text == ".." {
        return Err(ClientError::usage(format!("{name} must not be empty, '.' or '..'")));
    }
    Ok(text)
}

/// The body as JSON text.
fn json_text(v: &Value<'_>) -> Result<String, ClientError> {
    serde_json::to_string(&v.to_json()).map_err(|e| ClientError::usage(format!("the body cannot be sent as JSON: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(json: &'static str) -> Value<'static> {
        Value::parse(json).unwrap()
    }

    fn config() -> Config {
        Config::new().base_url("http://127.0.0.1:9").unwrap().validate(false)
    }

    #[test]
    fn list_builds_the_versioned_url_and_encoded_query() {
        let call = Call::new("sites", Op::List)
            .unwrap()
            .query(v(r#"{"page":1,"pageSize":20,"siteName":"in:Head Office,Depot","sort":["siteName:desc"]}"#));
        let r = prepare(&config(), &call).unwrap();
        assert_eq!(r.method, Method::Get);
        assert_eq!(
            r.url,
            "http://127.0.0.1:9/v1/sites?page=1&pageSize=20&siteName=in%3AHead+Office%2CDepot&sort=siteName%3Adesc"
        );
        assert_eq!(r.headers, vec![("accept", "application/json".to_owned())]);
        assert_eq!(r.body, None);
    }

    #[test]
    fn each_api_gets_its_version_path() {
        let c = Config::new();
        let url =
            |res: &str, op| plan(&c, &Call::new(res, op).unwrap().path(vec![Value::Number(7.0)]), &[]).unwrap().url;
        assert_eq!(
            url("rentalProductCategories", Op::Get),
            "https://rest.elevatebilling.com/v2/rental-product-categories/7"
        );
        assert_eq!(
            url("rentalProductInventories", Op::Delete),
            "https://rest.elevatebilling.com/v2/rental-product-inventories/7"
        );
        let r = plan(
            &c,
            &Call::new("usageRateCardAssignments", Op::Update)
                .unwrap()
                .path(vec![v(r#""SITE""#), Value::Number(3.0)])
                .body(v("[]")),
            &[],
        )
        .unwrap();
        assert_eq!(r.url, "https://rest.elevatebilling.com/v1/usage-rate-card-assignments/SITE/3");
    }

    #[test]
    fn patch_sends_json_patch_with_special_headers() {
        let call = Call::new("sites", Op::Update)
            .unwrap()
            .path(vec![Value::Number(42.0)])
            .body(v(r#"[{"op":"replace","path":"/endDate","value":"2025-01-31"}]"#))
            .header("cascadeEndDate", true)
            .unwrap();
        let r = prepare(&config(), &call).unwrap();
        assert_eq!(r.method, Method::Patch);
        assert_eq!(r.url, "http://127.0.0.1:9/v1/sites/42");
        assert_eq!(
            r.headers,
            vec![
                ("accept", "application/json".to_owned()),
                ("content-type", "application/json-patch+json".to_owned()),
                ("cascade_end_date", "true".to_owned()),
            ]
        );
        assert_eq!(r.body.as_deref(), Some(r#"[{"op":"replace","path":"/endDate","value":"2025-01-31"}]"#));
        // Only the endpoint's own header options exist.
        let e = Call::new("customers", Op::Update).unwrap().header("cascadeEndDate", true).unwrap_err();
        assert!(e.to_string().contains("customers.update has no option \"cascadeEndDate\""), "{e}");
        let call = Call::new("rentalProductInventories", Op::Create)
            .unwrap()
            .header("disableAddingLinkedRentals", false)
            .unwrap();
        let r = plan(&config(), &call.body(v("{}")), &[]).unwrap();
        assert_eq!(r.headers.last(), Some(&("disable_adding_linked_rentals", "false".to_owned())));
        assert_eq!(r.headers[1], ("content-type", "application/json".to_owned()));
    }

    #[test]
    fn path_values_cannot_escape_their_segment() {
        let c = config();
        let url =
            |p: &'static str| plan(&c, &Call::new("sites", Op::Get).unwrap().path(vec![v(p)]), &[]).map(|r| r.url);
        assert_eq!(url(r#""12""#).unwrap(), "http://127.0.0.1:9/v1/sites/12");
        assert_eq!(url(r#""a/b?c#d e""#).unwrap(), "http://127.0.0.1:9/v1/sites/a%2Fb%3Fc%23d%20e");
        for bad in [r#""""#, r#"".""#, r#""..""#, "true", "null", "{}"] {
            assert!(matches!(url(bad), Err(ClientError::Usage { .. })), "{bad}");
        }
    }

    #[test]
    fn shape_errors_fail_even_without_validation() {
        let c = config();
        let err = |call: Call<'_>| prepare(&c, &call).unwrap_err().to_string();
        assert!(err(Call::new("sites", Op::Get).unwrap()).contains("sites.get takes 1 path value(s) (site_id), got 0"));
        assert!(err(Call::new("sites", Op::Update).unwrap().path(vec![Value::Number(1.0)])).contains("needs a body"));
        assert!(err(Call::new("sites", Op::Get).unwrap().path(vec![Value::Number(1.0)]).body(v("{}")))
            .contains("takes no body"));
        assert!(err(Call::new("rentalProductCategories", Op::Delete)
            .unwrap()
            .path(vec![Value::Number(1.0)])
            .query(v("{}")))
        .contains("takes no query"));
        assert!(err(Call::new("sites", Op::List).unwrap().query(v(r#""page=1""#)))
            .contains("must be an object, not string"));
        assert!(Call::new("customers", Op::Delete)
            .unwrap_err()
            .to_string()
            .contains("customers has no delete operation"));
        assert!(Call::new("nope", Op::List).is_err());
    }

    #[test]
    fn bodies_are_sent_as_json_text() {
        let body = v(r#"{"a":1,"b":[1.5,"x"],"c":null}"#);
        let r = plan(&config(), &Call::new("sites", Op::Create).unwrap().body(body), &[]).unwrap();
        assert_eq!(r.body.as_deref(), Some(r#"{"a":1,"b":[1.5,"x"],"c":null}"#));
    }
}
