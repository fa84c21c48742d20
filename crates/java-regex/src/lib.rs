//! Java's regular expressions, exactly: `java.util.regex.Pattern.compile(p)` and
//! `Matcher.matches()` (a whole-string match), as Java 17 behaves, with Unicode 16 tables
//! (decisions R2, R10, R14, R15).
//!
//! Why not translate to another engine? Java's dialect differs from every other one in
//! hundreds of small ways (`[a&&]`, `[--0]`, `(?m)^$` on `""`, `\Z` before a final line
//! terminator, `(?iu)` comparing `toLowerCase(toUpperCase(c))`, a lone surrogate being a code
//! point of its own, …), and lookaround, back references, possessive and atomic groups only
//! mean something in a backtracking matcher. So this crate reproduces Java's own parser and
//! node graph and walks the graph as Java's matcher does, but on an explicit stack with a
//! step budget: every pattern and input terminates, in bounded memory, without recursion
//! proportional to the input. The differential test (`tests/differential.rs`) runs
//! `java.util.regex` itself on generated patterns and strings and compares.
//!
//! ```
//! use java_regex::Regex;
//! let re = Regex::new(r"[a-z&&[^aeiou]]+\d{2,}").unwrap();
//! assert_eq!(re.matches("xyz42", java_regex::DEFAULT_BUDGET), Ok(true));
//! assert!(Regex::new("a**").unwrap_err().to_string().starts_with("Dangling meta character '*'"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::fmt;
use std::sync::{Arc, OnceLock};

mod ecma;
mod exec;
mod grapheme;
mod names;
mod parse;
mod prog;
mod shape;
#[rustfmt::skip]
mod tables;
mod unicode;
mod utf16;

/// The Unicode version of the `\p{…}` tables and case mappings (decisions R15).
pub const UNICODE_VERSION: &str = "16.0.0";

/// A step budget that fits any sane format on inputs up to a few kilobytes: one step is
/// one node visit of Java's matcher (plus one per character a node scans), about 10–30 ns
/// here, so this stops a runaway match after roughly 20–60 ms of native code.
pub const DEFAULT_BUDGET: u64 = 2_000_000;

/// A compiled pattern: immutable, `Send + Sync`, and cheap to clone (shared).
#[derive(Clone, Debug)]
pub struct Regex {
    prog: Arc<prog::Prog>,
    pattern: Arc<str>,
    /// `to_ecmascript`, computed on first use.
    ecma: Arc<OnceLock<Option<String>>>,
}

/// Why `Regex::new` refused a pattern: Java's `PatternSyntaxException` wording (its
/// description and index), or a limit of ours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    description: String,
    index: Option<usize>,
    pattern: String,
}

/// The step budget ran out before the matcher could decide: neither a match nor a
/// non-match (the server would have had to decide; we cannot say what it decided).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BudgetExceeded;

impl fmt::Display for BudgetExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the regular expression needed more steps than its budget allows")
    }
}

impl std::error::Error for BudgetExceeded {}

impl Error {
    pub(crate) fn syntax(description: String, index: i64, pattern: &str) -> Error {
        Error { description, index: usize::try_from(index).ok(), pattern: pattern.to_string() }
    }

    /// Java would throw ArrayIndexOutOfBoundsException from `Pattern.compile`.
    pub(crate) fn internal(index: usize, len: usize, pattern: &str) -> Error {
        Error {
            description: format!("Index {index} out of bounds for length {len}"),
            index: None,
            pattern: pattern.to_string(),
        }
    }

    pub(crate) fn too_large(pattern: &str) -> Error {
        Error {
            description: format!("Pattern too large (over {} elements)", parse::MAX_PROGRAM),
            index: None,
            pattern: pattern.to_string(),
        }
    }

    /// Java's `PatternSyntaxException.getDescription()`, e.g. "Dangling meta character '*'".
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Java's `getIndex()`: where in the pattern (in code points, after Java's rewriting of
    /// `\Q…\E`) the error was found, when Java gives one.
    pub fn index(&self) -> Option<usize> {
        self.index
    }
}

impl fmt::Display for Error {
    /// The first line of Java's `getMessage()`: "Dangling meta character '*' near index 0".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(i) => write!(f, "{} near index {}", self.description, i),
            None => f.write_str(&self.description),
        }
    }
}

impl std::error::Error for Error {}

impl Regex {
    /// `Pattern.compile(pattern)`: accepts exactly what Java accepts.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        let prog = parse::compile(pattern)?;
        Ok(Regex { prog: Arc::new(prog), pattern: Arc::from(pattern), ecma: Arc::new(OnceLock::new()) })
    }

    /// `Pattern.compile` of a pattern given as UTF-16 code units, as a Java (or JavaScript)
    /// string holds it: a lone surrogate is a code point of its own, which a `&str` cannot
    /// carry. [`Regex::as_str`] then shows lone surrogates as U+FFFD.
    pub fn new_utf16(pattern: &[u16]) -> Result<Regex, Error> {
        let shown = String::from_utf16_lossy(pattern);
        let prog = parse::compile_code_points(&shown, utf16::code_points(pattern))?;
        Ok(Regex { prog: Arc::new(prog), pattern: Arc::from(shown), ecma: Arc::new(OnceLock::new()) })
    }

    /// The pattern this was compiled from.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// When the pattern is "characters of one class, count in [min, max]" (optionally with an
    /// alternative that matches only `""`, as in `^$|[a-z]{4,100}`): that class and those
    /// bounds, so a caller can match with a table lookup per character and name the first
    /// character the class does not allow. Exact: for every input, [`Regex::matches_utf16`]
    /// is [`ClassShape::matches_utf16`] (`tests/class_shape.rs` checks it on generated
    /// patterns). `None` for any other pattern.
    pub fn class_shape(&self) -> Option<ClassShape> {
        shape::class_shape(&self.prog)
    }

    /// About how many bytes of heap this compiled pattern holds (its node graph, the
    /// pattern text, and the ECMAScript form once computed), so a cache of patterns can be
    /// bounded by memory rather than by count. Matching allocates apart, and frees on return.
    pub fn memory_usage(&self) -> usize {
        std::mem::size_of::<prog::Prog>()
            + self.prog.heap_bytes()
            + self.pattern.len()
            + self.ecma.get().and_then(|e| e.as_ref()).map_or(0, String::capacity)
    }

    /// `Pattern.compile(p).matcher(input).matches()`. `budget` is in steps (see
    /// [`DEFAULT_BUDGET`]). Where Java's `matches()` would throw (a few malformed-at-run-time
    /// patterns such as `[[a]b&&]`), the answer is `false`: the server rejects those inputs.
    pub fn matches(&self, input: &str, budget: u64) -> Result<bool, BudgetExceeded> {
        let units: Vec<u16> = input.encode_utf16().collect();
        self.matches_utf16(&units, budget)
    }

    /// [`Regex::matches`] on UTF-16 code units, as Java strings are: a lone surrogate is a
    /// code point of its own (category Cs).
    pub fn matches_utf16(&self, input: &[u16], budget: u64) -> Result<bool, BudgetExceeded> {
        match exec::Exec::new(&self.prog, input, budget).run() {
            Ok(b) => Ok(b),
            Err(exec::Stop::Thrown) => Ok(false),
            Err(exec::Stop::Budget) => Err(BudgetExceeded),
        }
    }

    /// An ECMAScript pattern (for a `u`-flag `RegExp`), anchored as `^(?:…)$`, that accepts
    /// exactly the strings this pattern matches, when one exists; `None` for constructs
    /// with no exact ECMAScript equivalent (back references, possessive and atomic groups,
    /// lookbehind, `\G`, `\X`, `(?u)` case folding, …). For JSON Schema `pattern` and a
    /// JavaScript fast path. Computed on the first call and cached.
    pub fn to_ecmascript(&self) -> Option<String> {
        self.ecma.get_or_init(|| ecma::translate(&self.prog.nodes, self.prog.start)).clone()
    }
}

/// What [`Regex::class_shape`] found: the pattern matches a string exactly when every code
/// point of it is in `ranges` and there are `min..=max` of them, or the string is `""` and
/// `allow_empty`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassShape {
    /// The class: sorted, disjoint, inclusive code point ranges (surrogate code points stand
    /// for lone surrogates).
    pub ranges: Vec<(u32, u32)>,
    /// Fewest code points.
    pub min: u32,
    /// Most code points, if bounded.
    pub max: Option<u32>,
    /// Whether `""` matches besides (an alternative such as `^$`).
    pub allow_empty: bool,
}

impl ClassShape {
    /// Whether `cp` is in the class.
    pub fn contains(&self, cp: u32) -> bool {
        self.ranges
            .binary_search_by(|&(lo, hi)| {
                if hi < cp {
                    std::cmp::Ordering::Less
                } else if lo > cp {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }

    /// The whole-string match this shape stands for, on UTF-16 code units.
    pub fn matches_utf16(&self, input: &[u16]) -> bool {
        if input.is_empty() {
            return self.allow_empty || self.min == 0;
        }
        let mut count: u64 = 0;
        let mut i = 0;
        while i < input.len() {
            let (cp, n) = utf16::code_point_at(input, i);
            if !self.contains(cp) {
                return false;
            }
            count += 1;
            i += n;
        }
        count >= u64::from(self.min) && self.max.is_none_or(|m| count <= u64::from(m))
    }
}

#[doc(hidden)]
/// For the differential test: `Some(true|false)`, `None` when Java would throw.
pub fn __matches_detail(re: &Regex, input: &[u16], budget: u64) -> Result<Option<bool>, BudgetExceeded> {
    match exec::Exec::new(&re.prog, input, budget).run() {
        Ok(b) => Ok(Some(b)),
        Err(exec::Stop::Thrown) => Ok(None),
        Err(exec::Stop::Budget) => Err(BudgetExceeded),
    }
}

#[doc(hidden)]
/// For checking the tables against a JVM (`tests/unicode_tables.rs`): one line per code point
/// in the format of `tests/oracle/Tables.java`.
pub fn __character_line(cp: u32) -> String {
    use unicode::CharClass as C;
    let block = unicode::block(cp)
        .and_then(|id| {
            let names = || tables::BLOCK_NAMES.iter().filter(move |(_, b)| *b == id).map(|(n, _)| *n);
            names()
                .find(|n| n.contains('_'))
                .or_else(|| names().filter(|n| !n.contains(' ') && !n.contains('-')).min_by_key(|n| n.len()))
        })
        .unwrap_or("-");
    let script = tables::SCRIPT_NAMES.get(unicode::script(cp) as usize).map_or("?", |s| s.0);
    let classes = [
        C::Alphabetic,
        C::Ideographic,
        C::Letter,
        C::LowerCase,
        C::UpperCase,
        C::TitleCase,
        C::Digit,
        C::Defined,
        C::LetterOrDigit,
        C::JavaIdentifierStart,
        C::JavaIdentifierPart,
        C::UnicodeIdentifierStart,
        C::UnicodeIdentifierPart,
        C::IdentifierIgnorable,
        C::SpaceChar,
        C::Whitespace,
        C::IsoControl,
        C::Mirrored,
    ];
    let flags = classes.iter().enumerate().fold(0u32, |f, (k, c)| f | (u32::from(c.is(cp)) << k));
    format!(
        "{cp:x} {} {script} {block} {:x} {:x} {flags}",
        unicode::category(cp),
        unicode::to_upper(cp),
        unicode::to_lower(cp)
    )
}
