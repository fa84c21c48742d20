//! Every example of issue 15, with Java 17's verdict (checked with `java Oracle.java`), plus
//! the documented gaps, the budget and the limits. Runs without a JVM.

use java_regex::{BudgetExceeded, Regex, DEFAULT_BUDGET};

fn m(p: &str, s: &str) -> bool {
    Regex::new(p).unwrap_or_else(|e| panic!("{p}: {e}")).matches(s, DEFAULT_BUDGET).expect("within budget")
}

fn refused(p: &str) -> String {
    Regex::new(p).expect_err(p).to_string()
}

#[test]
fn issue_examples_we_used_to_match_java_does_not() {
    assert!(!m("[[:alpha:]]+", "c"));
    assert!(m("[[:alpha:]]+", ":"));
    assert!(!m(r"a\Z", "a\n"));
    assert!(m(r"a\Z", "a"));
    assert!(!m("a$", "a\n"));
    assert!(!m("(?m)^$", ""));
    assert!(!m("(?x)a\u{a0}b", "ab"));
    assert!(m("(?x)a\u{a0}b", "a\u{a0}b"));
    assert!(!m(r"(?i)[^\p{Lu}]", "a"));
    assert!(m(r"(?i)[^\p{Lu}]", "1"));
    // A lone surrogate is itself, never U+FFFD.
    let re = Regex::new(r"\uFFFD").unwrap();
    assert_eq!(re.matches_utf16(&[0xD800], DEFAULT_BUDGET), Ok(false));
    assert_eq!(Regex::new(r"\p{Cs}").unwrap().matches_utf16(&[0xD800], DEFAULT_BUDGET), Ok(true));
    assert_eq!(Regex::new(".").unwrap().matches_utf16(&[0xD83D, 0xDE00], DEFAULT_BUDGET), Ok(true));
}

#[test]
fn issue_examples_java_matches() {
    assert!(m("[a&&]", "a"));
    assert!(m("(?d).", "\r"));
    assert!(!m("(?d).", "\n"));
    assert!(m(r"(?i)\p{Lu}", "a"));
    assert!(m("[--0]", "/"));
    assert!(m(r"[\w-.]", "-"));
    assert!(m(r"[\w-.]", "."));
}

#[test]
fn issue_examples_java_refuses() {
    assert_eq!(refused(r"\p{Letter}"), "Unknown character property name {Letter} near index 9");
    assert_eq!(refused("(?<a_b>x)"), "named capturing group is missing trailing '>' near index 4");
    assert_eq!(refused("a**"), "Dangling meta character '*' near index 2");
    assert_eq!(refused("*"), "Dangling meta character '*' near index 0");
    assert_eq!(refused("[&&]"), "Bad class syntax near index 2");
    assert_eq!(refused("\\"), "Unexpected internal error near index 1");
}

#[test]
fn issue_examples_java_compiles() {
    for (p, s) in [
        (r"\p{IsLatin}", "a"),
        (r"\p{InGreek}", "\u{3B1}"),
        (r"\p{IsAlphabetic}", "a"),
        (r"\p{javaDigit}", "\u{663}"),
        (r"\p{sc=Latn}", "a"),
        (r"\p{blk=Greek}", "\u{3B1}"),
        ("(?u)a", "a"),
        (r"(?U)\w", "\u{E9}"),
        ("a++", "aa"),
        ("(?>a|ab)c", "ac"),
        ("(?=a)a", "a"),
        ("(?<=a)b|ab", "ab"),
        (r"(a)\1", "aa"),
        (r"(?<n>a)\k<n>", "aa"),
        (r"\Ga", "a"),
        (r"\X", "e\u{301}"),
        (r"a\b{g}", "a"),
        ("a{0,65536}", "aaa"),
        ("(?i)(?<n>a)", "A"),
        ("(?x)( ?i)a", "A"),
        (r"\N{CJK UNIFIED IDEOGRAPHS 4E2D}", "\u{4E2D}"),
    ] {
        assert!(m(p, s), "{p} on {s:?}");
    }
    assert!(!m("(?>a|ab)c", "abc"));
}

#[test]
fn java_quirks() {
    // `\R` inside a repetition is matched once, atomically (Java's Curly).
    assert!(!m(r"\R+\n", "\r\n"));
    assert!(m(r"\R\n", "\r\n"));
    // `(?iu)` compares toLowerCase(toUpperCase(c)): ſ is s, the Kelvin sign is k.
    assert!(m("(?iu)\u{17F}", "S"));
    assert!(m("(?iu)k", "\u{212A}"));
    assert!(!m("(?i)k", "\u{212A}"));
    // `a{2}{3}` repeats an empty atom three times after `a{2}`.
    assert!(m("a{2}{3}", "aa"));
    // `[[a]b&&]`: Java's `and(null)` throws when reached; we answer false.
    assert!(!m("[[a]b&&]", "a"));
    assert!(!m("[[a]b&&]", "c"));
}

#[test]
fn unicode_version_is_16() {
    // Java 17 (Unicode 13) refuses \p{IsKawi}; Java 25 and we (Unicode 16, R15) accept it.
    assert!(m(r"\p{IsKawi}", "\u{11F04}"));
    assert!(m(r"\p{L}", "\u{9FFF}"));
    assert_eq!(java_regex::UNICODE_VERSION, "16.0.0");
}

#[test]
fn documented_gaps() {
    // \N{name} with a real character name: we have no names table (size), Java accepts it.
    assert_eq!(refused(r"\N{LATIN SMALL LETTER A}"), "Unknown character name [LATIN SMALL LETTER A] near index 23");
    // (?c) CANON_EQ: classes only match single-code-point clusters (no NFC data);
    // Java also matches e + U+0301 against [é].
    assert!(!m("(?c)[\u{E9}]", "e\u{301}"));
    assert!(m("(?c)[\u{E9}]", "\u{E9}"));
}

#[test]
fn budget_is_distinct_from_no_match() {
    let re = Regex::new("(?:a*){20000}").unwrap();
    let input = "a".repeat(64 * 1024) + "b";
    let started = std::time::Instant::now();
    assert_eq!(re.matches(&input, DEFAULT_BUDGET), Err(BudgetExceeded));
    assert!(started.elapsed().as_secs() < 5);
    let re = Regex::new("(a|aa)*c").unwrap();
    assert_eq!(re.matches(&"a".repeat(30), 1_000_000), Ok(false));
    assert_eq!(Regex::new("a*").unwrap().matches("aaa", 0), Err(BudgetExceeded));
}

#[test]
fn limits() {
    let deep = "(".repeat(200) + &")".repeat(200);
    assert!(refused(&deep).starts_with("Stack overflow during pattern compilation"));
    let big = "a".repeat(200_000);
    assert!(refused(&big).starts_with("Pattern too large"));
    // Long inputs run on the heap stack, not the Rust stack.
    let re = Regex::new("(a|b)*").unwrap();
    assert_eq!(re.matches(&"ab".repeat(20_000), 10_000_000), Ok(true));
}

#[test]
fn send_sync_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Regex>();
}

/// A panic-freedom loop over random bytes-as-patterns and inputs (cheap fuzzing).
#[test]
fn no_panics_on_random_input() {
    let pieces = [
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "\\",
        "*",
        "+",
        "?",
        "|",
        "&",
        "&&",
        "^",
        "$",
        "-",
        "a",
        "\u{17F}",
        "\\p{",
        "\\Q",
        "\\E",
        "(?",
        "<",
        ">",
        "=",
        "!",
        "\\k<",
        "\\1",
        "\\x{",
        "\\u",
        "\\N{",
        "#",
        "\n",
        " ",
        "(?x)",
        "(?i)",
        ",",
        "0",
        "9",
        "\\b{",
        "g",
        "\\c",
        "\u{1F600}",
        "\\uD800",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut rnd = |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    for _ in 0..20_000 {
        let p: String = (0..rnd(12)).map(|_| pieces[rnd(pieces.len())]).collect();
        if let Ok(re) = Regex::new(&p) {
            let s: Vec<u16> = (0..rnd(8)).map(|_| [0x61u16, 0x0A, 0x0D, 0xD800, 0xDC00, 0x17F, 0x20][rnd(7)]).collect();
            let _ = re.matches_utf16(&s, 100_000);
            let _ = re.to_ecmascript();
        }
    }
}

#[test]
fn ecmascript_translation() {
    let es = |p: &str| Regex::new(p).unwrap().to_ecmascript();
    assert_eq!(es("[0-9]{3}").as_deref(), Some(r"^(?:(?:[\u{30}-\u{39}]){3})$"));
    assert_eq!(es("ab|c").as_deref(), Some("^(?:(?:ab|c))$"));
    // Classes become explicit ranges of our own Unicode 16 tables.
    assert_eq!(es("(?i)ab").as_deref(), Some(r"^(?:[\u{41}\u{61}][\u{42}\u{62}])$"));
    assert!(es(r"\p{L}+").is_some_and(|s| s.contains(r"\u{41}-\u{5A}") && s.ends_with("+)$")));
    // `$` at the end of a whole-string match is the end; `.` excludes Java's terminators.
    assert_eq!(es("a$").as_deref(), Some("^(?:a)$"));
    assert!(es(".").is_some_and(|s| !s.contains(r"\u{85}-") && s.contains(r"\u{86}")));
    for p in [r"(a)\1", "a++", "(?>a)", "(?<=a)b", r"\Ga", r"\bfoo", "(?m)^a", r"\R", r"\X", "[[a]b&&]"] {
        assert_eq!(es(p), None, "{p}");
    }
}

#[test]
fn patterns_from_utf16_keep_lone_surrogates() {
    let re = Regex::new_utf16(&[0xD800, 0x2B]).unwrap();
    assert_eq!(re.matches_utf16(&[0xD800, 0xD800], DEFAULT_BUDGET), Ok(true));
    assert_eq!(re.matches("\u{FFFD}", DEFAULT_BUDGET), Ok(false));
    assert_eq!(re.as_str(), "\u{FFFD}+");
    // A pair is one code point, as in Java.
    let pair = Regex::new_utf16(&[0xD83D, 0xDE00, 0x7B, 0x32, 0x7D]).unwrap();
    assert_eq!(pair.matches("😀😀", DEFAULT_BUDGET), Ok(true));
    // An escaped lone surrogate is that code point (Java: not a letter, so a literal).
    let escaped = Regex::new_utf16(&[0x5C, 0xD800]).unwrap();
    assert_eq!(escaped.matches_utf16(&[0xD800], DEFAULT_BUDGET), Ok(true));
}

#[test]
fn memory_usage_grows_with_the_program() {
    let small = Regex::new("[a-z]").unwrap().memory_usage();
    let large = Regex::new(&"(?:ab|[c-f]x|\\p{L}y)".repeat(200)).unwrap().memory_usage();
    assert!(small > 0 && large > 50 * small, "{small} {large}");
    let re = Regex::new("[a-z]+x").unwrap();
    let before = re.memory_usage();
    assert!(re.to_ecmascript().is_some());
    assert!(re.memory_usage() > before);
}
