//! One defect found in a value: `{ path, code, params, message }`, as data a form can show next
//! to a field. `path` is an RFC 6901 JSON Pointer into the validated value; `code` and `params`
//! come from the rule that found it ([`IssueKind`]); `message` is English made from the other
//! three by [`super::message`], so an application can translate from `code` and `params` alone.

use serde::Serialize;

pub use crate::rules::issue::{IssueKind, When, ISSUE_CODES};

/// One defect found in a value.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// RFC 6901 JSON Pointer to the offending value (`""` is the root).
    pub path: String,
    /// What is wrong: the stable `code` and the `params` the rule compared.
    pub kind: IssueKind,
}

impl Issue {
    /// The stable machine code (`"maxLength"`).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The English message for this issue.
    pub fn message(&self) -> String {
        super::message::message(&self.path, self.code(), &self.params())
    }

    /// The params object (`{ "limit": 50, "actual": 51 }`).
    pub fn params(&self) -> serde_json::Value {
        self.kind.params()
    }

    /// `{ path, code, message, params }`, the shape the JavaScript API returns.
    pub fn to_json(&self) -> serde_json::Value {
        let params = self.params();
        serde_json::json!({
            "path": self.path,
            "code": self.code(),
            "message": super::message::message(&self.path, self.code(), &params),
            "params": params,
        })
    }
}

/// The wire shape of an issue. The params are built once and serve both the output and the
/// message (this is on the path of every invalid result).
#[derive(Serialize)]
struct IssueOut<'a> {
    path: &'a str,
    code: &'static str,
    params: &'a serde_json::Value,
    message: String,
}

impl Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let params = self.params();
        let message = super::message::message(&self.path, self.code(), &params);
        IssueOut { path: &self.path, code: self.code(), params: &params, message }.serialize(s)
    }
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.path.is_empty() { "(root)" } else { &self.path };
        write!(f, "{at}: {} [{}]", self.message(), self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn serialises_as_path_code_params_message() {
        let i = Issue { path: "/a".into(), kind: IssueKind::MaxLength { limit: 50, actual: 51 } };
        assert_eq!(serde_json::to_value(&i).unwrap(), i.to_json());
        let r = Issue { path: "".into(), kind: IssueKind::required() };
        assert_eq!(serde_json::to_value(&r).unwrap(), r.to_json());
    }

    #[test]
    fn params_omit_absent_optionals() {
        let i = Issue { path: "/a".into(), kind: IssueKind::MaxLength { limit: 50, actual: 51 } };
        assert_eq!(i.params(), serde_json::json!({"limit": 50, "actual": 51}));
        let r = Issue { path: "/a".into(), kind: IssueKind::required() };
        assert_eq!(r.params(), serde_json::json!({}));
    }
}
