//! Validation of Elevate request bodies with the server's own semantics.
//!
//! [`validate`] checks a whole value (any [`Input`]) against a schema and returns every
//! defect at once; [`validate_field`] checks one field in place, for on-input validation.
//! Both report [`Issue`]s: JSON Pointer path, stable code, params and an English message.
//! The crate root re-exports what callers use (`lib.rs`).

pub mod csv;
pub mod describe;
pub mod engine;
mod input;
pub mod issue;
pub mod message;
pub mod ndjson;
pub mod patch;
pub mod query;
pub mod reference;
pub mod value;
// Bulk reports for JavaScript: the CSV half is read by the wasm bindings only.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub mod wire;

use std::borrow::Cow;
use std::fmt;

pub use describe::describe_field;
pub use input::{Input, Target};
pub use issue::{Issue, IssueKind, When, ISSUE_CODES};
pub use patch::{validate_patch, validate_patch_values, PatchReport};
pub use query::{validate_query, QueryInput};
pub use reference::{validate_product_reference, ReferenceText};
pub use value::Value;

use crate::model::{self, SchemaEntry};
use crate::schema::{self, Kind};

/// How to validate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Stop at the first issue (a yes/no check); `issues` then holds one issue.
    pub abort_early: bool,
    /// Report members the schema does not define (`unknownField`). The server ignores them
    /// (decisions R9), so this is off by default; turn it on to catch misspelt field names.
    pub report_unknown_fields: bool,
    /// Keep at most this many issues (the first ones found); the value is still read to its
    /// end, and [`Report::truncated`] says whether any were left out. A bound on the memory a
    /// hostile value can make a validation hold (`usize::MAX` for none).
    pub max_issues: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { abort_early: false, report_unknown_fields: false, max_issues: DEFAULT_MAX_ISSUES }
    }
}

/// Issues kept per validated value unless [`Options::max_issues`] says otherwise: every defect
/// of any real body, while a value with millions of bad items gets a bounded report.
pub const DEFAULT_MAX_ISSUES: usize = crate::schema::DEFAULT_MAX_ISSUES;

/// The outcome of a validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Every defect, in document order (at most [`Options::max_issues`] of them). Empty
    /// exactly when the value is valid.
    pub issues: Vec<Issue>,
    /// True when issues past [`Options::max_issues`] were left out.
    pub truncated: bool,
}

impl Report {
    /// A complete report of `issues`.
    pub(crate) fn new(issues: Vec<Issue>) -> Report {
        Report { issues, truncated: false }
    }

    /// True when the value has no defect (truncation implies issues, so it is not valid).
    pub fn is_valid(&self) -> bool {
        self.issues.is_empty()
    }
}

/// Why a validation could not run at all (as opposed to finding issues).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The schema name is not one of [`crate::model::SCHEMAS`].
    UnknownSchema {
        /// The name given.
        name: String,
    },
    /// The pointer does not name a field of the schema.
    UnknownField {
        /// The schema name.
        schema: String,
        /// The pointer given.
        pointer: String,
        /// Where resolution stopped, and why.
        reason: String,
    },
    /// The input is not JSON text.
    Json {
        /// The parser's message, with its position.
        message: String,
    },
    /// The endpoint key (`"GET /sites"`) is not one of [`crate::endpoints::endpoint_keys`].
    UnknownEndpoint {
        /// The key given.
        key: String,
    },
    /// The input (or a patched document) exceeds a size bound of this crate ([`crate::limits`]).
    TooLarge {
        /// What is too large (`"the query"`).
        what: &'static str,
        /// The bound, in its unit.
        limit: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownSchema { name } => {
                let known: Vec<_> = model::schema_names().collect();
                write!(f, "unknown schema {name:?}; known schemas: {}", known.join(", "))
            }
            Error::UnknownField { schema, pointer, reason } => {
                write!(f, "{pointer:?} is not a field of {schema}: {reason}")
            }
            Error::Json { message } => write!(f, "the input is not valid JSON: {message}"),
            Error::UnknownEndpoint { key } => {
                let known: Vec<_> = crate::endpoints::endpoint_keys().collect();
                write!(f, "unknown endpoint {key:?}; known endpoints: {}", known.join(", "))
            }
            Error::TooLarge { what, limit } => write!(f, "{what} exceeds the limit of {limit}"),
        }
    }
}

impl std::error::Error for Error {}

fn entry(name: &str) -> Result<&'static SchemaEntry, Error> {
    model::schema(name).ok_or_else(|| Error::UnknownSchema { name: name.to_owned() })
}

/// Validates a request body (`input`: JSON text, bytes, a `serde_json::Value` or a [`Value`])
/// against `schema` (a name such as `"Site"`, or a [`Kind`] in hand) with the server's rules,
/// and reports every defect at once, in document order. An `Err` means the validation could
/// not run (an unknown schema name, input that is not JSON); defects are never errors.
pub fn validate(schema: impl Target, input: impl Input, options: Options) -> Result<Report, Error> {
    input.validate_against(&schema.root()?, options)
}

/// Validates `value` against a schema description (for callers holding a [`Kind`]).
pub(crate) fn validate_kind(kind: &Kind, value: &Value<'_>, options: Options) -> Report {
    // Reading a `Value` cannot fail; should it ever, say so rather than claim validity.
    validate_from(kind, options, |w, k| w.check(k, value)).unwrap_or_else(|e| internal_error(&e))
}

/// Validates what `read` deserialises (JSON text, a `serde_json::Value`, …) against `kind`,
/// without building a tree. `read(d, walker)` feeds one deserializer to the walker (and may
/// check what follows it, such as trailing text); it fails only when the input does.
///
/// `read` runs once, or twice in one rare case: under `abort_early`, when a repeated JSON key
/// replaced the only issue after later values had been skipped, the early run cannot give
/// the verdict, so the input is read again in full and its first issue kept.
pub(crate) fn validate_from<E>(
    kind: &Kind,
    options: Options,
    mut read: impl FnMut(&mut engine::Walker, &Kind) -> Result<(), E>,
) -> Result<Report, E> {
    let mut w = engine::Walker::new(options);
    read(&mut w, kind)?;
    if !w.revived() {
        return Ok(w.into_report());
    }
    // Read again, keeping more issues, without early abort; then keep the first ones. (Only a
    // repeated key in JSON text gets here; beyond REREAD_MAX_ISSUES the list is cut.)
    let limit = if options.abort_early { 1 } else { options.max_issues.max(1) };
    let max_issues = limit.max(REREAD_MAX_ISSUES);
    let mut w = engine::Walker::new(Options { abort_early: false, max_issues, ..options });
    read(&mut w, kind)?;
    let mut report = w.into_report();
    if report.issues.len() > limit {
        report.issues.truncate(limit);
        report.truncated = !options.abort_early;
    }
    if options.abort_early {
        report.truncated = false;
    }
    Ok(report)
}

/// Issues kept when a value must be read again (see [`validate_from`]).
const REREAD_MAX_ISSUES: usize = 10_000;

pub(crate) fn internal_error(e: &dyn std::fmt::Display) -> Report {
    Report::new(vec![Issue { path: String::new(), kind: IssueKind::Json { message: e.to_string(), column: 0 } }])
}

/// Validates one field in place, for on-input validation in a form: `pointer` names it within
/// `schema` (`/siteContacts/0/contactName`), `value` is its value (`null` for "empty": a
/// required field is then one `required` issue). Cross-field rules need the whole object and
/// are left to [`validate`].
pub fn validate_field(schema: &str, pointer: &str, value: impl Input) -> Result<Report, Error> {
    let entry = entry(schema)?;
    let segments = parse_pointer(pointer).ok_or_else(|| Error::UnknownField {
        schema: schema.to_owned(),
        pointer: pointer.to_owned(),
        reason: "not a JSON Pointer (it must be empty or start with /)".into(),
    })?;
    let (kind, required) = resolve(&entry.root, &segments).map_err(|reason| Error::UnknownField {
        schema: schema.to_owned(),
        pointer: pointer.to_owned(),
        reason,
    })?;
    value.with_value(|value| {
        let mut w = engine::Walker::new(Options::default()).at(&segments);
        if matches!(value, Value::Null) && !matches!(kind, Kind::Any) {
            if required {
                w.emit(IssueKind::required());
            }
            return w.into_report();
        }
        if let Err(e) = w.check(&kind, value) {
            return internal_error(&e);
        }
        w.into_report()
    })
}

/// RFC 6901 segments of `pointer`, unescaped (`~1` → `/`, `~0` → `~`).
pub(crate) fn parse_pointer(pointer: &str) -> Option<Vec<Cow<'_, str>>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(
                |s| {
                    if s.contains('~') {
                        Cow::Owned(s.replace("~1", "/").replace("~0", "~"))
                    } else {
                        Cow::Borrowed(s)
                    }
                },
            )
            .collect(),
    )
}

/// What a pointer names: its kind, whether it must be given, the field (if it is one) and the
/// schema that holds it.
pub(crate) struct Resolved {
    pub kind: Kind,
    pub required: bool,
    pub field: Option<&'static schema::Field>,
    pub parent: Option<&'static schema::Schema>,
}

/// What `segments` name below `root`.
pub(crate) fn resolve_at(root: &Kind, segments: &[Cow<'_, str>]) -> Result<Resolved, String> {
    let mut at = Resolved { kind: *root, required: true, field: None, parent: None };
    for seg in segments {
        match at.kind {
            Kind::Object(s) => {
                let f = s.field(seg).ok_or_else(|| {
                    let names: Vec<_> = s.fields.iter().map(|f| f.name).collect();
                    format!("{} has no field {seg:?} (fields: {})", s.name, names.join(", "))
                })?;
                at = Resolved { kind: f.kind, required: f.must_be_given(), field: Some(f), parent: Some(s) };
            }
            Kind::Array(a) => {
                seg.parse::<u32>().map_err(|_| format!("{seg:?} is not an array index"))?;
                at = Resolved { kind: a.items, required: true, field: None, parent: None };
            }
            Kind::Any => return Ok(Resolved { kind: Kind::Any, required: false, field: None, parent: None }),
            _ => return Err(format!("cannot descend into a {} value", at.kind.type_name())),
        }
    }
    Ok(at)
}

/// The kind at `segments` below `root`, and whether that field is required.
fn resolve(root: &Kind, segments: &[Cow<'_, str>]) -> Result<(Kind, bool), String> {
    resolve_at(root, segments).map(|r| (r.kind, r.required))
}

/// Resolves `pointer` in `schema`, with the errors `validate_field` gives.
pub(crate) fn resolve_pointer(schema: &str, pointer: &str) -> Result<Resolved, Error> {
    let entry = entry(schema)?;
    let unknown =
        |reason: String| Error::UnknownField { schema: schema.to_owned(), pointer: pointer.to_owned(), reason };
    let segments = parse_pointer(pointer)
        .ok_or_else(|| unknown("not a JSON Pointer (it must be empty or start with /)".into()))?;
    resolve_at(&entry.root, &segments).map_err(unknown)
}
