//! Endpoints of the Product Inventory API (api-facts §5.1).

use super::FilterKind::{Date, Id, String as Str};
use super::{create, delete, exists, f, get, list, update, Api, Filter, Resource, DISABLE_ADDING_LINKED_RENTALS};
use crate::model::inventory::{
    ADHOC_INVENTORY, RENTAL_PRODUCT_INVENTORY, USAGE_PRODUCT_INVENTORY, USAGE_PRODUCT_REFERENCE,
};

// Filter sets shared by a list and its exists-check.
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

pub(super) static RESOURCES: &[Resource] = &[
    Resource {
        name: "usageProductInventories",
        schema: &USAGE_PRODUCT_INVENTORY,
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
                &USAGE_PRODUCT_INVENTORY,
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
        schema: &USAGE_PRODUCT_REFERENCE,
        api: Api::ProductInventory,
        endpoints: &[update(
            "/usage-product-references/{product_reference_id}",
            "G:billing-rest-inventory/usage-product-inventories/updateusageproductreference.md",
        )],
    },
    Resource {
        name: "rentalProductInventories",
        schema: &RENTAL_PRODUCT_INVENTORY,
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
                &RENTAL_PRODUCT_INVENTORY,
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
        schema: &ADHOC_INVENTORY,
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
            create("/adhoc-inventories", &ADHOC_INVENTORY, "C:billing-rest-inventory/operation/createAdhocInventory"),
            get("/adhoc-inventories/{adhoc_inventory_id}", "R:billing-rest-inventory/tag/adhoc-inventories (nav)"),
            update(
                "/adhoc-inventories/{adhoc_inventory_id}",
                "R:billing-rest-inventory/operation/updateAdhocInventory",
            ),
        ],
    },
];
