//! `java.lang.Character` as `java.util.regex` uses it, over the Unicode 16 tables in
//! `tables.rs` (decisions R15). Each function names the Java method it stands for.

use crate::tables;

/// Java's `Character.getType` constants that the matcher tests directly.
pub(crate) mod gc {
    pub const UNASSIGNED: u8 = 0;
    pub const LU: u8 = 1;
    pub const LL: u8 = 2;
    pub const LT: u8 = 3;
    pub const LM: u8 = 4;
    pub const LO: u8 = 5;
    pub const MN: u8 = 6;
    pub const ME: u8 = 7;
    pub const MC: u8 = 8;
    pub const ND: u8 = 9;
    pub const NL: u8 = 10;
    pub const ZS: u8 = 12;
    pub const ZL: u8 = 13;
    pub const ZP: u8 = 14;
    pub const CC: u8 = 15;
    pub const CF: u8 = 16;
    pub const CS: u8 = 19;
    pub const PC: u8 = 23;
    pub const SC: u8 = 26;
    pub const LM_SK: u8 = 27;
    pub const SO: u8 = 28;
}

/// Index of the run containing `cp` in a run-start table (`start | value << shift`).
fn run_value(table: &[u32], cp: u32, shift: u32) -> u32 {
    let mask = (1u32 << shift) - 1;
    let idx = table.partition_point(|&e| (e & mask) <= cp);
    match idx.checked_sub(1).and_then(|i| table.get(i)) {
        Some(e) => e >> shift,
        None => 0,
    }
}

fn in_set(boundaries: &[u32], cp: u32) -> bool {
    boundaries.partition_point(|&b| b <= cp) % 2 == 1
}

/// `Character.getType(cp)`.
pub(crate) fn category(cp: u32) -> u8 {
    if cp > 0x10FFFF {
        return gc::UNASSIGNED;
    }
    run_value(&tables::GENERAL_CATEGORY, cp, 24) as u8
}

/// `Character.UnicodeScript.of(cp)` as an index into `SCRIPT_NAMES` (0 = UNKNOWN).
pub(crate) fn script(cp: u32) -> u16 {
    if cp > 0x10FFFF {
        return 0;
    }
    run_value(&tables::SCRIPT, cp, 21) as u16
}

/// `Character.UnicodeBlock.of(cp)` as an index into `BLOCKS`, if any.
pub(crate) fn block(cp: u32) -> Option<u16> {
    let idx = tables::BLOCKS.partition_point(|&(s, _)| s <= cp).checked_sub(1)?;
    let (_, end) = *tables::BLOCKS.get(idx)?;
    (cp <= end).then_some(idx as u16)
}

fn case_map(table: &[(u32, u32, i32)], cp: u32) -> u32 {
    let idx = table.partition_point(|&(s, _, _)| s <= cp);
    if let Some(&(start, packed, delta)) = idx.checked_sub(1).and_then(|i| table.get(i)) {
        let len = packed >> 1;
        let stride = (packed & 1) + 1;
        let off = cp - start;
        if off % stride == 0 && off / stride < len {
            return cp.wrapping_add_signed(delta);
        }
    }
    cp
}

/// `Character.toUpperCase(int)` (simple mapping).
pub(crate) fn to_upper(cp: u32) -> u32 {
    case_map(&tables::TO_UPPER, cp)
}

/// `Character.toLowerCase(int)` (simple mapping).
pub(crate) fn to_lower(cp: u32) -> u32 {
    case_map(&tables::TO_LOWER, cp)
}

/// `Character.toLowerCase(Character.toUpperCase(cp))`: what `(?iu)` compares.
pub(crate) fn fold(cp: u32) -> u32 {
    to_lower(to_upper(cp))
}

fn mask_has(mask: u32, cp: u32) -> bool {
    mask & (1 << category(cp)) != 0
}

const LETTER_MASK: u32 = 1 << gc::LU | 1 << gc::LL | 1 << gc::LT | 1 << gc::LM | 1 << gc::LO;

/// The `java.lang.Character` predicates `\p{java…}` and the Unicode binary properties use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CharClass {
    Alphabetic,
    Ideographic,
    Letter,
    LowerCase,
    UpperCase,
    TitleCase,
    Digit,
    Defined,
    LetterOrDigit,
    JavaIdentifierStart,
    JavaIdentifierPart,
    UnicodeIdentifierStart,
    UnicodeIdentifierPart,
    IdentifierIgnorable,
    SpaceChar,
    Whitespace,
    IsoControl,
    Mirrored,
    /// `\p{IsWhite_Space}`, `\s` under `(?U)`: Zs, Zl, Zp, U+0009..U+000D, U+0085.
    WhiteSpace,
    /// `\p{IsPunctuation}`.
    Punctuation,
    HexDigit,
    Assigned,
    NoncharacterCodePoint,
    /// `\p{IsAlnum}` under (?U): alphabetic or decimal digit.
    Alnum,
    Blank,
    Graph,
    Print,
    JoinControl,
    /// `\w` under `(?U)`.
    Word,
    Control,
}

/// `Character.isIdentifierIgnorable(cp)`.
fn identifier_ignorable(cp: u32) -> bool {
    cp <= 8 || (0xE..=0x1B).contains(&cp) || (0x7F..=0x9F).contains(&cp) || category(cp) == gc::CF
}

impl CharClass {
    pub(crate) fn is(self, cp: u32) -> bool {
        use CharClass::*;
        let t = category(cp);
        let m = |mask: u32| mask & (1 << t) != 0;
        match self {
            Alphabetic => in_set(&tables::ALPHABETIC, cp),
            Ideographic => in_set(&tables::IDEOGRAPHIC, cp),
            Letter => m(LETTER_MASK),
            LowerCase => in_set(&tables::LOWERCASE, cp),
            UpperCase => in_set(&tables::UPPERCASE, cp),
            TitleCase => t == gc::LT,
            Digit => t == gc::ND,
            Defined => t != gc::UNASSIGNED,
            LetterOrDigit => m(LETTER_MASK | 1 << gc::ND),
            JavaIdentifierStart => m(LETTER_MASK | 1 << gc::NL | 1 << gc::SC | 1 << gc::PC),
            JavaIdentifierPart => {
                m(LETTER_MASK | 1 << gc::SC | 1 << gc::PC | 1 << gc::ND | 1 << gc::NL | 1 << gc::MC | 1 << gc::MN)
                    || identifier_ignorable(cp)
            }
            UnicodeIdentifierStart => m(LETTER_MASK | 1 << gc::NL) || in_set(&tables::OTHER_ID_START, cp),
            UnicodeIdentifierPart => {
                m(LETTER_MASK | 1 << gc::PC | 1 << gc::ND | 1 << gc::NL | 1 << gc::MC | 1 << gc::MN)
                    || identifier_ignorable(cp)
                    || in_set(&tables::OTHER_ID_START, cp)
                    || in_set(&tables::OTHER_ID_CONTINUE, cp)
            }
            IdentifierIgnorable => identifier_ignorable(cp),
            SpaceChar => m(1 << gc::ZS | 1 << gc::ZL | 1 << gc::ZP),
            Whitespace => {
                (m(1 << gc::ZS | 1 << gc::ZL | 1 << gc::ZP) && cp != 0xA0 && cp != 0x2007 && cp != 0x202F)
                    || (0x9..=0xD).contains(&cp)
                    || (0x1C..=0x1F).contains(&cp)
            }
            IsoControl => cp <= 0x1F || (0x7F..=0x9F).contains(&cp),
            Mirrored => in_set(&tables::BIDI_MIRRORED, cp),
            WhiteSpace => m(1 << gc::ZS | 1 << gc::ZL | 1 << gc::ZP) || (0x9..=0xD).contains(&cp) || cp == 0x85,
            Punctuation => m(1 << 20 | 1 << 21 | 1 << 22 | 1 << 23 | 1 << 24 | 1 << 29 | 1 << 30),
            HexDigit => {
                t == gc::ND
                    || (0x30..=0x39).contains(&cp)
                    || (0x41..=0x46).contains(&cp)
                    || (0x61..=0x66).contains(&cp)
                    || (0xFF10..=0xFF19).contains(&cp)
                    || (0xFF21..=0xFF26).contains(&cp)
                    || (0xFF41..=0xFF46).contains(&cp)
            }
            Assigned => t != gc::UNASSIGNED,
            NoncharacterCodePoint => cp & 0xFFFE == 0xFFFE || (0xFDD0..=0xFDEF).contains(&cp),
            Alnum => in_set(&tables::ALPHABETIC, cp) || t == gc::ND,
            Blank => t == gc::ZS || cp == 0x9,
            Graph => !m(1 << gc::ZS | 1 << gc::ZL | 1 << gc::ZP | 1 << gc::CC | 1 << gc::CS | 1 << gc::UNASSIGNED),
            Print => (Graph.is(cp) || Blank.is(cp)) && t != gc::CC,
            JoinControl => cp == 0x200C || cp == 0x200D,
            Word => {
                in_set(&tables::ALPHABETIC, cp)
                    || m(1 << gc::MN | 1 << gc::ME | 1 << gc::MC | 1 << gc::ND | 1 << gc::PC)
                    || cp == 0x200C
                    || cp == 0x200D
            }
            Control => t == gc::CC,
        }
    }
}

/// Whether `cp`'s general category is in `mask` (bit n = Java type n).
pub(crate) fn category_in(mask: u32, cp: u32) -> bool {
    mask_has(mask, cp)
}

/// `Character.isLetterOrDigit(cp)`.
pub(crate) fn is_letter_or_digit(cp: u32) -> bool {
    CharClass::LetterOrDigit.is(cp)
}

/// Extended_Pictographic (emoji-data), for grapheme clusters.
pub(crate) fn is_extended_pictographic(cp: u32) -> bool {
    in_set(&tables::EXTENDED_PICTOGRAPHIC, cp)
}

/// Looks up a script by the name `\p{IsX}` / `\p{sc=X}` gives
/// (`Character.UnicodeScript.forName`: alias or enum name, upper-cased).
pub(crate) fn script_by_name(name: &str) -> Option<u16> {
    let upper = java_upper(name);
    tables::SCRIPT_NAMES.iter().position(|(long, short)| *short == upper || *long == upper).map(|i| i as u16)
}

/// Looks up a block (`Character.UnicodeBlock.forName`); `Some(None)` for a known name with
/// no code points (SURROGATES_AREA).
pub(crate) fn block_by_name(name: &str) -> Option<Option<u16>> {
    let upper = java_upper(name);
    let idx = tables::BLOCK_NAMES.binary_search_by(|(n, _)| (*n).cmp(upper.as_str())).ok()?;
    let (_, id) = tables::BLOCK_NAMES.get(idx)?;
    Some((*id != u16::MAX).then_some(*id))
}

/// `String.toUpperCase(Locale.ENGLISH)` for the names above. Only letters whose upper case
/// is ASCII can ever make a known name, so the others stay as they are.
fn java_upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'a'..='z' => out.push(c.to_ascii_uppercase()),
            '\u{131}' => out.push('I'),
            '\u{17F}' => out.push('S'),
            '\u{DF}' => out.push_str("SS"),
            '\u{FB00}' => out.push_str("FF"),
            '\u{FB01}' => out.push_str("FI"),
            '\u{FB02}' => out.push_str("FL"),
            '\u{FB03}' => out.push_str("FFI"),
            '\u{FB04}' => out.push_str("FFL"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("ST"),
            _ => out.push(c),
        }
    }
    out
}

/// `String.toUpperCase(Locale.ROOT)` restricted the same way (POSIX and property names).
pub(crate) fn java_upper_root(s: &str) -> String {
    java_upper(s)
}

/// The first code point after `cp` where a run of a run-start table changes (0x110000 if none).
fn next_run(table: &[u32], cp: u32, shift: u32) -> u32 {
    let mask = (1u32 << shift) - 1;
    let idx = table.partition_point(|&e| (e & mask) <= cp);
    table.get(idx).map_or(0x11_0000, |e| e & mask)
}

fn next_in_set(boundaries: &[u32], cp: u32) -> u32 {
    let idx = boundaries.partition_point(|&b| b <= cp);
    boundaries.get(idx).copied().unwrap_or(0x11_0000)
}

/// The first code point after `cp` where a simple case mapping might change.
pub(crate) fn next_case_change(cp: u32) -> u32 {
    let mut next = 0x11_0000;
    for table in [&tables::TO_UPPER[..], &tables::TO_LOWER[..]] {
        let idx = table.partition_point(|&(s, _, _)| s <= cp);
        if let Some(&(start, packed, _)) = idx.checked_sub(1).and_then(|i| table.get(i)) {
            let last = start + ((packed >> 1).saturating_sub(1)) * ((packed & 1) + 1);
            if cp <= last {
                return cp + 1;
            }
        }
        if let Some(&(s, _, _)) = table.get(idx) {
            next = next.min(s);
        }
    }
    next
}

/// The first code point after `cp` where `getType` changes.
pub(crate) fn next_category_change(cp: u32) -> u32 {
    next_run(&tables::GENERAL_CATEGORY, cp, 24)
}

pub(crate) fn next_script_change(cp: u32) -> u32 {
    next_run(&tables::SCRIPT, cp, 21)
}

pub(crate) fn next_block_change(cp: u32) -> u32 {
    let idx = tables::BLOCKS.partition_point(|&(s, _)| s <= cp);
    let mut next = tables::BLOCKS.get(idx).map_or(0x11_0000, |b| b.0);
    if let Some(&(_, end)) = idx.checked_sub(1).and_then(|i| tables::BLOCKS.get(i)) {
        if cp <= end {
            next = next.min(end + 1);
        }
    }
    next
}

impl CharClass {
    /// The first code point after `cp` where `self.is` might change.
    pub(crate) fn next_change(self, cp: u32) -> u32 {
        if cp < 0x3001 {
            return cp + 1;
        }
        let mut next = next_category_change(cp);
        for set in [
            &tables::ALPHABETIC[..],
            &tables::IDEOGRAPHIC[..],
            &tables::LOWERCASE[..],
            &tables::UPPERCASE[..],
            &tables::BIDI_MIRRORED[..],
            &tables::OTHER_ID_START[..],
            &tables::OTHER_ID_CONTINUE[..],
        ] {
            next = next.min(next_in_set(set, cp));
        }
        // Noncharacters: FDD0..FDEF and the last two code points of each plane; FF10.. hex.
        for edge in
            [0xFDD0, 0xFDF0, 0xFF10, 0xFF1A, 0xFF21, 0xFF27, 0xFF41, 0xFF47, (cp | 0xFFFF) - 1, (cp | 0xFFFF) + 1]
        {
            if edge > cp {
                next = next.min(edge);
            }
        }
        next
    }
}
