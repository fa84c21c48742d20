//! Product-defined formats (decisions R10) with the docs' examples (api-facts §2).

use std::sync::Arc;

use elevate_billing::regex::user as user_regex;
use elevate_billing::validate::validate_product_reference;
use serde_json::json;

fn check(format: &str, reference: &str) -> Vec<(String, &'static str)> {
    validate_product_reference(format, reference).issues.iter().map(|i| (i.path.clone(), i.code())).collect()
}

#[track_caller]
fn matches(format: &str, ok: &[&str], bad: &[&str]) {
    for r in ok {
        assert_eq!(check(format, r), [], "{format} should accept {r:?}");
    }
    for r in bad {
        assert_eq!(check(format, r), [("/reference".to_owned(), "pattern")], "{format} should reject {r:?}");
    }
}

#[test]
fn usage_product_reference_digits_3_to_11() {
    matches("[0-9]{3,11}", &["012", "01234567890"], &["01", "012345678901", "", "0123a", " 012", "٠١٢"]);
}

#[test]
fn service_id_letters_digits_hyphen_3_to_100() {
    let f = r"[a-zA-Z0-9\-]{3,100}";
    let max = "a-".repeat(50);
    matches(f, &["ab-", "A-9", &max], &["ab", &format!("{max}x"), "ab_", "ab\\", "abé"]);
}

#[test]
fn additional_reference_4_to_15() {
    matches("[a-zA-Z0-9]{4,15}", &["abcd", "ABCDEFGHIJ12345"], &["abc", "ABCDEFGHIJ123456", "ab-d"]);
}

#[test]
fn dot_star_takes_anything_but_java_line_terminators() {
    matches(".*", &["", "anything at all", "é😀"], &["a\nb", "a\rb", "x\u{2028}"]);
}

#[test]
fn the_whole_value_must_match_in_the_server_dialect() {
    // decisions R1: no partial match; decisions R2: \d is ASCII.
    matches(r"\d{3}", &["123"], &["1234", "x123", "١٢٣"]);
    matches("ab|cd", &["ab", "cd"], &["abcd", "a"]);
}

#[test]
fn mismatches_carry_the_format_and_the_first_bad_character() {
    let r = validate_product_reference("[0-9]{3,11}", "12x4");
    assert_eq!(
        r.issues[0].params(),
        json!({"pattern": "PRODUCT_FORMAT", "format": "[0-9]{3,11}", "character": "x", "index": 2})
    );
    assert_eq!(r.issues[0].message(), "reference cannot contain 'x': the product's format is [0-9]{3,11}.");
    let r = validate_product_reference("[0-9]{3,11}", "12");
    assert_eq!(r.issues[0].params(), json!({"pattern": "PRODUCT_FORMAT", "format": "[0-9]{3,11}"}));
    assert_eq!(r.issues[0].message(), "reference does not match the product's format [0-9]{3,11}.");
}

#[test]
fn invalid_formats_are_a_format_issue_with_the_reason() {
    for (format, why) in [
        ("[0-9", "invalid pattern"),
        ("(a", "invalid pattern"),
        (r"(a)\1", "invalid pattern"),
        ("(?=a)a", "invalid pattern"),
        (r"\p{IsLatin}", "invalid pattern"),
    ] {
        let r = validate_product_reference(format, "abc");
        assert_eq!(r.issues.len(), 1, "{format}");
        let i = &r.issues[0];
        assert_eq!((i.path.as_str(), i.code()), ("/format", "format"), "{format}");
        assert_eq!(i.params()["format"], "regex");
        assert!(i.params()["reason"].as_str().unwrap().contains(why), "{format}: {}", i.params());
        assert!(i.message().starts_with("format is not a usable regular expression: "), "{}", i.message());
    }
}

#[test]
fn over_long_and_too_big_formats_are_refused_not_compiled() {
    let long = "a".repeat(1025);
    let r = validate_product_reference(&long, "a");
    assert_eq!(r.issues[0].params()["reason"], "the pattern is 1025 characters long; at most 1024 are accepted");
    assert_eq!(check(&"a".repeat(1024), &"a".repeat(1024)), []);
    let r = validate_product_reference(r"(?:\p{L}{1,100}){1,100}x", "x");
    assert!(
        r.issues[0].params()["reason"].as_str().unwrap().contains("compiles to more than"),
        "{}",
        r.issues[0].params()
    );
}

#[test]
fn each_format_is_compiled_once() {
    let format = "[A-Z]{2}[0-9]{6,9}";
    assert_eq!(check(format, "AB123456"), []);
    let first = user_regex(format).unwrap();
    assert_eq!(check(format, "AB12"), [("/reference".to_owned(), "pattern")]);
    assert!(Arc::ptr_eq(&first, &user_regex(format).unwrap()));
    // Errors are cached as well, and stay the same.
    assert_eq!(validate_product_reference("[", "x"), validate_product_reference("[", "x"));
}
