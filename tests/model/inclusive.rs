//! Pricing API, inclusive usage (api-facts §6.6, §6.7): every field at its boundaries, the
//! trigger-charge rule, and the response-only balance record.

use elevate_billing::model::record_schema;
use elevate_billing::schema::Kind;
use elevate_billing::{validate, Error, Options, Value as V};
use serde_json::{json, Value};

use crate::pricing::{FREQUENCIES, PERIODS_IN_ADVANCE, RENTAL_RATE_TYPES};
use crate::support::*;

fn plan() -> Value {
    json!({ "contractOwnerId": 1, "name": "500 UK minutes", "usageProductId": 7, "availableFrom": "2024-01-01" })
}

fn component() -> Value {
    json!({
        "id": 1, "description": "UK minutes", "componentType": "VALUE", "chargingType": "DURATION",
        "quantity": 30000, "valueInPence": 0,
        "timebands": [{ "id": 1, "timeband": "PEAK" }],
        "chargeGroups": [{ "id": 1, "chargeGroupId": 11 }],
        "chargeGroupCategories": [{ "id": 1, "chargeGroupCategoryId": 2 }],
        "dialStrings": [{ "id": 1, "dialString": "0800", "isWholeNumber": false }]
    })
}

fn triggered() -> Value {
    let p = with(&plan(), "/triggerChargeId", Some(40.into()));
    let p = with(&p, "/supplierAccountId", Some(6.into()));
    with(&p, "/frequency", Some("MONTHLY".into()))
}

#[test]
fn fixtures_are_valid() {
    assert_valid("InclusiveUsagePlan", &plan());
    assert_valid("InclusiveUsagePlan", &triggered());
    assert_valid("InclusiveUsage", &component());
    let mut full = triggered();
    for (k, v) in [
        ("id", json!(1)),
        ("availableTo", json!("2030-01-01")),
        ("boltOn", json!(true)),
        ("taxBandId", json!(1)),
        ("nominalCode", json!("SALES-01QTR2")),
        ("inclusiveUsageComponents", json!([component()])),
        (
            "boltOnCharges",
            json!([{ "id": 1, "price": 5, "rentalRateType": "ADVANCE", "periodsInAdvance": "STANDARD",
                                   "rentalRateFrequency": "MONTHLY", "showOnInvoice": true, "startDate": "2024-01-01" }]),
        ),
        ("rolloverPeriods", json!(0)),
        ("minQualifyingQuantity", json!(1)),
        ("maxPerEventQuantity", json!(3600)),
    ] {
        full[k] = v;
    }
    assert_valid("InclusiveUsagePlan", &full);
}

#[test]
fn plan_fields() {
    let p = plan();
    for f in ["/contractOwnerId", "/name", "/usageProductId", "/availableFrom"] {
        check_required("InclusiveUsagePlan", &p, f);
    }
    for f in [
        "/availableTo",
        "/boltOn",
        "/taxBandId",
        "/nominalCode",
        "/inclusiveUsageComponents",
        "/boltOnCharges",
        "/rolloverPeriods",
        "/triggerChargeId",
        "/supplierAccountId",
        "/frequency",
        "/minQualifyingQuantity",
        "/maxPerEventQuantity",
    ] {
        check_optional("InclusiveUsagePlan", &p, f);
    }
    check_read_only("InclusiveUsagePlan", &p, "/id", json!(3), json!("3"));
    check_integer("InclusiveUsagePlan", &p, "/contractOwnerId", true);
    for f in ["/usageProductId", "/taxBandId", "/rolloverPeriods", "/supplierAccountId"] {
        check_integer("InclusiveUsagePlan", &p, f, false);
    }
    check_integer("InclusiveUsagePlan", &triggered(), "/triggerChargeId", false);
    check_length("InclusiveUsagePlan", &p, "/name", 1, 100, "m");
    check_name_curly("InclusiveUsagePlan", &p, "/name");
    // PAT-NOMINAL-DBL on this page, read as PAT-NOMINAL (decisions R6).
    check_length("InclusiveUsagePlan", &p, "/nominalCode", 1, 50, "N");
    check_nominal("InclusiveUsagePlan", &p, "/nominalCode");
    check_date("InclusiveUsagePlan", &p, "/availableFrom");
    check_date("InclusiveUsagePlan", &p, "/availableTo");
    check_boolean("InclusiveUsagePlan", &p, "/boltOn");
    check_enum("InclusiveUsagePlan", &p, "/frequency", &["MONTHLY", "DAILY", "WEEKLY"]);
    check_number("InclusiveUsagePlan", &p, "/minQualifyingQuantity");
    check_number("InclusiveUsagePlan", &p, "/maxPerEventQuantity");
}

#[test]
fn a_trigger_charge_needs_a_supplier_account_and_a_frequency() {
    // decisions R9
    let t = triggered();
    let when = json!({"field": "triggerChargeId", "present": true});
    check_required_when("InclusiveUsagePlan", &t, "/supplierAccountId", when.clone());
    check_required_when("InclusiveUsagePlan", &t, "/frequency", when);
    // Both at once, in schema order.
    let bare = with(&plan(), "/triggerChargeId", Some(40.into()));
    assert_eq!(
        codes("InclusiveUsagePlan", &bare),
        [("/supplierAccountId".to_owned(), "required"), ("/frequency".to_owned(), "required")]
    );
    // Without a trigger charge neither is needed; a null trigger is no trigger.
    assert_valid("InclusiveUsagePlan", &with(&t, "/triggerChargeId", None));
    assert_valid("InclusiveUsagePlan", &with(&bare, "/triggerChargeId", Some(Value::Null)));
}

#[test]
fn components_are_type_checked_at_their_paths() {
    let c = component();
    for f in [
        "/description",
        "/componentType",
        "/chargingType",
        "/quantity",
        "/valueInPence",
        "/timebands",
        "/chargeGroups",
        "/chargeGroupCategories",
        "/dialStrings",
    ] {
        check_optional("InclusiveUsage", &c, f);
    }
    check_read_only("InclusiveUsage", &c, "/id", json!(2), json!("2"));
    for f in ["/description", "/componentType", "/chargingType", "/timebands/0/timeband", "/dialStrings/0/dialString"] {
        check_text("InclusiveUsage", &c, f);
    }
    check_number("InclusiveUsage", &c, "/quantity");
    check_number("InclusiveUsage", &c, "/valueInPence");
    check_integer("InclusiveUsage", &c, "/chargeGroups/0/chargeGroupId", false);
    check_integer("InclusiveUsage", &c, "/chargeGroupCategories/0/chargeGroupCategoryId", false);
    check_boolean("InclusiveUsage", &c, "/dialStrings/0/isWholeNumber");
    let p = with(&plan(), "/inclusiveUsageComponents", Some(json!([c, { "timebands": [{ "timeband": 1 }] }])));
    assert_one("InclusiveUsagePlan", &p, "/inclusiveUsageComponents/1/timebands/0/timeband", "type");
}

#[test]
fn component_items_have_typed_read_only_ids() {
    // api-facts §6.6 (sample): each item's `id` is read-only, so only its type is checked.
    let c = component();
    for item in ["/timebands/0", "/chargeGroups/0", "/chargeGroupCategories/0", "/dialStrings/0"] {
        let id = format!("{item}/id");
        check_read_only("InclusiveUsage", &c, &id, json!(-7), json!("1"));
        assert_one("InclusiveUsage", &with(&c, &id, Some(1.5.into())), &id, "type");
    }
    // Every other item field is optional too (nothing beyond types documented).
    for f in [
        "/timebands/0/timeband",
        "/chargeGroups/0/chargeGroupId",
        "/chargeGroupCategories/0/chargeGroupCategoryId",
        "/dialStrings/0/dialString",
        "/dialStrings/0/isWholeNumber",
    ] {
        check_optional("InclusiveUsage", &c, f);
    }
    // Inside a plan, at the full path.
    let mut bad = component();
    bad["dialStrings"][0]["id"] = json!("1");
    let p = with(&plan(), "/inclusiveUsageComponents", Some(json!([bad])));
    assert_one("InclusiveUsagePlan", &p, "/inclusiveUsageComponents/0/dialStrings/0/id", "type");
}

#[test]
fn bolt_on_charges_of_a_plan() {
    let c =
        json!({ "price": 5, "rentalRateType": "ARREARS", "rentalRateFrequency": "MONTHLY", "startDate": "2024-01-01" });
    assert_valid("InclusiveUsageBoltOnCharge", &c);
    check_read_only("InclusiveUsageBoltOnCharge", &c, "/id", json!(1), json!("1"));
    check_number("InclusiveUsageBoltOnCharge", &c, "/price");
    check_enum("InclusiveUsageBoltOnCharge", &c, "/rentalRateType", RENTAL_RATE_TYPES);
    check_enum("InclusiveUsageBoltOnCharge", &c, "/periodsInAdvance", PERIODS_IN_ADVANCE);
    check_enum("InclusiveUsageBoltOnCharge", &c, "/rentalRateFrequency", FREQUENCIES);
    check_boolean("InclusiveUsageBoltOnCharge", &c, "/showOnInvoice");
    check_date("InclusiveUsageBoltOnCharge", &c, "/startDate");
    check_date("InclusiveUsageBoltOnCharge", &c, "/endDate");
    let p = with(&plan(), "/boltOnCharges", Some(json!([c, { "rentalRateFrequency": "FORTNIGHTLY" }])));
    assert_one("InclusiveUsagePlan", &p, "/boltOnCharges/1/rentalRateFrequency", "enum");
}

#[test]
fn balances_are_a_response_record_that_types_the_sample() {
    let sample = json!({
        "billRunId": 10, "periodStartDate": "2025-09-01", "periodEndDate": "2025-09-30", "usageProductInventoryId": 5,
        "inclusiveUsageBalanceAssignments": [{
            "assignmentId": 3, "assignmentLevel": "CUSTOMER", "assignmentStartDate": "2025-01-01",
            "assignmentEndDate": null, "inclusiveUsagePlanId": 2,
            "components": [{ "componentId": 1, "byValue": false, "chargingType": "DURATION", "allowance": 1000,
                             "remaining": 500, "startDate": "2025-09-01 00:00:00", "endDate": "2025-09-30 23:59:59" }]
        }]
    });
    let kind = Kind::Object(record_schema("InclusiveUsageBalance").expect("record schema"));
    assert!(validate(&kind, &V::from_json(&sample), Options::default()).unwrap().is_valid());
    assert_eq!(
        validate("InclusiveUsageBalance", &sample, Options::default()),
        Err(Error::UnknownSchema { name: "InclusiveUsageBalance".into() })
    );
    let mut bad = sample.clone();
    bad["inclusiveUsageBalanceAssignments"][0]["assignmentLevel"] = json!("ACCOUNT");
    bad["inclusiveUsageBalanceAssignments"][0]["components"][0]["remaining"] = json!("500");
    let issues = validate(&kind, &V::from_json(&bad), Options::default()).unwrap().issues;
    let got: Vec<_> = issues.iter().map(|i| (i.path.as_str(), i.code())).collect();
    assert_eq!(
        got,
        [
            ("/inclusiveUsageBalanceAssignments/0/assignmentLevel", "enum"),
            ("/inclusiveUsageBalanceAssignments/0/components/0/remaining", "type"),
        ]
    );
}

/// `(path, code)` of validating `value` as the response record `name`.
fn record_codes(name: &str, value: &Value) -> Vec<(String, &'static str)> {
    let kind = Kind::Object(record_schema(name).expect("record schema"));
    validate(&kind, &V::from_json(value), Options::default())
        .unwrap()
        .issues
        .iter()
        .map(|i| (i.path.clone(), i.code()))
        .collect()
}

#[test]
fn every_balance_field_is_typed() {
    // api-facts §6.7 (sample): each field at its own path; dates are real dates (decisions R8),
    // the components' "yyyy-MM-dd HH:mm:ss" start/end are strings.
    let sample = json!({
        "billRunId": 10, "periodStartDate": "2025-09-01", "periodEndDate": "2025-09-30", "usageProductInventoryId": 5,
        "inclusiveUsageBalanceAssignments": [{
            "assignmentId": 3, "assignmentLevel": "SITE", "assignmentStartDate": "2025-01-01",
            "assignmentEndDate": "2025-12-31", "inclusiveUsagePlanId": 2,
            "components": [{ "componentId": 1, "byValue": true, "chargingType": "DURATION", "allowance": 1000,
                             "remaining": 0, "startDate": "2025-09-01 00:00:00", "endDate": "2025-09-30 23:59:59" }]
        }]
    });
    assert_eq!(record_codes("InclusiveUsageBalance", &sample), []);
    let a = "/inclusiveUsageBalanceAssignments/0";
    let c = "/inclusiveUsageBalanceAssignments/0/components/0";
    let cases = [
        ("/billRunId".to_owned(), json!("10"), "type"),
        ("/periodStartDate".to_owned(), json!("2025-02-29"), "format"),
        ("/periodEndDate".to_owned(), json!(20250930), "type"),
        ("/usageProductInventoryId".to_owned(), json!(1.5), "type"),
        ("/inclusiveUsageBalanceAssignments".to_owned(), json!({}), "type"),
        (format!("{a}/assignmentId"), json!("3"), "type"),
        (format!("{a}/assignmentLevel"), json!("customer"), "enum"),
        (format!("{a}/assignmentStartDate"), json!("2025-1-01"), "format"),
        (format!("{a}/assignmentEndDate"), json!("2025-13-01"), "format"),
        (format!("{a}/inclusiveUsagePlanId"), json!(true), "type"),
        (format!("{a}/components"), json!("none"), "type"),
        (format!("{c}/componentId"), json!("1"), "type"),
        (format!("{c}/byValue"), json!("false"), "type"),
        (format!("{c}/chargingType"), json!(1), "type"),
        (format!("{c}/allowance"), json!("1000"), "type"),
        (format!("{c}/remaining"), json!([500]), "type"),
        (format!("{c}/startDate"), json!(20250901), "type"),
        (format!("{c}/endDate"), json!(false), "type"),
    ];
    for (path, bad, code) in cases {
        let got = record_codes("InclusiveUsageBalance", &with(&sample, &path, Some(bad)));
        assert_eq!(got, [(path.clone(), code)], "{path}");
    }
}
