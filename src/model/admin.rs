//! Admin API 1.29–1.46 (`/v1`), what the other schemas reference: `CustomFieldDefinition`
//! (api-facts §8).

use crate::schema::*;

use super::name;

/// The entities a custom field can be defined for (api-facts §8).
pub static CUSTOM_FIELD_ENTITY_LEVEL: Choices = Choices {
    name: "CustomFieldEntityLevel",
    values: &["USAGE_PRODUCT", "RENTAL_PRODUCT", "RENTAL_PRODUCT_INVENTORY", "SITE", "CUSTOMER"],
};

/// Body of `POST /custom-field-definitions`: defines a custom field that sites, customers,
/// products or rental inventories can then carry values for.
pub static CUSTOM_FIELD_DEFINITION: Schema = Schema {
    name: "CustomFieldDefinition",
    doc: "A custom field available on one kind of entity (POST /custom-field-definitions).",
    source: "api-facts §8 (C:billing-rest-admin/operation/createCustomFieldDefinition)",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Custom field definition identifier"),
        field("label", name(1, 100)).required().doc("Label of the custom field"),
        field("entityLevel", one_of(&CUSTOM_FIELD_ENTITY_LEVEL)).required().doc("Entity the field is defined for"),
    ],
    rules: &[],
};
