//! `AtMostOneFlag`: at most one item of an array may have a boolean flag set (decisions R9:
//! one contact of a site appears on the invoice). Code `singleInvoiceContact`, on the flag of
//! the second and later items, with the index of the first in `params.first`.

use serde_json::{json, Map, Value};

use super::issue::IssueKind;
use super::message::{template, Template};

/// Sentences for `singleInvoiceContact`.
pub const MESSAGES: &[Template] = &[
    template(
        "singleInvoiceContact",
        &[],
        "Only one contact of a site can appear on the invoice; contact {first|ordinal} already has contactNameToAppearOnInvoice set.",
    ),
    template(
        "singleInvoiceContact",
        &[],
        "Only one contact of a site can appear on the invoice; another contact already has contactNameToAppearOnInvoice set.",
    ),
];

/// The issue for a flagged item after the first flagged one (at index `first`).
pub fn issue(first: usize) -> IssueKind {
    IssueKind::SingleInvoiceContact { first: first as u64 }
}

/// JavaScript (object epilogue): `f` is the array field's index; its item function returned the
/// flagged items as `[index, flag position, …]` in `g{f}`.
pub fn js(array: &str, f: usize, flag: &str) -> String {
    format!(
        "if (g{f} !== undefined) for (let j = 2; j < g{f}.length; j += 2) c.ea([{}, g{f}[j], {}], [a{f}, g{f}[j], g{f}[j + 1]], \"singleInvoiceContact\", {{ first: g{f}[0] }});\n",
        super::js::quote(array),
        super::js::quote(flag)
    )
}

/// JSON Schema keywords on the array: `contains` an object whose flag is `true`, at most once.
pub fn json_schema(flag: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert(
        "contains".into(),
        json!({ "type": "object", "required": [flag], "properties": { flag: { "const": true } } }),
    );
    m.insert("minContains".into(), json!(0));
    m.insert("maxContains".into(), json!(1));
    m
}

/// The rule in words.
pub fn describe(array: &str, flag: &str) -> String {
    format!("At most one item of `{array}` may have `{flag}: true`.")
}
