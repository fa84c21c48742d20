//! Admin API (api-facts §8): custom field definitions.

use serde_json::{json, Value};

use crate::support::*;

fn definition() -> Value {
    json!({ "label": "Customer Tier", "entityLevel": "SITE" })
}

#[test]
fn custom_field_definition_fields() {
    let d = definition();
    assert_valid("CustomFieldDefinition", &d);
    check_required("CustomFieldDefinition", &d, "/label");
    check_required("CustomFieldDefinition", &d, "/entityLevel");
    check_read_only("CustomFieldDefinition", &d, "/id", json!(102), json!("102"));
    check_length("CustomFieldDefinition", &d, "/label", 1, 100, "l");
    check_name_curly("CustomFieldDefinition", &d, "/label");
    check_enum(
        "CustomFieldDefinition",
        &d,
        "/entityLevel",
        &["USAGE_PRODUCT", "RENTAL_PRODUCT", "RENTAL_PRODUCT_INVENTORY", "SITE", "CUSTOMER"],
    );
}
