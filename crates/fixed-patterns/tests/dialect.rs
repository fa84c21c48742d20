//! Tests of the Java dialect and the matchers.

use super::*;

fn m(src: &str, value: &str) -> bool {
    compile(src, Limits::USER).unwrap_or_else(|e| panic!("{src}: {e}")).is_match(value)
}

#[test]
fn matches_the_whole_value() {
    assert!(m("[0-9]{3,11}", "123"));
    assert!(!m("[0-9]{3,11}", "x123"));
    assert!(!m("abc", "abcd"));
    assert!(m("a|b", "b"));
    assert!(!m("a|b", "ab"));
}

#[test]
fn anchors_count_only_at_their_own_end() {
    // Class-shaped patterns take a fast path; misplaced anchors must leave it.
    assert!(m("^[a-z]+$", "abc"));
    assert!(m("^^[a-z]+$$", "abc"));
    assert!(m("^$|[a-z]{2}", ""));
    assert!(!m("[a-z]+^", "abc"));
    assert!(!m("$[a-z]+", "abc"));
    assert!(!m("[a-z]^[a-z]", "ab"));
    assert!(m("$^", ""));
}

#[test]
fn java_shorthand_classes_are_ascii() {
    assert!(m(r"\w+", "abc_09"));
    assert!(!m(r"\w+", "é"));
    assert!(!m(r"\d", "٣")); // Arabic-Indic digit three
    assert!(m(r"\s", "\u{0B}"));
    assert!(!m(r"\s", "\u{A0}"));
    assert!(m(r"\p{Alpha}+", "abcXYZ"));
    assert!(!m(r"\p{Alpha}", "é"));
    assert!(m(r"\p{L}+", "Zoë"));
    assert!(m(r"\p{IsL}+", "Zoë"));
}

#[test]
fn dot_excludes_java_line_terminators_unless_dotall() {
    assert!(!m(".", "\u{2028}"));
    assert!(!m(".", "\r"));
    assert!(m("(?s).", "\r"));
    assert!(m("(?s:.)", "\n"));
    assert!(!m("(?s:a)(.)", "a\n"));
}

#[test]
fn escaped_punctuation_is_literal() {
    assert!(m(r"\<\>", "<>"));
    assert!(m(r"\£", "£"));
    assert!(m(r"[\-]", "-"));
    assert!(m(r"\Qa.b\E", "a.b"));
    assert!(!m(r"\Qa.b\E", "axb"));
}

#[test]
fn comma_dash_underscore_is_a_range() {
    // decisions R2: ,-_ spans U+002C..U+005F.
    assert!(m(r"[,-_]", "<"));
    assert!(m(r"[,-_]", "/"));
    assert!(!m(r"[,-_]", "+"));
    assert!(!m(r"[,-_]", "!"));
}

#[test]
fn set_operators_of_regex_syntax_stay_literal_in_java() {
    assert!(m(r"[+--]", ","));
    assert!(m(r"[~]", "~"));
    assert!(m(r"[a-z&&[^b]]+", "ac"));
    assert!(!m(r"[a-z&&[^b]]+", "ab"));
}

#[test]
fn unsupported_constructs_are_clear_errors() {
    for src in [r"(a)\1", "(?=a)a", "(?<!a)b", "a*+", "(?>a)", r"\p{IsLatin}", r"\k<x>", r"\y", "(a", "[a"] {
        let err = compile(src, Limits::USER).expect_err(src);
        assert!(matches!(err, PatternError::Syntax { .. }), "{src}: {err:?}");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn limits_bound_source_and_compiled_size() {
    let long = "a".repeat(1025);
    assert_eq!(compile(&long, Limits::USER).unwrap_err(), PatternError::TooLong { limit: 1024, actual: 1025 });
    let huge = r"(?:\p{L}{1,100}){1,100}x";
    assert!(matches!(compile(huge, Limits::USER).unwrap_err(), PatternError::TooBig { .. }));
}

#[test]
fn class_shaped_patterns_report_the_first_bad_character() {
    let c = compile(r"^$|[a-z]{2,3}", Limits::USER).unwrap();
    assert!(c.is_class_shaped());
    assert_eq!(c.check(""), Ok(()));
    assert_eq!(c.check("ab"), Ok(()));
    assert_eq!(c.check("a"), Err(Mismatch::Count));
    assert_eq!(c.check("abcd"), Err(Mismatch::Count));
    assert_eq!(c.check("😀aB"), Err(Mismatch::Char { ch: '😀', index: 0 }));
    assert_eq!(c.check("a😀B"), Err(Mismatch::Char { ch: '😀', index: 1 }));
    assert_eq!(c.check("aaB"), Err(Mismatch::Char { ch: 'B', index: 2 }));
}

#[test]
fn case_insensitivity_is_ascii_only_and_scoped_like_java() {
    assert!(m("(?i)abc", "AbC"));
    assert!(m("(?i)[a-c]+", "ABCabc"));
    assert!(m("(?i)[^a]", "b"));
    assert!(!m("(?i)[^a]", "A"));
    assert!(m(r"(?i)\x41", "a"));
    assert!(m(r"(?i)\Qab\E", "AB"));
    assert!(m(r"(?i)[\p{Lu}x]", "X"));
    // Every class is case-closed on its own, nested and negated ones too.
    for (s, ok) in [("a", true), ("A", true), ("c", true), ("b", false), ("B", false)] {
        assert_eq!(m("(?i)[a[^b]]", s), ok, "(?i)[a[^b]] on {s}");
    }
    for (s, ok) in [("b", true), ("B", true), ("e", false), ("E", false), ("1", false)] {
        assert_eq!(m("(?i)[a-z&&[^aeiou]]", s), ok, "(?i)[a-z&&[^aeiou]] on {s}");
    }
    // Java's (?i) without UNICODE_CASE leaves non-ASCII letters alone.
    assert!(!m("(?i)é", "É"));
    // Scoped: the flag ends with its group.
    assert!(m("(?i:a)b", "Ab"));
    assert!(!m("(?i:a)b", "AB"));
    assert!(m("a(?i)b", "aB"));
    assert!(!m("a(?i)b", "AB"));
    assert!(m("(?i)a(?-i)b", "Ab"));
    assert!(!m("(?i)a(?-i)b", "AB"));
    let err = compile("(?iu)a", Limits::USER).unwrap_err();
    assert!(err.to_string().contains("UNICODE_CASE"), "{err}");
}

#[test]
fn surrogate_pairs_and_hex_escapes() {
    assert!(m(r"\uD83D\uDE00", "😀"));
    assert!(m(r"\x{1F600}", "😀"));
    assert!(m(r"\x41", "A"));
    assert!(m(r"\0101", "A"));
    assert!(m(r"\cJ", "\n"));
}
