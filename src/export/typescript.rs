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
use crate::validate::ISSUE_CODES;

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
    schema_types(&mut out, model::SCHEMAS);
    out
}

fn api_types(out: &mut String) {
    out.push_str("/** A stable machine code of a validation issue. */\nexport type IssueCode =\n");
    for (code, doc) in ISSUE_CODES {
        let _ = writeln!(out, "  /** {doc} */\n  | {}", quote(code));
    }
    out.push_str(";\n\n");
    out.push_str(
        "/** One defect found in a value. */
export interface ValidationIssue {
  /** RFC 6901 JSON Pointer to the offending value, e.g. \"/siteContacts/1/contactEmailAddress\"; \"\" is the root. */
  path: string;
  /** Stable machine code. */
  code: IssueCode;
  /** Clear English, naming the field and the limit (made from path, code and params by formatMessage). */
  message: string;
  /** What the rule compared, e.g. { limit: 50, actual: 51 } or { allowed: [...] }. */
  params: Record<string, unknown>;
}

/** The outcome of a validation: `valid` is true exactly when `errors` is empty. */
export interface ValidationResult {
  valid: boolean;
  /** Every defect, in document order (at most `maxIssues` of them). */
  errors: ValidationIssue[];
  /** Present (true) when issues past `maxIssues` were left out. */
  truncated?: true;
}

/** Options of `validate`. */
export interface ValidateOptions {
  /** Stop at the first issue (a yes/no check). Default false. */
  abortEarly?: boolean;
  /** 'report' flags members the schema does not define (code unknownField); the server ignores them. Default 'ignore'. */
  unknownFields?: 'ignore' | 'report';
  /** Keep at most this many issues (the first found; `truncated` says when more were left out). A positive integer, or Infinity for all. Default 100. */
  maxIssues?: number;
}

",
    );
    out.push_str(
        "/** The outcome of `validatePatch`: `document` is the patched document, present exactly when every
 * operation applied (then the paths of `errors` point into it; otherwise into the patch). */
export interface PatchValidationResult extends ValidationResult {
  document?: unknown;
}

",
    );
    out.push_str(
        "/** Options of `validateNdjson`, `NdjsonValidator` and `validateNdjsonStream`. */
export interface NdjsonOptions extends ValidateOptions {
  /** Keep the issues of at most this many invalid lines (all are still counted). A non-negative integer, or Infinity for all (the report then grows with the input). Default 1000. */
  maxInvalidLines?: number;
}

/** The outcome of validating NDJSON: counts, and the issues of each invalid line. */
export interface NdjsonReport {
  /** Non-blank lines; each is one record. */
  records: number;
  valid: number;
  invalid: number;
  /** Invalid lines in input order (1-based line numbers, blank lines counted). A line that is not JSON has one issue with code 'json'. */
  invalidLines: Array<{ line: number; errors: ValidationIssue[]; truncated?: true }>;
  /** True when invalidLines was cut short by maxInvalidLines. */
  truncated: boolean;
}

/** A web ReadableStream, typed structurally so these typings need no DOM library. */
export interface ReadableStreamLike<T> {
  getReader(): { read(): Promise<{ done: boolean; value?: T }>; releaseLock(): void };
}

",
    );
    out.push_str(
        "/** The query of `validateQuery`: a plain object (strings, numbers, booleans; null or undefined
 * mean not given), a URLSearchParams, or a query string. (URLSearchParams is typed structurally
 * so these typings need no DOM library.) */
export type QueryInput =
  | Record<string, string | number | boolean | null | undefined>
  | { forEach(callback: (value: string, key: string) => void): void; toString(): string }
  | string;

",
    );
    out.push_str(
        "/** A JSON Schema (draft 2020-12) document generated from the model (`jsonSchema`): the root
 * schema refers into `$defs`, which holds each object schema and each named pattern once. */
export interface JsonSchemaDocument {
  $schema: 'https://json-schema.org/draft/2020-12/schema';
  title: string;
  description: string;
  $defs: Record<string, Record<string, unknown>>;
  [keyword: string]: unknown;
}

/** The OpenAPI 3.1 document of every endpoint (`openApiDocument`); `components.schemas` holds
 * the same schemas as `jsonSchema`. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  servers: Array<{ url: string; description?: string; variables?: Record<string, { default: string; description?: string }> }>;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>>; [field: string]: unknown };
  [field: string]: unknown;
}

",
    );
    out.push_str(
        "/** An endpoint, written as method and documented path (`validateQuery`). */\nexport type EndpointKey =",
    );
    for key in crate::endpoints::endpoint_keys() {
        let _ = write!(out, "\n  | {}", quote(&key));
    }
    out.push_str(";\n\n");
    out.push_str(
        "/** What `describeField` returns: the model's rules for one field. */
export interface FieldDescription {
  pointer: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'json';
  /** Must be given (and not null). Conditional requirements are listed in `rules`. */
  required: boolean;
  readOnly?: boolean;
  doc?: string;
  default?: unknown;
  /** Lengths in UTF-16 code units, as `input.value.length` counts. */
  minLength?: number;
  maxLength?: number;
  pattern?: { name: PatternName; allows: string; source: string };
  /** The enum's name in the API (`ContactRole`). */
  enum?: string;
  allowed?: Array<string | number>;
  format?: 'date' | 'date-time' | 'country-code' | 'regex' | 'json-pointer' | 'int32' | 'int64';
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: string;
  /** The schema of an object field. */
  schema?: string;
  /** Cross-field rules that constrain this field, in words. */
  rules?: string[];
}

",
    );
    out.push_str("/** Names of the patterns `setPattern` can replace. */\nexport type PatternName =");
    for d in &PATTERNS {
        let _ = write!(out, "\n  /** {} */\n  | {}", d.origin, quote(d.name));
    }
    out.push_str(";\n\n");
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
        // The return types of jsonSchema and openApiDocument.
        assert!(
            d.contains("export interface JsonSchemaDocument {") && d.contains("export interface OpenApiDocument {")
        );
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
