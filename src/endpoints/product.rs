//! Endpoints of the Products API (api-facts §4.1).

use super::FilterKind::{Date, Id, String as Str};
use super::{create, delete, exists, f, get, list, update, Api, Filter, FilterKind, Resource};
use crate::model::product::{
    PRODUCT_CUSTOM_FIELD, RENTAL_PRODUCT, RENTAL_PRODUCT_CATEGORY, USAGE_PRODUCT, USAGE_PRODUCT_CATEGORY,
    USAGE_PRODUCT_SUPPLIER,
};

// Filter sets shared by a list and its exists-check.
const USAGE_PRODUCT_FILTERS: &[Filter] = &[
    f("name", Str),
    f("usageProductCategoryId", Id),
    f("availableFrom", Date),
    f("availableTo", Date),
    f("nominalCode", Str),
];

pub(super) static RESOURCES: &[Resource] = &[
    Resource {
        name: "usageProducts",
        schema: &USAGE_PRODUCT,
        api: Api::Products,
        endpoints: &[
            list("/usage-products", USAGE_PRODUCT_FILTERS, "G:billing-rest-product/usage-products/getusageproducts.md"),
            exists("/usage-products", USAGE_PRODUCT_FILTERS, "seed:004"),
            create("/usage-products", &USAGE_PRODUCT, "R:billing-rest-product/operation/createUsageProduct"),
            get("/usage-products/{usage_product_id}", "C:billing-rest-product/operation/getUsageProduct"),
            update("/usage-products/{usage_product_id}", "G:billing-rest-product/usage-products/updateusageproduct.md"),
        ],
    },
    Resource {
        name: "usageProductCategories",
        schema: &USAGE_PRODUCT_CATEGORY,
        api: Api::Products,
        endpoints: &[list("/usage-product-categories", &[f("name", Str)], "seed:004")],
    },
    Resource {
        name: "usageProductSuppliers",
        schema: &USAGE_PRODUCT_SUPPLIER,
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
        schema: &RENTAL_PRODUCT,
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
            create("/rental-products", &RENTAL_PRODUCT, "C:billing-rest-product/operation/createRentalProduct"),
            get("/rental-products/{rental_product_id}", "C:billing-rest-product/operation/getRentalProduct"),
            update("/rental-products/{rental_product_id}", "R:billing-rest-product/operation/updateRentalProduct"),
        ],
    },
    Resource {
        name: "rentalProductCategories",
        schema: &RENTAL_PRODUCT_CATEGORY,
        api: Api::Products,
        endpoints: &[
            list("/rental-product-categories", &[f("name", Str)], "seed:001"),
            create("/rental-product-categories", &RENTAL_PRODUCT_CATEGORY, "seed:001"),
            get("/rental-product-categories/{rental_product_category_id}", "seed:001"),
            update("/rental-product-categories/{rental_product_category_id}", "seed:001"),
            delete("/rental-product-categories/{rental_product_category_id}", "seed:001"),
        ],
    },
    Resource {
        name: "productCustomFields",
        schema: &PRODUCT_CUSTOM_FIELD,
        api: Api::Products,
        endpoints: &[list(
            "/product-custom-fields",
            &[
                f("label", Str),
                f("productCategoryId", Id),
                f("entityLevel", FilterKind::Enum(crate::model::product::PRODUCT_CUSTOM_FIELD_ENTITY_LEVEL.values)),
            ],
            "C:billing-rest-product/operation/getProductCustomFields",
        )],
    },
];
