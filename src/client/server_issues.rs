//! The server's complaints about a request, placed at fields: an error body becomes a list of
//! [`ServerIssue`]s with JSON Pointers, so a form can show a 400 or 409 next to the field it is
//! about. The body's schema is not documented (api-facts §1.7, §9 #14), so the shapes such
//! servers send are recognised:
//!
//! - Spring Boot's default error attributes with the binding errors:
//!   `{ status, error, message, path, errors: [{ field, defaultMessage, code, … }] }`;
//! - RFC 9457 problem details with a field list: `errors: [{ pointer: "#/siteName", detail }]`,
//!   `invalid-params: [{ name, reason }]` (RFC 7807's example), `violations`, `fieldErrors`;
//! - `{ errors: [{ field, message }] }`, and a map `{ errors: { siteName: ["…"] } }`;
//! - text: `Validation failed (siteReference: … already exists)` and Spring's exception text
//!   `Field error in object 'site' on field 'siteName': rejected value […]; …; default message […]`.
//!
//! Field names become pointers: a JSON Pointer (also as a `#/…` fragment) as it is, a property
//! path (`siteContacts[0].contactName`, `siteAddress.postcode`) by segments; a leading object
//! name (`site.siteName`) is dropped when the rest names a field of the request's schema.
//! When nothing names a field, the server's message is one issue at `""`.

use serde_json::{Map, Value as J};

use super::error::ErrorBody;
use crate::schema::{Kind, Schema};
use crate::validate::resolve_at;

/// One complaint of the server, at the field it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerIssue {
    /// JSON Pointer of the field (`/siteAddress/postcode`), `""` when none is named.
    pub path: String,
    /// The server's words.
    pub message: String,
    /// The field as the server named it (`siteAddress.postcode`), when it named one.
    pub field: Option<String>,
    /// The server's code for it (`NotBlank`), when it gave one.
    pub code: Option<String>,
}

/// Most issues read from one body (a server may list thousands).
pub const MAX_ISSUES: usize = 200;

/// Keys under which servers list field errors.
const LISTS: &[&str] =
    &["errors", "violations", "fieldErrors", "invalid-params", "invalidParams", "details", "detail", "subErrors"];
/// Keys naming the field of one error, in order of preference.
const FIELD_KEYS: &[&str] = &["pointer", "field", "propertyPath", "property", "path", "param", "name", "loc"];
/// Keys holding the message of one error.
const MESSAGE_KEYS: &[&str] = &["message", "defaultMessage", "detail", "reason", "description", "msg", "title"];
/// Keys holding a body's own message.
const TOP_MESSAGE_KEYS: &[&str] = &["detail", "message", "error_description", "error", "title"];

/// The issues of an error body; `schema` is the request's (or the resource's) schema, to place
/// fields named below an object name.
pub fn server_issues(body: &ErrorBody, schema: Option<&'static Schema>) -> Vec<ServerIssue> {
    let mut raw: Vec<Raw> = Vec::new();
    let mut read = Reader { schema, out: &mut raw };
    match body {
        ErrorBody::Empty => {}
        ErrorBody::Json(v) => read.json(v, 0),
        ErrorBody::Text(t) if t.trim_start().starts_with('<') => {}
        ErrorBody::Text(t) => read.whole_text(t),
    }
    raw.truncate(MAX_ISSUES);
    raw.into_iter()
        .map(|(field, message, code, named)| ServerIssue {
            path: field.as_deref().map_or_else(String::new, |f| pointer_of(f, schema)),
            message,
            field: named.or(field),
            code,
        })
        .collect()
}

fn text<'a>(m: &'a Map<String, J>, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| m.get(*k).and_then(J::as_str)).map(str::trim).filter(|s| !s.is_empty())
}

/// `s` on one line: each run of white space becomes one space (also the error explanation's,
/// response.rs).
pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `(field, message, code)` as read, before the field becomes a pointer; the field as the server
/// wrote it when that differs from where it is (a body that gives both `field` and `pointer`).
type Raw = (Option<String>, String, Option<String>, Option<String>);

/// Collects the issues of one body.
struct Reader<'a> {
    schema: Option<&'static Schema>,
    out: &'a mut Vec<Raw>,
}

impl Reader<'_> {
    fn json(&mut self, v: &J, depth: usize) {
        if depth > 3 {
            return;
        }
        match v {
            J::String(s) => self.whole_text(s),
            J::Array(items) => items.iter().for_each(|i| self.item(i)),
            J::Object(m) => {
                for key in LISTS {
                    match m.get(*key) {
                        Some(J::Array(items)) => items.iter().for_each(|i| self.item(i)),
                        Some(J::Object(fields)) if *key != "detail" => self.field_map(fields),
                        _ => {}
                    }
                }
                if self.out.is_empty() {
                    if let Some(inner @ J::Object(_)) = m.get("error") {
                        self.json(inner, depth + 1);
                    }
                }
                if self.out.is_empty() {
                    // The body's own message may name fields in its text.
                    if let Some(message) = text(m, &["message", "detail"]) {
                        self.text(message);
                    }
                }
                if self.out.is_empty() {
                    if let Some(message) = text(m, TOP_MESSAGE_KEYS) {
                        self.out.push((None, one_line(message), None, None));
                    }
                }
            }
            _ => {}
        }
    }

    /// A text that is the whole complaint: its field errors, else itself at the root.
    fn whole_text(&mut self, t: &str) {
        self.text(t);
        if self.out.is_empty() && !t.trim().is_empty() {
            self.out.push((None, one_line(t), None, None));
        }
    }

    /// One item of an error list.
    fn item(&mut self, v: &J) {
        match v {
            J::String(s) => match field_message(s) {
                Some((f, m)) => self.out.push((Some(f.to_owned()), m.to_owned(), None, None)),
                None if !s.trim().is_empty() => self.out.push((None, one_line(s), None, None)),
                None => {}
            },
            J::Object(m) => {
                let field = FIELD_KEYS.iter().find_map(|k| match m.get(*k) {
                    Some(J::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                    // FastAPI/pydantic: `loc: ["body", "siteContacts", 0, "contactName"]`.
                    Some(J::Array(parts)) if *k == "loc" => {
                        let segs: Vec<String> = parts
                            .iter()
                            .filter_map(|p| p.as_str().map(str::to_owned).or_else(|| p.as_u64().map(|n| n.to_string())))
                            .skip_while(|s| s == "body")
                            .map(|s| s.replace('~', "~0").replace('/', "~1"))
                            .collect();
                        (!segs.is_empty()).then(|| format!("/{}", segs.join("/")))
                    }
                    _ => None,
                });
                let message = text(m, MESSAGE_KEYS);
                let code = text(m, &["code"]).map(str::to_owned);
                let named = text(m, &["field", "propertyPath", "property"]).map(str::to_owned);
                match (field, message) {
                    (f, Some(msg)) => self.out.push((f, one_line(msg), code, named)),
                    (Some(f), None) => {
                        self.out.push((Some(f), "The server did not accept this value.".to_owned(), code, named))
                    }
                    (None, None) => {}
                }
            }
            _ => {}
        }
    }

    /// `{ siteName: ["must not be blank"], … }`.
    fn field_map(&mut self, fields: &Map<String, J>) {
        for (field, v) in fields {
            let messages: Vec<&str> = match v {
                J::String(s) => vec![s.as_str()],
                J::Array(a) => a.iter().filter_map(J::as_str).collect(),
                _ => Vec::new(),
            };
            for m in messages.into_iter().filter(|m| !m.trim().is_empty()) {
                self.out.push((Some(field.clone()), one_line(m), None, None));
            }
        }
    }

    /// Field errors written in a message's text.
    fn text(&mut self, t: &str) {
        // Spring's exception text: `Field error in object 'site' on field 'siteName': rejected
        // value [x]; codes [...]; arguments [...]; default message [must not be blank]`.
        let mut rest = t;
        while let Some(at) = rest.find("on field '") {
            let after = &rest[at + "on field '".len()..];
            let Some(end) = after.find('\'') else { break };
            let field = &after[..end];
            let tail = &after[end..];
            // The field's own default message: the last one before the next field error.
            let until = tail.find("on field '").unwrap_or(tail.len());
            let message = tail[..until].rfind("default message [").and_then(|i| {
                let m = &tail[i + "default message [".len()..];
                let mut depth = 1;
                m.char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '[' => 1,
                            ']' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .map(|(j, _)| &m[..j])
            });
            if let Some(message) = message.filter(|m| !m.trim().is_empty()) {
                self.out.push((Some(field.to_owned()), one_line(message), None, None));
            }
            rest = tail;
        }
        if !self.out.is_empty() {
            return;
        }
        // `Validation failed (siteReference: … already exists; siteName: …)`: a weaker sign, so
        // with a schema every name must be one of its fields.
        let t = t.trim();
        if let (Some(open), true) = (t.find('('), t.ends_with(')')) {
            let inner = &t[open + 1..t.len() - 1];
            let parts: Vec<Option<(&str, &str)>> = inner.split("; ").map(field_message).collect();
            let known =
                |f: &str| self.schema.is_none_or(|s| resolve_at(&Kind::Object(s), &to_cows(&segments(f))).is_ok());
            if parts.iter().all(|p| p.is_some_and(|(f, _)| known(f))) {
                for (f, m) in parts.into_iter().flatten() {
                    self.out.push((Some(f.to_owned()), m.to_owned(), None, None));
                }
            }
        }
    }
}

/// `siteName: must not be blank` → (`siteName`, `must not be blank`), when the part before the
/// colon is a property path.
fn field_message(s: &str) -> Option<(&str, &str)> {
    let (field, message) = s.split_once(": ")?;
    let field = field.trim();
    let path_like = !field.is_empty()
        && field
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$' || c == '/' || c == '#')
        && field.chars().all(|c| c.is_ascii_alphanumeric() || "_$.[]/#~-".contains(c));
    (path_like && !message.trim().is_empty()).then(|| (field, message.trim()))
}

/// The segments a field name gives: a JSON Pointer (or `#/…` fragment) as it is, else a
/// property path (`a.b[0].c`, `$.a.b`).
fn segments(field: &str) -> Vec<String> {
    let f = field.trim();
    if let Some(p) = f.strip_prefix('#').filter(|p| p.starts_with('/')).or_else(|| f.strip_prefix('/').map(|_| f)) {
        return crate::validate::parse_pointer(p).unwrap_or_default().into_iter().map(|s| s.into_owned()).collect();
    }
    let f = f.strip_prefix("$.").unwrap_or(f);
    let mut out = Vec::new();
    for part in f.split('.') {
        let mut name = part;
        let mut indices = Vec::new();
        while let (Some(open), true) = (name.rfind('['), name.ends_with(']')) {
            indices.push(name[open + 1..name.len() - 1].trim_matches(|c| c == '"' || c == '\'').to_owned());
            name = &name[..open];
        }
        if !name.is_empty() {
            out.push(name.to_owned());
        }
        out.extend(indices.into_iter().rev());
    }
    out
}

/// The JSON Pointer of a field the server named.
fn pointer_of(field: &str, schema: Option<&'static Schema>) -> String {
    let segs = segments(field);
    let resolves =
        |s: &[String]| schema.is_some_and(|sc| !s.is_empty() && resolve_at(&Kind::Object(sc), &to_cows(s)).is_ok());
    // A leading object name (`site.siteName`, `createSite.body.siteName`) is dropped when the
    // rest names a field and the whole does not.
    let start = (0..=segs.len().min(2)).find(|&i| resolves(&segs[i..])).unwrap_or(0);
    segs[start..].iter().map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1"))).collect()
}

fn to_cows(s: &[String]) -> Vec<std::borrow::Cow<'_, str>> {
    s.iter().map(|x| std::borrow::Cow::Borrowed(x.as_str())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::customer::SITE;
    use serde_json::json;

    fn issues(body: J) -> Vec<(String, String)> {
        server_issues(&ErrorBody::Json(body), Some(&SITE)).into_iter().map(|i| (i.path, i.message)).collect()
    }

    fn pair(p: &str, m: &str) -> (String, String) {
        (p.to_owned(), m.to_owned())
    }

    #[test]
    fn spring_default_error_attributes_with_binding_errors() {
        let body = json!({
            "timestamp": "2024-05-01T10:00:00.000+00:00", "status": 400, "error": "Bad Request",
            "message": "Validation failed for object='site'. Error count: 2", "path": "/v1/sites",
            "errors": [
                {"codes": ["NotBlank.site.siteName"], "arguments": [], "defaultMessage": "must not be blank",
                 "objectName": "site", "field": "siteName", "rejectedValue": "", "bindingFailure": false, "code": "NotBlank"},
                {"defaultMessage": "size must be between 1 and 20", "field": "siteContacts[0].contactName", "code": "Size"},
                {"defaultMessage": "one of paymentTermsInDays or preferredPaymentDay", "objectName": "site", "code": "AnyOf"}
            ]
        });
        let got = server_issues(&ErrorBody::Json(body), Some(&SITE));
        assert_eq!(
            got[0],
            ServerIssue {
                path: "/siteName".into(),
                message: "must not be blank".into(),
                field: Some("siteName".into()),
                code: Some("NotBlank".into()),
            }
        );
        assert_eq!(
            (got[1].path.as_str(), got[1].message.as_str()),
            ("/siteContacts/0/contactName", "size must be between 1 and 20")
        );
        assert_eq!((got[2].path.as_str(), got[2].field.as_deref()), ("", None));
    }

    #[test]
    fn problem_details_with_field_lists() {
        let body = json!({"type": "https://example.net/validation", "title": "Invalid request", "status": 400,
            "detail": "2 fields are invalid", "errors": [
                {"detail": "must be a positive integer", "pointer": "#/customerId"},
                {"detail": "not a postcode", "pointer": "/siteAddress/postcode"}]});
        assert_eq!(
            issues(body),
            [pair("/customerId", "must be a positive integer"), pair("/siteAddress/postcode", "not a postcode")]
        );
        let rfc7807 = json!({"type": "https://example.net/validation-error", "title": "Your request parameters didn't validate.",
            "invalid-params": [{"name": "age", "reason": "must be a positive integer"}, {"name": "color", "reason": "must be 'green', 'red' or 'blue'"}]});
        assert_eq!(issues(rfc7807)[1], pair("/color", "must be 'green', 'red' or 'blue'"));
        let violations = json!({"title": "Constraint Violation", "status": 400, "violations": [{"field": "site.siteName", "message": "must not be empty"}]});
        assert_eq!(issues(violations), [pair("/siteName", "must not be empty")], "the object name is dropped");
        let plain = json!({"title": "Conflict", "status": 409, "detail": "Site reference HO-1 already exists"});
        assert_eq!(issues(plain), [pair("", "Site reference HO-1 already exists")]);
    }

    #[test]
    fn errors_lists_maps_and_strings() {
        assert_eq!(
            issues(
                json!({"errors": [{"field": "siteReference", "message": "siteReference already exists for this customer"}]})
            ),
            [pair("/siteReference", "siteReference already exists for this customer")]
        );
        assert_eq!(
            issues(json!({"errors": {"siteName": ["must not be blank", "too short"], "siteAddress.town": "required"}})),
            [
                pair("/siteName", "must not be blank"),
                pair("/siteName", "too short"),
                pair("/siteAddress/town", "required")
            ]
        );
        assert_eq!(
            issues(json!({"errors": ["siteName: must not be blank", "Something else"]})),
            [pair("/siteName", "must not be blank"), pair("", "Something else")]
        );
        assert_eq!(
            issues(json!({"detail": [{"loc": ["body", "siteContacts", 1, "contactRole"], "msg": "field required"}]})),
            [pair("/siteContacts/1/contactRole", "field required")]
        );
        assert_eq!(issues(json!({"error": {"message": "Quota exceeded"}})), [pair("", "Quota exceeded")]);
        assert!(issues(json!({})).is_empty());
        assert!(server_issues(&ErrorBody::Empty, None).is_empty());
    }

    #[test]
    fn texts_that_name_fields() {
        let text = |t: &str| server_issues(&ErrorBody::Text(t.into()), Some(&SITE));
        let got = text("Validation failed (siteReference: siteReference already exists for this customer)");
        assert_eq!(
            (got[0].path.as_str(), got[0].message.as_str()),
            ("/siteReference", "siteReference already exists for this customer")
        );
        let two = text("Validation failed (siteName: must not be blank; siteAddress.postcode: not valid)");
        assert_eq!(two.iter().map(|i| i.path.as_str()).collect::<Vec<_>>(), ["/siteName", "/siteAddress/postcode"]);
        let spring = "Validation failed for argument [0] in public Site SiteController.create(Site) with 1 errors: \
            [Field error in object 'site' on field 'siteContacts[0].contactEmailAddress': rejected value [jane@]; \
            codes [Email.site.siteContacts[0].contactEmailAddress,Email]; arguments [org.springframework.context.support.\
            DefaultMessageSourceResolvable: codes [site.siteContacts[0].contactEmailAddress]; arguments []; default message \
            [siteContacts[0].contactEmailAddress],[Ljava.lang.String;@1,.*]; default message [must be a well-formed email address]] ";
        let got = text(spring);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].path.as_str(), got[0].message.as_str()),
            ("/siteContacts/0/contactEmailAddress", "must be a well-formed email address")
        );
        let json_message = issues(json!({"status": 400, "message": "Validation failed (siteName: must not be blank)"}));
        assert_eq!(json_message, [pair("/siteName", "must not be blank")]);
        assert_eq!(
            text("Service down (maintenance: back at 10:00)").len(),
            1,
            "not a field: the whole text at the root"
        );
        assert_eq!(text("Service down (maintenance: back at 10:00)")[0].path, "");
        assert!(text("<html><body>Bad</body></html>").is_empty());
    }

    #[test]
    fn field_names_become_pointers() {
        for (field, pointer) in [
            ("siteName", "/siteName"),
            ("siteContacts[1].contactRole", "/siteContacts/1/contactRole"),
            ("siteContacts.1.contactRole", "/siteContacts/1/contactRole"),
            ("$.siteAddress.postcode", "/siteAddress/postcode"),
            ("site.siteAddress.postcode", "/siteAddress/postcode"),
            ("#/siteAddress/postcode", "/siteAddress/postcode"),
            ("/a~1b", "/a~1b"),
            ("page", "/page"),
            ("matrix[0][1]", "/matrix/0/1"),
        ] {
            assert_eq!(pointer_of(field, Some(&SITE)), pointer, "{field}");
        }
        assert_eq!(pointer_of("site.siteName", None), "/site/siteName", "without a schema, as written");
    }

    #[test]
    fn bounded() {
        let many: Vec<J> = (0..1000).map(|i| json!({"field": format!("f{i}"), "message": "x"})).collect();
        assert_eq!(issues(json!({ "errors": many })).len(), MAX_ISSUES);
    }
}
