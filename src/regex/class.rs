//! Class-shaped patterns ("characters of one class, count in [min, max]", optionally `^$|…`):
//! a flag per byte value for ASCII plus sorted ranges above, so the check is a table lookup per
//! character and a mismatch names the first character the class does not allow (the phone
//! `+` message needs it). Every fixed pattern but EMAIL and NON_BLANK has this shape, and so
//! do most product formats (`[0-9]{3,11}`).

use super::Mismatch;

/// `allow_empty`, or `min..=max` code points of the class. (Two `u64` words rather than a
/// `u128`: 128-bit shifts are library calls in wasm.)
#[derive(Debug, Clone)]
pub struct Class<R> {
    /// A flag per byte value: the ASCII characters of the class (false from 0x80 up), so the
    /// check's inner loop is one load and one branch per byte: pattern checks were ~13% of
    /// bulk NDJSON's wasm time (bench/README.md §2). Built by [`byte_table`].
    pub bytes: [bool; 256],
    /// Sorted, disjoint, inclusive ranges of code points above U+007F (surrogate code points
    /// stand for lone surrogates).
    pub ranges: R,
    /// Fewest code points.
    pub min: u32,
    /// Most code points, if bounded.
    pub max: Option<u32>,
    /// `""` is accepted besides.
    pub allow_empty: bool,
}

impl<R: AsRef<[(u32, u32)]>> Class<R> {
    /// Whether code point `c` is in the class.
    #[inline]
    pub fn contains(&self, c: u32) -> bool {
        if c < 128 {
            return self.bytes[c as usize];
        }
        self.ranges
            .as_ref()
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }

    /// Whole-string match of `value`, with the first character outside the class.
    pub fn check(&self, value: &str) -> Result<(), Mismatch> {
        // Most values are ASCII: a table lookup per byte, the byte offset being the UTF-16
        // one. At the first byte the table refuses, either a character outside the class or
        // the start of a non-ASCII one (the general path then reads the value again).
        if let Some((index, &b)) = value.as_bytes().iter().enumerate().find(|(_, &b)| !self.bytes[usize::from(b)]) {
            if b >= 0x80 {
                return self.check_code_points(false, value.chars().map(|c| (c as u32, c.len_utf16())));
            }
            return Err(Mismatch::Char { ch: char::from(b), index });
        }
        let count = u32::try_from(value.len()).unwrap_or(u32::MAX);
        match count {
            0 if self.allow_empty || self.min == 0 => Ok(()),
            _ if count < self.min || self.max.is_some_and(|m| count > m) => Err(Mismatch::Count),
            _ => Ok(()),
        }
    }

    /// [`Class::check`] on UTF-16 code units: a lone surrogate is a code point of its own, as
    /// in Java (a mismatch on one names U+FFFD, the closest a `char` gets).
    pub fn check_utf16(&self, value: &[u16]) -> Result<(), Mismatch> {
        let cps = char::decode_utf16(value.iter().copied()).map(|r| match r {
            Ok(c) => (c as u32, c.len_utf16()),
            Err(e) => (u32::from(e.unpaired_surrogate()), 1),
        });
        self.check_code_points(value.is_empty(), cps)
    }

    fn check_code_points(&self, empty: bool, cps: impl Iterator<Item = (u32, usize)>) -> Result<(), Mismatch> {
        if empty {
            return if self.allow_empty || self.min == 0 { Ok(()) } else { Err(Mismatch::Count) };
        }
        let mut count = 0u32;
        let mut index = 0usize;
        for (cp, units) in cps {
            if !self.contains(cp) {
                return Err(Mismatch::Char { ch: char::from_u32(cp).unwrap_or('\u{FFFD}'), index });
            }
            count = count.saturating_add(1);
            index += units;
        }
        if count < self.min || self.max.is_some_and(|m| count > m) {
            return Err(Mismatch::Count);
        }
        Ok(())
    }

    /// All of the class as sorted, disjoint, inclusive ranges (ASCII included).
    pub fn ranges(&self) -> Vec<(u32, u32)> {
        let mut out: Vec<(u32, u32)> = Vec::new();
        let above = self.ranges.as_ref().iter().copied();
        for (lo, hi) in (0u32..128).filter(|&c| self.contains(c)).map(|c| (c, c)).chain(above) {
            match out.last_mut() {
                Some((_, h)) if *h + 1 == lo => *h = hi,
                _ => out.push((lo, hi)),
            }
        }
        out
    }
}

impl Class<Box<[(u32, u32)]>> {
    /// The table of a class given as sorted, disjoint, inclusive ranges.
    pub fn from_ranges(ranges: &[(u32, u32)], min: u32, max: Option<u32>, allow_empty: bool) -> Self {
        let mut ascii = [0u64; 2];
        let mut above = Vec::new();
        for &(lo, hi) in ranges {
            for c in lo..=hi.min(127) {
                ascii[(c >> 6) as usize] |= 1u64 << (c & 63);
            }
            if hi >= 128 {
                above.push((lo.max(128), hi));
            }
        }
        Class { bytes: byte_table(ascii), ranges: above.into_boxed_slice(), min, max, allow_empty }
    }
}

/// [`Class::bytes`] from a bit per ASCII character (two 64-bit masks, as crates/fixed-patterns
/// writes them; a `const fn`, so the fixed patterns' tables are built at compile time).
pub const fn byte_table(ascii: [u64; 2]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = ascii[c >> 6] & (1u64 << (c & 63)) != 0;
        c += 1;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_name_the_first_bad_character() {
        let c = Class::from_ranges(&[(0x61, 0x7A)], 2, Some(3), true);
        assert_eq!(c.check(""), Ok(()));
        assert_eq!(c.check("ab"), Ok(()));
        assert_eq!(c.check("a"), Err(Mismatch::Count));
        assert_eq!(c.check("abcd"), Err(Mismatch::Count));
        assert_eq!(c.check("😀aB"), Err(Mismatch::Char { ch: '😀', index: 0 }));
        assert_eq!(c.check("a😀B"), Err(Mismatch::Char { ch: '😀', index: 1 }));
        assert_eq!(c.check("aaB"), Err(Mismatch::Char { ch: 'B', index: 2 }));
        assert_eq!(c.check_utf16(&[0x61, 0xD800, 0x62]), Err(Mismatch::Char { ch: '\u{FFFD}', index: 1 }));
        assert_eq!(c.ranges(), vec![(0x61, 0x7A)]);
    }

    #[test]
    fn lone_surrogates_are_code_points() {
        let c = Class::from_ranges(&[(0x61, 0x61), (0xD800, 0xDBFF)], 1, Some(2), false);
        assert_eq!(c.check_utf16(&[0xD800, 0x61]), Ok(()));
        // A pair is one code point (U+1F600), not two surrogates.
        assert_eq!(c.check_utf16(&[0xD83D, 0xDE00]), Err(Mismatch::Char { ch: '😀', index: 0 }));
        assert_eq!(c.check_utf16(&[0xD800, 0xD800, 0xD800]), Err(Mismatch::Count));
        assert_eq!(c.ranges(), vec![(0x61, 0x61), (0xD800, 0xDBFF)]);
    }
}
