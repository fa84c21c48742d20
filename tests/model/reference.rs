//! Product-defined formats (decisions R10) with the docs' examples (api-facts §2).

use elevate_billing::validate_product_reference;
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
fn invalid_formats_are_a_format_issue_in_javas_words() {
    // Java 17's PatternSyntaxException description and index (checked with java.util.regex).
    for (format, reason) in [
        ("[0-9", "Unclosed character class near index 3"),
        ("(a", "Unclosed group near index 2"),
        ("a**", "Dangling meta character '*' near index 2"),
        (r"\p{Letter}", "Unknown character property name {Letter} near index 9"),
        ("(?<a_b>x)", "named capturing group is missing trailing '>' near index 4"),
        ("[&&]", "Bad class syntax near index 2"),
    ] {
        let r = validate_product_reference(format, "abc");
        assert_eq!(r.issues.len(), 1, "{format}");
        let i = &r.issues[0];
        assert_eq!((i.path.as_str(), i.code()), ("/format", "format"), "{format}");
        assert_eq!(i.params(), json!({"format": "regex", "reason": reason}), "{format}");
        assert_eq!(i.message(), format!("format is not a usable regular expression: {reason}."));
    }
}

#[test]
fn every_construct_java_accepts_has_javas_meaning() {
    // issue 15: formats Java compiles, which the earlier translator refused.
    matches(r"\p{IsLatin}+", &["abcé"], &["αβ", "a1"]);
    matches(r"\p{InGreek}", &["α"], &["a"]);
    matches(r"\p{IsAlphabetic}\p{javaDigit}", &["a٣"], &["aa"]);
    matches(r"\p{sc=Latn}\p{blk=Basic Latin}", &["éa"], &["éé"]);
    matches("(?u)(?i)é", &["É"], &["e"]);
    matches(r"(?U)\w+", &["é٣"], &["-"]);
    matches("a++b", &["aab"], &["ab c"]);
    matches("(?>a|ab)c", &["ac"], &["abc"]);
    matches("(?=[a-z]{3})[a-c]+x", &["abcx", "abx"], &["ax"]);
    matches("(?<=a)b|ab", &["ab"], &["b"]);
    matches(r"(a+)-\1", &["aa-aa"], &["aa-a"]);
    matches(r"(?<n>[0-9])\k<n>", &["77"], &["78"]);
    matches(r"\Ga", &["a"], &["b"]);
    matches(r"\X", &["e\u{301}"], &["ab"]);
    matches(r"\N{CJK UNIFIED IDEOGRAPHS 4E2D}", &["\u{4E2D}"], &["b"]);
    matches("a{0,65536}", &["", "aaa"], &["b"]);
    matches("(?i)(?<n>a)", &["A"], &["b"]);
    matches(r"[\w-.]+", &["a-.", "_"], &["+"]);
    matches("(?x)( ?i)a", &["A", "a"], &["b"]);
}

#[test]
fn javas_meaning_where_other_dialects_differ() {
    // issue 15: we used to match these, Java does not…
    matches("[[:alpha:]]+", &[":", "a:"], &["c"]);
    matches(r"a\Z", &["a"], &["a\n"]);
    matches("(?m)^$", &[], &[""]);
    matches("(?x)a\u{a0}b", &["a\u{a0}b"], &["ab"]);
    matches(r"(?i)[^\p{Lu}]", &["1"], &["a", "A"]);
    // …and Java matches these, which we did not.
    matches("[a&&]", &["a"], &["b"]);
    matches("(?d).", &["\r"], &["\n"]);
    matches(r"(?i)\p{Lu}", &["a", "A"], &["1"]);
    matches("[--0]", &["/", "-", "0"], &["1"]);
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

#[test]
fn strings_are_utf16_and_a_lone_surrogate_is_itself() {
    let check16 = |format: &[u16], reference: &[u16]| validate_product_reference(format, reference);
    // issue 15: `\uFFFD` matched a lone surrogate when strings went through UTF-8.
    assert_eq!(check16(&utf16(r"\uFFFD"), &[0xD800]).issues[0].code(), "pattern");
    assert!(check16(&utf16(r"\uFFFD"), &utf16("\u{FFFD}")).is_valid());
    assert!(check16(&utf16(r"\p{Cs}"), &[0xDC00]).is_valid());
    assert!(check16(&utf16("."), &utf16("😀")).is_valid());
    assert_eq!(check16(&utf16(".."), &utf16("😀")).issues.len(), 1);
    // A lone surrogate in the format is that code point.
    assert!(check16(&[0xD800, 0x2B], &[0xD800, 0xD800]).is_valid());
    // Class-shaped formats name the first bad character and its UTF-16 index.
    let r = check16(&utf16("[a-z]+"), &[0x61, 0xD800, 0x62]);
    assert_eq!(r.issues[0].params()["index"], 1);
}

#[test]
fn a_match_that_runs_out_of_steps_is_its_own_issue() {
    // decisions R14: not "does not match": the server's verdict is unknown.
    let format = r"(a|aa)+\1?b";
    let r = validate_product_reference(format, &"a".repeat(40));
    assert_eq!(r.issues.len(), 1);
    let i = &r.issues[0];
    assert_eq!((i.path.as_str(), i.code()), ("/reference", "pattern"));
    assert_eq!(i.params(), json!({"pattern": "PRODUCT_FORMAT", "format": format, "reason": "budget"}));
    assert!(
        i.message().starts_with(&format!("reference could not be checked against the product's format {format}")),
        "{}",
        i.message()
    );
    // The same format decides shorter references.
    assert_eq!(check(format, "aab"), []);
    assert_eq!(check(format, "aaa"), [("/reference".to_owned(), "pattern")]);
}

#[test]
fn documented_gaps_refuse_rather_than_guess() {
    // java-regex has no character names table (its README: it would double the size), so
    // `\N{name}` with a real name is refused where Java compiles it: a false `format` issue,
    // never a wrong match (sound before complete).
    let r = validate_product_reference(r"\N{LATIN SMALL LETTER A}", "a");
    assert_eq!(r.issues[0].params()["reason"], "Unknown character name [LATIN SMALL LETTER A] near index 23");
}

#[test]
fn over_long_formats_are_refused_not_compiled() {
    let long = "a".repeat(1025);
    let r = validate_product_reference(&long, "a");
    assert_eq!(r.issues[0].params()["reason"], "the pattern is 1025 characters long; at most 1024 are accepted");
    assert_eq!(check(&"a".repeat(1024), &"a".repeat(1024)), []);
    // Large repetition counts are Java's business, not a limit of ours: bounded by the budget.
    assert_eq!(check(r"(?:\p{L}{1,100}){1,100}x", "abcx"), []);
}

#[test]
fn each_format_is_compiled_once() {
    let format = "[A-Z]{2}[0-9]{6,9}";
    assert_eq!(check(format, "AB123456"), []);
    assert_eq!(check(format, "AB12"), [("/reference".to_owned(), "pattern")]);
    // That the compiled format is the same object is a unit test of the cache (src/regex/user.rs).
    // Errors are cached as well, and stay the same.
    assert_eq!(validate_product_reference("[", "x"), validate_product_reference("[", "x"));
}

/// `&str`, `&String` and UTF-16 may be mixed (`ReferenceText`); the verdict is the same.
#[test]
fn text_forms_may_be_mixed() {
    let (format, reference) = ("[A-Z]{2}[0-9]{6,9}", "AB12");
    let expected = validate_product_reference(format, reference);
    assert_eq!(expected.issues.len(), 1);
    let (f16, r16) = (utf16(format), utf16(reference));
    assert_eq!(validate_product_reference(f16.as_slice(), r16.as_slice()), expected);
    assert_eq!(validate_product_reference(format, r16.as_slice()), expected);
    assert_eq!(validate_product_reference(f16.as_slice(), &reference.to_owned()), expected);
}
