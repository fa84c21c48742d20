//! `format: regex`: a field whose value is itself a regular expression the server will apply
//! (a product's reference formats, decisions R10): it must compile in the server's Java
//! dialect (decisions R2, R14), at most [`crate::regex::MAX_PATTERN_CHARS`] long. The reason
//! is Java's own `PatternSyntaxException` wording ("Dangling meta character '*' near index 0").

use serde_json::{Map, Value};

use super::issue::IssueKind;
use super::message::{template, Cond, Template};

/// Sentences for `format: regex`.
pub const MESSAGES: &[Template] = &[
    template("format", &[Cond::Is("format", "regex")], "{field} is not a usable regular expression: {reason}."),
    template("format", &[Cond::Is("format", "regex")], "{field} is not a usable regular expression."),
];

/// The format's name in issues, descriptions and exports.
pub const NAME: &str = crate::schema::TextFormat::Regex.name();

/// The issue for a string that does not compile as a regex of the server's dialect.
pub fn check(s: &str) -> Option<IssueKind> {
    crate::regex::user(s).err().map(|e| IssueKind::Format { format: NAME.into(), reason: Some(e.to_string()) })
}

/// JavaScript: the runtime asks the regex engine (`c.rx`), which lives in the WebAssembly
/// module: the form path has no regex compiler of Java's dialect.
pub fn js() -> String {
    "c.rx(k, mi, x);\n".into()
}

/// JSON Schema cannot say "compiles in Java's dialect": the field's description says so.
pub fn json_schema_note() -> &'static str {
    " A regular expression in the server's (Java) dialect, matched against whole values (decisions R10). \
     This schema only says it is a string: whether it compiles cannot be said in JSON Schema, \
     the elevate-billing validator checks it."
}

/// `describeField` entry.
pub fn describe(d: &mut Map<String, Value>) {
    d.insert("format".into(), NAME.into());
}
