//! Pricing API 2.21/2.22 (`/v2`), inclusive usage: `InclusiveUsagePlan` with its components
//! (`InclusiveUsage`) and bolt-on charges (`InclusiveUsageBoltOnCharge`), and the
//! response-only `InclusiveUsageBalance` (api-facts §6.6, §6.7). Split from
//! [`super::pricing`] to keep files short.

use crate::schema::*;

use super::assignment::ASSIGNMENT_LEVEL;
use super::pricing::BOLT_ON_CHARGE_FIELDS;
use super::{name, nominal_code};

/// How often a triggered charge's allowance renews (api-facts §6.6).
pub static INCLUSIVE_USAGE_FREQUENCY: Choices =
    Choices { name: "InclusiveUsageFrequency", values: &["MONTHLY", "DAILY", "WEEKLY"] };

// ---- components (§6.6, sample only) ----------------------------------------------------------

/// An item of `InclusiveUsage.timebands` (sample only).
pub static INCLUSIVE_USAGE_TIMEBAND: Schema = Schema {
    name: "InclusiveUsageTimeband",
    doc: "A time band an inclusive usage component covers.",
    source: "api-facts §6.6 (sample)",
    fields: &[
        field("id", int64().kind()).read_only().doc("Identifier"),
        field("timeband", any_string().kind()).doc("Time band, e.g. PEAK (enum not captured)"),
    ],
    rules: &[],
};

/// An item of `InclusiveUsage.chargeGroups` (sample only).
pub static INCLUSIVE_USAGE_CHARGE_GROUP: Schema = Schema {
    name: "InclusiveUsageChargeGroup",
    doc: "A charge group an inclusive usage component covers.",
    source: "api-facts §6.6 (sample)",
    fields: &[
        field("id", int64().kind()).read_only().doc("Identifier"),
        field("chargeGroupId", int64().kind()).doc("Charge group"),
    ],
    rules: &[],
};

/// An item of `InclusiveUsage.chargeGroupCategories` (sample only).
pub static INCLUSIVE_USAGE_CHARGE_GROUP_CATEGORY: Schema = Schema {
    name: "InclusiveUsageChargeGroupCategory",
    doc: "A charge group category an inclusive usage component covers.",
    source: "api-facts §6.6 (sample)",
    fields: &[
        field("id", int64().kind()).read_only().doc("Identifier"),
        field("chargeGroupCategoryId", int64().kind()).doc("Charge group category"),
    ],
    rules: &[],
};

/// An item of `InclusiveUsage.dialStrings` (sample only).
pub static INCLUSIVE_USAGE_DIAL_STRING: Schema = Schema {
    name: "InclusiveUsageDialString",
    doc: "A dialled-number prefix (or whole number) an inclusive usage component covers.",
    source: "api-facts §6.6 (sample)",
    fields: &[
        field("id", int64().kind()).read_only().doc("Identifier"),
        field("dialString", any_string().kind()).doc("Dial string"),
        field("isWholeNumber", boolean()).doc("The dial string is a whole number, not a prefix"),
    ],
    rules: &[],
};

static TIMEBANDS: Array = Array { items: object(&INCLUSIVE_USAGE_TIMEBAND), min_items: 0, max_items: None };
static CHARGE_GROUPS: Array = Array { items: object(&INCLUSIVE_USAGE_CHARGE_GROUP), min_items: 0, max_items: None };
static CHARGE_GROUP_CATEGORIES: Array =
    Array { items: object(&INCLUSIVE_USAGE_CHARGE_GROUP_CATEGORY), min_items: 0, max_items: None };
static DIAL_STRINGS: Array = Array { items: object(&INCLUSIVE_USAGE_DIAL_STRING), min_items: 0, max_items: None };

/// An item of `InclusiveUsagePlan.inclusiveUsageComponents`. Known from a sample only: types
/// are checked, nothing more is documented (the enums are not captured).
pub static INCLUSIVE_USAGE: Schema = Schema {
    name: "InclusiveUsage",
    doc: "A component of an inclusive usage plan: an allowance and the usage it covers.",
    source: "api-facts §6.6 (sample)",
    fields: &[
        field("id", int64().kind()).read_only().doc("Component identifier"),
        field("description", any_string().kind()).doc("Description"),
        field("componentType", any_string().kind()).doc("Component type, e.g. VALUE (enum not captured)"),
        field("chargingType", any_string().kind()).doc("Charging type, e.g. DURATION (enum not captured)"),
        field("quantity", number(None, None)).doc("Allowance quantity"),
        field("valueInPence", number(None, None)).doc("Allowance value in pence"),
        field("timebands", Kind::Array(&TIMEBANDS)).doc("Time bands covered"),
        field("chargeGroups", Kind::Array(&CHARGE_GROUPS)).doc("Charge groups covered"),
        field("chargeGroupCategories", Kind::Array(&CHARGE_GROUP_CATEGORIES)).doc("Charge group categories covered"),
        field("dialStrings", Kind::Array(&DIAL_STRINGS)).doc("Dial strings covered"),
    ],
    rules: &[],
};

/// An item of `InclusiveUsagePlan.boltOnCharges`: the plan's recurring charge as a bolt-on.
pub static INCLUSIVE_USAGE_BOLT_ON_CHARGE: Schema = Schema {
    name: "InclusiveUsageBoltOnCharge",
    doc: "The recurring charge of a bolt-on inclusive usage plan.",
    source: "api-facts §6.6",
    fields: BOLT_ON_CHARGE_FIELDS,
    rules: &[],
};

// ---- InclusiveUsagePlan (§6.6) -------------------------------------------------------------

static COMPONENTS: Array = Array { items: object(&INCLUSIVE_USAGE), min_items: 0, max_items: None };
static BOLT_ON_CHARGES: Array = Array { items: object(&INCLUSIVE_USAGE_BOLT_ON_CHARGE), min_items: 0, max_items: None };

/// Body of `POST /inclusive-usage-plans`.
pub static INCLUSIVE_USAGE_PLAN: Schema = Schema {
    name: "InclusiveUsagePlan",
    doc: "An inclusive bundle, e.g. 500 free minutes of national calls (POST /inclusive-usage-plans).",
    source: "api-facts §6.6",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Inclusive usage plan identifier"),
        field("contractOwnerId", int32().kind()).required().doc("Contract owner"),
        field("name", name(1, 100)).required().doc("Plan name"),
        field("usageProductId", int64().kind()).required().doc("Usage product the plan covers"),
        field("availableFrom", date()).required().doc("Available from date"),
        field("availableTo", date()).doc("Available to date"),
        field("boltOn", boolean()).default(Literal::Bool(false)).doc("A bolt-on plan"),
        field("taxBandId", int64().kind()).doc("Tax band"),
        // Shown as PAT-NOMINAL-DBL: read as PAT-NOMINAL (decisions R6).
        field("nominalCode", nominal_code(1, 50)).doc("Nominal (ledger) code"),
        field("inclusiveUsageComponents", Kind::Array(&COMPONENTS)).doc("Allowances of the plan"),
        field("boltOnCharges", Kind::Array(&BOLT_ON_CHARGES)).doc("Recurring charges of a bolt-on plan"),
        field("rolloverPeriods", int64().kind()).doc("Periods unused allowance rolls over (bounds not stated)"),
        field("triggerChargeId", int64().kind())
            .doc("Rental product charged (as a new inventory) when qualifying usage starts or exhausts the allowance"),
        field("supplierAccountId", int64().kind()).doc("Supplier account; required when triggerChargeId is set"),
        field("frequency", one_of(&INCLUSIVE_USAGE_FREQUENCY))
            .doc("Allowance frequency; required when triggerChargeId is set"),
        // "Only for quantity-based components": a relation to the components' types, whose
        // enum is not captured, so not checked.
        field("minQualifyingQuantity", number(None, None))
            .doc("Minimum quantity that qualifies (quantity-based components)"),
        field("maxPerEventQuantity", number(None, None)).doc("Largest quantity per event; larger events are split"),
    ],
    rules: &[
        // decisions R9
        Rule::RequiredIf { field: "supplierAccountId", when: Condition::Present("triggerChargeId") },
        Rule::RequiredIf { field: "frequency", when: Condition::Present("triggerChargeId") },
    ],
};

// ---- InclusiveUsageBalance (§6.7, response only) -------------------------------------------

/// A component's balance inside an [`INCLUSIVE_USAGE_BALANCE_ASSIGNMENT`].
pub static INCLUSIVE_USAGE_BALANCE_COMPONENT: Schema = Schema {
    name: "InclusiveUsageBalanceComponent",
    doc: "What is left of one component's allowance.",
    source: "api-facts §6.7 (sample)",
    fields: &[
        field("componentId", int64().kind()).doc("Component of the plan"),
        field("byValue", boolean()).doc("The allowance is a value, not a quantity"),
        field("chargingType", any_string().kind()).doc("Charging type, e.g. DURATION"),
        field("allowance", number(None, None)).doc("Allowance of the period"),
        field("remaining", number(None, None)).doc("Allowance remaining"),
        // The sample shows "yyyy-MM-dd HH:mm:ss", which is not RFC 3339: typed as a string.
        field("startDate", any_string().kind()).doc("Start, as yyyy-MM-dd HH:mm:ss"),
        field("endDate", any_string().kind()).doc("End, as yyyy-MM-dd HH:mm:ss"),
    ],
    rules: &[],
};

static BALANCE_COMPONENTS: Array =
    Array { items: object(&INCLUSIVE_USAGE_BALANCE_COMPONENT), min_items: 0, max_items: None };

/// A plan assignment's balances inside an [`INCLUSIVE_USAGE_BALANCE`].
pub static INCLUSIVE_USAGE_BALANCE_ASSIGNMENT: Schema = Schema {
    name: "InclusiveUsageBalanceAssignment",
    doc: "The balances of one inclusive usage plan assignment.",
    source: "api-facts §6.7 (sample)",
    fields: &[
        field("assignmentId", int64().kind()).doc("Plan assignment"),
        // The sample shows CUSTOMER; the levels are those of every assignment (api-facts §7).
        field("assignmentLevel", one_of(&ASSIGNMENT_LEVEL)).doc("Level of the assignment"),
        field("assignmentStartDate", date()).doc("Assignment start date"),
        field("assignmentEndDate", date()).doc("Assignment end date (null when open)"),
        field("inclusiveUsagePlanId", int64().kind()).doc("Inclusive usage plan"),
        field("components", Kind::Array(&BALANCE_COMPONENTS)).doc("Balances per component"),
    ],
    rules: &[],
};

static BALANCE_ASSIGNMENTS: Array =
    Array { items: object(&INCLUSIVE_USAGE_BALANCE_ASSIGNMENT), min_items: 0, max_items: None };

/// An item of `GET /inclusive-usage-balances`: remaining allowances of one inventory in one
/// bill run. Response only: the client types lists with it.
pub static INCLUSIVE_USAGE_BALANCE: Schema = Schema {
    name: "InclusiveUsageBalance",
    doc: "Remaining inclusive allowances of a usage inventory in a bill period (GET /inclusive-usage-balances).",
    source: "api-facts §6.7 (sample)",
    fields: &[
        field("billRunId", int64().kind()).doc("Bill run"),
        field("periodStartDate", date()).doc("Period start date"),
        field("periodEndDate", date()).doc("Period end date"),
        field("usageProductInventoryId", int64().kind()).doc("Usage product inventory"),
        field("inclusiveUsageBalanceAssignments", Kind::Array(&BALANCE_ASSIGNMENTS))
            .doc("Balances per plan assignment")
            .label("Balance assignments"),
    ],
    rules: &[],
};
