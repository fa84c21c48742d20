//! Endpoints of the Admin API (api-facts §8).

use super::{create, f, list, Api, FilterKind, Resource};

pub(super) static RESOURCES: &[Resource] = &[Resource {
    name: "customFieldDefinitions",
    schema: "CustomFieldDefinition",
    api: Api::Admin,
    endpoints: &[
        list(
            "/custom-field-definitions",
            &[f("entityLevel", FilterKind::Enum(crate::model::admin::CUSTOM_FIELD_ENTITY_LEVEL.values))],
            "G:billing-rest-admin/custom-field-definitions/getcustomfielddefinitions.md",
        ),
        create(
            "/custom-field-definitions",
            "CustomFieldDefinition",
            "C:billing-rest-admin/operation/createCustomFieldDefinition",
        ),
    ],
}];
