//! `format: json-pointer`: an RFC 6901 JSON Pointer (a JSON Patch operation's `path` and
//! `from`).

use serde_json::{Map, Value};

use super::issue::IssueKind;
use super::message::{template, Cond, Template};

/// Sentences for `format: json-pointer`.
pub const MESSAGES: &[Template] =
    &[template("format", &[Cond::Is("format", "json-pointer")], "{field} must be a JSON Pointer such as /siteName.")];

/// The format's name in issues, descriptions and exports.
pub const NAME: &str = crate::schema::TextFormat::JsonPointer.name();

/// RFC 6901: empty, or `/`-separated tokens where `~` is only followed by `0` or `1`.
pub fn is_json_pointer(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    if !s.starts_with('/') {
        return false;
    }
    let b = s.as_bytes();
    b.iter().enumerate().all(|(i, &c)| c != b'~' || matches!(b.get(i + 1), Some(b'0' | b'1')))
}

/// The issue for a string that is not a pointer.
pub fn check(s: &str) -> Option<IssueKind> {
    (!is_json_pointer(s)).then(|| IssueKind::Format { format: NAME.into(), reason: None })
}

/// JavaScript: the same check of string `x` (the runtime's `isJsonPointer`).
pub fn js() -> String {
    format!("if (!isJsonPointer(x)) c.e(k, mi, \"format\", {{ format: {} }});\n", super::js::quote(NAME))
}

/// JSON Schema keyword.
pub fn json_schema(m: &mut Map<String, Value>) {
    m.insert("format".into(), NAME.into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_pointers() {
        for ok in ["", "/", "/a", "/a~0b/~1", "/sites/0/siteName"] {
            assert!(is_json_pointer(ok), "{ok}");
        }
        for bad in ["a", "/a~", "/a~2", "#/a"] {
            assert!(!is_json_pointer(bad), "{bad}");
        }
    }
}
