//! Every documented endpoint of the Elevate API, as data (api-facts §3.1, §4.1, §5.1, §6.1,
//! §7.1, §8). One table, three readers: the client builds its resource objects from it, the
//! query validator takes each endpoint's filters from it, and the OpenAPI export describes it.
//!
//! Endpoints whose page exists but whose method or path the docs do not show are marked
//! `inferred` in their `source`; the client offers them, the docs are the judge.

/// The API an endpoint belongs to; it decides the base path (decisions R12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Api {
    CustomerAndSites,
    Products,
    Pricing,
    ProductInventory,
    PricingAssignment,
    Admin,
}

impl Api {
    pub const ALL: [Api; 6] =
        [Api::CustomerAndSites, Api::Products, Api::Pricing, Api::ProductInventory, Api::PricingAssignment, Api::Admin];

    /// The key of `baseUrls` in the client options (`ApiName` in TypeScript).
    pub fn key(self) -> &'static str {
        match self {
            Api::CustomerAndSites => "customer",
            Api::Products => "product",
            Api::Pricing => "pricing",
            Api::ProductInventory => "inventory",
            Api::PricingAssignment => "assignment",
            Api::Admin => "admin",
        }
    }

    /// Version path of the API's major version (decisions R12).
    pub fn base_path(self) -> &'static str {
        match self {
            Api::CustomerAndSites | Api::PricingAssignment | Api::Admin => "/v1",
            Api::Products | Api::Pricing | Api::ProductInventory => "/v2",
        }
    }

    /// The documentation's title and version.
    pub fn title(self) -> &'static str {
        match self {
            Api::CustomerAndSites => "Elevate Customer and Sites API 1.41",
            Api::Products => "Elevate Products API 2.13",
            Api::Pricing => "Elevate Pricing API 2.22",
            Api::ProductInventory => "Elevate Product Inventory API 2.24",
            Api::PricingAssignment => "Elevate Pricing Assignment API 1.15",
            Api::Admin => "Elevate Admin API 1.44",
        }
    }
}

/// The default host of every API (decisions R12).
pub const DEFAULT_HOST: &str = "https://rest.elevatebilling.com";

/// HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Post,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Safe to repeat: the client retries only these.
    pub fn is_idempotent_read(self) -> bool {
        matches!(self, Method::Get | Method::Head)
    }
}

/// What an endpoint does; also the name of the client method (`client.sites.list`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// GET a page of records (`page`, `pageSize`, `sort`, `fields`, filters).
    List,
    /// HEAD: do matching records exist? (`X-Total-Count`).
    Exists,
    /// GET one record by id.
    Get,
    /// POST a new record.
    Create,
    /// PATCH a record with JSON Patch.
    Update,
    /// DELETE a record.
    Delete,
}

impl Op {
    pub fn method_name(self) -> &'static str {
        match self {
            Op::List => "list",
            Op::Exists => "exists",
            Op::Get => "get",
            Op::Create => "create",
            Op::Update => "update",
            Op::Delete => "delete",
        }
    }
}

/// The value language of a query filter (api-facts §1.5, decisions R11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// `xyz` | `in:x,y` | `like:xyz`
    String,
    /// An id `n` (also `in:` lists of ids).
    Id,
    /// `yyyy-MM-dd` with optional `lt:` / `gt:` / `gtn:`.
    Date,
    /// `yyyy-MM-ddTHH:mm:ssZ` with optional `lt:` / `gt:`.
    DateTime,
    /// `true` | `false`.
    Boolean,
    /// One of the listed values (a string filter whose values the docs enumerate).
    Enum(&'static [&'static str]),
}

/// A query parameter of an endpoint, besides paging.
#[derive(Debug, Clone, Copy)]
pub struct Filter {
    pub name: &'static str,
    pub kind: FilterKind,
    pub required: bool,
}

const fn f(name: &'static str, kind: FilterKind) -> Filter {
    Filter { name, kind, required: false }
}

/// A request header the API documents as an option of one endpoint.
#[derive(Debug, Clone, Copy)]
pub struct Header {
    /// The option name in the client (`cascadeEndDate`).
    pub option: &'static str,
    /// The header on the wire (`cascade_end_date`).
    pub name: &'static str,
    /// What it does.
    pub doc: &'static str,
}

pub const CASCADE_END_DATE: Header = Header {
    option: "cascadeEndDate",
    name: "cascade_end_date",
    doc: "Cascade the site's new end date to all its inventories (only when the patch sets an end date).",
};
pub const DISABLE_ADDING_LINKED_RENTALS: Header = Header {
    option: "disableAddingLinkedRentals",
    name: "disable_adding_linked_rentals",
    doc: "Do not create child rental product inventories for the product's child rental products.",
};
pub const SUMMARY: Header =
    Header { option: "summary", name: "summary", doc: "Return lightweight summary objects instead of full ones." };

/// One endpoint.
#[derive(Debug, Clone, Copy)]
pub struct Endpoint {
    pub op: Op,
    pub method: Method,
    /// Path below the API's base, with `{param}` placeholders (`/sites/{site_id}`).
    pub path: &'static str,
    /// Request body schema name: a schema of `crate::model`, or `"JsonPatch"`.
    pub body: Option<&'static str>,
    /// Filters in documentation order.
    pub filters: &'static [Filter],
    /// `page` and `pageSize` (required), `sort` and `fields` apply.
    pub paged: bool,
    /// `fields` applies (GET by id).
    pub fields: bool,
    pub headers: &'static [Header],
    /// Where the docs show it.
    pub source: &'static str,
}

impl Endpoint {
    /// The names of the `{…}` placeholders of the path, in order.
    pub fn path_params(&self) -> impl Iterator<Item = &'static str> {
        self.path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
    }
}

/// A resource of the client (`client.sites`) and its endpoints.
#[derive(Debug)]
pub struct Resource {
    /// Property name on the client (`sites`).
    pub name: &'static str,
    /// Schema of its records (`Site`), for types and validation.
    pub schema: &'static str,
    pub api: Api,
    pub endpoints: &'static [Endpoint],
}

impl Resource {
    pub fn endpoint(&self, op: Op) -> Option<&'static Endpoint> {
        self.endpoints.iter().find(|e| e.op == op)
    }
}

const fn list(path: &'static str, filters: &'static [Filter], source: &'static str) -> Endpoint {
    Endpoint {
        op: Op::List,
        method: Method::Get,
        path,
        body: None,
        filters,
        paged: true,
        fields: false,
        headers: &[],
        source,
    }
}
const fn exists(path: &'static str, filters: &'static [Filter], source: &'static str) -> Endpoint {
    Endpoint {
        op: Op::Exists,
        method: Method::Head,
        path,
        body: None,
        filters,
        paged: false,
        fields: false,
        headers: &[],
        source,
    }
}
const fn get(path: &'static str, source: &'static str) -> Endpoint {
    Endpoint {
        op: Op::Get,
        method: Method::Get,
        path,
        body: None,
        filters: &[],
        paged: false,
        fields: true,
        headers: &[],
        source,
    }
}
const fn create(path: &'static str, body: &'static str, source: &'static str) -> Endpoint {
    Endpoint {
        op: Op::Create,
        method: Method::Post,
        path,
        body: Some(body),
        filters: &[],
        paged: false,
        fields: false,
        headers: &[],
        source,
    }
}
const fn update(path: &'static str, source: &'static str) -> Endpoint {
    Endpoint {
        op: Op::Update,
        method: Method::Patch,
        path,
        body: Some("JsonPatch"),
        filters: &[],
        paged: false,
        fields: false,
        headers: &[],
        source,
    }
}
const fn delete(path: &'static str, source: &'static str) -> Endpoint {
    Endpoint {
        op: Op::Delete,
        method: Method::Delete,
        path,
        body: None,
        filters: &[],
        paged: false,
        fields: false,
        headers: &[],
        source,
    }
}

impl Endpoint {
    const fn with_headers(mut self, headers: &'static [Header]) -> Self {
        self.headers = headers;
        self
    }
}

use FilterKind::{Boolean, Date, DateTime, Id, String as Str};

/// Values of `assignmentLevel` (list filters and the `{assignmentLevel}` path placeholder of
/// the Pricing Assignment API, api-facts §7.1): the model's `AssignmentLevel` enum.
pub const ASSIGNMENT_LEVELS: &[&str] = crate::model::assignment::ASSIGNMENT_LEVEL.values;

const LEVELS: FilterKind = FilterKind::Enum(ASSIGNMENT_LEVELS);

// Filter sets shared by a list and its exists-check.
const USAGE_PRODUCT_FILTERS: &[Filter] = &[
    f("name", Str),
    f("usageProductCategoryId", Id),
    f("availableFrom", Date),
    f("availableTo", Date),
    f("nominalCode", Str),
];
const UPI_FILTERS: &[Filter] = &[
    f("usageProductId", Id),
    f("startDate", Date),
    f("endDate", Date),
    f("productReference", Str),
    f("serviceId", Str),
    f("siteId", Id),
    f("label", Str),
];
const ADHOC_FILTERS: &[Filter] =
    &[f("name", Str), f("siteId", Id), f("rentalProductCategoryId", Id), f("billRunId", Id), f("adhocBillRunId", Id)];
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

/// Every resource, in the order of the integration guide's areas.
pub static RESOURCES: &[Resource] = &[
    // ---- Customer and Sites (api-facts §3.1) ----
    Resource {
        name: "customers",
        schema: "Customer",
        api: Api::CustomerAndSites,
        endpoints: &[
            list(
                "/customers",
                &[
                    f("contractOwnerId", Id),
                    f("customerName", Str),
                    f("customerType", Str),
                    f("customerAccountNumber", Str),
                    f("billingCycleId", Id),
                    f("startDate", Date),
                    f("endDate", Date),
                    f("createdDate", DateTime),
                    f("updatedDate", DateTime),
                ],
                "G:billing-rest-customer/customers/getcustomers",
            ),
            create("/customers", "Customer", "R:billing-rest-customer/operation/createCustomer"),
            update("/customers/{customer_id}", "G:billing-rest-customer/customers/updatecustomer (path inferred)"),
        ],
    },
    Resource {
        name: "sites",
        schema: "Site",
        api: Api::CustomerAndSites,
        endpoints: &[
            list(
                "/sites",
                &[
                    f("customerId", Id),
                    f("siteName", Str),
                    f("siteReference", Str),
                    f("createdDate", DateTime),
                    f("updatedDate", DateTime),
                    f("mandateStatus", Str),
                    f("mandateCreatedDate", Date),
                    f("mandateUpdatedDate", Date),
                    f("mandateReference", Str),
                ],
                "seed:002",
            ),
            exists(
                "/sites",
                &[
                    f("customerId", Id),
                    f("invoiceTemplateId", Id),
                    f("billingCycleId", Id),
                    f("siteName", Str),
                    f("siteReference", Str),
                    // Typed StringFilterParam, documented as "true or false" (api-facts §1.5).
                    f("activeSites", Boolean),
                    f("contractOwnerSubBrandId", Id),
                    f("adhocBillRunId", Id),
                ],
                "seed:002",
            ),
            create("/sites", "Site", "seed:002"),
            get("/sites/{site_id}", "seed:002"),
            update("/sites/{site_id}", "seed:002").with_headers(&[CASCADE_END_DATE]),
        ],
    },
    // ---- Products (api-facts §4.1) ----
    Resource {
        name: "usageProducts",
        schema: "UsageProduct",
        api: Api::Products,
        endpoints: &[
            list("/usage-products", USAGE_PRODUCT_FILTERS, "G:billing-rest-product/usage-products/getusageproducts.md"),
            exists("/usage-products", USAGE_PRODUCT_FILTERS, "seed:004"),
            create("/usage-products", "UsageProduct", "R:billing-rest-product/operation/createUsageProduct"),
            get("/usage-products/{usage_product_id}", "C:billing-rest-product/operation/getUsageProduct"),
            update("/usage-products/{usage_product_id}", "G:billing-rest-product/usage-products/updateusageproduct.md"),
        ],
    },
    Resource {
        name: "usageProductCategories",
        schema: "UsageProductCategory",
        api: Api::Products,
        endpoints: &[list("/usage-product-categories", &[f("name", Str)], "seed:004")],
    },
    Resource {
        name: "usageProductSuppliers",
        schema: "UsageProductSupplier",
        api: Api::Products,
        endpoints: &[list(
            "/usage-product-suppliers",
            &[
                f("id", Id),
                f("usageProductId", Id),
                f("supplierId", Id),
                f("supplierAccountId", Id),
                f("primaryReferenceDataSourceId", Id),
                f("secondaryReferenceDataSourceId", Id),
            ],
            "seed:004",
        )],
    },
    Resource {
        name: "rentalProducts",
        schema: "RentalProduct",
        api: Api::Products,
        endpoints: &[
            list(
                "/rental-products",
                &[
                    f("productType", Str),
                    f("name", Str),
                    f("availableFrom", Date),
                    f("availableTo", Date),
                    f("nominalCode", Str),
                    f("supplierId", Id),
                ],
                "G:billing-rest-product/rental-products/getrentalproducts.md",
            ),
            create("/rental-products", "RentalProduct", "C:billing-rest-product/operation/createRentalProduct"),
            get("/rental-products/{rental_product_id}", "C:billing-rest-product/operation/getRentalProduct"),
            update("/rental-products/{rental_product_id}", "R:billing-rest-product/operation/updateRentalProduct"),
        ],
    },
    Resource {
        name: "rentalProductCategories",
        schema: "RentalProductCategory",
        api: Api::Products,
        endpoints: &[
            list("/rental-product-categories", &[f("name", Str)], "seed:001"),
            create("/rental-product-categories", "RentalProductCategory", "seed:001"),
            get("/rental-product-categories/{rental_product_category_id}", "seed:001"),
            update("/rental-product-categories/{rental_product_category_id}", "seed:001"),
            delete("/rental-product-categories/{rental_product_category_id}", "seed:001"),
        ],
    },
    Resource {
        name: "productCustomFields",
        schema: "ProductCustomField",
        api: Api::Products,
        endpoints: &[list(
            "/product-custom-fields",
            &[
                f("label", Str),
                f("productCategoryId", Id),
                f("entityLevel", FilterKind::Enum(&["USAGE_PRODUCT", "RENTAL_PRODUCT", "RENTAL_PRODUCT_INVENTORY"])),
            ],
            "C:billing-rest-product/operation/getProductCustomFields",
        )],
    },
    // ---- Pricing (api-facts §6.1) ----
    Resource {
        name: "usageRateCards",
        schema: "UsageRateCard",
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
            create("/usage-rate-cards", "UsageRateCard", "C:billing-rest-pricing/operation/createUsageRateCard"),
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
        schema: "UsageRate",
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
        schema: "RentalRateCard",
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
            create("/rental-rate-cards", "RentalRateCard", "C:billing-rest-pricing/operation/createRentalRateCard"),
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
        schema: "RentalRate",
        api: Api::Pricing,
        endpoints: &[update(
            "/rental-rates/{rental_rate_id}",
            "G:billing-rest-pricing/rental-rates/updaterentalrate.md",
        )],
    },
    Resource {
        name: "inclusiveUsagePlans",
        schema: "InclusiveUsagePlan",
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
                "InclusiveUsagePlan",
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
        schema: "InclusiveUsageBalance",
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
        schema: "RentalDiscountPlan",
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
            create("/rental-discount-plans", "RentalDiscountPlan", "seed:003"),
            get("/rental-discount-plans/{rental_discount_plan_id}", "seed:003"),
            update("/rental-discount-plans/{rental_discount_plan_id}", "seed:003"),
        ],
    },
    Resource {
        name: "rentalDiscountPlanRules",
        schema: "RentalDiscountPlanRule",
        api: Api::Pricing,
        endpoints: &[
            list(
                "/rental-discount-plan-rules",
                &[f("rentalDiscountPlanId", Id), f("productCategoryId", Id), f("rentalProductId", Id)],
                "G:billing-rest-pricing/rental-discount-plan-rules/getrentaldiscountplanrules.md",
            ),
            create(
                "/rental-discount-plan-rules",
                "RentalDiscountPlanRule",
                "G:billing-rest-pricing/rental-discount-plan-rules/createrentaldiscountplanrule.md",
            ),
            update(
                "/rental-discount-plan-rules/{rental_discount_plan_rule_id}",
                "G:billing-rest-pricing/rental-discount-plan-rules/updaterentaldiscountplanrule.md",
            ),
        ],
    },
    // ---- Product Inventory (api-facts §5.1) ----
    Resource {
        name: "usageProductInventories",
        schema: "UsageProductInventory",
        api: Api::ProductInventory,
        endpoints: &[
            list(
                "/usage-product-inventories",
                UPI_FILTERS,
                "G:billing-rest-inventory/usage-product-inventories/getusageproductinventories.md",
            ),
            exists(
                "/usage-product-inventories",
                UPI_FILTERS,
                "G:…/checkusageproductinventory (filters not captured: those of the list)",
            ),
            create(
                "/usage-product-inventories",
                "UsageProductInventory",
                "C:billing-rest-inventory/operation/createUsageProductInventory",
            ),
            get(
                "/usage-product-inventories/{usage_product_inventory_id}",
                "C:billing-rest-inventory/operation/getUsageProductInventory",
            ),
            update(
                "/usage-product-inventories/{usage_product_inventory_id}",
                "G:billing-rest-inventory/usage-product-inventories/updateusageproductinventory.md",
            ),
        ],
    },
    Resource {
        name: "usageProductReferences",
        schema: "UsageProductReference",
        api: Api::ProductInventory,
        endpoints: &[update(
            "/usage-product-references/{product_reference_id}",
            "G:billing-rest-inventory/usage-product-inventories/updateusageproductreference.md",
        )],
    },
    Resource {
        name: "rentalProductInventories",
        schema: "RentalProductInventory",
        api: Api::ProductInventory,
        endpoints: &[
            list(
                "/rental-product-inventories",
                &[
                    f("invoicePresentationProductName", Str),
                    f("rentalProductId", Id),
                    f("productReference", Str),
                    f("additionalProductReference", Str),
                    f("startDate", Date),
                    f("endDate", Date),
                    f("siteId", Id),
                    f("supplierAccountId", Id),
                ],
                "C:billing-rest-inventory/operation/getRentalProductInventories",
            ),
            create(
                "/rental-product-inventories",
                "RentalProductInventory",
                "R:billing-rest-inventory/operation/createRentalProductInventory",
            )
            .with_headers(&[DISABLE_ADDING_LINKED_RENTALS]),
            get(
                "/rental-product-inventories/{rental_product_inventory_id}",
                "C:billing-rest-inventory/operation/getRentalProductInventory",
            ),
            update(
                "/rental-product-inventories/{rental_product_inventory_id}",
                "C:billing-rest-inventory/operation/updateRentalProductInventory",
            ),
            delete(
                "/rental-product-inventories/{rental_product_inventory_id}",
                "G:billing-rest-inventory/rental-product-inventories/deleterentalproductinventory (path inferred)",
            ),
        ],
    },
    Resource {
        name: "adhocInventories",
        schema: "AdhocInventory",
        api: Api::ProductInventory,
        endpoints: &[
            list(
                "/adhoc-inventories",
                ADHOC_FILTERS,
                "G:billing-rest-inventory/adhoc-inventories/getadhocinventories.md",
            ),
            exists(
                "/adhoc-inventories",
                ADHOC_FILTERS,
                "R:billing-rest-inventory/tag/adhoc-inventories (filters not captured: those of the list)",
            ),
            create("/adhoc-inventories", "AdhocInventory", "C:billing-rest-inventory/operation/createAdhocInventory"),
            get("/adhoc-inventories/{adhoc_inventory_id}", "R:billing-rest-inventory/tag/adhoc-inventories (nav)"),
            update(
                "/adhoc-inventories/{adhoc_inventory_id}",
                "R:billing-rest-inventory/operation/updateAdhocInventory",
            ),
        ],
    },
    // ---- Pricing Assignment (api-facts §7.1) ----
    Resource {
        name: "usageRateCardAssignments",
        schema: "UsageRateCardAssignment",
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
                "UsageRateCardAssignment",
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
        schema: "RentalRateCardAssignment",
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
            create("/rental-rate-card-assignments", "RentalRateCardAssignment", "seed:000 (named; page not captured)"),
            update(
                "/rental-rate-card-assignments/{assignmentLevel}/{rental_rate_card_assignment_id}",
                "G:billing-rest-assignment/rental-rate-card-assignments/updaterentalratecardassignment.md",
            ),
        ],
    },
    Resource {
        name: "inclusiveUsagePlanAssignments",
        schema: "InclusiveUsagePlanAssignment",
        api: Api::PricingAssignment,
        endpoints: &[
            create(
                "/inclusive-usage-plan-assignments",
                "InclusiveUsagePlanAssignment",
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
        schema: "RentalDiscountPlanAssignment",
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
                "RentalDiscountPlanAssignment",
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
        schema: "UsageRateOverride",
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
                "UsageRateOverride",
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
        schema: "RentalRateOverride",
        api: Api::PricingAssignment,
        endpoints: &[
            create(
                "/rental-rate-overrides",
                "RentalRateOverride",
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
        schema: "BuyRentalRateOverride",
        api: Api::PricingAssignment,
        endpoints: &[
            create(
                "/buy-rental-rate-overrides",
                "BuyRentalRateOverride",
                "C:billing-rest-assignment/operation/createBuyRentalRateOverride",
            ),
            update(
                "/buy-rental-rate-overrides/{buy_rental_rate_override_id}",
                "G:billing-rest-assignment/buy-rental-rate-overrides/updatebuyrentalrateoverride (path inferred)",
            ),
        ],
    },
    // ---- Admin (api-facts §8) ----
    Resource {
        name: "customFieldDefinitions",
        schema: "CustomFieldDefinition",
        api: Api::Admin,
        endpoints: &[
            list(
                "/custom-field-definitions",
                &[f(
                    "entityLevel",
                    FilterKind::Enum(&[
                        "USAGE_PRODUCT",
                        "RENTAL_PRODUCT",
                        "RENTAL_PRODUCT_INVENTORY",
                        "SITE",
                        "CUSTOMER",
                    ]),
                )],
                "G:billing-rest-admin/custom-field-definitions/getcustomfielddefinitions.md",
            ),
            create(
                "/custom-field-definitions",
                "CustomFieldDefinition",
                "C:billing-rest-admin/operation/createCustomFieldDefinition",
            ),
        ],
    },
];

/// The resource called `name` (`"sites"`).
pub fn resource(name: &str) -> Option<&'static Resource> {
    RESOURCES.iter().find(|r| r.name == name)
}

/// The endpoint written `"GET /sites"` or `"HEAD /sites"` (method, a space, the path as
/// documented), with its resource.
pub fn endpoint(key: &str) -> Option<(&'static Resource, &'static Endpoint)> {
    let (method, path) = key.split_once(' ')?;
    RESOURCES
        .iter()
        .find_map(|r| r.endpoints.iter().find(|e| e.method.as_str() == method && e.path == path).map(|e| (r, e)))
}

/// Every endpoint key (`"GET /sites"`), for errors and generated types.
pub fn endpoint_keys() -> impl Iterator<Item = String> {
    RESOURCES.iter().flat_map(|r| r.endpoints.iter().map(|e| format!("{} {}", e.method.as_str(), e.path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_names_are_unique_and_every_resource_has_endpoints() {
        let mut names: Vec<_> = RESOURCES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RESOURCES.len());
        assert_eq!(RESOURCES.len(), 28);
        for r in RESOURCES {
            assert!(!r.endpoints.is_empty(), "{}", r.name);
            // One endpoint per operation, so each client method is unambiguous.
            for e in r.endpoints {
                assert_eq!(r.endpoints.iter().filter(|o| o.op == e.op).count(), 1, "{}.{:?}", r.name, e.op);
            }
        }
    }

    #[test]
    fn endpoint_keys_resolve_and_are_unique() {
        let keys: Vec<String> = endpoint_keys().collect();
        for k in &keys {
            assert_eq!(keys.iter().filter(|o| *o == k).count(), 1, "{k}");
            let (_, e) = endpoint(k).unwrap();
            assert_eq!(format!("{} {}", e.method.as_str(), e.path), *k);
        }
        assert!(endpoint("GET /nope").is_none());
        assert!(endpoint("nonsense").is_none());
    }

    #[test]
    fn shapes_follow_the_operation() {
        for r in RESOURCES {
            for e in r.endpoints {
                let params: Vec<_> = e.path_params().collect();
                match e.op {
                    Op::List => assert!(e.paged && params.is_empty() && e.method == Method::Get),
                    Op::Exists => assert!(!e.paged && e.method == Method::Head),
                    Op::Create => assert!(e.body == Some(r.schema) && params.is_empty()),
                    Op::Update => assert!(e.body == Some("JsonPatch") && !params.is_empty()),
                    Op::Get | Op::Delete => assert!(params.len() == 1),
                }
            }
        }
    }
}
