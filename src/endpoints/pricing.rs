//! Endpoints of the Pricing API (api-facts §6.1).

use super::FilterKind::{Date, Id, String as Str};
use super::{create, delete, exists, f, get, list, update, Api, Filter, Resource, SUMMARY};
use crate::model::inclusive::{INCLUSIVE_USAGE_BALANCE, INCLUSIVE_USAGE_PLAN};
use crate::model::pricing::{
    RENTAL_DISCOUNT_PLAN, RENTAL_DISCOUNT_PLAN_RULE, RENTAL_RATE, RENTAL_RATE_CARD, USAGE_RATE, USAGE_RATE_CARD,
};

pub(super) static RESOURCES: &[Resource] = &[
    Resource {
        name: "usageRateCards",
        schema: &USAGE_RATE_CARD,
        api: Api::Pricing,
        endpoints: &[
            list(
                "/usage-rate-cards",
                &[
                    f("contractOwnerId", Id),
                    f("name", Str),
                    f("availableFrom", Date),
                    f("availableTo", Date),
                    f("rateCardType", Str),
                    f("usageProductId", Id),
                    f("supplierId", Id),
                ],
                "R:billing-rest-pricing/operation/getUsageRateCards",
            )
            .with_headers(&[SUMMARY]),
            create("/usage-rate-cards", &USAGE_RATE_CARD, "C:billing-rest-pricing/operation/createUsageRateCard"),
            get("/usage-rate-cards/{usage_rate_card_id}", "R:billing-rest-pricing/operation/getUsageRateCard"),
            update(
                "/usage-rate-cards/{usage_rate_card_id}",
                "G:billing-rest-pricing/usage-rate-cards/updateusageratecard.md",
            )
            .with_headers(&[SUMMARY]),
            delete(
                "/usage-rate-cards/{usage_rate_card_id}",
                "G:billing-rest-pricing/usage-rate-cards/deleteusageratecard (path inferred)",
            ),
        ],
    },
    Resource {
        name: "usageRates",
        schema: &USAGE_RATE,
        api: Api::Pricing,
        endpoints: &[
            list(
                "/usage-rates",
                &[
                    Filter { name: "usageRateCardId", kind: Id, required: true },
                    f("chargeGroupId", Id),
                    f("usageRateType", Str),
                    f("availableFrom", Date),
                    f("availableTo", Date),
                ],
                "C:billing-rest-pricing/operation/getUsageRates",
            ),
            update("/usage-rates/{usage_rate_id}", "C:billing-rest-pricing/operation/updateUsageRate"),
        ],
    },
    Resource {
        name: "rentalRateCards",
        schema: &RENTAL_RATE_CARD,
        api: Api::Pricing,
        endpoints: &[
            list(
                "/rental-rate-cards",
                &[
                    f("contractOwnerId", Id),
                    f("name", Str),
                    f("availableFrom", Date),
                    f("availableTo", Date),
                    f("rentalRateCardType", Str),
                    f("rentalProductCategoryId", Id),
                ],
                "G:billing-rest-pricing/rental-rate-cards/getrentalratecards.md",
            )
            .with_headers(&[SUMMARY]),
            create("/rental-rate-cards", &RENTAL_RATE_CARD, "C:billing-rest-pricing/operation/createRentalRateCard"),
            get("/rental-rate-cards/{rental_rate_card_id}", "C:billing-rest-pricing/operation/getRentalRateCard"),
            update(
                "/rental-rate-cards/{rental_rate_card_id}",
                "G:billing-rest-pricing/rental-rate-cards/updaterentalratecard.md",
            )
            .with_headers(&[SUMMARY]),
        ],
    },
    Resource {
        name: "rentalRates",
        schema: &RENTAL_RATE,
        api: Api::Pricing,
        endpoints: &[update(
            "/rental-rates/{rental_rate_id}",
            "G:billing-rest-pricing/rental-rates/updaterentalrate.md",
        )],
    },
    Resource {
        name: "inclusiveUsagePlans",
        schema: &INCLUSIVE_USAGE_PLAN,
        api: Api::Pricing,
        endpoints: &[
            list(
                "/inclusive-usage-plans",
                &[
                    f("contractOwnerId", Id),
                    f("name", Str),
                    f("availableFrom", Date),
                    f("availableTo", Date),
                    f("usageProductId", Id),
                    f("taxBandId", Id),
                ],
                "G:billing-rest-pricing/inclusive-usage-plans/getinclusiveusageplans.md",
            )
            .with_headers(&[SUMMARY]),
            create(
                "/inclusive-usage-plans",
                &INCLUSIVE_USAGE_PLAN,
                "C:billing-rest-pricing/operation/createInclusiveUsagePlan",
            ),
            get(
                "/inclusive-usage-plans/{inclusive_usage_plan_id}",
                "C:billing-rest-pricing/operation/getInclusiveUsagePlan",
            ),
        ],
    },
    Resource {
        name: "inclusiveUsageBalances",
        schema: &INCLUSIVE_USAGE_BALANCE,
        api: Api::Pricing,
        endpoints: &[list(
            "/inclusive-usage-balances",
            &[
                f("customerId", Id),
                f("siteId", Id),
                f("usageProductInventoryId", Id),
                f("billRunId", Id),
                f("assignmentId", Id),
                f("inclusiveUsagePlanId", Id),
                f("componentId", Id),
            ],
            "C:billing-rest-pricing/operation/getInclusiveUsageBalances",
        )],
    },
    Resource {
        name: "rentalDiscountPlans",
        schema: &RENTAL_DISCOUNT_PLAN,
        api: Api::Pricing,
        endpoints: &[
            list(
                "/rental-discount-plans",
                &[f("contractOwnerId", Id), f("name", Str), f("availableFrom", Date), f("availableTo", Date)],
                "seed:003",
            ),
            exists(
                "/rental-discount-plans",
                &[
                    f("id", Id),
                    f("contractOwnerId", Id),
                    f("name", Str),
                    f("availableFrom", Date),
                    f("availableTo", Date),
                ],
                "seed:003",
            ),
            create("/rental-discount-plans", &RENTAL_DISCOUNT_PLAN, "seed:003"),
            get("/rental-discount-plans/{rental_discount_plan_id}", "seed:003"),
            update("/rental-discount-plans/{rental_discount_plan_id}", "seed:003"),
        ],
    },
    Resource {
        name: "rentalDiscountPlanRules",
        schema: &RENTAL_DISCOUNT_PLAN_RULE,
        api: Api::Pricing,
        endpoints: &[
            list(
                "/rental-discount-plan-rules",
                &[f("rentalDiscountPlanId", Id), f("productCategoryId", Id), f("rentalProductId", Id)],
                "G:billing-rest-pricing/rental-discount-plan-rules/getrentaldiscountplanrules.md",
            ),
            create(
                "/rental-discount-plan-rules",
                &RENTAL_DISCOUNT_PLAN_RULE,
                "G:billing-rest-pricing/rental-discount-plan-rules/createrentaldiscountplanrule.md",
            ),
            update(
                "/rental-discount-plan-rules/{rental_discount_plan_rule_id}",
                "G:billing-rest-pricing/rental-discount-plan-rules/updaterentaldiscountplanrule.md",
            ),
        ],
    },
];
