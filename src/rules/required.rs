//! `required`: a field that must be given is absent or `null` (or a rule made it required:
//! [`super::required_if`], [`super::any_of`]). The walk reports it once every member was
//! read, at the member's place when it was `null` and after every member when it was left
//! out (in schema order).

use super::issue::IssueKind;
use super::js::quote;
use super::message::{template, Cond, Template};

/// Sentences for `required`, including the conditional forms.
pub const MESSAGES: &[Template] = &[
    template("required", &[], "{field} is required when {when|when}."),
    template("required", &[], "Give {anyOf|fields}: one of them is required."),
    template("required", &[Cond::Missing("when"), Cond::Missing("anyOf")], "{field} is required."),
    template("required", &[], "{field} is required."),
];

/// The issue for a field that must be given and is not.
pub fn issue() -> IssueKind {
    IssueKind::Required { when: None, any_of: None }
}

/// JavaScript, at the end of an object: report field `name` (index `fi`, variables `p{fi}`
/// present and `a{fi}` member position or -1) when it is not present, and mark it reported
/// (`r{fi}`) so no rule reports it again. `m` counts the members.
pub fn js_missing(name: &str, fi: usize) -> String {
    format!(
        "if (!p{fi}) {{ c.e({}, a{fi} >= 0 ? a{fi} : m + {fi}, \"required\", {{}}); r{fi} = true; }}\n",
        quote(name)
    )
}
