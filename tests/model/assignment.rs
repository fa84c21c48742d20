//! Pricing Assignment API (api-facts §7): every field at its boundaries, the level rules and
//! the overrides' price rules.

use serde_json::{json, Value};

use crate::pricing::check_rental_price_part;
use crate::support::*;

const LEVELS: &[&str] = &["CUSTOMER", "SITE", "INVENTORY"];

/// A CUSTOMER-level assignment (level, start date, customer id) plus `extra` fields.
fn customer_level(extra: Value) -> Value {
    let mut v = json!({ "assignmentLevel": "CUSTOMER", "startDate": "2024-01-01", "customerId": 12 });
    if let (Some(m), Value::Object(e)) = (v.as_object_mut(), extra) {
        m.extend(e);
    }
    v
}

fn usage_card() -> Value {
    customer_level(json!({ "usageRateCardId": 5 }))
}
fn rental_card() -> Value {
    customer_level(json!({ "rentalRateCardId": 5 }))
}
fn plan() -> Value {
    customer_level(json!({ "inclusiveUsagePlanId": 5 }))
}
fn discount() -> Value {
    customer_level(json!({ "rentalDiscountPlanId": 5 }))
}
fn rental_override() -> Value {
    customer_level(json!({
        "price": -9999999, "rentalRatePriceType": "RENTAL", "rentalRateType": "ARREARS",
        "rentalRateFrequency": "MONTHLY", "rentalProductId": 3
    }))
}
fn buy_override() -> Value {
    json!({
        "rentalProductInventoryId": 8, "price": 12.5, "rentalRatePriceType": "RENTAL", "rentalRateType": "ARREARS",
        "rentalRateFrequency": "MONTHLY", "startDate": "2024-01-01"
    })
}
fn usage_override() -> Value {
    customer_level(json!({
        "usageProductId": 7, "chargeGroupId": 11, "variableChargeUnitSize": 60, "quantityRoundingIncrement": 1,
        "peakMinimumCharge": 0, "offPeakMinimumCharge": 0, "weekendMinimumCharge": 0,
        "peakInitialCharge": 0, "offPeakInitialCharge": 0
    }))
}

#[test]
fn fixtures_are_valid() {
    assert_valid("UsageRateCardAssignment", &usage_card());
    assert_valid("RentalRateCardAssignment", &rental_card());
    assert_valid("InclusiveUsagePlanAssignment", &plan());
    assert_valid("RentalDiscountPlanAssignment", &discount());
    assert_valid("RentalRateOverride", &rental_override());
    assert_valid("BuyRentalRateOverride", &buy_override());
    assert_valid("UsageRateOverride", &usage_override());
}

/// The level decides the id field (decisions R9): at each level its id is required (with
/// `params.when`), the other levels' ids are not.
#[track_caller]
fn check_levels(schema: &str, base: &Value, inventory_id: &str) {
    check_required(schema, base, "/assignmentLevel");
    check_enum(
        schema,
        &with(&with(base, "/siteId", Some(4.into())), &format!("/{inventory_id}"), Some(9.into())),
        "/assignmentLevel",
        LEVELS,
    );
    let bare = with(base, "/customerId", None);
    for (level, id) in [("CUSTOMER", "customerId"), ("SITE", "siteId"), ("INVENTORY", inventory_id)] {
        let at = with(&bare, "/assignmentLevel", Some(level.into()));
        let i = assert_one(schema, &at, &format!("/{id}"), "required");
        assert_eq!(i.params()["when"], json!({"field": "assignmentLevel", "equals": level}), "{schema} {level}");
        // The level's own id suffices: the other levels' ids are left out.
        let given = with(&at, &format!("/{id}"), Some(4.into()));
        assert_valid(schema, &given);
        check_integer(schema, &given, &format!("/{id}"), false);
    }
    // The wrong inventory id does not satisfy INVENTORY.
    let other =
        if inventory_id == "usageProductInventoryId" { "rentalProductInventoryId" } else { "usageProductInventoryId" };
    let wrong = with(&with(&bare, "/assignmentLevel", Some("INVENTORY".into())), &format!("/{other}"), Some(4.into()));
    assert_one(schema, &wrong, &format!("/{inventory_id}"), "required");
    // An unknown level requires no id: its own enum issue says what is wrong.
    assert_one(schema, &with(&bare, "/assignmentLevel", Some("ACCOUNT".into())), "/assignmentLevel", "enum");
}

/// The fields every assignment has: id, start and end dates, the assigned thing's id.
#[track_caller]
fn check_common(schema: &str, base: &Value, assigned_id: &str) {
    check_read_only(schema, base, "/id", json!(1), json!("1"));
    check_required(schema, base, "/startDate");
    check_optional(schema, base, "/endDate");
    check_date(schema, base, "/startDate");
    check_date(schema, base, "/endDate");
    check_required(schema, base, assigned_id);
    check_integer(schema, base, assigned_id, false);
}

#[test]
fn usage_rate_card_assignments() {
    let a = usage_card();
    check_common("UsageRateCardAssignment", &a, "/usageRateCardId");
    check_levels("UsageRateCardAssignment", &a, "usageProductInventoryId");
    // Omitted, the server uses INVOICE (api-facts §7.2).
    check_optional("UsageRateCardAssignment", &a, "/assignmentType");
    check_enum("UsageRateCardAssignment", &a, "/assignmentType", &["INVOICE", "ADDITIONAL"]);
}

#[test]
fn rental_rate_card_assignments() {
    let a = rental_card();
    check_common("RentalRateCardAssignment", &a, "/rentalRateCardId");
    check_levels("RentalRateCardAssignment", &a, "rentalProductInventoryId");
}

#[test]
fn inclusive_usage_plan_assignments() {
    let a = plan();
    check_common("InclusiveUsagePlanAssignment", &a, "/inclusiveUsagePlanId");
    check_levels("InclusiveUsagePlanAssignment", &a, "usageProductInventoryId");
}

#[test]
fn rental_discount_plan_assignments() {
    let a = discount();
    check_common("RentalDiscountPlanAssignment", &a, "/rentalDiscountPlanId");
    check_levels("RentalDiscountPlanAssignment", &a, "rentalProductInventoryId");
}

#[test]
fn rental_rate_overrides() {
    let o = rental_override();
    check_rental_price_part("RentalRateOverride", &o, false);
    check_levels("RentalRateOverride", &o, "rentalProductInventoryId");
    check_read_only("RentalRateOverride", &o, "/id", json!(1), json!("1"));
    check_required("RentalRateOverride", &o, "/startDate");
    for f in ["/endDate", "/applyThisToChildren", "/showOnInvoice", "/rentalProductId"] {
        check_optional("RentalRateOverride", &o, f);
    }
    check_date("RentalRateOverride", &o, "/startDate");
    check_date("RentalRateOverride", &o, "/endDate");
    check_boolean("RentalRateOverride", &o, "/applyThisToChildren");
    check_boolean("RentalRateOverride", &o, "/showOnInvoice");
    check_integer("RentalRateOverride", &o, "/rentalProductId", false);
}

#[test]
fn buy_rental_rate_overrides() {
    let o = buy_override();
    check_rental_price_part("BuyRentalRateOverride", &o, false);
    check_required("BuyRentalRateOverride", &o, "/rentalProductInventoryId");
    check_integer("BuyRentalRateOverride", &o, "/rentalProductInventoryId", false);
    check_read_only("BuyRentalRateOverride", &o, "/id", json!(1), json!("1"));
    check_required("BuyRentalRateOverride", &o, "/startDate");
    check_optional("BuyRentalRateOverride", &o, "/endDate");
    check_date("BuyRentalRateOverride", &o, "/startDate");
    check_date("BuyRentalRateOverride", &o, "/endDate");
    // No level: it always names its inventory.
    assert_valid("BuyRentalRateOverride", &with(&o, "/assignmentLevel", Some("ANYTHING".into())));
}

#[test]
fn usage_rate_overrides() {
    let o = usage_override();
    check_levels("UsageRateOverride", &o, "usageProductInventoryId");
    check_read_only("UsageRateOverride", &o, "/id", json!(1), json!("1"));
    for f in [
        "/usageProductId",
        "/chargeGroupId",
        "/variableChargeUnitSize",
        "/quantityRoundingIncrement",
        "/startDate",
        "/peakMinimumCharge",
        "/offPeakMinimumCharge",
        "/weekendMinimumCharge",
        "/peakInitialCharge",
        "/offPeakInitialCharge",
    ] {
        check_required("UsageRateOverride", &o, f);
    }
    for f in [
        "/supplierId",
        "/appliesToISDNOnly",
        "/endDate",
        "/peakValue",
        "/offPeakValue",
        "/weekendValue",
        "/weekendInitialCharge",
        "/peakInitialChargePeriod",
        "/offPeakInitialChargePeriod",
        "/weekendInitialChargePeriod",
        "/applyThisToChildren",
    ] {
        check_optional("UsageRateOverride", &o, f);
    }
    for f in ["/usageProductId", "/supplierId", "/chargeGroupId"] {
        check_integer("UsageRateOverride", &o, f, false);
    }
    for f in [
        "/variableChargeUnitSize",
        "/peakInitialChargePeriod",
        "/offPeakInitialChargePeriod",
        "/weekendInitialChargePeriod",
    ] {
        check_integer("UsageRateOverride", &o, f, true);
    }
    for f in [
        "/quantityRoundingIncrement",
        "/peakValue",
        "/offPeakValue",
        "/weekendValue",
        "/peakMinimumCharge",
        "/offPeakMinimumCharge",
        "/weekendMinimumCharge",
        "/peakInitialCharge",
        "/offPeakInitialCharge",
        "/weekendInitialCharge",
    ] {
        check_number("UsageRateOverride", &o, f);
    }
    check_boolean("UsageRateOverride", &o, "/appliesToISDNOnly");
    check_boolean("UsageRateOverride", &o, "/applyThisToChildren");
    check_date("UsageRateOverride", &o, "/startDate");
    check_date("UsageRateOverride", &o, "/endDate");
}
