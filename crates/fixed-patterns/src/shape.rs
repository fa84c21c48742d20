//! "Characters of one class, count in [m, n]" (optionally `^$|…`), read off the HIR: every
//! fixed pattern but the e-mail one and NON_BLANK has this shape.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A class-shaped pattern: `allow_empty`, or `min..=max` characters of `ranges`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassInfo {
    /// Sorted, disjoint, inclusive code point ranges.
    pub ranges: Vec<(u32, u32)>,
    pub min: u32,
    pub max: Option<u32>,
    /// `""` is accepted besides (`^$|…`).
    pub allow_empty: bool,
}

impl ClassInfo {
    /// The ASCII part as two 64-bit words, and the ranges above U+007F.
    pub fn split_ascii(&self) -> ([u64; 2], Vec<(u32, u32)>) {
        let mut ascii = [0u64; 2];
        let mut above = Vec::new();
        for &(lo, hi) in &self.ranges {
            for c in lo..=hi.min(127) {
                ascii[(c >> 6) as usize] |= 1u64 << (c & 63);
            }
            if hi >= 128 {
                above.push((lo.max(128), hi));
            }
        }
        (ascii, above)
    }

    pub fn contains(&self, c: char) -> bool {
        let c = c as u32;
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
    }

    pub fn is_match(&self, value: &str) -> bool {
        if value.is_empty() {
            return self.allow_empty || self.min == 0;
        }
        let n = value.chars().count() as u64;
        value.chars().all(|c| self.contains(c))
            && n >= u64::from(self.min)
            && self.max.is_none_or(|m| n <= u64::from(m))
    }
}

pub(crate) fn class_shape(hir: &Hir) -> Option<ClassInfo> {
    let mut allow_empty = false;
    let mut rep: Option<(u32, Option<u32>, &Class)> = None;
    let branches: Vec<&Hir> = match hir.kind() {
        HirKind::Alternation(alts) => alts.iter().collect(),
        _ => vec![hir],
    };
    for b in branches {
        match strip_anchors(b)? {
            None => allow_empty = true,
            Some(h) => {
                if rep.is_some() {
                    return None;
                }
                rep = Some(repetition_of_class(h)?);
            }
        }
    }
    let (min, max, class) = rep?;
    let ranges = match class {
        Class::Unicode(u) => u.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect(),
        Class::Bytes(_) => return None,
    };
    Some(ClassInfo { ranges, min, max, allow_empty })
}

/// `Some(None)` for a branch that matches only the empty string (`^$`, empty), `Some(Some(h))`
/// for the branch without leading `^` / trailing `$`, `None` when anchors are elsewhere.
fn strip_anchors(h: &Hir) -> Option<Option<&Hir>> {
    let is_edge = |h: &Hir| matches!(h.kind(), HirKind::Look(Look::Start | Look::End));
    match h.kind() {
        HirKind::Empty => Some(None),
        HirKind::Look(Look::Start | Look::End) => Some(None),
        HirKind::Concat(parts) => {
            let rest: Vec<&Hir> = parts.iter().filter(|p| !is_edge(p)).collect();
            // Only `^` before the inner part and only `$` after it: `[a-z]+^` or `$a` match
            // nothing, which the DFA knows and a class table would not.
            let Some(a) = parts.iter().position(|p| !is_edge(p)) else { return Some(None) };
            let before_ok = parts[..a].iter().all(|p| matches!(p.kind(), HirKind::Look(Look::Start)));
            let after_ok = parts[a + 1..].iter().all(|p| matches!(p.kind(), HirKind::Look(Look::End)));
            (rest.len() == 1 && before_ok && after_ok).then_some(Some(rest[0]))
        }
        _ => Some(Some(h)),
    }
}

fn repetition_of_class(h: &Hir) -> Option<(u32, Option<u32>, &Class)> {
    match h.kind() {
        HirKind::Class(c) => Some((1, Some(1), c)),
        HirKind::Capture(c) => repetition_of_class(&c.sub),
        HirKind::Repetition(r) => match r.sub.kind() {
            HirKind::Class(c) => Some((r.min, r.max, c)),
            _ => None,
        },
        _ => None,
    }
}
