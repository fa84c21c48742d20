//! What the generated modules say, read as text; their behaviour is tested against the engine on
//! generated payloads (tests/js/engine-differential.test.mjs).

use super::*;
use crate::endpoints::FilterKind;

fn validators() -> String {
    modules().into_iter().find(|(n, _)| *n == "validators.js").map(|(_, t)| t).unwrap_or_default()
}

#[test]
fn every_schema_name_has_a_root_entry() {
    let v = validators();
    for e in model::SCHEMAS {
        assert!(v.contains(&format!("[{}, [k", quote(e.name))), "{} has no root", e.name);
    }
    assert!(
        v.contains("export const ROOTS") && v.contains("export function objects()") && v.contains("export const ANY")
    );
}

#[test]
fn bounds_and_rules_come_from_the_model() {
    let v = validators();
    let site = &v[v.find("// Site\n").unwrap_or(0)..];
    let site = &site[..site.find("-1;\n}\n").unwrap_or(site.len())];
    // Required fields are reported after the members, in schema order (decisions R9 rules after).
    assert!(
        site.contains("if (!p2) { c.e(\"siteName\", a2 >= 0 ? a2 : m + 2, \"required\", {}); r2 = true; }"),
        "{site}"
    );
    // The contacts array asks its items for their invoice flag (AtMostOneFlag).
    assert!(site.contains("\"singleInvoiceContact\""), "{site}");
    // siteName: 1..=100 UTF-16 units, then PAT-NAME-CURLY (slot 0).
    assert!(
        v.contains("if (x.length > 100) { c.e(k, mi, \"maxLength\", { limit: 100, actual: x.length }); li = true; }")
    );
    assert!(v.contains("if (c.p(k, mi, 0, x, li)) return;"));
}

#[test]
fn identical_kinds_share_one_function() {
    let v = validators();
    let functions = v.matches("\nfunction k").count();
    let fields: usize = model::all_object_schemas().iter().map(|s| s.fields.len()).sum();
    assert!(functions < fields / 2, "{functions} kind functions for {fields} fields");
}

#[test]
fn tables_carry_limits_patterns_and_templates() {
    let t = modules().into_iter().find(|(n, _)| *n == "tables.js").map(|(_, t)| t).unwrap_or_default();
    assert!(t.contains("\"maxDepth\":256") && t.contains("\"maxValues\":4000000"), "{}", &t[..200.min(t.len())]);
    assert!(t.contains("name: \"PHONE\"") && t.contains("cls: \"[^") && t.contains("whole: \"^(?:"));
    // COUNTRY is [A-Z]{2}: its ASCII masks allow exactly A-Z (65..=90: bits 1..=26 of the third).
    assert!(t.contains("name: \"COUNTRY\", source: \"[A-Z]{2}\", cls: \"[^A-Z]\", ascii: [0,0,134217726,0]"), "{t}");
    let templates = exported(&t, "TEMPLATES");
    let first = templates.as_array().and_then(|a| a.iter().find(|t| t[0] == "minLength")).cloned();
    assert_eq!(
        first,
        Some(serde_json::json!([
            "minLength",
            [["isNumber", "limit", 1.0], ["isNumber", "actual", 0.0]],
            "{field} must not be empty."
        ]))
    );
}

fn module(name: &str) -> String {
    modules().into_iter().find(|(n, _)| *n == name).map(|(_, t)| t).unwrap_or_default()
}

/// The value after `export const {name} = ` up to the end of its line: JSON, or a string of
/// JSON inside `/* @__PURE__ */ JSON.parse(…)` (how large tables are written).
fn exported(text: &str, name: &str) -> Value {
    let start = format!("export const {name} = ");
    let line = text.lines().find_map(|l| l.strip_prefix(start.as_str())).unwrap_or("null;").trim_end_matches(';');
    let line = line.strip_prefix("/* @__PURE__ */ ").unwrap_or(line);
    match line.strip_prefix("JSON.parse(").and_then(|l| l.strip_suffix(')')) {
        Some(quoted) => serde_json::from_str::<String>(quoted)
            .ok()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or(Value::Null),
        None => serde_json::from_str(line).unwrap_or(Value::Null),
    }
}

/// `ENDPOINTS`' entries: key → [record, paged, fields, filters].
fn endpoint_entries(text: &str) -> Vec<(String, Value)> {
    let head = "export const ENDPOINTS = /* @__PURE__ */ new Map([\n";
    let body = &text[text.find(head).map_or(0, |i| i + head.len())..];
    let body = &body[..body.find("\n]);").unwrap_or(0)];
    body.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l.trim().trim_end_matches(',')).ok())
        .filter_map(|v| Some((v[0].as_str()?.to_owned(), v[1].clone())))
        .collect()
}

#[test]
fn endpoints_module_lists_every_endpoint_with_its_filters_in_table_order() {
    let text = module("endpoints.js");
    let entries = endpoint_entries(&text);
    let keys: Vec<String> = crate::endpoints::endpoint_keys().collect();
    assert_eq!(entries.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(), keys);
    let kinds = exported(&text, "FILTER_KINDS");
    let records = exported(&text, "RECORDS");
    for (key, entry) in &entries {
        let (resource, ep) = crate::endpoints::endpoint(key).expect("a key of the table");
        assert_eq!(entry[1], ep.paged, "{key}");
        assert_eq!(entry[2], ep.fields, "{key}");
        let record = &records[entry[0].as_u64().unwrap_or(u64::MAX) as usize];
        let names: Vec<&str> = resource.schema.fields.iter().map(|f| f.name).collect();
        assert_eq!(record[0], serde_json::json!(names), "{key}");
        let filters = entry[3].as_array().cloned().unwrap_or_default();
        assert_eq!(filters.len(), ep.filters.len(), "{key}");
        for (f, g) in ep.filters.iter().zip(&filters) {
            assert_eq!(g[0], f.name);
            assert_eq!(g[2], f.required);
            let kind = &kinds[g[1].as_u64().unwrap_or(u64::MAX) as usize];
            match f.kind {
                FilterKind::Boolean => assert_eq!(kind["values"], serde_json::json!(crate::endpoints::BOOLEAN_VALUES)),
                FilterKind::Enum(values) => assert_eq!(kind["values"], serde_json::json!(values)),
                other => assert_eq!(kind["operators"], serde_json::json!(other.operators()), "{key} {}", f.name),
            }
        }
    }
    // Shared kinds and records are written once.
    let distinct: std::collections::HashSet<String> =
        kinds.as_array().into_iter().flatten().map(|k| k.to_string()).collect();
    assert_eq!(distinct.len(), kinds.as_array().map_or(0, Vec::len));
    assert!(records.as_array().map_or(0, Vec::len) <= crate::endpoints::resources().count());
}

#[test]
fn sort_refuses_exactly_the_fields_the_query_validator_refuses() {
    let text = module("endpoints.js");
    let records = exported(&text, "RECORDS");
    let site = records.as_array().into_iter().flatten().find(|r| r[0][2] == "siteName").cloned().unwrap_or_default();
    let refused: Vec<&str> = site[1]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| site[0][i.as_u64().unwrap_or(0) as usize].as_str())
        .collect();
    // Objects and arrays (api-facts §1.4: SortParam names scalar fields).
    assert_eq!(refused, ["siteAddress", "siteInvoiceDetails", "siteContacts", "assignedCustomFields"]);
    for f in crate::model::customer::SITE.fields {
        assert_eq!(!refused.contains(&f.name), crate::validate::query::sortable(f), "{}", f.name);
    }
}

#[test]
fn query_limits_and_paging_come_from_the_model() {
    let text = module("endpoints.js");
    assert!(text.contains(&format!("export const MAX_QUERY_BYTES = {};", crate::validate::query::MAX_QUERY_BYTES)));
    assert_eq!(
        exported(&text, "PAGING"),
        serde_json::json!([
            ["page", true, "int32"],
            ["pageSize", true, "int32"],
            ["sort", false, null],
            ["fields", false, null]
        ])
    );
    let id = exported(&text, "FILTER_KINDS").as_array().into_iter().flatten().find(|k| k["syntax"] == "id").cloned();
    assert_eq!(id.unwrap_or_default()["format"], "int64");
    assert!(text.contains(&format!(
        "export const DATE_TIME = /* @__PURE__ */ new RegExp({});",
        Value::from(crate::rules::date_time::DATE_TIME_PATTERN)
    )));
    let limits = exported(&module("tables.js"), "LIMITS");
    assert_eq!(limits["maxPatchedValues"], crate::validate::patch::MAX_DOCUMENT_VALUES);
    assert_eq!(limits["maxPatchedDepth"], crate::validate::patch::MAX_DOCUMENT_DEPTH);
    assert_eq!(limits["maxQuotedBytes"], crate::validate::patch::MAX_QUOTED);
}
