//! Response interpretation: a [`WireResponse`] becomes a [`Reply`] or an [`ApiError`] with a
//! readable message. The docs do not show the error body (api-facts §1.7, §9 #14), so the
//! message is drawn from the shapes servers commonly send: `message`, `error` (text or
//! object), `errors[]`, `details`, RFC 9457 `title`/`detail`, or plain text.

use serde::de::IgnoredAny;
use serde::Serialize;

use super::error::{
    redact, redact_json, redact_names, redact_values, ApiError, ApiErrorKind, ClientError, ErrorBody,
    CREDENTIAL_HEADERS,
};
use super::options::Secret;
use super::server_issues::{server_issues, ServerIssue};
use super::transport::{WireRequest, WireResponse};
use crate::endpoints::Op;
use crate::schema::Schema;

/// Longest server explanation quoted in a message.
pub const MAX_DETAIL_CHARS: usize = 500;
/// Most `errors[]` items quoted in a message.
const MAX_DETAIL_ITEMS: usize = 10;

/// A successful call's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// 2xx without a body (204, or an empty 200).
    Empty,
    /// 2xx with a body: JSON text, already checked to parse (and, for lists, to be an array).
    Json(String),
    /// The answer of a HEAD exists-check.
    Exists(ExistsResult),
}

/// `{ exists, total }` of a HEAD exists-check: `X-Total-Count` on 200, `{ false, 0 }` on 404.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExistsResult {
    /// Whether any record matches.
    pub exists: bool,
    /// `None` when the 200 carried no readable `X-Total-Count` (the docs show it on
    /// `HEAD /sites` only; cross-origin it must also be in `Access-Control-Expose-Headers`).
    pub total: Option<u64>,
}

/// The call's result or error from its final response.
pub fn interpret(
    request: &WireRequest,
    op: Op,
    response: &WireResponse,
    attempts: u32,
    token: &Secret,
    schema: Option<&'static Schema>,
) -> Result<Reply, ClientError> {
    let status = response.status;
    if op == Op::Exists {
        if (200..300).contains(&status) {
            let total = response.header("x-total-count").and_then(|t| t.trim().parse::<u64>().ok());
            // A 200 that counts zero records still means "none match".
            return Ok(Reply::Exists(ExistsResult { exists: total.is_none_or(|t| t > 0), total }));
        }
        if status == 404 {
            return Ok(Reply::Exists(ExistsResult { exists: false, total: Some(0) }));
        }
    }
    if !(200..300).contains(&status) {
        let ErrorParts { body, detail, issues } = error_parts(&response.body, token, schema);
        let kind = ApiErrorKind::from_status(status);
        let mut message = format!("{} from {} {}", status_line(status), request.method.as_str(), request.url);
        let mut server_message = None;
        if let Some(detail) = detail {
            // Drop a leading status name the message already gives ("Conflict: …").
            let name = reason(status);
            let rest = detail
                .get(name.len()..)
                .filter(|_| !name.is_empty() && detail[..name.len()].eq_ignore_ascii_case(name));
            let detail = match rest {
                Some("") => None,
                Some(r) if r.starts_with(": ") => Some(&r[2..]),
                _ => Some(detail.as_str()),
            };
            server_message = detail.map(str::to_owned);
            if let Some(d) = &server_message {
                message.push_str(": ");
                message.push_str(d);
            }
        }
        let mut e = api_error(request, status, kind, body, (message, server_message), attempts);
        if let ClientError::Api(a) = &mut e {
            a.headers = safe_headers(&response.headers, token);
            a.issues = issues;
        }
        return Err(e);
    }
    if op == Op::Delete {
        // `delete` resolves with nothing (its typing says `void`), whatever body a 2xx carries.
        return Ok(Reply::Empty);
    }
    let invalid = |why: String, body: ErrorBody| {
        let message =
            format!("{status} from {} {} is not a usable response: {why}", request.method.as_str(), request.url);
        Err(api_error(request, status, ApiErrorKind::InvalidResponse, body, (message, None), attempts))
    };
    let text = match std::str::from_utf8(&response.body) {
        Ok(t) => t,
        Err(e) => return invalid(format!("the body is not UTF-8 ({e})"), ErrorBody::Empty),
    };
    if text.trim().is_empty() {
        return if op == Op::List {
            invalid("the body is empty, not a JSON array".into(), ErrorBody::Empty)
        } else {
            Ok(Reply::Empty)
        };
    }
    let checked = if op == Op::List {
        serde_json::from_str::<Vec<IgnoredAny>>(text).map(|_| ())
    } else {
        serde_json::from_str::<IgnoredAny>(text).map(|_| ())
    };
    match checked {
        Ok(()) => Ok(Reply::Json(text.to_owned())),
        Err(e) => {
            let why = if op == Op::List && e.is_data() {
                "the body is not a JSON array".to_owned()
            } else {
                format!("the body is not valid JSON ({e})")
            };
            invalid(why, error_body(&response.body, token))
        }
    }
}

fn api_error(
    req: &WireRequest,
    status: u16,
    kind: ApiErrorKind,
    body: ErrorBody,
    (message, server_message): (String, Option<String>),
    attempts: u32,
) -> ClientError {
    let url = req.url.clone();
    ClientError::Api(Box::new(ApiError {
        status,
        kind,
        method: req.method,
        url,
        body,
        message,
        server_message,
        attempts,
        headers: Vec::new(),
        retry_after: None,
        issues: Vec::new(),
    }))
}

/// The headers an error may carry: lower-case names, no [`CREDENTIAL_HEADERS`], the token
/// redacted from values.
pub fn safe_headers(headers: &[(String, String)], token: &Secret) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v))
        .filter(|(k, _)| !CREDENTIAL_HEADERS.contains(&k.as_str()))
        .map(|(k, v)| (k, redact(v, token).into_owned()))
        .collect()
}

/// What an error response says, the token redacted from all of it.
struct ErrorParts {
    body: ErrorBody,
    /// The server's explanation, on one line and bounded.
    detail: Option<String>,
    issues: Vec<ServerIssue>,
}

/// Reads the explanation and the issues from the body with its strings redacted but its member
/// names as sent (a short token inside "message" must not hide the message), redacts what they
/// quote of member names, then the body's names for the error to keep.
fn error_parts(bytes: &[u8], token: &Secret, schema: Option<&'static Schema>) -> ErrorParts {
    let mut body = parse_body(bytes);
    match &mut body {
        ErrorBody::Json(v) => redact_values(v, token),
        ErrorBody::Text(t) => *t = redact(t, token).into_owned(),
        ErrorBody::Empty => {}
    }
    let text = |s: &str| redact(s, token).into_owned();
    let issues = server_issues(&body, schema)
        .into_iter()
        .map(|i| ServerIssue {
            path: text(&i.path),
            message: text(&i.message),
            field: i.field.as_deref().map(text),
            code: i.code.as_deref().map(text),
        })
        .collect();
    let detail = detail_text(&body).map(|d| text(&d)).and_then(one_line);
    if let ErrorBody::Json(v) = &mut body {
        redact_names(v, token);
    }
    ErrorParts { body, detail, issues }
}

/// The body of an error response: JSON when it parses, else text; the token redacted.
pub fn error_body(bytes: &[u8], token: &Secret) -> ErrorBody {
    redacted(parse_body(bytes), token)
}

/// The body as sent: JSON when it parses, else text.
fn parse_body(bytes: &[u8]) -> ErrorBody {
    let text = String::from_utf8_lossy(bytes);
    if text.trim().is_empty() {
        return ErrorBody::Empty;
    }
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(v) => ErrorBody::Json(v),
        Err(_) => ErrorBody::Text(text.into_owned()),
    }
}

/// `body` with the token redacted from every string and member name.
fn redacted(body: ErrorBody, token: &Secret) -> ErrorBody {
    match body {
        ErrorBody::Json(mut v) => {
            redact_json(&mut v, token);
            ErrorBody::Json(v)
        }
        ErrorBody::Text(t) => ErrorBody::Text(redact(&t, token).into_owned()),
        ErrorBody::Empty => ErrorBody::Empty,
    }
}

/// The server's explanation in an error body, if it gave one (bounded in length).
#[cfg(test)]
pub fn detail_of(body: &ErrorBody) -> Option<String> {
    detail_text(body).and_then(one_line)
}

/// The explanation as the body has it.
fn detail_text(body: &ErrorBody) -> Option<String> {
    match body {
        ErrorBody::Empty => None,
        ErrorBody::Json(v) => json_detail(v),
        // An HTML error page says nothing a message should quote.
        ErrorBody::Text(t) if t.trim_start().starts_with('<') => None,
        ErrorBody::Text(t) => Some(t.clone()),
    }
}

/// `text` on one line and bounded in length, if anything is left of it.
fn one_line(text: String) -> Option<String> {
    // One line: runs of white space (newlines of stack traces, indentation) become one space.
    let text = super::server_issues::one_line(&text);
    if text.is_empty() {
        return None;
    }
    Some(match text.char_indices().nth(MAX_DETAIL_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    })
}

fn text_of(v: Option<&serde_json::Value>) -> Option<&str> {
    v.and_then(|v| v.as_str()).map(str::trim).filter(|s| !s.is_empty())
}

fn json_detail(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value as J;
    match v {
        J::String(s) => Some(s.clone()),
        J::Array(items) => list_detail(items),
        J::Object(m) => {
            let primary = match (text_of(m.get("title")), text_of(m.get("detail"))) {
                (Some(t), Some(d)) if !d.contains(t) => Some(format!("{t}: {d}")),
                (_, Some(d)) => Some(d.to_owned()),
                (t, None) => text_of(m.get("message"))
                    .or_else(|| text_of(m.get("error_description")))
                    .map(str::to_owned)
                    .or_else(|| match m.get("error") {
                        Some(J::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                        Some(e @ J::Object(_)) => json_detail(e),
                        _ => None,
                    })
                    .or_else(|| t.map(str::to_owned)),
            };
            let list = ["errors", "details", "violations", "fieldErrors"].iter().find_map(|k| match m.get(*k) {
                Some(J::Array(items)) => list_detail(items),
                Some(J::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                Some(J::Object(fields)) => field_map_detail(fields),
                _ => None,
            });
            match (primary, list) {
                (Some(p), Some(l)) if !p.contains(&l) => Some(format!("{p} ({l})")),
                (Some(p), _) => Some(p),
                (None, l) => l,
            }
        }
        _ => None,
    }
}

/// `errors: ["a", {field, message}, …]` → `a; field: message; …`.
fn list_detail(items: &[serde_json::Value]) -> Option<String> {
    let mut parts = Vec::new();
    for item in items {
        let part = match item {
            serde_json::Value::String(s) => Some(s.trim().to_owned()),
            serde_json::Value::Object(m) => {
                let msg = ["message", "defaultMessage", "detail", "description", "msg", "reason"]
                    .iter()
                    .find_map(|k| text_of(m.get(*k)));
                let at = ["field", "path", "property", "propertyPath", "param", "pointer", "name"]
                    .iter()
                    .find_map(|k| text_of(m.get(*k)));
                match (at, msg) {
                    (Some(a), Some(t)) => Some(format!("{a}: {t}")),
                    (None, Some(t)) => Some(t.to_owned()),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(p) = part.filter(|p| !p.is_empty()) {
            parts.push(p);
        }
    }
    join_parts(parts)
}

/// `errors: { siteName: ["must not be blank"] }` → `siteName: must not be blank`.
fn field_map_detail(fields: &serde_json::Map<String, serde_json::Value>) -> Option<String> {
    let mut parts = Vec::new();
    for (field, v) in fields {
        let texts: Vec<String> = match v {
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect(),
            _ => Vec::new(),
        };
        if !texts.is_empty() {
            parts.push(format!("{field}: {}", texts.join(", ")));
        }
    }
    join_parts(parts)
}

fn join_parts(parts: Vec<String>) -> Option<String> {
    if parts.is_empty() {
        return None;
    }
    let more = parts.len().saturating_sub(MAX_DETAIL_ITEMS);
    let mut text = parts.into_iter().take(MAX_DETAIL_ITEMS).collect::<Vec<_>>().join("; ");
    if more > 0 {
        text.push_str(&format!("; … and {more} more"));
    }
    Some(text)
}

/// `404 Not Found`, or just the number for statuses without a name here.
pub fn status_line(status: u16) -> String {
    match reason(status) {
        "" => status.to_string(),
        name => format!("{status} {name}"),
    }
}

/// The status's name, as the integration guide lists them (seed:000).
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Not Allowed",
        406 => "Not Acceptable",
        409 => "Conflict",
        412 => "Precondition Failed",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

#[cfg(test)]
#[path = "response_tests.rs"]
mod tests;
