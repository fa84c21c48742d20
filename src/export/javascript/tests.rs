//! Unit tests of the predicate generator: what the generated module says, read as text (the
//! behaviour is tested on the built package, tests/js/fast-path.test.mjs).

use super::*;
use crate::schema::{field, int32, string};

fn function_of<'a>(module: &'a str, type_name: &str) -> &'a str {
    let start = module.find(&format!("// {type_name}\n")).unwrap_or_else(|| panic!("no function for {type_name}"));
    let rest = &module[start..];
    &rest[..rest.find("\n}\n").map_or(rest.len(), |e| e + 3)]
}

#[test]
fn every_schema_name_has_a_predicate() {
    let m = module();
    for e in model::SCHEMAS {
        assert!(m.contains(&format!("[{}, ", js_str(e.name))), "{} has no predicate", e.name);
    }
    assert!(m.contains("export function fastValid(name, value)"));
    assert!(m.contains("export function usePatterns(ecma)"));
}

#[test]
fn bounds_come_from_the_model() {
    let m = module();
    let site = function_of(&m, "Site");
    // siteName: PAT-NAME-CURLY, 1..=100 UTF-16 units; customerId int64 >= 1 (decisions R8).
    assert!(site.contains("if (f2 == null || !(L(f2, 1, 100) && P(0, f2))) return;"), "{site}");
    assert!(site.contains("I(f1, 1, M)"), "{site}");
    // The customer's site has customerId 0 only; its sites array holds 1 to 1000.
    assert!(function_of(&m, "CustomerSite").contains("if (f1 == null || !(f1 === 0)) return;"));
    assert!(function_of(&m, "Customer").contains(".length < 1 || f17.length > 1000) return;"));
    // At most one invoice contact: the contact reports its flag, the site counts it.
    assert!(function_of(&m, "ContactDetails").contains("=== true ? 2 : 0"));
    assert!(site.contains("if (!r1 || (r1 & 2 && c0++)) return;"), "{site}");
    assert!(m.contains(&format!("const TRE = new RegExp({});", js_str(DATE_TIME_PATTERN))));
    // No pattern text is copied: wasm prints the ones in force.
    assert!(!m.contains("\\u{"), "a pattern was copied into the module");
    assert!(m.contains("\"GB\",") && !m.contains("\"UK\""));
}

#[test]
fn regex_valued_fields_bail_out() {
    let m = module();
    let usage = function_of(&m, "UsageProduct");
    let fields = crate::model::product::USAGE_PRODUCT.fields;
    let mut regex_fields = 0;
    for (j, f) in fields.iter().enumerate() {
        if let Kind::String(Text { format: Some(TextFormat::Regex), .. }) = f.kind {
            let test =
                if f.required { format!("f{j} == null || !(false)") } else { format!("f{j} != null && !(false)") };
            assert!(usage.contains(&format!("  if ({test}) return;")), "{}: {usage}", f.name);
            regex_fields += 1;
        }
    }
    assert!(regex_fields >= 2, "UsageProduct has productReferenceFormat and serviceIdFormat");
}

static NODE: Schema = Schema {
    name: "Node",
    doc: "A schema that contains itself.",
    source: "test",
    fields: &[
        field("name", string(1, 3).kind()).required(),
        field("count", int32().max(5).kind()),
        field("child", Kind::Object(&NODE)),
    ],
    rules: &[Rule::RequiredIf { field: "count", when: Condition::Present("child") }],
};

#[test]
fn a_cyclic_schema_is_bounded_by_depth_and_rules_are_translated() {
    let m = generate(&[SchemaEntry { name: "Node", api: "test", doc: "", root: Kind::Object(&NODE) }]);
    assert!(m.contains(&format!("if (d > {MAX_DEPTH} || !O(v)) return;")), "{m}");
    assert!(m.contains("if (f2 != null && !(o0(f2, d + 1))) return;"), "{m}");
    assert!(m.contains("if (!(f1 != null) && f2 != null) return;"), "{m}");
    assert!(m.contains("I(f1, -2147483648, 5)"), "{m}");
    assert!(m.contains(&format!("B = {MAX_VALUES};")));
}
