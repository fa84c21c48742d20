//! Checks of single values: strings (length, enum, pattern, format) and numbers (type,
//! width, range). The seed calls these with borrowed data; nothing here allocates unless it
//! reports an issue.

use super::super::formats;
use super::super::issue::IssueKind;
use super::Walker;
use crate::regex::patterns::{self, Mismatch};
use crate::schema::Pattern;
use crate::schema::{Integer, Kind, Number, Text, TextFormat, Width};

/// UTF-16 code units, as Java's `String.length()` and the browser count (decisions R5).
pub fn utf16_len(s: &str) -> u64 {
    if s.is_ascii() {
        return s.len() as u64;
    }
    s.chars().map(|c| c.len_utf16() as u64).sum()
}

impl Walker {
    pub(super) fn string(&mut self, t: &Text, s: &str) {
        let len = utf16_len(s);
        let mut length_issue = false;
        if len < u64::from(t.min_length) {
            self.emit(IssueKind::MinLength { limit: t.min_length.into(), actual: len });
            length_issue = true;
        }
        if let Some(max) = t.max_length.filter(|&m| len > u64::from(m)) {
            self.emit(IssueKind::MaxLength { limit: max.into(), actual: len });
            length_issue = true;
        }
        if let Some(choices) = t.choices {
            if !choices.values.contains(&s) {
                self.emit(IssueKind::Enum { allowed: choices.values.iter().map(|v| (*v).into()).collect() });
            }
            return;
        }
        if let Some(p) = t.pattern {
            match patterns::check(p, s) {
                Ok(()) => {}
                // Too short or too long only: the length issue already says so.
                Err(Mismatch::Count) if length_issue => return,
                Err(Mismatch::NoMatch) if s.is_empty() && length_issue => return,
                Err(m) => {
                    self.emit(pattern_issue(p, s, m));
                    return;
                }
            }
        }
        match t.format {
            None => {}
            Some(f @ TextFormat::Date) if !formats::is_date(s) => self.format(f.name(), None),
            Some(f @ TextFormat::DateTime) if !formats::is_date_time(s) => self.format(f.name(), None),
            Some(f @ TextFormat::JsonPointer) if !formats::is_json_pointer(s) => self.format(f.name(), None),
            Some(TextFormat::CountryCode) if !length_issue && !formats::is_country_code(s) => {
                self.emit(IssueKind::CountryCode {
                    actual: s.to_owned(),
                    suggestion: formats::country_suggestion(s).map(str::to_owned),
                });
            }
            Some(f @ TextFormat::Regex) => {
                if let Err(e) = crate::regex::user(s) {
                    self.format(f.name(), Some(e.to_string()));
                }
            }
            Some(_) => {}
        }
    }

    fn format(&mut self, format: &str, reason: Option<String>) {
        self.emit(IssueKind::Format { format: format.to_owned(), reason });
    }

    /// A JSON number where `kind` is expected.
    pub(super) fn number(&mut self, kind: &Kind, n: f64, type_only: bool) {
        match kind {
            Kind::Integer(i) => self.integer(i, n, type_only),
            Kind::Number(r) if !type_only => self.range(r, n),
            Kind::Number(_) => {}
            other => self.type_issue(other, "number"),
        }
    }

    fn integer(&mut self, i: &Integer, n: f64, type_only: bool) {
        if n.fract() != 0.0 {
            return self.emit(IssueKind::Type { expected: "integer".into(), actual: "number".into() });
        }
        // A read-only field is only type-checked: any integer JavaScript holds exactly.
        let width = if type_only { Width::Int64 } else { i.width };
        let (lo, hi) = width.bounds();
        if n < lo || n > hi {
            return self.format(width.name(), None);
        }
        if type_only {
            return;
        }
        if let Some(allowed) = i.choices {
            if !allowed.iter().any(|&a| a as f64 == n) {
                self.emit(IssueKind::Enum { allowed: allowed.iter().map(|&a| a.into()).collect() });
            }
            return;
        }
        if let Some(min) = i.minimum.filter(|&m| n < m as f64) {
            self.emit(IssueKind::Minimum { limit: min as f64, actual: n });
        }
        if let Some(max) = i.maximum.filter(|&m| n > m as f64) {
            self.emit(IssueKind::Maximum { limit: max as f64, actual: n });
        }
    }

    fn range(&mut self, r: &Number, x: f64) {
        if let Some(min) = r.minimum.filter(|m| x < *m) {
            self.emit(IssueKind::Minimum { limit: min, actual: x });
        }
        if let Some(max) = r.maximum.filter(|m| x > *m) {
            self.emit(IssueKind::Maximum { limit: max, actual: x });
        }
    }
}

/// A pattern issue with the most helpful diagnosis the mismatch allows.
fn pattern_issue(p: Pattern, s: &str, m: Mismatch) -> IssueKind {
    let mut character = None;
    let mut index = None;
    let mut reason = None;
    let mut suggestion = None;
    if s.is_empty() {
        reason = Some("empty".into());
    } else {
        if let Mismatch::Char { ch, index: at } = m {
            character = Some(ch.to_string());
            index = Some(at as u64);
            if ch == '+' && p == Pattern::Phone {
                // decisions R2: the server's class has no `+`. `00` is the international
                // prefix that the pattern accepts.
                reason = Some("plusSign".into());
                let fixed = match s.strip_prefix('+') {
                    Some(rest) => format!("00{rest}"),
                    None => s.to_owned(),
                };
                if !fixed.contains('+') && patterns::check(p, &fixed).is_ok() {
                    suggestion = Some(fixed);
                }
            }
        }
        if p == Pattern::Country && s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()) {
            reason = Some("lowercase".into());
            suggestion = Some(s.to_ascii_uppercase());
        }
    }
    IssueKind::Pattern { pattern: p.def().name.to_owned(), character, index, reason, suggestion, format: None }
}
