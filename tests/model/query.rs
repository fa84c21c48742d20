//! Query strings (api-facts §1.4–§1.5, decisions R11): which parameters an endpoint takes,
//! and each filter form at its boundaries.

use elevate_billing::{validate_query, Error, Issue, Value as V};
use serde_json::json;
use std::borrow::Cow;

use crate::support::*;

fn issues(endpoint: &str, query: &[(&str, &str)]) -> Vec<Issue> {
    validate_query(endpoint, query).expect("known endpoint").issues
}

fn codes(endpoint: &str, query: &[(&str, &str)]) -> Vec<(String, &'static str)> {
    issues(endpoint, query).into_iter().map(|i| (i.path.clone(), i.code())).collect()
}

const PAGE: [(&str, &str); 2] = [("page", "1"), ("pageSize", "50")];

/// A list query for `GET /sites` with one more parameter.
fn sites(name: &str, value: &str) -> Vec<(String, &'static str)> {
    let mut q = PAGE.to_vec();
    q.push((name, value));
    codes("GET /sites", &q)
}

#[track_caller]
fn passes(name: &str, values: &[&str]) {
    for v in values {
        assert_eq!(sites(name, v), [], "{name}={v}");
    }
}

/// Each value gives exactly one issue at `/name` with this code; returns the last one.
#[track_caller]
fn fails(endpoint: &str, name: &str, values: &[&str], code: &str) -> Issue {
    let mut last = None;
    for v in values {
        let mut q = if endpoint.starts_with("GET /sites") && !endpoint.contains('{') { PAGE.to_vec() } else { vec![] };
        q.push((name, v));
        let found = issues(endpoint, &q);
        assert!(
            found.len() == 1 && found[0].path == format!("/{name}") && found[0].code() == code,
            "{endpoint} {name}={v}: expected /{name} {code}, got:\n{}",
            render(&found)
        );
        last = found.into_iter().next();
    }
    last.unwrap()
}

#[test]
fn paging_is_required_on_lists_and_bounded() {
    assert_eq!(codes("GET /sites", &PAGE), []);
    assert_eq!(codes("GET /sites", &[]), [("/page".to_owned(), "required"), ("/pageSize".to_owned(), "required")]);
    for (page, size) in [("1", "1"), ("1", "1000"), ("2147483647", "10"), ("007", "10")] {
        assert_eq!(codes("GET /sites", &[("page", page), ("pageSize", size)]), [], "{page} {size}");
    }
    let q = |page: &str, size: &str| codes("GET /sites", &[("page", page), ("pageSize", size)]);
    assert_eq!(q("0", "10"), [("/page".to_owned(), "minimum")]);
    assert_eq!(q("-1", "10"), [("/page".to_owned(), "minimum")]);
    assert_eq!(q("1", "0"), [("/pageSize".to_owned(), "minimum")]);
    assert_eq!(q("1", "1001"), [("/pageSize".to_owned(), "maximum")]);
    let i = &issues("GET /sites", &[("page", "1"), ("pageSize", "1001")])[0];
    assert_eq!(i.params(), json!({"limit": 1000.0, "actual": 1001.0}));
    assert_eq!(i.message(), "Page size must be at most 1000.");
    // Not a whole number in int32's range: the int32 format.
    for bad in ["", "1.0", "1e3", "+1", " 1", "one", "2147483648", "99999999999999999999999"] {
        let found = issues("GET /sites", &[("page", bad), ("pageSize", "10")]);
        assert_eq!(found.len(), 1, "{bad:?}");
        assert_eq!((found[0].path.as_str(), found[0].code()), ("/page", "format"), "{bad:?}");
        assert_eq!(found[0].params()["format"], "int32");
    }
}

#[test]
fn exists_calls_take_filters_only() {
    assert_eq!(codes("HEAD /sites", &[]), []);
    assert_eq!(codes("HEAD /sites", &[("siteName", "Head Office"), ("activeSites", "true")]), []);
    for p in ["page", "pageSize", "sort", "fields"] {
        let i = fails("HEAD /sites", p, &["1"], "unknownField");
        let allowed = i.params()["allowed"].clone();
        assert_eq!(allowed[0], "customerId");
        assert!(!allowed.as_array().unwrap().iter().any(|a| a == p), "{allowed}");
    }
    // Filters of the list that the exists call does not document.
    fails("HEAD /sites", "mandateStatus", &["x"], "unknownField");
}

#[test]
fn get_by_id_takes_fields_only_and_create_takes_nothing() {
    assert_eq!(codes("GET /sites/{site_id}", &[("fields", "id,siteName")]), []);
    fails("GET /sites/{site_id}", "page", &["1"], "unknownField");
    let i = fails("POST /sites", "page", &["1"], "unknownField");
    assert_eq!(i.params()["allowed"], json!([]));
    assert_eq!(i.message(), "Page is not accepted here: this call takes no parameters.");
}

#[test]
fn unknown_and_repeated_parameters() {
    let i = fails("GET /sites", "sitename", &["x"], "unknownField");
    assert!(
        i.message().starts_with("sitename is not accepted here; use one of: page, pageSize, sort, fields, customerId"),
        "{}",
        i.message()
    );
    // One value per parameter: the repeat is reported once, with the count; the first value
    // is judged as usual.
    let found = issues(
        "GET /sites",
        &[("page", "1"), ("pageSize", "5"), ("siteName", "a"), ("siteName", "b"), ("siteName", "c")],
    );
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].path.as_str(), found[0].code()), ("/siteName", "maxItems"));
    assert_eq!(found[0].params(), json!({"limit": 1, "actual": 3}));
    let q = [("page", "0"), ("page", "1"), ("pageSize", "5"), ("nope", "1"), ("nope", "2")];
    assert_eq!(
        codes("GET /sites", &q),
        [("/page".to_owned(), "minimum"), ("/page".to_owned(), "maxItems"), ("/nope".to_owned(), "unknownField")]
    );
    // Thousands of pairs stay cheap and give one issue per name.
    let many = "siteName=a&".repeat(5000);
    let r = validate_query("HEAD /sites", &many).unwrap();
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.issues[0].params()["actual"], 5000);
    // Names are escaped as pointer tokens.
    assert_eq!(sites("a/b~c", "1"), [("/a~1b~0c".to_owned(), "unknownField")]);
}

#[test]
fn required_filters() {
    // decisions R11: usageRateCardId is required on GET /usage-rates (its schema is not needed).
    let q = [("page", "1"), ("pageSize", "10")];
    assert_eq!(codes("GET /usage-rates", &q), [("/usageRateCardId".to_owned(), "required")]);
    assert_eq!(codes("GET /usage-rates", &[q[0], q[1], ("usageRateCardId", "12")]), []);
    assert_eq!(codes("GET /usage-rates", &[("usageRateCardId", "12")])[0].1, "required");
}

#[test]
fn string_filters() {
    passes(
        "siteName",
        &["Head Office", "x", "in:a,b", "in:a", "like:Head", "like:%", "a,b", "Unit 5: Leeds", "lt:x", "in:a b, c"],
    );
    for (v, reason, item) in [
        ("", "empty", None),
        ("in:", "empty", Some("in:")),
        ("like:", "empty", Some("like:")),
        ("in:a,,b", "emptyItem", None),
        ("in:,a", "emptyItem", None),
        ("in:a,", "emptyItem", None),
    ] {
        let i = fails("GET /sites", "siteName", &[v], "querySyntax");
        assert_eq!(i.params()["syntax"], "string", "{v}");
        assert_eq!(i.params()["reason"], reason, "{v}");
        assert_eq!(i.params().get("item").and_then(|i| i.as_str()), item, "{v}");
    }
    let i = fails("GET /sites", "siteName", &["like:"], "querySyntax");
    assert_eq!(i.message(), "Site name: nothing follows like:; write a text, in:x,y or like:xyz.");
}

#[test]
fn id_filters() {
    passes("customerId", &["0", "12", "007", "9007199254740991", "in:1,2", "in:5"]);
    let i = fails(
        "GET /sites",
        "customerId",
        &["in:", "in:1,,2", "in:1,", "", "x", "1.5", "+1", "in:1,x", "lt:5", "like:1", "IN:1"],
        "querySyntax",
    );
    assert_eq!(i.params(), json!({"syntax": "id", "reason": "operator", "item": "IN:", "allowed": ["in:"]}));
    let p = |v: &str| {
        let mut q = PAGE.to_vec();
        q.push(("customerId", v));
        issues("GET /sites", &q)[0].params()
    };
    assert_eq!(p("in:"), json!({"syntax": "id", "reason": "empty", "item": "in:"}));
    assert_eq!(p("in:1,,2"), json!({"syntax": "id", "reason": "emptyItem"}));
    assert_eq!(p("in:1,x"), json!({"syntax": "id", "reason": "value", "item": "x"}));
    assert_eq!(p("1.5"), json!({"syntax": "id", "reason": "value", "item": "1.5"}));
    // Negative: below 0; beyond JavaScript's exact integers: int64 (decisions R8).
    fails("GET /sites", "customerId", &["-1", "in:1,-2"], "minimum");
    let i = fails("GET /sites", "customerId", &["9007199254740992", "in:1,99999999999999999999"], "format");
    assert_eq!(i.params()["format"], "int64");
}

#[test]
fn date_filters() {
    passes("mandateCreatedDate", &["2024-02-29", "lt:2024-02-29", "gt:2024-01-01", "gtn:2024-12-31"]);
    let i = fails(
        "GET /sites",
        "mandateCreatedDate",
        &["2024-02-30", "lt:2024-02-30", "gtn:2023-02-29", "2024-2-01", "2024-02-29T00:00:00Z"],
        "format",
    );
    assert_eq!(i.params()["format"], "date");
    let i = fails("GET /sites", "mandateCreatedDate", &["lt:", "gtn:", ""], "querySyntax");
    assert_eq!(i.params(), json!({"syntax": "date", "reason": "empty"}));
    let i =
        fails("GET /sites", "mandateCreatedDate", &["le:2024-01-01", "in:2024-01-01", "LT:2024-01-01"], "querySyntax");
    assert_eq!(
        i.params(),
        json!({"syntax": "date", "reason": "operator", "item": "LT:", "allowed": ["lt:", "gt:", "gtn:"]})
    );
}

#[test]
fn date_time_filters() {
    passes("createdDate", &["2024-02-29T13:45:00Z", "lt:2024-02-29T13:45:00Z", "gt:2024-01-01T00:00:00+01:00"]);
    let i = fails("GET /sites", "createdDate", &["gtn:2024-02-29T13:45:00Z"], "querySyntax");
    assert_eq!(
        i.params(),
        json!({"syntax": "date-time", "reason": "operator", "item": "gtn:", "allowed": ["lt:", "gt:"]})
    );
    assert_eq!(i.message(), "Created date cannot use gtn:; it takes lt:, gt: (or a plain value).");
    let i = fails(
        "GET /sites",
        "createdDate",
        &["2024-02-29", "lt:2024-02-30T00:00:00Z", "2024-02-29T24:00:00Z"],
        "format",
    );
    assert_eq!(i.params()["format"], "date-time");
    fails("GET /sites", "createdDate", &["gt:"], "querySyntax");
}

#[test]
fn boolean_and_enum_filters() {
    assert_eq!(codes("HEAD /sites", &[("activeSites", "false")]), []);
    let i = fails("HEAD /sites", "activeSites", &["TRUE", "1", "yes", ""], "enum");
    assert_eq!(i.params()["allowed"], json!(["true", "false"]));
    let q = [("page", "1"), ("pageSize", "10"), ("entityLevel", "SITE")];
    assert_eq!(codes("GET /custom-field-definitions", &q), []);
    let i = &issues("GET /custom-field-definitions", &[q[0], q[1], ("entityLevel", "site")])[0];
    assert_eq!((i.path.as_str(), i.code()), ("/entityLevel", "enum"));
    assert_eq!(i.params()["allowed"][4], "CUSTOMER");
    // One value only: an enum filter takes no `in:` list (the TS filter type says the same).
    let listed = codes("GET /custom-field-definitions", &[q[0], q[1], ("entityLevel", "in:SITE,CUSTOMER")]);
    assert_eq!(listed, [("/entityLevel".to_owned(), "enum")]);
}

#[test]
fn sort_names_scalar_fields_each_optionally_descending() {
    passes("sort", &["siteName:desc,id", "id", "siteName", "startDate:desc", "createdDate,customerId:desc"]);
    let p = |v: &str| {
        let mut q = PAGE.to_vec();
        q.push(("sort", v));
        let found = issues("GET /sites", &q);
        assert_eq!(found.len(), 1, "{v}");
        assert_eq!((found[0].path.as_str(), found[0].code()), ("/sort", "querySyntax"), "{v}");
        found[0].params()
    };
    let nope = p("nope");
    assert_eq!((nope["reason"].as_str(), nope["item"].as_str()), (Some("unknownField"), Some("nope")));
    let allowed = nope["allowed"].as_array().unwrap();
    assert!(allowed.contains(&json!("siteName")) && allowed.contains(&json!("id")));
    assert!(!allowed.contains(&json!("siteContacts")) && !allowed.contains(&json!("siteAddress")));
    assert_eq!(p("siteName:desc,nope:desc")["item"], "nope");
    assert_eq!(p("siteContacts")["reason"], "notSortable");
    assert_eq!(p("siteName:asc")["reason"], "direction");
    assert_eq!(p("siteName:DESC")["reason"], "direction");
    assert_eq!(p("siteName,,id")["reason"], "emptyItem");
    assert_eq!(p("siteName,")["reason"], "emptyItem");
    assert_eq!(p("")["reason"], "empty");
    // Field names are case-sensitive and nested paths are not fields.
    assert_eq!(p("sitename")["reason"], "unknownField");
    assert_eq!(p("siteAddress.town")["reason"], "unknownField");
    assert_eq!(p(" id")["item"], " id");
}

#[test]
fn fields_names_any_field_of_the_resource() {
    passes("fields", &["id,siteName", "siteContacts", "siteAddress,siteName,siteName"]);
    let mut q = PAGE.to_vec();
    q.push(("fields", "id,nope"));
    let i = &issues("GET /sites", &q)[0];
    assert_eq!((i.path.as_str(), i.code()), ("/fields", "querySyntax"));
    assert_eq!(i.params()["item"], "nope");
    assert!(i.params()["allowed"].as_array().unwrap().contains(&json!("siteContacts")));
    assert!(
        i.message().starts_with("Fields: nope is not a field of this resource; use one of: id, customerId"),
        "{}",
        i.message()
    );
    fails("GET /sites", "fields", &["", "id,", ",id"], "querySyntax");
    // The customer list reads the Customer schema.
    let q = [("page", "1"), ("pageSize", "10"), ("sort", "customerName:desc"), ("fields", "id,sites")];
    assert_eq!(codes("GET /customers", &q), []);
}

#[test]
fn every_defect_at_once_in_query_order_then_missing_ones() {
    let q =
        [("siteName", "in:"), ("nope", "1"), ("pageSize", "1001"), ("customerId", "x"), ("sort", "siteName:desc,id")];
    assert_eq!(
        codes("GET /sites", &q),
        [
            ("/siteName".to_owned(), "querySyntax"),
            ("/nope".to_owned(), "unknownField"),
            ("/pageSize".to_owned(), "maximum"),
            ("/customerId".to_owned(), "querySyntax"),
            ("/page".to_owned(), "required"),
        ]
    );
}

#[test]
fn query_strings_decode_as_the_server_does() {
    let r =
        validate_query("GET /sites", "?page=1&pageSize=1000&sort=siteName%3Adesc%2Cid&siteName=Head+Office").unwrap();
    assert!(r.is_valid(), "{}", render(&r.issues));
    // An unencoded "+" in an offset is a space on the server, so the date-time is wrong.
    let r = validate_query("GET /sites", "page=1&pageSize=10&createdDate=2024-01-01T00:00:00+01:00").unwrap();
    assert_eq!(r.issues.iter().map(|i| (i.path.as_str(), i.code())).collect::<Vec<_>>(), [("/createdDate", "format")]);
    let r = validate_query("GET /sites", "page=1&pageSize=10&createdDate=2024-01-01T00:00:00%2B01:00").unwrap();
    assert!(r.is_valid(), "{}", render(&r.issues));
    let r = validate_query("GET /sites", "page=0&pageSize=1001").unwrap();
    assert_eq!(r.issues.iter().map(|i| i.code()).collect::<Vec<_>>(), ["minimum", "maximum"]);
    assert_eq!(validate_query("HEAD /sites", "").unwrap().issues, []);
}

#[test]
fn typed_values_null_means_absent() {
    let q: Vec<(Cow<'_, str>, V<'_>)> = vec![
        ("page".into(), V::String("1".into())),
        ("pageSize".into(), V::String("10".into())),
        ("siteName".into(), V::Null),
        ("customerId".into(), V::Array(vec![])),
    ];
    let r = validate_query("GET /sites", &q).unwrap();
    assert_eq!(r.issues.len(), 1);
    assert_eq!((r.issues[0].path.as_str(), r.issues[0].code()), ("/customerId", "type"));
    assert_eq!(r.issues[0].params(), json!({"expected": "string", "actual": "array"}));
}

#[test]
fn unknown_endpoints_missing_schemas_and_huge_queries_are_errors() {
    let e = validate_query("GET /site", "").unwrap_err();
    assert!(matches!(e, Error::UnknownEndpoint { .. }));
    let msg = e.to_string();
    assert!(msg.contains("\"GET /site\"") && msg.contains("GET /sites") && msg.contains("HEAD /sites"), "{msg}");
    // sort/fields name the fields of the resource's record, request or response-only.
    let q = [("page", "1"), ("pageSize", "10"), ("usageRateCardId", "1")];
    assert!(validate_query("GET /usage-rates", &[q[0], q[1], q[2], ("sort", "chargeGroupId:desc")])
        .unwrap()
        .is_valid());
    let categories = [("page", "1"), ("pageSize", "10"), ("fields", "id,name")];
    assert!(validate_query("GET /usage-product-categories", &categories).unwrap().is_valid());
    let r =
        validate_query("GET /usage-product-categories", &[categories[0], categories[1], ("sort", "label")]).unwrap();
    assert_eq!(r.issues.len(), 1, "{:?}", r.issues);
    let long = "x".repeat(64 * 1024);
    assert!(matches!(validate_query("HEAD /sites", &[("siteName", &long)]), Err(Error::TooLarge { .. })));
    let fits = "x".repeat(60 * 1024);
    assert!(validate_query("HEAD /sites", &[("siteName", &fits)]).unwrap().is_valid());
    assert!(matches!(validate_query("HEAD /sites", &format!("siteName={long}")), Err(Error::TooLarge { .. })));
}

#[test]
fn list_query_is_a_schema_too() {
    assert_valid("ListQuery", &json!({"page": 1, "pageSize": 1000, "sort": "id"}));
    assert_one("ListQuery", &json!({"page": 1, "pageSize": 1001}), "/pageSize", "maximum");
    assert_one("ListQuery", &json!({"pageSize": 10}), "/page", "required");
}

/// Every form of query (`QueryInput`) gives the same report.
#[test]
fn every_query_form_gives_the_same_report() {
    let pairs = [("page", "0"), ("pageSize", "10"), ("siteName", "like:Head Office"), ("nope", "1")];
    let expected = validate_query("GET /sites", &pairs).unwrap();
    assert_eq!(expected.issues.len(), 2);
    let owned: Vec<(String, String)> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    let typed: Vec<(Cow<'_, str>, V<'_>)> =
        pairs.iter().map(|(k, v)| (Cow::Borrowed(*k), V::String(Cow::Borrowed(*v)))).collect();
    let text = "?page=0&pageSize=10&siteName=like%3AHead+Office&nope=1".to_owned();
    assert_eq!(validate_query("GET /sites", pairs.as_slice()).unwrap(), expected);
    assert_eq!(validate_query("GET /sites", &owned).unwrap(), expected);
    assert_eq!(validate_query("GET /sites", &typed).unwrap(), expected);
    assert_eq!(validate_query("GET /sites", typed.as_slice()).unwrap(), expected);
    assert_eq!(validate_query("GET /sites", text.as_str()).unwrap(), expected);
    assert_eq!(validate_query("GET /sites", &text).unwrap(), expected);
}
