//! English messages, built only from an issue's `path`, `code` and `params` (the JSON the
//! API returns), so an application can replace this formatter (to translate) with exactly the
//! same inputs. The sentences are the rules' own templates ([`crate::rules::message`]) plus
//! those of the query, patch and NDJSON validators; the same table drives the JavaScript
//! formatter. Unknown codes or malformed params still give a sentence, never a panic.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use serde_json::Value;

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

/// The message for the issue `{ path, code, params }`, naming fields by the model's labels.
pub fn message(path: &str, code: &str, params: &Value) -> String {
    message_labelled(path, code, params, &|_| None)
}

/// As [`message`], with the caller's labels first: `custom(key)` is asked for a field's JSON
/// Pointer, then for its name (`formatMessage`'s `labels`).
pub fn message_labelled(path: &str, code: &str, params: &Value, custom: &dyn Fn(&str) -> Option<String>) -> String {
    render(&TEMPLATES, &WORDS, path, code, params, &|p| label_with(p, custom))
}

/// Field name → label, from the model ([`crate::model::field_labels`]).
static LABELS: LazyLock<HashMap<&'static str, String>> =
    LazyLock::new(|| crate::model::field_labels().into_iter().collect());

/// The model's label of the field an issue path points at ("Postcode" for
/// `/siteAddress/postcode`), `Item 2 of Site contacts` for an array item, `The value` for the
/// root; a name the model does not define is shown as it is.
#[cfg(test)]
fn field_label(path: &str) -> String {
    label_with(path, &|_| None)
}

/// An array index as a pointer segment names it (`0`, or up to nine digits without a leading
/// zero); longer digit runs are names. The JavaScript twin is `fieldLabel` in message.js.
fn index_of(segment: &str) -> Option<u32> {
    let digits = !segment.is_empty() && segment.len() <= 9 && segment.bytes().all(|b| b.is_ascii_digit());
    (digits && (segment == "0" || !segment.starts_with('0'))).then(|| segment.parse().ok()).flatten()
}

fn label_with(path: &str, custom: &dyn Fn(&str) -> Option<String>) -> String {
    if let Some(l) = custom(path) {
        return l;
    }
    let Some(at) = path.rfind('/').filter(|_| path.starts_with('/')) else {
        return "The value".to_owned();
    };
    let raw = &path[at + 1..];
    let name: Cow<'_, str> =
        if raw.contains('~') { raw.replace("~1", "/").replace("~0", "~").into() } else { raw.into() };
    if let Some(i) = index_of(&name) {
        let parent = &path[..at];
        let of = if parent.is_empty() { "the list".to_owned() } else { label_with(parent, custom) };
        return format!("Item {} of {of}", u64::from(i) + 1);
    }
    custom(&name).or_else(|| LABELS.get(name.as_ref()).cloned()).unwrap_or_else(|| name.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::IssueKind;

    /// The message for an issue of kind `kind` at `path` (what `Issue::message` gives).
    fn message_for(path: &str, kind: &IssueKind) -> String {
        message(path, kind.code(), &kind.params())
    }

    #[test]
    fn labels_name_the_field() {
        assert_eq!(field_label(""), "The value");
        assert_eq!(field_label("/siteContacts/1/contactEmailAddress"), "Contact e-mail address");
        assert_eq!(field_label("/siteContacts/1"), "Item 2 of Site contacts");
        assert_eq!(field_label("/0"), "Item 1 of the list");
        assert_eq!(field_label("/a~1b"), "a/b", "a name the model does not define");
        assert_eq!(field_label("/x/0123"), "0123", "not an index as a pointer writes one");
        assert_eq!(field_label("/x/1234567890"), "1234567890");
        assert_eq!(field_label("/siteAddress/address1"), "Address line 1", "an explicit label");
    }

    #[test]
    fn caller_labels_go_by_pointer_then_name() {
        let labels = |key: &str| match key {
            "/siteAddress/postcode" => Some("Site postcode".to_owned()),
            "postcode" => Some("Post code".to_owned()),
            "/siteContacts" => Some("Contacts".to_owned()),
            _ => None,
        };
        let required = |path: &str| message_labelled(path, "required", &serde_json::json!({}), &labels);
        assert_eq!(required("/siteAddress/postcode"), "Site postcode is required.");
        assert_eq!(required("/invoiceAddress/postcode"), "Post code is required.");
        assert_eq!(required("/siteAddress/town"), "Town is required.");
        assert_eq!(required("/siteContacts/0"), "Item 1 of Contacts is required.");
        let when = serde_json::json!({"when": {"field": "contactNameToAppearOnInvoice", "equals": true}});
        assert_eq!(
            message("/siteContacts/0/receiveInvoiceBy", "required", &when),
            "Receive invoice by is required when Name on invoice is true."
        );
        let any = serde_json::json!({"anyOf": ["paymentTermsInDays", "preferredPaymentDay"]});
        assert_eq!(
            message("/siteInvoiceDetails/paymentTermsInDays", "required", &any),
            "Give Payment terms in days or Preferred payment day: one of them is required."
        );
    }

    #[test]
    fn messages_name_field_and_limit() {
        let m = message_for("/siteName", &IssueKind::MaxLength { limit: 100, actual: 101 });
        assert_eq!(m, "Site name must be at most 100 characters long (it has 101).");
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
        assert_eq!(m, "Site name must be at most 100 characters long (it has 101).");
        assert_eq!(message("/x", "nope", &Value::Null), "x is not valid (nope).");
        assert_eq!(message("/x", "maxLength", &serde_json::json!({"limit": "lots"})), "x is too long.");
        let w = serde_json::json!({"when": {"field": "isCredit", "equals": true}});
        assert_eq!(message("/billImmediately", "required", &w), "Bill immediately is required when Is credit is true.");
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
        assert!(m.starts_with("Contact telephone number cannot contain '+'"), "{m}");
        assert!(m.contains("0044 20 7946 0000"), "{m}");
    }
}
