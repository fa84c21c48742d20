//! `pattern`: a string must match one of the API's named patterns, as a whole (decisions R1),
//! in the server's Java dialect (decisions R2). The issue names the first character the
//! pattern does not allow, and knows two common mistakes: a `+` in a telephone number (the
//! server's class has none, decisions R2: `00` instead) and a country code in lower case.
//! A failure that only restates a length issue (too few or too many characters, or empty) is
//! not reported twice.

use serde_json::{json, Map, Value};

use super::issue::IssueKind;
use super::message::{template, Cond, Template};
use crate::regex::patterns::{self, InForce};
use crate::regex::Mismatch;
use crate::schema::Pattern;

/// Sentences for `pattern` (product formats included: [`super::regex_format`] checks the
/// format itself; `validate_product_reference` reports a reference that does not match it).
pub const MESSAGES: &[Template] = &[
    // decisions R14: a match that runs out of its step budget is neither a match nor a
    // mismatch; say so, and what to do.
    template(
        "pattern",
        &[Cond::Is("reason", "budget")],
        "{field} could not be checked against the product's format {format}: matching needs more steps than the limit allows, so whether the server accepts it is unknown. Simplify the format or shorten the value.",
    ),
    template(
        "pattern",
        &[Cond::Is("reason", "budget")],
        "{field} could not be checked against the pattern {pattern}: matching needs more steps than the limit allows, so whether the server accepts it is unknown. Simplify the pattern or shorten the value.",
    ),
    template("pattern", &[], "{field} cannot contain {character|char}: the product's format is {format}."),
    template("pattern", &[], "{field} does not match the product's format {format}."),
    template(
        "pattern",
        &[Cond::Is("reason", "plusSign")],
        "{field} cannot contain '+': the server rejects it. Write the number without '+' (00 for international, or the national format), e.g. {suggestion}.",
    ),
    template(
        "pattern",
        &[Cond::Is("reason", "plusSign")],
        "{field} cannot contain '+': the server rejects it. Write the number without '+' (00 for international, or the national format).",
    ),
    template("pattern", &[Cond::Is("reason", "empty")], "{field} must not be empty; leave the field out instead."),
    template("pattern", &[Cond::Is("reason", "lowercase")], "{field} must be two capital letters: {suggestion}."),
    template("pattern", &[Cond::Is("reason", "lowercase")], "{field} must be two capital letters."),
    template("pattern", &[], "{field} cannot contain {character|char}. Allowed: {pattern|allows}."),
    template("pattern", &[], "{field} cannot contain {character|char}."),
    template("pattern", &[Cond::Is("pattern", "EMAIL")], "{field} must be an e-mail address such as jane.doe@example.co.uk."),
    template("pattern", &[], "{field} is not in the expected form ({pattern|allows})."),
    template("pattern", &[], "{field} is not in the expected form."),
];

/// The causes a `pattern` issue may name in `params.reason` besides the e-mail ones
/// ([`super::email::REASONS`]): a `+` in a telephone number, an empty value, a country code
/// in lower case.
pub const REASONS: &[&str] = &["plusSign", "empty", "lowercase"];

/// What the pattern check of a string found.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The value matches.
    Match,
    /// It does not, but a length issue already says why: report nothing more.
    Quiet,
    /// It does not: this issue.
    Issue(IssueKind),
}

/// Checks `s` against pattern `p`; `length_issue` tells whether a length issue was reported.
pub fn check(p: Pattern, s: &str, length_issue: bool) -> Verdict {
    match patterns::check(p, s) {
        Ok(()) => Verdict::Match,
        Err(Mismatch::Count) if length_issue => Verdict::Quiet,
        Err(Mismatch::NoMatch) if s.is_empty() && length_issue => Verdict::Quiet,
        Err(m) => Verdict::Issue(issue(p, s, m)),
    }
}

/// The issue with the most helpful diagnosis the mismatch allows.
fn issue(p: Pattern, s: &str, m: Mismatch) -> IssueKind {
    let mut character = None;
    let mut index = None;
    let mut reason = None;
    let mut suggestion = None;
    if m == Mismatch::Budget {
        reason = Some("budget".into());
    } else if s.is_empty() {
        reason = Some("empty".into());
    } else {
        if let Mismatch::Char { ch, index: at } = m {
            character = Some(String::from(ch));
            index = Some(at as u64);
            if ch == '+' && p == Pattern::Phone {
                // decisions R2: the server's class has no `+`; `00` is the international
                // prefix the pattern accepts.
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
        // What is wrong with an e-mail address, in R4's own terms; only for the built-in
        // expression (a pattern set by `setPattern` may mean something else).
        if p == Pattern::Email && patterns::source(p) == p.def().source {
            if let Some(d) = super::email::diagnose(s) {
                reason = Some(d.reason.into());
                if let Some((ch, at)) = d.character {
                    character = Some(String::from(ch));
                    index = Some(at);
                }
            }
        }
    }
    IssueKind::Pattern { pattern: p.def().name.to_owned(), character, index, reason, suggestion, format: None }
}

/// JavaScript: the check of string `x` (the runtime's `c.p` reads the pattern slot in force and
/// reports as [`check`] does); a mismatch ends the checks of the value.
pub fn js(p: Pattern) -> String {
    format!("if (c.p(k, mi, {}, x, li)) return;\n", p as usize)
}

/// The `$defs` entry of pattern `p` in force: its ECMAScript form (built with the fixed
/// pattern, or java-regex's `to_ecmascript` for one set with `setPattern`), or, when it has
/// none, a schema that accepts nothing (sound before complete: the validator may reject any
/// value then too).
pub fn json_schema_def(p: Pattern) -> Value {
    let def = p.def();
    let source = patterns::source(p);
    let ecma = match patterns::in_force(p) {
        InForce::Fixed(f) => Ok(f.ecma().into_owned()),
        InForce::Set(u) => u.regex().to_ecmascript().ok_or("it uses a construct with no ECMAScript equivalent"),
    };
    let mut m = Map::new();
    m.insert("type".into(), "string".into());
    match ecma {
        Ok(ecma) => {
            m.insert("pattern".into(), ecma.into());
            m.insert("description".into(), format!("{}: {} ({}).", def.name, def.allows, def.origin).into());
        }
        Err(e) => {
            m.insert("not".into(), json!({}));
            m.insert(
                "description".into(),
                format!("{}: the pattern in force cannot be exported ({e}); no value is accepted.", def.name).into(),
            );
        }
    }
    m.insert("$comment".into(), format!("Server (Java) source, matched against the whole value: {source}").into());
    Value::Object(m)
}

/// `describeField` entry.
pub fn describe(p: Pattern, d: &mut Map<String, Value>) {
    let def = p.def();
    d.insert("pattern".into(), json!({ "name": def.name, "allows": def.allows, "source": patterns::source(p) }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(v: Verdict) -> Option<IssueKind> {
        match v {
            Verdict::Issue(i) => Some(i),
            _ => None,
        }
    }

    #[test]
    fn a_plus_sign_in_a_phone_number_gets_a_fix() {
        let Some(IssueKind::Pattern { reason, suggestion, character, index, .. }) =
            code_of(check(Pattern::Phone, "+44 20 7946 0000", false))
        else {
            panic!("expected a pattern issue")
        };
        assert_eq!((reason.as_deref(), suggestion.as_deref()), (Some("plusSign"), Some("0044 20 7946 0000")));
        assert_eq!((character.as_deref(), index), (Some("+"), Some(0)));
    }

    #[test]
    fn a_failure_that_restates_a_length_issue_is_quiet() {
        assert_eq!(check(Pattern::Phone, "12", true), Verdict::Quiet);
        assert!(matches!(check(Pattern::Phone, "12", false), Verdict::Issue(_)));
        assert_eq!(check(Pattern::NameCurly, "", true), Verdict::Quiet);
        assert_eq!(check(Pattern::Country, "GB", false), Verdict::Match);
        let Some(IssueKind::Pattern { reason, suggestion, .. }) = code_of(check(Pattern::Country, "gb", false)) else {
            panic!("expected a pattern issue")
        };
        assert_eq!((reason.as_deref(), suggestion.as_deref()), (Some("lowercase"), Some("GB")));
    }
}
