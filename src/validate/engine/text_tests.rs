//! The JSON text reader against the serde seed: generated JSON text for every schema (valid
//! and defective values, escapes, numbers of every form, whitespace, unknown and repeated
//! keys, and broken syntax), each read both ways under every option; the issues must be
//! identical, and the reader must answer most lines itself.

use super::*;
use crate::validate::{validate_from, Issue, Options};

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const STRINGS: &[&str] = &[
    "Head Office 1",
    "HO-1",
    "2024-02-29",
    "2023-02-29",
    "2024-01-01T10:00:00Z",
    "2024-01-01T10:00:00+25:00",
    "GB",
    "UK",
    "gb",
    "SW1A 1AA",
    "P1#",
    "jane.oneil@example.co.uk",
    "not an e-mail",
    "020 7946 0000",
    "+44 20 7946 0000",
    "ACCOUNTS",
    "EMAIL",
    "BUSINESS",
    "",
    " ",
    "Łódź",
    "a😀b",
    "a/b~c",
    "/a/b~1c",
    "(?i)ab+",
    "[unclosed",
    "<x>",
    "tab\there",
    "quote\"d",
    "back\\slash",
    "\u{7f}",
    "é",
    "line\nbreak",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
];

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "12",
    "240",
    "241",
    "-1",
    "-0",
    "0.0",
    "1.5",
    "1e3",
    "1E+2",
    "2e-1",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9007199254740991",
    "9007199254740993",
    "1234567890123456789",
    "12345678901234567890",
    "123456789012345678901234",
    "100000000000000000000.5",
    "0.1",
    "100000",
    "1e400",
    "01",
    "1.",
    "-",
];

fn json_string(s: &str, rng: &mut Rng, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            '/' if rng.chance(30) => out.push_str("\\/"),
            c if rng.chance(3) => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{:04X}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn ws(rng: &mut Rng, out: &mut String) {
    if rng.chance(4) {
        out.push_str(rng.pick::<&str>(&[" ", "\t", "  ", "\r", " \t "]));
    }
}

fn any_json(rng: &mut Rng, depth: usize, out: &mut String) {
    match rng.below(if depth > 2 { 4 } else { 6 }) {
        0 => out.push_str(rng.pick::<&str>(&["true", "false", "null"])),
        1 => out.push_str(rng.pick::<&str>(NUMBERS)),
        2 | 3 => {
            let s = *rng.pick(STRINGS);
            json_string(s, rng, out)
        }
        4 => {
            out.push('[');
            for i in 0..rng.below(3) {
                if i > 0 {
                    out.push(',');
                }
                any_json(rng, depth + 1, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..rng.below(3) {
                if i > 0 {
                    out.push(',');
                }
                let k = *rng.pick(&["a", "b", "siteName"]);
                json_string(k, rng, out);
                out.push(':');
                any_json(rng, depth + 1, out);
            }
            out.push('}');
        }
    }
}

fn value(kind: &Kind, rng: &mut Rng, depth: usize, out: &mut String) {
    ws(rng, out);
    if rng.chance(6) || depth > 6 {
        any_json(rng, depth, out);
    } else {
        match kind {
            Kind::String(t) => {
                let s = match t.choices {
                    Some(c) if rng.chance(70) => *rng.pick(c.values),
                    _ => *rng.pick(STRINGS),
                };
                json_string(s, rng, out);
            }
            Kind::Integer(_) | Kind::Number(_) => {
                let n = if rng.chance(60) { *rng.pick(&NUMBERS[..4]) } else { *rng.pick(NUMBERS) };
                out.push_str(n);
            }
            Kind::Boolean => out.push_str(if rng.chance(50) { "true" } else { "false" }),
            Kind::Object(s) => object(s, rng, depth, out),
            Kind::Array(a) => {
                out.push('[');
                for i in 0..rng.below(4) {
                    if i > 0 {
                        out.push(',');
                        ws(rng, out);
                    }
                    value(&a.items, rng, depth + 1, out);
                }
                out.push(']');
            }
            Kind::Any => any_json(rng, depth, out),
        }
    }
    ws(rng, out);
}

fn object(s: &Schema, rng: &mut Rng, depth: usize, out: &mut String) {
    out.push('{');
    let mut first = true;
    let mut member = |name: &str, rng: &mut Rng, out: &mut String, v: &mut dyn FnMut(&mut Rng, &mut String)| {
        if !std::mem::take(&mut first) {
            out.push(',');
        }
        ws(rng, out);
        json_string(name, rng, out);
        ws(rng, out);
        out.push(':');
        v(rng, out);
    };
    let mut order: Vec<usize> = (0..s.fields.len()).collect();
    if rng.chance(10) {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
    }
    for fi in order {
        let f = &s.fields[fi];
        if rng.chance(if f.required { 90 } else { 45 }) {
            let repeat = if rng.chance(3) { 2 } else { 1 };
            for _ in 0..repeat {
                member(f.name, rng, out, &mut |rng, out| {
                    if rng.chance(5) {
                        out.push_str("null");
                    } else {
                        value(&f.kind, rng, depth + 1, out);
                    }
                });
            }
        }
        if rng.chance(3) {
            let name = *rng.pick(&["unknown", "site Name", "a/b~c", "é"]);
            member(name, rng, out, &mut |rng, out| any_json(rng, depth + 1, out));
        }
    }
    ws(rng, out);
    out.push('}');
}

/// Breaks the text now and then: cut, a stray byte, a dropped byte.
fn mangle(text: &mut String, rng: &mut Rng) {
    if !rng.chance(8) || text.is_empty() {
        return;
    }
    let mut at = rng.below(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    match rng.below(3) {
        0 => text.truncate(at),
        1 => text.insert(at, *rng.pick(&[',', '}', ']', '"', '\\', 'x', '\u{1}', ':'])),
        _ => {
            text.remove(at);
        }
    }
}

fn via_serde(kind: &Kind, opts: Options, text: &str) -> Result<Vec<Issue>, String> {
    validate_from(kind, opts, |w, k| {
        let mut de = serde_json::Deserializer::from_str(text);
        w.check(k, &mut de)?;
        de.end()
    })
    .map(|r| r.issues)
    .map_err(|e| e.to_string())
}

#[test]
fn the_text_reader_gives_the_seeds_issues() {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut walker = Walker::new(Options::default());
    let mut scratch = Scratch::default();
    let (mut lines, mut answered) = (0, 0);
    for entry in crate::model::SCHEMAS {
        for _ in 0..600 {
            let mut text = String::new();
            value(&entry.root, &mut rng, 0, &mut text);
            mangle(&mut text, &mut rng);
            for (abort_early, report_unknown_fields) in [(false, false), (true, false), (false, true), (true, true)] {
                let opts = Options { abort_early, report_unknown_fields, ..Options::default() };
                let expected = via_serde(&entry.root, opts, &text);
                lines += 1;
                walker.reset(opts, false);
                if walker.check_text(&entry.root, &text, &mut scratch).is_ok() {
                    answered += 1;
                    let got = walker.take_issues();
                    assert_eq!(Ok(&got), expected.as_ref(), "{} {opts:?}: {text}", entry.name);
                    if abort_early {
                        walker.reset(opts, true);
                        assert!(walker.check_text(&entry.root, &text, &mut scratch).is_ok(), "{text}");
                        assert_eq!(walker.has_issues(), !got.is_empty(), "verdict only: {text}");
                    }
                }
            }
        }
    }
    // Most generated text is well-formed with single keys: the reader must take it.
    eprintln!("the reader answered {answered} of {lines} texts itself");
    assert!(answered * 10 > lines * 6, "the reader answered {answered} of {lines}");
}

#[test]
fn edge_cases_match_the_seed() {
    let site = crate::model::schema("Site").unwrap().root;
    let cases = [
        r#"{"customerId":1}"#,
        r#"{"customerId":-0}"#,
        r#"{"customerId":1.0}"#,
        r#"{"customerId":1e0,"siteName":"a\u00e9\ud83d\ude00"}"#,
        r#"{"siteName":"\ud800"}"#,
        r#"{"siteName":"\uDC00x"}"#,
        r#"{"siteName":"a\qb"}"#,
        r#"{"si\u0074eName":"<x>"}"#,
        r#"{"siteName":"<x>","siteName":"ok"}"#,
        r#"{"siteContacts":[{"contactNameToAppearOnInvoice":true},{"contactNameToAppearOnInvoice":true},{"contactNameToAppearOnInvoice":true}]}"#,
        r#"{"siteContacts":[{"contactNameToAppearOnInvoice":true,"contactNameToAppearOnInvoice":false}]}"#,
        "{\"siteName\":\"a\tb\"}",
        r#" { "customerId" : 1 , "siteName" : "x" } "#,
        r#"{"customerId":1}x"#,
        r#"{"customerId":1,}"#,
        r#"[1,2]"#,
        r#"null"#,
        r#""text""#,
        r#"{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
    ];
    let mut walker = Walker::new(Options::default());
    let mut scratch = Scratch::default();
    for text in cases {
        for abort_early in [false, true] {
            let opts = Options { abort_early, report_unknown_fields: true, ..Options::default() };
            let expected = via_serde(&site, opts, text);
            walker.reset(opts, false);
            if walker.check_text(&site, text, &mut scratch).is_ok() {
                assert_eq!(Ok(walker.take_issues()), expected, "{text}");
            } else {
                assert!(
                    expected.is_err()
                        || text.contains("siteName\":\"<x>\",\"siteName")
                        || text.contains("\\ud800")
                        || text.contains("OnInvoice\":true,\"contact"),
                    "bailed on {text}"
                );
            }
        }
    }
}
