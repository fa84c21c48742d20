//! Every kind of rule, one file each, with all its backends: the engine's check (called by
//! [`crate::validate`]'s walk), the JavaScript the package runs for the same check (written
//! into the generated validators by [`crate::export::js`]), its JSON Schema keywords,
//! its `describeField` entry and the message templates of its issue codes. Adding or changing
//! a rule is one file here and its tests.
//!
//! This layer knows the schema language and the regex engine; it knows nothing of the model,
//! the endpoints or the client. The vocabulary it produces, [`issue::IssueKind`], is the
//! result contract every other layer shares.

pub mod issue;
pub mod js;
pub mod message;

pub mod any_of;
pub mod choices;
pub mod condition;
pub mod country_code;
pub mod date;
pub mod date_time;
pub mod email;
pub mod equals_if;
pub mod integer;
pub mod items;
pub mod json_pointer;
pub mod length;
pub mod pattern;
pub mod range;
pub mod regex_format;
pub mod required;
pub mod required_if;
pub mod single_flag;
pub mod types;
pub mod unknown_field;

use message::{template, Template};

/// Sentences for `format` issues whose format no rule file claims (a translation table made
/// by an application may still send one).
pub const FORMAT_FALLBACK: &[Template] = &[
    template("format", &[], "{field} is not a valid {format}."),
    template("format", &[], "{field} is not in the expected format."),
];

/// Every rule's templates, in the order [`message::render`] tries them. Codes of the
/// endpoint-level validators (queries, patches, NDJSON) are added by [`crate::validate`].
pub fn templates() -> Vec<Template> {
    let tables: &[&[Template]] = &[
        required::MESSAGES,
        types::MESSAGES,
        length::MESSAGES,
        email::MESSAGES,
        pattern::MESSAGES,
        choices::MESSAGES,
        range::MESSAGES,
        items::MESSAGES,
        date::MESSAGES,
        date_time::MESSAGES,
        integer::MESSAGES,
        regex_format::MESSAGES,
        json_pointer::MESSAGES,
        FORMAT_FALLBACK,
        country_code::MESSAGES,
        single_flag::MESSAGES,
        equals_if::MESSAGES,
        unknown_field::MESSAGES,
    ];
    tables.iter().flat_map(|t| t.iter().copied()).collect()
}

/// A cross-field rule in words (`` `receiveInvoiceBy` is required when `contactNameToAppearOnInvoice` is true. ``),
/// for generated docs, JSON Schema descriptions and `describeField`.
pub fn describe_rule(rule: &crate::schema::Rule) -> String {
    use crate::schema::Rule;
    match *rule {
        Rule::RequiredIf { field, when } => required_if::describe(field, when),
        Rule::AnyOf { fields } => any_of::describe(fields),
        Rule::EqualsIf { field, value, when } => equals_if::describe(field, value, when),
        Rule::AtMostOneFlag { array, flag } => single_flag::describe(array, flag),
    }
}
