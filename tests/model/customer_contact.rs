//! Customer and Sites API: Address (api-facts §3.4) and ContactDetails (§3.6), every field at
//! its boundaries, and the contact rules (decisions R9).

use serde_json::{json, Value};

use crate::customer::site;
use crate::support::*;

fn address() -> Value {
    site()["siteAddress"].clone()
}

fn contact() -> Value {
    site()["siteContacts"][0].clone()
}

/// A contact with every optional field given, not the invoice contact.
fn full_contact() -> Value {
    json!({
        "id": 9,
        "contactName": "Bob Smith",
        "contactTelephoneNumber": "020 7946 0000",
        "contactAlternativeTelephoneNumber": "07700 900000",
        "contactEmailAddress": "bob@example.co.uk",
        "contactRole": "TECHNICAL",
        "receiveInvoiceBy": "POST",
        "receiveInvoiceSummaryBy": "EMAIL",
        "receiveElectronicSummaryReports": true,
        "emailSuspended": false,
        "contactNameToAppearOnInvoice": false,
        "receiveEmailFraudAlert": true,
        "receiveSmsFraudAlert": false
    })
}

const OPTIONAL_NAMES: [&str; 4] = ["/businessName", "/address2", "/address3", "/county"];

#[test]
fn address_field_rules() {
    let a = address();
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
    // decisions R6: postcode is 0..20 but the pattern needs one character.
    assert_one("Address", &with(&a, "/postcode", Some("".into())), "/postcode", "pattern");
    assert_one("Address", &with(&a, "/postcode", Some("SW1A#1AA".into())), "/postcode", "pattern");
    assert_valid("Address", &with(&a, "/postcode", Some("75001 Cédex".into())));
}

#[test]
fn address_name_fields_follow_the_name_pattern() {
    // api-facts §3.4: every name-like field is PAT-NAME-CURLY (decisions R3).
    let a = address();
    for p in ["/businessName", "/address1", "/address2", "/address3", "/town", "/county"] {
        check_name_curly("Address", &a, p);
    }
}

#[test]
fn optional_address_fields() {
    let full = json!({
        "id": 4,
        "businessName": "Acme Ltd",
        "address1": "1 High Street",
        "address2": "Floor 2",
        "address3": "Unit 5",
        "town": "London",
        "county": "Greater London",
        "postcode": "SW1A 1AA",
        "country": "GB"
    });
    assert_valid("Address", &full);
    for p in ["/id", "/businessName", "/address2", "/address3", "/county"] {
        check_optional("Address", &full, p);
    }
    // decisions R3: the class is one or more characters, so "" fails the pattern although the
    // documented min length is 0; the message says to leave the field out.
    for p in OPTIONAL_NAMES {
        let i = assert_one("Address", &with(&full, p, Some("".into())), p, "pattern");
        assert_eq!(i.params()["reason"], "empty");
        assert_eq!(i.params()["pattern"], "NAME_CURLY");
    }
    // Required name fields: "" is one length issue, not also a pattern one.
    for p in ["/address1", "/town"] {
        assert_one("Address", &with(&full, p, Some("".into())), p, "minLength");
    }
}

#[test]
fn address_id_is_read_only() {
    check_read_only("Address", &address(), "/id", json!(-1), json!("4"));
    assert_one("Address", &with(&address(), "/id", Some(1.5.into())), "/id", "type");
}

#[test]
fn country_codes() {
    let a = address();
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
    let c = contact();
    check_required("ContactDetails", &c, "/contactName");
    check_required("ContactDetails", &c, "/contactRole");
    check_length("ContactDetails", &c, "/contactName", 1, 100, "n");
    check_name_curly("ContactDetails", &c, "/contactName");
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
fn optional_contact_fields() {
    let full = full_contact();
    assert_valid("ContactDetails", &full);
    for p in [
        "/id",
        "/contactTelephoneNumber",
        "/contactAlternativeTelephoneNumber",
        "/contactEmailAddress",
        "/receiveInvoiceBy",
        "/receiveInvoiceSummaryBy",
        "/receiveElectronicSummaryReports",
        "/emailSuspended",
        "/contactNameToAppearOnInvoice",
        "/receiveEmailFraudAlert",
        "/receiveSmsFraudAlert",
    ] {
        check_optional("ContactDetails", &full, p);
    }
    // api-facts §3.6: id is read-only, type-checked only.
    check_read_only("ContactDetails", &full, "/id", json!(-1), json!("9"));
}

#[test]
fn phone_numbers_follow_the_servers_range_semantics() {
    let c = contact();
    for p in ["/contactTelephoneNumber", "/contactAlternativeTelephoneNumber"] {
        // decisions R2: `,-_` is a range that admits < > = [ \ ] ^ / : ; ? and excludes +.
        for ok in ["020<7946>0000", "(020) 7946-0000", "020/7946;0000", "ext: 12 [office]", "020\\7946^0000"] {
            assert_valid("ContactDetails", &with(&c, p, Some(ok.into())));
        }
        let i = assert_one("ContactDetails", &with(&c, p, Some("+44 20 7946 0000".into())), p, "pattern");
        assert_eq!(i.params()["pattern"], "PHONE");
        assert_eq!(i.params()["reason"], "plusSign");
        assert_eq!(i.params()["suggestion"], "0044 20 7946 0000");
        assert!(i.message().contains("'+'") && i.message().contains("0044 20 7946 0000"), "{}", i.message());
        let i = assert_one("ContactDetails", &with(&c, p, Some("0207!946".into())), p, "pattern");
        assert_eq!(i.params()["character"], "!");
        assert_eq!(i.params()["index"], 4);
    }
}

#[test]
fn contact_rules_across_fields() {
    let c = contact();
    // decisions R9: receiveInvoiceBy is required on the invoice contact only; null is absent.
    check_required_when(
        "ContactDetails",
        &c,
        "/receiveInvoiceBy",
        json!({"field": "contactNameToAppearOnInvoice", "equals": true}),
    );
    let without = with(&c, "/receiveInvoiceBy", None);
    assert_valid("ContactDetails", &with(&without, "/contactNameToAppearOnInvoice", Some(false.into())));
    assert_valid("ContactDetails", &with(&without, "/contactNameToAppearOnInvoice", Some(Value::Null)));
    assert_valid("ContactDetails", &with(&without, "/contactNameToAppearOnInvoice", None));
    // A null receiveInvoiceBy on a non-invoice contact is fine.
    let off = with(&c, "/contactNameToAppearOnInvoice", Some(false.into()));
    assert_valid("ContactDetails", &with(&off, "/receiveInvoiceBy", Some(Value::Null)));

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
