//! English messages, built only from an issue's `path`, `code` and `params`, so that an
//! application can replace this formatter (to translate) with the same inputs.

use super::issue::{IssueKind, When};
use super::patterns::{Pattern, PATTERNS};

/// The message for an issue at `path`.
pub fn message(path: &str, kind: &IssueKind) -> String {
    let field = field_label(path);
    match kind {
        IssueKind::Required { when: Some(w), .. } => format!("{field} is required when {}.", describe_when(w)),
        IssueKind::Required { any_of: Some(fields), .. } => {
            format!("Give {}: one of them is required.", join_or(fields))
        }
        IssueKind::Required { .. } => format!("{field} is required."),
        IssueKind::Type { expected, actual } => match (expected.as_str(), actual.as_str()) {
            ("integer", "number") => format!("{field} must be a whole number."),
            (_, "bigint") => {
                format!("{field} must be {}; a BigInt cannot be sent as JSON, pass a number.", article(expected))
            }
            (_, "cycle") => format!("{field} refers back to an object that contains it; JSON cannot represent that."),
            (_, "NaN" | "Infinity") => format!("{field} must be {}, not {actual}.", article(expected)),
            _ => format!("{field} must be {}, not {}.", article(expected), article(actual)),
        },
        IssueKind::MinLength { limit: 1, actual: 0 } => format!("{field} must not be empty."),
        IssueKind::MinLength { limit, actual } => {
            format!("{field} must be at least {limit} characters long (it has {actual}).")
        }
        IssueKind::MaxLength { limit, actual } => {
            format!("{field} must be at most {limit} characters long (it has {actual}).")
        }
        IssueKind::Pattern { format: Some(format), character, .. } => match character {
            Some(c) => format!("{field} cannot contain {}: the product's format is {format}.", show_char(c)),
            None => format!("{field} does not match the product's format {format}."),
        },
        IssueKind::Pattern { pattern, character, reason, suggestion, .. } => {
            pattern_message(&field, pattern, character.as_deref(), reason.as_deref(), suggestion.as_deref())
        }
        IssueKind::Enum { allowed } => {
            let list: Vec<String> = allowed.iter().map(json_text).collect();
            if list.len() == 1 {
                format!("{field} must be {}.", list[0])
            } else {
                format!("{field} must be one of: {}.", list.join(", "))
            }
        }
        IssueKind::Minimum { limit, .. } => format!("{field} must be at least {}.", number(*limit)),
        IssueKind::Maximum { limit, .. } => format!("{field} must be at most {}.", number(*limit)),
        IssueKind::MinItems { limit: 1, .. } => format!("{field} must have at least one item."),
        IssueKind::MinItems { limit, actual } => format!("{field} must have at least {limit} items (it has {actual})."),
        IssueKind::MaxItems { limit, actual } => format!("{field} can have at most {limit} items (it has {actual})."),
        IssueKind::Format { format, reason } => match format.as_str() {
            "date" => format!("{field} must be a real date written yyyy-MM-dd, such as 2024-02-29."),
            "date-time" => format!(
                "{field} must be a date and time such as 2024-02-29T13:45:00Z (or with an offset such as +01:00)."
            ),
            "int32" => format!("{field} must be a whole number between -2147483648 and 2147483647."),
            "int64" => format!(
                "{field} is too large: whole numbers beyond ±9007199254740991 cannot be sent exactly from JavaScript."
            ),
            "regex" => match reason {
                Some(r) => format!("{field} is not a usable regular expression: {r}."),
                None => format!("{field} is not a usable regular expression."),
            },
            "json-pointer" => format!("{field} must be a JSON Pointer such as /siteName."),
            other => format!("{field} is not a valid {other}."),
        },
        IssueKind::CountryCode { actual, suggestion } => match suggestion.as_deref() {
            Some("GB") => format!("{field}: {actual} is not an ISO 3166-1 country code; the United Kingdom is GB."),
            Some(s) => format!("{field}: {actual} is not an ISO 3166-1 country code; did you mean {s}?"),
            None => format!("{field}: {actual} is not an ISO 3166-1 alpha-2 country code."),
        },
        IssueKind::SingleInvoiceContact { first } => format!(
            "Only one contact of a site can appear on the invoice; contact {} already has contactNameToAppearOnInvoice set.",
            first + 1
        ),
        IssueKind::Dependency { expected, when } => {
            format!("{field} must be {} when {}.", json_text(expected), describe_when(when))
        }
        IssueKind::Json { message, column } => format!("The line is not valid JSON at column {column}: {message}."),
        IssueKind::UnknownField { allowed: None } => format!("{field} is not a field of this object."),
        IssueKind::UnknownField { allowed: Some(names) } if names.is_empty() => {
            format!("{field} is not accepted here: this call takes no parameters.")
        }
        IssueKind::UnknownField { allowed: Some(names) } => {
            format!("{field} is not accepted here; use one of: {}.", names.join(", "))
        }
        IssueKind::PatchTarget { op, pointer, reason } => patch_target_message(&field, op, pointer, reason),
        IssueKind::PatchTest { pointer, actual: Some(v) } => {
            format!("The test of {} failed: the document holds {} there.", show_pointer(pointer), json_text(v))
        }
        IssueKind::PatchTest { pointer, actual: None } => {
            format!("The test of {} failed: the document holds a different value there.", show_pointer(pointer))
        }
        IssueKind::QuerySyntax { syntax, reason, item, allowed } => {
            query_message(&field, syntax, reason, item.as_deref(), allowed.as_deref())
        }
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
        "missing" if op == "add" && field != "from" => format!("Cannot add at {at}: its parent does not exist in the document."),
        "missing" => format!("Cannot {what}: nothing exists there in the document."),
        "index" => format!("Cannot {what}: the array has no such position."),
        "notContainer" => format!("Cannot {what}: it goes into a value that is neither an object nor an array."),
        "root" => format!("Cannot {op} the whole document."),
        "inside" => format!("Cannot move a value into itself: {at} is inside the value being moved."),
        _ => format!("Cannot {what}."),
    }
}

/// What a query parameter's value looks like, per mini-language (api-facts §1.4–§1.5).
fn query_syntax(syntax: &str) -> &'static str {
    match syntax {
        "string" => "a text, in:x,y or like:xyz",
        "id" => "an id such as 12, or in:12,13",
        "date" => "a date such as 2024-02-29, optionally after lt:, gt: or gtn:",
        "date-time" => "a date-time such as 2024-02-29T13:45:00Z, optionally after lt: or gt:",
        "sort" => "field names separated by commas, each optionally followed by :desc, such as siteName:desc,id",
        "fields" => "field names separated by commas, such as id,siteName",
        _ => "a value in the parameter's documented form",
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
    let def = PATTERNS.iter().find(|d| d.name == pattern);
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
    let segs: Vec<String> = path.split('/').skip(1).map(|s| s.replace("~1", "/").replace("~0", "~")).collect();
    let Some(last) = segs.last() else { return "The value".to_owned() };
    if last.chars().all(|c| c.is_ascii_digit()) && !last.is_empty() {
        let parent = segs.len().checked_sub(2).map(|i| segs[i].as_str()).unwrap_or("item");
        format!("{parent}[{last}]")
    } else {
        last.clone()
    }
}

fn describe_when(w: &When) -> String {
    if let Some(v) = &w.equals {
        format!("{} is {}", w.field, json_text(v))
    } else if let Some(vs) = &w.one_of {
        format!("{} is {}", w.field, join_or(vs))
    } else {
        format!("{} is given", w.field)
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
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
        let m = message("/siteName", &IssueKind::MaxLength { limit: 100, actual: 101 });
        assert_eq!(m, "siteName must be at most 100 characters long (it has 101).");
        let m = message("/x", &IssueKind::Enum { allowed: vec!["A".into(), "B".into()] });
        assert_eq!(m, "x must be one of: A, B.");
    }

    #[test]
    fn patch_messages_say_which_operation_and_why() {
        let t = |path: &str, op: &str, pointer: &str, reason: &str| {
            message(path, &IssueKind::PatchTarget { op: op.into(), pointer: pointer.into(), reason: reason.into() })
        };
        assert_eq!(t("/0/path", "remove", "/a/9", "index"), "Cannot remove at /a/9: the array has no such position.");
        assert_eq!(t("/2/from", "copy", "/x", "missing"), "Cannot copy from /x: nothing exists there in the document.");
        assert_eq!(t("/1/from", "move", "/x", "missing"), "Cannot move from /x: nothing exists there in the document.");
        assert_eq!(
            t("/0/path", "add", "/s/k", "notContainer"),
            "Cannot add at /s/k: it goes into a value that is neither an object nor an array."
        );
        assert_eq!(t("/0/path", "remove", "", "root"), "Cannot remove the whole document.");
        assert_eq!(t("/0/path", "move", "/o/i", "inside"), "Cannot move a value into itself: /o/i is inside the value being moved.");
        let m = message("/3/path", &IssueKind::PatchTest { pointer: "".into(), actual: None });
        assert_eq!(m, "The test of the whole document failed: the document holds a different value there.");
    }

    #[test]
    fn query_messages_describe_the_mini_language() {
        let q = |syntax: &str, reason: &str, item: Option<&str>, allowed: Option<Vec<String>>| {
            let kind = IssueKind::QuerySyntax { syntax: syntax.into(), reason: reason.into(), item: item.map(Into::into), allowed };
            message("/p", &kind)
        };
        let ab = || Some(vec!["a".to_owned(), "b".to_owned()]);
        assert_eq!(q("id", "value", Some("x"), None), "p: x is not valid; write an id such as 12, or in:12,13.");
        assert_eq!(q("id", "empty", None, None), "p must not be empty; write an id such as 12, or in:12,13.");
        assert_eq!(q("sort", "emptyItem", None, None), "p has an empty item (two commas in a row, or one at the start or end).");
        assert_eq!(q("sort", "unknownField", Some("z"), ab()), "p: z is not a field of this resource; use one of: a, b.");
        assert_eq!(q("sort", "notSortable", Some("z"), ab()), "p: the list cannot be sorted on z; use one of: a, b.");
        assert_eq!(q("sort", "direction", Some("a:asc"), None), "p: a:asc must be a field name, optionally followed by :desc.");
        let m = message("/nope", &IssueKind::UnknownField { allowed: ab() });
        assert_eq!(m, "nope is not accepted here; use one of: a, b.");
        assert_eq!(message("/x", &IssueKind::UnknownField { allowed: None }), "x is not a field of this object.");
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
        let m = message("/siteContacts/0/contactTelephoneNumber", &k);
        assert!(m.starts_with("contactTelephoneNumber cannot contain '+'"), "{m}");
        assert!(m.contains("0044 20 7946 0000"), "{m}");
    }
}
