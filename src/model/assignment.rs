//! Pricing Assignment API 1.15/1.16 (`/v1`): rate card, plan and discount assignments and
//! the price overrides (api-facts §7).
//!
//! Everything is assigned at CUSTOMER, SITE or INVENTORY level, and the level decides which
//! id field is required (decisions R9). The docs render only the CUSTOMER-level variant; the
//! other levels' id fields are named after the list filters (api-facts §9 #16).

use crate::schema::*;

use super::pricing::{
    PERIODS_IN_ADVANCE_FIELD, PERIODS_IN_ADVANCE_IF_ADVANCE, RENTAL_PRICE, RENTAL_RATE_FREQUENCY_FIELD,
    RENTAL_RATE_FREQUENCY_IF_RENTAL, RENTAL_RATE_PRICE_TYPE_FIELD, RENTAL_RATE_TYPE_FIELD, RENTAL_RATE_TYPE_IF_RENTAL,
};

/// Where an assignment or override applies; inventory beats site beats customer (api-facts §7).
pub static ASSIGNMENT_LEVEL: Choices = Choices { name: "AssignmentLevel", values: &["CUSTOMER", "SITE", "INVENTORY"] };

/// An INVOICE usage card prices the invoice; ADDITIONAL ones count in commission (api-facts §7.2).
pub static USAGE_CARD_ASSIGNMENT_TYPE: Choices =
    Choices { name: "UsageCardAssignmentType", values: &["INVOICE", "ADDITIONAL"] };

// ---- the level and its id fields, written once -----------------------------------------------

/// The id of an assignment or override record, which the API answers with (api-facts §1.7).
const ID: Field = field("id", int64().kind()).read_only().returned().doc("Identifier");
const LEVEL: Field = field("assignmentLevel", one_of(&ASSIGNMENT_LEVEL))
    .required()
    .doc("CUSTOMER, SITE or INVENTORY; decides which id field is required");
const CUSTOMER_ID: Field = field("customerId", int64().kind()).doc("Customer; required at CUSTOMER level");
const SITE_ID: Field = field("siteId", int64().kind()).doc("Site; required at SITE level");
const UPI_ID: Field =
    field("usageProductInventoryId", int64().kind()).doc("Usage product inventory; required at INVENTORY level");
const RPI_ID: Field =
    field("rentalProductInventoryId", int64().kind()).doc("Rental product inventory; required at INVENTORY level");
const START_DATE: Field = field("startDate", date()).required().doc("Start date");
const END_DATE: Field = field("endDate", date()).doc("End date");

/// At `level`, `id_field` is required (decisions R9).
const fn at_level(level: &'static str, id_field: &'static str) -> Rule {
    Rule::RequiredIf { field: id_field, when: Condition::Equals("assignmentLevel", Literal::Str(level)) }
}

const AT_CUSTOMER: Rule = at_level("CUSTOMER", "customerId");
const AT_SITE: Rule = at_level("SITE", "siteId");
const AT_USAGE_INVENTORY: Rule = at_level("INVENTORY", "usageProductInventoryId");
const AT_RENTAL_INVENTORY: Rule = at_level("INVENTORY", "rentalProductInventoryId");

/// decisions R9 for what prices usage (INVENTORY is a usage product inventory).
const USAGE_LEVEL_RULES: &[Rule] = &[AT_CUSTOMER, AT_SITE, AT_USAGE_INVENTORY];
/// decisions R9 for what prices rentals (INVENTORY is a rental product inventory).
const RENTAL_LEVEL_RULES: &[Rule] = &[AT_CUSTOMER, AT_SITE, AT_RENTAL_INVENTORY];

// ---- rate card and plan assignments (§7.2–§7.4) --------------------------------------------

/// Body of `POST /usage-rate-card-assignments`.
pub static USAGE_RATE_CARD_ASSIGNMENT: Schema = Schema {
    name: "UsageRateCardAssignment",
    doc: "A usage rate card assigned to a customer, site or usage inventory (POST /usage-rate-card-assignments).",
    source: "api-facts §7.2",
    fields: &[
        ID,
        LEVEL,
        field("usageRateCardId", int64().kind()).required().doc("Usage rate card"),
        START_DATE,
        END_DATE,
        CUSTOMER_ID,
        SITE_ID,
        UPI_ID,
        // Marked required for CUSTOMER level, yet "omit ⇒ default": the server fills it in, so
        // leaving it out is accepted (api-facts §7.2).
        field("assignmentType", one_of(&USAGE_CARD_ASSIGNMENT_TYPE))
            .default(Literal::Str("INVOICE"))
            .doc("INVOICE, or ADDITIONAL (counts in commission calculations)"),
    ],
    rules: USAGE_LEVEL_RULES,
};

/// Body of `POST /rental-rate-card-assignments`.
pub static RENTAL_RATE_CARD_ASSIGNMENT: Schema = Schema {
    name: "RentalRateCardAssignment",
    doc: "A rental rate card assigned to a customer, site or rental inventory (POST /rental-rate-card-assignments).",
    source: "api-facts §7.3",
    fields: &[
        ID,
        LEVEL,
        field("rentalRateCardId", int64().kind()).required().doc("Rental rate card"),
        START_DATE,
        END_DATE,
        CUSTOMER_ID,
        SITE_ID,
        RPI_ID,
    ],
    rules: RENTAL_LEVEL_RULES,
};

/// Body of `POST /inclusive-usage-plan-assignments`. Inclusive plans cover usage, so the
/// INVENTORY level names a usage product inventory (api-facts §7).
pub static INCLUSIVE_USAGE_PLAN_ASSIGNMENT: Schema = Schema {
    name: "InclusiveUsagePlanAssignment",
    doc: "An inclusive usage plan assigned to a customer (shared by its sites), a site or a usage inventory.",
    source: "api-facts §7.4",
    fields: &[
        ID,
        LEVEL,
        field("inclusiveUsagePlanId", int64().kind()).required().doc("Inclusive usage plan"),
        START_DATE,
        END_DATE,
        CUSTOMER_ID,
        SITE_ID,
        UPI_ID,
    ],
    rules: USAGE_LEVEL_RULES,
};

/// Body of `POST /rental-discount-plan-assignments`. An INVENTORY-level assignment needs an
/// existing SITE or CUSTOMER one: server data, not checked offline (decisions R9).
pub static RENTAL_DISCOUNT_PLAN_ASSIGNMENT: Schema = Schema {
    name: "RentalDiscountPlanAssignment",
    doc: "A rental discount plan assigned to a customer, site or rental inventory.",
    source: "api-facts §7.4",
    fields: &[
        ID,
        LEVEL,
        field("rentalDiscountPlanId", int64().kind()).required().doc("Rental discount plan"),
        START_DATE,
        END_DATE,
        CUSTOMER_ID,
        SITE_ID,
        RPI_ID,
    ],
    rules: RENTAL_LEVEL_RULES,
};

// ---- overrides (§7.4) ----------------------------------------------------------------------

/// Body of `POST /rental-rate-overrides`: a rental price that beats any card's. The price part
/// and its rules are RentalRate's, except `rentalRateFrequency`, documented here as
/// "required when RENTAL" only (api-facts §7.4).
pub static RENTAL_RATE_OVERRIDE: Schema = Schema {
    name: "RentalRateOverride",
    doc: "A rental price override at customer, site or rental inventory level (POST /rental-rate-overrides).",
    source: "api-facts §7.4",
    fields: &[
        ID,
        LEVEL,
        RENTAL_PRICE,
        RENTAL_RATE_PRICE_TYPE_FIELD,
        RENTAL_RATE_TYPE_FIELD,
        PERIODS_IN_ADVANCE_FIELD,
        RENTAL_RATE_FREQUENCY_FIELD,
        START_DATE,
        END_DATE,
        field("applyThisToChildren", boolean()).doc("Apply the override to child rental products too"),
        field("showOnInvoice", boolean()).doc("Show the override on invoices"),
        CUSTOMER_ID,
        field("rentalProductId", int64().kind()).doc("Rental product whose price is overridden (from the sample)"),
        SITE_ID,
        RPI_ID,
    ],
    rules: &[
        AT_CUSTOMER,
        AT_SITE,
        AT_RENTAL_INVENTORY,
        RENTAL_RATE_TYPE_IF_RENTAL,
        PERIODS_IN_ADVANCE_IF_ADVANCE,
        RENTAL_RATE_FREQUENCY_IF_RENTAL,
    ],
};

/// Body of `POST /buy-rental-rate-overrides`: the buy price of one rental inventory. No level:
/// it always names the inventory.
pub static BUY_RENTAL_RATE_OVERRIDE: Schema = Schema {
    name: "BuyRentalRateOverride",
    doc: "A buy-price override on a rental product inventory (POST /buy-rental-rate-overrides).",
    source: "api-facts §7.4",
    fields: &[
        ID,
        field("rentalProductInventoryId", int64().kind()).required().doc("Rental product inventory"),
        RENTAL_PRICE,
        RENTAL_RATE_PRICE_TYPE_FIELD,
        RENTAL_RATE_TYPE_FIELD,
        PERIODS_IN_ADVANCE_FIELD,
        RENTAL_RATE_FREQUENCY_FIELD,
        START_DATE,
        END_DATE,
    ],
    rules: &[RENTAL_RATE_TYPE_IF_RENTAL, PERIODS_IN_ADVANCE_IF_ADVANCE, RENTAL_RATE_FREQUENCY_IF_RENTAL],
};

/// Body of `POST /usage-rate-overrides`: a usage price that beats any card's. Requiredness is
/// captured up to `offPeakInitialCharge`; the fields after it are optional here.
pub static USAGE_RATE_OVERRIDE: Schema = Schema {
    name: "UsageRateOverride",
    doc: "A usage price override at customer, site or usage inventory level (POST /usage-rate-overrides).",
    source: "api-facts §7.4",
    fields: &[
        ID,
        LEVEL,
        field("usageProductId", int64().kind()).required().doc("Usage product"),
        field("supplierId", int64().kind()).doc("Supplier"),
        field("chargeGroupId", int64().kind()).required().doc("Charge group"),
        // "int" without a width (api-facts §7.4): a unit size, so int32; ids are int64 (the
        // convention at UsageRate.peakInitialPeriod, src/model/pricing.rs).
        field("variableChargeUnitSize", int32().kind()).required().doc("Variable charge unit size, e.g. 60"),
        field("quantityRoundingIncrement", number(None, None)).required().doc("Quantity rounding increment, e.g. 1"),
        START_DATE,
        field("appliesToISDNOnly", boolean()).doc("Applies to ISDN only"),
        END_DATE,
        field("peakValue", number(None, None)).doc("Peak value"),
        field("offPeakValue", number(None, None)).doc("Off-peak value"),
        field("weekendValue", number(None, None)).doc("Weekend value"),
        field("peakMinimumCharge", number(None, None)).required().doc("Peak minimum charge"),
        field("offPeakMinimumCharge", number(None, None)).required().doc("Off-peak minimum charge"),
        field("weekendMinimumCharge", number(None, None)).required().doc("Weekend minimum charge"),
        field("peakInitialCharge", number(None, None)).required().doc("Peak initial charge"),
        field("offPeakInitialCharge", number(None, None)).required().doc("Off-peak initial charge"),
        field("weekendInitialCharge", number(None, None)).doc("Weekend initial charge"),
        // Type not captured: a period, like UsageRate's integer initial periods (api-facts §6.3).
        field("peakInitialChargePeriod", int32().kind()).doc("Peak initial charge period"),
        field("offPeakInitialChargePeriod", int32().kind()).doc("Off-peak initial charge period"),
        field("weekendInitialChargePeriod", int32().kind()).doc("Weekend initial charge period"),
        CUSTOMER_ID,
        field("applyThisToChildren", boolean()).doc("Apply the override below its level too (from the sample)"),
        SITE_ID,
        UPI_ID,
    ],
    rules: USAGE_LEVEL_RULES,
};
