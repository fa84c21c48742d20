//! What a validation finds: one [`Issue`] per defect, as data a form can show next to a field.
//!
//! An issue is `{ path, code, params, message }`. This file holds its vocabulary: the stable
//! machine `code` ([`ISSUE_CODES`]) and the `params` of each kind ([`IssueKind`], what the rule
//! compared: limits, allowed values…). The issue itself, with its JSON Pointer `path` and the
//! English `message` made from the other three, is `crate::validate::Issue`.

use serde::Serialize;
use ts_rs::TS;

/// The condition under which a conditional rule applied.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct When {
    /// The field the condition reads.
    pub field: String,
    /// It equals this value…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "unknown")]
    pub equals: Option<serde_json::Value>,
    /// …or is one of these…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// …or is present at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
}

/// The kind of defect and the values the rule compared (the `code` and `params` of an issue).
/// Its TypeScript (`IssueKind` in types.d.ts, a union discriminated by `code`) is derived from
/// this enum: the `#[ts]` attributes name the TypeScript of what serde writes as a plain string
/// or JSON value here.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "code", content = "params", rename_all = "camelCase")]
#[ts(optional_fields)]
#[non_exhaustive]
pub enum IssueKind {
    /// A required field is absent or `null` (possibly because of another field: `when`,
    /// or one of several fields is needed: `anyOf`).
    #[serde(rename_all = "camelCase")]
    Required {
        /// The condition that made the field required, for a conditional rule.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<When>,
        /// The fields of which one must be given, for an any-of rule.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        any_of: Option<Vec<String>>,
    },
    /// Wrong JSON type. `expected`: string, integer, number, boolean, object, array, json;
    /// `actual`: a JSON type name or undefined, bigint, symbol, function, NaN, Infinity, cycle.
    Type {
        /// The JSON type the schema wants.
        #[ts(type = "JsonTypeName")]
        expected: String,
        /// What the value is.
        actual: String,
    },
    /// Fewer UTF-16 code units than `limit` (decisions R5).
    MinLength {
        /// The bound, in UTF-16 code units.
        #[ts(type = "number")]
        limit: u64,
        /// The value's length, in UTF-16 code units.
        #[ts(type = "number")]
        actual: u64,
    },
    /// More UTF-16 code units than `limit` (decisions R5).
    MaxLength {
        /// The bound, in UTF-16 code units.
        #[ts(type = "number")]
        limit: u64,
        /// The value's length, in UTF-16 code units.
        #[ts(type = "number")]
        actual: u64,
    },
    /// The value does not match the named pattern (whole string, decisions R1).
    #[serde(rename_all = "camelCase")]
    Pattern {
        /// Pattern name from the pattern table (`PHONE`).
        #[ts(type = "PatternName | \"PRODUCT_FORMAT\"")]
        pattern: String,
        /// The first character the pattern does not allow, and its UTF-16 offset.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        character: Option<String>,
        /// The UTF-16 offset of `character` in the value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(type = "number")]
        index: Option<u64>,
        /// A known cause: `plusSign`, `empty`, `lowercase`, what is wrong with an e-mail address
        /// (`noAt`, `domainDot`…: src/rules/email.rs), or `budget` (the matcher ran out of steps
        /// before deciding, decisions R14).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(type = "PatternReason")]
        reason: Option<String>,
        /// A corrected value the server would accept, when one is obvious.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        suggestion: Option<String>,
        /// For a product-defined format (decisions R10): the format itself; `pattern` is
        /// then `PRODUCT_FORMAT`, as such formats have no name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        format: Option<String>,
    },
    /// Not one of the allowed values.
    Enum {
        /// The values the field accepts.
        #[ts(type = "Array<string | number>")]
        allowed: Vec<serde_json::Value>,
    },
    /// Below the minimum.
    Minimum {
        /// The smallest value allowed.
        limit: f64,
        /// The value.
        actual: f64,
    },
    /// Above the maximum.
    Maximum {
        /// The largest value allowed.
        limit: f64,
        /// The value.
        actual: f64,
    },
    /// Too few array items.
    MinItems {
        /// The bound on the number of items.
        #[ts(type = "number")]
        limit: u64,
        /// How many items the array has.
        #[ts(type = "number")]
        actual: u64,
    },
    /// Too many array items.
    MaxItems {
        /// The bound on the number of items.
        #[ts(type = "number")]
        limit: u64,
        /// How many items the array has.
        #[ts(type = "number")]
        actual: u64,
    },
    /// Not in the field's format: `date`, `date-time`, `int32`, `int64`, `regex`,
    /// `json-pointer` (with the reason for a regex).
    Format {
        /// The format the field is in.
        #[ts(type = "FormatName")]
        format: String,
        /// Why the value is not in it, when that can be said (a regex's error in Java's words).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Two capital letters, but not an assigned ISO 3166-1 alpha-2 code (decisions R7).
    CountryCode {
        /// The value.
        actual: String,
        /// The assigned code people mean by a common unassigned one (`GB` for `UK`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        suggestion: Option<String>,
    },
    /// A second (or later) contact of a site marked `contactNameToAppearOnInvoice`;
    /// `first` is the index of the contact that already is.
    SingleInvoiceContact {
        /// The index of the contact already marked.
        #[ts(type = "number")]
        first: u64,
    },
    /// The field must have the value `expected` because of another field (`when`).
    Dependency {
        /// The value the field must have.
        #[ts(type = "unknown")]
        expected: serde_json::Value,
        /// The other field's condition that requires it.
        when: When,
    },
    /// A field the schema does not define (only with `unknownFields: "report"`), or a query
    /// parameter the endpoint does not take; `allowed` lists the accepted names when known.
    UnknownField {
        /// The names the object or endpoint accepts, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        allowed: Option<Vec<String>>,
    },
    /// A line of NDJSON input that is not JSON at all (`column` is 1-based).
    Json {
        /// The parser's message, without its position.
        message: String,
        /// Where the parser stopped, 1-based.
        #[ts(type = "number")]
        column: u64,
    },
    /// A JSON Patch operation cannot apply to the document (RFC 6902 §4, §5): the location
    /// `pointer` (the operation's `path` or `from`) does not exist (`missing`), names no array
    /// position (`index`), goes into a value that is neither object nor array (`notContainer`),
    /// is the whole document for `remove` (`root`), or lies inside the moved value (`inside`).
    PatchTarget {
        /// The operation (`add`, `remove`, `replace`, `move`, `copy`).
        op: String,
        /// The operation's `path` or `from`.
        pointer: String,
        /// `missing`, `index`, `notContainer`, `root` or `inside`.
        reason: String,
    },
    /// A JSON Patch `test` operation found a different value at `pointer` (RFC 6902 §4.6);
    /// `actual` is that value when it is short and not an object or array.
    PatchTest {
        /// The operation's `path`.
        pointer: String,
        /// The value the document holds there, when short and not an object or array.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(type = "unknown")]
        actual: Option<serde_json::Value>,
    },
    /// A query parameter's value is not in its mini-language (api-facts §1.4, §1.5,
    /// decisions R11). `syntax`: string, id, date, date-time, sort, fields. `reason`: `empty`,
    /// `emptyItem`, `operator` (not one of `allowed`), `value` (not an id),
    /// `unknownField` / `notSortable` (not one of `allowed`), `direction` (not `:desc`).
    /// `item` is the offending part.
    QuerySyntax {
        /// The mini-language: string, id, date, date-time, sort or fields.
        syntax: String,
        /// What is wrong (see the variant).
        reason: String,
        /// The offending part of the value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<String>,
        /// The operators or field names accepted there.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        allowed: Option<Vec<String>>,
    },
}

/// Every issue code with its meaning: the `IssueCode` type and the docs are generated from this.
pub const ISSUE_CODES: &[(&str, &str)] = &[
    ("required", "A required field is absent or null (params.when / params.anyOf for conditional rules)."),
    ("type", "The value has the wrong JSON type (params.expected, params.actual)."),
    ("minLength", "The string is shorter than params.limit UTF-16 code units."),
    ("maxLength", "The string is longer than params.limit UTF-16 code units."),
    ("pattern", "The string does not match the named pattern (params.pattern; params.character when one character is at fault)."),
    ("enum", "The value is not one of params.allowed."),
    ("minimum", "The number is below params.limit."),
    ("maximum", "The number is above params.limit."),
    ("minItems", "The array has fewer than params.limit items."),
    ("maxItems", "The array has more than params.limit items."),
    ("format", "The value is not in params.format (date, date-time, int32, int64, regex, json-pointer)."),
    ("countryCode", "Two capital letters that are not an assigned ISO 3166-1 alpha-2 code."),
    ("singleInvoiceContact", "More than one contact of a site has contactNameToAppearOnInvoice: true."),
    ("dependency", "The field must be params.expected because of another field (params.when)."),
    ("unknownField", "The object has a field its schema does not define (option unknownFields: 'report'), or the query has a parameter its endpoint does not take (params.allowed lists the accepted names)."),
    ("patchTarget", "A JSON Patch operation cannot apply: its path or from (params.pointer) names no usable location in the document (params.reason: missing, index, notContainer, root, inside)."),
    ("patchTest", "A JSON Patch test operation failed: the document holds another value at params.pointer (params.actual when short)."),
    ("querySyntax", "A query parameter's value is not in its mini-language (params.syntax: string, id, date, date-time, sort, fields; params.reason; params.item; params.allowed)."),
    ("json", "A line of NDJSON input is not JSON (params.message, params.column)."),
];

impl IssueKind {
    /// The params object of this kind (`{ "limit": 50, "actual": 51 }`; `{}` when it has none).
    pub fn params(&self) -> serde_json::Value {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(mut m)) => m.remove("params").unwrap_or_else(|| serde_json::json!({})),
            _ => serde_json::json!({}),
        }
    }

    /// The stable machine code (`"maxLength"`).
    pub fn code(&self) -> &'static str {
        match self {
            IssueKind::Required { .. } => "required",
            IssueKind::Type { .. } => "type",
            IssueKind::MinLength { .. } => "minLength",
            IssueKind::MaxLength { .. } => "maxLength",
            IssueKind::Pattern { .. } => "pattern",
            IssueKind::Enum { .. } => "enum",
            IssueKind::Minimum { .. } => "minimum",
            IssueKind::Maximum { .. } => "maximum",
            IssueKind::MinItems { .. } => "minItems",
            IssueKind::MaxItems { .. } => "maxItems",
            IssueKind::Format { .. } => "format",
            IssueKind::CountryCode { .. } => "countryCode",
            IssueKind::SingleInvoiceContact { .. } => "singleInvoiceContact",
            IssueKind::Dependency { .. } => "dependency",
            IssueKind::UnknownField { .. } => "unknownField",
            IssueKind::PatchTarget { .. } => "patchTarget",
            IssueKind::PatchTest { .. } => "patchTest",
            IssueKind::QuerySyntax { .. } => "querySyntax",
            IssueKind::Json { .. } => "json",
        }
    }

    /// `required` with no condition: a field that must be given is absent or `null`.
    pub fn required() -> IssueKind {
        IssueKind::Required { when: None, any_of: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each kind (tests of the message table use them too).
    pub(crate) fn samples() -> Vec<IssueKind> {
        let when = When { field: "a".into(), equals: Some(true.into()), one_of: None, present: None };
        vec![
            IssueKind::required(),
            IssueKind::Type { expected: "string".into(), actual: "number".into() },
            IssueKind::MinLength { limit: 1, actual: 0 },
            IssueKind::MaxLength { limit: 1, actual: 2 },
            IssueKind::Pattern {
                pattern: "PHONE".into(),
                character: None,
                index: None,
                reason: None,
                suggestion: None,
                format: None,
            },
            IssueKind::Enum { allowed: vec![] },
            IssueKind::Minimum { limit: 1.0, actual: 0.0 },
            IssueKind::Maximum { limit: 1.0, actual: 2.0 },
            IssueKind::MinItems { limit: 1, actual: 0 },
            IssueKind::MaxItems { limit: 1, actual: 2 },
            IssueKind::Format { format: "date".into(), reason: None },
            IssueKind::CountryCode { actual: "UK".into(), suggestion: None },
            IssueKind::SingleInvoiceContact { first: 0 },
            IssueKind::Dependency { expected: true.into(), when },
            IssueKind::UnknownField { allowed: None },
            IssueKind::PatchTarget { op: "remove".into(), pointer: "/a".into(), reason: "missing".into() },
            IssueKind::PatchTest { pointer: "/a".into(), actual: Some(1.into()) },
            IssueKind::QuerySyntax {
                syntax: "id".into(),
                reason: "value".into(),
                item: Some("x".into()),
                allowed: None,
            },
            IssueKind::Json { message: "EOF while parsing".into(), column: 3 },
        ]
    }

    #[test]
    fn the_typescript_is_a_union_discriminated_by_code() {
        // The shape, without the JSDoc ts-rs copies from the fields' doc comments.
        let decl = IssueKind::decl(&ts_rs::Config::default());
        let mut ts = String::new();
        let mut rest = decl.as_str();
        while let Some(start) = rest.find("/**") {
            ts.push_str(&rest[..start]);
            rest = rest[start..].split_once("*/").map_or("", |(_, after)| after);
        }
        ts.push_str(rest);
        let ts = ts.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(ts.contains(r#"{ "code": "maxLength", "params": { limit: number, actual: number, } }"#), "{ts}");
        assert!(ts.contains("index?: number") && ts.contains("reason?: PatternReason"), "{ts}");
        assert!(ts.contains(r#"{ "code": "required", "params": { when?: When, anyOf?: Array<string>, } }"#), "{ts}");
        assert!(!ts.contains("bigint"), "{ts}");
        let when = When::decl(&ts_rs::Config::default());
        assert!(when.contains("equals?: unknown"), "{when}");
    }

    #[test]
    fn every_code_is_listed_once_and_serializes_as_itself() {
        let kinds = samples();
        assert_eq!(kinds.len(), ISSUE_CODES.len());
        for (k, (code, _)) in kinds.iter().zip(ISSUE_CODES) {
            assert_eq!(k.code(), *code);
            let v = serde_json::to_value(k).unwrap();
            assert_eq!(v["code"], *code);
        }
    }
}
