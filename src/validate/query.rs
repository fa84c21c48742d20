//! Query strings of list and exists calls, judged against the endpoint table (api-facts
//! §1.4–§1.5, decisions R11).
//!
//! The endpoint decides which parameters exist: its filters ([`crate::endpoints`]), plus the
//! paging parameters of `ListQuery` ([`crate::model::query`]) on list calls, or only
//! `fields` on get-by-id calls; exists (`HEAD`) calls take filters only. `sort` and `fields`
//! must name fields of the resource's schema. Every issue is at `/<parameter>`.

use std::borrow::Cow;
use std::collections::HashSet;

use super::issue::{Issue, IssueKind};
use super::value::Value;
use super::{validate_kind, Error, Options, Report};
use crate::endpoints::{self, Endpoint, Filter, FilterKind, Resource, BOOLEAN_VALUES};
use crate::model::query::LIST_QUERY;
use crate::rules::date::is_date;
use crate::rules::date_time::is_date_time;
use crate::rules::message::{template, Cond, Template};
use crate::schema::{Field, Kind, TextFormat, Width, MAX_SAFE_INTEGER};

/// Sentences for `querySyntax` (`{syntax|syntax}` is what a value of the mini-language looks
/// like, from [`syntax_words`]).
pub const MESSAGES: &[Template] = &[
    template(
        "querySyntax",
        &[Cond::Is("reason", "empty"), Cond::NonEmpty("item")],
        "{field}: nothing follows {item}; write {syntax|syntax}.",
    ),
    template("querySyntax", &[Cond::Is("reason", "empty")], "{field} must not be empty; write {syntax|syntax}."),
    template(
        "querySyntax",
        &[Cond::Is("reason", "emptyItem")],
        "{field} has an empty item (two commas in a row, or one at the start or end).",
    ),
    template(
        "querySyntax",
        &[Cond::Is("reason", "operator"), Cond::Count("allowed", 0)],
        "{field} cannot use {item}; write {syntax|syntax}.",
    ),
    template(
        "querySyntax",
        &[Cond::Is("reason", "operator")],
        "{field} cannot use {item}; it takes {allowed|list} (or a plain value).",
    ),
    template("querySyntax", &[Cond::Is("reason", "operator")], "{field} cannot use {item}; write {syntax|syntax}."),
    template(
        "querySyntax",
        &[Cond::Is("reason", "unknownField")],
        "{field}: {item} is not a field of this resource; use one of: {allowed|list}.",
    ),
    template(
        "querySyntax",
        &[Cond::Is("reason", "notSortable")],
        "{field}: the list cannot be sorted on {item}; use one of: {allowed|list}.",
    ),
    template(
        "querySyntax",
        &[Cond::Is("reason", "direction")],
        "{field}: {item} must be a field name, optionally followed by :desc.",
    ),
    template("querySyntax", &[], "{field}: {item} is not valid; write {syntax|syntax}."),
    template("querySyntax", &[], "{field} is not valid; write {syntax|syntax}."),
    template("querySyntax", &[], "{field} is not in the parameter's documented form."),
];

/// What a value of each query mini-language looks like (api-facts §1.4–§1.5), for messages.
pub fn syntax_words() -> Vec<(&'static str, String)> {
    let after = |kind: FilterKind| endpoints::prefixes_in_words(kind.operators());
    vec![
        ("string", "a text, in:x,y or like:xyz".into()),
        ("id", "an id such as 12, or in:12,13".into()),
        ("date", format!("a date such as 2024-02-29, optionally after {}", after(FilterKind::Date))),
        (
            "date-time",
            format!("a date-time such as 2024-02-29T13:45:00Z, optionally after {}", after(FilterKind::DateTime)),
        ),
        ("sort", "field names separated by commas, each optionally followed by :desc, such as siteName:desc,id".into()),
        ("fields", "field names separated by commas, such as id,siteName".into()),
    ]
}

/// Longest query accepted, in bytes of names and values: far beyond any URL a server takes.
pub const MAX_QUERY_BYTES: usize = 64 * 1024;

/// Validates the query of a call to `endpoint` (`"GET /sites"`, as [`endpoints::endpoint`]
/// reads it) against the endpoint's own parameters and mini-languages (decisions R11); every
/// issue is at `/<parameter>`. `query` is any [`QueryInput`]. An `Err` means the endpoint is
/// unknown or the query exceeds [`MAX_QUERY_BYTES`].
pub fn validate_query(endpoint: &str, query: impl QueryInput) -> Result<Report, Error> {
    let (resource, ep) =
        endpoints::endpoint(endpoint).ok_or_else(|| Error::UnknownEndpoint { key: endpoint.into() })?;
    query.validate_for(resource, ep)
}

/// A query in the form the caller holds it:
///
/// - `&str`: a query string as sent (`page=1&pageSize=50&siteName=like%3AHead`; a leading
///   `?` is allowed; `+` decodes to a space, as the server decodes it);
/// - `&[(name, value)]` of strings (`&str`, `String`, …): decoded pairs, in order;
/// - `&[(Cow<str>, Value)]`: parameters whose values may be of any JSON type (a query object
///   in JavaScript): strings are judged, `null` means "not given", anything else is a `type`
///   issue.
///
/// Sealed: these are the forms the validator reads.
pub trait QueryInput: sealed::QueryInput {}

impl<T: sealed::QueryInput> QueryInput for T {}

pub(crate) mod sealed {
    use super::*;

    pub trait QueryInput {
        /// Validates the query for `ep` of `resource`.
        fn validate_for(self, resource: &Resource, ep: &'static Endpoint) -> Result<Report, Error>;
    }

    impl QueryInput for &str {
        fn validate_for(self, resource: &Resource, ep: &'static Endpoint) -> Result<Report, Error> {
            if self.len() > MAX_QUERY_BYTES {
                return Err(too_large());
            }
            let query = self.strip_prefix('?').unwrap_or(self);
            let pairs: Vec<(Cow<'_, str>, Value<'_>)> =
                form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k, Value::String(v))).collect();
            validate_endpoint_query(resource, ep, &pairs)
        }
    }

    impl QueryInput for &String {
        fn validate_for(self, resource: &Resource, ep: &'static Endpoint) -> Result<Report, Error> {
            self.as_str().validate_for(resource, ep)
        }
    }

    impl<K: AsRef<str>, V: AsRef<str>> QueryInput for &[(K, V)] {
        fn validate_for(self, resource: &Resource, ep: &'static Endpoint) -> Result<Report, Error> {
            let values: Vec<(Cow<'_, str>, Value<'_>)> = self
                .iter()
                .map(|(k, v)| (Cow::Borrowed(k.as_ref()), Value::String(Cow::Borrowed(v.as_ref()))))
                .collect();
            validate_endpoint_query(resource, ep, &values)
        }
    }

    impl<K: AsRef<str>, V: AsRef<str>, const N: usize> QueryInput for &[(K, V); N] {
        fn validate_for(self, resource: &Resource, ep: &'static Endpoint) -> Result<Report, Error> {
            self.as_slice().validate_for(resource, ep)
        }
    }

    impl<K: AsRef<str>, V: AsRef<str>> QueryInput for &Vec<(K, V)> {
        fn validate_for(self, resource: &Resource, ep: &'static Endpoint) -> Result<Report, Error> {
            self.as_slice().validate_for(resource, ep)
        }
    }

    impl QueryInput for &[(Cow<'_, str>, Value<'_>)] {
        fn validate_for(self, resource: &Resource, ep: &'static Endpoint) -> Result<Report, Error> {
            validate_endpoint_query(resource, ep, self)
        }
    }

    impl QueryInput for &Vec<(Cow<'_, str>, Value<'_>)> {
        fn validate_for(self, resource: &Resource, ep: &'static Endpoint) -> Result<Report, Error> {
            validate_endpoint_query(resource, ep, self)
        }
    }
}

/// [`validate_query`] for an endpoint already in hand (the client's calls know theirs).
pub(crate) fn validate_endpoint_query(
    resource: &Resource,
    ep: &'static Endpoint,
    query: &[(Cow<'_, str>, Value<'_>)],
) -> Result<Report, Error> {
    let size: usize = query
        .iter()
        .map(|(k, v)| k.len() + 2 + if let Value::String(s) = v { s.len() } else { 0 })
        .fold(0, usize::saturating_add);
    if size > MAX_QUERY_BYTES {
        return Err(too_large());
    }
    let given = |v: &Value<'_>| !matches!(v, Value::Null);
    let params = accepted(ep);
    // How often each accepted parameter is given, counted once up front (queries can hold
    // thousands of pairs).
    let mut slots: Vec<(Param, usize, bool)> = params.iter().map(|p| (*p, 0, false)).collect();
    for (name, _) in query.iter().filter(|(_, v)| given(v)) {
        if let Some(slot) = slots.iter_mut().find(|s| s.0.name() == name) {
            slot.1 += 1;
        }
    }
    let mut unknown: HashSet<&str> = HashSet::new();
    let mut issues = Vec::new();
    for (name, value) in query.iter().filter(|(_, v)| given(v)) {
        let at = pointer(name);
        let Some((param, count, seen)) = slots.iter_mut().find(|s| s.0.name() == name) else {
            if unknown.insert(name) {
                let allowed = params.iter().map(|p| p.name().to_owned()).collect();
                issues.push(Issue { path: at, kind: IssueKind::UnknownField { allowed: Some(allowed) } });
            }
            continue;
        };
        if std::mem::replace(seen, true) {
            continue;
        }
        // The first value is judged; a repeat is one issue with the count.
        let found = match value {
            Value::String(text) => match *param {
                Param::Paging(field) => paging(field, text, resource, ep)?,
                Param::Filter(filter) => self::filter(filter.kind, text),
            },
            other => Some(IssueKind::Type { expected: "string".into(), actual: other.type_name().into() }),
        };
        issues.extend(found.map(|kind| Issue { path: at.clone(), kind }));
        if *count > 1 {
            issues.push(Issue { path: at, kind: IssueKind::MaxItems { limit: 1, actual: *count as u64 } });
        }
    }
    for (param, count, _) in &slots {
        if param.required(ep) && *count == 0 {
            issues.push(Issue { path: pointer(param.name()), kind: IssueKind::required() });
        }
    }
    Ok(Report::new(issues))
}

fn too_large() -> Error {
    Error::TooLarge { what: "the query (bytes of names and values)", limit: MAX_QUERY_BYTES }
}

/// A parameter an endpoint takes.
#[derive(Clone, Copy)]
enum Param {
    Paging(&'static Field),
    Filter(&'static Filter),
}

impl Param {
    fn name(&self) -> &'static str {
        match self {
            Param::Paging(f) => f.name,
            Param::Filter(f) => f.name,
        }
    }

    fn required(&self, ep: &Endpoint) -> bool {
        match self {
            Param::Paging(f) => ep.paged && f.required,
            Param::Filter(f) => f.required,
        }
    }
}

/// Paging parameters (api-facts §1.4) then filters, in documentation order.
fn accepted(ep: &'static Endpoint) -> Vec<Param> {
    let paging = LIST_QUERY.fields.iter().filter(|f| ep.paged || (ep.fields && f.name == "fields"));
    paging.map(Param::Paging).chain(ep.filters.iter().map(Param::Filter)).collect()
}

/// `s` as one JSON Pointer token.
fn pointer(s: &str) -> String {
    format!("/{}", s.replace('~', "~0").replace('/', "~1"))
}

/// A `ListQuery` parameter: integers through the schema's own bounds, `sort` and `fields`
/// against the resource's fields.
fn paging(field: &'static Field, text: &str, resource: &Resource, ep: &Endpoint) -> Result<Option<IssueKind>, Error> {
    match field.kind {
        Kind::Integer(i) => {
            let width = i.width.name();
            let digits = text.strip_prefix('-').unwrap_or(text);
            let n = match text.parse::<i64>() {
                Ok(n) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => n,
                _ => return Ok(Some(IssueKind::Format { format: width.into(), reason: None })),
            };
            Ok(validate_kind(&field.kind, &Value::Number(n as f64), Options::default())
                .issues
                .into_iter()
                .next()
                .map(|i| i.kind))
        }
        _ => {
            let fields = resource_fields(resource, ep)?;
            Ok(if field.name == "sort" { sort(fields, text) } else { field_list(fields, text) })
        }
    }
}

/// The fields of the resource's records (a request schema or a response-only record).
fn resource_fields(resource: &Resource, _ep: &Endpoint) -> Result<&'static [Field], Error> {
    Ok(resource.schema.fields)
}

fn syntax(syntax: &str, reason: &str, item: Option<&str>, allowed: Option<Vec<String>>) -> IssueKind {
    IssueKind::QuerySyntax { syntax: syntax.into(), reason: reason.into(), item: item.map(Into::into), allowed }
}

/// The issue of an empty list or of an empty item in it (`in:`, `a,,b`, `a,`).
fn list_issue(kind: &str, text: &str, operator: Option<&str>) -> Option<IssueKind> {
    if text.is_empty() {
        return Some(syntax(kind, "empty", operator, None));
    }
    text.split(',').any(str::is_empty).then(|| syntax(kind, "emptyItem", None, None))
}

/// [`list_issue`] of an `in:` list, which also holds at most [`endpoints::MAX_IN_VALUES`] items
/// (what `inList` builds).
fn in_list_issue(kind: &str, rest: &str) -> Option<IssueKind> {
    list_issue(kind, rest, Some("in:")).or_else(|| {
        let items = rest.split(',').count();
        (items > endpoints::MAX_IN_VALUES)
            .then(|| IssueKind::MaxItems { limit: endpoints::MAX_IN_VALUES as u64, actual: items as u64 })
    })
}

/// `name` or `name:desc`, each a field of the resource with a scalar value (SortParam,
/// api-facts §1.4). Objects and arrays have no order.
fn sort(fields: &[Field], text: &str) -> Option<IssueKind> {
    let scalar = |f: &&Field| sortable(f);
    let allowed = || Some(fields.iter().filter(scalar).map(|f| f.name.to_owned()).collect());
    if let Some(issue) = list_issue("sort", text, None) {
        return Some(issue);
    }
    for item in text.split(',') {
        let name = match item.split_once(':') {
            None => item,
            Some((name, "desc")) => name,
            Some(_) => return Some(syntax("sort", "direction", Some(item), None)),
        };
        match fields.iter().find(|f| f.name == name) {
            Some(f) if scalar(&f) => {}
            Some(_) => return Some(syntax("sort", "notSortable", Some(name), allowed())),
            None => return Some(syntax("sort", "unknownField", Some(name), allowed())),
        }
    }
    None
}

/// Whether a list can be sorted on `field`: a scalar (objects and arrays have no order).
pub fn sortable(field: &Field) -> bool {
    !matches!(field.kind, Kind::Object(_) | Kind::Array(_) | Kind::Any)
}

/// Field names of the resource (FieldsParam, api-facts §1.4).
fn field_list(fields: &[Field], text: &str) -> Option<IssueKind> {
    if let Some(issue) = list_issue("fields", text, None) {
        return Some(issue);
    }
    let unknown = text.split(',').find(|i| !fields.iter().any(|f| f.name == *i))?;
    Some(syntax("fields", "unknownField", Some(unknown), Some(fields.iter().map(|f| f.name.to_owned()).collect())))
}

/// `op:rest` when `text` starts with letters and a colon (an operator of api-facts §1.5).
fn operator(text: &str) -> Option<(&str, &str)> {
    let (op, rest) = text.split_once(':')?;
    (!op.is_empty() && op.bytes().all(|b| b.is_ascii_alphabetic())).then_some((op, rest))
}

fn operator_issue(kind: &str, op: &str, allowed: &[&str]) -> Option<IssueKind> {
    let item = format!("{op}:");
    Some(syntax(kind, "operator", Some(&item), Some(allowed.iter().map(|a| format!("{a}:")).collect())))
}

/// A filter value in its mini-language (api-facts §1.5, decisions R11).
fn filter(kind: FilterKind, text: &str) -> Option<IssueKind> {
    match kind {
        // Only `in:` and `like:` are operators; any other text is a literal value.
        FilterKind::String => match operator(text) {
            Some(("in", rest)) => in_list_issue("string", rest),
            Some(("like", "")) => Some(syntax("string", "empty", Some("like:"), None)),
            _ if text.is_empty() => Some(syntax("string", "empty", None, None)),
            _ => None,
        },
        FilterKind::Id => match operator(text) {
            Some(("in", rest)) => in_list_issue("id", rest).or_else(|| rest.split(',').find_map(id)),
            Some((op, _)) => operator_issue("id", op, FilterKind::Id.operators()),
            None if text.is_empty() => Some(syntax("id", "empty", None, None)),
            None => id(text),
        },
        FilterKind::Date => dated(TextFormat::Date.name(), text, kind.operators(), is_date),
        FilterKind::DateTime => dated(TextFormat::DateTime.name(), text, kind.operators(), is_date_time),
        FilterKind::Boolean => one_of(BOOLEAN_VALUES, text),
        FilterKind::Enum(values) => one_of(values, text),
    }
}

/// One id: a non-negative integer JavaScript holds exactly (decisions R8).
fn id(text: &str) -> Option<IssueKind> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(syntax("id", "value", Some(text), None));
    }
    let n: f64 = text.parse().unwrap_or(f64::INFINITY);
    if !(-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&n) {
        return Some(IssueKind::Format { format: Width::Int64.name().into(), reason: None });
    }
    (n < 0.0).then_some(IssueKind::Minimum { limit: 0.0, actual: n })
}

fn dated(kind: &str, text: &str, ops: &[&str], valid: fn(&str) -> bool) -> Option<IssueKind> {
    let (op, rest) = match operator(text) {
        Some((op, rest)) if ops.contains(&op) => (Some(op), rest),
        Some((op, _)) => return operator_issue(kind, op, ops),
        None => (None, text),
    };
    if rest.is_empty() {
        let item = op.map(|o| format!("{o}:"));
        return Some(syntax(kind, "empty", item.as_deref(), None));
    }
    (!valid(rest)).then(|| IssueKind::Format { format: kind.into(), reason: None })
}

fn one_of(values: &[&str], text: &str) -> Option<IssueKind> {
    (!values.contains(&text)).then(|| IssueKind::Enum { allowed: values.iter().map(|v| (*v).into()).collect() })
}
