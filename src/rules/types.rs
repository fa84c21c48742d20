//! `type`: the value has the wrong JSON type, or is a JavaScript value JSON cannot carry
//! (`bigint`, `NaN`, `Infinity`, an object that contains itself: `cycle`; at the root
//! `undefined`, a function or a symbol). Nothing below a wrongly typed value is checked.

use super::issue::IssueKind;
use super::message::{template, Cond, Template};
use crate::schema::Kind;

/// Sentences for `type`.
pub const MESSAGES: &[Template] = &[
    template(
        "type",
        &[Cond::Is("expected", "integer"), Cond::Is("actual", "number")],
        "{field} must be a whole number.",
    ),
    // Text where a number goes: what a form input holds when `formBody` could not read it.
    template(
        "type",
        &[Cond::Is("expected", "integer"), Cond::Is("actual", "string")],
        "{field} must be a whole number, written with digits only.",
    ),
    template(
        "type",
        &[Cond::Is("expected", "number"), Cond::Is("actual", "string")],
        "{field} must be a number, such as 12 or 12.5.",
    ),
    template(
        "type",
        &[Cond::Is("expected", "boolean"), Cond::Is("actual", "string")],
        "{field} must be true or false.",
    ),
    template(
        "type",
        &[Cond::Is("actual", "bigint")],
        "{field} must be {expected|article}; a BigInt cannot be sent as JSON, pass a number.",
    ),
    template(
        "type",
        &[Cond::Is("actual", "cycle")],
        "{field} refers back to an object that contains it; JSON cannot represent that.",
    ),
    template("type", &[Cond::Is("actual", "NaN")], "{field} must be {expected|article}, not NaN."),
    template("type", &[Cond::Is("actual", "Infinity")], "{field} must be {expected|article}, not Infinity."),
    template("type", &[], "{field} must be {expected|article}, not {actual|article}."),
    template("type", &[], "{field} has the wrong type."),
];

/// The issue for a value of JSON type `actual` where `kind` is expected.
pub fn issue(kind: &Kind, actual: &str) -> IssueKind {
    IssueKind::Type { expected: kind.type_name().to_owned(), actual: actual.to_owned() }
}

/// JavaScript: report `x` (of the wrong type) where `kind` is expected. The runtime names its
/// type (`cycle` for an object being read, whose contents it reads like JSON.stringify).
pub fn js(kind: &Kind) -> String {
    format!("c.t(k, mi, {}, x)", super::js::quote(kind.type_name()))
}
