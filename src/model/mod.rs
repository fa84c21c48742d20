//! The Elevate request bodies, one file per API area, written in the description language of
//! [`crate::validate::schema`]. This is the single source of truth for every constraint:
//! validation, messages, TypeScript types and exported schemas all read these tables.
//!
//! Each table cites its section of `api-facts.md`; rulings on what the docs leave open cite
//! `decisions.md`.

pub mod customer;
pub mod patch;
pub mod query;

use crate::validate::schema::{string, Kind, Schema};
use crate::validate::Pattern;

/// A schema name `validate()` accepts, and the value it describes.
#[derive(Debug)]
pub struct SchemaEntry {
    /// The documentation's schema name (`"Site"`).
    pub name: &'static str,
    /// The API area it belongs to (`"Customer and Sites"`).
    pub api: &'static str,
    /// What a value of this schema must be: usually an object, sometimes an array.
    pub root: Kind,
}

const fn entry(api: &'static str, schema: &'static Schema) -> SchemaEntry {
    SchemaEntry { name: schema.name, api, root: Kind::Object(schema) }
}

/// Every schema `validate()` knows, in documentation order.
pub static SCHEMAS: &[SchemaEntry] = &[
    entry("Customer and Sites", &customer::CUSTOMER),
    entry("Customer and Sites", &customer::SITE),
    entry("Customer and Sites", &customer::ADDRESS),
    entry("Customer and Sites", &customer::CONTACT_DETAILS),
    entry("Customer and Sites", &customer::SITE_INVOICE_DETAILS),
    entry("Customer and Sites", &customer::ASSIGNED_CUSTOM_FIELD),
    // Shared by every API: PATCH bodies (api-facts §1.8) and list paging (api-facts §1.4).
    SchemaEntry { name: "JsonPatch", api: "All", root: Kind::Array(&patch::JSON_PATCH) },
    entry("All", &query::LIST_QUERY),
];

/// The schema called `name`.
pub fn schema(name: &str) -> Option<&'static SchemaEntry> {
    SCHEMAS.iter().find(|s| s.name == name)
}

/// The names of every schema, for error messages and generated types.
pub fn schema_names() -> impl Iterator<Item = &'static str> {
    SCHEMAS.iter().map(|s| s.name)
}

/// Every object schema reachable from the registry (each once), for exports and model tests.
pub fn all_object_schemas() -> Vec<&'static Schema> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::engine::MAX_FIELDS;
    use crate::validate::schema::{Condition, Rule};

    #[test]
    fn schema_names_are_unique() {
        let mut names: Vec<_> = schema_names().collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
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
            }
        }
    }
}
