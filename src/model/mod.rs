//! The Elevate request bodies, one file per API area, written in the description language of
//! [`crate::schema`]. This is the single source of truth for every constraint:
//! validation, messages, TypeScript types and exported schemas all read these tables.
//!
//! Each table cites its section of `api-facts.md`; rulings on what the docs leave open cite
//! `decisions.md`.

pub(crate) mod admin;
pub(crate) mod assignment;
pub(crate) mod customer;
pub(crate) mod inclusive;
pub(crate) mod inventory;
pub(crate) mod patch;
pub(crate) mod pricing;
pub(crate) mod product;
pub(crate) mod query;

use crate::schema::Pattern;
use crate::schema::{int32, string, Array, Kind, Schema};

/// A schema name `validate()` accepts, and the value it describes.
#[derive(Debug)]
pub struct SchemaEntry {
    /// The documentation's schema name (`"Site"`).
    pub name: &'static str,
    /// What the value is, in one line (the object schema's `doc`; written here for array
    /// roots, which have no schema of their own), for the exported schemas.
    pub doc: &'static str,
    /// What a value of this schema must be: usually an object, sometimes an array.
    pub root: Kind,
}

const fn entry(schema: &'static Schema) -> SchemaEntry {
    SchemaEntry { name: schema.name, doc: schema.doc, root: Kind::Object(schema) }
}

/// Every schema `validate()` knows, in documentation order.
pub static SCHEMAS: &[SchemaEntry] = &[
    entry(&customer::CUSTOMER),
    entry(&customer::SITE),
    entry(&customer::ADDRESS),
    entry(&customer::CONTACT_DETAILS),
    entry(&customer::SITE_INVOICE_DETAILS),
    entry(&customer::ASSIGNED_CUSTOM_FIELD),
    entry(&product::USAGE_PRODUCT),
    entry(&product::RENTAL_PRODUCT),
    entry(&product::RENTAL_PRODUCT_CATEGORY),
    entry(&product::CUSTOM_FIELD),
    entry(&inventory::USAGE_PRODUCT_INVENTORY),
    entry(&inventory::USAGE_PRODUCT_REFERENCE),
    entry(&inventory::RENTAL_PRODUCT_INVENTORY),
    entry(&inventory::ADHOC_INVENTORY),
    entry(&pricing::USAGE_RATE_CARD),
    entry(&pricing::USAGE_RATE),
    entry(&pricing::RENTAL_RATE_CARD),
    entry(&pricing::RENTAL_RATE),
    entry(&inclusive::INCLUSIVE_USAGE_PLAN),
    entry(&inclusive::INCLUSIVE_USAGE),
    entry(&inclusive::INCLUSIVE_USAGE_BOLT_ON_CHARGE),
    entry(&pricing::RENTAL_DISCOUNT_PLAN),
    entry(&pricing::RENTAL_DISCOUNT_PLAN_RULE),
    entry(&assignment::USAGE_RATE_CARD_ASSIGNMENT),
    entry(&assignment::RENTAL_RATE_CARD_ASSIGNMENT),
    entry(&assignment::INCLUSIVE_USAGE_PLAN_ASSIGNMENT),
    entry(&assignment::RENTAL_DISCOUNT_PLAN_ASSIGNMENT),
    entry(&assignment::USAGE_RATE_OVERRIDE),
    entry(&assignment::RENTAL_RATE_OVERRIDE),
    entry(&assignment::BUY_RENTAL_RATE_OVERRIDE),
    entry(&admin::CUSTOM_FIELD_DEFINITION),
    // Shared by every API: PATCH bodies (api-facts §1.8) and list paging (api-facts §1.4).
    SchemaEntry {
        name: "JsonPatch",
        doc: "A JSON Patch document (RFC 6902): operations applied in order; the body of every PATCH endpoint.",
        root: Kind::Array(&patch::JSON_PATCH),
    },
    entry(&query::LIST_QUERY),
];

/// Records the API only returns (list items the client types), never request bodies: they
/// are not validatable by name, so they are kept out of [`SCHEMAS`].
pub static RESPONSE_SCHEMAS: &[&Schema] = &[
    &product::USAGE_PRODUCT_CATEGORY,
    &product::USAGE_PRODUCT_SUPPLIER,
    &product::PRODUCT_CUSTOM_FIELD,
    &inclusive::INCLUSIVE_USAGE_BALANCE,
];

/// The schema called `name`.
pub fn schema(name: &str) -> Option<&'static SchemaEntry> {
    SCHEMAS.iter().find(|s| s.name == name)
}

/// The names of every schema, for error messages and generated types.
pub fn schema_names() -> impl Iterator<Item = &'static str> {
    SCHEMAS.iter().map(|s| s.name)
}

/// The object schema of a resource's records (`Resource::schema`), request body or
/// response-only, so the client can type what a list returns.
pub fn record_schema(name: &str) -> Option<&'static Schema> {
    let request = SCHEMAS.iter().find_map(|e| match e.root {
        Kind::Object(s) if s.name == name => Some(s),
        _ => None,
    });
    request.or_else(|| RESPONSE_SCHEMAS.iter().copied().find(|s| s.name == name))
}

/// Every object schema reachable from the registry and the response records (each once),
/// for exports and model tests.
pub(crate) fn all_object_schemas() -> Vec<&'static Schema> {
    fn visit(kind: &Kind, out: &mut Vec<&'static Schema>) {
        match kind {
            Kind::Object(s) => {
                if out.iter().any(|o| std::ptr::eq(*o, *s)) {
                    return;
                }
                out.push(s);
                for f in s.fields {
                    visit(&f.kind, out);
                }
            }
            Kind::Array(a) => visit(&a.items, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for e in SCHEMAS {
        visit(&e.root, &mut out);
    }
    for s in RESPONSE_SCHEMAS {
        visit(&Kind::Object(s), &mut out);
    }
    out
}

/// Every field name of the model with its label ([`crate::schema::Field::label_text`]), each
/// name once, in the order fields are first met. A field name means the same thing wherever
/// it appears, so messages can name a field from an issue's path alone (a test checks that
/// no name has two labels).
pub(crate) fn field_labels() -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for s in all_object_schemas() {
        for f in s.fields {
            if !out.iter().any(|(n, _)| *n == f.name) {
                out.push((f.name, f.label_text()));
            }
        }
    }
    out
}

/// A name or free-text field: PAT-NAME-CURLY with the given length (api-facts §2).
pub(crate) const fn name(min: u32, max: u32) -> Kind {
    string(min, max).pattern(Pattern::NameCurly).kind()
}

/// An `EmailAddress`: PAT-EMAIL, at most 255 characters (api-facts §2, decisions R4).
pub(crate) const fn email() -> Kind {
    string(0, 255).pattern(Pattern::Email).kind()
}

/// A telephone number or inventory reference: PAT-PHONE with the given length. Both apply,
/// so `""` fails the length when `min > 0` although the pattern allows it (decisions R6).
pub(crate) const fn phone(min: u32, max: u32) -> Kind {
    string(min, max).pattern(Pattern::Phone).kind()
}

/// A nominal (ledger) code: PAT-NOMINAL with the given length. Pages showing PAT-NOMINAL-DBL
/// get PAT-NOMINAL too (api-facts §2, decisions R6).
pub(crate) const fn nominal_code(min: u32, max: u32) -> Kind {
    string(min, max).pattern(Pattern::Nominal).kind()
}

/// `Array of integers(int32)`: contract owner and supplier account id lists (api-facts §4.4, §6.2).
pub(crate) static INT32_IDS: Array = Array { items: Kind::Integer(int32()), min_items: 0, max_items: None };

/// A `non-empty` `Array of integers(int32)` (RentalProductCategory.contractOwnerIds, api-facts §4.4).
pub(crate) static INT32_IDS_NON_EMPTY: Array = Array { items: Kind::Integer(int32()), min_items: 1, max_items: None };

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::MAX_FIELDS;
    use crate::schema::{Condition, Literal, Rule};

    #[test]
    fn schema_names_are_unique() {
        let mut names: Vec<_> = schema_names().collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn response_schemas_are_not_validatable_and_do_not_shadow_request_schemas() {
        for s in RESPONSE_SCHEMAS {
            assert!(schema(s.name).is_none(), "{} is both a request and a response schema", s.name);
            assert!(all_object_schemas().iter().any(|o| std::ptr::eq(*o, *s)), "{} unreachable", s.name);
        }
    }

    #[test]
    fn every_schema_is_well_formed() {
        for s in all_object_schemas() {
            assert!(s.fields.len() <= MAX_FIELDS, "{} has too many fields", s.name);
            let mut names: Vec<_> = s.fields.iter().map(|f| f.name).collect();
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(names.len(), n, "{} repeats a field", s.name);
            assert!(!s.source.is_empty() && !s.doc.is_empty(), "{} lacks doc or source", s.name);
            for f in s.fields {
                assert!(!f.doc.is_empty(), "{}.{} has no doc", s.name, f.name);
                assert!(!(f.required && f.read_only), "{}.{} is required and read-only", s.name, f.name);
            }
            // Every rule names fields of its own schema.
            for r in s.rules {
                let named: Vec<&str> = match *r {
                    Rule::RequiredIf { field, when } => vec![field, when.field()],
                    Rule::AnyOf { fields } => fields.to_vec(),
                    Rule::EqualsIf { field, when, .. } => vec![field, when.field()],
                    Rule::AtMostOneFlag { array, .. } => vec![array],
                };
                for n in named {
                    assert!(s.field(n).is_some(), "rule of {} names unknown field {n}", s.name);
                }
                if let Rule::RequiredIf { when: Condition::OneOf(_, v), .. } = r {
                    assert!(!v.is_empty());
                }
                // A condition or expected value can actually occur: a string is one of the
                // field's enum values, a boolean compares a boolean field.
                let when = match *r {
                    Rule::RequiredIf { when, .. } | Rule::EqualsIf { when, .. } => Some(when),
                    _ => None,
                };
                if let Some(when) = when {
                    let kind = s.field(when.field()).map(|f| f.kind);
                    match when {
                        Condition::Equals(_, lit) => assert!(literal_fits(lit, kind), "{}: {when:?}", s.name),
                        Condition::OneOf(_, values) => {
                            for v in values {
                                assert!(literal_fits(Literal::Str(v), kind), "{}: {when:?}", s.name);
                            }
                        }
                        Condition::Present(_) => {}
                    }
                }
                if let Rule::EqualsIf { field, value, .. } = *r {
                    assert!(literal_fits(value, s.field(field).map(|f| f.kind)), "{}: {r:?}", s.name);
                }
            }
        }
    }

    fn literal_fits(lit: Literal, kind: Option<Kind>) -> bool {
        match (lit, kind) {
            (Literal::Bool(_), Some(Kind::Boolean)) => true,
            (Literal::Int(_), Some(Kind::Integer(_))) => true,
            (Literal::Str(v), Some(Kind::String(t))) => t.choices.is_none_or(|c| c.values.contains(&v)),
            _ => false,
        }
    }

    /// Labels are what a person filling in a form reads before "is required": short, in
    /// sentence case, words only; and one per field name (messages find them by name).
    #[test]
    fn every_label_is_short_human_and_one_per_name() {
        let mut bad = Vec::new();
        for s in all_object_schemas() {
            for f in s.fields {
                let label = f.label_text();
                let words = label.split(' ').count();
                let first = label.chars().next().unwrap_or(' ');
                let camel = label.split(' ').any(|w| {
                    let upper_inside = w.chars().skip(1).any(|c| c.is_ascii_uppercase());
                    upper_inside && !(w.chars().all(|c| c.is_ascii_uppercase() || c == 's'))
                });
                let words_only = label.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
                if label.len() > 32 || words > 5 || !first.is_uppercase() || camel || !words_only {
                    bad.push(format!("{}.{}: {label:?}", s.name, f.name));
                }
                let same = field_labels().into_iter().find(|(n, _)| *n == f.name).map(|(_, l)| l);
                if same.as_deref() != Some(label.as_str()) {
                    bad.push(format!("{}.{}: {label:?} but elsewhere {same:?}", s.name, f.name));
                }
            }
        }
        assert!(bad.is_empty(), "labels to fix (add .label(..) in the model):\n{}", bad.join("\n"));
    }

    #[test]
    fn enum_values_are_unique_and_non_empty() {
        for s in all_object_schemas() {
            for f in s.fields {
                let text = match f.kind {
                    Kind::String(t) => Some(t),
                    Kind::Array(a) => match a.items {
                        Kind::String(t) => Some(t),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(c) = text.and_then(|t| t.choices) {
                    let mut v = c.values.to_vec();
                    v.sort_unstable();
                    v.dedup();
                    assert!(!v.is_empty() && v.len() == c.values.len(), "{} of {}.{}", c.name, s.name, f.name);
                    assert!(!c.name.is_empty());
                }
            }
        }
    }
}
