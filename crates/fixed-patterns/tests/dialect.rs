//! The translator keeps Java's meanings, and the compiled forms (class table or DFA) match
//! what the pattern means.

use fixed_patterns::{compile, Shape};

fn m(src: &str, value: &str) -> bool {
    compile(src).unwrap_or_else(|e| panic!("{src}: {e}")).is_match(value)
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
        let err = compile(src).expect_err(src);
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn class_shaped_patterns_become_class_tables() {
    let c = compile(r"^$|[a-z]{2,3}").unwrap();
    let Shape::Class(info) = &c.shape else { panic!("{c:?}") };
    assert_eq!((info.min, info.max, info.allow_empty), (2, Some(3), true));
    assert_eq!(info.ranges, vec![(0x61, 0x7A)]);
    assert!(c.is_match("") && c.is_match("ab") && !c.is_match("a") && !c.is_match("abcd") && !c.is_match("aB"));
    assert!(matches!(compile("[a-z]+^").unwrap().shape, Shape::Dfa(_)));
    assert!(matches!(compile("(?s).*[^\\x00-\\x20].*").unwrap().shape, Shape::Dfa(_)));
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
    let err = compile("(?iu)a").unwrap_err();
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
