//! Query strings: the filter mini-language (api-facts §1.5, decisions R11) and its encoding.
//!
//! A filter value is sent as text: an exact value (`Acme`), or one of the prefixed forms
//! `in:a,b`, `like:Acme%`, `lt:2024-01-01`, `gt:…`, `gtn:…`. [`filter_expr`] builds the
//! prefixed forms (the JS `inList`, `like`, `lt`, `gt`, `gtn`). Pairs are encoded with
//! `application/x-www-form-urlencoded` rules, as the docs' curl samples are (`:` → `%3A`,
//! `,` → `%2C`, space → `+`), so `:`, `,` and `%` survive the server's decoding.

use super::error::ClientError;
use crate::validate::Value;

/// A prefixed filter form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterOp {
    /// `in:x,y`: one of several values (String and Id filters).
    In,
    /// `like:xyz`: a pattern (String filters; the docs do not define wildcards, `%` is usual).
    Like,
    /// `lt:…`: before (Date, DateTime).
    Lt,
    /// `gt:…`: after (Date, DateTime).
    Gt,
    /// `gtn:…`: Date filters only; documented without a meaning (api-facts §9 #9).
    Gtn,
}

impl FilterOp {
    /// Every form, in the order the package exports their builders.
    pub const ALL: [FilterOp; 5] = [FilterOp::In, FilterOp::Like, FilterOp::Lt, FilterOp::Gt, FilterOp::Gtn];

    /// The op called `name` (`"in"`, `"like"`, `"lt"`, `"gt"`, `"gtn"`).
    pub fn from_name(name: &str) -> Option<FilterOp> {
        FilterOp::ALL.into_iter().find(|op| op.name() == name)
    }

    /// The prefix without its colon (`"in"` for `in:`), as the endpoint table's filter kinds
    /// list their operators ([`FilterKind::operators`](crate::endpoints::FilterKind::operators)).
    pub fn name(self) -> &'static str {
        match self {
            FilterOp::In => "in",
            FilterOp::Like => "like",
            FilterOp::Lt => "lt",
            FilterOp::Gt => "gt",
            FilterOp::Gtn => "gtn",
        }
    }

    /// The package's function that builds this form (`inList` for `in:`, else the name); a
    /// test holds the hand-written typings' builders to it.
    #[cfg(test)]
    pub fn builder(self) -> &'static str {
        match self {
            FilterOp::In => "inList",
            op => op.name(),
        }
    }
}

pub use crate::endpoints::MAX_IN_VALUES;

/// The filter text for `op` applied to `values` (one value except for `in`). The docs give
/// no escape for `,` inside an `in:` item, so such an item is an error, not a silent split.
pub fn filter_expr(op: FilterOp, values: &[String]) -> Result<String, ClientError> {
    let name = op.name();
    match op {
        FilterOp::In => {
            if values.is_empty() {
                return Err(ClientError::usage("inList needs at least one value"));
            }
            if values.len() > MAX_IN_VALUES {
                return Err(ClientError::usage(format!("inList takes at most {MAX_IN_VALUES} values")));
            }
            if let Some((i, _)) = values.iter().enumerate().find(|(_, v)| v.is_empty() || v.contains(',')) {
                return Err(ClientError::usage(format!(
                    "inList value {i} is empty or contains ',', which the in: form cannot carry (api-facts §1.5)"
                )));
            }
            Ok(format!("in:{}", values.join(",")))
        }
        _ => match values {
            [v] if !v.is_empty() => Ok(format!("{name}:{v}")),
            [_] => Err(ClientError::usage(format!("{name} needs a non-empty value"))),
            _ => Err(ClientError::usage(format!("{name} takes exactly one value"))),
        },
    }
}

/// A number as a query or path value: integers without a fraction (`12`, not `12.0`).
pub fn number_text(n: f64) -> Option<String> {
    if !n.is_finite() {
        return None;
    }
    if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        Some(format!("{}", n as i64))
    } else {
        Some(format!("{n}"))
    }
}

/// A scalar as query text; `None` for `null` (left out of the query).
fn scalar(name: &str, v: &Value<'_>) -> Result<Option<String>, ClientError> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        Value::Number(n) => number_text(*n)
            .map(Some)
            .ok_or_else(|| ClientError::usage(format!("query parameter {name} is not a finite number"))),
        other => Err(ClientError::usage(format!(
            "query parameter {name} must be a string, number or boolean (or an array of them), not {}",
            other.type_name()
        ))),
    }
}

/// Names whose arrays are comma-joined as they are (`sort`, `fields`); an array under any
/// other name is a filter's `in:` list.
const LIST_PARAMS: [&str; 2] = ["sort", "fields"];

/// The `(name, text)` pairs of a query object, in its member order; `null` members are left
/// out. Arrays become `in:` lists (or plain comma lists for `sort` and `fields`).
pub fn query_pairs(query: &Value<'_>) -> Result<Vec<(String, String)>, ClientError> {
    let members = match query {
        Value::Object(m) => m,
        Value::Null => return Ok(Vec::new()),
        other => return Err(ClientError::usage(format!("the query must be an object, not {}", other.type_name()))),
    };
    let mut pairs = Vec::with_capacity(members.len());
    for (name, value) in members {
        let text = match value {
            Value::Array(items) => {
                let mut texts = Vec::with_capacity(items.len());
                for item in items {
                    if let Some(t) = scalar(name, item)? {
                        texts.push(t);
                    }
                }
                if LIST_PARAMS.contains(&name.as_ref()) {
                    Some(texts.join(","))
                } else {
                    Some(filter_expr(FilterOp::In, &texts).map_err(|e| ClientError::usage(format!("{name}: {e}")))?)
                }
            }
            other => scalar(name, other)?,
        };
        if let Some(text) = text {
            pairs.push((name.to_string(), text));
        }
    }
    Ok(pairs)
}

/// `a=1&b=in%3Ax%2Cy`, form-urlencoded as the docs' curl samples are.
pub fn encode(pairs: &[(String, String)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn filter_builders_write_the_documented_forms() {
        assert_eq!(filter_expr(FilterOp::In, &strings(&["a", "b"])).unwrap(), "in:a,b");
        assert_eq!(filter_expr(FilterOp::In, &strings(&["12"])).unwrap(), "in:12");
        assert_eq!(filter_expr(FilterOp::Like, &strings(&["Acme%"])).unwrap(), "like:Acme%");
        assert_eq!(filter_expr(FilterOp::Lt, &strings(&["2024-01-01"])).unwrap(), "lt:2024-01-01");
        assert_eq!(filter_expr(FilterOp::Gt, &strings(&["2024-01-01T00:00:00Z"])).unwrap(), "gt:2024-01-01T00:00:00Z");
        assert_eq!(filter_expr(FilterOp::Gtn, &strings(&["2024-01-01"])).unwrap(), "gtn:2024-01-01");
        for op in ["in", "like", "lt", "gt", "gtn"] {
            assert_eq!(FilterOp::from_name(op).unwrap().name(), op);
        }
        assert!(FilterOp::from_name("ge").is_none());
    }

    /// The filter kinds' operators (what `validateQuery` accepts) are exactly the forms the
    /// builders make: a form listed in one place only would be unbuildable or unaccepted.
    #[test]
    fn every_operator_has_a_builder_and_every_builder_an_operator() {
        use crate::endpoints::FilterKind;
        let kinds = [FilterKind::String, FilterKind::Id, FilterKind::Date, FilterKind::DateTime, FilterKind::Boolean];
        let mut operators: Vec<&str> = kinds.iter().flat_map(|k| k.operators().iter().copied()).collect();
        operators.sort_unstable();
        operators.dedup();
        let mut names: Vec<&str> = FilterOp::ALL.iter().map(|op| op.name()).collect();
        names.sort_unstable();
        assert_eq!(operators, names);
    }

    #[test]
    fn filter_builders_reject_what_the_forms_cannot_carry() {
        assert!(filter_expr(FilterOp::In, &[]).is_err());
        assert!(filter_expr(FilterOp::In, &strings(&["a,b"])).unwrap_err().to_string().contains("','"));
        assert!(filter_expr(FilterOp::In, &strings(&["a", ""])).is_err());
        assert!(filter_expr(FilterOp::In, &vec!["1".to_owned(); MAX_IN_VALUES + 1]).is_err());
        assert!(filter_expr(FilterOp::Like, &strings(&[""])).is_err());
        assert!(filter_expr(FilterOp::Lt, &strings(&["a", "b"])).is_err());
    }

    #[test]
    fn query_objects_become_pairs_in_order() {
        let q = Value::parse(
            r#"{"page":1,"pageSize":50,"sort":["name:desc","id"],"fields":"id,name","customerId":[1,2],
                "siteName":"like:Head%","activeSites":true,"endDate":null,"n":2.5}"#,
        )
        .unwrap();
        let pairs = query_pairs(&q).unwrap();
        let got: Vec<(&str, &str)> = pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            got,
            [
                ("page", "1"),
                ("pageSize", "50"),
                ("sort", "name:desc,id"),
                ("fields", "id,name"),
                ("customerId", "in:1,2"),
                ("siteName", "like:Head%"),
                ("activeSites", "true"),
                ("n", "2.5"),
            ]
        );
        assert!(query_pairs(&Value::parse(r#"{"a":{"b":1}}"#).unwrap()).is_err());
        assert!(query_pairs(&Value::parse(r#"{"a":["x,y"]}"#).unwrap()).is_err());
        assert!(query_pairs(&Value::parse("[1]").unwrap()).is_err());
        assert!(query_pairs(&Value::Null).unwrap().is_empty());
    }

    #[test]
    fn encoding_matches_the_curl_samples_and_round_trips() {
        let pairs = strings(&["name", "in:x,y", "sort", "id,name", "q", "Acme 50% & co=1+2/3?#"]);
        let pairs: Vec<(String, String)> = pairs.chunks(2).map(|c| (c[0].clone(), c[1].clone())).collect();
        let text = encode(&pairs);
        assert_eq!(text, "name=in%3Ax%2Cy&sort=id%2Cname&q=Acme+50%25+%26+co%3D1%2B2%2F3%3F%23");
        let back: Vec<(String, String)> = form_urlencoded::parse(text.as_bytes()).into_owned().collect();
        assert_eq!(back, pairs);
        // Non-ASCII is UTF-8 percent-encoded.
        assert_eq!(encode(&[("n".into(), "Zoë’s".into())]), "n=Zo%C3%AB%E2%80%99s");
    }

    #[test]
    fn numbers_print_like_javascript_for_ids() {
        assert_eq!(number_text(12.0).unwrap(), "12");
        assert_eq!(number_text(-3.0).unwrap(), "-3");
        assert_eq!(number_text(2.5).unwrap(), "2.5");
        assert!(number_text(f64::NAN).is_none());
        assert!(number_text(f64::INFINITY).is_none());
    }
}
