//! The body of every `PATCH` endpoint: a JSON Patch document (api-facts §1.1, §1.8; RFC 6902).
//!
//! Only the shape of the operations is described here; applying them to a document and
//! judging the result is [`crate::validate::patch`].

use crate::schema::*;

/// The six operations of RFC 6902 §4 (api-facts §1.8 lists the same).
pub static JSON_PATCH_OP: Choices =
    Choices { name: "JsonPatchOp", values: &["add", "remove", "replace", "move", "copy", "test"] };

/// An RFC 6901 pointer (`~0` / `~1` escapes), as `path` and `from` are (RFC 6902 §4).
const POINTER: Kind = Kind::String(Text { format: Some(TextFormat::JsonPointer), ..any_string() });

/// One operation of a JSON Patch document.
pub static JSON_PATCH_OPERATION: Schema = Schema {
    name: "JsonPatchOperation",
    doc: "One JSON Patch operation (RFC 6902): add, remove, replace, move, copy or test.",
    source: "api-facts §1.8; RFC 6902 §4",
    fields: &[
        field("op", one_of(&JSON_PATCH_OP)).required().doc("The operation"),
        field("path", POINTER).required().doc("JSON Pointer to the location the operation works on"),
        // RFC 6902 §4.1/4.3/4.6: `value` is the member's value, so `null` is a value.
        field("value", Kind::Any).doc("The value to add, replace with or test for; required for add, replace and test"),
        field("from", POINTER).doc("JSON Pointer to the value to move or copy; required for move and copy"),
    ],
    rules: &[
        Rule::RequiredIf { field: "value", when: Condition::OneOf("op", &["add", "replace", "test"]) },
        Rule::RequiredIf { field: "from", when: Condition::OneOf("op", &["move", "copy"]) },
    ],
};

/// A JSON Patch document: an array of operations, applied in order (RFC 6902 §3). RFC 6902
/// allows an empty array; the docs set no bound on the count.
pub static JSON_PATCH: Array = Array { items: Kind::Object(&JSON_PATCH_OPERATION), min_items: 0, max_items: None };
