//! Endpoints of the Pricing Assignment API (api-facts §7.1).

use super::FilterKind::{Date, Id};
use super::{create, exists, f, list, update, Api, Filter, FilterKind, Resource};
use crate::model::assignment::{
    BUY_RENTAL_RATE_OVERRIDE, INCLUSIVE_USAGE_PLAN_ASSIGNMENT, RENTAL_DISCOUNT_PLAN_ASSIGNMENT,
    RENTAL_RATE_CARD_ASSIGNMENT, RENTAL_RATE_OVERRIDE, USAGE_RATE_CARD_ASSIGNMENT, USAGE_RATE_OVERRIDE,
};

/// Values of `assignmentLevel` (list filters and the `{assignmentLevel}` path placeholder of
/// the Pricing Assignment API, api-facts §7.1): the model's `AssignmentLevel` enum.
pub const ASSIGNMENT_LEVELS: &[&str] = crate::model::assignment::ASSIGNMENT_LEVEL.values;

const LEVELS: FilterKind = FilterKind::Enum(ASSIGNMENT_LEVELS);

// Filter sets shared by a list and its exists-check.
const RRCA_FILTERS: &[Filter] = &[
    f("assignmentLevel", LEVELS),
    f("customerId", Id),
    f("siteId", Id),
    f("rentalProductInventoryId", Id),
    f("rentalRateCardId", Id),
    f("rentalProductCategoryId", Id),
    f("rentalProductId", Id),
    f("startDate", Date),
    f("endDate", Date),
];
const URO_FILTERS: &[Filter] = &[
    f("assignmentLevel", LEVELS),
    f("customerId", Id),
    f("siteId", Id),
    f("usageProductInventoryId", Id),
    f("usageProductId", Id),
    f("startDate", Date),
    f("endDate", Date),
];

pub(super) static RESOURCES: &[Resource] = &[
    Resource {
        name: "usageRateCardAssignments",
        schema: &USAGE_RATE_CARD_ASSIGNMENT,
        api: Api::PricingAssignment,
        endpoints: &[
            list(
                "/usage-rate-card-assignments",
                &[
                    f("assignmentLevel", LEVELS),
                    f("customerId", Id),
                    f("siteId", Id),
                    f("usageProductInventoryId", Id),
                    f("usageRateCardId", Id),
                    f("usageProductId", Id),
                    f("startDate", Date),
                    f("endDate", Date),
                ],
                "G:billing-rest-assignment/usage-rate-card-assignments/getusageratecardassignments.md",
            ),
            create(
                "/usage-rate-card-assignments",
                &USAGE_RATE_CARD_ASSIGNMENT,
                "R:billing-rest-assignment/operation/createUsageRateCardAssignment",
            ),
            update(
                "/usage-rate-card-assignments/{assignmentLevel}/{usage_rate_card_assignment_id}",
                "R:billing-rest-assignment/operation/updateUsageRateCardAssignment",
            ),
        ],
    },
    Resource {
        name: "rentalRateCardAssignments",
        schema: &RENTAL_RATE_CARD_ASSIGNMENT,
        api: Api::PricingAssignment,
        endpoints: &[
            list(
                "/rental-rate-card-assignments",
                RRCA_FILTERS,
                "C:billing-rest-assignment/operation/getRentalRateCardAssignments",
            ),
            exists(
                "/rental-rate-card-assignments",
                RRCA_FILTERS,
                "G:…/checkrentalratecardassignment (filters not captured: those of the list)",
            ),
            create(
                "/rental-rate-card-assignments",
                &RENTAL_RATE_CARD_ASSIGNMENT,
                "seed:000 (named; page not captured)",
            ),
            update(
                "/rental-rate-card-assignments/{assignmentLevel}/{rental_rate_card_assignment_id}",
                "G:billing-rest-assignment/rental-rate-card-assignments/updaterentalratecardassignment.md",
            ),
        ],
    },
    Resource {
        name: "inclusiveUsagePlanAssignments",
        schema: &INCLUSIVE_USAGE_PLAN_ASSIGNMENT,
        api: Api::PricingAssignment,
        endpoints: &[
            create(
                "/inclusive-usage-plan-assignments",
                &INCLUSIVE_USAGE_PLAN_ASSIGNMENT,
                "G:billing-rest-assignment/inclusive-usage-plan-assignments (tag page; path inferred)",
            ),
            update(
                "/inclusive-usage-plan-assignments/{assignmentLevel}/{inclusive_usage_plan_assignment_id}",
                "G:billing-rest-assignment/inclusive-usage-plan-assignments/updateinclusiveusageplanassignment.md",
            ),
        ],
    },
    Resource {
        name: "rentalDiscountPlanAssignments",
        schema: &RENTAL_DISCOUNT_PLAN_ASSIGNMENT,
        api: Api::PricingAssignment,
        endpoints: &[
            list(
                "/rental-discount-plan-assignments",
                &[
                    f("assignmentLevel", LEVELS),
                    f("customerId", Id),
                    f("siteId", Id),
                    f("rentalProductInventoryId", Id),
                    f("rentalDiscountPlanId", Id),
                    f("startDate", Date),
                    f("endDate", Date),
                ],
                "G:billing-rest-assignment/rental-discount-plan-assignments/getrentaldiscountplanassignments.md",
            ),
            create(
                "/rental-discount-plan-assignments",
                &RENTAL_DISCOUNT_PLAN_ASSIGNMENT,
                "G:billing-rest-assignment/rental-discount-plan-assignments (tag page; path inferred)",
            ),
            update(
                "/rental-discount-plan-assignments/{assignmentLevel}/{rental_discount_plan_assignment_id}",
                "G:billing-rest-assignment/rental-discount-plan-assignments/updaterentaldiscountplanassignment.md",
            ),
        ],
    },
    Resource {
        name: "usageRateOverrides",
        schema: &USAGE_RATE_OVERRIDE,
        api: Api::PricingAssignment,
        endpoints: &[
            list(
                "/usage-rate-overrides",
                URO_FILTERS,
                "G:billing-rest-assignment/usage-rate-overrides/getusagerateoverrides.md",
            ),
            exists("/usage-rate-overrides", URO_FILTERS, "R:billing-rest-assignment/operation/checkUsageRateOverride"),
            create(
                "/usage-rate-overrides",
                &USAGE_RATE_OVERRIDE,
                "C:billing-rest-assignment/operation/createUsageRateOverride",
            ),
            update(
                "/usage-rate-overrides/{assignmentLevel}/{usage_rate_override_id}",
                "G:billing-rest-assignment/usage-rate-overrides/updateusagerateoverride.md",
            ),
        ],
    },
    Resource {
        name: "rentalRateOverrides",
        schema: &RENTAL_RATE_OVERRIDE,
        api: Api::PricingAssignment,
        endpoints: &[
            create(
                "/rental-rate-overrides",
                &RENTAL_RATE_OVERRIDE,
                "C:billing-rest-assignment/operation/createRentalRateOverride",
            ),
            update(
                "/rental-rate-overrides/{assignmentLevel}/{rental_rate_override_id}",
                "R:billing-rest-assignment/operation/updateRentalRateOverride",
            ),
        ],
    },
    Resource {
        name: "buyRentalRateOverrides",
        schema: &BUY_RENTAL_RATE_OVERRIDE,
        api: Api::PricingAssignment,
        endpoints: &[
            create(
                "/buy-rental-rate-overrides",
                &BUY_RENTAL_RATE_OVERRIDE,
                "C:billing-rest-assignment/operation/createBuyRentalRateOverride",
            ),
            update(
                "/buy-rental-rate-overrides/{buy_rental_rate_override_id}",
                "G:billing-rest-assignment/buy-rental-rate-overrides/updatebuyrentalrateoverride (path inferred)",
            ),
        ],
    },
];
