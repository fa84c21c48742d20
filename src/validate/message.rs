//! English messages, built only from an issue's `path`, `code` and `params` (the JSON the
//! API returns), so an application can replace this formatter (to translate) with exactly the
//! same inputs. The sentences are the rules' own templates ([`crate::rules::message`]) plus
//! those of the query, patch and NDJSON validators; the same table drives the JavaScript
//! formatter. Unknown codes or malformed params still give a sentence, never a panic.

use std::sync::LazyLock;

use serde_json::Value;

use super::issue::IssueKind;
use crate::rules::message::{render, Template, Vocabulary};
use crate::schema::PATTERNS;

static TEMPLATES: LazyLock<Vec<Template>> = LazyLock::new(|| {
    let mut all = crate::rules::templates();
    all.extend_from_slice(super::query::MESSAGES);
    all.extend_from_slice(super::patch::MESSAGES);
    all.extend_from_slice(super::ndjson::MESSAGES);
    all
});

static WORDS: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary {
    allows: PATTERNS.iter().map(|d| (d.name, d.allows)).collect(),
    syntax: super::query::syntax_words(),
});

/// Every message template, in the order they are tried (written into the package for the
/// JavaScript formatter).
pub fn templates() -> &'static [Template] {
    &TEMPLATES
}

/// What the templates' filters look up (written into the package with the templates).
pub fn vocabulary() -> &'static Vocabulary {
    &WORDS
}

/// The message for an issue of kind `kind` at `path` (what `Issue::message` returns).
pub fn message_for(path: &str, kind: &IssueKind) -> String {
    message(path, kind.code(), &kind.params())
}

/// The message for the issue `{ path, code, params }`.
pub fn message(path: &str, code: &str, params: &Value) -> String {
    message_labelled(path, code, params, None)
}

/// As [`message`], naming the field `label` instead of its JSON name.
pub fn message_labelled(path: &str, code: &str, params: &Value, label: Option<&str>) -> String {
    let field = label.map_or_else(|| field_label(path), str::to_owned);
    render(&TEMPLATES, &WORDS, path, code, params, &field)
}

/// The name of the field an issue path points at: its last member name, or
/// `siteContacts[1]` for an array item.
pub fn field_label(path: &str) -> String {
    if path.is_empty() {
        return "The value".to_owned();
    }
    let segs = super::parse_pointer(path).unwrap_or_default();
    let Some(last) = segs.last() else { return "The value".to_owned() };
    if last.chars().all(|c| c.is_ascii_digit()) && !last.is_empty() {
        let parent = segs.len().checked_sub(2).and_then(|i| segs.get(i)).map_or("item", |s| s.as_ref());
        format!("{parent}[{last}]")
    } else {
        last.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_the_field() {
        assert_eq!(field_label(""), "The value");
        assert_eq!(field_label("/siteContacts/1/contactEmailAddress"), "contactEmailAddress");
        assert_eq!(field_label("/siteContacts/1"), "siteContacts[1]");
        assert_eq!(field_label("/a~1b"), "a/b");
    }

    #[test]
    fn messages_name_field_and_limit() {
        let m = message_for("/siteName", &IssueKind::MaxLength { limit: 100, actual: 101 });
        assert_eq!(m, "siteName must be at most 100 characters long (it has 101).");
        let m = message_for("/x", &IssueKind::Enum { allowed: vec!["A".into(), "B".into()] });
        assert_eq!(m, "x must be one of: A, B.");
    }

    #[test]
    fn patch_messages_say_which_operation_and_why() {
        let t = |path: &str, op: &str, pointer: &str, reason: &str| {
            message_for(path, &IssueKind::PatchTarget { op: op.into(), pointer: pointer.into(), reason: reason.into() })
        };
        assert_eq!(t("/0/path", "remove", "/a/9", "index"), "Cannot remove at /a/9: the array has no such position.");
        assert_eq!(t("/2/from", "copy", "/x", "missing"), "Cannot copy from /x: nothing exists there in the document.");
        assert_eq!(t("/1/from", "move", "/x", "missing"), "Cannot move from /x: nothing exists there in the document.");
        assert_eq!(
            t("/0/path", "add", "/s/k", "notContainer"),
            "Cannot add at /s/k: it goes into a value that is neither an object nor an array."
        );
        assert_eq!(t("/0/path", "remove", "", "root"), "Cannot remove the whole document.");
        assert_eq!(
            t("/0/path", "move", "/o/i", "inside"),
            "Cannot move a value into itself: /o/i is inside the value being moved."
        );
        let m = message_for("/3/path", &IssueKind::PatchTest { pointer: "".into(), actual: None });
        assert_eq!(m, "The test of the whole document failed: the document holds a different value there.");
    }

    #[test]
    fn query_messages_describe_the_mini_language() {
        let q = |syntax: &str, reason: &str, item: Option<&str>, allowed: Option<Vec<String>>| {
            let kind = IssueKind::QuerySyntax {
                syntax: syntax.into(),
                reason: reason.into(),
                item: item.map(Into::into),
                allowed,
            };
            message_for("/p", &kind)
        };
        let ab = || Some(vec!["a".to_owned(), "b".to_owned()]);
        assert_eq!(q("id", "value", Some("x"), None), "p: x is not valid; write an id such as 12, or in:12,13.");
        assert_eq!(q("id", "empty", None, None), "p must not be empty; write an id such as 12, or in:12,13.");
        assert_eq!(
            q("sort", "emptyItem", None, None),
            "p has an empty item (two commas in a row, or one at the start or end)."
        );
        assert_eq!(
            q("sort", "unknownField", Some("z"), ab()),
            "p: z is not a field of this resource; use one of: a, b."
        );
        assert_eq!(q("sort", "notSortable", Some("z"), ab()), "p: the list cannot be sorted on z; use one of: a, b.");
        assert_eq!(
            q("sort", "direction", Some("a:asc"), None),
            "p: a:asc must be a field name, optionally followed by :desc."
        );
        let m = message_for("/nope", &IssueKind::UnknownField { allowed: ab() });
        assert_eq!(m, "nope is not accepted here; use one of: a, b.");
        assert_eq!(message_for("/x", &IssueKind::UnknownField { allowed: None }), "x is not a field of this object.");
    }

    #[test]
    fn formats_from_json_alone_and_never_fails() {
        let m = message("/siteName", "maxLength", &serde_json::json!({"limit": 100, "actual": 101}));
        assert_eq!(m, "siteName must be at most 100 characters long (it has 101).");
        assert_eq!(message("/x", "nope", &Value::Null), "x is not valid (nope).");
        assert_eq!(message("/x", "maxLength", &serde_json::json!({"limit": "lots"})), "x is too long.");
        let w = serde_json::json!({"when": {"field": "isCredit", "equals": true}});
        assert_eq!(message("/billImmediately", "required", &w), "billImmediately is required when isCredit is true.");
    }

    #[test]
    fn plus_sign_message_suggests_a_fix() {
        let k = IssueKind::Pattern {
            pattern: "PHONE".into(),
            character: Some("+".into()),
            index: Some(0),
            reason: Some("plusSign".into()),
            suggestion: Some("0044 20 7946 0000".into()),
            format: None,
        };
        let m = message_for("/siteContacts/0/contactTelephoneNumber", &k);
        assert!(m.starts_with("contactTelephoneNumber cannot contain '+'"), "{m}");
        assert!(m.contains("0044 20 7946 0000"), "{m}");
    }
}
