//! Strings as Java sees them: UTF-16 code units, where a lone surrogate is a code point.

pub(crate) fn is_high(u: u16) -> bool {
    (0xD800..=0xDBFF).contains(&u)
}

pub(crate) fn is_low(u: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&u)
}

/// `Character.codePointAt(s, i)` and its length in code units; `(0, 1)` past the end
/// (callers check bounds first; this only keeps indexing total).
pub(crate) fn code_point_at(s: &[u16], i: usize) -> (u32, usize) {
    let Some(&hi) = s.get(i) else { return (0, 1) };
    if is_high(hi) {
        if let Some(&lo) = s.get(i + 1) {
            if is_low(lo) {
                return (0x10000 + ((u32::from(hi) - 0xD800) << 10) + (u32::from(lo) - 0xDC00), 2);
            }
        }
    }
    (u32::from(hi), 1)
}

/// `Character.codePointBefore(s, i)` and its length (`i > 0`).
pub(crate) fn code_point_before(s: &[u16], i: usize) -> (u32, usize) {
    let Some(&lo) = i.checked_sub(1).and_then(|j| s.get(j)) else { return (0, 1) };
    if is_low(lo) && i >= 2 {
        if let Some(&hi) = s.get(i - 2) {
            if is_high(hi) {
                return (0x10000 + ((u32::from(hi) - 0xD800) << 10) + (u32::from(lo) - 0xDC00), 2);
            }
        }
    }
    (u32::from(lo), 1)
}

/// Pattern's `countChars(s, index, -n)`: code units spanned by the `n` code points before
/// `index`.
pub(crate) fn count_chars_back(s: &[u16], index: usize, n: u32) -> usize {
    let mut x = index;
    let mut k = 0;
    while x > 0 && k < n {
        x -= 1;
        if s.get(x).copied().is_some_and(is_low) && x > 0 && s.get(x - 1).copied().is_some_and(is_high) {
            x -= 1;
        }
        k += 1;
    }
    index - x
}

/// The code points of `s` as Java's `codePointAt` walks them (a lone surrogate is one).
pub(crate) fn code_points(s: &[u16]) -> Vec<u32> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let (c, n) = code_point_at(s, i);
        out.push(c);
        i += n;
    }
    out
}
