//! Product-defined formats (decisions R10): a usage or rental product carries regexes
//! (`productReferenceFormat`, `serviceIdFormat`, `additionalProductReferenceFormat`) that the
//! server applies with `java.util.regex` to the references of its inventories (api-facts §2,
//! "Regex-valued data fields"). They are data, so they are compiled at run time, once each,
//! through the bounded cache of [`crate::regex::user`], in Java's dialect exactly (decisions
//! R2, R14), and matched against the whole value (R1) as Java sees it: UTF-16, a lone
//! surrogate being itself, within a step budget.

use super::issue::{Issue, IssueKind};
use super::Report;
use crate::regex::{Mismatch, PatternError, UserPattern};

/// The `pattern` param of a mismatch: product formats have no name in the pattern table.
pub const PRODUCT_FORMAT: &str = "PRODUCT_FORMAT";

/// Checks `reference` (a product reference, additional reference or service id) against the
/// product's `format`. Issues are placed as if `{ format, reference }` were validated:
/// `/format` when the format cannot be used (code `format`, `params.format = "regex"`,
/// `params.reason` in Java's words), `/reference` when the reference does not match (code
/// `pattern`, `params.format` is the format, `params.character` the first character a
/// character-class format does not allow), or when matching ran out of its step budget
/// (code `pattern`, `params.reason = "budget"`: the server's verdict is unknown, decisions R14).
pub fn validate_product_reference(format: &str, reference: &str) -> Report {
    report(crate::regex::user(format), |p| p.check(reference), || format.to_owned())
}

/// [`validate_product_reference`] on UTF-16 code units, as JavaScript and Java hold strings:
/// a lone surrogate in the format or the reference is itself. (In the issue's params, which
/// are Rust strings, it shows as U+FFFD; the JavaScript binding puts the original back.)
pub fn validate_product_reference_utf16(format: &[u16], reference: &[u16]) -> Report {
    report(crate::regex::user_utf16(format), |p| p.check_utf16(reference), || String::from_utf16_lossy(format))
}

fn report(
    compiled: Result<std::sync::Arc<UserPattern>, PatternError>,
    check: impl FnOnce(&UserPattern) -> Result<(), Mismatch>,
    format: impl FnOnce() -> String,
) -> Report {
    let issue = match compiled {
        Err(e) => Some(Issue {
            path: "/format".into(),
            kind: IssueKind::Format { format: "regex".into(), reason: Some(e.to_string()) },
        }),
        Ok(compiled) => check(&compiled).err().map(|m| {
            let (character, index) = match m {
                Mismatch::Char { ch, index } => (Some(ch.to_string()), Some(index as u64)),
                Mismatch::Count | Mismatch::NoMatch | Mismatch::Budget => (None, None),
            };
            Issue {
                path: "/reference".into(),
                kind: IssueKind::Pattern {
                    pattern: PRODUCT_FORMAT.into(),
                    character,
                    index,
                    reason: (m == Mismatch::Budget).then(|| "budget".into()),
                    suggestion: None,
                    format: Some(format()),
                },
            }
        }),
    };
    Report::new(issue.into_iter().collect())
}
