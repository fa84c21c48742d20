//! Products API 2.13 (`/v2`): `UsageProduct`, `RentalProduct`, `RentalProductCategory`,
//! `CustomField` (request bodies), and the records only listed: `UsageProductCategory`,
//! `UsageProductSupplier`, `ProductCustomField` (api-facts §4).

use crate::schema::*;

use super::{name, nominal_code, INT32_IDS, INT32_IDS_NON_EMPTY};

// ---- enums ----------------------------------------------------------------------------------

/// Whether a usage product bills incoming or outgoing usage (api-facts §4.2).
pub static USAGE_PRODUCT_DIRECTION: Choices =
    Choices { name: "UsageProductDirection", values: &["INBOUND", "OUTBOUND"] };

/// The kind of rental product (api-facts §4.3).
pub static RENTAL_PRODUCT_TYPE: Choices =
    Choices { name: "RentalProductType", values: &["PRODUCT", "FEATURE", "EVENT"] };

/// The icon of a rental product category: the 24 values of the 2.13 page (decisions R13; the
/// seed rendering shows only the first 10).
pub static DISPLAY_ICON_TYPE: Choices = Choices {
    name: "DisplayIconType",
    values: &[
        "fa-wifi",
        "fa-sitemap",
        "fa-server",
        "fa-hdd-o",
        "fa-database",
        "fa-plug",
        "fa-bolt",
        "fa-cloud",
        "fa-cloud-download",
        "fa-cloud-upload",
        "fa-globe",
        "fa-exchange",
        "fa-lock",
        "fa-unlock",
        "fa-shield",
        "fa-cogs",
        "fa-rss",
        "fa-code-fork",
        "fa-random",
        "fa-location-arrow",
        "fa-terminal",
        "fa-phone",
        "fa-envelope-o",
        "fa-wrench",
    ],
};

/// The entities a product custom field can belong to (the `entityLevel` filter of
/// GET /product-custom-fields, api-facts §4.1): a subset of the Admin API's
/// `CustomFieldEntityLevel`, so it has its own name.
pub static PRODUCT_CUSTOM_FIELD_ENTITY_LEVEL: Choices = Choices {
    name: "ProductCustomFieldEntityLevel",
    values: &["USAGE_PRODUCT", "RENTAL_PRODUCT", "RENTAL_PRODUCT_INVENTORY"],
};

static CUSTOM_FIELDS: Array = Array { items: object(&CUSTOM_FIELD), min_items: 0, max_items: None };

/// `customFields` of usage and rental products and of rental product inventories (api-facts §4.5).
pub(crate) const fn custom_fields() -> Kind {
    Kind::Array(&CUSTOM_FIELDS)
}

// ---- CustomField (§4.5) --------------------------------------------------------------------

/// A custom field value on a product or rental inventory. Only the types and requiredness are
/// documented (constraints not captured).
pub static CUSTOM_FIELD: Schema = Schema {
    name: "CustomField",
    doc: "A custom field value (label and value) on a usage or rental product or a rental product inventory.",
    source: "api-facts §4.5",
    fields: &[
        field("id", int64().kind()).read_only().doc("Custom field identifier"),
        field("label", any_string().kind()).required().doc("Label of the custom field (constraints not documented)"),
        field("value", any_string().kind()).required().doc("Value of the custom field (constraints not documented)"),
    ],
    rules: &[],
};

// ---- UsageProduct (§4.2) -------------------------------------------------------------------

/// Body of `POST /usage-products`.
pub static USAGE_PRODUCT: Schema = Schema {
    name: "UsageProduct",
    doc: "A product billed on its usage, such as calls or data (POST /usage-products).",
    source: "api-facts §4.2",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Usage product identifier"),
        field("name", name(1, 100)).required().doc("Usage product name"),
        // Min 0 here, 1 on the other nominal codes: as documented (api-facts §9 #5).
        field("nominalCode", nominal_code(0, 50)).doc("Nominal (ledger) code, e.g. SALES-01QTR2"),
        field("usageProductCategoryId", int64().kind()).required().doc("Usage product category"),
        field("direction", one_of(&USAGE_PRODUCT_DIRECTION)).required().doc("Inbound or outbound usage"),
        field("performLocalAndNationalCheck", boolean())
            .default(Literal::Bool(true))
            .doc("Perform the local and national check"),
        field("availableFrom", date()).required().doc("Available from date"),
        field("availableTo", date()).doc("Available to date"),
        field("productReferenceCanBeRange", boolean())
            .default(Literal::Bool(true))
            .doc("A product reference may be a range"),
        field("serviceIdRequired", boolean())
            .default(Literal::Bool(false))
            .doc("A service id is required on the product's inventories"),
        field("customFields", custom_fields()).doc("Custom field values of the product"),
        // Required in 2.13, absent from the older build: the newer version wins (decisions R13).
        // Max length not captured; the value must compile in the server's dialect (decisions R10).
        field("productReferenceFormat", regex_string(None))
            .required()
            .doc("Regular expression the product references of usage inventories must match, e.g. [0-9]{3,11}"),
        field("serviceIdFormat", regex_string(None))
            .doc("Regular expression the service ids of usage inventories must match, e.g. [a-zA-Z0-9\\-]{3,100}"),
    ],
    rules: &[],
};

// ---- RentalProduct (§4.3) ------------------------------------------------------------------

static SUPPLIER_PRODUCT_NAMES: Array = Array { items: Kind::String(any_string()), min_items: 0, max_items: None };

/// Body of `POST /rental-products`. Constraints are captured for the first fields; the tail
/// fields are known from samples, so only their types are checked.
pub static RENTAL_PRODUCT: Schema = Schema {
    name: "RentalProduct",
    doc: "A product or service billed on a fixed charge, such as broadband or line rental (POST /rental-products).",
    source: "api-facts §4.3",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Rental product identifier"),
        field("rentalProductCategoryId", int64().kind()).required().doc("Rental product category"),
        field("productType", one_of(&RENTAL_PRODUCT_TYPE)).required().doc("Product, feature or event"),
        field("name", name(1, 255)).required().doc("Rental product name"),
        field("invoicePresentationName", name(1, 255)).required().doc("Name shown on invoices"),
        field("parentRentalProductId", int64().kind()).doc("Parent rental product"),
        field("supplierId", int64().kind()).required().doc("Supplier of the product"),
        field("supplierProductNames", Kind::Array(&SUPPLIER_PRODUCT_NAMES))
            .doc("Names of the product in supplier invoice files (nothing more documented)"),
        field("taxBandId", int64().kind()).required().doc("Tax band"),
        field("availableFrom", date()).required().doc("Available from date"),
        field("nominalCode", nominal_code(1, 50)).doc("Nominal (ledger) code"),
        field("availableTo", date()).doc("Available to date"),
        field("doNotProRate", boolean()).default(Literal::Bool(false)).doc("Do not pro-rate charges"),
        field("alignedToStart", boolean())
            .default(Literal::Bool(false))
            .doc("Default for new inventories: bill on the start-date anniversary"),
        field("alignedToBillPeriod", boolean())
            .default(Literal::Bool(false))
            .doc("Default for new inventories: align to the bill period"),
        field("billInitialChargesImmediately", boolean())
            .default(Literal::Bool(false))
            .doc("Default for new inventories: bill initial charges immediately"),
        field("forceBillPeriods", int32().min(0).max(731).kind())
            .default(Literal::Int(0))
            .doc("Default force-bill periods of new inventories; 0 turns force billing off"),
        field("additionalProductReferenceRequired", boolean())
            .default(Literal::Bool(false))
            .doc("Inventories need an additional product reference")
            .label("Additional reference required"),
        field("additionalProductReferenceFormat", regex_string(Some(50)))
            .doc("Regular expression for additional product references, e.g. [a-zA-Z0-9]{4,15}")
            .label("Additional reference format"),
        field("linkedUsageProductId", int64().kind()).doc("Linked usage product"),
        field("productReferenceRequired", boolean()).doc("Inventories need a product reference (sample only)"),
        // Length not captured (sample `.*`); must compile (decisions R10).
        field("productReferenceFormat", regex_string(None)).doc("Regular expression for product references"),
        field("productReferenceMayBeDDIRange", boolean())
            .doc("A product reference may be a DDI range (sample only)")
            .label("DDI range allowed"),
        field("generateWhenParentCreated", boolean())
            .doc("Create an inventory of this product when its parent's is created (sample only)"),
        field("customFields", custom_fields()).doc("Custom field values of the product"),
    ],
    rules: &[],
};

// ---- RentalProductCategory (§4.4) ----------------------------------------------------------

/// Body of `POST /rental-product-categories`.
pub static RENTAL_PRODUCT_CATEGORY: Schema = Schema {
    name: "RentalProductCategory",
    doc: "A group of rental products (POST /rental-product-categories).",
    source: "api-facts §4.4 (seed:001)",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Rental product category identifier"),
        field("name", name(1, 50)).required().doc("Rental product category name"),
        field("startDate", date()).required().doc("Category start date"),
        field("endDate", date()).doc("Category end date"),
        field("siMaintained", boolean())
            .read_only()
            .default(Literal::Bool(false))
            .doc("Maintained by SI: its products cannot be created, updated or deleted"),
        field("contractOwnerIds", Kind::Array(&INT32_IDS_NON_EMPTY)).required().doc("Contract owners (at least one)"),
        field("supplierAccountIds", Kind::Array(&INT32_IDS)).doc("Supplier accounts with this category"),
        field("displayIcon", one_of(&DISPLAY_ICON_TYPE)).doc("Display icon of the category"),
    ],
    rules: &[],
};

// ---- records only listed (§4.1, §4.5, §4.6) ------------------------------------------------

/// An item of `GET /usage-product-categories`. Types from the sample only.
pub static USAGE_PRODUCT_CATEGORY: Schema = Schema {
    name: "UsageProductCategory",
    doc: "A category of usage products (GET /usage-product-categories).",
    source: "api-facts §4.6 (seed:004 sample)",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Usage product category identifier"),
        field("name", any_string().kind()).doc("Category name"),
    ],
    rules: &[],
};

/// An item of `GET /usage-product-suppliers`: which supplier carries a usage product.
pub static USAGE_PRODUCT_SUPPLIER: Schema = Schema {
    name: "UsageProductSupplier",
    doc: "A link between a usage product and a supplier (GET /usage-product-suppliers).",
    source: "api-facts §4.6 (seed:004 sample)",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Usage product supplier identifier"),
        field("usageProductId", int64().kind()).doc("Usage product"),
        field("supplierId", int64().kind()).doc("Supplier"),
        field("supplierAccountId", int64().kind()).doc("Supplier account"),
        field("primaryReferenceDataSourceId", int64().kind()).doc("Primary reference data source"),
        field("secondaryReferenceDataSourceId", int64().kind())
            .doc("Secondary reference data source")
            .label("Secondary data source ID"),
    ],
    rules: &[],
};

static PRODUCT_CATEGORY_IDS: Array = Array { items: Kind::Integer(int64()), min_items: 0, max_items: None };

/// An item of `GET /product-custom-fields`: a custom field products or rental inventories can carry.
pub static PRODUCT_CUSTOM_FIELD: Schema = Schema {
    name: "ProductCustomField",
    doc: "A custom field definition for usage or rental products or rental inventories (GET /product-custom-fields).",
    source: "api-facts §4.5 (C:billing-rest-product/operation/getProductCustomFields)",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Product custom field identifier"),
        field("label", any_string().kind()).doc("Label of the custom field"),
        field("productCategoryIds", Kind::Array(&PRODUCT_CATEGORY_IDS)).doc("Product categories it applies to"),
        field("entityLevel", one_of(&PRODUCT_CUSTOM_FIELD_ENTITY_LEVEL)).doc("What the field belongs to"),
    ],
    rules: &[],
};
