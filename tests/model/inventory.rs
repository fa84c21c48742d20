//! Product Inventory API (api-facts §5): every field at its boundaries, and the rules.

use serde_json::{json, Value};

use crate::customer::site;
use crate::support::*;

fn upi() -> Value {
    json!({
        "siteId": 12,
        "usageProductId": 7,
        "startDate": "2024-01-01",
        "productReferences": [{ "productReference": "02079460000" }]
    })
}

fn rpi() -> Value {
    json!({
        "siteId": 12,
        "rentalProductId": 3,
        "invoicePresentationProductName": "Broadband (80 Mb)",
        "supplierAccountId": 6,
        "startDate": "2024-01-01",
        "invoiceFrequency": 1,
        "quantity": 1
    })
}

fn adhoc() -> Value {
    json!({
        "siteId": 12,
        "name": "Engineer visit",
        "supplierAccountId": 6,
        "sellPrice": 95.0,
        "quantity": 1,
        "rentalProductCategoryId": 4,
        "taxBandId": 1
    })
}

const PAYMENT_METHODS: &[&str] = &[
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
];

#[test]
fn fixtures_are_valid() {
    assert_valid("UsageProductInventory", &upi());
    assert_valid("UsageProductReference", &upi()["productReferences"][0]);
    assert_valid("RentalProductInventory", &rpi());
    assert_valid("AdhocInventory", &adhoc());
    let mut full = upi();
    for (k, v) in [
        ("id", json!(1)),
        ("endDate", json!("2025-01-01")),
        ("supplierAccountId", json!(6)),
        ("billByServiceId", json!(false)),
        ("serviceId", json!("SVC-0001")),
        ("billable", json!(true)),
        ("inFlightOrder", json!(false)),
        ("externalOrderReference", json!("ORD 1")),
        ("externalNetworkOrderReference", json!("NET/1")),
        ("pendingEndDate", json!("2025-01-01")),
        ("usageCapEnabled", json!(true)),
        ("defaultUsageCap", json!(5000)),
        ("overrideUsageCap", json!(7500)),
        ("applySurcharges", json!(false)),
    ] {
        full[k] = v;
    }
    full["productReferences"][0] = json!({
        "id": 1, "productReference": "02079460000", "primary": true, "label": "Main", "startDate": "2024-01-01",
        "endDate": null, "userId": "u1", "userEmail": "u1@example.com", "costCentreCode": "CC1",
        "departmentCode": "D1", "notes": "n"
    });
    assert_valid("UsageProductInventory", &full);
}

#[test]
fn usage_inventory_fields() {
    let u = upi();
    for f in ["/siteId", "/usageProductId", "/startDate", "/productReferences"] {
        check_required("UsageProductInventory", &u, f);
    }
    for f in [
        "/endDate",
        "/supplierAccountId",
        "/billByServiceId",
        "/serviceId",
        "/billable",
        "/inFlightOrder",
        "/externalOrderReference",
        "/externalNetworkOrderReference",
        "/pendingEndDate",
        "/usageCapEnabled",
        "/defaultUsageCap",
        "/overrideUsageCap",
        "/applySurcharges",
    ] {
        check_optional("UsageProductInventory", &u, f);
    }
    check_read_only("UsageProductInventory", &u, "/id", json!(1), json!("1"));
    for f in ["/siteId", "/usageProductId", "/supplierAccountId"] {
        check_integer("UsageProductInventory", &u, f, false);
    }
    for f in ["/startDate", "/endDate", "/pendingEndDate"] {
        check_date("UsageProductInventory", &u, f);
    }
    for f in ["/billByServiceId", "/billable", "/inFlightOrder", "/usageCapEnabled", "/applySurcharges"] {
        check_boolean("UsageProductInventory", &u, f);
    }
    check_number("UsageProductInventory", &u, "/defaultUsageCap");
    check_number("UsageProductInventory", &u, "/overrideUsageCap");
    for f in ["/externalOrderReference", "/externalNetworkOrderReference"] {
        check_length("UsageProductInventory", &u, f, 1, 100, "o");
        check_name_curly("UsageProductInventory", &u, f);
    }
    // At least one product reference, each checked at its path.
    let i = assert_one(
        "UsageProductInventory",
        &with(&u, "/productReferences", Some(json!([]))),
        "/productReferences",
        "minItems",
    );
    assert_eq!(i.params()["limit"], 1);
    let two = with(&u, "/productReferences/1", Some(json!({ "primary": true })));
    assert_one("UsageProductInventory", &two, "/productReferences/1/productReference", "required");
}

#[test]
fn service_ids_are_phone_shaped() {
    // PAT-PHONE and 4..100 both apply (decisions R2, R6).
    let u = upi();
    check_length("UsageProductInventory", &u, "/serviceId", 4, 100, "0");
    assert_one("UsageProductInventory", &with(&u, "/serviceId", Some("".into())), "/serviceId", "minLength");
    assert_valid("UsageProductInventory", &with(&u, "/serviceId", Some("020<7946>0000".into())));
    let i = assert_one(
        "UsageProductInventory",
        &with(&u, "/serviceId", Some("+442079460000".into())),
        "/serviceId",
        "pattern",
    );
    assert_eq!(i.params()["pattern"], "PHONE");
    assert_eq!(i.params()["reason"], "plusSign");
    assert_eq!(i.params()["suggestion"], "00442079460000");
    let i =
        assert_one("UsageProductInventory", &with(&u, "/serviceId", Some("SVC!0001".into())), "/serviceId", "pattern");
    assert_eq!(i.params()["character"], "!");
}

#[test]
fn usage_product_reference_fields() {
    let r = upi()["productReferences"][0].clone();
    check_required("UsageProductReference", &r, "/productReference");
    for f in [
        "/primary",
        "/label",
        "/startDate",
        "/endDate",
        "/userId",
        "/userEmail",
        "/costCentreCode",
        "/departmentCode",
        "/notes",
    ] {
        check_optional("UsageProductReference", &r, f);
    }
    check_read_only("UsageProductReference", &r, "/id", json!(1), json!("1"));
    // Only types are documented; the product's productReferenceFormat is checked elsewhere (R10).
    for f in ["/productReference", "/label", "/userId", "/userEmail", "/costCentreCode", "/departmentCode", "/notes"] {
        check_text("UsageProductReference", &r, f);
    }
    check_boolean("UsageProductReference", &r, "/primary");
    check_date("UsageProductReference", &r, "/startDate");
    check_date("UsageProductReference", &r, "/endDate");
}

#[test]
fn rental_inventory_fields() {
    let r = rpi();
    for f in [
        "/siteId",
        "/rentalProductId",
        "/invoicePresentationProductName",
        "/supplierAccountId",
        "/startDate",
        "/invoiceFrequency",
        "/quantity",
    ] {
        check_required("RentalProductInventory", &r, f);
    }
    for f in [
        "/parentRentalProductInventoryId",
        "/endDate",
        "/productReference",
        "/additionalProductReference",
        "/label",
        "/treatStartAsWholePeriod",
        "/treatEndAsWholePeriod",
        "/contractStartDate",
        "/userId",
        "/userEmail",
        "/costCentreCode",
        "/departmentCode",
        "/featureNumber",
        "/nominalCode",
        "/notes",
        "/billable",
        "/inFlightOrder",
        "/billInitialChargesImmediately",
        "/alignedToStart",
        "/alignedToBillPeriod",
        "/externalOrderReference",
        "/externalNetworkOrderReference",
        "/pendingEndDate",
        "/forceBilling",
        "/forceBillPeriods",
        "/installationAddress",
        "/customFields",
    ] {
        check_optional("RentalProductInventory", &r, f);
    }
    check_read_only("RentalProductInventory", &r, "/id", json!(1), json!("1"));
    for f in ["/siteId", "/rentalProductId", "/parentRentalProductInventoryId", "/supplierAccountId"] {
        check_integer("RentalProductInventory", &r, f, false);
    }
    check_integer("RentalProductInventory", &r, "/invoiceFrequency", true);
    check_integer("RentalProductInventory", &r, "/forceBillPeriods", true);
    check_range("RentalProductInventory", &r, "/quantity", Some(1.0), Some(1_000_000.0), 1.0);
    assert_one("RentalProductInventory", &with(&r, "/quantity", Some(1.5.into())), "/quantity", "type");
    for f in ["/invoicePresentationProductName", "/label"] {
        check_length("RentalProductInventory", &r, f, 1, 255, "i");
        check_name_curly("RentalProductInventory", &r, f);
    }
    for f in ["/startDate", "/endDate", "/contractStartDate", "/pendingEndDate"] {
        check_date("RentalProductInventory", &r, f);
    }
    for f in [
        "/treatStartAsWholePeriod",
        "/treatEndAsWholePeriod",
        "/billable",
        "/inFlightOrder",
        "/billInitialChargesImmediately",
        "/alignedToStart",
        "/alignedToBillPeriod",
        "/forceBilling",
    ] {
        check_boolean("RentalProductInventory", &r, f);
    }
    for f in [
        "/userId",
        "/userEmail",
        "/costCentreCode",
        "/departmentCode",
        "/featureNumber",
        "/nominalCode",
        "/notes",
        "/externalOrderReference",
        "/externalNetworkOrderReference",
    ] {
        check_text("RentalProductInventory", &r, f);
    }
    // Nested objects at their paths.
    let a = with(&r, "/installationAddress", Some(site()["siteAddress"].clone()));
    assert_valid("RentalProductInventory", &a);
    assert_one(
        "RentalProductInventory",
        &with(&a, "/installationAddress/country", Some("UK".into())),
        "/installationAddress/country",
        "countryCode",
    );
    let cf = with(&r, "/customFields", Some(json!([{ "label": "Circuit" }])));
    assert_one("RentalProductInventory", &cf, "/customFields/0/value", "required");
}

#[test]
fn rental_references_are_1_to_100_and_phone_shaped() {
    // decisions R6: 1..100 and PAT-PHONE (empty or 4..100) both apply.
    let r = rpi();
    for f in ["/productReference", "/additionalProductReference"] {
        check_length("RentalProductInventory", &r, f, 0, 100, "0");
        assert_valid("RentalProductInventory", &with(&r, f, Some("0123".into())));
        assert_one("RentalProductInventory", &with(&r, f, Some("".into())), f, "minLength");
        for short in ["1", "012"] {
            assert_one("RentalProductInventory", &with(&r, f, Some(short.into())), f, "pattern");
        }
        let i = assert_one("RentalProductInventory", &with(&r, f, Some("+441234".into())), f, "pattern");
        assert_eq!(i.params()["reason"], "plusSign");
        assert_valid("RentalProductInventory", &with(&r, f, Some("ISDN [2] ^ ok".into())));
    }
}

#[test]
fn adhoc_inventory_fields() {
    let a = adhoc();
    for f in
        ["/siteId", "/name", "/supplierAccountId", "/sellPrice", "/quantity", "/rentalProductCategoryId", "/taxBandId"]
    {
        check_required("AdhocInventory", &a, f);
    }
    for f in [
        "/buyPrice",
        "/billImmediately",
        "/isCredit",
        "/creditReason",
        "/paid",
        "/paymentTerms",
        "/paymentType",
        "/nominalCode",
        "/invoiceGroupTagLabelId",
        "/invoiceGroupTagValue",
    ] {
        check_optional("AdhocInventory", &a, f);
    }
    for f in ["/id", "/billRunId", "/adhocBillRunId"] {
        check_read_only("AdhocInventory", &a, f, json!(1), json!("1"));
    }
    for f in ["/siteId", "/supplierAccountId", "/rentalProductCategoryId", "/taxBandId"] {
        check_integer("AdhocInventory", &a, f, false);
    }
    check_integer("AdhocInventory", &a, "/paymentTerms", true);
    for f in ["/buyPrice", "/sellPrice", "/quantity"] {
        check_number("AdhocInventory", &a, f);
    }
    check_length("AdhocInventory", &a, "/name", 1, 255, "a");
    check_name_curly("AdhocInventory", &a, "/name");
    check_length("AdhocInventory", &a, "/creditReason", 0, 255, "c");
    check_name_curly("AdhocInventory", &a, "/creditReason");
    for f in ["/billImmediately", "/paid"] {
        check_boolean("AdhocInventory", &a, f);
    }
    let credit = with(&with(&a, "/isCredit", Some(true.into())), "/billImmediately", Some(true.into()));
    check_boolean("AdhocInventory", &credit, "/isCredit");
    check_enum("AdhocInventory", &a, "/paymentType", PAYMENT_METHODS);
    // PAT-NOMINAL-DBL on this page, read as PAT-NOMINAL (decisions R6).
    check_length("AdhocInventory", &a, "/nominalCode", 1, 50, "N");
    check_nominal("AdhocInventory", &a, "/nominalCode");
}

#[test]
fn a_credit_reason_is_one_or_more_name_characters() {
    // api-facts §5.5 shows <= 255, but PAT-NAME-CURLY is one or more characters (decisions R3):
    // both apply, so "" fails the pattern although the length allows it.
    let a = adhoc();
    let i = assert_one("AdhocInventory", &with(&a, "/creditReason", Some("".into())), "/creditReason", "pattern");
    assert_eq!(i.params()["pattern"], "NAME_CURLY");
    for ok in ["x", " ", "Goodwill – engineer late"] {
        assert_valid("AdhocInventory", &with(&a, "/creditReason", Some(ok.into())));
    }
    assert_valid("AdhocInventory", &with(&a, "/creditReason", Some(s("c", 255))));
    let i = assert_one("AdhocInventory", &with(&a, "/creditReason", Some(s("c", 256))), "/creditReason", "maxLength");
    assert_eq!(i.params()["limit"], 255);
    assert_one("AdhocInventory", &with(&a, "/creditReason", Some(5.into())), "/creditReason", "type");
}

#[test]
fn an_installation_address_is_checked_as_an_address() {
    // api-facts §5.4 does not capture its constraints; Address's are applied because the
    // samples show the same field set (api-facts §3.4).
    let address = json!({ "address1": "Unit 4, Mill Lane", "town": "Leeds", "postcode": "LS1 4AP", "country": "GB" });
    let r = with(&rpi(), "/installationAddress", Some(address));
    assert_valid("RentalProductInventory", &r);
    for f in ["address1", "town", "postcode", "country"] {
        check_required("RentalProductInventory", &r, &format!("/installationAddress/{f}"));
    }
    check_length("RentalProductInventory", &r, "/installationAddress/town", 1, 50, "t");
    check_name_curly("RentalProductInventory", &r, "/installationAddress/address1");
    let i = assert_one(
        "RentalProductInventory",
        &with(&r, "/installationAddress/country", Some("gb".into())),
        "/installationAddress/country",
        "pattern",
    );
    assert_eq!(i.params()["pattern"], "COUNTRY");
    for bad in [json!("Unit 4, Mill Lane, Leeds"), json!([])] {
        assert_one(
            "RentalProductInventory",
            &with(&r, "/installationAddress", Some(bad)),
            "/installationAddress",
            "type",
        );
    }
}

#[test]
fn a_credit_is_billed_immediately() {
    // decisions R9: isCredit true ⇒ billImmediately true (code dependency).
    let a = with(&adhoc(), "/isCredit", Some(true.into()));
    let expected = json!({"expected": true, "when": {"field": "isCredit", "equals": true}});
    let i = assert_one("AdhocInventory", &a, "/billImmediately", "dependency");
    assert_eq!(i.params(), expected);
    let i = assert_one(
        "AdhocInventory",
        &with(&a, "/billImmediately", Some(false.into())),
        "/billImmediately",
        "dependency",
    );
    assert_eq!(i.params(), expected);
    assert_one("AdhocInventory", &with(&a, "/billImmediately", Some(Value::Null)), "/billImmediately", "dependency");
    assert_valid("AdhocInventory", &with(&a, "/billImmediately", Some(true.into())));
    // A wrong type is one type issue, not also a dependency.
    assert_one("AdhocInventory", &with(&a, "/billImmediately", Some("true".into())), "/billImmediately", "type");
    // Not a credit: billImmediately is free.
    let debit = with(&adhoc(), "/isCredit", Some(false.into()));
    assert_valid("AdhocInventory", &with(&debit, "/billImmediately", Some(false.into())));
    assert_valid("AdhocInventory", &debit);
}

#[test]
fn invoice_group_tags_come_in_pairs() {
    // decisions R9: label id and value together.
    let a = adhoc();
    let label = with(&a, "/invoiceGroupTagLabelId", Some(3.into()));
    let both = with(&label, "/invoiceGroupTagValue", Some("Sales Division".into()));
    assert_valid("AdhocInventory", &both);
    check_required_when(
        "AdhocInventory",
        &both,
        "/invoiceGroupTagValue",
        json!({"field": "invoiceGroupTagLabelId", "present": true}),
    );
    check_required_when(
        "AdhocInventory",
        &both,
        "/invoiceGroupTagLabelId",
        json!({"field": "invoiceGroupTagValue", "present": true}),
    );
    check_integer("AdhocInventory", &both, "/invoiceGroupTagLabelId", false);
    // The value: at most 255, not empty or whitespace only.
    check_length("AdhocInventory", &both, "/invoiceGroupTagValue", 0, 255, "v");
    for ok in [" x ", "Sales\tDivision", "é"] {
        assert_valid("AdhocInventory", &with(&both, "/invoiceGroupTagValue", Some(ok.into())));
    }
    for blank in ["", " ", "\t\n ", "\u{0}"] {
        let i = assert_one(
            "AdhocInventory",
            &with(&both, "/invoiceGroupTagValue", Some(blank.into())),
            "/invoiceGroupTagValue",
            "pattern",
        );
        assert_eq!(i.params()["pattern"], "NON_BLANK");
    }
}
