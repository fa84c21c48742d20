//! English messages, built only from an issue's `path`, `code` and `params` (the JSON the
//! API returns), so an application can replace this formatter (to translate) with exactly
//! the same inputs. Unknown codes or missing params still give a sentence, never a panic.

use serde_json::Value;

use super::engine::MAX_SAFE_INTEGER;
use super::issue::IssueKind;
use crate::endpoints::{prefixes_in_words, FilterKind};
use crate::schema::Pattern;

/// The message for an issue of kind `kind` at `path` (what `Issue::message` returns).
pub fn message_for(path: &str, kind: &IssueKind) -> String {
    message(path, kind.code(), &kind.params())
}

/// Reads the params of one issue.
struct Params<'a>(&'a Value);

impl<'a> Params<'a> {
    fn get(&self, k: &str) -> Option<&'a Value> {
        self.0.get(k).filter(|v| !v.is_null())
    }
    fn str(&self, k: &str) -> Option<&'a str> {
        self.get(k).and_then(Value::as_str)
    }
    fn text(&self, k: &str) -> String {
        self.get(k).map(json_text).unwrap_or_default()
    }
    fn num(&self, k: &str) -> Option<f64> {
        self.get(k).and_then(Value::as_f64)
    }
    fn list(&self, k: &str) -> Option<Vec<String>> {
        self.get(k).and_then(Value::as_array).map(|a| a.iter().map(json_text).collect())
    }
}

/// The message for the issue `{ path, code, params }`.
pub fn message(path: &str, code: &str, params: &Value) -> String {
    message_labelled(path, code, params, None)
}

/// As [`message`], naming the field `label` instead of its JSON name.
pub fn message_labelled(path: &str, code: &str, params: &Value, label: Option<&str>) -> String {
    let field = label.map_or_else(|| field_label(path), str::to_owned);
    let p = Params(params);
    let n = |k: &str| p.num(k).map(number).unwrap_or_default();
    match code {
        "required" => {
            if let Some(w) = p.get("when") {
                format!("{field} is required when {}.", describe_when(w))
            } else if let Some(fields) = p.list("anyOf") {
                format!("Give {}: one of them is required.", join_or(&fields))
            } else {
                format!("{field} is required.")
            }
        }
        "type" => {
            let (expected, actual) = (p.str("expected").unwrap_or("json"), p.str("actual").unwrap_or("value"));
            match (expected, actual) {
                ("integer", "number") => format!("{field} must be a whole number."),
                (_, "bigint") => format!("{field} must be {}; a BigInt cannot be sent as JSON, pass a number.", article(expected)),
                (_, "cycle") => format!("{field} refers back to an object that contains it; JSON cannot represent that."),
                (_, "NaN" | "Infinity") => format!("{field} must be {}, not {actual}.", article(expected)),
                _ => format!("{field} must be {}, not {}.", article(expected), article(actual)),
            }
        }
        "minLength" if p.num("limit") == Some(1.0) && p.num("actual") == Some(0.0) => format!("{field} must not be empty."),
        "minLength" => format!("{field} must be at least {} characters long (it has {}).", n("limit"), n("actual")),
        "maxLength" => format!("{field} must be at most {} characters long (it has {}).", n("limit"), n("actual")),
        "pattern" => match (p.str("format"), p.str("character")) {
            (Some(format), Some(c)) => format!("{field} cannot contain {}: the product's format is {format}.", show_char(c)),
            (Some(format), None) => format!("{field} does not match the product's format {format}."),
            (None, character) => {
                pattern_message(&field, p.str("pattern").unwrap_or(""), character, p.str("reason"), p.str("suggestion"))
            }
        },
        "enum" => match p.list("allowed").unwrap_or_default().as_slice() {
            [one] => format!("{field} must be {one}."),
            list => format!("{field} must be one of: {}.", list.join(", ")),
        },
        "minimum" => format!("{field} must be at least {}.", n("limit")),
        "maximum" => format!("{field} must be at most {}.", n("limit")),
        "minItems" if p.num("limit") == Some(1.0) => format!("{field} must have at least one item."),
        "minItems" => format!("{field} must have at least {} items (it has {}).", n("limit"), n("actual")),
        "maxItems" => format!("{field} can have at most {} items (it has {}).", n("limit"), n("actual")),
        "format" => match p.str("format").unwrap_or("") {
            "date" => format!("{field} must be a real date written yyyy-MM-dd, such as 2024-02-29."),
            "date-time" => {
                format!("{field} must be a date and time such as 2024-02-29T13:45:00Z (or with an offset such as +01:00).")
            }
            "int32" => format!("{field} must be a whole number between {} and {}.", i32::MIN, i32::MAX),
            "int64" => format!(
                "{field} is too large: whole numbers beyond ±{} cannot be sent exactly from JavaScript.",
                MAX_SAFE_INTEGER as i64
            ),
            "regex" => match p.str("reason") {
                Some(r) => format!("{field} is not a usable regular expression: {r}."),
                None => format!("{field} is not a usable regular expression."),
            },
            "json-pointer" => format!("{field} must be a JSON Pointer such as /siteName."),
            other => format!("{field} is not a valid {other}."),
        },
        "countryCode" => {
            let actual = p.text("actual");
            match p.str("suggestion") {
                Some("GB") => format!("{field}: {actual} is not an ISO 3166-1 country code; the United Kingdom is GB."),
                Some(s) => format!("{field}: {actual} is not an ISO 3166-1 country code; did you mean {s}?"),
                None => format!("{field}: {actual} is not an ISO 3166-1 alpha-2 country code."),
            }
        }
        "singleInvoiceContact" => format!(
            "Only one contact of a site can appear on the invoice; contact {} already has contactNameToAppearOnInvoice set.",
            p.num("first").map_or_else(|| "another".to_owned(), |f| number(f + 1.0))
        ),
        "dependency" => {
            let when = p.get("when").map(describe_when).unwrap_or_else(|| "another field requires it".into());
            format!("{field} must be {} when {when}.", p.text("expected"))
        }
        "json" => format!("The line is not valid JSON at column {}: {}.", n("column"), p.text("message")),
        "unknownField" => match p.list("allowed") {
            None => format!("{field} is not a field of this object."),
            Some(names) if names.is_empty() => format!("{field} is not accepted here: this call takes no parameters."),
            Some(names) => format!("{field} is not accepted here; use one of: {}.", names.join(", ")),
        },
        "patchTarget" => patch_target_message(&field, &p.text("op"), &p.text("pointer"), &p.text("reason")),
        "patchTest" => match p.get("actual") {
            Some(v) => format!("The test of {} failed: the document holds {} there.", show_pointer(&p.text("pointer")), json_text(v)),
            None => format!("The test of {} failed: the document holds a different value there.", show_pointer(&p.text("pointer"))),
        },
        "querySyntax" => query_message(&field, &p.text("syntax"), &p.text("reason"), p.str("item"), p.list("allowed").as_deref()),
        other => format!("{field} is not valid ({other})."),
    }
}

fn show_pointer(p: &str) -> String {
    if p.is_empty() {
        "the whole document".to_owned()
    } else {
        p.to_owned()
    }
}

/// RFC 6902 §4–§5: why an operation could not apply. `field` is `path` or `from`.
fn patch_target_message(field: &str, op: &str, pointer: &str, reason: &str) -> String {
    let at = show_pointer(pointer);
    let what = if field == "from" { format!("{op} from {at}") } else { format!("{op} at {at}") };
    match reason {
        "missing" if op == "add" && field != "from" => {
            format!("Cannot add at {at}: its parent does not exist in the document.")
        }
        "missing" => format!("Cannot {what}: nothing exists there in the document."),
        "index" => format!("Cannot {what}: the array has no such position."),
        "notContainer" => format!("Cannot {what}: it goes into a value that is neither an object nor an array."),
        "root" => format!("Cannot {op} the whole document."),
        "inside" => format!("Cannot move a value into itself: {at} is inside the value being moved."),
        _ => format!("Cannot {what}."),
    }
}

/// What a query parameter's value looks like, per mini-language (api-facts §1.4–§1.5).
fn query_syntax(syntax: &str) -> String {
    let after = |kind: FilterKind| prefixes_in_words(kind.operators());
    match syntax {
        "string" => "a text, in:x,y or like:xyz".into(),
        "id" => "an id such as 12, or in:12,13".into(),
        "date" => format!("a date such as 2024-02-29, optionally after {}", after(FilterKind::Date)),
        "date-time" => {
            format!("a date-time such as 2024-02-29T13:45:00Z, optionally after {}", after(FilterKind::DateTime))
        }
        "sort" => "field names separated by commas, each optionally followed by :desc, such as siteName:desc,id".into(),
        "fields" => "field names separated by commas, such as id,siteName".into(),
        _ => "a value in the parameter's documented form".into(),
    }
}

fn query_message(field: &str, syntax: &str, reason: &str, item: Option<&str>, allowed: Option<&[String]>) -> String {
    let form = query_syntax(syntax);
    let item = item.unwrap_or("");
    let list = allowed.map(|a| a.join(", ")).unwrap_or_default();
    match reason {
        "empty" if !item.is_empty() => format!("{field}: nothing follows {item}; write {form}."),
        "empty" => format!("{field} must not be empty; write {form}."),
        "emptyItem" => format!("{field} has an empty item (two commas in a row, or one at the start or end)."),
        "operator" if list.is_empty() => format!("{field} cannot use {item}; write {form}."),
        "operator" => format!("{field} cannot use {item}; it takes {list} (or a plain value)."),
        "unknownField" => format!("{field}: {item} is not a field of this resource; use one of: {list}."),
        "notSortable" => format!("{field}: the list cannot be sorted on {item}; use one of: {list}."),
        "direction" => format!("{field}: {item} must be a field name, optionally followed by :desc."),
        _ => format!("{field}: {item} is not valid; write {form}."),
    }
}

fn pattern_message(
    field: &str,
    pattern: &str,
    character: Option<&str>,
    reason: Option<&str>,
    suggestion: Option<&str>,
) -> String {
    let def = Pattern::from_name(pattern).map(Pattern::def);
    let allows = def.map_or("the characters the server accepts", |d| d.allows);
    match (reason, character) {
        (Some("plusSign"), _) => {
            let example = suggestion.map(|s| format!(", e.g. {s}")).unwrap_or_default();
            format!(
                "{field} cannot contain '+': the server rejects it. Write the number without '+' \
                 (00 for international, or the national format){example}."
            )
        }
        (Some("empty"), _) => format!("{field} must not be empty; leave the field out instead."),
        (Some("lowercase"), _) => match suggestion {
            Some(s) => format!("{field} must be two capital letters: {s}."),
            None => format!("{field} must be two capital letters."),
        },
        (_, Some(c)) => format!("{field} cannot contain {}. Allowed: {allows}.", show_char(c)),
        _ if def.map(|d| d.pattern) == Some(Pattern::Email) => {
            format!("{field} must be an e-mail address such as jane.doe@example.co.uk.")
        }
        _ => format!("{field} is not in the expected form ({allows})."),
    }
}

fn show_char(c: &str) -> String {
    match c.chars().next() {
        Some(ch) if ch.is_control() || ch.is_whitespace() => format!("the character U+{:04X}", ch as u32),
        _ => format!("'{c}'"),
    }
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

fn describe_when(w: &Value) -> String {
    let field = w.get("field").map(json_text).unwrap_or_default();
    if let Some(v) = w.get("equals").filter(|v| !v.is_null()) {
        format!("{field} is {}", json_text(v))
    } else if let Some(vs) = w.get("oneOf").and_then(Value::as_array) {
        format!("{field} is {}", join_or(&vs.iter().map(json_text).collect::<Vec<_>>()))
    } else {
        format!("{field} is given")
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn json_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e17 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn article(t: &str) -> String {
    match t {
        "integer" => "an integer".into(),
        "object" => "an object".into(),
        "array" => "an array".into(),
        "boolean" => "true or false".into(),
        "json" => "a JSON value".into(),
        "null" | "undefined" | "NaN" | "Infinity" => t.into(),
        "symbol" | "function" | "string" | "number" => format!("a {t}"),
        other => format!("a {other}"),
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
        assert!(message("/x", "maxLength", &serde_json::json!({"limit": "lots"})).starts_with("x must be at most"));
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
