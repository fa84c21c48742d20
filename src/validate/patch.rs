//! JSON Patch bodies judged the way the server must judge them: the operations are checked
//! against the `JsonPatch` schema, applied to the current document (RFC 6902, by the
//! `json-patch` crate), and the result is validated against the resource's schema
//! (api-facts §1.1, §1.8).
//!
//! One result, three stages, each only when the one before found nothing:
//! 1. the operations' shape: issues at `/<index>/…` of the patch;
//! 2. applying them to a copy of `current`: the first operation that cannot apply is one
//!    issue at `/<index>/path` or `/<index>/from` (RFC 6902 §5: processing stops there);
//! 3. the patched document against the schema: issues at their paths in that document,
//!    which [`PatchReport::document`] then holds.
//!
//! So `document` is present exactly when the paths of `issues` point into it.

use std::borrow::Cow;

use json_patch::{PatchErrorKind, PatchOperation};
use serde_json::Value as Json;

use super::issue::{Issue, IssueKind};
use super::value::Value;
use super::{internal_error, validate_kind, Error, Input, Options, Report, Target};
use crate::model::patch::JSON_PATCH;
use crate::rules::message::{template, Cond, Template};
use crate::schema::Kind;

/// Sentences for `patchTarget` (RFC 6902 §4–§5: why an operation could not apply; the issue
/// is on the operation's `path` or `from`) and `patchTest`.
pub const MESSAGES: &[Template] = &[
    template(
        "patchTarget",
        &[Cond::Is("reason", "missing"), Cond::Is("op", "add"), Cond::PathEnds("path")],
        "Cannot add at {pointer|pointer}: its parent does not exist in the document.",
    ),
    template(
        "patchTarget",
        &[Cond::Is("reason", "missing"), Cond::PathEnds("from")],
        "Cannot {op} from {pointer|pointer}: nothing exists there in the document.",
    ),
    template(
        "patchTarget",
        &[Cond::Is("reason", "missing")],
        "Cannot {op} at {pointer|pointer}: nothing exists there in the document.",
    ),
    template(
        "patchTarget",
        &[Cond::Is("reason", "index"), Cond::PathEnds("from")],
        "Cannot {op} from {pointer|pointer}: the array has no such position.",
    ),
    template(
        "patchTarget",
        &[Cond::Is("reason", "index")],
        "Cannot {op} at {pointer|pointer}: the array has no such position.",
    ),
    template(
        "patchTarget",
        &[Cond::Is("reason", "notContainer"), Cond::PathEnds("from")],
        "Cannot {op} from {pointer|pointer}: it goes into a value that is neither an object nor an array.",
    ),
    template(
        "patchTarget",
        &[Cond::Is("reason", "notContainer")],
        "Cannot {op} at {pointer|pointer}: it goes into a value that is neither an object nor an array.",
    ),
    template("patchTarget", &[Cond::Is("reason", "root")], "Cannot {op} the whole document."),
    template(
        "patchTarget",
        &[Cond::Is("reason", "inside")],
        "Cannot move a value into itself: {pointer|pointer} is inside the value being moved.",
    ),
    template("patchTarget", &[Cond::PathEnds("from")], "Cannot {op} from {pointer|pointer}."),
    template("patchTarget", &[], "Cannot {op} at {pointer|pointer}."),
    template("patchTarget", &[], "The operation cannot apply to the document."),
    template("patchTest", &[], "The test of {pointer|pointer} failed: the document holds {actual} there."),
    template("patchTest", &[], "The test of {pointer|pointer} failed: the document holds a different value there."),
    template("patchTest", &[], "The test failed: the document holds a different value."),
];

/// Most values (scalars and containers) a patched document may hold; `copy` can double a
/// document per operation, so growth is bounded, as the JS reader bounds its input.
pub const MAX_DOCUMENT_VALUES: usize = crate::schema::MAX_VALUES;

/// Deepest nesting of a patched document (that of the JS reader), so later walks cannot
/// exhaust the stack.
pub const MAX_DOCUMENT_DEPTH: usize = crate::schema::MAX_DEPTH;

/// Most bytes of text (member names and string values, in UTF-8) a patched document may
/// hold: `copy` can double the strings too, and a count of values alone let 30 copies of a
/// 10 KB string run for minutes and take gigabytes. (JavaScript shares copied strings, the
/// Rust document clones them; the bound is the same on both sides.)
pub const MAX_DOCUMENT_BYTES: usize = 16 << 20;

/// A `test` operation's actual value is quoted in the issue only up to this many bytes.
pub const MAX_QUOTED: usize = 200;

/// The outcome of [`validate_patch`].
#[derive(Debug, Clone, PartialEq)]
pub struct PatchReport {
    /// Every defect, in order: of the patch (no `document`) or of the patched document.
    pub issues: Vec<Issue>,
    /// The patched document, when every operation applied (valid or not, a portal can show
    /// it as a preview).
    pub document: Option<Json>,
    /// True when issues past [`Options::max_issues`] were left out.
    pub truncated: bool,
}

impl PatchReport {
    /// True when the patch applies and yields a valid document.
    pub fn is_valid(&self) -> bool {
        self.issues.is_empty()
    }
}

/// Checks the JSON Patch `ops` against `current`, a document of `schema` (`"Site"` for
/// `PATCH /sites/{site_id}`; `Kind::Any` accepts any document), the way the server judges a
/// patch (api-facts §1.8): the operations, then applying them, then the patched document.
/// `current` itself is never changed. Besides the schema's errors, fails only when the
/// patched document would exceed [`MAX_DOCUMENT_VALUES`], [`MAX_DOCUMENT_DEPTH`] or
/// [`MAX_DOCUMENT_BYTES`], or an input is not JSON.
pub fn validate_patch(
    schema: impl Target,
    current: impl Input,
    ops: impl Input,
    options: Options,
) -> Result<PatchReport, Error> {
    let root = schema.root()?;
    current.with_value(|current| ops.with_value(|ops| patch_document(&root, current, ops, options)))?.and_then(|r| r)
}

/// [`validate_patch`] on values in hand.
fn patch_document(root: &Kind, current: &Value<'_>, ops: &Value<'_>, options: Options) -> Result<PatchReport, Error> {
    let shape = validate_kind(&Kind::Array(&JSON_PATCH), ops, options);
    if !shape.is_valid() {
        return Ok(PatchReport { issues: shape.issues, document: None, truncated: shape.truncated });
    }
    // `to_json` copies, and writes integral numbers as integers on both sides, so `test`
    // compares numbers by value (RFC 6902 §4.6: 1 equals 1.0).
    let mut doc = current.to_json();
    let mut bounds = Bounds::of(&doc)?;
    let items = match ops.to_json() {
        Json::Array(items) => items,
        _ => Vec::new(),
    };
    for (index, item) in items.into_iter().enumerate() {
        let op: PatchOperation = match serde_json::from_value(item) {
            Ok(op) => op,
            // Stage 1 admits only operations the crate reads; kept as an issue, not a panic.
            Err(e) => {
                let kind = IssueKind::Format { format: "json-patch".into(), reason: Some(e.to_string()) };
                return Ok(PatchReport {
                    issues: vec![Issue { path: format!("/{index}"), kind }],
                    document: None,
                    truncated: false,
                });
            }
        };
        bounds.admit(&op, &doc)?;
        if let Err(e) = json_patch::patch_unsafe(&mut doc, std::slice::from_ref(&op)) {
            let issue = failure(index, &op, &e.kind, &doc);
            return Ok(PatchReport { issues: vec![issue], document: None, truncated: false });
        }
    }
    // Read in place: no copy of the patched document.
    let report = super::validate_from(root, options, |w, k| w.check(k, &doc)).unwrap_or_else(|e| internal_error(&e));
    Ok(PatchReport { issues: report.issues, document: Some(doc), truncated: report.truncated })
}

/// Checks a JSON Patch without the document it applies to (what a client can do when it
/// does not hold the current record): the operations' shape, then each `add`/`replace`
/// value against the field its `path` names in `root` (issues at `/<index>/value…`), and
/// each `remove` of a field that must be given (a `required` issue at `/<index>/path`).
/// Paths the schema does not know are left to the server, like unknown fields (decisions
/// R9); whole-document rules need [`validate_patch`] with the current record.
pub fn validate_patch_values(schema: impl Target, ops: impl Input, options: Options) -> Result<Report, Error> {
    let root = schema.root()?;
    ops.with_value(|ops| patch_values(&root, ops, options))
}

/// [`validate_patch_values`] on values in hand.
fn patch_values(root: &Kind, ops: &Value<'_>, options: Options) -> Report {
    let shape = validate_kind(&Kind::Array(&JSON_PATCH), ops, options);
    let Value::Array(items) = ops else { return shape };
    if !shape.is_valid() {
        return shape;
    }
    let mut issues = Vec::new();
    let mut truncated = false;
    for (index, item) in items.iter().enumerate() {
        let member = |name: &str| match item {
            Value::Object(m) => m.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        };
        let (Some(Value::String(op)), Some(Value::String(path))) = (member("op"), member("path")) else { continue };
        let Some(mut segments) = super::parse_pointer(path) else { continue };
        // `-` appends to an array (RFC 6901 §4): the value is one of its items.
        for seg in segments.iter_mut().filter(|s| *s == "-") {
            *seg = "0".into();
        }
        let Ok(target) = super::resolve_at(root, &segments) else { continue };
        let at = |name: &'static str| [Cow::Owned(index.to_string()), Cow::Borrowed(name)];
        match op.as_ref() {
            "add" | "replace" => {
                let value = member("value").unwrap_or(&Value::Null);
                let mut w = super::engine::Walker::new(options).at(&at("value"));
                if matches!(value, Value::Null) && !matches!(target.kind, Kind::Any) {
                    // `null` is "leave it out" (as in a body): wrong only where a value must be.
                    if target.required {
                        w.emit(IssueKind::required());
                    }
                } else if let Err(e) = w.check(&target.kind, value) {
                    return internal_error(&e);
                }
                let report = w.into_report();
                truncated |= report.truncated;
                issues.extend(report.issues);
            }
            "remove" if target.required && target.field.is_some() => {
                let mut w = super::engine::Walker::new(options).at(&at("path"));
                w.emit(IssueKind::required());
                issues.extend(w.finish());
            }
            _ => {}
        }
        if options.abort_early && !issues.is_empty() {
            issues.truncate(1);
            break;
        }
        if issues.len() > options.max_issues {
            issues.truncate(options.max_issues);
            truncated = true;
        }
    }
    Report { issues, truncated }
}

/// Upper bounds of the patched document's size, text and depth, grown cheaply per operation
/// and measured exactly only when they pass a limit, always before the operation runs.
#[derive(Clone, Copy)]
struct Bounds {
    values: usize,
    bytes: usize,
    depth: usize,
}

impl Bounds {
    fn of(doc: &Json) -> Result<Bounds, Error> {
        let b = measure(doc);
        b.check()?;
        Ok(b)
    }

    fn check(&self) -> Result<(), Error> {
        if self.values > MAX_DOCUMENT_VALUES {
            return Err(Error::TooLarge {
                what: "the patched document's number of values",
                limit: MAX_DOCUMENT_VALUES,
            });
        }
        if self.bytes > MAX_DOCUMENT_BYTES {
            return Err(Error::TooLarge { what: "the patched document's text (bytes)", limit: MAX_DOCUMENT_BYTES });
        }
        if self.depth > MAX_DOCUMENT_DEPTH {
            return Err(Error::TooLarge { what: "the patched document's nesting depth", limit: MAX_DOCUMENT_DEPTH });
        }
        Ok(())
    }

    /// Admits `op` if the document stays within the limits after it.
    fn admit(&mut self, op: &PatchOperation, doc: &Json) -> Result<(), Error> {
        let grown = self.grown(op, doc);
        if grown.check().is_ok() {
            *self = grown;
            return Ok(());
        }
        // The bounds never shrink (remove, replace); measure before refusing.
        *self = Bounds::of(doc)?;
        let grown = self.grown(op, doc);
        grown.check()?;
        *self = grown;
        Ok(())
    }

    /// The bounds after `op`: its value, or the copied or moved value, placed below as many
    /// containers as its `path` has tokens (the member name it may add is not counted: it is
    /// part of the patch, which is bounded already).
    fn grown(&self, op: &PatchOperation, doc: &Json) -> Bounds {
        let tokens = |p: &str| p.bytes().filter(|&b| b == b'/').count();
        let added = match op {
            PatchOperation::Add(o) => below(measure(&o.value), tokens(o.path.as_str())),
            PatchOperation::Replace(o) => below(measure(&o.value), tokens(o.path.as_str())),
            PatchOperation::Copy(o) => {
                let src = doc.pointer(o.from.as_str()).map_or(Bounds::ZERO, measure);
                below(src, tokens(o.path.as_str()))
            }
            // A moved value keeps its size; its depth is at most what lies below `from`.
            PatchOperation::Move(o) => Bounds {
                depth: (self.depth + tokens(o.path.as_str())).saturating_sub(tokens(o.from.as_str())),
                ..Bounds::ZERO
            },
            PatchOperation::Remove(_) | PatchOperation::Test(_) => Bounds::ZERO,
        };
        Bounds {
            values: self.values.saturating_add(added.values),
            bytes: self.bytes.saturating_add(added.bytes),
            depth: self.depth.max(added.depth),
        }
    }

    const ZERO: Bounds = Bounds { values: 0, bytes: 0, depth: 0 };
}

fn below(b: Bounds, containers: usize) -> Bounds {
    Bounds { depth: b.depth + containers, ..b }
}

/// The number of values in `v`, the UTF-8 bytes of its strings and member names, and its
/// nesting depth (containers), without recursion.
fn measure(v: &Json) -> Bounds {
    let mut stack = vec![(v, 0usize)];
    let mut b = Bounds::ZERO;
    while let Some((v, level)) = stack.pop() {
        b.values += 1;
        match v {
            Json::Array(a) => {
                b.depth = b.depth.max(level + 1);
                stack.extend(a.iter().map(|x| (x, level + 1)));
            }
            Json::Object(m) => {
                b.depth = b.depth.max(level + 1);
                for (k, x) in m {
                    b.bytes = b.bytes.saturating_add(k.len());
                    stack.push((x, level + 1));
                }
            }
            Json::String(s) => b.bytes = b.bytes.saturating_add(s.len()),
            _ => {}
        }
    }
    b
}

/// The issue for operation `index` that could not apply; `doc` is the document as that
/// operation left it (for `move`, after its removal: RFC 6902 §4.4).
fn failure(index: usize, op: &PatchOperation, kind: &PatchErrorKind, doc: &Json) -> Issue {
    let (name, path, from) = match op {
        PatchOperation::Add(o) => ("add", o.path.as_str(), None),
        PatchOperation::Remove(o) => ("remove", o.path.as_str(), None),
        PatchOperation::Replace(o) => ("replace", o.path.as_str(), None),
        PatchOperation::Move(o) => ("move", o.path.as_str(), Some(o.from.as_str())),
        PatchOperation::Copy(o) => ("copy", o.path.as_str(), Some(o.from.as_str())),
        PatchOperation::Test(o) => ("test", o.path.as_str(), None),
    };
    let target = |member: &str, pointer: &str, reason: &str| Issue {
        path: format!("/{index}/{member}"),
        kind: IssueKind::PatchTarget { op: name.into(), pointer: pointer.into(), reason: reason.into() },
    };
    match (kind, from) {
        (PatchErrorKind::TestFailed, _) => Issue {
            path: format!("/{index}/path"),
            kind: IssueKind::PatchTest { pointer: path.into(), actual: doc.pointer(path).and_then(quotable) },
        },
        (PatchErrorKind::InvalidFromPointer, Some(from)) => target("from", from, diagnose(doc, from, false)),
        (PatchErrorKind::CannotMoveInsideItself, _) => target("path", path, "inside"),
        // The value goes into `path`'s parent for add, move and copy (RFC 6902 §4.1).
        _ => target("path", path, diagnose(doc, path, matches!(name, "add" | "move" | "copy"))),
    }
}

fn quotable(v: &Json) -> Option<Json> {
    match v {
        Json::Array(_) | Json::Object(_) => None,
        Json::String(s) if s.len() > MAX_QUOTED => None,
        other => Some(other.clone()),
    }
}

/// Why `pointer` names no usable location in `doc`: the parent for an insertion
/// (`into_parent`), else the value itself (RFC 6901 §4, RFC 6902 §4).
fn diagnose(doc: &Json, pointer: &str, into_parent: bool) -> &'static str {
    let Some(tokens) = super::parse_pointer(pointer) else { return "missing" };
    let walk = match tokens.split_last() {
        None => return "root",
        Some((_, parent)) if into_parent => parent,
        Some(_) => &tokens[..],
    };
    let mut cur = doc;
    for t in walk {
        cur = match cur {
            Json::Object(m) => match m.get(t.as_ref()) {
                Some(v) => v,
                None => return "missing",
            },
            Json::Array(a) => match array_index(t).and_then(|i| a.get(i)) {
                Some(v) => v,
                None => return "index",
            },
            _ => return "notContainer",
        };
    }
    match cur {
        Json::Array(_) if into_parent => "index",
        Json::Object(_) | Json::Array(_) => "missing",
        _ if into_parent => "notContainer",
        _ => "missing",
    }
}

/// An RFC 6901 array index: `0` or digits without a leading zero.
fn array_index(t: &str) -> Option<usize> {
    let digits = !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits || (t.len() > 1 && t.starts_with('0')) {
        return None;
    }
    t.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diagnosis_names_the_broken_step() {
        let doc = json!({"a": {"b": [1, 2]}, "s": "x"});
        assert_eq!(diagnose(&doc, "/nope", false), "missing");
        assert_eq!(diagnose(&doc, "/nope/x", true), "missing");
        assert_eq!(diagnose(&doc, "/a/b/2", false), "index");
        assert_eq!(diagnose(&doc, "/a/b/01", false), "index");
        assert_eq!(diagnose(&doc, "/a/b/-", false), "index");
        assert_eq!(diagnose(&doc, "/a/b/3", true), "index");
        assert_eq!(diagnose(&doc, "/s/x", true), "notContainer");
        assert_eq!(diagnose(&doc, "/s/x", false), "notContainer");
        assert_eq!(diagnose(&doc, "", false), "root");
    }

    #[test]
    fn measure_counts_values_text_and_container_depth() {
        let m = |v: Json| {
            let b = measure(&v);
            (b.values, b.bytes, b.depth)
        };
        assert_eq!(m(json!(1)), (1, 0, 0));
        assert_eq!(m(json!([])), (1, 0, 1));
        assert_eq!(m(json!({"a": [1, {"b": null}]})), (5, 2, 3));
        assert_eq!(m(json!({"é": ["xyz", "😀"]})), (4, 2 + 3 + 4, 2));
    }

    #[test]
    fn array_indexes_follow_rfc_6901() {
        assert_eq!(array_index("0"), Some(0));
        assert_eq!(array_index("10"), Some(10));
        for bad in ["", "-", "01", "+1", "1a", "-1"] {
            assert_eq!(array_index(bad), None, "{bad}");
        }
    }
}
