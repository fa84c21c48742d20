//! Pricing API 2.21/2.22 (`/v2`), rate cards and discount plans: `UsageRateCard`, `UsageRate`,
//! `RentalRateCard`, `RentalRate`, `RentalDiscountPlan`, `RentalDiscountPlanRule`
//! (api-facts §6.2–§6.5, §6.8, §6.9). Inclusive usage plans are in [`super::inclusive`].
//!
//! The rental price part (price, type, periods in advance, frequency) and its rules are
//! shared with the rental rate overrides of [`super::assignment`]; they are written once here.

use crate::schema::Pattern;
use crate::schema::*;

use super::{name, INT32_IDS};

// ---- enums ----------------------------------------------------------------------------------

/// What a usage rate card prices: supplier usage (BUY), customer usage (SELL), or a template
/// other cards link to (api-facts §6.2).
pub static USAGE_RATE_CARD_TYPE: Choices = Choices { name: "UsageRateCardType", values: &["TEMPLATE", "SELL", "BUY"] };

/// How a usage price is rounded per call (api-facts §6.2).
pub static PRICE_ROUNDING_STYLE: Choices =
    Choices { name: "PriceRoundingStyle", values: &["UP", "DOWN", "MATHEMATICAL"] };

/// How a usage rate is computed (api-facts §6.3).
pub static USAGE_RATE_TYPE: Choices = Choices { name: "UsageRateType", values: &["MARKUP", "VARIABLE"] };

/// The kinds of rental rate card (api-facts §6.4).
pub static RENTAL_RATE_CARD_TYPE: Choices =
    Choices { name: "RentalRateCardType", values: &["SELL", "TEMPLATE", "BUY"] };

/// Whether a recurring rental is billed in advance or in arrears (api-facts §6.5).
pub static RENTAL_RATE_TYPE: Choices = Choices { name: "RentalRateType", values: &["ADVANCE", "ARREARS"] };

/// Recurring (RENTAL) or one-off (ONEOFF) price (api-facts §6.5).
pub static RENTAL_RATE_PRICE_TYPE: Choices = Choices { name: "RentalRatePriceType", values: &["RENTAL", "ONEOFF"] };

/// How far ahead an ADVANCE rental is billed (api-facts §6.5).
pub static PERIODS_IN_ADVANCE: Choices =
    Choices { name: "PeriodsInAdvance", values: &["STANDARD", "ADVANCEDPLUSONEMONTH"] };

/// How often a recurring rental is charged (api-facts §6.5).
pub static RENTAL_RATE_FREQUENCY: Choices = Choices {
    name: "RentalRateFrequency",
    values: &["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "QUARTERLY", "SIXMONTHS", "TWENTYFOURMONTHS"],
};

// ---- the rental price part, shared with the overrides (§6.5, §7.4) --------------------------

/// A rental price, -9999999..9999999. The bound is documented only on BuyRentalRateOverride
/// (api-facts §6.5: "not shown on RentalRate itself"; §7.4 shows none on RentalRateOverride).
/// RentalRate and RentalRateOverride share this price part and get the bound by inference:
/// when in doubt, reject with a message naming the rule (decisions: sound before complete).
pub(crate) const RENTAL_PRICE: Field =
    field("price", number(Some(-9_999_999.0), Some(9_999_999.0))).required().doc("Price, between -9999999 and 9999999");
/// Recurring or one-off: the field the RENTAL rules read.
pub(crate) const RENTAL_RATE_PRICE_TYPE_FIELD: Field = field("rentalRatePriceType", one_of(&RENTAL_RATE_PRICE_TYPE))
    .required()
    .doc("Recurring (RENTAL) or one-off (ONEOFF) price");
/// Advance or arrears; conditionally required (see [`RENTAL_RATE_TYPE_IF_RENTAL`]).
pub(crate) const RENTAL_RATE_TYPE_FIELD: Field = field("rentalRateType", one_of(&RENTAL_RATE_TYPE))
    .doc("Billed in advance or in arrears; required when rentalRatePriceType is RENTAL");
/// Conditionally required (see [`PERIODS_IN_ADVANCE_IF_ADVANCE`]).
pub(crate) const PERIODS_IN_ADVANCE_FIELD: Field = field("periodsInAdvance", one_of(&PERIODS_IN_ADVANCE))
    .doc("Periods billed in advance; required when rentalRateType is ADVANCE");
/// Optional as written; RentalRate makes it required, the overrides add
/// [`RENTAL_RATE_FREQUENCY_IF_RENTAL`] (api-facts §6.5, §7.4, §9 #11).
pub(crate) const RENTAL_RATE_FREQUENCY_FIELD: Field = field("rentalRateFrequency", one_of(&RENTAL_RATE_FREQUENCY))
    .doc("How often the rental is charged; required when rentalRatePriceType is RENTAL");

/// decisions R9: a recurring price needs its billing type.
pub(crate) const RENTAL_RATE_TYPE_IF_RENTAL: Rule = Rule::RequiredIf {
    field: "rentalRateType",
    when: Condition::Equals("rentalRatePriceType", Literal::Str("RENTAL")),
};
/// decisions R9: an ADVANCE rental needs its periods in advance.
pub(crate) const PERIODS_IN_ADVANCE_IF_ADVANCE: Rule =
    Rule::RequiredIf { field: "periodsInAdvance", when: Condition::Equals("rentalRateType", Literal::Str("ADVANCE")) };
/// api-facts §7.4: the overrides document `rentalRateFrequency` as required when RENTAL.
pub(crate) const RENTAL_RATE_FREQUENCY_IF_RENTAL: Rule = Rule::RequiredIf {
    field: "rentalRateFrequency",
    when: Condition::Equals("rentalRatePriceType", Literal::Str("RENTAL")),
};

// ---- RentalRate (§6.5) -----------------------------------------------------------------------

/// A rental rate of a rental rate card (an item of `RentalRateCard.rentalRates`, and the body of
/// PATCH /rental-rates values).
pub static RENTAL_RATE: Schema = Schema {
    name: "RentalRate",
    doc: "The price of a rental product on a rental rate card.",
    source: "api-facts §6.5",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Rental rate identifier"),
        field("rentalProductId", int64().kind()).required().doc("Rental product the rate prices"),
        RENTAL_PRICE,
        RENTAL_RATE_TYPE_FIELD,
        RENTAL_RATE_PRICE_TYPE_FIELD,
        PERIODS_IN_ADVANCE_FIELD,
        // api-facts §6.5/§9 #11: the 2.21 schema marks it required while its description says
        // "required when RENTAL". Required always is the sound reading: a ONEOFF rate without
        // one may be refused by the server, and sending one is always possible.
        RENTAL_RATE_FREQUENCY_FIELD
            .required()
            .doc("How often the rental is charged (required by the schema, also for ONEOFF)"),
        field("startDate", date()).required().doc("Rate start date"),
        field("endDate", date()).doc("Rate end date"),
        field("showOnInvoice", boolean()).doc("Show the rate on invoices"),
    ],
    rules: &[RENTAL_RATE_TYPE_IF_RENTAL, PERIODS_IN_ADVANCE_IF_ADVANCE],
};

// ---- RentalRateCard (§6.4) -------------------------------------------------------------------

static RENTAL_RATES: Array = Array { items: object(&RENTAL_RATE), min_items: 0, max_items: None };

/// Body of `POST /rental-rate-cards`.
pub static RENTAL_RATE_CARD: Schema = Schema {
    name: "RentalRateCard",
    doc: "The pricing of a category's rental products (POST /rental-rate-cards).",
    source: "api-facts §6.4",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Rental rate card identifier"),
        field("contractOwnerIds", Kind::Array(&INT32_IDS))
            .doc("Contract owners; required for SELL and TEMPLATE cards, all of one currency"),
        field("name", name(1, 100)).required().doc("Rental rate card name"),
        field("rentalProductCategoryId", int64().kind()).required().doc("Rental product category priced"),
        field("rentalRateCardType", one_of(&RENTAL_RATE_CARD_TYPE)).required().doc("SELL, TEMPLATE or BUY"),
        field("basedOnTemplateId", int64().kind()).doc("TEMPLATE card a SELL card links to"),
        field("availableFrom", date()).required().doc("Available from date"),
        field("availableTo", date()).doc("Available to date"),
        field("acceptOverridesFromParents", boolean())
            .default(Literal::Bool(true))
            .doc("Let overrides at higher levels win"),
        field("rentalRates", Kind::Array(&RENTAL_RATES)).doc("The card's rental rates"),
        field("supplierAccountId", int64().kind()).doc("Supplier account; for (and required on) BUY cards"),
    ],
    rules: &[
        // api-facts §6.4: "cond." — required for SELL/TEMPLATE; supplier account for BUY cards.
        Rule::RequiredIf {
            field: "contractOwnerIds",
            when: Condition::OneOf("rentalRateCardType", &["SELL", "TEMPLATE"]),
        },
        Rule::RequiredIf {
            field: "supplierAccountId",
            when: Condition::Equals("rentalRateCardType", Literal::Str("BUY")),
        },
    ],
};

// ---- UsageRate (§6.3) ------------------------------------------------------------------------

/// A usage rate of a usage rate card. Four fields are documented; the others are known from the
/// sample (values 0 or 1), so their types follow their documented peak counterparts.
pub static USAGE_RATE: Schema = Schema {
    name: "UsageRate",
    doc: "The price of one charge group's usage on a usage rate card (periods in seconds or MB).",
    source: "api-facts §6.3",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Usage rate identifier"),
        field("chargeGroupId", int64().kind()).required().doc("Charge group priced"),
        field("usageRateType", one_of(&USAGE_RATE_TYPE)).required().doc("MARKUP or VARIABLE"),
        field("peakInitialCharge", number(None, None)).doc("Peak charge for the initial period (minor units)"),
        // Bare "integer" in api-facts §6.3. Where the docs give no width, this model makes ids
        // int64 (like IdParam, api-facts §1.4) and counts/periods int32, the narrower and so
        // sound choice (decisions: sound before complete). Likewise the other periods below.
        field("peakInitialPeriod", int32().kind()).required().doc("Peak initial period (seconds or MB)"),
        field("peakValue", number(None, None)).doc("Peak value (type only documented)"),
        field("peakMinimum", number(None, None)).doc("Peak minimum charge (type only documented)"),
        field("offPeakInitialCharge", number(None, None)).doc("Off-peak initial charge (sample only)"),
        field("offPeakInitialPeriod", int32().kind()).doc("Off-peak initial period (sample only)"),
        field("offPeakValue", number(None, None)).doc("Off-peak value (sample only)"),
        field("offPeakMinimum", number(None, None)).doc("Off-peak minimum charge (sample only)"),
        field("weekendInitialCharge", number(None, None)).doc("Weekend initial charge (sample only)"),
        field("weekendInitialPeriod", int32().kind()).doc("Weekend initial period (sample only)"),
        field("weekendValue", number(None, None)).doc("Weekend value (sample only)"),
        field("weekendMinimum", number(None, None)).doc("Weekend minimum charge (sample only)"),
        field("quantityRoundingIncrement", number(None, None)).doc("Quantity rounding increment (sample 1)"),
        field("variableChargeUnitSize", number(None, None)).doc("Variable charge unit size (sample 1)"),
        field("surchargeInitialCharge", number(None, None)).doc("Surcharge initial charge (sample only)"),
        field("surchargeInitialPeriod", int32().kind()).doc("Surcharge initial period (sample only)"),
        field("surchargeValue", number(None, None)).doc("Surcharge value (sample only)"),
        field("surchargeMinimum", number(None, None)).doc("Surcharge minimum charge (sample only)"),
        field("startDate", date()).doc("Rate start date"),
        field("endDate", date()).doc("Rate end date"),
    ],
    rules: &[],
};

// ---- UsageRateCard (§6.2) and its nested objects ---------------------------------------------

/// An item of `UsageRateCard.timeBandPlans` (from the sample; nothing beyond types documented).
pub static USAGE_RATE_CARD_TIME_BAND_PLAN: Schema = Schema {
    name: "UsageRateCardTimeBandPlan",
    doc: "A time band plan used by a usage rate card, and when.",
    source: "api-facts §6.2 (sample)",
    fields: &[
        field("timeBandPlanId", int64().kind()).doc("Time band plan"),
        field("name", any_string().kind()).doc("Time band plan name"),
        field("startDate", date()).doc("Start date"),
        field("endDate", date()).doc("End date"),
    ],
    rules: &[],
};

/// An item of `UsageRateCard.accessCharges` (from the sample; nothing beyond types documented).
pub static USAGE_RATE_CARD_ACCESS_CHARGE: Schema = Schema {
    name: "UsageRateCardAccessCharge",
    doc: "An access charge of a usage rate card, and when it applies.",
    source: "api-facts §6.2 (sample)",
    fields: &[
        field("charge", number(None, None)).doc("Access charge"),
        field("startDate", date()).doc("Start date"),
        field("endDate", date()).doc("End date"),
    ],
    rules: &[],
};

/// The fields of a bolt-on's recurring charge (usage rate cards and inclusive usage plans).
/// Constraints are not captured, so types and the RentalRate enums only: no price bound and
/// no RentalRate rules (they have no rentalRatePriceType to condition on). `id` is documented
/// on the inclusive plan's charges only; read-only, so harmless on both.
pub(crate) const BOLT_ON_CHARGE_FIELDS: &[Field] = &[
    field("id", int64().kind()).read_only().doc("Bolt-on charge identifier"),
    field("price", number(None, None)).doc("Recurring price of the bolt-on"),
    field("rentalRateType", one_of(&RENTAL_RATE_TYPE)).doc("Billed in advance or in arrears"),
    field("periodsInAdvance", one_of(&PERIODS_IN_ADVANCE)).doc("Periods billed in advance"),
    field("rentalRateFrequency", one_of(&RENTAL_RATE_FREQUENCY)).doc("How often the charge is made"),
    field("showOnInvoice", boolean()).doc("Show the charge on invoices"),
    field("startDate", date()).doc("Charge start date"),
    field("endDate", date()).doc("Charge end date"),
];

/// An item of `UsageRateCard.boltOnCharges`: a bolt-on card's recurring charge.
pub static USAGE_RATE_CARD_BOLT_ON_CHARGE: Schema = Schema {
    name: "UsageRateCardBoltOnCharge",
    doc: "The recurring charge of a bolt-on usage rate card.",
    source: "api-facts §6.2 (sample)",
    fields: BOLT_ON_CHARGE_FIELDS,
    rules: &[],
};

static USAGE_RATES: Array = Array { items: object(&USAGE_RATE), min_items: 0, max_items: None };
static TIME_BAND_PLANS: Array = Array { items: object(&USAGE_RATE_CARD_TIME_BAND_PLAN), min_items: 0, max_items: None };
static ACCESS_CHARGES: Array = Array { items: object(&USAGE_RATE_CARD_ACCESS_CHARGE), min_items: 0, max_items: None };
static URC_BOLT_ON_CHARGES: Array =
    Array { items: object(&USAGE_RATE_CARD_BOLT_ON_CHARGE), min_items: 0, max_items: None };

/// Body of `POST /usage-rate-cards`. Constraints are captured for the first fields; the tail
/// is known from the sample, so only its types are checked.
pub static USAGE_RATE_CARD: Schema = Schema {
    name: "UsageRateCard",
    doc: "The pricing of a usage product's usage (POST /usage-rate-cards).",
    source: "api-facts §6.2",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Usage rate card identifier"),
        // Required; a minimum count is not documented (RentalProductCategory's says non-empty).
        field("contractOwnerIds", Kind::Array(&INT32_IDS)).required().doc("Contract owners, all of one currency"),
        field("name", name(1, 50)).required().doc("Usage rate card name"),
        field("rateCardType", one_of(&USAGE_RATE_CARD_TYPE))
            .required()
            .default(Literal::Str("SELL"))
            .doc("BUY prices supplier usage, SELL customer usage; TEMPLATE cards are linked to"),
        field("availableFrom", date()).required().doc("Available from date"),
        field("availableTo", date()).doc("Available to date"),
        field("usageProductId", int64().kind()).required().doc("Usage product priced"),
        field("supplierId", int64().kind()).doc("Supplier"),
        // Bounds not stated.
        field("decimalPlaces", int32().kind()).required().doc("Price precision, e.g. 4 for 1.0045p"),
        field("priceRoundingStyle", one_of(&PRICE_ROUNDING_STYLE))
            .required()
            .default(Literal::Str("MATHEMATICAL"))
            .doc("Rounding of the price per call"),
        field("defaultMinCharge", number(None, None)).required().doc("Minimum charge per call"),
        field("roundAccessChargeFirstMinute", boolean())
            .default(Literal::Bool(false))
            .doc("Round the access charge's first minute"),
        field("boltOn", boolean()).default(Literal::Bool(false)).doc("A bolt-on card: one with a recurring charge"),
        field("boltOnTaxBandId", int64().kind()).doc("Tax band of the bolt-on charge (type only documented)"),
        field("nominalCode", any_string().kind()).doc("Nominal code (constraints not captured)"),
        field("applyCrossTimeBandCharging", boolean()).doc("Apply cross-time-band charging (sample only)"),
        field("defaultQuantityRoundingIncrement", number(None, None))
            .doc("Default quantity rounding increment")
            .label("Default rounding increment"),
        field("defaultVariableChargeUnitSize", number(None, None))
            .doc("Default variable charge unit size")
            .label("Default charge unit size"),
        field("usageRates", Kind::Array(&USAGE_RATES)).doc("The card's usage rates"),
        field("timeBandPlans", Kind::Array(&TIME_BAND_PLANS)).doc("Time band plans used by the card"),
        field("accessCharges", Kind::Array(&ACCESS_CHARGES)).doc("Access charges of the card"),
        field("boltOnCharges", Kind::Array(&URC_BOLT_ON_CHARGES)).doc("Recurring charges of a bolt-on card"),
    ],
    rules: &[],
};

// ---- RentalDiscountPlan (§6.8) and its rules (§6.9) --------------------------------------------

/// Body of `POST /rental-discount-plans`.
pub static RENTAL_DISCOUNT_PLAN: Schema = Schema {
    name: "RentalDiscountPlan",
    doc: "A percentage discount on rental products for a number of months (POST /rental-discount-plans).",
    source: "api-facts §6.8 (seed:003)",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Rental discount plan identifier"),
        field("contractOwnerId", int32().kind()).required().doc("Billing entity with access to the plan"),
        // The only field shown with PAT-NAME-PLAIN (api-facts §2, §9 #2). Unique per contract
        // owner: server data, not checked offline (decisions R9).
        field("name", string(1, 50).pattern(Pattern::NamePlain).kind())
            .required()
            .doc("Plan name, unique per contract owner, e.g. 12 month 50% off"),
        field("durationInMonths", int32().min(1).max(120).kind()).required().doc("Duration of the discount in months"),
        field("availableFrom", date()).required().doc("Available from date"),
        field("availableTo", date()).doc("Available to date"),
    ],
    rules: &[],
};

/// Body of `POST /rental-discount-plan-rules`.
pub static RENTAL_DISCOUNT_PLAN_RULE: Schema = Schema {
    name: "RentalDiscountPlanRule",
    doc: "The discount a plan gives on a category's rental products, or on one of them.",
    source: "api-facts §6.9",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Rental discount plan rule identifier"),
        field("rentalDiscountPlanId", int64().kind()).required().doc("Rental discount plan"),
        field("productCategoryId", int64().kind()).required().doc("Rental product category the rule covers"),
        field("rentalProductId", int64().kind()).doc("Narrows the rule to one product of the category"),
        // 0..100 is prose only (api-facts §9 #10). A percentage outside it cannot be a valid
        // discount, and rejecting is the sound side (decisions: sound before complete).
        // Decimals are allowed: the type is number.
        field("discountPercentage", number(Some(0.0), Some(100.0))).required().doc("Discount in percent, 0 to 100"),
    ],
    rules: &[],
};
