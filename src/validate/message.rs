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
        IssueKind::UnknownField {} => format!("{field} is not a field of this object."),
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
    fn plus_sign_message_suggests_a_fix() {
        let k = IssueKind::Pattern {
            pattern: "PHONE".into(),
            character: Some("+".into()),
            index: Some(0),
            reason: Some("plusSign".into()),
            suggestion: Some("0044 20 7946 0000".into()),
        };
        let m = message("/siteContacts/0/contactTelephoneNumber", &k);
        assert!(m.starts_with("contactTelephoneNumber cannot contain '+'"), "{m}");
        assert!(m.contains("0044 20 7946 0000"), "{m}");
    }
}
