//! Endpoints of the Admin API (api-facts §8).

use super::{create, f, list, Api, FilterKind, Resource};
use crate::model::admin::CUSTOM_FIELD_DEFINITION;

pub(super) static RESOURCES: &[Resource] = &[Resource {
    name: "customFieldDefinitions",
    schema: &CUSTOM_FIELD_DEFINITION,
    api: Api::Admin,
    endpoints: &[
        list(
            "/custom-field-definitions",
            &[f("entityLevel", FilterKind::Enum(crate::model::admin::CUSTOM_FIELD_ENTITY_LEVEL.values))],
            "G:billing-rest-admin/custom-field-definitions/getcustomfielddefinitions.md",
        ),
        create(
            "/custom-field-definitions",
            &CUSTOM_FIELD_DEFINITION,
            "C:billing-rest-admin/operation/createCustomFieldDefinition",
        ),
    ],
}];
