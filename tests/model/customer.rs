//! Customer and Sites API (api-facts §3): Customer and Site, every field at its boundaries,
//! and their rules. Address and ContactDetails are in `customer_contact`, SiteInvoiceDetails
//! and AssignedCustomField in `customer_invoice`.

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

pub fn invoice_details() -> Value {
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
        "/id",
        "/contractOwnerSubBrandId",
        "/endDate",
        "/contractTerm",
        "/contractTermStartDate",
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
    // api-facts §3.2: both are PAT-NAME-CURLY (decisions R3).
    for p in ["/customerName", "/customerAccountNumber"] {
        check_name_curly("Customer", &c, p);
    }
    check_enum("Customer", &c, "/customerType", &["RESIDENTIAL", "BUSINESS", "RESELLER", "STAFF_MEMBER"]);
    check_integer("Customer", &c, "/contractOwnerId", true);
    check_integer("Customer", &c, "/contractOwnerSubBrandId", true);
    check_integer("Customer", &c, "/contractTerm", true);
    check_integer("Customer", &c, "/billingCycleId", false);
    check_integer("Customer", &c, "/externalCommissionAgentId", false);
    check_integer("Customer", &c, "/tripwireId", false);
    for p in ["/startDate", "/endDate", "/contractTermStartDate", "/sendWelcomeEmailOn"] {
        check_date("Customer", &c, p);
    }
    for p in ["/customerIsVip", "/customerMarker", "/onlineBillingRequired"] {
        check_boolean("Customer", &c, p);
    }
    check_range("Customer", &c, "/creditThreshold", Some(0.0), None, 0.5);
    // At 1e17 the next double up is 1e17 + 16.
    assert_valid("Customer", &with(&c, "/creditThreshold", Some(1e17.into())));
    assert_one("Customer", &with(&c, "/creditThreshold", Some((1e17 + 16.0).into())), "/creditThreshold", "maximum");
    let i = assert_one("Customer", &with(&c, "/creditThreshold", Some("100".into())), "/creditThreshold", "type");
    assert_eq!(i.params(), json!({"expected": "number", "actual": "string"}));
    assert_one("Customer", &with(&c, "/creditThreshold", Some(true.into())), "/creditThreshold", "type");
    check_email("Customer", &c, "/onlineEmailAddress");
}

#[test]
fn customer_id_is_read_only() {
    // api-facts §3.2: response-only; only its JSON type is checked, no bounds.
    check_read_only("Customer", &customer(), "/id", json!(-1), json!("five"));
    assert_one("Customer", &with(&customer(), "/id", Some(1.5.into())), "/id", "type");
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
    // decisions R9: contractTermStartDate is required when contractTerm is given.
    let c = with(&customer(), "/contractTerm", Some(24.into()));
    let i = assert_one("Customer", &c, "/contractTermStartDate", "required");
    assert_eq!(i.params()["when"], json!({"field": "contractTerm", "present": true}));
    let both = with(&c, "/contractTermStartDate", Some("2024-01-01".into()));
    assert_valid("Customer", &both);
    // A null start date is as good as none.
    check_required_when("Customer", &both, "/contractTermStartDate", json!({"field": "contractTerm", "present": true}));
    // A null contractTerm is absent: nothing is required.
    assert_valid("Customer", &with(&customer(), "/contractTerm", Some(Value::Null)));
    // The start date alone is fine.
    assert_valid("Customer", &with(&customer(), "/contractTermStartDate", Some("2024-01-01".into())));
}

#[test]
fn customer_contacts_are_contact_details() {
    let invoice_contact = site()["siteContacts"][0].clone();
    let plain = json!({"contactName": "Bob", "contactRole": "SALES"});
    let c = with(&customer(), "/customerContacts", Some(json!([invoice_contact, plain])));
    assert_valid("Customer", &c);
    assert_valid("Customer", &with(&c, "/customerContacts", Some(json!([]))));
    // Each item is a ContactDetails (api-facts §3.2, §3.6), reported at its full path.
    let p = "/customerContacts/1/contactRole";
    let i = assert_one("Customer", &with(&c, p, Some("BOSS".into())), p, "enum");
    assert_eq!(i.params()["allowed"], json!(["ACCOUNTS", "TECHNICAL", "SALES", "GENERAL"]));
    let p = "/customerContacts/1/contactName";
    assert_one("Customer", &with(&c, p, Some("<Bob>".into())), p, "pattern");
    check_required("Customer", &c, p);
    let p = "/customerContacts/1/contactTelephoneNumber";
    assert_one("Customer", &with(&c, p, Some("+44 1234".into())), p, "pattern");
    // decisions R9: receiveInvoiceBy is required on an invoice contact, here too.
    check_required_when(
        "Customer",
        &c,
        "/customerContacts/0/receiveInvoiceBy",
        json!({"field": "contactNameToAppearOnInvoice", "equals": true}),
    );
    // Not an array, or an item that is not an object.
    let i = assert_one("Customer", &with(&c, "/customerContacts", Some(json!({}))), "/customerContacts", "type");
    assert_eq!(i.params(), json!({"expected": "array", "actual": "object"}));
    assert_one("Customer", &with(&c, "/customerContacts/1", Some("Bob".into())), "/customerContacts/1", "type");
    assert_one("Customer", &with(&c, "/customerContacts/1", Some(Value::Null)), "/customerContacts/1", "type");
}

#[test]
fn one_invoice_contact_per_site_inside_a_customer() {
    // decisions R9, applied to each of Customer.sites at its full path.
    let c = customer();
    let flagged = c["sites"][0]["siteContacts"][0].clone();
    let two = with(&c, "/sites/0/siteContacts/1", Some(flagged.clone()));
    let i =
        assert_one("Customer", &two, "/sites/0/siteContacts/1/contactNameToAppearOnInvoice", "singleInvoiceContact");
    assert_eq!(i.params(), json!({"first": 0}));
    assert_valid("Customer", &with(&two, "/sites/0/siteContacts/1/contactNameToAppearOnInvoice", Some(false.into())));
    // Per site: two sites may each have their own invoice contact.
    let two_sites = with(&c, "/sites/1", Some(c["sites"][0].clone()));
    assert_valid("Customer", &two_sites);
    let bad = with(&two_sites, "/sites/1/siteContacts/1", Some(flagged));
    assert_one("Customer", &bad, "/sites/1/siteContacts/1/contactNameToAppearOnInvoice", "singleInvoiceContact");
}

#[test]
fn site_field_rules() {
    let s0 = site();
    for p in ["/customerId", "/siteName", "/siteReference", "/startDate", "/siteAddress", "/siteContacts"] {
        check_required("Site", &s0, p);
    }
    for p in [
        "/id",
        "/endDate",
        "/createdDate",
        "/updatedDate",
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
    // api-facts §3.3: both are PAT-NAME-CURLY (decisions R3).
    for p in ["/siteName", "/siteReference"] {
        check_name_curly("Site", &s0, p);
    }
    check_integer("Site", &s0, "/customerId", false);
    check_integer("Site", &s0, "/siteIdReceivingInvoice", false);
    check_date("Site", &s0, "/startDate");
    check_date("Site", &s0, "/endDate");
    check_range("Site", &s0, "/repaymentPlanAmount", Some(1.0), Some(100_000.0), 0.01);
    for bad in [json!("100"), json!(true)] {
        assert_one("Site", &with(&s0, "/repaymentPlanAmount", Some(bad)), "/repaymentPlanAmount", "type");
    }
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
    // api-facts §3.3: id, createdDate and updatedDate are read-only.
    check_read_only("Site", &site(), "/id", json!(-1), json!("five"));
    for p in ["/createdDate", "/updatedDate"] {
        check_read_only("Site", &site(), p, json!("2024-01-01T00:00:00Z"), json!(20240101));
        check_read_only("Site", &site(), p, json!("not a date"), json!(true));
    }
}

#[test]
fn assigned_custom_fields_are_type_checked() {
    let s0 = with(
        &site(),
        "/assignedCustomFields",
        Some(json!([{"customFieldDefinitionId": 102, "label": "Tier", "value": "Gold"}])),
    );
    assert_valid("Site", &s0);
    assert_valid("Site", &with(&s0, "/assignedCustomFields", Some(json!([]))));
    let i = assert_one("Site", &with(&s0, "/assignedCustomFields", Some(json!({}))), "/assignedCustomFields", "type");
    assert_eq!(i.params(), json!({"expected": "array", "actual": "object"}));
    assert_one("Site", &with(&s0, "/assignedCustomFields/0", Some(5.into())), "/assignedCustomFields/0", "type");
    // api-facts §3.7 gives an example only: the item fields are type-checked at their full path.
    check_integer("Site", &s0, "/assignedCustomFields/0/customFieldDefinitionId", false);
    for p in ["/assignedCustomFields/0/label", "/assignedCustomFields/0/value"] {
        check_text("Site", &s0, p);
    }
}
