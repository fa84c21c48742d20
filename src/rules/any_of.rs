//! `AnyOf`: at least one of several fields must be given (decisions R9, `SiteInvoiceDetails`:
//! `paymentTermsInDays` or `preferredPaymentDay`). Code `required` on the first, with the
//! names in `params.anyOf`.

use serde_json::{json, Value};

use super::condition::Members;
use super::issue::IssueKind;

/// The issue when none of `fields` (indices) is present; `names` are their names.
pub fn check(fields: &[usize], names: &[&str], m: &impl Members) -> Option<IssueKind> {
    fields
        .iter()
        .all(|&f| !m.present(f))
        .then(|| IssueKind::Required { when: None, any_of: Some(names.iter().map(|n| (*n).to_owned()).collect()) })
}

/// JavaScript (object epilogue): `fields` are the indices, `names` the names.
pub fn js(fields: &[usize], names: &[&str]) -> String {
    let Some(&first) = fields.first() else { return String::new() };
    let absent: Vec<String> = fields.iter().map(|f| format!("!p{f}")).collect();
    format!(
        "if ({} && !r{first}) {{ c.e({}, a{first} >= 0 ? a{first} : m + {first}, \"required\", {}); r{first} = true; }}\n",
        absent.join(" && "),
        super::js::quote(names[0]),
        super::js::literal(&json!({ "anyOf": names }))
    )
}

/// JSON Schema: `anyOf` of "given" schemas, one per field.
pub fn json_schema(given: Vec<Value>) -> Value {
    json!({ "anyOf": given })
}

/// The rule in words.
pub fn describe(names: &[&str]) -> String {
    format!("At least one of {} is required.", names.join(", "))
}
