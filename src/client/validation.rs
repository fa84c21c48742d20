//! The one place where a request is validated before it is sent ([`validate_request`]), so
//! that "validate: true" means the same thing for every endpoint and the query and JSON Patch
//! validators plug in at a single spot.
//!
//! Issues use the validator's format (`ValidationIssue`). Body issues point into the body
//! (`/siteName`); query issues name the parameter (`/pageSize`); path issues name the
//! placeholder (`/site_id`). Those namespaces cannot collide: PATCH bodies are arrays (`/0/…`).

use std::borrow::Cow;

use super::error::ClientError;
use super::request::Call;
use crate::endpoints::{path_field, Op};
use crate::schema::MAX_SAFE_INTEGER;
use crate::schema::{Kind, Width};

use crate::validate::{self, query::validate_endpoint_query, Issue, IssueKind, Options, Value};

/// Validates `call` with the server's rules; `Err(ClientError::Validation)` lists every
/// issue found. Nothing may be sent when this fails.
pub fn validate_request(call: &Call<'_>, query: &[(String, String)]) -> Result<(), ClientError> {
    let endpoint = call.endpoint;
    let mut issues = Vec::new();

    for (name, value) in endpoint.path_params().zip(&call.path_params) {
        path_issues(call, name, value, &mut issues);
    }
    // `query` is the query as it will be sent (arrays already turned into `in:` lists), judged
    // by the endpoint's own parameters and mini-languages (decisions R11). List calls need
    // paging even when no query object was given.
    if call.query.is_some() || endpoint.paged {
        let pairs: Vec<(Cow<'_, str>, Value<'_>)> =
            query.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), Value::String(Cow::Borrowed(v.as_str())))).collect();
        match validate_endpoint_query(call.resource, endpoint, &pairs) {
            Ok(report) => issues.extend(report.issues),
            Err(e) => {
                return Err(ClientError::Unvalidatable {
                    endpoint: call.key(),
                    message: format!("its query cannot be validated: {e}"),
                })
            }
        }
    }
    // With the current record, a patch is applied to a copy and the result is validated
    // against the resource's schema (which also checks the operations' shape).
    if let (Some(current), Some(body)) = (&call.current, &call.body) {
        match validate::validate_patch(call.resource.schema.name, current, body, Options::default()) {
            Ok(report) => issues.extend(report.issues),
            Err(e) => {
                return Err(ClientError::Unvalidatable {
                    endpoint: call.key(),
                    message: format!("its patch cannot be validated: {e}"),
                })
            }
        }
    } else if let (Op::Update, Some(body)) = (endpoint.op, &call.body) {
        // Without it, each operation's value is judged as the field its path names (a
        // resource the validator has no schema for gets the operations' shape checked).
        let root = crate::model::schema(call.resource.schema.name).map_or(Kind::Any, |e| e.root);
        match validate::validate_patch_values(root, body, Options::default()) {
            Ok(report) => issues.extend(report.issues),
            Err(e) => {
                return Err(ClientError::Unvalidatable {
                    endpoint: call.key(),
                    message: format!("its patch cannot be validated: {e}"),
                })
            }
        }
    } else if let (Some(schema), Some(body)) = (endpoint.body.map(|b| b.schema_name()), &call.body) {
        // Bodies against their schema; PATCH bodies against `JsonPatch` (api-facts §1.8).
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

    if issues.is_empty() {
        Ok(())
    } else {
        Err(ClientError::Validation { endpoint: call.key(), issues })
    }
}

/// A path value is judged as the record field it stands for, or else as an id: an integer
/// >= 1 that JavaScript holds exactly, as a number or a digit string (decisions R8).
fn path_issues(call: &Call<'_>, name: &str, value: &Value<'_>, issues: &mut Vec<Issue>) {
    let path = format!("/{name}");
    if let Some(field) = path_field(call.resource, name) {
        let report = validate::validate_kind(&field.kind, value, Options::default());
        issues.extend(report.issues.into_iter().map(|i| Issue { path: format!("{path}{}", i.path), ..i }));
        return;
    }
    let n = match value {
        Value::Number(n) => Some(*n),
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s.parse::<f64>().ok(),
        _ => None,
    };
    let kind = match n {
        None => IssueKind::Type { expected: "integer".into(), actual: value.type_name().into() },
        Some(n) if n.fract() != 0.0 => IssueKind::Type { expected: "integer".into(), actual: "number".into() },
        Some(n) if n < 1.0 => IssueKind::Minimum { limit: 1.0, actual: n },
        Some(n) if n > MAX_SAFE_INTEGER => IssueKind::Format { format: Width::Int64.name().into(), reason: None },
        Some(_) => return,
    };
    issues.push(Issue { path, kind });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::Op;

    fn v(json: &'static str) -> Value<'static> {
        Value::parse(json).unwrap()
    }

    fn issues(call: Call<'_>) -> Vec<(String, &'static str)> {
        let query = call.query.as_ref().map(|q| super::super::query::query_pairs(q).unwrap()).unwrap_or_default();
        match validate_request(&call, &query) {
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
    fn queries_are_checked_as_sent() {
        let list = |q| Call::new("sites", Op::List).unwrap().query(v(q));
        assert_eq!(issues(list(r#"{"page":1,"pageSize":1000}"#)), pairs(&[]));
        assert_eq!(
            issues(list(r#"{"page":0,"pageSize":1001}"#)),
            pairs(&[("/page", "minimum"), ("/pageSize", "maximum")])
        );
        assert_eq!(issues(list(r#"{"siteName":"x"}"#)), pairs(&[("/page", "required"), ("/pageSize", "required")]));
        assert_eq!(issues(list(r#"{"page":1.5,"pageSize":"10"}"#)), pairs(&[("/page", "format")]));
        // Filters in their mini-language; arrays become in: lists before they are judged.
        assert_eq!(
            issues(list(r#"{"page":1,"pageSize":10,"createdDate":"lt:2024-02-30T00:00:00Z"}"#)),
            pairs(&[("/createdDate", "format")])
        );
        assert_eq!(
            issues(list(r#"{"page":1,"pageSize":10,"siteName":["a","b"],"sort":["siteName:desc","id"]}"#)),
            pairs(&[])
        );
        assert_eq!(issues(list(r#"{"page":1,"pageSize":10,"nope":"x"}"#)), pairs(&[("/nope", "unknownField")]));
        assert_eq!(
            issues(Call::new("sites", Op::List).unwrap()),
            pairs(&[("/page", "required"), ("/pageSize", "required")])
        );
        let exists = |q| Call::new("sites", Op::Exists).unwrap().query(v(q));
        assert_eq!(issues(exists(r#"{"activeSites":"true"}"#)), pairs(&[]));
        assert_eq!(issues(exists(r#"{"page":1}"#)), pairs(&[("/page", "unknownField")]));
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
        let upd =
            |level| Call::new("rentalRateOverrides", Op::Update).unwrap().path(vec![v(level), v("3")]).body(v("[]"));
        assert_eq!(issues(upd(r#""SITE""#)), pairs(&[]));
        assert_eq!(issues(upd(r#""site""#)), pairs(&[("/assignmentLevel", "enum")]));
    }

    #[test]
    fn every_body_is_checked_including_json_patch() {
        let call = Call::new("usageProducts", Op::Create).unwrap().body(v("{}"));
        assert!(issues(call).contains(&("/name".to_owned(), "required")));
        let patch = |ops| Call::new("sites", Op::Update).unwrap().path(vec![v("1")]).body(v(ops));
        assert_eq!(issues(patch(r#"[{"op":"replace","path":"/siteName","value":"x"}]"#)), pairs(&[]));
        assert_eq!(issues(patch(r#"[{"op":"move","path":"/siteName"}]"#)), pairs(&[("/0/from", "required")]));
        assert_eq!(issues(patch(r#"{"op":"add"}"#)), pairs(&[("", "type")]));
        // Without the current record, each value is judged as the field its path names.
        assert_eq!(
            issues(patch(r#"[{"op":"replace","path":"/siteName","value":""},{"op":"remove","path":"/siteAddress"}]"#)),
            pairs(&[("/0/value", "minLength"), ("/1/path", "required")])
        );
        assert_eq!(
            issues(patch(r#"[{"op":"add","path":"/siteContacts/-","value":{"contactName":"Al"}}]"#)),
            pairs(&[("/0/value/contactRole", "required")])
        );
    }

    #[test]
    fn with_the_current_record_the_patched_result_is_validated() {
        let current = v(r#"{"customerId":12,"siteName":"Head Office","siteReference":"HO","startDate":"2024-01-01",
            "siteAddress":{"address1":"1 High St","town":"London","postcode":"SW1A 1AA","country":"GB"},
            "siteContacts":[{"contactName":"Jane","contactRole":"SALES"}]}"#);
        let patch =
            |ops| Call::new("sites", Op::Update).unwrap().path(vec![v("12")]).body(v(ops)).current(current.clone());
        assert_eq!(issues(patch(r#"[{"op":"add","path":"/endDate","value":"2025-12-31"}]"#)), pairs(&[]));
        assert_eq!(
            issues(patch(r#"[{"op":"add","path":"/endDate","value":"2025-12-32"}]"#)),
            pairs(&[("/endDate", "format")])
        );
        assert_eq!(issues(patch(r#"[{"op":"remove","path":"/nope"}]"#)), pairs(&[("/0/path", "patchTarget")]));
    }
}
