//! What the generated modules say, read as text; their behaviour is tested against the engine on
//! generated payloads (tests/js/engine-differential.test.mjs).

use super::*;

fn validators() -> String {
    modules().into_iter().find(|(n, _)| *n == "validators.js").map(|(_, t)| t).unwrap_or_default()
}

#[test]
fn every_schema_name_has_a_root_entry() {
    let v = validators();
    for e in model::SCHEMAS {
        assert!(v.contains(&format!("[{}, [k", quote(e.name))), "{} has no root", e.name);
    }
    assert!(v.contains("export const ROOTS") && v.contains("export const OBJECTS") && v.contains("export const ANY"));
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
    assert!(t.contains("name: \"PHONE\"") && t.contains("whole: new RegExp("));
    assert!(t.contains(
        "[\"minLength\",[[\"isNumber\",\"limit\",1.0],[\"isNumber\",\"actual\",0.0]],\"{field} must not be empty.\"]"
    ));
}
