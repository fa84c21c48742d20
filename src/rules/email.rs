//! What is wrong with an e-mail address: the diagnosis behind a `pattern` issue of PAT-EMAIL.
//! The verdict is the R4 expression's (decisions R4: the published RFC 5322 "general e-mail"
//! expression, whole value); this only says *why* it said no, in the terms of that expression,
//! so a person can fix the address: no `@`, nothing before or after it, a character the
//! expression does not allow (and where), dots or hyphens in the wrong place, a domain
//! without a dot. Quoted local parts and bracketed IP literals are left to the generic
//! sentence. The JavaScript twin is `src/js/core/email.js`; the engine differential test
//! holds the two to the same params.

use super::message::{template, Cond, Template};

/// Why an address fails, as `params.reason` says it.
pub const REASONS: &[&str] = &[
    "noAt",
    "emptyLocal",
    "localCharacter",
    "localDot",
    "emptyDomain",
    "domainCharacter",
    "domainDot",
    "domainLabel",
    "domainHyphen",
];

/// Sentences for `pattern` issues of PAT-EMAIL with a diagnosis (tried before the pattern
/// rule's own, which name a character with the pattern's description).
pub const MESSAGES: &[Template] = &[
    template(
        "pattern",
        &[Cond::Is("reason", "noAt")],
        "{field} must contain an @, as in jane.doe@example.co.uk.",
    ),
    template(
        "pattern",
        &[Cond::Is("reason", "emptyLocal")],
        "{field} needs a name before the @, as in jane.doe@example.co.uk.",
    ),
    template(
        "pattern",
        &[Cond::Is("reason", "localCharacter")],
        "{field} cannot contain {character|char} before the @ (character {index|ordinal}).",
    ),
    template(
        "pattern",
        &[Cond::Is("reason", "localDot")],
        "{field} cannot start or end with a dot, or have two dots in a row, before the @.",
    ),
    template(
        "pattern",
        &[Cond::Is("reason", "emptyDomain")],
        "{field} needs a domain after the @, as in jane.doe@example.co.uk.",
    ),
    template(
        "pattern",
        &[Cond::Is("reason", "domainCharacter")],
        "{field} cannot contain {character|char} after the @ (character {index|ordinal}): a domain has only letters, digits, hyphens and dots.",
    ),
    template(
        "pattern",
        &[Cond::Is("reason", "domainDot")],
        "{field} needs a full domain after the @, with a dot, as in example.co.uk.",
    ),
    template(
        "pattern",
        &[Cond::Is("reason", "domainLabel")],
        "{field} cannot have a dot at the start or end of the domain, or two dots in a row.",
    ),
    template(
        "pattern",
        &[Cond::Is("reason", "domainHyphen")],
        "{field}: a part of the domain cannot start or end with a hyphen.",
    ),
];

/// What is wrong with an address the R4 expression rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// One of [`REASONS`].
    pub reason: &'static str,
    /// The character at fault and its UTF-16 offset, for the `…Character` reasons.
    pub character: Option<(char, u64)>,
}

/// The characters R4 allows in an unquoted local part besides ASCII letters and digits.
const LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-";

fn local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(c)
}

fn domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '.'
}

/// Why `s` is not an address of R4's grammar, read left to right; `None` for a quoted local
/// part or an IP literal (which the generic sentence covers), or when nothing is found.
pub fn diagnose(s: &str) -> Option<Diagnosis> {
    let plain = |reason| Some(Diagnosis { reason, character: None });
    if s.starts_with('"') {
        return None;
    }
    let Some(at) = s.find('@') else { return plain("noAt") };
    let (local, domain) = (&s[..at], &s[at + 1..]);
    if local.is_empty() {
        return plain("emptyLocal");
    }
    let utf16 = |byte: usize| s[..byte].encode_utf16().count() as u64;
    if let Some((i, c)) = local.char_indices().find(|&(_, c)| !local_char(c) && c != '.') {
        return Some(Diagnosis { reason: "localCharacter", character: Some((c, utf16(i))) });
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return plain("localDot");
    }
    if domain.is_empty() {
        return plain("emptyDomain");
    }
    if domain.starts_with('[') {
        return None;
    }
    if let Some((i, c)) = domain.char_indices().find(|&(_, c)| !domain_char(c)) {
        return Some(Diagnosis { reason: "domainCharacter", character: Some((c, utf16(at + 1 + i))) });
    }
    if !domain.contains('.') {
        return plain("domainDot");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.iter().any(|l| l.is_empty()) {
        return plain("domainLabel");
    }
    if labels.iter().any(|l| l.starts_with('-') || l.ends_with('-')) {
        return plain("domainHyphen");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regex::patterns;
    use crate::schema::Pattern;

    fn reason(s: &str) -> Option<&'static str> {
        diagnose(s).map(|d| d.reason)
    }

    #[test]
    fn each_defect_is_named_and_where() {
        assert_eq!(reason("jane.doe.example.com"), Some("noAt"));
        assert_eq!(reason("@example.com"), Some("emptyLocal"));
        assert_eq!(
            diagnose("jane doe@example.com"),
            Some(Diagnosis { reason: "localCharacter", character: Some((' ', 4)) })
        );
        assert_eq!(reason(".jane@example.com"), Some("localDot"));
        assert_eq!(reason("jane..doe@example.com"), Some("localDot"));
        assert_eq!(reason("jane@"), Some("emptyDomain"));
        assert_eq!(
            diagnose("jane@exa_mple.com"),
            Some(Diagnosis { reason: "domainCharacter", character: Some(('_', 8)) })
        );
        assert_eq!(
            diagnose("jané@x@example.com"),
            Some(Diagnosis { reason: "localCharacter", character: Some(('é', 3)) })
        );
        assert_eq!(
            diagnose("jane@x@example.com"),
            Some(Diagnosis { reason: "domainCharacter", character: Some(('@', 6)) })
        );
        assert_eq!(
            diagnose("😀jane@exämple.com"),
            Some(Diagnosis { reason: "localCharacter", character: Some(('😀', 0)) })
        );
        assert_eq!(reason("jane@example"), Some("domainDot"));
        assert_eq!(reason("jane@example..com"), Some("domainLabel"));
        assert_eq!(reason("jane@example.com."), Some("domainLabel"));
        assert_eq!(reason("jane@-example.com"), Some("domainHyphen"));
        assert_eq!(reason("\"jane doe\"@example"), None);
        assert_eq!(reason("jane@[300.0.0.1]"), None);
    }

    /// A diagnosis is only ever given for an address R4 rejects: over every address the
    /// diagnosis accepts, the expression agrees.
    #[test]
    fn the_verdict_stays_r4s() {
        let parts = ["", "a", "j.d", ".", "..", "-", "a-", "@", "x y", "é", "b.c", "b", "co.uk", "[1.2.3.4]", "\""];
        for a in parts {
            for b in parts {
                for sep in ["@", ""] {
                    let s = format!("{a}{sep}{b}");
                    let r4 = patterns::check(Pattern::Email, &s).is_ok();
                    if diagnose(&s).is_some() {
                        assert!(!r4, "{s:?} is accepted by R4 but diagnosed");
                    }
                }
            }
        }
    }
}
