//! Regular expressions in the server's dialect (Java `java.util.regex`), matched the way the
//! server matches them: against the whole value (decisions R1, R2).
//!
//! Written here because no crate reads Java's dialect: we translate it into the syntax of
//! `regex-syntax` (same crate family as `regex`, linear time, no backtracking) and keep
//! Java's meanings where the two differ:
//! - `\w`, `\d`, `\s`, `\b` and the POSIX classes (`\p{Alpha}`…) are ASCII, as in Java
//!   without `UNICODE_CHARACTER_CLASS`; `\s` includes `\x0B`;
//! - `.` excludes Java's line terminators (`\n \r \u0085 \u2028 \u2029`) unless `(?s)`;
//! - an escaped punctuation character is always literal (Java `\<` is `<`, not a boundary);
//! - inside a class, `--` and `~~` are literal (they are set operators in `regex-syntax`).
//!
//! Constructs a finite automaton cannot honour (backreferences, lookaround, possessive
//! quantifiers, atomic groups) are rejected with a clear [`PatternError`], never guessed.
//!
//! A pattern of the shape "characters of one class, count in [m, n]" (optionally `^$|…`)
//! compiles to [`CharSet`], a 128-bit ASCII table plus sorted ranges for other characters:
//! that is every static pattern of the API but the e-mail one, so the hot path is a table
//! lookup per character and the mismatch can name the first offending character.

use std::fmt;

use std::sync::Mutex;

use regex_automata::nfa::thompson::{
    self,
    backtrack::{self, BoundedBacktracker},
    pikevm::{self, PikeVM},
};
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

use super::patterns::Mismatch;

/// Bounds on a pattern and its compiled size, so a hostile pattern cannot exhaust memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest accepted source, in characters.
    pub max_source_chars: usize,
    /// `regex` compiled-program size limit, in bytes.
    pub max_compiled_bytes: usize,
}

impl Limits {
    /// For the patterns shipped in this crate.
    pub const BUILT_IN: Limits = Limits { max_source_chars: 4096, max_compiled_bytes: 4 << 20 };
    /// For patterns that come from users or from API data (product formats).
    pub const USER: Limits = Limits { max_source_chars: 1024, max_compiled_bytes: 1 << 20 };
}

/// Why a pattern cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PatternError {
    /// The pattern is longer than the limit.
    TooLong { limit: usize, actual: usize },
    /// The pattern is not valid in the Java dialect, or uses a construct not supported here.
    Syntax { message: String },
    /// The compiled pattern would exceed the size limit.
    TooBig { limit: usize },
    /// `set_pattern` got a name that is not in the pattern table.
    UnknownName { name: String, known: String },
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::TooLong { limit, actual } => {
                write!(f, "the pattern is {actual} characters long; at most {limit} are accepted")
            }
            PatternError::Syntax { message } => write!(f, "invalid pattern: {message}"),
            PatternError::TooBig { limit } => {
                write!(f, "the pattern compiles to more than {limit} bytes; simplify it")
            }
            PatternError::UnknownName { name, known } => {
                write!(f, "unknown pattern name {name:?}; known names: {known}")
            }
        }
    }
}

impl std::error::Error for PatternError {}

fn syntax(message: impl Into<String>) -> PatternError {
    PatternError::Syntax { message: message.into() }
}

/// A compiled whole-string pattern.
#[derive(Debug)]
pub struct Compiled {
    source: String,
    matcher: Matcher,
}

#[derive(Debug)]
enum Matcher {
    Class(ClassShape),
    Nfa(Box<NfaMatcher>),
}

/// A general pattern, matched by `regex-automata`'s NFA engines (linear time; no DFA
/// construction, which would cost ~150 KB of `.wasm` for one e-mail pattern and product
/// formats): the bounded backtracker when the value fits its visited set, the PikeVM beyond.
#[derive(Debug)]
struct NfaMatcher {
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
    caches: Mutex<(backtrack::Cache, pikevm::Cache)>,
}

impl NfaMatcher {
    fn is_match(&self, value: &str) -> bool {
        let mut guard = self.caches.lock().unwrap_or_else(|e| e.into_inner());
        let (bt, pv) = &mut *guard;
        let input = Input::new(value).anchored(Anchored::Yes);
        if value.len() <= self.backtrack.max_haystack_len() {
            if let Ok(found) = self.backtrack.try_is_match(bt, input.clone()) {
                return found;
            }
        }
        self.pikevm.is_match(pv, input)
    }
}

/// What [`Compiled::class_shape`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassInfo {
    /// The class, as sorted disjoint inclusive ranges of code points.
    pub ranges: Vec<(u32, u32)>,
    /// Fewest characters.
    pub min: u32,
    /// Most characters, if bounded.
    pub max: Option<u32>,
    /// `""` is accepted besides (`^$|…`).
    pub allow_empty: bool,
}

/// `allow_empty` or `min..=max` characters of `set`.
#[derive(Debug)]
struct ClassShape {
    allow_empty: bool,
    min: u32,
    max: Option<u32>,
    set: CharSet,
}

/// A set of characters: a bit per ASCII character plus sorted, disjoint ranges above.
/// (Two `u64` words rather than a `u128`: 128-bit shifts are library calls in wasm.)
#[derive(Debug, Clone)]
pub struct CharSet {
    ascii: [u64; 2],
    ranges: Box<[(u32, u32)]>,
}

impl CharSet {
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let c = c as u32;
        if c < 128 {
            return self.ascii[(c >> 6) as usize] & (1u64 << (c & 63)) != 0;
        }
        self.ranges
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
}

impl Compiled {
    /// The Java-dialect source this was compiled from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// True when the fast class matcher is used (no general regex engine).
    pub fn is_class_shaped(&self) -> bool {
        matches!(self.matcher, Matcher::Class(_))
    }

    /// Whole-string match of `value`.
    pub fn check(&self, value: &str) -> Result<(), Mismatch> {
        match &self.matcher {
            Matcher::Nfa(re) => {
                if re.is_match(value) {
                    Ok(())
                } else {
                    Err(Mismatch::NoMatch)
                }
            }
            Matcher::Class(shape) => {
                if value.is_empty() {
                    return if shape.allow_empty || shape.min == 0 { Ok(()) } else { Err(Mismatch::Count) };
                }
                let mut count = 0u32;
                let mut index = 0usize;
                for ch in value.chars() {
                    if !shape.set.contains(ch) {
                        return Err(Mismatch::Char { ch, index });
                    }
                    count = count.saturating_add(1);
                    index += ch.len_utf16();
                }
                if count < shape.min || shape.max.is_some_and(|m| count > m) {
                    return Err(Mismatch::Count);
                }
                Ok(())
            }
        }
    }

    /// For a class-shaped pattern: the characters of its class (sorted, disjoint, inclusive
    /// ranges of code points), its count bounds and whether it also accepts `""` (`^$|…`).
    /// The JavaScript validators are generated from this (a class test per character, so a
    /// mismatch names the same first character).
    pub fn class_shape(&self) -> Option<ClassInfo> {
        match &self.matcher {
            Matcher::Class(shape) => {
                let mut ranges: Vec<(u32, u32)> = Vec::new();
                for c in 0u32..128 {
                    if shape.set.ascii[(c >> 6) as usize] & (1u64 << (c & 63)) != 0 {
                        match ranges.last_mut() {
                            Some((_, hi)) if *hi + 1 == c => *hi = c,
                            _ => ranges.push((c, c)),
                        }
                    }
                }
                for &(lo, hi) in shape.set.ranges.iter() {
                    match ranges.last_mut() {
                        Some((_, h)) if *h + 1 == lo => *h = hi,
                        _ => ranges.push((lo, hi)),
                    }
                }
                Some(ClassInfo { ranges, min: shape.min, max: shape.max, allow_empty: shape.allow_empty })
            }
            Matcher::Nfa(_) => None,
        }
    }

    /// Convenience: does `value` match?
    pub fn is_match(&self, value: &str) -> bool {
        self.check(value).is_ok()
    }
}

/// Compiles `source` (Java dialect) for whole-string matching.
pub fn compile(source: &str, limits: Limits) -> Result<Compiled, PatternError> {
    let chars = source.chars().count();
    if chars > limits.max_source_chars {
        return Err(PatternError::TooLong { limit: limits.max_source_chars, actual: chars });
    }
    let hir = parse(source)?;
    let matcher = match class_shape(&hir) {
        Some(shape) => Matcher::Class(shape),
        None => Matcher::Nfa(Box::new(nfa_matcher(hir, limits)?)),
    };
    Ok(Compiled { source: source.to_owned(), matcher })
}

/// The pattern as `regex-syntax` reads it after translation from Java. This is the form
/// [`compile`] matches with, so the exporters print this HIR (`crate::export`) instead of
/// re-reading the Java text: an exported pattern then means exactly what the validator checks.
pub fn parse(source: &str) -> Result<Hir, PatternError> {
    let translated = translate(source)?;
    let hir = regex_syntax::ParserBuilder::new()
        .nest_limit(64)
        .build()
        .parse(&translated)
        .map_err(|e| syntax(first_line(&e.to_string())))?;
    Ok(hir)
}

/// Compiles `hir`, anchored at both ends (decisions R1), within the size limit.
fn nfa_matcher(hir: Hir, limits: Limits) -> Result<NfaMatcher, PatternError> {
    let whole = Hir::concat(vec![Hir::look(Look::Start), hir, Hir::look(Look::End)]);
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().nfa_size_limit(Some(limits.max_compiled_bytes)))
        .build_from_hir(&whole)
        .map_err(|e| match e.size_limit() {
            Some(_) => PatternError::TooBig { limit: limits.max_compiled_bytes },
            None => syntax(first_line(&e.to_string())),
        })?;
    let backtrack = BoundedBacktracker::new_from_nfa(nfa.clone()).map_err(|e| syntax(e.to_string()))?;
    let pikevm = PikeVM::new_from_nfa(nfa).map_err(|e| syntax(e.to_string()))?;
    let caches = Mutex::new((backtrack.create_cache(), pikevm.create_cache()));
    Ok(NfaMatcher { backtrack, pikevm, caches })
}

fn first_line(s: &str) -> String {
    // regex-syntax errors are multi-line with a caret diagram; keep the summary line.
    s.lines().rev().find(|l| l.starts_with("error:")).unwrap_or(s).trim_start_matches("error: ").to_owned()
}

// ---- fast-path analysis -------------------------------------------------------------------

fn class_shape(hir: &Hir) -> Option<ClassShape> {
    let mut allow_empty = false;
    let mut rep: Option<(u32, Option<u32>, &Class)> = None;
    let branches: Vec<&Hir> = match hir.kind() {
        HirKind::Alternation(alts) => alts.iter().collect(),
        _ => vec![hir],
    };
    for b in branches {
        let b = strip_anchors(b)?;
        match b {
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
    let set = match class {
        Class::Unicode(u) => {
            let mut ascii = [0u64; 2];
            let mut ranges = Vec::new();
            for r in u.ranges() {
                let (lo, hi) = (r.start() as u32, r.end() as u32);
                for c in lo..=hi.min(127) {
                    ascii[(c >> 6) as usize] |= 1u64 << (c & 63);
                }
                if hi >= 128 {
                    ranges.push((lo.max(128), hi));
                }
            }
            CharSet { ascii, ranges: ranges.into_boxed_slice() }
        }
        Class::Bytes(_) => return None,
    };
    Some(ClassShape { allow_empty, min, max, set })
}

/// `Ok(None)` for a branch that matches only the empty string (`^$`, empty), `Ok(Some(h))`
/// for the branch without leading `^` / trailing `$`, `None` when anchors are elsewhere.
fn strip_anchors(h: &Hir) -> Option<Option<&Hir>> {
    let is_edge = |h: &Hir| matches!(h.kind(), HirKind::Look(Look::Start | Look::End));
    match h.kind() {
        HirKind::Empty => Some(None),
        HirKind::Look(Look::Start | Look::End) => Some(None),
        HirKind::Concat(parts) => {
            let rest: Vec<&Hir> = parts.iter().filter(|p| !is_edge(p)).collect();
            // Only `^` before the inner part and only `$` after it: `[a-z]+^` or `$a` match
            // nothing, which the general matcher knows and a class table would not.
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

mod translate;

pub use translate::translate;

#[cfg(test)]
mod tests;
