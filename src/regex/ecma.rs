//! ECMAScript (`u` flag) text the JavaScript validators need at run time: the class of
//! characters a class-shaped pattern does *not* allow, and a class pattern's whole form for
//! JSON Schema. (Other fixed patterns' forms come from build time, and patterns set with
//! `setPattern` get java-regex's `to_ecmascript`.)

use std::fmt::Write;

/// An ECMAScript class matching one character *outside* `ranges` (sorted, disjoint, inclusive
/// code point ranges): the JavaScript validators find the first character a class pattern
/// does not allow with it, as the engine's class check does. Surrogate code points stand for
/// lone surrogates, which a `u`-flag class matches as such.
pub fn negated_class(ranges: &[(u32, u32)]) -> String {
    let mut out = String::from("[^");
    push_ranges(&mut out, ranges);
    out.push(']');
    out
}

/// The whole-value ECMAScript pattern of a class pattern: `^(?:[…]+)$`, `^(?:^$|[…]{4,100})$`
/// and so on, in exactly the text crates/fixed-patterns prints from the pattern's HIR (for
/// JSON Schema; the JavaScript validators use [`negated_class`]).
pub fn class_pattern(ranges: &[(u32, u32)], min: u32, max: Option<u32>, allow_empty: bool) -> String {
    let mut out = String::from("^(?:");
    if allow_empty {
        out.push_str("^$|");
    }
    if ranges.is_empty() {
        out.push_str(r"[^\u{0}-\u{10FFFF}]");
    } else {
        out.push('[');
        push_ranges(&mut out, ranges);
        out.push(']');
    }
    match (min, max) {
        (1, Some(1)) => {}
        (0, None) => out.push('*'),
        (1, None) => out.push('+'),
        (0, Some(1)) => out.push('?'),
        (min, None) => {
            let _ = write!(out, "{{{min},}}");
        }
        (min, Some(max)) if min == max => {
            let _ = write!(out, "{{{min}}}");
        }
        (min, Some(max)) => {
            let _ = write!(out, "{{{min},{max}}}");
        }
    }
    out.push_str(")$");
    out
}

fn push_ranges(out: &mut String, ranges: &[(u32, u32)]) {
    for &(lo, hi) in ranges {
        push_code_point(out, lo);
        if hi > lo {
            if hi > lo + 1 {
                out.push('-');
            }
            push_code_point(out, hi);
        }
    }
}

/// ASCII letters and digits as themselves (readable, never special); every other code point
/// as `\u{HEX}`, valid in and out of classes under the `u` flag.
fn push_code_point(out: &mut String, cp: u32) {
    match char::from_u32(cp) {
        Some(c) if c.is_ascii_alphanumeric() => out.push(c),
        _ => {
            let _ = write!(out, r"\u{{{cp:X}}}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_ranges_as_escapes() {
        assert_eq!(
            negated_class(&[(0x2C, 0x5F), (0x61, 0x62), (0xD800, 0xDFFF)]),
            r"[^\u{2C}-\u{5F}ab\u{D800}-\u{DFFF}]"
        );
        assert_eq!(negated_class(&[]), "[^]");
    }
}
