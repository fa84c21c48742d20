//! Customer and Sites API (api-facts §3): every field at its boundaries, and the rules.

use serde_json::{json, Value};

use crate::support::*;

pub fn site() -> Value {
    json!({
        "customerId": 12,
        "siteName": "Head Office",
        "siteReference": "HO-1",
        "startDate": "2024-01-01",
        "siteAddress": {
            "address1": "1 High Street",
            "town": "London",
            "postcode": "SW1A 1AA",
            "country": "GB"
        },
        "siteContacts": [{
            "contactName": "Jane O’Neil",
            "contactRole": "ACCOUNTS",
            "contactTelephoneNumber": "020 7946 0000",
            "contactEmailAddress": "jane@example.co.uk",
            "contactNameToAppearOnInvoice": true,
            "receiveInvoiceBy": "EMAIL"
        }]
    })
}

pub fn customer() -> Value {
    let mut first = site();
    first["customerId"] = 0.into();
    json!({
        "contractOwnerId": 1,
        "customerType": "BUSINESS",
        "customerName": "Acme Ltd",
        "customerAccountNumber": "ACME-001",
        "startDate": "2024-01-01",
        "billingCycleId": 3,
        "sites": [first]
    })
}

fn invoice_details() -> Value {
    json!({ "invoiceTemplateId": 7, "paymentTermsInDays": 30 })
}

#[test]
fn fixtures_are_valid() {
    assert_valid("Site", &site());
    assert_valid("Customer", &customer());
    assert_valid("Address", &site()["siteAddress"]);
    assert_valid("ContactDetails", &site()["siteContacts"][0]);
    assert_valid("SiteInvoiceDetails", &invoice_details());
    assert_valid(
        "AssignedCustomField",
        &json!({"customFieldDefinitionId": 102, "label": "Customer Tier", "value": "Gold"}),
    );
}

#[test]
fn customer_required_fields() {
    let c = customer();
    for p in [
        "/contractOwnerId",
        "/customerType",
        "/customerName",
        "/customerAccountNumber",
        "/startDate",
        "/billingCycleId",
        "/sites",
    ] {
        check_required("Customer", &c, p);
    }
    for p in [
        "/contractOwnerSubBrandId",
        "/endDate",
        "/contractTerm",
        "/customerIsVip",
        "/customerMarker",
        "/externalCommissionAgentId",
        "/onlineBillingRequired",
        "/onlineEmailAddress",
        "/sendWelcomeEmailOn",
        "/creditThreshold",
        "/tripwireId",
        "/customerContacts",
    ] {
        check_optional("Customer", &c, p);
    }
}

#[test]
fn customer_field_rules() {
    let c = with(&customer(), "/contractTermStartDate", Some("2024-01-01".into()));
    check_length("Customer", &c, "/customerName", 1, 100, "a");
    check_length("Customer", &c, "/customerAccountNumber", 1, 100, "7");
    check_enum("Customer", &c, "/customerType", &["RESIDENTIAL", "BUSINESS", "RESELLER", "STAFF_MEMBER"]);
    check_integer("Customer", &c, "/contractOwnerId", true);
    check_integer("Customer", &c, "/contractOwnerSubBrandId", true);
    check_integer("Customer", &c, "/contractTerm", true);
    check_integer("Customer", &c, "/billingCycleId", false);
    check_integer("Customer", &c, "/externalCommissionAgentId", false);
    check_integer("Customer", &c, "/tripwireId", false);
    for p in ["/startDate", "/endDate", "/sendWelcomeEmailOn"] {
        check_date("Customer", &c, p);
    }
    for p in ["/customerIsVip", "/customerMarker", "/onlineBillingRequired"] {
        check_boolean("Customer", &c, p);
    }
    check_range("Customer", &c, "/creditThreshold", Some(0.0), None, 0.5);
    // At 1e17 the next double up is 1e17 + 16.
    assert_valid("Customer", &with(&c, "/creditThreshold", Some(1e17.into())));
    assert_one("Customer", &with(&c, "/creditThreshold", Some((1e17 + 16.0).into())), "/creditThreshold", "maximum");
    check_email("Customer", &c, "/onlineEmailAddress");
}

#[test]
fn a_customer_has_1_to_1000_sites_each_with_customer_id_0() {
    let c = customer();
    let one = c["sites"][0].clone();
    assert_valid("Customer", &with(&c, "/sites", Some(Value::Array(vec![one.clone(); 1000]))));
    let i =
        assert_one("Customer", &with(&c, "/sites", Some(Value::Array(vec![one.clone(); 1001]))), "/sites", "maxItems");
    assert_eq!(i.params(), json!({"limit": 1000, "actual": 1001}));
    assert_one("Customer", &with(&c, "/sites", Some(json!([]))), "/sites", "minItems");
    // decisions R9: 0 inside POST /customers…
    let i = assert_one("Customer", &with(&c, "/sites/0/customerId", Some(12.into())), "/sites/0/customerId", "enum");
    assert_eq!(i.params()["allowed"], json!([0]));
    // …and a real id (>= 1) for POST /sites.
    assert_one("Site", &with(&site(), "/customerId", Some(0.into())), "/customerId", "minimum");
    assert_valid("Site", &with(&site(), "/customerId", Some(1.into())));
}

#[test]
fn contract_term_needs_its_start_date() {
    let c = with(&customer(), "/contractTerm", Some(24.into()));
    let i = assert_one("Customer", &c, "/contractTermStartDate", "required");
    assert_eq!(i.params()["when"], json!({"field": "contractTerm", "present": true}));
    assert_valid("Customer", &with(&c, "/contractTermStartDate", Some("2024-01-01".into())));
    // The start date alone is fine.
    assert_valid("Customer", &with(&customer(), "/contractTermStartDate", Some("2024-01-01".into())));
}

#[test]
fn site_field_rules() {
    let s0 = site();
    for p in ["/customerId", "/siteName", "/siteReference", "/startDate", "/siteAddress", "/siteContacts"] {
        check_required("Site", &s0, p);
    }
    for p in [
        "/endDate",
        "/siteInvoiceDetails",
        "/siteIdReceivingInvoice",
        "/repaymentPlanAmount",
        "/repaymentPlanRemainingPeriods",
        "/assignedCustomFields",
    ] {
        check_optional("Site", &s0, p);
    }
    check_length("Site", &s0, "/siteName", 1, 100, "a");
    check_length("Site", &s0, "/siteReference", 1, 100, "Z");
    check_integer("Site", &s0, "/customerId", false);
    check_integer("Site", &s0, "/siteIdReceivingInvoice", false);
    check_date("Site", &s0, "/startDate");
    check_date("Site", &s0, "/endDate");
    check_range("Site", &s0, "/repaymentPlanAmount", Some(1.0), Some(100_000.0), 0.01);
    check_range("Site", &s0, "/repaymentPlanRemainingPeriods", Some(0.0), Some(240.0), 1.0);
    assert_one(
        "Site",
        &with(&s0, "/repaymentPlanRemainingPeriods", Some(1.5.into())),
        "/repaymentPlanRemainingPeriods",
        "type",
    );
    assert_one("Site", &with(&s0, "/siteContacts", Some(json!([]))), "/siteContacts", "minItems");
}

#[test]
fn read_only_fields_are_type_checked_only() {
    let s0 = with(&site(), "/id", Some(5.into()));
    let s0 = with(&s0, "/createdDate", Some("not a date".into()));
    assert_valid("Site", &s0);
    assert_one("Site", &with(&s0, "/id", Some("five".into())), "/id", "type");
}

#[test]
fn address_field_rules() {
    let a = site()["siteAddress"].clone();
    for p in ["/address1", "/town", "/postcode", "/country"] {
        check_required("Address", &a, p);
    }
    check_length("Address", &a, "/businessName", 0, 100, "b");
    check_length("Address", &a, "/address1", 1, 100, "b");
    check_length("Address", &a, "/address2", 0, 100, "b");
    check_length("Address", &a, "/address3", 0, 100, "b");
    check_length("Address", &a, "/town", 1, 50, "b");
    check_length("Address", &a, "/county", 0, 30, "b");
    check_length("Address", &a, "/postcode", 0, 20, "9");
    // decisions R3: optional name fields have min length 0, but the pattern needs a character.
    let i = assert_one("Address", &with(&a, "/address2", Some("".into())), "/address2", "pattern");
    assert_eq!(i.params()["reason"], "empty");
    // decisions R6: postcode is 0..20 but the pattern needs one character.
    assert_one("Address", &with(&a, "/postcode", Some("".into())), "/postcode", "pattern");
    assert_one("Address", &with(&a, "/postcode", Some("SW1A#1AA".into())), "/postcode", "pattern");
    assert_valid("Address", &with(&a, "/postcode", Some("75001 Cédex".into())));
}

#[test]
fn country_codes() {
    let a = site()["siteAddress"].clone();
    for ok in ["GB", "US", "DE", "AX"] {
        assert_valid("Address", &with(&a, "/country", Some(ok.into())));
    }
    // decisions R7
    let i = assert_one("Address", &with(&a, "/country", Some("UK".into())), "/country", "countryCode");
    assert_eq!(i.params()["suggestion"], "GB");
    assert!(i.message().contains("GB"), "{}", i.message());
    for bad in ["EU", "XK", "XX"] {
        assert_one("Address", &with(&a, "/country", Some(bad.into())), "/country", "countryCode");
    }
    let i = assert_one("Address", &with(&a, "/country", Some("gb".into())), "/country", "pattern");
    assert_eq!(i.params()["suggestion"], "GB");
    assert_one("Address", &with(&a, "/country", Some("G".into())), "/country", "minLength");
    assert_one("Address", &with(&a, "/country", Some("GBR".into())), "/country", "maxLength");
    // Both defects of "gbr": too long and not capitals.
    assert_eq!(
        codes("Address", &with(&a, "/country", Some("gbr".into()))),
        [("/country".to_owned(), "maxLength"), ("/country".to_owned(), "pattern")]
    );
}

#[test]
fn contact_field_rules() {
    let c = site()["siteContacts"][0].clone();
    check_required("ContactDetails", &c, "/contactName");
    check_required("ContactDetails", &c, "/contactRole");
    check_length("ContactDetails", &c, "/contactName", 1, 100, "n");
    check_enum("ContactDetails", &c, "/contactRole", &["ACCOUNTS", "TECHNICAL", "SALES", "GENERAL"]);
    check_enum("ContactDetails", &c, "/receiveInvoiceBy", &["EMAIL", "POST", "EMAIL_AND_POST"]);
    check_enum("ContactDetails", &c, "/receiveInvoiceSummaryBy", &["EMAIL", "POST", "EMAIL_AND_POST"]);
    for p in [
        "/receiveElectronicSummaryReports",
        "/emailSuspended",
        "/contactNameToAppearOnInvoice",
        "/receiveEmailFraudAlert",
        "/receiveSmsFraudAlert",
    ] {
        check_boolean("ContactDetails", &c, p);
    }
    for p in ["/contactTelephoneNumber", "/contactAlternativeTelephoneNumber"] {
        check_length("ContactDetails", &c, p, 4, 100, "0");
        // decisions R6: "" fails minLength (the pattern alone would allow it).
        assert_one("ContactDetails", &with(&c, p, Some("".into())), p, "minLength");
    }
    check_email("ContactDetails", &c, "/contactEmailAddress");
}

#[test]
fn phone_numbers_follow_the_servers_range_semantics() {
    let c = site()["siteContacts"][0].clone();
    let p = "/contactTelephoneNumber";
    // decisions R2: `,-_` is a range that admits < > = [ ] ^ / : ; ? and excludes +.
    for ok in ["020<7946>0000", "(020) 7946-0000", "020/7946;0000", "ext: 12 [office]"] {
        assert_valid("ContactDetails", &with(&c, p, Some(ok.into())));
    }
    let i = assert_one("ContactDetails", &with(&c, p, Some("+44 20 7946 0000".into())), p, "pattern");
    assert_eq!(i.params()["reason"], "plusSign");
    assert_eq!(i.params()["suggestion"], "0044 20 7946 0000");
    assert!(i.message().contains("'+'") && i.message().contains("0044 20 7946 0000"), "{}", i.message());
    let i = assert_one("ContactDetails", &with(&c, p, Some("0207!946".into())), p, "pattern");
    assert_eq!(i.params()["character"], "!");
    assert_eq!(i.params()["index"], 4);
}

#[test]
fn contact_rules_across_fields() {
    let c = site()["siteContacts"][0].clone();
    // receiveInvoiceBy is required on the invoice contact only.
    let i = assert_one("ContactDetails", &with(&c, "/receiveInvoiceBy", None), "/receiveInvoiceBy", "required");
    assert_eq!(i.params()["when"], json!({"field": "contactNameToAppearOnInvoice", "equals": true}));
    let not_invoice = with(&with(&c, "/receiveInvoiceBy", None), "/contactNameToAppearOnInvoice", Some(false.into()));
    assert_valid("ContactDetails", &not_invoice);

    // At most one invoice contact per site; reported on the second and later ones.
    let s0 = site();
    let second = s0["siteContacts"][0].clone();
    let two = with(&s0, "/siteContacts/1", Some(second.clone()));
    let three = with(&two, "/siteContacts/2", Some(second));
    assert_eq!(
        codes("Site", &three),
        [
            ("/siteContacts/1/contactNameToAppearOnInvoice".to_owned(), "singleInvoiceContact"),
            ("/siteContacts/2/contactNameToAppearOnInvoice".to_owned(), "singleInvoiceContact"),
        ]
    );
    let first = assert_one("Site", &two, "/siteContacts/1/contactNameToAppearOnInvoice", "singleInvoiceContact");
    assert_eq!(first.params(), json!({"first": 0}));
    let off = with(&two, "/siteContacts/1/contactNameToAppearOnInvoice", Some(false.into()));
    assert_valid("Site", &off);
}

#[test]
fn invoice_details_rules() {
    let d = invoice_details();
    check_required("SiteInvoiceDetails", &d, "/invoiceTemplateId");
    // One of paymentTermsInDays / preferredPaymentDay, reported on paymentTermsInDays.
    let none = with(&d, "/paymentTermsInDays", None);
    let i = assert_one("SiteInvoiceDetails", &none, "/paymentTermsInDays", "required");
    assert_eq!(i.params()["anyOf"], json!(["paymentTermsInDays", "preferredPaymentDay"]));
    assert_valid("SiteInvoiceDetails", &with(&none, "/preferredPaymentDay", Some(1.into())));
    check_integer("SiteInvoiceDetails", &d, "/paymentTermsInDays", true);
    check_integer("SiteInvoiceDetails", &d, "/invoiceTemplateId", false);
    check_boolean("SiteInvoiceDetails", &d, "/taxExempt");
    let with_addr = with(&d, "/invoiceAddress", Some(site()["siteAddress"].clone()));
    assert_valid("SiteInvoiceDetails", &with_addr);
    assert_one(
        "SiteInvoiceDetails",
        &with(&with_addr, "/invoiceAddress/country", Some("UK".into())),
        "/invoiceAddress/country",
        "countryCode",
    );
    // Nested inside a site, at its full path.
    let s0 = with(&site(), "/siteInvoiceDetails", Some(none));
    assert_one("Site", &s0, "/siteInvoiceDetails/paymentTermsInDays", "required");
}

#[test]
fn assigned_custom_fields_are_type_checked() {
    let s0 = with(
        &site(),
        "/assignedCustomFields",
        Some(json!([{"customFieldDefinitionId": 102, "label": "Tier", "value": "Gold"}])),
    );
    assert_valid("Site", &s0);
    assert_one(
        "Site",
        &with(&s0, "/assignedCustomFields/0/value", Some(5.into())),
        "/assignedCustomFields/0/value",
        "type",
    );
}

#[track_caller]
fn check_email(schema: &str, base: &Value, pointer: &str) {
    // decisions R4
    for ok in ["o'neil+bills@example.co.uk", "a@b.co", "\"john..doe\"@example.com", "x@[192.168.0.1]"] {
        assert_valid(schema, &with(base, pointer, Some(ok.into())));
    }
    for bad in [
        "jane@example",
        "jane.example.com",
        "jane@@example.com",
        "jané@example.com",
        "jane@-example.com",
        "a b@example.com",
    ] {
        assert_one(schema, &with(base, pointer, Some(bad.into())), pointer, "pattern");
    }
    let local = "a".repeat(64);
    let domain = format!("{}.com", "b".repeat(255 - 64 - 1 - 4));
    let max = format!("{local}@{domain}");
    assert_eq!(max.len(), 255);
    assert_valid(schema, &with(base, pointer, Some(max.clone().into())));
    assert_one(schema, &with(base, pointer, Some(format!("a{max}").into())), pointer, "maxLength");
}
