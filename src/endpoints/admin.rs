//! Endpoints of the Admin API (api-facts §8).

use super::{create, f, list, Api, FilterKind, Resource};

pub(super) static RESOURCES: &[Resource] = &[Resource {
    name: "customFieldDefinitions",
    schema: "CustomFieldDefinition",
    api: Api::Admin,
    endpoints: &[
        list(
            "/custom-field-definitions",
            &[f(
                "entityLevel",
                FilterKind::Enum(&["USAGE_PRODUCT", "RENTAL_PRODUCT", "RENTAL_PRODUCT_INVENTORY", "SITE", "CUSTOMER"]),
            )],
            "G:billing-rest-admin/custom-field-definitions/getcustomfielddefinitions.md",
        ),
        create(
            "/custom-field-definitions",
            "CustomFieldDefinition",
            "C:billing-rest-admin/operation/createCustomFieldDefinition",
        ),
    ],
}];
