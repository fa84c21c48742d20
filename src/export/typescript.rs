//! TypeScript declarations generated from the model tables, so the package's types can never
//! drift from what the validator enforces. Written to `types.d.ts` in the package by
//! `src/bin/codegen.rs` during `npm run build`.
//!
//! Each interface field carries its constraints in its JSDoc (length, pattern, range, format),
//! so an editor shows the server's rules where a form is written.

use std::fmt::Write;

use crate::model::{self, SchemaEntry};
use crate::schema::PATTERNS;
use crate::schema::{Choices, Field, Kind, Schema, TextFormat, Width};
use crate::validate::{IssueKind, When, ISSUE_CODES};
use ts_rs::TS;

/// The whole `types.d.ts`: model interfaces, enums, and the validator's API types.
pub fn declarations() -> String {
    let mut out = String::new();
    out.push_str("// Generated from the Rust model by `elevate-codegen dts`. Do not edit.\n\n");
    api_types(&mut out);
    let schemas = model::all_object_schemas();
    let mut enums: Vec<&'static Choices> = Vec::new();
    for s in &schemas {
        for f in s.fields {
            collect_enums(&f.kind, &mut enums);
        }
    }
    for e in &enums {
        let values: Vec<String> = e.values.iter().map(|v| quote(v)).collect();
        let _ = writeln!(
            out,
            "/** Values of the API's `{}` enum. */\nexport type {} = {};\n",
            e.name,
            e.name,
            values.join(" | ")
        );
    }
    // Two schemas can share a name (a customer's `Site` has customerId 0): each gets its own
    // interface, named as in the JSON Schema export (`CustomerSite`).
    for s in &schemas {
        interface(&mut out, s);
    }
    for s in &schemas {
        record_interface(&mut out, s);
    }
    schema_types(&mut out, model::SCHEMAS);
    pointer_types(&mut out, model::SCHEMAS);
    out
}

/// The vocabulary of the validators' results, derived from the Rust types that produce it:
/// issue codes with their params ([`IssueKind`], through ts-rs), the names params take, the
/// endpoint keys and pattern names. The hand-written API around them (`ValidationIssue`,
/// `validate`'s options and results…) is in `src/js/validation.d.ts`.
fn api_types(out: &mut String) {
    out.push_str("/** A stable machine code of a validation issue. */\nexport type IssueCode =\n");
    for (code, doc) in ISSUE_CODES {
        let _ = writeln!(out, "  /** {doc} */\n  | {}", quote(code));
    }
    out.push_str(";\n\n");
    let _ = writeln!(
        out,
        "/** A JSON type name, as `type` issues and `describeField` say it. */\nexport type JsonTypeName = {};\n",
        union(Kind::TYPE_NAMES)
    );
    let formats = TextFormat::ALL.iter().map(|f| f.name()).chain(Width::ALL.iter().map(|w| w.name()));
    let _ = writeln!(
        out,
        "/** A format name of `format` issues and `describeField`. */\nexport type FormatName = {};\n",
        union(formats)
    );
    let reasons = crate::rules::pattern::REASONS.iter().chain(crate::rules::email::REASONS).copied();
    let _ = writeln!(
        out,
        "/** What a `pattern` issue found wrong (`params.reason`): a `+` in a telephone number, an empty value, a country code in lower case, or what is wrong with an e-mail address. */\nexport type PatternReason = {};\n",
        union(reasons)
    );
    let cfg = ts_rs::Config::default();
    let _ = writeln!(
        out,
        "/** The condition under which a conditional rule applied (`params.when`). */\nexport {}\n",
        When::decl(&cfg)
    );
    let _ = writeln!(
        out,
        "/** Each issue code with the params the rule compared: a union discriminated by `code`. */\nexport {}\n",
        IssueKind::decl(&cfg)
    );
    out.push_str(
        "/** An endpoint, written as method and documented path (`validateQuery`). */\nexport type EndpointKey =",
    );
    for key in crate::endpoints::endpoint_keys() {
        let _ = write!(out, "\n  | {}", quote(&key));
    }
    out.push_str(";\n\n");
    out.push_str("/** Names of the patterns `setPattern` can replace. */\nexport type PatternName =");
    for d in &PATTERNS {
        let _ = write!(out, "\n  /** {} */\n  | {}", d.origin, quote(d.name));
    }
    out.push_str(";\n\n");
}

/// `"a" | "b"`.
fn union<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values.into_iter().map(quote).collect::<Vec<_>>().join(" | ")
}

fn collect_enums(kind: &Kind, out: &mut Vec<&'static Choices>) {
    match kind {
        Kind::String(t) => {
            if let Some(c) = t.choices {
                if !out.iter().any(|o| o.name == c.name) {
                    out.push(c);
                }
            }
        }
        Kind::Array(a) => collect_enums(&a.items, out),
        _ => {}
    }
}

fn interface(out: &mut String, s: &Schema) {
    let _ = writeln!(out, "/**\n * {}\n *\n * Source: {}.", jsdoc(s.doc), jsdoc(s.source));
    for r in s.rules {
        let _ = writeln!(out, " * Rule: {}", crate::rules::describe_rule(r));
    }
    let _ = writeln!(out, " */\nexport interface {} {{", super::type_name(s));
    for f in s.fields {
        field(out, f);
    }
    out.push_str("}\n\n");
}

fn field(out: &mut String, f: &Field) {
    let mut notes: Vec<String> = Vec::new();
    if !f.doc.is_empty() {
        notes.push(sentence(f.doc));
    }
    notes.extend(constraints(&f.kind));
    if f.read_only {
        notes.push("Read-only: set by the server.".into());
    }
    if let Some(d) = f.default {
        notes.push(format!("Default: {}.", d.to_json()));
    }
    let _ = writeln!(out, "  /** {} */", jsdoc(&notes.join(" ")));
    let ty = ts_type(&f.kind);
    if f.read_only {
        let _ = writeln!(out, "  readonly {}?: {ty};", f.name);
    } else if f.required {
        let _ = writeln!(out, "  {}: {ty};", f.name);
    } else {
        let _ = writeln!(out, "  {}?: {ty} | null;", f.name);
    }
}

/// Does a record of `s`, as the API answers with it, have more than its request type says: a
/// field it always returns ([`Field::returned`]), or such a record inside it?
fn record_differs(s: &Schema) -> bool {
    fn kind_differs(k: &Kind) -> bool {
        match k {
            Kind::Object(o) => record_differs(o),
            Kind::Array(a) => kind_differs(&a.items),
            _ => false,
        }
    }
    s.fields.iter().any(|f| f.returned || kind_differs(&f.kind))
}

/// The type of a record of `s` as the API answers with it: `SiteRecord`, or the request type
/// when nothing more is known about the answer.
pub fn record_type(s: &Schema) -> String {
    let name = super::type_name(s);
    if record_differs(s) {
        format!("{name}Record")
    } else {
        name
    }
}

/// [`ts_type`] for what the API answers with: objects as their record types.
fn record_ts_type(kind: &Kind) -> String {
    match kind {
        Kind::Object(s) => record_type(s),
        Kind::Array(a) => {
            let inner = record_ts_type(&a.items);
            if inner.contains(' ') {
                format!("Array<{inner}>")
            } else {
                format!("{inner}[]")
            }
        }
        _ => ts_type(kind),
    }
}

/// `SiteRecord`: the request type with what every answer has as required (request types stay
/// as they are: a body may leave out what the server sets).
fn record_interface(out: &mut String, s: &Schema) {
    if !record_differs(s) {
        return;
    }
    let name = super::type_name(s);
    let changed: Vec<&Field> =
        s.fields.iter().filter(|f| f.returned || record_ts_type(&f.kind) != ts_type(&f.kind)).collect();
    let always: Vec<&str> = s.fields.iter().filter(|f| f.returned).map(|f| f.name).collect();
    let said = if always.is_empty() {
        "records inside it as the API answers with them".to_owned()
    } else {
        format!("{} always there", always.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "))
    };
    let omitted: Vec<String> = changed.iter().map(|f| quote(f.name)).collect();
    let _ = writeln!(
        out,
        "/** {name} as the API answers with it (list, get, create, update): {said}. */\nexport interface {} extends Omit<{name}, {}> {{",
        record_type(s),
        omitted.join(" | ")
    );
    for f in changed {
        let ty = record_ts_type(&f.kind);
        if f.returned {
            let _ = writeln!(out, "  readonly {}: {ty};", f.name);
        } else if f.read_only {
            let _ = writeln!(out, "  readonly {}?: {ty};", f.name);
        } else if f.required {
            let _ = writeln!(out, "  {}: {ty};", f.name);
        } else {
            let _ = writeln!(out, "  {}?: {ty} | null;", f.name);
        }
    }
    out.push_str("}\n\n");
}

/// The TypeScript type of a kind.
pub fn ts_type(kind: &Kind) -> String {
    match kind {
        Kind::String(t) => t.choices.map_or_else(|| "string".to_owned(), |c| c.name.to_owned()),
        Kind::Integer(_) | Kind::Number(_) => "number".into(),
        Kind::Boolean => "boolean".into(),
        Kind::Object(s) => super::type_name(s),
        Kind::Array(a) => {
            let inner = ts_type(&a.items);
            if inner.contains(' ') {
                format!("Array<{inner}>")
            } else {
                format!("{inner}[]")
            }
        }
        Kind::Any => "unknown".into(),
    }
}

fn constraints(kind: &Kind) -> Vec<String> {
    let mut c = Vec::new();
    match kind {
        Kind::String(t) => {
            match (t.min_length, t.max_length) {
                (0, Some(max)) => c.push(format!("At most {max} characters.")),
                (min, Some(max)) if min == max => c.push(format!("Exactly {min} characters.")),
                (min, Some(max)) => c.push(format!("{min}–{max} characters.")),
                (0, None) => {}
                (min, None) => c.push(format!("At least {min} characters.")),
            }
            if let Some(p) = t.pattern {
                c.push(format!("Pattern {} ({}).", p.def().name, p.def().allows));
            }
            match t.format {
                Some(TextFormat::Date) => c.push("Date yyyy-MM-dd.".into()),
                Some(TextFormat::DateTime) => c.push("Date-time yyyy-MM-ddTHH:mm:ssZ.".into()),
                Some(TextFormat::CountryCode) => c.push("ISO 3166-1 alpha-2 country code.".into()),
                Some(TextFormat::Regex) => {
                    c.push("A regular expression (server dialect), matched against the whole value.".into())
                }
                Some(TextFormat::JsonPointer) => c.push("A JSON Pointer.".into()),
                None => {}
            }
        }
        Kind::Integer(i) => {
            c.push(match i.width {
                Width::Int32 => "Integer (int32).".into(),
                Width::Int64 => "Integer (int64, within JavaScript's safe range).".into(),
            });
            if let Some(only) = i.choices {
                let v: Vec<String> = only.iter().map(|n| n.to_string()).collect();
                c.push(format!("Must be {}.", v.join(" or ")));
            }
            push_range(&mut c, i.minimum.map(|m| m as f64), i.maximum.map(|m| m as f64));
        }
        Kind::Number(n) => push_range(&mut c, n.minimum, n.maximum),
        Kind::Array(a) => match (a.min_items, a.max_items) {
            (0, None) => {}
            (1, None) => c.push("At least one item.".into()),
            (min, None) => c.push(format!("At least {min} items.")),
            (min, Some(max)) => c.push(format!("{min}–{max} items.")),
        },
        _ => {}
    }
    c
}

fn push_range(c: &mut Vec<String>, min: Option<f64>, max: Option<f64>) {
    match (min, max) {
        (Some(a), Some(b)) => c.push(format!("Range {a}–{b}.")),
        (Some(a), None) => c.push(format!("At least {a}.")),
        (None, Some(b)) => c.push(format!("At most {b}.")),
        (None, None) => {}
    }
}

fn schema_types(out: &mut String, entries: &[SchemaEntry]) {
    out.push_str("/** The value each schema name describes (the request body of its endpoint). */\nexport interface SchemaTypes {\n");
    for e in entries {
        let _ = writeln!(out, "  {}: {};", e.name, ts_type(&e.root));
    }
    out.push_str("}\n\n/** A schema name `validate` accepts. */\nexport type SchemaName = keyof SchemaTypes;\n");
}

/// The JSON Pointers into each schema's value: every field, array items as `${number}`, and
/// anything below a value of any type; so a misspelt pointer is a type error.
fn pointer_types(out: &mut String, entries: &[SchemaEntry]) {
    fn walk(kind: &Kind, at: &str, out: &mut Vec<String>) {
        match kind {
            Kind::Object(s) => {
                for f in s.fields {
                    let p = format!("{at}/{}", f.name.replace('~', "~0").replace('/', "~1"));
                    out.push(p.clone());
                    walk(&f.kind, &p, out);
                }
            }
            Kind::Array(a) => {
                let p = format!("{at}/${{number}}");
                out.push(p.clone());
                walk(&a.items, &p, out);
            }
            Kind::Any => out.push(format!("{at}/${{string}}")),
            _ => {}
        }
    }
    out.push_str("\n/** The JSON Pointers into each schema's value (`\"\"` is the value itself; array items are `${number}`). */\nexport interface SchemaPointers {\n");
    for e in entries {
        let mut pointers = vec![String::new()];
        walk(&e.root, "", &mut pointers);
        let union: Vec<String> =
            pointers.iter().map(|p| if p.contains("${") { format!("`{p}`") } else { quote(p) }).collect();
        let _ = writeln!(out, "  {}:\n    | {};", e.name, union.join("\n    | "));
    }
    out.push_str("}\n\n/** A JSON Pointer to a field (or item) of schema `S`: `FieldPointer<'Site'>`. */\nexport type FieldPointer<S extends SchemaName = SchemaName> = SchemaPointers[S];\n\n");
    let names: Vec<&str> = model::field_labels().into_iter().map(|(n, _)| n).collect();
    let _ = writeln!(out, "/** The name of a field of any schema (what `labels` may be keyed by besides a pointer). */\nexport type FieldName = {};", union(names));
}

fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with('.') {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

/// Text safe inside a `/** … */` comment.
fn jsdoc(s: &str) -> String {
    s.replace("*/", "*\\/")
}

/// A TypeScript string literal.
pub fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "''".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_and_enum_is_declared_once() {
        let d = declarations();
        for s in model::all_object_schemas() {
            let name = crate::export::type_name(s);
            assert_eq!(d.matches(&format!("export interface {name} {{")).count(), 1, "{name}");
        }
        assert!(
            d.contains("export type CustomerType = \"RESIDENTIAL\" | \"BUSINESS\" | \"RESELLER\" | \"STAFF_MEMBER\";")
        );
        assert!(d.contains("export type SchemaName = keyof SchemaTypes;"));
        // The issue vocabulary, derived from IssueKind; the hand-written API is not here.
        assert!(d.contains("export type IssueKind = { \"code\": \"required\""), "{d}");
        assert!(!d.contains("export interface ValidationIssue"));
        assert!(d.contains("\"plusSign\" | \"empty\" | \"lowercase\" | \"noAt\""));
        // Pointers: every field, items as `${number}`.
        assert!(d.contains("    | \"/siteAddress/postcode\"\n"));
        assert!(d.contains("    | `/siteContacts/${number}/contactRole`\n"));
        assert!(d.contains("    | `/${number}/value/${string}`"));
        for (code, _) in ISSUE_CODES {
            assert!(d.contains(&format!("| \"{code}\"")), "{code}");
        }
    }

    #[test]
    fn fields_carry_their_optionality_and_constraints() {
        let d = declarations();
        assert!(d.contains("  siteName: string;"), "required field");
        assert!(d.contains("  endDate?: string | null;"), "optional field");
        assert!(d.contains("  readonly id?: number;"), "read-only field");
        // What the API answers with: ids and a site's dates always there, nested records too.
        assert!(d.contains("export interface SiteRecord extends Omit<Site, \"id\" | \"createdDate\" | \"updatedDate\"> {\n  readonly id: number;\n  readonly createdDate: string;\n  readonly updatedDate: string;\n}"), "{d}");
        assert!(d.contains("export interface CustomerRecord extends Omit<Customer, \"id\" | \"sites\"> {\n  readonly id: number;\n  sites: CustomerSiteRecord[];\n}"));
        assert!(!d.contains("interface AddressRecord"), "nothing more is known of an address in an answer");
        assert!(d.contains("  siteContacts: ContactDetails[];"));
        assert!(d.contains("1–100 characters. Pattern NAME_CURLY"));
        assert!(d.contains("Range 1–100000."));
        // The POST /sites rule on Site; a customer's sites are CustomerSite, whose id is 0.
        assert!(
            d.contains("Customer the site belongs to. Integer (int64, within JavaScript's safe range). At least 1."),
            "{d}"
        );
        assert!(d.contains("  sites: CustomerSite[];"));
        let customer_site = d.split("export interface CustomerSite {").nth(1).unwrap_or_default();
        assert!(customer_site.split("\n}").next().unwrap_or_default().contains("Must be 0. */\n  customerId: number;"));
    }
}
