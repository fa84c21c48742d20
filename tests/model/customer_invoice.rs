//! Customer and Sites API: SiteInvoiceDetails (api-facts §3.5) and AssignedCustomField (§3.7).
//! The docs capture names and types only for most of these fields, so beyond the rules
//! (decisions R9) the tests pin JSON types and integer widths (decisions R8).

use serde_json::{json, Value};

use crate::customer::{invoice_details, site};
use crate::support::*;

/// Invoice details with every field given (sample values of api-facts §3.5 where there are any).
fn full() -> Value {
    json!({
        "invoiceSummaryTemplateId": 5,
        "invoiceTemplateId": 7,
        "electronicSummaryTemplateIds": [123],
        "invoiceSummaryTemplateComponents": [{"id": 1, "positionInTemplate": 2}],
        "invoiceAddress": site()["siteAddress"],
        "accountPackageReference": "PKG-1",
        "paymentTermsInDays": 400,
        "preferredPaymentDay": 1,
        "paymentMethod": "CHEQUE",
        "mandateStatus": "ACTIVE",
        "mandateCreatedDate": "2024-01-01T09:00:00Z",
        "mandateUpdatedDate": "2024-01-02T09:00:00+01:00",
        "mandateReference": "MR-1",
        "thirdPartyCustomerReference": "TP-1",
        "directDebitReference": "DD-1",
        "accountName": "Acme Ltd",
        "accountNumber": "stringst",
        "sortCode": "00-00-00",
        "purchaseOrderNumber": "PO-1",
        "invoiceNotes": "Thank you",
        "taxExempt": false,
        "taxRegistrationNumber": "GB123456789"
    })
}

/// Text fields with no documented constraint beyond their type (api-facts §3.5: "not captured";
/// paymentMethod's enum is not captured either).
const TEXT_FIELDS: [&str; 11] = [
    "/paymentMethod",
    "/accountPackageReference",
    "/mandateReference",
    "/thirdPartyCustomerReference",
    "/directDebitReference",
    "/accountName",
    "/accountNumber",
    "/sortCode",
    "/purchaseOrderNumber",
    "/invoiceNotes",
    "/taxRegistrationNumber",
];

const SID: &str = "SiteInvoiceDetails";

#[test]
fn only_the_template_is_required() {
    let d = full();
    assert_valid(SID, &d);
    check_required(SID, &d, "/invoiceTemplateId");
    // Each of the payment pair is optional while the other is given (decisions R9).
    for p in [
        "/invoiceSummaryTemplateId",
        "/electronicSummaryTemplateIds",
        "/invoiceSummaryTemplateComponents",
        "/invoiceAddress",
        "/paymentTermsInDays",
        "/preferredPaymentDay",
        "/mandateStatus",
        "/mandateCreatedDate",
        "/mandateUpdatedDate",
        "/taxExempt",
    ]
    .into_iter()
    .chain(TEXT_FIELDS)
    {
        check_optional(SID, &d, p);
    }
}

#[test]
fn integer_fields() {
    let d = full();
    check_integer(SID, &d, "/invoiceSummaryTemplateId", false);
    check_integer(SID, &d, "/invoiceTemplateId", false);
    check_integer(SID, &d, "/paymentTermsInDays", true);
    check_integer(SID, &d, "/preferredPaymentDay", true);
    check_int_list(SID, &d, "/electronicSummaryTemplateIds", 0, false);
}

#[test]
fn invoice_summary_template_components() {
    let d = full();
    let p = "/invoiceSummaryTemplateComponents";
    assert_valid(SID, &with(&d, p, Some(json!([]))));
    let i = assert_one(SID, &with(&d, p, Some(json!({"id": 1}))), p, "type");
    assert_eq!(i.params(), json!({"expected": "array", "actual": "object"}));
    assert_one(SID, &with(&d, p, Some(json!([1]))), "/invoiceSummaryTemplateComponents/0", "type");
    // Items known from a sample only: {id (int64), positionInTemplate (int32)}, both optional.
    check_integer(SID, &d, "/invoiceSummaryTemplateComponents/0/id", false);
    check_integer(SID, &d, "/invoiceSummaryTemplateComponents/0/positionInTemplate", true);
    for f in ["/invoiceSummaryTemplateComponents/0/id", "/invoiceSummaryTemplateComponents/0/positionInTemplate"] {
        check_optional(SID, &d, f);
    }
}

#[test]
fn read_only_mandate_fields() {
    let d = full();
    // api-facts §3.5: absent from request samples, so type-checked only.
    check_read_only(SID, &d, "/mandateStatus", json!("anything at all"), json!(5));
    for p in ["/mandateCreatedDate", "/mandateUpdatedDate"] {
        check_read_only(SID, &d, p, json!("2023-02-29"), json!(20240101));
        check_read_only(SID, &d, p, json!("not a date"), json!(false));
    }
}

#[test]
fn text_fields_are_type_checked() {
    let d = full();
    for p in TEXT_FIELDS {
        check_text(SID, &d, p);
        assert_one(SID, &with(&d, p, Some(json!(["x"]))), p, "type");
    }
    check_boolean(SID, &d, "/taxExempt");
}

#[test]
fn payment_terms_or_preferred_day() {
    // decisions R9: at least one of the pair; reported on paymentTermsInDays.
    let when = json!(["paymentTermsInDays", "preferredPaymentDay"]);
    let d = invoice_details();
    let none = with(&d, "/paymentTermsInDays", None);
    let i = assert_one(SID, &none, "/paymentTermsInDays", "required");
    assert_eq!(i.params()["anyOf"], when);
    assert_valid(SID, &with(&none, "/preferredPaymentDay", Some(1.into())));
    // Both given.
    assert_valid(SID, &with(&d, "/preferredPaymentDay", Some(1.into())));
    // null is absent: null with the other absent or null fails, null beside a value passes.
    let null = Some(Value::Null);
    for (terms, day) in [(null.clone(), None), (None, null.clone()), (null.clone(), null.clone())] {
        let v = with(&with(&d, "/paymentTermsInDays", terms), "/preferredPaymentDay", day);
        let i = assert_one(SID, &v, "/paymentTermsInDays", "required");
        assert_eq!(i.params()["anyOf"], when);
    }
    assert_valid(SID, &with(&with(&d, "/paymentTermsInDays", null.clone()), "/preferredPaymentDay", Some(1.into())));
    assert_valid(SID, &with(&d, "/preferredPaymentDay", null));
    // Nested inside a site, at its full path.
    let s0 = with(&site(), "/siteInvoiceDetails", Some(none));
    assert_one("Site", &s0, "/siteInvoiceDetails/paymentTermsInDays", "required");
}

#[test]
fn invoice_address_is_an_address() {
    let d = with(&invoice_details(), "/invoiceAddress", Some(site()["siteAddress"].clone()));
    assert_valid(SID, &d);
    assert_one(SID, &with(&d, "/invoiceAddress/country", Some("UK".into())), "/invoiceAddress/country", "countryCode");
    assert_one(SID, &with(&d, "/invoiceAddress/town", Some("<x>".into())), "/invoiceAddress/town", "pattern");
    assert_one(SID, &with(&d, "/invoiceAddress", Some("1 High St".into())), "/invoiceAddress", "type");
}

#[test]
fn assigned_custom_field() {
    // api-facts §3.7: an example only, so types (and the id's width) are all that is checked.
    let a = json!({"customFieldDefinitionId": 102, "label": "Customer Tier", "value": "Gold"});
    let acf = "AssignedCustomField";
    check_integer(acf, &a, "/customFieldDefinitionId", false);
    for p in ["/label", "/value"] {
        check_text(acf, &a, p);
    }
    for p in ["/customFieldDefinitionId", "/label", "/value"] {
        check_optional(acf, &a, p);
    }
    assert_eq!(codes(acf, &json!([a])), [("".to_owned(), "type")]);
}
