//! Extended grapheme clusters as Java 17's `\X` and `\b{g}` find them: its own classifier
//! (general category plus a few listed code points, not GraphemeBreakProperty.txt) and its
//! rule table (UAX #29 without GB9c), over our Unicode 16 categories.

use crate::unicode::{category, gc, is_extended_pictographic};
use crate::utf16::code_point_at;

const OTHER: u8 = 0;
const CR: u8 = 1;
const LF: u8 = 2;
const CONTROL: u8 = 3;
const EXTEND: u8 = 4;
const ZWJ: u8 = 5;
const RI: u8 = 6;
const PREPEND: u8 = 7;
const SPACING_MARK: u8 = 8;
const L: u8 = 9;
const V: u8 = 10;
const T: u8 = 11;
const LV: u8 = 12;
const LVT: u8 = 13;
const PICTO: u8 = 14;

/// Spacing marks UAX #29 leaves out of SpacingMark (Java's list).
fn excluded_spacing_mark(cp: u32) -> bool {
    matches!(cp, 0x102B | 0x102C | 0x1038 | 0x1062..=0x1064 | 0x1067..=0x106D | 0x1083
        | 0x1087..=0x108C | 0x108F | 0x109A..=0x109C | 0x1A61 | 0x1A63 | 0x1A64 | 0xAA7B | 0xAA7D)
}

fn kind(cp: u32) -> u8 {
    if cp < 0x7F {
        return match cp {
            0x0D => CR,
            0x0A => LF,
            0..=0x1F => CONTROL,
            _ => OTHER,
        };
    }
    if is_extended_pictographic(cp) {
        return PICTO;
    }
    match category(cp) {
        gc::UNASSIGNED if cp == 0x0378 => OTHER,
        gc::UNASSIGNED | gc::CC | gc::ZL | gc::ZP | gc::CS => CONTROL,
        gc::CF => match cp {
            0x200C | 0xE0020..=0xE007F => EXTEND,
            0x200D => ZWJ,
            0x0600..=0x0605 | 0x06DD | 0x070F | 0x08E2 | 0x110BD | 0x110CD => PREPEND,
            _ => CONTROL,
        },
        gc::MN | gc::ME => EXTEND,
        gc::MC if excluded_spacing_mark(cp) => OTHER,
        gc::MC => SPACING_MARK,
        gc::SO if (0x1F1E6..=0x1F1FF).contains(&cp) => RI,
        gc::LM | gc::LM_SK if matches!(cp, 0xFF9E | 0xFF9F | 0x1F3FB..=0x1F3FF) => EXTEND,
        gc::LO => match cp {
            0x0E33 | 0x0EB3 => SPACING_MARK,
            0x1100..=0x115F => L,
            0x1160..=0x11A7 => V,
            0x11A8..=0x11FF => T,
            0xAC00..=0xD7A3 => {
                if (cp - 0xAC00) % 28 == 0 {
                    LV
                } else {
                    LVT
                }
            }
            0xA960..=0xA97C => L,
            0xD7B0..=0xD7C6 => V,
            0xD7CB..=0xD7FB => T,
            0x0D4E | 0x111C2 | 0x111C3 | 0x1193F | 0x11941 | 0x11A3A | 0x11A84..=0x11A89 | 0x11D46 => PREPEND,
            _ => OTHER,
        },
        _ => OTHER,
    }
}

/// Whether there is a boundary between kinds `a` and `b` (before the GB11/GB12 overrides).
fn breaks(a: u8, b: u8) -> bool {
    // GB4, GB5 (and GB3 inside): around controls, except CR x LF.
    if (CR..=CONTROL).contains(&a) || (CR..=CONTROL).contains(&b) {
        return !(a == CR && b == LF);
    }
    // GB9, GB9a, GB9b.
    if b == EXTEND || b == ZWJ || b == SPACING_MARK || a == PREPEND {
        return false;
    }
    // GB6, GB7, GB8.
    !matches!((a, b), (L, L | V | LV | LVT) | (LV | V, V | T) | (LVT | T, T))
}

/// `Grapheme.nextBoundary(s, off, limit)`: the end of the cluster starting at `off`
/// (`off < limit <= s.len()`).
pub(crate) fn next_boundary(s: &[u16], off: usize, limit: usize) -> usize {
    let (ch0, n0) = code_point_at(s, off);
    let mut ret = off + n0;
    let mut t0 = kind(ch0);
    let mut ri_count = u32::from(t0 == RI);
    let gb11 = t0 == PICTO;
    while ret < limit {
        let (ch1, n1) = code_point_at(s, ret);
        let t1 = kind(ch1);
        if gb11 && t0 == ZWJ && t1 == PICTO {
            // GB11 continues.
        } else if ri_count % 2 == 1 && t0 == RI && t1 == RI {
            // GB12/13 continue.
        } else if breaks(t0, t1) {
            break;
        }
        ri_count += u32::from(t1 == RI);
        t0 = t1;
        ret += n1;
    }
    ret
}
