//! `Character.codePointOf(name)` for `\N{name}`.
//!
//! Java looks names up in its copy of UnicodeData.txt (about 35,000 names). Shipping that
//! table would roughly double the size of this crate in a browser bundle, so only the other
//! form Java accepts is supported: `<BLOCK NAME> <HEX>` for a code point that has no name of
//! its own (controls, CJK and Tangut ideographs, Hangul syllables, private use, surrogates),
//! e.g. `\N{CJK UNIFIED IDEOGRAPHS 4E00}`. A real name (`\N{LATIN SMALL LETTER A}`) is
//! refused with Java's message. Pinned in tests/regressions.rs.

use crate::tables;
use crate::unicode::{block, category, gc};

/// Code points with no individual name in UnicodeData.txt (ranges and controls).
fn unnamed(cp: u32) -> bool {
    let t = category(cp);
    if t == gc::CC || t == gc::CS || t == 18 {
        return true;
    }
    matches!(cp,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0x17000..=0x187F7 | 0x18D00..=0x18D08
        | 0x20000..=0x2A6DF | 0x2A700..=0x2B739 | 0x2B740..=0x2B81D | 0x2B820..=0x2CEA1
        | 0x2CEB0..=0x2EBE0 | 0x2EBF0..=0x2EE5D | 0x30000..=0x3134A | 0x31350..=0x323AF)
}

pub(crate) fn code_point_of(name: &str) -> Option<u32> {
    // name.trim().toUpperCase(Locale.ROOT)
    let name: String = name.trim_matches(|c: char| c <= ' ').chars().map(|c| c.to_ascii_uppercase()).collect();
    let off = name.rfind(' ')?;
    let hex = &name[off + 1..];
    if hex.is_empty() || hex.len() > 8 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let cp = u32::from_str_radix(hex, 16).ok()?;
    if cp > 0x10FFFF || !unnamed(cp) || category(cp) == gc::UNASSIGNED {
        return None;
    }
    let id = block(cp)?;
    // `UnicodeBlock.toString()`: the identifier form (underscores, or one word).
    let names = || tables::BLOCK_NAMES.iter().filter(move |(_, b)| *b == id).map(|(n, _)| *n);
    let ident = names()
        .find(|n| n.contains('_'))
        .or_else(|| names().filter(|n| !n.contains(' ') && !n.contains('-')).min_by_key(|n| n.len()))?;
    let expected = format!("{} {:X}", ident.replace('_', " "), cp);
    (name == expected).then_some(cp)
}
