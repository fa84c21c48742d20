//! Products API (api-facts §4): every field at its boundaries; the list-only records.

use elevate_billing::model::record_schema;
use elevate_billing::schema::Kind;
use elevate_billing::{validate, Error, Options, Value as V};
use serde_json::{json, Value};

use crate::support::*;

pub fn usage_product() -> Value {
    json!({
        "name": "UK Calls",
        "usageProductCategoryId": 1,
        "direction": "OUTBOUND",
        "availableFrom": "2024-01-01",
        "productReferenceFormat": "[0-9]{3,11}"
    })
}

pub fn rental_product() -> Value {
    json!({
        "rentalProductCategoryId": 4,
        "productType": "PRODUCT",
        "name": "Broadband 80",
        "invoicePresentationName": "Broadband (80 Mb)",
        "supplierId": 9,
        "taxBandId": 1,
        "availableFrom": "2024-01-01"
    })
}

fn category() -> Value {
    json!({ "name": "Broadband", "startDate": "2024-01-01", "contractOwnerIds": [1] })
}

fn custom_field() -> Value {
    json!({ "label": "Tier", "value": "Gold" })
}

const DIRECTIONS: &[&str] = &["INBOUND", "OUTBOUND"];
const PRODUCT_TYPES: &[&str] = &["PRODUCT", "FEATURE", "EVENT"];
const ICONS: [&str; 24] = [
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
];

#[test]
fn fixtures_are_valid() {
    assert_valid("UsageProduct", &usage_product());
    assert_valid("RentalProduct", &rental_product());
    assert_valid("RentalProductCategory", &category());
    assert_valid("CustomField", &custom_field());
    // Every field set, with the docs' sample values.
    assert_valid(
        "UsageProduct",
        &json!({
            "id": 1, "name": "string", "nominalCode": "SALES-01QTR2", "usageProductCategoryId": 1,
            "direction": "INBOUND", "performLocalAndNationalCheck": true, "availableFrom": "2019-08-24",
            "availableTo": "2019-08-24", "productReferenceCanBeRange": true, "serviceIdRequired": false,
            "customFields": [{ "label": "string", "value": "string" }],
            "productReferenceFormat": "[0-9]{3,11}", "serviceIdFormat": "[a-zA-Z0-9\\-]{3,100}"
        }),
    );
    let mut full = rental_product();
    for (k, v) in [
        ("id", json!(3)),
        ("parentRentalProductId", json!(2)),
        ("supplierProductNames", json!(["BB80", "FTTC 80"])),
        ("nominalCode", json!("SALES-01QTR2")),
        ("availableTo", json!("2030-12-31")),
        ("doNotProRate", json!(false)),
        ("alignedToStart", json!(false)),
        ("alignedToBillPeriod", json!(false)),
        ("billInitialChargesImmediately", json!(false)),
        ("forceBillPeriods", json!(0)),
        ("additionalProductReferenceRequired", json!(false)),
        ("additionalProductReferenceFormat", json!("[a-zA-Z0-9]{4,15}")),
        ("linkedUsageProductId", json!(5)),
        ("productReferenceRequired", json!(false)),
        ("productReferenceFormat", json!(".*")),
        ("productReferenceMayBeDDIRange", json!(false)),
        ("generateWhenParentCreated", json!(false)),
        ("customFields", json!([custom_field()])),
    ] {
        full[k] = v;
    }
    assert_valid("RentalProduct", &full);
    assert_valid(
        "RentalProductCategory",
        &json!({
            "id": 1, "name": "string", "startDate": "2019-08-24", "endDate": "2019-08-24", "siMaintained": false,
            "contractOwnerIds": [1], "supplierAccountIds": [1], "displayIcon": "fa-wifi"
        }),
    );
}

#[test]
fn usage_product_fields() {
    let p = usage_product();
    for f in ["/name", "/usageProductCategoryId", "/direction", "/availableFrom", "/productReferenceFormat"] {
        check_required("UsageProduct", &p, f);
    }
    for f in [
        "/nominalCode",
        "/performLocalAndNationalCheck",
        "/availableTo",
        "/productReferenceCanBeRange",
        "/serviceIdRequired",
        "/customFields",
        "/serviceIdFormat",
    ] {
        check_optional("UsageProduct", &p, f);
    }
    check_read_only("UsageProduct", &p, "/id", json!(-1), json!("1"));
    check_length("UsageProduct", &p, "/name", 1, 100, "a");
    check_name_curly("UsageProduct", &p, "/name");
    // Min length 0 on this product's nominal code (api-facts §4.2).
    check_length("UsageProduct", &p, "/nominalCode", 0, 50, "N");
    assert_valid("UsageProduct", &with(&p, "/nominalCode", Some("".into())));
    check_nominal("UsageProduct", &p, "/nominalCode");
    check_integer("UsageProduct", &p, "/usageProductCategoryId", false);
    check_enum("UsageProduct", &p, "/direction", DIRECTIONS);
    check_date("UsageProduct", &p, "/availableFrom");
    check_date("UsageProduct", &p, "/availableTo");
    for f in ["/performLocalAndNationalCheck", "/productReferenceCanBeRange", "/serviceIdRequired"] {
        check_boolean("UsageProduct", &p, f);
    }
    check_regex("UsageProduct", &p, "/productReferenceFormat");
    check_regex("UsageProduct", &p, "/serviceIdFormat");
}

#[test]
fn custom_fields_of_products() {
    let c = custom_field();
    check_required("CustomField", &c, "/label");
    check_required("CustomField", &c, "/value");
    check_read_only("CustomField", &c, "/id", json!(7), json!(true));
    check_text("CustomField", &c, "/label");
    check_text("CustomField", &c, "/value");
    // Nested, at its full path, in both products.
    let p = with(&usage_product(), "/customFields", Some(json!([c, { "label": "Region" }])));
    assert_one("UsageProduct", &p, "/customFields/1/value", "required");
    let r = with(&rental_product(), "/customFields", Some(json!([{ "label": 1, "value": "x" }])));
    assert_one("RentalProduct", &r, "/customFields/0/label", "type");
    assert_one("RentalProduct", &with(&rental_product(), "/customFields", Some(json!({}))), "/customFields", "type");
}

#[test]
fn rental_product_fields() {
    let p = rental_product();
    for f in [
        "/rentalProductCategoryId",
        "/productType",
        "/name",
        "/invoicePresentationName",
        "/supplierId",
        "/taxBandId",
        "/availableFrom",
    ] {
        check_required("RentalProduct", &p, f);
    }
    for f in [
        "/parentRentalProductId",
        "/supplierProductNames",
        "/nominalCode",
        "/availableTo",
        "/doNotProRate",
        "/alignedToStart",
        "/alignedToBillPeriod",
        "/billInitialChargesImmediately",
        "/forceBillPeriods",
        "/additionalProductReferenceRequired",
        "/additionalProductReferenceFormat",
        "/linkedUsageProductId",
        "/productReferenceRequired",
        "/productReferenceFormat",
        "/productReferenceMayBeDDIRange",
        "/generateWhenParentCreated",
        "/customFields",
    ] {
        check_optional("RentalProduct", &p, f);
    }
    check_read_only("RentalProduct", &p, "/id", json!(0), json!(1.5));
    check_enum("RentalProduct", &p, "/productType", PRODUCT_TYPES);
    for f in ["/name", "/invoicePresentationName"] {
        check_length("RentalProduct", &p, f, 1, 255, "r");
        check_name_curly("RentalProduct", &p, f);
    }
    for f in
        ["/rentalProductCategoryId", "/parentRentalProductId", "/supplierId", "/taxBandId", "/linkedUsageProductId"]
    {
        check_integer("RentalProduct", &p, f, false);
    }
    // Min length 1 here, unlike the usage product's (api-facts §9 #5).
    check_length("RentalProduct", &p, "/nominalCode", 1, 50, "N");
    check_nominal("RentalProduct", &p, "/nominalCode");
    check_date("RentalProduct", &p, "/availableFrom");
    check_date("RentalProduct", &p, "/availableTo");
    for f in [
        "/doNotProRate",
        "/alignedToStart",
        "/alignedToBillPeriod",
        "/billInitialChargesImmediately",
        "/additionalProductReferenceRequired",
        "/productReferenceRequired",
        "/productReferenceMayBeDDIRange",
        "/generateWhenParentCreated",
    ] {
        check_boolean("RentalProduct", &p, f);
    }
    check_range("RentalProduct", &p, "/forceBillPeriods", Some(0.0), Some(731.0), 1.0);
    assert_one("RentalProduct", &with(&p, "/forceBillPeriods", Some(1.5.into())), "/forceBillPeriods", "type");
    let i = assert_one(
        "RentalProduct",
        &with(&p, "/forceBillPeriods", Some(2_147_483_648i64.into())),
        "/forceBillPeriods",
        "format",
    );
    assert_eq!(i.params()["format"], "int32");
    check_regex("RentalProduct", &p, "/productReferenceFormat");
    check_regex("RentalProduct", &p, "/additionalProductReferenceFormat");
    // …which is also at most 50 characters (a valid regex of 50 passes, 51 fails on length only).
    check_length("RentalProduct", &p, "/additionalProductReferenceFormat", 0, 50, "a");
    let names = with(&p, "/supplierProductNames", Some(json!(["BB80", 80])));
    assert_one("RentalProduct", &names, "/supplierProductNames/1", "type");
    assert_valid("RentalProduct", &with(&p, "/supplierProductNames", Some(json!([]))));
}

#[test]
fn rental_product_category_fields() {
    let c = category();
    for f in ["/name", "/startDate", "/contractOwnerIds"] {
        check_required("RentalProductCategory", &c, f);
    }
    for f in ["/endDate", "/supplierAccountIds", "/displayIcon"] {
        check_optional("RentalProductCategory", &c, f);
    }
    check_read_only("RentalProductCategory", &c, "/id", json!(2), json!("2"));
    // Read-only: a sent value is ignored by the server, only its type matters.
    check_read_only("RentalProductCategory", &c, "/siMaintained", json!(true), json!("false"));
    check_length("RentalProductCategory", &c, "/name", 1, 50, "c");
    check_name_curly("RentalProductCategory", &c, "/name");
    check_date("RentalProductCategory", &c, "/startDate");
    check_date("RentalProductCategory", &c, "/endDate");
    check_int32_list("RentalProductCategory", &c, "/contractOwnerIds", 1);
    check_int32_list("RentalProductCategory", &c, "/supplierAccountIds", 0);
}

#[test]
fn display_icons_are_the_24_of_the_2_13_page() {
    // decisions R13: the seed shows 10; the .md lists 24.
    let c = category();
    for icon in ICONS {
        assert_valid("RentalProductCategory", &with(&c, "/displayIcon", Some(icon.into())));
    }
    for bad in ["", "FA-WIFI", "wifi", "fa-home", "fa-envelope"] {
        let i =
            assert_one("RentalProductCategory", &with(&c, "/displayIcon", Some(bad.into())), "/displayIcon", "enum");
        assert_eq!(i.params()["allowed"], json!(ICONS));
    }
}

#[test]
fn list_only_records_type_their_samples_and_are_not_validatable_by_name() {
    let samples = [
        ("UsageProductCategory", json!({ "id": 1, "name": "string" })),
        (
            "UsageProductSupplier",
            json!({ "id": 1, "usageProductId": 1, "supplierId": 1, "supplierAccountId": 1,
                    "primaryReferenceDataSourceId": 1, "secondaryReferenceDataSourceId": 1 }),
        ),
        (
            "ProductCustomField",
            json!({ "id": 1, "label": "Tier", "productCategoryIds": [1, 2], "entityLevel": "RENTAL_PRODUCT_INVENTORY" }),
        ),
    ];
    for (name, sample) in samples {
        let schema = record_schema(name).unwrap_or_else(|| panic!("{name} has no record schema"));
        let kind = Kind::Object(schema);
        assert!(validate(&kind, &V::from_json(&sample), Options::default()).unwrap().is_valid(), "{name}");
        assert_eq!(validate(name, &sample, Options::default()), Err(Error::UnknownSchema { name: name.to_owned() }),);
    }
    let kind = Kind::Object(record_schema("ProductCustomField").unwrap());
    let bad = json!({ "entityLevel": "SITE", "productCategoryIds": ["1"] });
    let issues = validate(&kind, &V::from_json(&bad), Options::default()).unwrap().issues;
    let got: Vec<_> = issues.iter().map(|i| (i.path.as_str(), i.code())).collect();
    assert_eq!(got, [("/entityLevel", "enum"), ("/productCategoryIds/0", "type")]);
}

#[test]
fn every_list_only_record_field_is_typed() {
    // api-facts §4.5, §4.6: types from the samples; each field fails `type` at its own path.
    let cases = [
        ("UsageProductCategory", json!({ "id": 1, "name": "string" }), "/id", json!("1")),
        ("UsageProductCategory", json!({ "id": 1, "name": "string" }), "/name", json!(5)),
        ("ProductCustomField", json!({ "id": 1, "label": "Tier" }), "/id", json!(1.5)),
        ("ProductCustomField", json!({ "id": 1, "label": "Tier" }), "/label", json!(["Tier"])),
        ("ProductCustomField", json!({ "productCategoryIds": [1] }), "/productCategoryIds", json!(1)),
    ];
    for (name, sample, path, bad) in cases {
        let kind = Kind::Object(record_schema(name).unwrap());
        assert!(validate(&kind, &V::from_json(&sample), Options::default()).unwrap().is_valid(), "{name}");
        let issues =
            validate(&kind, &V::from_json(&with(&sample, path, Some(bad))), Options::default()).unwrap().issues;
        let got: Vec<_> = issues.iter().map(|i| (i.path.as_str(), i.code())).collect();
        assert_eq!(got, [(path, "type")], "{name}{path}");
    }
    let kind = Kind::Object(record_schema("UsageProductSupplier").unwrap());
    let sample = json!({ "id": 1, "usageProductId": 1, "supplierId": 1, "supplierAccountId": 1,
                         "primaryReferenceDataSourceId": 1, "secondaryReferenceDataSourceId": 1 });
    for f in [
        "/id",
        "/usageProductId",
        "/supplierId",
        "/supplierAccountId",
        "/primaryReferenceDataSourceId",
        "/secondaryReferenceDataSourceId",
    ] {
        let issues =
            validate(&kind, &V::from_json(&with(&sample, f, Some("1".into()))), Options::default()).unwrap().issues;
        let got: Vec<_> = issues.iter().map(|i| (i.path.as_str(), i.code())).collect();
        assert_eq!(got, [(f, "type")], "UsageProductSupplier{f}");
    }
}
