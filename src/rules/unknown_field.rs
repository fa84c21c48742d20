//! `unknownField`: a member the schema does not define, reported only with
//! `unknownFields: 'report'` (the server ignores such members, decisions R9, so this catches
//! misspelt names); also a query parameter an endpoint does not take, with the accepted names.

use super::message::{template, Cond, Template};

/// Sentences for `unknownField`.
pub const MESSAGES: &[Template] = &[
    template("unknownField", &[Cond::Missing("allowed")], "{field} is not a field of this object."),
    template(
        "unknownField",
        &[Cond::Count("allowed", 0)],
        "{field} is not accepted here: this call takes no parameters.",
    ),
    template("unknownField", &[], "{field} is not accepted here; use one of: {allowed|list}."),
    template("unknownField", &[], "{field} is not accepted here."),
];
