//! `describe_field`: what a form needs to know about one field before anyone types — is it
//! required, its type, limits, allowed values, pattern, format and the rules that constrain
//! it — read from the model, so a form never restates a rule (or probes for it with
//! deliberately bad input).

use serde_json::{json, Map, Value};

use super::{resolve_pointer, Error, Resolved};
use crate::rules::{choices, integer, items, length, pattern, range, regex_format};
use crate::schema::{Kind, TextFormat};

/// The description of the field `pointer` names in `schema` (`/siteAddress/postcode`).
pub fn describe_field(schema: &str, pointer: &str) -> Result<Value, Error> {
    let at = resolve_pointer(schema, pointer)?;
    let mut d = Map::new();
    d.insert("pointer".into(), pointer.into());
    d.extend(describe_resolved(&at));
    Ok(Value::Object(d))
}

/// The description of what a pointer resolved to (without the pointer): what the JavaScript
/// `describeField` returns is generated from this, field by field.
pub(crate) fn describe_resolved(at: &Resolved) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("type".into(), at.kind.type_name().into());
    d.insert("required".into(), at.required.into());
    if let Some(f) = at.field {
        d.insert("label".into(), f.label_text().into());
        d.insert("readOnly".into(), f.read_only.into());
        if !f.doc.is_empty() {
            d.insert("doc".into(), f.doc.into());
        }
        if let Some(def) = f.default {
            d.insert("default".into(), def.to_json());
        }
    }
    match &at.kind {
        Kind::String(t) => {
            length::describe(t, &mut d);
            if let Some(p) = t.pattern {
                pattern::describe(p, &mut d);
            }
            if let Some(c) = t.choices {
                choices::describe(Some(c.name), json!(c.values), &mut d);
            }
            match t.format {
                Some(TextFormat::Regex) => regex_format::describe(&mut d),
                Some(f) => {
                    d.insert("format".into(), f.name().into());
                }
                None => {}
            }
        }
        Kind::Integer(i) => integer::describe(i, &mut d),
        Kind::Number(n) => range::describe(n.minimum, n.maximum, &mut d),
        Kind::Array(a) => {
            items::describe(a, &mut d);
            d.insert("items".into(), a.items.type_name().into());
        }
        Kind::Object(s) => {
            d.insert("schema".into(), s.name.into());
        }
        Kind::Boolean | Kind::Any => {}
    }
    if let (Some(parent), Some(f)) = (at.parent, at.field) {
        let rules: Vec<Value> = parent
            .rules
            .iter()
            .filter(|r| r.targets().contains(&f.name))
            .map(|r| crate::rules::describe_rule(r).into())
            .collect();
        if !rules.is_empty() {
            d.insert("rules".into(), rules.into());
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_limits_patterns_enums_and_rules_from_the_model() {
        let d = describe_field("Customer", "/sites/0/siteAddress/postcode").unwrap();
        assert_eq!(d["type"], "string");
        assert_eq!(d["required"], true);
        assert_eq!(d["maxLength"], 20);
        assert_eq!(d["pattern"]["name"], "POSTCODE");
        assert_eq!(d["label"], "Postcode");
        let d = describe_field("Site", "/siteContacts/0/contactRole").unwrap();
        assert_eq!(d["allowed"], json!(["ACCOUNTS", "TECHNICAL", "SALES", "GENERAL"]));
        assert_eq!(d["enum"], "ContactRole");
        let d = describe_field("Site", "/siteContacts/0/receiveInvoiceBy").unwrap();
        assert_eq!(d["required"], false);
        assert!(d["rules"][0].as_str().unwrap().contains("contactNameToAppearOnInvoice"), "{d}");
        let d = describe_field("Customer", "/sites/0/customerId").unwrap();
        assert_eq!(d["allowed"], json!([0]));
        let d = describe_field("Site", "/customerId").unwrap();
        assert_eq!(d["minimum"], 1);
        let d = describe_field("Site", "/repaymentPlanAmount").unwrap();
        assert_eq!((d["minimum"].as_f64(), d["maximum"].as_f64()), (Some(1.0), Some(100_000.0)));
        let d = describe_field("Site", "/siteContacts").unwrap();
        assert_eq!((d["type"].as_str(), d["minItems"].as_u64()), (Some("array"), Some(1)));
        assert!(matches!(describe_field("Site", "/nope"), Err(Error::UnknownField { .. })));
        assert!(matches!(describe_field("Nope", ""), Err(Error::UnknownSchema { .. })));
    }
}
