//! Checks of single values, composed from the rule files ([`crate::rules`]) in the order the
//! engine applies them: a string's length, then its enum (which alone decides) or its pattern
//! (a mismatch ends the checks), then its format; a number's integer width, then its allowed
//! values or bounds. The seed calls these with borrowed data; nothing here allocates unless it
//! reports an issue.

use super::Walker;
use crate::rules::pattern::Verdict;
use crate::rules::{
    choices, country_code, date, date_time, integer, json_pointer, length, pattern, range, regex_format, types,
};
use crate::schema::{Kind, Text, TextFormat};

pub use crate::rules::length::utf16_len;

impl Walker {
    pub(super) fn string(&mut self, t: &Text, s: &str) {
        self.string_of_len(t, s, utf16_len(s));
    }

    /// [`Walker::string`] for a string whose UTF-16 length `len` the reader already knows.
    pub(super) fn string_of_len(&mut self, t: &Text, s: &str, len: u64) {
        let mut emit = |k| self.emit(k);
        let length_issue = length::check(t, len, &mut emit);
        if let Some(c) = t.choices {
            emit.extend(choices::check_str(c, s));
            return;
        }
        if let Some(p) = t.pattern {
            match pattern::check(p, s, length_issue) {
                Verdict::Match => {}
                Verdict::Quiet => return,
                Verdict::Issue(i) => return emit(i),
            }
        }
        let issue = match t.format {
            None => None,
            Some(TextFormat::Date) => date::check(s),
            Some(TextFormat::DateTime) => date_time::check(s),
            Some(TextFormat::JsonPointer) => json_pointer::check(s),
            Some(TextFormat::CountryCode) => country_code::check(s, length_issue),
            Some(TextFormat::Regex) => regex_format::check(s),
        };
        emit.extend(issue);
    }

    /// A JSON number where `kind` is expected.
    pub(super) fn number(&mut self, kind: &Kind, n: f64, type_only: bool) {
        let mut emit = |k| self.emit(k);
        match kind {
            Kind::Integer(i) => integer::check(i, n, type_only, &mut emit),
            Kind::Number(r) if !type_only => range::check(r.minimum, r.maximum, n, &mut emit),
            Kind::Number(_) => {}
            other => emit(types::issue(other, "number")),
        }
    }
}

/// `emit.extend(option)`: report an issue when there is one.
trait EmitExt {
    fn extend(&mut self, issue: Option<crate::rules::issue::IssueKind>);
}

impl<F: FnMut(crate::rules::issue::IssueKind)> EmitExt for F {
    fn extend(&mut self, issue: Option<crate::rules::issue::IssueKind>) {
        if let Some(i) = issue {
            self(i);
        }
    }
}
