//! Writes `crates/java-regex/src/tables.rs`: the Unicode 16.0 data (decisions R15) that
//! java-regex needs to reproduce `java.lang.Character` and `java.util.regex` behaviour.
//!
//! Sources (pinned in Cargo.toml): regex-syntax 0.8.12 (Unicode 16.0: general categories,
//! scripts, binary properties), read through its public HIR by parsing `\p{..}`;
//! unicode-blocks 0.1.10 (Unicode 17.0, minus the blocks 17.0 added); icu_casemap 2.0
//! (Unicode 16.0 simple case mappings, what `Character.toUpperCase(int)` uses).
//!
//! Usage: `cargo run --manifest-path crates/java-regex/gen/Cargo.toml [OUT]`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use regex_syntax::hir::{Class, HirKind};

const MAX: u32 = 0x10FFFF;

/// Code points of a `\p{..}` class, as sorted inclusive ranges.
fn class(prop: &str) -> Vec<(u32, u32)> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(&format!(r"\p{{{prop}}}"))
        .unwrap_or_else(|e| panic!("{prop}: {e}"));
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect()
        }
        HirKind::Literal(lit) => {
            let c = std::str::from_utf8(&lit.0).expect("utf-8").chars().next().expect("a char") as u32;
            vec![(c, c)]
        }
        other => panic!("{prop}: not a class: {other:?}"),
    }
}

/// Java's `Character.getType` numbering (java.lang.Character constants).
const CATEGORIES: &[(&str, u8)] = &[
    ("Lu", 1), ("Ll", 2), ("Lt", 3), ("Lm", 4), ("Lo", 5), ("Mn", 6), ("Me", 7), ("Mc", 8),
    ("Nd", 9), ("Nl", 10), ("No", 11), ("Zs", 12), ("Zl", 13), ("Zp", 14), ("Cc", 15),
    ("Cf", 16), ("Co", 18), ("Pd", 20), ("Ps", 21), ("Pe", 22), ("Pc", 23), ("Po", 24),
    ("Sm", 25), ("Sc", 26), ("Sk", 27), ("So", 28), ("Pi", 29), ("Pf", 30),
];

/// Blocks that Unicode 17.0 added (unicode-blocks 0.1.10 carries 17.0; we follow 16.0).
const UNICODE_17_BLOCKS: &[&str] = &[
    "Sidetic", "Sharada Supplement", "Tolong Siki", "Beria Erfe",
    "Tangut Components Supplement", "Miscellaneous Symbols Supplement", "Tai Yo",
    "CJK Unified Ideographs Extension J",
];

/// Java's block identifiers that differ from the rule "upper-case the Unicode name, spaces
/// and hyphens to underscores", with the extra names `UnicodeBlock.forName` accepts for them
/// (java.lang.Character.UnicodeBlock: names kept from older Unicode versions).
const JAVA_BLOCK_RENAMES: &[(&str, &str, &[&str])] = &[
    ("Greek and Coptic", "GREEK", &[]),
    ("Cyrillic Supplement", "CYRILLIC_SUPPLEMENTARY", &["CYRILLIC SUPPLEMENTARY", "CYRILLICSUPPLEMENTARY"]),
    ("Combining Diacritical Marks for Symbols", "COMBINING_MARKS_FOR_SYMBOLS", &["COMBINING MARKS FOR SYMBOLS", "COMBININGMARKSFORSYMBOLS"]),
];

/// A per-code-point value as run starts: `start | value << shift`, runs cover 0..=MAX.
fn runs(values: &[u16], shift: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let mut prev = u16::MAX;
    for (cp, &v) in values.iter().enumerate() {
        if v != prev {
            out.push(cp as u32 | (u32::from(v) << shift));
            prev = v;
        }
    }
    out
}

fn boundaries(ranges: &[(u32, u32)]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for &(s, e) in ranges {
        if out.last() == Some(&s) {
            out.pop();
        } else {
            out.push(s);
        }
        out.push(e + 1);
    }
    out
}

fn write_u32s(out: &mut String, name: &str, doc: &str, v: &[u32]) {
    writeln!(out, "/// {doc}\npub(crate) static {name}: [u32; {}] = [", v.len()).unwrap();
    for chunk in v.chunks(8) {
        let line: Vec<String> = chunk.iter().map(|x| format!("0x{x:X}")).collect();
        writeln!(out, "    {},", line.join(", ")).unwrap();
    }
    writeln!(out, "];\n").unwrap();
}

/// Case mapping as runs `(start, len << 1 | (stride - 1), delta)`: code points start,
/// start+stride, … (len of them) map to themselves plus delta.
fn case_runs(map: &BTreeMap<u32, u32>) -> Vec<(u32, u32, i32)> {
    let mut out: Vec<(u32, u32, u32, i32)> = Vec::new(); // start, len, stride, delta
    for (&cp, &to) in map {
        let delta = to as i32 - cp as i32;
        if let Some(last) = out.last_mut() {
            let (start, len, stride, d) = *last;
            let end = start + (len - 1) * stride;
            if d == delta && len == 1 && (cp - end == 1 || cp - end == 2) {
                last.1 = 2;
                last.2 = cp - end;
                continue;
            }
            if d == delta && len > 1 && cp - end == stride {
                last.1 += 1;
                continue;
            }
        }
        out.push((cp, 1, 1, delta));
    }
    out.into_iter().map(|(s, l, st, d)| (s, l << 1 | (st - 1), d)).collect()
}

fn main() {
    let out_path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../src/tables.rs").to_string());
    let mut out = String::new();
    out.push_str(
        "// @generated by crates/java-regex/gen (do not edit): Unicode 16.0.0 data.\n\
         // Sources: regex-syntax 0.8.12, unicode-blocks 0.1.10 (17.0 blocks dropped), icu_casemap 2.0.0.\n\
         //! Unicode 16.0 tables (decisions R15), as sorted runs for binary search.\n\n",
    );

    // General categories (Java numbering; 0 = Cn, surrogates = 19).
    let mut gc = vec![0u16; MAX as usize + 1];
    for &(name, v) in CATEGORIES {
        for (s, e) in class(&format!("gc={name}")) {
            for cp in s..=e {
                gc[cp as usize] = u16::from(v);
            }
        }
    }
    for cp in 0xD800..=0xDFFF {
        gc[cp] = 19;
    }
    write_u32s(&mut out, "GENERAL_CATEGORY", "Runs `start | java_type << 24` (java.lang.Character.getType).", &runs(&gc, 24));

    // Scripts: regex-syntax names (long) and aliases.
    let mut scripts: Vec<(String, String)> = vec![("UNKNOWN".into(), "ZZZZ".into())];
    let mut sc = vec![0u16; MAX as usize + 1];
    for (long, short) in script_names() {
        if long == "Unknown" || long == "Katakana_Or_Hiragana" {
            continue;
        }
        let id = scripts.len() as u16;
        for (s, e) in class(&format!("sc={long}")) {
            for cp in s..=e {
                sc[cp as usize] = id;
            }
        }
        scripts.push((long.to_uppercase(), short.to_uppercase()));
    }
    write_u32s(&mut out, "SCRIPT", "Runs `start | script << 21` (index into SCRIPT_NAMES).", &runs(&sc, 21));
    writeln!(out, "/// Java's `Character.UnicodeScript` names and four-letter aliases, upper case.").unwrap();
    writeln!(out, "pub(crate) static SCRIPT_NAMES: [(&str, &str); {}] = [", scripts.len()).unwrap();
    for (l, s) in &scripts {
        writeln!(out, "    ({l:?}, {s:?}),").unwrap();
    }
    writeln!(out, "];\n").unwrap();

    // Blocks.
    let mut blocks: Vec<(u32, u32)> = Vec::new();
    let mut block_names: Vec<(String, u16)> = Vec::new();
    // The crate looks blocks up by char only: collect them, and add the surrogate blocks.
    let mut all: BTreeMap<u32, (u32, String)> = BTreeMap::new();
    for c in (0..=MAX).filter_map(char::from_u32) {
        if let Some(b) = unicode_blocks::find_unicode_block(c) {
            all.insert(b.start(), (b.end(), b.name().to_string()));
        }
    }
    for (s, e, n) in [(0xD800, 0xDB7F, "High Surrogates"), (0xDB80, 0xDBFF, "High Private Use Surrogates"), (0xDC00, 0xDFFF, "Low Surrogates")] {
        all.insert(s, (e, n.to_string()));
    }
    for (start, (end, name)) in &all {
        if UNICODE_17_BLOCKS.contains(&name.as_str()) {
            continue;
        }
        let id = blocks.len() as u16;
        blocks.push((*start, *end));
        let upper = name.to_uppercase();
        let mut names = vec![upper.clone(), upper.replace(' ', "")];
        match JAVA_BLOCK_RENAMES.iter().find(|r| r.0 == name) {
            Some((_, ident, extra)) => {
                names.push(ident.to_string());
                names.extend(extra.iter().map(|s| s.to_string()));
            }
            None => names.push(upper.replace([' ', '-'], "_")),
        }
        names.sort();
        names.dedup();
        block_names.extend(names.into_iter().map(|n| (n, id)));
    }
    // SURROGATES_AREA: an old block name Java still accepts; no code point is in it.
    block_names.push(("SURROGATES_AREA".into(), u16::MAX));
    block_names.sort();
    writeln!(out, "/// Unicode blocks `(first, last)`, sorted; the index is the block id.").unwrap();
    writeln!(out, "pub(crate) static BLOCKS: [(u32, u32); {}] = [", blocks.len()).unwrap();
    for (s, e) in &blocks {
        writeln!(out, "    (0x{s:X}, 0x{e:X}),").unwrap();
    }
    writeln!(out, "];\n").unwrap();
    writeln!(out, "/// Names `Character.UnicodeBlock.forName` accepts (upper case), sorted, with block ids\n/// (`u16::MAX`: a block no code point belongs to).").unwrap();
    writeln!(out, "pub(crate) static BLOCK_NAMES: [(&str, u16); {}] = [", block_names.len()).unwrap();
    for (n, id) in &block_names {
        writeln!(out, "    ({n:?}, {id}),").unwrap();
    }
    writeln!(out, "];\n").unwrap();

    // Binary properties, as toggle boundaries.
    for (prop, name) in [
        ("Alphabetic", "ALPHABETIC"),
        ("Ideographic", "IDEOGRAPHIC"),
        ("Lowercase", "LOWERCASE"),
        ("Uppercase", "UPPERCASE"),
        ("Bidi_Mirrored", "BIDI_MIRRORED"),
        ("Other_ID_Start", "OTHER_ID_START"),
        ("Other_ID_Continue", "OTHER_ID_CONTINUE"),
        ("Extended_Pictographic", "EXTENDED_PICTOGRAPHIC"),
    ] {
        write_u32s(
            &mut out,
            name,
            &format!("`{prop}`: sorted boundaries, a code point is in the set when an odd number are <= it."),
            &boundaries(&class(prop)),
        );
    }

    // Simple case mappings.
    let cm = icu_casemap::CaseMapper::new();
    let mut upper = BTreeMap::new();
    let mut lower = BTreeMap::new();
    for cp in 0..=MAX {
        let Some(c) = char::from_u32(cp) else { continue };
        let u = cm.simple_uppercase(c) as u32;
        let l = cm.simple_lowercase(c) as u32;
        if u != cp {
            upper.insert(cp, u);
        }
        if l != cp {
            lower.insert(cp, l);
        }
    }
    for (name, map) in [("TO_UPPER", &upper), ("TO_LOWER", &lower)] {
        let r = case_runs(map);
        writeln!(out, "/// Simple {} mapping runs `(start, len << 1 | (stride - 1), delta)`.", name.to_lowercase()).unwrap();
        writeln!(out, "pub(crate) static {name}: [(u32, u32, i32); {}] = [", r.len()).unwrap();
        for (s, l, d) in r {
            writeln!(out, "    (0x{s:X}, {l}, {d}),").unwrap();
        }
        writeln!(out, "];\n").unwrap();
    }

    std::fs::write(&out_path, out).expect("write tables");
    eprintln!("wrote {out_path}");
}

/// `(long, short)` script names as regex-syntax knows them.
fn script_names() -> Vec<(String, String)> {
    // regex-syntax accepts both forms; the long names come from probing each short code
    // against every long name would be slow, so read the canonical list from a fixed probe:
    // every script long name maps to a class, and `sc=<short>` gives the same class.
    SCRIPTS
        .iter()
        .map(|(l, s)| {
            assert_eq!(class(&format!("sc={l}")), class(&format!("sc={s}")), "{l}/{s}");
            (l.to_string(), s.to_string())
        })
        .collect()
}

include!("scripts.rs");
