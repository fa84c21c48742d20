//! The data generated at build time against java-regex, the Java-exact engine (itself held to
//! java.util.regex by its differential test): same classes, same verdicts, and ECMAScript
//! forms that read back to the same language.

use std::cell::RefCell;

use java_regex::{Regex, DEFAULT_BUDGET};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};

use super::*;
use crate::schema::PATTERNS;

fn java(p: Pattern) -> Regex {
    Regex::new(p.def().source).unwrap_or_else(|e| panic!("{}: {e}", p.def().name))
}

/// Hand-picked values around the patterns' edges.
fn samples() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "a",
        "abc",
        "Zoë O’Brien",
        "O'Brien",
        "+44 20 7946 0000",
        "020<7946>0000",
        "SW1A 1AA",
        "GB",
        "gb",
        "SALES-01QTR2",
        "jane@example.co.uk",
        "jane@example",
        "o'neil+bills@example.co.uk",
        "\"a b\"@[127.0.0.1]",
        "Head <office>",
        "a\u{0B}b",
        "a\u{A0}b",
        "\t",
        "\u{2028}",
        "٣",
        "é",
        "😀",
        "𝐀𝐁𝐂𝐃",
        "£5",
        "—–",
        "x\ny",
        "abc\n",
        "\u{7F}",
        "~",
        "%£@&#=':;`’,|!_—–()\\/-+.?*",
        "a@[1.2.3.4]",
        "a@[1.2.3.a:b]",
        "a@[1.2.3.a:\\\t]",
        "a@[1.2.3.a:\\]]",
        "a@[1.2.3.a:\\]",
        "a@[1.2.3.a: ]",
        "a@[1.2.3.a:\\ \\\\]",
        "\"a\\ b\"@x.io",
        "a@[256.1.1.1]",
        "a@[255.255.255.255]",
        "a@b.c",
        "a..b@c.d",
        "\u{0}",
        "\u{20}\u{20}",
        "\u{20}x\u{20}",
        "\u{0870}",
        "\u{9FFF}",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    v.push("a".repeat(100));
    v.push("a".repeat(101));
    v.push("a".repeat(4));
    v.push("a".repeat(3));
    v
}

/// Seeded strings made of pieces that matter to the patterns (e-mail syntax, IP literals,
/// class edges, line terminators, letters of other scripts).
fn generated(seed: u64, n: usize) -> Vec<String> {
    const PIECES: &[&str] = &[
        "a", "Z", "0", "9", ".", "-", "@", "\"", "\\", "[", "]", ":", "25", "255", "256", "1.2.3", "example", "co",
        "uk", " ", "\t", "\n", "\r", "é", "É", "\u{0}", "\u{7f}", "\u{85}", "\u{A0}", "\u{2028}", "+", "_", "~", "!",
        "(", ")", "<", ">", ",", "/", "£", "’", "—", "😀", "٣", "ſ", "\u{0B}", "\u{1F}", "#", "%", "&", "'", "*", "=",
        "?", "^", "`", "{", "|", "}", "$", ";",
    ];
    let mut x = seed | 1;
    let mut next = move |k: usize| {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) % k as u64) as usize
    };
    (0..n)
        .map(|_| {
            let len = next(14);
            let mut s: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            if next(3) == 0 {
                // E-mail-like: local@label.label or an address literal.
                s = match next(3) {
                    0 => format!("{s}@{}.{}", PIECES[next(PIECES.len())], PIECES[next(PIECES.len())]),
                    1 => format!("a{s}@[{}.{}.{}.{}]", next(300), next(300), next(300), s),
                    _ => format!("\"{s}\"@example.co"),
                };
            }
            s
        })
        .collect()
}

#[test]
fn table_order_matches_the_pattern_table() {
    for (d, f) in PATTERNS.iter().zip(FIXED.iter()) {
        assert_eq!(d.name, f.name);
    }
    assert_eq!(PATTERNS.len(), FIXED.len());
}

#[test]
fn class_tables_are_javas_classes() {
    for d in &PATTERNS {
        let f = fixed(d.pattern);
        match (f.class(), java(d.pattern).class_shape()) {
            (Some(c), Some(j)) => {
                assert_eq!(c.ranges(), j.ranges, "{}", d.name);
                assert_eq!((c.min, c.max, c.allow_empty), (j.min, j.max, j.allow_empty), "{}", d.name);
            }
            (None, None) => assert!(matches!(d.pattern, Pattern::Email | Pattern::NonBlank), "{}", d.name),
            (c, j) => panic!("{}: class table {c:?}, java-regex shape {j:?}", d.name),
        }
    }
}

/// The ECMAScript form read back by regex-syntax (whose syntax differs only in spelling
/// `\u{…}` as `\x{…}`; the fixed patterns print no lookaround).
struct ReadBack {
    vm: PikeVM,
    cache: RefCell<pikevm::Cache>,
}

impl ReadBack {
    fn new(ecma: &str) -> ReadBack {
        let vm = PikeVM::new(&ecma.replace(r"\u{", r"\x{")).unwrap_or_else(|e| panic!("{ecma}: {e}"));
        let cache = RefCell::new(vm.create_cache());
        ReadBack { vm, cache }
    }

    fn is_match(&self, s: &str) -> bool {
        self.vm.is_match(&mut self.cache.borrow_mut(), s)
    }
}

#[test]
fn verdicts_and_ecmascript_forms_are_javas() {
    let strings: Vec<String> = samples().into_iter().chain(generated(0x5eed_f1ed, 20_000)).collect();
    for d in &PATTERNS {
        let f = fixed(d.pattern);
        let re = java(d.pattern);
        let ecma = f.ecma();
        let back = ReadBack::new(&ecma);
        // The text crates/fixed-patterns prints from the HIR (for class patterns the run time
        // prints it from the table).
        assert_eq!(ecma, fixed_patterns::compile(d.source).unwrap().ecma, "{}", d.name);
        let mut matched = 0;
        for s in &strings {
            let expected = re.matches(s, DEFAULT_BUDGET).expect("within budget");
            matched += usize::from(expected);
            assert_eq!(f.check(s).is_ok(), expected, "{} on {s:?}", d.name);
            assert_eq!(back.is_match(s), expected, "{} (ECMAScript {ecma}) on {s:?}", d.name);
        }
        assert!(matched > 0 && matched < strings.len(), "{}: the strings should split ({matched})", d.name);
    }
}

#[test]
fn the_email_form_has_no_ambiguous_escape_alternation() {
    // decisions R4: the address literal is printed unambiguously (no exponential backtracking
    // in ajv or browsers).
    let email = fixed(Pattern::Email).ecma();
    assert!(email.contains(r"|\u{5C}[\u{9}\u{20}])+)\u{5D}"), "{email}");
}

#[test]
fn dfa_tables_are_small() {
    for d in &PATTERNS {
        if let FixedMatcher::Dfa(t) = &fixed(d.pattern).matcher {
            // A row of 256 bytes per state: at most 16 KB of `.wasm` per pattern.
            assert!(t.accept.len() <= 64 && t.rows.len() == t.accept.len(), "{}: {} states", d.name, t.accept.len());
        }
    }
}
