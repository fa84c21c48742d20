//! Product Inventory API 2.17/2.24/2.27: `UsageProductInventory` (UPI) with its
//! `UsageProductReference`s (UPR), `RentalProductInventory` (RPI), `AdhocInventory`
//! (api-facts §5).
//!
//! References are also checked against the product's own formats by the server (decisions
//! R10); that needs the product, so it is not part of these tables.

use crate::schema::Pattern;
use crate::schema::*;

use super::customer::ADDRESS;
use super::product::custom_fields;
use super::{name, nominal_code, phone};

/// How an adhoc charge is paid: the 2.24/2.27 list, which wins over the older one (api-facts
/// §5.6, decisions R13).
pub static PAYMENT_METHOD: Choices = Choices {
    name: "PaymentMethod",
    values: &[
        "CHEQUE",
        "DIRECT_DEBIT",
        "CANCELLED_DD",
        "CANCELLED_CARD",
        "CREDIT_CARD",
        "PAYPAL",
        "BACS",
        "POST_OFFICE_PAYMENT_CARD",
        "EZYPAY",
        "GO_CARDLESS",
        "GC_INSTANT_BANK_PAYMENTS",
        "STRIPE",
        "STRIPE_CARD",
        "STRIPE_DD",
        "FINASTRA",
        "FAST_PAY",
        "OTHER",
    ],
};

// ---- UsageProductReference (§5.3) ----------------------------------------------------------

/// A product reference (e.g. a telephone number) of a usage inventory: an item of
/// `UsageProductInventory.productReferences`. Only types are documented.
pub static USAGE_PRODUCT_REFERENCE: Schema = Schema {
    name: "UsageProductReference",
    doc: "A product reference of a usage inventory, such as a telephone number.",
    source: "api-facts §5.3",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Product reference identifier"),
        // Length and pattern not captured; the usage product's productReferenceFormat applies.
        field("productReference", any_string().kind())
            .required()
            .doc("The reference, e.g. a telephone number; must match the product's productReferenceFormat"),
        field("primary", boolean()).doc("The main billing number"),
        field("label", any_string().kind()).doc("Label"),
        // Required in the response schema but absent from the create list: optional here.
        field("startDate", date()).doc("Start date (set by the server when omitted)"),
        field("endDate", date()).doc("End date"),
        field("userId", any_string().kind()).doc("User id"),
        field("userEmail", any_string().kind()).doc("User e-mail (format not documented)"),
        field("costCentreCode", any_string().kind()).doc("Cost centre code"),
        field("departmentCode", any_string().kind()).doc("Department code"),
        field("notes", any_string().kind()).doc("Notes"),
    ],
    rules: &[],
};

// ---- UsageProductInventory (§5.2) ----------------------------------------------------------

static PRODUCT_REFERENCES: Array = Array { items: object(&USAGE_PRODUCT_REFERENCE), min_items: 1, max_items: None };

/// Body of `POST /usage-product-inventories`.
pub static USAGE_PRODUCT_INVENTORY: Schema = Schema {
    name: "UsageProductInventory",
    doc: "A usage product sold to a site, with its product references (POST /usage-product-inventories).",
    source: "api-facts §5.2",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Usage product inventory identifier"),
        field("siteId", int64().kind()).required().doc("Site"),
        field("usageProductId", int64().kind()).required().doc("Usage product"),
        field("startDate", date()).required().doc("Start date"),
        field("endDate", date()).doc("End date"),
        field("supplierAccountId", int64().kind()).doc("Supplier account"),
        field("billByServiceId", boolean()).default(Literal::Bool(false)).doc("Bill by service id"),
        // Also the product's serviceIdFormat; serviceIdRequired may make it mandatory (not stated).
        field("serviceId", phone(4, 100)).doc("Service id; must match the product's serviceIdFormat"),
        field("billable", boolean()).default(Literal::Bool(true)).doc("The inventory is invoiced"),
        field("inFlightOrder", boolean()).default(Literal::Bool(false)).doc("The order is not complete yet"),
        field("externalOrderReference", name(1, 100)).doc("External order reference"),
        field("externalNetworkOrderReference", name(1, 100)).doc("External network order reference"),
        field("pendingEndDate", date()).doc("Pending end date of an in-flight order"),
        field("usageCapEnabled", boolean()).default(Literal::Bool(false)).doc("Usage cap enabled"),
        field("defaultUsageCap", number(None, None)).doc("Usage cap in minor currency units (pence, cents)"),
        field("overrideUsageCap", number(None, None)).doc("Temporary usage cap override in minor units (2.24)"),
        field("applySurcharges", boolean())
            .default(Literal::Bool(false))
            .doc("Add a surcharge where the rate has a surcharge value"),
        field("productReferences", Kind::Array(&PRODUCT_REFERENCES))
            .required()
            .doc("Product references (at least one)"),
    ],
    rules: &[],
};

// ---- RentalProductInventory (§5.4) ---------------------------------------------------------

/// Body of `POST /rental-product-inventories`. Constraints are captured for the first fields;
/// the fields known from the sample only have their types checked.
pub static RENTAL_PRODUCT_INVENTORY: Schema = Schema {
    name: "RentalProductInventory",
    doc: "A rental product sold to a site (POST /rental-product-inventories).",
    source: "api-facts §5.4",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Rental product inventory identifier"),
        field("siteId", int64().kind()).required().doc("Site"),
        field("rentalProductId", int64().kind()).required().doc("Rental product"),
        field("parentRentalProductInventoryId", int64().kind())
            .doc("Parent rental product inventory")
            .label("Parent inventory ID"),
        field("invoicePresentationProductName", name(1, 255))
            .required()
            .doc("Product name shown on invoices")
            .label("Product name on invoice"),
        field("supplierAccountId", int64().kind()).required().doc("Supplier account"),
        field("startDate", date()).required().doc("Start date"),
        field("endDate", date()).doc("End date"),
        // Bounds not stated.
        field("invoiceFrequency", int32().kind()).required().doc("Periods grouped on one invoice line"),
        field("quantity", int32().min(1).max(1_000_000).kind()).required().doc("Quantity, 1 to 1000000"),
        // decisions R6: 1..100 and PAT-PHONE (empty or 4..100) both apply.
        field("productReference", phone(1, 100))
            .doc("Product reference; must match the product's productReferenceFormat"),
        field("additionalProductReference", phone(1, 100))
            .doc("Additional reference (ISDN link to a usage inventory); must match the product's format"),
        // Only `[\w\` of the pattern is visible: assumed PAT-NAME-CURLY (api-facts §2).
        field("label", name(1, 255)).doc("Label"),
        field("treatStartAsWholePeriod", boolean()).doc("Charge the first period whole, without pro-rating"),
        field("treatEndAsWholePeriod", boolean()).doc("Charge the last period whole (sample only)"),
        field("contractStartDate", date()).doc("Contract start date (sample only)"),
        field("userId", any_string().kind()).doc("User id (sample only)"),
        field("userEmail", any_string().kind()).doc("User e-mail (sample only; format not documented)"),
        field("costCentreCode", any_string().kind()).doc("Cost centre code (sample only)"),
        field("departmentCode", any_string().kind()).doc("Department code (sample only)"),
        field("featureNumber", any_string().kind()).doc("Feature number (sample only)"),
        // Constraints not captured here (the products' nominal codes have PAT-NOMINAL).
        field("nominalCode", any_string().kind()).doc("Nominal code (sample only)"),
        field("notes", any_string().kind()).doc("Notes (sample only)"),
        field("billable", boolean()).doc("Invoiced; when false the inventory is not billed"),
        field("inFlightOrder", boolean()).default(Literal::Bool(false)).doc("The order is not complete yet"),
        field("billInitialChargesImmediately", boolean())
            .default(Literal::Bool(false))
            .doc("Bill the first part-period charge in an adhoc bill run"),
        field("alignedToStart", boolean())
            .default(Literal::Bool(false))
            .doc("Bill on the start-date anniversary, without pro-rating"),
        field("alignedToBillPeriod", boolean())
            .default(Literal::Bool(false))
            .doc("Align a back-dated inventory to the bill period"),
        field("externalOrderReference", any_string().kind()).doc("External order reference (sample only)"),
        field("externalNetworkOrderReference", any_string().kind())
            .doc("External network order reference (sample only)"),
        field("pendingEndDate", date()).doc("Pending end date (sample only)"),
        field("forceBilling", boolean()).doc("Force billing; false when the product's forceBillPeriods is 0"),
        // Bare "integer" (api-facts §5.4): a count, so int32 as on RentalProduct (§4.3); ids are
        // int64 (the convention at UsageRate.peakInitialPeriod, src/model/pricing.rs).
        field("forceBillPeriods", int32().kind()).doc("Force-bill periods (sample only; bounds not documented here)"),
        // Constraints not captured here (api-facts §5.4). Address's are applied because the
        // samples show the same field set (api-facts §3.4): assumed, not stated.
        field("installationAddress", object(&ADDRESS)).doc("Installation address"),
        field("customFields", custom_fields()).doc("Custom field values of the inventory"),
    ],
    rules: &[],
};

// ---- AdhocInventory (§5.5) -----------------------------------------------------------------

/// Body of `POST /adhoc-inventories`.
pub static ADHOC_INVENTORY: Schema = Schema {
    name: "AdhocInventory",
    doc: "A one-off charge or credit on a site (POST /adhoc-inventories).",
    source: "api-facts §5.5",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Adhoc inventory identifier"),
        field("siteId", int64().kind()).required().doc("Site"),
        field("name", name(1, 255)).required().doc("Name of the charge"),
        field("supplierAccountId", int64().kind()).required().doc("Supplier account"),
        field("buyPrice", number(None, None)).doc("Buy price"),
        field("sellPrice", number(None, None)).required().doc("Sell price"),
        field("billImmediately", boolean())
            .default(Literal::Bool(false))
            .doc("Bill in an adhoc bill run now; must be true for a credit"),
        field("isCredit", boolean()).default(Literal::Bool(false)).doc("Raise a credit note; needs billImmediately"),
        field("creditReason", name(0, 255)).doc("Reason for the credit"),
        field("paid", boolean()).default(Literal::Bool(false)).doc("Already paid"),
        field("paymentTerms", int32().kind()).doc("Payment terms in days"),
        field("paymentType", one_of(&PAYMENT_METHOD)).doc("Payment method"),
        field("quantity", number(None, None)).required().doc("Quantity"),
        field("rentalProductCategoryId", int64().kind()).required().doc("Rental product category"),
        field("taxBandId", int64().kind()).required().doc("Tax band"),
        // Shown as PAT-NOMINAL-DBL: read as PAT-NOMINAL (decisions R6).
        field("nominalCode", nominal_code(1, 50)).doc("Nominal (ledger) code"),
        field("invoiceGroupTagLabelId", int64().kind())
            .doc("Invoice group tag label (2.27); given together with invoiceGroupTagValue"),
        // "max 255, not empty or whitespace only" (api-facts §5.5).
        field("invoiceGroupTagValue", string(0, 255).pattern(Pattern::NonBlank).kind())
            .doc("Invoice group tag value, e.g. Sales Division (2.27); given together with invoiceGroupTagLabelId"),
        field("billRunId", int64().kind()).read_only().doc("Bill run"),
        field("adhocBillRunId", int64().kind()).read_only().doc("Adhoc bill run"),
    ],
    rules: &[
        // decisions R9
        Rule::EqualsIf {
            field: "billImmediately",
            value: Literal::Bool(true),
            when: Condition::Equals("isCredit", Literal::Bool(true)),
        },
        Rule::RequiredIf { field: "invoiceGroupTagValue", when: Condition::Present("invoiceGroupTagLabelId") },
        Rule::RequiredIf { field: "invoiceGroupTagLabelId", when: Condition::Present("invoiceGroupTagValue") },
    ],
};
