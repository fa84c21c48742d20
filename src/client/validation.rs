//! The one place where a request is validated before it is sent ([`validate_request`]), so
//! that "validate: true" means the same thing for every endpoint and the query and JSON Patch
//! validators plug in at a single spot.
//!
//! Issues use the validator's format (`ValidationIssue`). Body issues point into the body
//! (`/siteName`); query issues name the parameter (`/pageSize`); path issues name the
//! placeholder (`/site_id`). Those namespaces cannot collide: PATCH bodies are arrays (`/0/…`).

use super::error::ClientError;
use super::request::Call;
use crate::validate::{self, Issue, IssueKind, Options, Value};

/// `page` and `pageSize` bounds of list calls (api-facts §1.4, decisions R11).
pub const MAX_PAGE_SIZE: f64 = 1000.0;

/// Schema name of JSON Patch bodies in the endpoint table.
const JSON_PATCH_SCHEMA: &str = "JsonPatch";

/// Values of an `{assignmentLevel}` path placeholder (api-facts §7.1).
pub const ASSIGNMENT_LEVELS: [&str; 3] = ["CUSTOMER", "SITE", "INVENTORY"];

/// Validates `call` with the server's rules; `Err(ClientError::Validation)` lists every
/// issue found. Nothing may be sent when this fails.
pub fn validate_request(call: &Call<'_>) -> Result<(), ClientError> {
    let endpoint = call.endpoint;
    let mut issues = Vec::new();

    for (name, value) in endpoint.path_params().zip(&call.path_params) {
        path_issue(name, value, &mut issues);
    }

    // wired at merge: validate_query + JsonPatch
    // - Query: `validate_query(&call.key(), params)` replaces `paging_issues` (it checks
    //   paging, sort, fields and each filter against this endpoint's table, decisions R11).
    // - Body: the `JsonPatch` schema validates update bodies; until it exists they pass.
    if let (true, Some(query)) = (endpoint.paged, &call.query) {
        paging_issues(query, &mut issues);
    }
    if let (Some(schema), Some(body)) = (endpoint.body, &call.body) {
        if schema != JSON_PATCH_SCHEMA {
            match validate::validate(schema, body, Options::default()) {
                Ok(report) => issues.extend(report.issues),
                Err(e) => {
                    return Err(ClientError::Unvalidatable {
                        endpoint: call.key(),
                        message: format!("its {schema} body cannot be validated: {e}"),
                    })
                }
            }
        }
    }

    if issues.is_empty() {
        Ok(())
    } else {
        Err(ClientError::Validation { endpoint: call.key(), issues })
    }
}

/// Ids in paths are integers >= 1 (decisions R8); `assignmentLevel` is one of the levels.
fn path_issue(name: &str, value: &Value<'_>, issues: &mut Vec<Issue>) {
    let path = format!("/{name}");
    let kind = if name == "assignmentLevel" {
        match value {
            Value::String(s) if ASSIGNMENT_LEVELS.contains(&s.as_ref()) => return,
            _ => IssueKind::Enum { allowed: ASSIGNMENT_LEVELS.iter().map(|l| (*l).into()).collect() },
        }
    } else {
        let n = match value {
            Value::Number(n) => Some(*n),
            Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s.parse::<f64>().ok(),
            _ => None,
        };
        match n {
            None => IssueKind::Type { expected: "integer".into(), actual: value.type_name().into() },
            Some(n) if n.fract() != 0.0 => IssueKind::Type { expected: "integer".into(), actual: "number".into() },
            Some(n) if n < 1.0 => IssueKind::Minimum { limit: 1.0, actual: n },
            Some(n) if n > 9_007_199_254_740_991.0 => IssueKind::Format { format: "int64".into(), reason: None },
            Some(_) => return,
        }
    };
    issues.push(Issue { path, kind });
}

/// `page` >= 1 and 1 <= `pageSize` <= 1000, both required, both integers.
fn paging_issues(query: &Value<'_>, issues: &mut Vec<Issue>) {
    for (name, max) in [("page", None), ("pageSize", Some(MAX_PAGE_SIZE))] {
        let path = format!("/{name}");
        let kind = match query.get(name) {
            None | Some(Value::Null) => IssueKind::required(),
            Some(Value::Number(n)) if n.fract() != 0.0 || !n.is_finite() => {
                IssueKind::Type { expected: "integer".into(), actual: "number".into() }
            }
            Some(Value::Number(n)) if *n < 1.0 => IssueKind::Minimum { limit: 1.0, actual: *n },
            Some(Value::Number(n)) if max.is_some_and(|m| *n > m) => {
                IssueKind::Maximum { limit: max.unwrap_or(MAX_PAGE_SIZE), actual: *n }
            }
            Some(Value::Number(_)) => continue,
            Some(other) => IssueKind::Type { expected: "integer".into(), actual: other.type_name().into() },
        };
        issues.push(Issue { path, kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::Op;

    fn v(json: &'static str) -> Value<'static> {
        Value::parse(json).unwrap()
    }

    fn issues(call: Call<'_>) -> Vec<(String, &'static str)> {
        match validate_request(&call) {
            Ok(()) => Vec::new(),
            Err(ClientError::Validation { issues, .. }) => issues.iter().map(|i| (i.path.clone(), i.code())).collect(),
            Err(e) => panic!("not a validation error: {e:?}"),
        }
    }

    fn pairs(p: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        p.iter().map(|(a, b)| ((*a).to_owned(), *b)).collect()
    }

    #[test]
    fn bodies_are_checked_against_their_schema() {
        let call = Call::new("sites", Op::Create).unwrap().body(v(r#"{"customerId":0,"siteName":"<x>"}"#));
        let found = issues(call);
        assert!(found.contains(&("/customerId".to_owned(), "minimum")), "{found:?}");
        assert!(found.contains(&("/siteName".to_owned(), "pattern")), "{found:?}");
        assert!(found.contains(&("/siteAddress".to_owned(), "required")), "{found:?}");
    }

    #[test]
    fn list_paging_is_bounded() {
        let list = |q| Call::new("sites", Op::List).unwrap().query(v(q));
        assert_eq!(issues(list(r#"{"page":1,"pageSize":1000}"#)), pairs(&[]));
        assert_eq!(issues(list(r#"{"page":0,"pageSize":1001}"#)), pairs(&[("/page", "minimum"), ("/pageSize", "maximum")]));
        assert_eq!(issues(list(r#"{"siteName":"x"}"#)), pairs(&[("/page", "required"), ("/pageSize", "required")]));
        assert_eq!(issues(list(r#"{"page":1.5,"pageSize":"10"}"#)), pairs(&[("/page", "type"), ("/pageSize", "type")]));
    }

    #[test]
    fn path_ids_and_levels_are_checked() {
        let get = |p| Call::new("sites", Op::Get).unwrap().path(vec![v(p)]);
        assert_eq!(issues(get("12")), pairs(&[]));
        assert_eq!(issues(get(r#""12""#)), pairs(&[]));
        assert_eq!(issues(get("0")), pairs(&[("/site_id", "minimum")]));
        assert_eq!(issues(get("1.5")), pairs(&[("/site_id", "type")]));
        assert_eq!(issues(get(r#""../x""#)), pairs(&[("/site_id", "type")]));
        assert_eq!(issues(get("9007199254740993")), pairs(&[("/site_id", "format")]));
        let upd = |level| Call::new("rentalRateOverrides", Op::Update).unwrap().path(vec![v(level), v("3")]).body(v("[]"));
        assert_eq!(issues(upd(r#""SITE""#)), pairs(&[]));
        assert_eq!(issues(upd(r#""site""#)), pairs(&[("/assignmentLevel", "enum")]));
    }

    #[test]
    fn schemas_not_in_this_crate_cannot_be_validated_yet_and_json_patch_passes() {
        let call = Call::new("usageProducts", Op::Create).unwrap().body(v("{}"));
        match validate_request(&call) {
            Err(ClientError::Unvalidatable { endpoint, message }) => {
                assert_eq!(endpoint, "POST /usage-products");
                assert!(message.contains("UsageProduct"), "{message}");
            }
            // After the merge the schema exists and `{}` has issues.
            Err(ClientError::Validation { .. }) => {}
            other => panic!("{other:?}"),
        }
        let call = Call::new("sites", Op::Update).unwrap().path(vec![v("1")]).body(v(r#"[{"op":"replace","path":"/siteName","value":"x"}]"#));
        assert!(validate_request(&call).is_ok());
    }
}
