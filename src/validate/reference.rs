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
/// product's `format` (decisions R10). Issues are placed as if `{ format, reference }` were
/// validated:
/// `/format` when the format cannot be used (code `format`, `params.format = "regex"`,
/// `params.reason` in Java's words), `/reference` when the reference does not match (code
/// `pattern`, `params.format` is the format, `params.character` the first character a
/// character-class format does not allow), or when matching ran out of its step budget
/// (code `pattern`, `params.reason = "budget"`: the server's verdict is unknown, decisions R14).
///
/// Each is a `&str` (or `&String`) or UTF-16 code units (`&[u16]`, as JavaScript and Java
/// hold strings: a lone surrogate is itself; in the issue's params, which are Rust strings, it
/// shows as U+FFFD).
pub fn validate_product_reference(format: impl ReferenceText, reference: impl ReferenceText) -> Report {
    use sealed::Text;
    match (format.text(), reference.text()) {
        (Text::Str(f), Text::Str(r)) => report(crate::regex::user(f), |p| p.check(r), || f.to_owned()),
        (f, r) => {
            let (f, r) = (f.units(), r.units());
            report(crate::regex::user_utf16(&f), |p| p.check_utf16(&r), || String::from_utf16_lossy(&f))
        }
    }
}

/// The text of a product format or reference: `&str`, `&String` or UTF-16 code units
/// (`&[u16]`). Sealed: these are the forms the regex engine reads.
pub trait ReferenceText: sealed::ReferenceText {}

impl<T: sealed::ReferenceText> ReferenceText for T {}

pub(crate) mod sealed {
    use std::borrow::Cow;

    /// Text as it was given.
    pub enum Text<'a> {
        Str(&'a str),
        Utf16(&'a [u16]),
    }

    impl Text<'_> {
        /// UTF-16 code units of the text.
        pub fn units(&self) -> Cow<'_, [u16]> {
            match self {
                Text::Str(s) => Cow::Owned(s.encode_utf16().collect()),
                Text::Utf16(u) => Cow::Borrowed(u),
            }
        }
    }

    pub trait ReferenceText {
        /// The text.
        fn text(&self) -> Text<'_>;
    }

    impl ReferenceText for &str {
        fn text(&self) -> Text<'_> {
            Text::Str(self)
        }
    }

    impl ReferenceText for &String {
        fn text(&self) -> Text<'_> {
            Text::Str(self)
        }
    }

    impl ReferenceText for &[u16] {
        fn text(&self) -> Text<'_> {
            Text::Utf16(self)
        }
    }
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
