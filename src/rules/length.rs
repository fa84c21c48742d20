//! `minLength` / `maxLength`: a string's length in UTF-16 code units, as Java's
//! `String.length()` and the browser's `value.length` count it (decisions R5).

use serde_json::{Map, Value};

use super::issue::IssueKind;
use super::message::{template, Cond, Template};
use crate::schema::Text;

/// Sentences for `minLength` and `maxLength`.
pub const MESSAGES: &[Template] = &[
    template("minLength", &[Cond::IsNumber("limit", 1.0), Cond::IsNumber("actual", 0.0)], "{field} must not be empty."),
    template("minLength", &[], "{field} must be at least {limit} characters long (it has {actual})."),
    template("minLength", &[], "{field} is too short."),
    template("maxLength", &[], "{field} must be at most {limit} characters long (it has {actual})."),
    template("maxLength", &[], "{field} is too long."),
];

/// UTF-16 code units of `s` (decisions R5).
pub fn utf16_len(s: &str) -> u64 {
    if s.is_ascii() {
        return s.len() as u64;
    }
    s.chars().map(|c| c.len_utf16() as u64).sum()
}

/// Reports the length issues of a string of `len` code units; true when there was one (a
/// pattern failure that only restates it is then not reported, [`super::pattern`]).
pub fn check(t: &Text, len: u64, emit: &mut impl FnMut(IssueKind)) -> bool {
    let mut found = false;
    if len < u64::from(t.min_length) {
        emit(IssueKind::MinLength { limit: t.min_length.into(), actual: len });
        found = true;
    }
    if let Some(max) = t.max_length.filter(|&m| len > u64::from(m)) {
        emit(IssueKind::MaxLength { limit: max.into(), actual: len });
        found = true;
    }
    found
}

/// JavaScript: the same checks on string `x`; sets `li` when an issue was reported.
pub fn js(t: &Text) -> String {
    let mut out = String::new();
    if t.min_length > 0 {
        let min = t.min_length;
        out.push_str(&format!(
            "if (x.length < {min}) {{ c.e(k, mi, \"minLength\", {{ limit: {min}, actual: x.length }}); li = true; }}\n"
        ));
    }
    if let Some(max) = t.max_length {
        out.push_str(&format!(
            "if (x.length > {max}) {{ c.e(k, mi, \"maxLength\", {{ limit: {max}, actual: x.length }}); li = true; }}\n"
        ));
    }
    out
}

/// JSON Schema keywords (`minLength` 0 is the default, left out).
pub fn json_schema(t: &Text, m: &mut Map<String, Value>) {
    if t.min_length > 0 {
        m.insert("minLength".into(), t.min_length.into());
    }
    if let Some(max) = t.max_length {
        m.insert("maxLength".into(), max.into());
    }
}

/// `describeField` entries.
pub fn describe(t: &Text, d: &mut Map<String, Value>) {
    d.insert("minLength".into(), t.min_length.into());
    if let Some(max) = t.max_length {
        d.insert("maxLength".into(), max.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::string;

    #[test]
    fn lengths_count_utf16_code_units_at_both_bounds() {
        let t = string(2, 3);
        let issues = |s: &str| {
            let mut out = Vec::new();
            check(&t, utf16_len(s), &mut |i| out.push(i.code()));
            out
        };
        assert_eq!(issues("a"), ["minLength"]);
        assert!(issues("ab").is_empty() && issues("abc").is_empty());
        assert_eq!(issues("abcd"), ["maxLength"]);
        // An emoji outside the BMP counts two (decisions R5).
        assert!(issues("😀").is_empty());
        assert_eq!(issues("a😀b"), ["maxLength"]);
    }
}
