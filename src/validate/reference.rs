//! Product-defined formats (decisions R10): a usage or rental product carries regexes
//! (`productReferenceFormat`, `serviceIdFormat`, `additionalProductReferenceFormat`) that the
//! server applies to the references of its inventories (api-facts §2, "Regex-valued data
//! fields"). They are data, so they are compiled at run time, once each, through the bounded
//! cache of [`crate::regex::user`], in the server's dialect and against the whole value
//! (decisions R1, R2).

use super::issue::{Issue, IssueKind};
use super::Report;
use crate::regex::Mismatch;

/// The `pattern` param of a mismatch: product formats have no name in the pattern table.
pub const PRODUCT_FORMAT: &str = "PRODUCT_FORMAT";

/// Checks `reference` (a product reference, additional reference or service id) against the
/// product's `format`. Issues are placed as if `{ format, reference }` were validated:
/// `/format` when the format cannot be used (code `format`, `params.format = "regex"`,
/// `params.reason` says why), `/reference` when the reference does not match (code
/// `pattern`, `params.format` is the format, `params.character` the first character a
/// character-class format does not allow).
pub fn validate_product_reference(format: &str, reference: &str) -> Report {
    let issue = match crate::regex::user(format) {
        Err(e) => Some(Issue {
            path: "/format".into(),
            kind: IssueKind::Format { format: "regex".into(), reason: Some(e.to_string()) },
        }),
        Ok(compiled) => compiled.check(reference).err().map(|m| {
            let (character, index) = match m {
                Mismatch::Char { ch, index } => (Some(ch.to_string()), Some(index as u64)),
                Mismatch::Count | Mismatch::NoMatch => (None, None),
            };
            Issue {
                path: "/reference".into(),
                kind: IssueKind::Pattern {
                    pattern: PRODUCT_FORMAT.into(),
                    character,
                    index,
                    reason: None,
                    suggestion: None,
                    format: Some(format.into()),
                },
            }
        }),
    };
    Report::new(issue.into_iter().collect())
}
