//! The contract of `validate` itself, shown on Customer and Sites: all defects at once, in
//! document order, no cascades, the server's string semantics, and `validate_field`.

use elevate_billing::{validate, validate_field, Error, Options, Value as V};
use serde_json::{json, Value};

use crate::customer::{customer, site};
use crate::support::*;

#[test]
fn every_defect_at_once_in_document_order() {
    // Keys deliberately out of schema order: issues follow the document.
    let v = json!({
        "siteName": "",
        "siteAddress": { "country": "UK", "town": "x".repeat(51), "address1": "1 High St", "postcode": "SW1" },
        "customerId": "12",
        "siteReference": "R<1>",
        "startDate": "2023-02-29",
        "siteContacts": [{ "contactRole": "BOSS", "contactName": "Jo" }]
    });
    assert_eq!(
        codes("Site", &v),
        [
            ("/siteName".to_owned(), "minLength"),
            ("/siteAddress/country".to_owned(), "countryCode"),
            ("/siteAddress/town".to_owned(), "maxLength"),
            ("/customerId".to_owned(), "type"),
            ("/siteReference".to_owned(), "pattern"),
            ("/startDate".to_owned(), "format"),
            ("/siteContacts/0/contactRole".to_owned(), "enum"),
        ]
    );
}

#[test]
fn absent_fields_come_after_present_ones_in_schema_order() {
    let v = json!({ "siteName": "x".repeat(101), "siteContacts": [] });
    assert_eq!(
        codes("Site", &v),
        [
            ("/siteName".to_owned(), "maxLength"),
            ("/siteContacts".to_owned(), "minItems"),
            ("/customerId".to_owned(), "required"),
            ("/siteReference".to_owned(), "required"),
            ("/startDate".to_owned(), "required"),
            ("/siteAddress".to_owned(), "required"),
        ]
    );
}

#[test]
fn no_cascades() {
    // A missing object is one issue, not one per field inside it.
    assert_one("Site", &with(&site(), "/siteAddress", None), "/siteAddress", "required");
    // A wrong type stops the checks below that value.
    let i = assert_one("Site", &with(&site(), "/siteAddress", Some("1 High St".into())), "/siteAddress", "type");
    assert_eq!(i.params(), json!({"expected": "object", "actual": "string"}));
    assert_one("Site", &with(&site(), "/siteContacts", Some(json!({}))), "/siteContacts", "type");
    assert_one("Site", &with(&site(), "/siteContacts/0", Some(Value::Null)), "/siteContacts/0", "type");
    // An empty required name is one issue (length), not also a pattern failure.
    assert_one("Site", &with(&site(), "/siteName", Some("".into())), "/siteName", "minLength");
    // A whole customer of the wrong type.
    assert_eq!(codes("Customer", &json!([])), [("".to_owned(), "type")]);
    assert_eq!(codes("Customer", &Value::Null), [("".to_owned(), "type")]);
}

#[test]
fn valid_is_exactly_no_issues() {
    let r = validate("Site", &site(), Options::default()).unwrap();
    assert!(r.is_valid() && r.issues.is_empty());
    let r = validate("Site", &json!({}), Options::default()).unwrap();
    assert!(!r.is_valid() && !r.issues.is_empty());
}

#[test]
fn lengths_count_utf16_code_units() {
    // decisions R5: U+1D400 (a letter outside the BMP) counts 2.
    let bold_a = "\u{1D400}";
    assert_valid("Site", &with(&site(), "/siteName", Some(s(bold_a, 50))));
    let i = assert_one("Site", &with(&site(), "/siteName", Some(s(bold_a, 51))), "/siteName", "maxLength");
    assert_eq!(i.params(), json!({"limit": 100, "actual": 102}));
    // "é" precomposed is 1 unit.
    assert_valid("Site", &with(&site(), "/siteName", Some(s("é", 100))));
}

#[test]
fn name_pattern_follows_java_and_the_truncation_ruling() {
    let p = "/siteName";
    // decisions R2: \w is ASCII; letters come in through \p{L}.
    for ok in [
        "Zoë's Café",
        "Łódź – Główna",
        "日本支店",
        "O’Brien & Sons (UK) #2",
        "50% off: now!",
        "a\\b/c-d+e.f?g*h=i@j;k`l,m|n_o—p£",
    ] {
        assert_valid("Site", &with(&site(), p, Some(ok.into())));
    }
    // Combining marks, non-ASCII digits, and characters outside the visible class (decisions R3).
    for (bad, ch) in [
        ("e\u{301}", "\u{301}"),
        ("Branch ٣", "٣"),
        ("<b>", "<"),
        ("a\"b", "\""),
        ("{x}", "{"),
        ("a~b", "~"),
        ("$5", "$"),
        ("x^2", "^"),
        ("[a]", "["),
        ("😀", "😀"),
        ("tab\u{0}", "\u{0}"),
    ] {
        let i = assert_one("Site", &with(&site(), p, Some(bad.into())), p, "pattern");
        assert_eq!(i.params()["character"], ch, "{bad}");
        assert_eq!(i.params()["pattern"], "NAME_CURLY");
    }
    // Java \s includes vertical tab; the class has it.
    assert_valid("Site", &with(&site(), p, Some("a\u{0B}b".into())));
}

#[test]
fn null_means_absent_for_optional_fields_only() {
    assert_valid("Site", &with(&site(), "/endDate", Some(Value::Null)));
    assert_one("Site", &with(&site(), "/siteName", Some(Value::Null)), "/siteName", "required");
}

#[test]
fn repeated_keys_take_the_last_value() {
    let text = r#"{"customerId":12,"siteName":"<bad>","siteName":"Good","siteReference":"R","startDate":"2024-01-01",
        "siteAddress":{"address1":"1","town":"T","postcode":"P","country":"GB"},
        "siteContacts":[{"contactName":"N","contactRole":"SALES"}]}"#;
    let r = validate("Site", text, Options::default()).unwrap();
    assert!(r.is_valid(), "{}", render(&r.issues));
}

/// A `Site` as JSON text with `members` spliced in after `customerId` (so keys can repeat).
fn site_text(members: &str) -> String {
    format!(
        r#"{{"customerId":12,{members},"siteReference":"R","startDate":"2024-01-01",
        "siteAddress":{{"address1":"1","town":"T","postcode":"P","country":"GB"}},
        "siteContacts":[{{"contactName":"N","contactRole":"SALES"}}]}}"#
    )
}

#[test]
fn abort_early_gives_the_full_verdict_and_one_issue() {
    let early = Options { abort_early: true, ..Options::default() };
    let verdict = |members: &str| {
        let text = site_text(members);
        let full = validate("Site", &text, Options::default()).unwrap();
        let first = validate("Site", &text, early).unwrap();
        assert_eq!(first.is_valid(), full.is_valid(), "{members}");
        assert!(first.issues.len() <= 1, "{members}: {}", render(&first.issues));
        first.issues.iter().map(|i| (i.path.clone(), i.code())).collect::<Vec<_>>()
    };
    let at = |p: &str, c: &'static str| vec![(p.to_owned(), c)];
    // The bad first value is replaced: valid, as without abort_early.
    assert_eq!(verdict(r#""siteName":"<bad>","siteName":"Good""#), []);
    // Both values bad: the issue of the last one.
    assert_eq!(verdict(r#""siteName":"<x>","siteName":"<y>""#), at("/siteName", "pattern"));
    // A value skipped after the first issue is judged once that issue is taken back.
    assert_eq!(
        verdict(r#""siteName":"<x>","siteIdReceivingInvoice":"a","siteName":"Good""#),
        at("/siteIdReceivingInvoice", "type")
    );
    // Array bounds and rules report nothing once an issue is alive.
    let bad = json!({ "siteName": 1, "siteReference": 2, "siteContacts": [] });
    let r = validate("Site", &bad, early).unwrap();
    assert_eq!(r.issues.len(), 1, "{}", render(&r.issues));
}

#[test]
fn options_abort_early_and_unknown_fields() {
    let bad = json!({ "siteName": 1, "siteReference": 2 });
    let r = validate("Site", &bad, Options { abort_early: true, ..Options::default() }).unwrap();
    assert_eq!(r.issues.len(), 1);
    let typo = with(&site(), "/sitename", Some("x".into()));
    assert_valid("Site", &typo);
    let r = validate("Site", &typo, Options { report_unknown_fields: true, ..Options::default() }).unwrap();
    assert_eq!(
        r.issues.iter().map(|i| (i.path.as_str(), i.code())).collect::<Vec<_>>(),
        [("/sitename", "unknownField")]
    );
}

#[test]
fn unknown_schema_is_an_error_listing_the_names() {
    let e = validate("Sites", &json!({}), Options::default()).unwrap_err();
    assert!(matches!(e, Error::UnknownSchema { .. }));
    let msg = e.to_string();
    assert!(msg.contains("\"Sites\"") && msg.contains("Customer") && msg.contains("ContactDetails"), "{msg}");
}

#[test]
fn json_text_errors_are_errors() {
    assert!(matches!(validate("Site", "{", Options::default()), Err(Error::Json { .. })));
    assert!(matches!(validate("Site", b"{".as_slice(), Options::default()), Err(Error::Json { .. })));
    assert!(matches!(validate("Site", b"\"\xFF\"".as_slice(), Options::default()), Err(Error::Json { .. })));
    assert!(matches!(validate_field("Site", "/siteName", "{"), Err(Error::Json { .. })));
}

/// Every form of input (`Input`) and of schema (`Target`) gives the same report.
#[test]
fn every_input_form_gives_the_same_report() {
    let schema_kind = elevate_billing::model::schema("Site").expect("Site").root;
    let bad = with(&site(), "/siteAddress/country", Some("UK".into()));
    for value in [site(), bad, json!({ "siteName": 1 }), json!([]), json!(null)] {
        let text = value.to_string();
        let expected = validate("Site", &value, Options::default()).unwrap();
        let forms = [
            validate("Site", text.as_str(), Options::default()),
            validate("Site", &text, Options::default()),
            validate("Site", text.as_bytes(), Options::default()),
            validate("Site", &V::from_json(&value), Options::default()),
            validate(&"Site".to_owned(), &value, Options::default()),
            validate(schema_kind, &value, Options::default()),
            validate(&schema_kind, text.as_str(), Options::default()),
        ];
        for (i, got) in forms.into_iter().enumerate() {
            assert_eq!(got.as_ref(), Ok(&expected), "form {i} of {text}");
        }
    }
}

fn field(schema: &str, pointer: &str, v: Option<Value>) -> Vec<(String, &'static str)> {
    let v = v.map(|v| V::from_json(&v).to_json());
    let value = v.as_ref().map(V::from_json);
    validate_field(schema, pointer, value.as_ref().unwrap_or(&V::Null))
        .unwrap()
        .issues
        .into_iter()
        .map(|i| (i.path.clone(), i.code()))
        .collect()
}

#[test]
fn validate_field_checks_one_field_in_place() {
    assert_eq!(field("Site", "/siteAddress/postcode", Some("SW1A 1AA".into())), []);
    assert_eq!(
        field("Site", "/siteAddress/postcode", Some("SW1A#".into())),
        [("/siteAddress/postcode".to_owned(), "pattern")]
    );
    assert_eq!(
        field("Site", "/siteContacts/0/contactEmailAddress", Some("jane@example".into())),
        [("/siteContacts/0/contactEmailAddress".to_owned(), "pattern")]
    );
    assert_eq!(
        field("Site", "/siteContacts/3/contactTelephoneNumber", Some("+44 1".into())),
        [("/siteContacts/3/contactTelephoneNumber".to_owned(), "pattern")]
    );
    // Empty: required or not.
    assert_eq!(field("Site", "/siteName", None), [("/siteName".to_owned(), "required")]);
    assert_eq!(field("Site", "/siteName", Some(Value::Null)), [("/siteName".to_owned(), "required")]);
    assert_eq!(field("Site", "/endDate", None), []);
    // Context decides: a customer's site has customerId 0.
    assert_eq!(field("Customer", "/sites/0/customerId", Some(0.into())), []);
    assert_eq!(field("Customer", "/sites/0/customerId", Some(7.into())), [("/sites/0/customerId".to_owned(), "enum")]);
    assert_eq!(field("Site", "/customerId", Some(7.into())), []);
    // A whole nested object, and the root.
    assert_eq!(field("Site", "/siteAddress", Some(site()["siteAddress"].clone())), []);
    assert_eq!(field("Customer", "", Some(customer())), []);
    // A nested field is reported at its full pointer.
    assert_eq!(
        field("Site", "/siteAddress/country", Some("UK".into())),
        [("/siteAddress/country".to_owned(), "countryCode")]
    );
}

#[test]
fn validate_field_rejects_pointers_that_name_no_field() {
    for bad in ["/siteAdress/postcode", "siteName", "/siteContacts/x/contactName", "/siteName/0"] {
        let e = validate_field("Site", bad, &V::Null).unwrap_err();
        assert!(matches!(e, Error::UnknownField { .. }), "{bad}");
        assert!(e.to_string().contains(bad), "{e}");
    }
}

#[test]
fn messages_name_the_field_and_the_limit() {
    let i = assert_one("Site", &with(&site(), "/siteName", Some(s("a", 101))), "/siteName", "maxLength");
    assert_eq!(i.message(), "Site name must be at most 100 characters long (it has 101).");
    let i = assert_one("Site", &with(&site(), "/siteContacts", Some(json!([]))), "/siteContacts", "minItems");
    assert_eq!(i.message(), "Site contacts must have at least one item.");
    let i = assert_one("Site", &with(&site(), "/startDate", Some("2023-02-29".into())), "/startDate", "format");
    assert!(i.message().contains("yyyy-MM-dd"));
}

#[test]
fn end_before_start_is_not_enforced() {
    // decisions R9: "end date after start date" is not stated, so it is not checked.
    let c = with(&customer(), "/endDate", Some("2023-12-31".into()));
    assert_valid("Customer", &with(&c, "/sites/0/endDate", Some("2020-01-01".into())));
    assert_valid("Site", &with(&site(), "/endDate", Some("2023-12-31".into())));
}

#[test]
fn phone_description_lists_exactly_the_range_punctuation() {
    // decisions R2: `,-_` is U+002C..U+005F. Each of its characters passes, and each that is
    // not a letter or digit is named in the description messages quote.
    let p = "/contactTelephoneNumber";
    let c = site()["siteContacts"][0].clone();
    let i = assert_one("ContactDetails", &with(&c, p, Some("0207!946".into())), p, "pattern");
    let msg = i.message();
    let allowed = msg.split_once("Allowed: ").map(|(_, a)| a).expect("message lists what is allowed");
    let listed: Vec<&str> = allowed.split_whitespace().collect();
    for ch in ','..='_' {
        assert_valid("ContactDetails", &with(&c, p, Some(format!("020{ch}7946").into())));
        if !ch.is_ascii_alphanumeric() {
            assert!(listed.contains(&ch.to_string().as_str()), "{ch:?} missing from: {allowed}");
        }
    }
    // Just outside the range on each side: `+` (U+002B) and the backtick (U+0060).
    let i = assert_one("ContactDetails", &with(&c, p, Some("020+7946".into())), p, "pattern");
    assert_eq!(i.params()["reason"], "plusSign");
    assert!(allowed.contains("(no +)"), "{allowed}");
    let i = assert_one("ContactDetails", &with(&c, p, Some("020`7946".into())), p, "pattern");
    assert_eq!(i.params()["character"], "`");
}

#[test]
fn issues_are_kept_up_to_max_issues_and_the_report_says_it_was_cut() {
    use elevate_billing::limits::DEFAULT_MAX_ISSUES;
    // One `type` issue per item: a million items make a report of the default size, flagged.
    let many = |n: usize| json!({ "siteContacts": vec![0; n] });
    let r = validate("Site", &many(1_000_000), Options::default()).unwrap();
    assert_eq!(r.issues.len(), DEFAULT_MAX_ISSUES);
    assert!(r.truncated && !r.is_valid());
    assert_eq!(r.issues[0].path, "/siteContacts/0");
    // At the bound exactly, nothing is cut (Site's required fields add 5 issues).
    let r = validate("Site", &many(DEFAULT_MAX_ISSUES - 5), Options::default()).unwrap();
    assert_eq!((r.issues.len(), r.truncated), (DEFAULT_MAX_ISSUES, false));
    let r = validate("Site", &many(DEFAULT_MAX_ISSUES - 4), Options::default()).unwrap();
    assert_eq!((r.issues.len(), r.truncated), (DEFAULT_MAX_ISSUES, true));
    // Configurable, and unbounded on request.
    let r = validate("Site", &many(3), Options { max_issues: 2, ..Options::default() }).unwrap();
    assert_eq!((r.issues.len(), r.truncated), (2, true));
    let r = validate("Site", &many(500), Options { max_issues: usize::MAX, ..Options::default() }).unwrap();
    assert_eq!((r.issues.len(), r.truncated), (505, false));
    // abortEarly keeps one, and is not "cut".
    let r = validate("Site", &many(500), Options { abort_early: true, ..Options::default() }).unwrap();
    assert_eq!((r.issues.len(), r.truncated), (1, false));
    // A repeated key that takes back the kept issues after others were left out: read again.
    let text = format!(r#"{{"siteContacts": [{}], "siteName": 5, "siteContacts": []}}"#, vec!["0"; 300].join(","));
    let r = validate("Site", &text, Options::default()).unwrap();
    let paths: Vec<_> = r.issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["/siteName", "/siteContacts", "/customerId", "/siteReference", "/startDate", "/siteAddress"]);
    assert!(!r.truncated);
}
