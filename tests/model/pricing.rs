//! Pricing API, rate cards and discount plans (api-facts §6.2–§6.5, §6.8, §6.9): every field at
//! its boundaries, and the rules.

use serde_json::{json, Value};

use crate::support::*;

pub const RENTAL_RATE_TYPES: &[&str] = &["ADVANCE", "ARREARS"];
pub const PRICE_TYPES: &[&str] = &["RENTAL", "ONEOFF"];
pub const PERIODS_IN_ADVANCE: &[&str] = &["STANDARD", "ADVANCEDPLUSONEMONTH"];
pub const FREQUENCIES: &[&str] =
    &["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "QUARTERLY", "SIXMONTHS", "TWENTYFOURMONTHS"];

fn rental_rate() -> Value {
    json!({
        "rentalProductId": 3,
        "price": 25.5,
        "rentalRateType": "ARREARS",
        "rentalRatePriceType": "RENTAL",
        "rentalRateFrequency": "MONTHLY",
        "startDate": "2024-01-01"
    })
}

fn rental_rate_card() -> Value {
    json!({
        "contractOwnerIds": [1],
        "name": "Standard rentals",
        "rentalProductCategoryId": 4,
        "rentalRateCardType": "SELL",
        "availableFrom": "2024-01-01"
    })
}

fn usage_rate() -> Value {
    json!({ "chargeGroupId": 11, "usageRateType": "VARIABLE", "peakInitialPeriod": 60 })
}

fn usage_rate_card() -> Value {
    json!({
        "contractOwnerIds": [1, 2],
        "name": "UK Calls Sell",
        "rateCardType": "SELL",
        "availableFrom": "2024-01-01",
        "usageProductId": 7,
        "decimalPlaces": 4,
        "priceRoundingStyle": "MATHEMATICAL",
        "defaultMinCharge": 0.5
    })
}

fn discount_plan() -> Value {
    json!({ "contractOwnerId": 1, "name": "12 month 50% off", "durationInMonths": 12, "availableFrom": "2024-01-01" })
}

fn discount_rule() -> Value {
    json!({ "rentalDiscountPlanId": 2, "productCategoryId": 4, "discountPercentage": 15 })
}

#[test]
fn fixtures_are_valid() {
    assert_valid("RentalRate", &rental_rate());
    assert_valid("RentalRateCard", &rental_rate_card());
    assert_valid("UsageRate", &usage_rate());
    assert_valid("UsageRateCard", &usage_rate_card());
    assert_valid("RentalDiscountPlan", &discount_plan());
    assert_valid("RentalDiscountPlanRule", &discount_rule());
    // Everything nested, with sample values.
    let mut card = usage_rate_card();
    card["usageRates"] = json!([usage_rate()]);
    card["timeBandPlans"] =
        json!([{ "timeBandPlanId": 1, "name": "Standard", "startDate": "2024-01-01", "endDate": null }]);
    card["accessCharges"] = json!([{ "charge": 0.1, "startDate": "2024-01-01", "endDate": "2024-12-31" }]);
    card["boltOnCharges"] = json!([bolt_on_charge()]);
    for (k, v) in [
        ("id", json!(1)),
        ("supplierId", json!(3)),
        ("availableTo", json!("2030-01-01")),
        ("roundAccessChargeFirstMinute", json!(false)),
        ("boltOn", json!(true)),
        ("boltOnTaxBandId", json!(1)),
        ("nominalCode", json!("string")),
        ("applyCrossTimeBandCharging", json!(false)),
        ("defaultQuantityRoundingIncrement", json!(1)),
        ("defaultVariableChargeUnitSize", json!(1)),
    ] {
        card[k] = v;
    }
    assert_valid("UsageRateCard", &card);
    let mut rc = rental_rate_card();
    rc["rentalRates"] = json!([rental_rate()]);
    rc["basedOnTemplateId"] = json!(8);
    rc["acceptOverridesFromParents"] = json!(true);
    assert_valid("RentalRateCard", &rc);
}

fn bolt_on_charge() -> Value {
    json!({
        "price": 5, "rentalRateType": "ADVANCE", "periodsInAdvance": "STANDARD", "rentalRateFrequency": "MONTHLY",
        "showOnInvoice": true, "startDate": "2024-01-01", "endDate": "2024-12-31"
    })
}

/// The rental price part shared by RentalRate and the rental rate overrides (api-facts §6.5,
/// §7.4; decisions R9). `base` is a valid RENTAL / ARREARS / MONTHLY value at the root.
/// `frequency_always_required`: RentalRate (the schema marks it required) vs the overrides
/// (required when RENTAL only).
#[track_caller]
pub fn check_rental_price_part(schema: &str, base: &Value, frequency_always_required: bool) {
    assert_eq!(base["rentalRatePriceType"], "RENTAL");
    assert_eq!(base["rentalRateType"], "ARREARS");
    check_required(schema, base, "/price");
    check_required(schema, base, "/rentalRatePriceType");
    check_range(schema, base, "/price", Some(-9_999_999.0), Some(9_999_999.0), 0.01);
    assert_one(schema, &with(base, "/price", Some("25.5".into())), "/price", "type");
    check_enum(schema, base, "/rentalRatePriceType", PRICE_TYPES);
    // With periodsInAdvance given, so that ADVANCE is complete.
    let with_periods = with(base, "/periodsInAdvance", Some("STANDARD".into()));
    check_enum(schema, &with_periods, "/rentalRateType", RENTAL_RATE_TYPES);
    check_enum(schema, base, "/rentalRateFrequency", FREQUENCIES);
    let advance =
        with(&with(base, "/rentalRateType", Some("ADVANCE".into())), "/periodsInAdvance", Some("STANDARD".into()));
    check_enum(schema, &advance, "/periodsInAdvance", PERIODS_IN_ADVANCE);

    // rentalRateType is required for a recurring price only.
    check_required_when(schema, base, "/rentalRateType", json!({"field": "rentalRatePriceType", "equals": "RENTAL"}));
    let one_off = with(&with(base, "/rentalRatePriceType", Some("ONEOFF".into())), "/rentalRateType", None);
    assert_valid(schema, &one_off);

    // periodsInAdvance is required for ADVANCE only.
    check_required_when(schema, &advance, "/periodsInAdvance", json!({"field": "rentalRateType", "equals": "ADVANCE"}));
    assert_valid(schema, &with(base, "/periodsInAdvance", None));
    // An unknown type triggers nothing but its own enum issue.
    let odd = with(&advance, "/rentalRateType", Some("advance".into()));
    assert_one(schema, &with(&odd, "/periodsInAdvance", None), "/rentalRateType", "enum");

    // rentalRateFrequency (api-facts §6.5, §9 #11).
    if frequency_always_required {
        check_required(schema, base, "/rentalRateFrequency");
        let i = assert_one(schema, &with(&one_off, "/rentalRateFrequency", None), "/rentalRateFrequency", "required");
        assert_eq!(i.params(), json!({}));
    } else {
        check_required_when(
            schema,
            base,
            "/rentalRateFrequency",
            json!({"field": "rentalRatePriceType", "equals": "RENTAL"}),
        );
        assert_valid(schema, &with(&one_off, "/rentalRateFrequency", None));
    }
    // Every rule at once, in schema order.
    let bare =
        with(&with(&with(base, "/rentalRateType", None), "/rentalRateFrequency", None), "/periodsInAdvance", None);
    assert_eq!(
        codes(schema, &bare),
        [("/rentalRateType".to_owned(), "required"), ("/rentalRateFrequency".to_owned(), "required")]
    );
}

#[test]
fn rental_rate_fields_and_rules() {
    let r = rental_rate();
    check_rental_price_part("RentalRate", &r, true);
    check_required("RentalRate", &r, "/rentalProductId");
    check_required("RentalRate", &r, "/startDate");
    for f in ["/rentalRateType", "/periodsInAdvance", "/endDate", "/showOnInvoice"] {
        check_optional("RentalRate", &with(&r, "/rentalRatePriceType", Some("ONEOFF".into())), f);
    }
    check_read_only("RentalRate", &r, "/id", json!(9), json!("9"));
    check_integer("RentalRate", &r, "/rentalProductId", false);
    check_date("RentalRate", &r, "/startDate");
    check_date("RentalRate", &r, "/endDate");
    check_boolean("RentalRate", &r, "/showOnInvoice");
}

#[test]
fn rental_rate_card_fields_and_rules() {
    let c = rental_rate_card();
    for f in ["/name", "/rentalProductCategoryId", "/rentalRateCardType", "/availableFrom"] {
        check_required("RentalRateCard", &c, f);
    }
    for f in ["/basedOnTemplateId", "/availableTo", "/acceptOverridesFromParents", "/rentalRates", "/supplierAccountId"]
    {
        check_optional("RentalRateCard", &c, f);
    }
    check_read_only("RentalRateCard", &c, "/id", json!(1), json!([]));
    check_length("RentalRateCard", &c, "/name", 1, 100, "n");
    check_name_curly("RentalRateCard", &c, "/name");
    // With a supplier account, so that BUY is complete.
    let with_supplier = with(&c, "/supplierAccountId", Some(12.into()));
    check_enum("RentalRateCard", &with_supplier, "/rentalRateCardType", &["SELL", "TEMPLATE", "BUY"]);
    for f in ["/rentalProductCategoryId", "/basedOnTemplateId", "/supplierAccountId"] {
        check_integer("RentalRateCard", &c, f, false);
    }
    check_date("RentalRateCard", &c, "/availableFrom");
    check_date("RentalRateCard", &c, "/availableTo");
    check_boolean("RentalRateCard", &c, "/acceptOverridesFromParents");
    check_int32_list("RentalRateCard", &c, "/contractOwnerIds", 0);

    // Contract owners for SELL and TEMPLATE cards; a supplier account for BUY cards.
    let owners_when = json!({"field": "rentalRateCardType", "oneOf": ["SELL", "TEMPLATE"]});
    check_required_when("RentalRateCard", &c, "/contractOwnerIds", owners_when.clone());
    let template = with(&c, "/rentalRateCardType", Some("TEMPLATE".into()));
    check_required_when("RentalRateCard", &template, "/contractOwnerIds", owners_when);
    let buy = with(&with(&c, "/rentalRateCardType", Some("BUY".into())), "/supplierAccountId", Some(12.into()));
    assert_valid("RentalRateCard", &with(&buy, "/contractOwnerIds", None));
    check_required_when(
        "RentalRateCard",
        &buy,
        "/supplierAccountId",
        json!({"field": "rentalRateCardType", "equals": "BUY"}),
    );

    // Rates inside the card, at their full path.
    let nested = with(&c, "/rentalRates", Some(json!([rental_rate(), with(&rental_rate(), "/rentalRateType", None)])));
    assert_one("RentalRateCard", &nested, "/rentalRates/1/rentalRateType", "required");
}

#[test]
fn usage_rate_fields() {
    let r = usage_rate();
    for f in ["/chargeGroupId", "/usageRateType", "/peakInitialPeriod"] {
        check_required("UsageRate", &r, f);
    }
    check_read_only("UsageRate", &r, "/id", json!(4), json!(false));
    check_integer("UsageRate", &r, "/chargeGroupId", false);
    check_enum("UsageRate", &r, "/usageRateType", &["MARKUP", "VARIABLE"]);
    for f in ["/peakInitialPeriod", "/offPeakInitialPeriod", "/weekendInitialPeriod", "/surchargeInitialPeriod"] {
        check_integer("UsageRate", &r, f, true);
    }
    for f in [
        "/peakInitialCharge",
        "/peakValue",
        "/peakMinimum",
        "/offPeakInitialCharge",
        "/offPeakValue",
        "/offPeakMinimum",
        "/weekendInitialCharge",
        "/weekendValue",
        "/weekendMinimum",
        "/quantityRoundingIncrement",
        "/variableChargeUnitSize",
        "/surchargeInitialCharge",
        "/surchargeValue",
        "/surchargeMinimum",
    ] {
        check_optional("UsageRate", &r, f);
        check_number("UsageRate", &r, f);
    }
    for f in ["/offPeakInitialPeriod", "/weekendInitialPeriod", "/surchargeInitialPeriod", "/startDate", "/endDate"] {
        check_optional("UsageRate", &r, f);
    }
    check_date("UsageRate", &r, "/startDate");
    check_date("UsageRate", &r, "/endDate");
}

#[test]
fn usage_rate_card_fields() {
    let c = usage_rate_card();
    for f in [
        "/contractOwnerIds",
        "/name",
        "/rateCardType",
        "/availableFrom",
        "/usageProductId",
        "/decimalPlaces",
        "/priceRoundingStyle",
        "/defaultMinCharge",
    ] {
        check_required("UsageRateCard", &c, f);
    }
    for f in [
        "/availableTo",
        "/supplierId",
        "/roundAccessChargeFirstMinute",
        "/boltOn",
        "/boltOnTaxBandId",
        "/nominalCode",
        "/applyCrossTimeBandCharging",
        "/defaultQuantityRoundingIncrement",
        "/defaultVariableChargeUnitSize",
        "/usageRates",
        "/timeBandPlans",
        "/accessCharges",
        "/boltOnCharges",
    ] {
        check_optional("UsageRateCard", &c, f);
    }
    check_read_only("UsageRateCard", &c, "/id", json!(1), json!("1"));
    // Required, but no minimum count is documented (unlike the category's "non-empty").
    check_int32_list("UsageRateCard", &c, "/contractOwnerIds", 0);
    check_length("UsageRateCard", &c, "/name", 1, 50, "u");
    check_name_curly("UsageRateCard", &c, "/name");
    check_enum("UsageRateCard", &c, "/rateCardType", &["TEMPLATE", "SELL", "BUY"]);
    check_enum("UsageRateCard", &c, "/priceRoundingStyle", &["UP", "DOWN", "MATHEMATICAL"]);
    check_date("UsageRateCard", &c, "/availableFrom");
    check_date("UsageRateCard", &c, "/availableTo");
    for f in ["/usageProductId", "/supplierId", "/boltOnTaxBandId"] {
        check_integer("UsageRateCard", &c, f, false);
    }
    check_integer("UsageRateCard", &c, "/decimalPlaces", true);
    for f in ["/defaultMinCharge", "/defaultQuantityRoundingIncrement", "/defaultVariableChargeUnitSize"] {
        check_number("UsageRateCard", &c, f);
    }
    for f in ["/roundAccessChargeFirstMinute", "/boltOn", "/applyCrossTimeBandCharging"] {
        check_boolean("UsageRateCard", &c, f);
    }
    check_text("UsageRateCard", &c, "/nominalCode");

    // Nested objects are checked at their full paths.
    let nested =
        with(&c, "/usageRates", Some(json!([usage_rate(), { "chargeGroupId": 1, "usageRateType": "MARKUP" }])));
    assert_one("UsageRateCard", &nested, "/usageRates/1/peakInitialPeriod", "required");
    let bands = with(&c, "/timeBandPlans", Some(json!([{ "timeBandPlanId": "1", "startDate": "2024-02-30" }])));
    assert_eq!(
        codes("UsageRateCard", &bands),
        [("/timeBandPlans/0/timeBandPlanId".to_owned(), "type"), ("/timeBandPlans/0/startDate".to_owned(), "format")]
    );
    let access = with(&c, "/accessCharges", Some(json!([{ "charge": "0.1", "endDate": "2024-12-31" }])));
    assert_one("UsageRateCard", &access, "/accessCharges/0/charge", "type");
}

#[test]
fn time_band_plans_and_access_charges_type_their_sample_fields() {
    // api-facts §6.2: known from the sample only, so types (and real dates, decisions R8).
    let c = usage_rate_card();
    let band = json!({ "timeBandPlanId": 1, "name": "Standard", "startDate": "2024-01-01", "endDate": "2024-12-31" });
    let t = with(&c, "/timeBandPlans", Some(json!([band])));
    for f in ["timeBandPlanId", "name", "startDate", "endDate"] {
        check_optional("UsageRateCard", &t, &format!("/timeBandPlans/0/{f}"));
    }
    check_integer("UsageRateCard", &t, "/timeBandPlans/0/timeBandPlanId", false);
    check_text("UsageRateCard", &t, "/timeBandPlans/0/name");
    assert_one(
        "UsageRateCard",
        &with(&t, "/timeBandPlans/0/name", Some(json!(["x"]))),
        "/timeBandPlans/0/name",
        "type",
    );
    check_date("UsageRateCard", &t, "/timeBandPlans/0/startDate");
    check_date("UsageRateCard", &t, "/timeBandPlans/0/endDate");

    let a = with(
        &c,
        "/accessCharges",
        Some(json!([{ "charge": 0.1, "startDate": "2024-01-01", "endDate": "2024-12-31" }])),
    );
    for f in ["charge", "startDate", "endDate"] {
        check_optional("UsageRateCard", &a, &format!("/accessCharges/0/{f}"));
    }
    check_number("UsageRateCard", &a, "/accessCharges/0/charge");
    check_date("UsageRateCard", &a, "/accessCharges/0/startDate");
    check_date("UsageRateCard", &a, "/accessCharges/0/endDate");
    // The second item is checked at its own index.
    let two = with(&a, "/accessCharges/1", Some(json!({ "endDate": "2023-02-29" })));
    assert_one("UsageRateCard", &two, "/accessCharges/1/endDate", "format");
}

#[test]
fn bolt_on_charges_check_types_and_enums_only() {
    let c = with(&usage_rate_card(), "/boltOnCharges", Some(json!([bolt_on_charge()])));
    let p = "/boltOnCharges/0";
    for f in
        ["price", "rentalRateType", "periodsInAdvance", "rentalRateFrequency", "showOnInvoice", "startDate", "endDate"]
    {
        check_optional("UsageRateCard", &c, &format!("{p}/{f}"));
    }
    check_number("UsageRateCard", &c, &format!("{p}/price"));
    check_enum("UsageRateCard", &c, &format!("{p}/rentalRateType"), RENTAL_RATE_TYPES);
    check_enum("UsageRateCard", &c, &format!("{p}/periodsInAdvance"), PERIODS_IN_ADVANCE);
    check_enum("UsageRateCard", &c, &format!("{p}/rentalRateFrequency"), FREQUENCIES);
    check_boolean("UsageRateCard", &c, &format!("{p}/showOnInvoice"));
    check_date("UsageRateCard", &c, &format!("{p}/startDate"));
    check_date("UsageRateCard", &c, &format!("{p}/endDate"));
    // Read-only (documented on the plan's charges only, api-facts §6.6): typed, nothing more.
    check_read_only("UsageRateCard", &c, &format!("{p}/id"), json!(-3), json!("3"));
    assert_one("UsageRateCard", &with(&c, &format!("{p}/id"), Some(1.5.into())), &format!("{p}/id"), "type");
    // Not captured: no price bound, and RentalRate's rules are not applied here.
    assert_valid("UsageRateCard", &with(&c, &format!("{p}/price"), Some(20_000_000.into())));
    assert_valid("UsageRateCard", &with(&c, &format!("{p}/periodsInAdvance"), None));
}

#[test]
fn rental_discount_plan_fields() {
    let d = discount_plan();
    for f in ["/contractOwnerId", "/name", "/durationInMonths", "/availableFrom"] {
        check_required("RentalDiscountPlan", &d, f);
    }
    check_optional("RentalDiscountPlan", &d, "/availableTo");
    check_read_only("RentalDiscountPlan", &d, "/id", json!(1), json!("1"));
    check_integer("RentalDiscountPlan", &d, "/contractOwnerId", true);
    check_length("RentalDiscountPlan", &d, "/name", 1, 50, "p");
    check_range("RentalDiscountPlan", &d, "/durationInMonths", Some(1.0), Some(120.0), 1.0);
    assert_one("RentalDiscountPlan", &with(&d, "/durationInMonths", Some(12.5.into())), "/durationInMonths", "type");
    check_date("RentalDiscountPlan", &d, "/availableFrom");
    check_date("RentalDiscountPlan", &d, "/availableTo");
}

#[test]
fn discount_plan_names_use_the_plain_apostrophe_pattern() {
    // api-facts §2: PAT-NAME-PLAIN has ' where PAT-NAME-CURLY has ’.
    let d = discount_plan();
    assert_valid("RentalDiscountPlan", &with(&d, "/name", Some("O'Neil 50% off".into())));
    let i = assert_one("RentalDiscountPlan", &with(&d, "/name", Some("O’Neil 50% off".into())), "/name", "pattern");
    assert_eq!(i.params()["pattern"], "NAME_PLAIN");
    assert_eq!(i.params()["character"], "’");
    assert_eq!(i.params()["index"], 1);
    // The same value passes a PAT-NAME-CURLY field of the same API.
    assert_valid("RentalRateCard", &with(&rental_rate_card(), "/name", Some("O’Neil 50% off".into())));
    for (bad, ch) in [("<b>", "<"), ("a{b}", "{")] {
        let i = assert_one("RentalDiscountPlan", &with(&d, "/name", Some(bad.into())), "/name", "pattern");
        assert_eq!(i.params()["character"], ch);
    }
}

#[test]
fn discount_plan_names_take_exactly_the_visible_plain_class() {
    // decisions R3: PAT-NAME-PLAIN is the visible characters (\w, \p{L}, \s and the listed
    // punctuation), one or more; everything else fails with `pattern` (api-facts §2).
    let d = discount_plan();
    let visible = [
        "—", "–", "£", "\\", "|", "!", "=", "#", "`", ";", "%", "@", "&", "'", ":", ",", "_", "(", ")", "/", "-", "+",
        ".", "?", "*",
    ];
    for ch in visible {
        assert_valid("RentalDiscountPlan", &with(&d, "/name", Some(ch.into())));
        assert_valid("RentalDiscountPlan", &with(&d, "/name", Some(format!("a{ch}b").into())));
    }
    assert_valid("RentalDiscountPlan", &with(&d, "/name", Some(visible.concat().into())));
    assert_valid("RentalDiscountPlan", &with(&d, "/name", Some("Zoë 12\tmonth_Plan".into())));
    for ch in ["’", "<", "{", "\"", "~", "$"] {
        let i =
            assert_one("RentalDiscountPlan", &with(&d, "/name", Some(format!("a{ch}b").into())), "/name", "pattern");
        assert_eq!(i.params()["pattern"], "NAME_PLAIN", "{ch}");
        assert_eq!(i.params()["character"], ch);
        assert_eq!(i.params()["index"], 1, "{ch}");
    }
}

#[test]
fn rental_discount_plan_rule_fields() {
    let r = discount_rule();
    for f in ["/rentalDiscountPlanId", "/productCategoryId", "/discountPercentage"] {
        check_required("RentalDiscountPlanRule", &r, f);
    }
    check_optional("RentalDiscountPlanRule", &r, "/rentalProductId");
    check_read_only("RentalDiscountPlanRule", &r, "/id", json!(1), json!("x"));
    for f in ["/rentalDiscountPlanId", "/productCategoryId", "/rentalProductId"] {
        check_integer("RentalDiscountPlanRule", &r, f, false);
    }
    // 0..100 from the description (api-facts §9 #10); decimals allowed.
    check_range("RentalDiscountPlanRule", &r, "/discountPercentage", Some(0.0), Some(100.0), 0.01);
    assert_valid("RentalDiscountPlanRule", &with(&r, "/discountPercentage", Some(12.5.into())));
    assert_one(
        "RentalDiscountPlanRule",
        &with(&r, "/discountPercentage", Some("15".into())),
        "/discountPercentage",
        "type",
    );
}
