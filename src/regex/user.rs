//! Patterns that arrive at run time: a product's formats (decisions R10) and patterns set with
//! `setPattern` (decisions R3). The server applies them with `java.util.regex` (R2, R14), so
//! they are compiled by java-regex, which reproduces Java's parser and its backtracking
//! matcher: every construct Java accepts has Java's meaning (lookaround, back references,
//! possessive and atomic groups…), everything Java refuses is an error in Java's words, and
//! strings are matched as UTF-16, a lone surrogate being itself. Matching is bounded by a step
//! budget; running out of it is [`Mismatch::Budget`], never a guess.
//!
//! A pattern of one class repeated (`[0-9]{3,11}`, java-regex's `class_shape`) is matched
//! by a class table instead: same verdicts, a table lookup per character, and the mismatch
//! names the first character the class does not allow.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use java_regex::{ClassShape, Regex};

use super::class::Class;
use super::{Mismatch, PatternError};

/// Longest pattern accepted, in code points: a bound on what one user-supplied regex may
/// cost to compile and keep (the guide: bound every user-supplied regex).
pub const MAX_PATTERN_CHARS: usize = 1024;

/// Steps one match may take (java-regex's default: about 20–60 ms of native code).
pub const STEP_BUDGET: u64 = java_regex::DEFAULT_BUDGET;

/// A class-shaped pattern's shape and its table.
type ClassTable = (ClassShape, Class<Box<[(u32, u32)]>>);

/// A pattern compiled in Java's dialect, with its class table when it has one.
#[derive(Debug)]
pub struct UserPattern {
    regex: Regex,
    class: Option<ClassTable>,
}

impl UserPattern {
    /// `Pattern.compile` of `source` (UTF-16, as Java and JavaScript hold strings).
    pub fn compile_utf16(source: &[u16]) -> Result<UserPattern, PatternError> {
        let chars = char::decode_utf16(source.iter().copied()).count();
        if chars > MAX_PATTERN_CHARS {
            return Err(PatternError::TooLong { limit: MAX_PATTERN_CHARS, actual: chars });
        }
        let regex = Regex::new_utf16(source).map_err(PatternError::Syntax)?;
        let class = regex.class_shape().map(|s| {
            let table = Class::from_ranges(&s.ranges, s.min, s.max, s.allow_empty);
            (s, table)
        });
        Ok(UserPattern { regex, class })
    }

    /// [`UserPattern::compile_utf16`] of a Rust string.
    pub fn compile(source: &str) -> Result<UserPattern, PatternError> {
        Self::compile_utf16(&source.encode_utf16().collect::<Vec<_>>())
    }

    /// The source (a lone surrogate shows as U+FFFD).
    pub fn source(&self) -> &str {
        self.regex.as_str()
    }

    /// The compiled pattern.
    pub fn regex(&self) -> &Regex {
        &self.regex
    }

    /// "Characters of one class, count in [min, max]", when the pattern is that.
    pub fn class_shape(&self) -> Option<&ClassShape> {
        self.class.as_ref().map(|(s, _)| s)
    }

    /// Whole-string match of `value`, as Java's `matches()`.
    pub fn check(&self, value: &str) -> Result<(), Mismatch> {
        match &self.class {
            Some((_, table)) => table.check(value),
            None => verdict(self.regex.matches(value, STEP_BUDGET)),
        }
    }

    /// [`UserPattern::check`] on UTF-16 code units.
    pub fn check_utf16(&self, value: &[u16]) -> Result<(), Mismatch> {
        match &self.class {
            Some((_, table)) => table.check_utf16(value),
            None => verdict(self.regex.matches_utf16(value, STEP_BUDGET)),
        }
    }

    /// Heap bytes kept by this pattern (for the cache's bound).
    fn memory_usage(&self) -> usize {
        self.regex.memory_usage()
            + self.class.as_ref().map_or(0, |(s, t)| (s.ranges.len() + t.ranges.len()) * 8)
            + std::mem::size_of::<Self>()
    }
}

fn verdict(r: Result<bool, java_regex::BudgetExceeded>) -> Result<(), Mismatch> {
    match r {
        Ok(true) => Ok(()),
        Ok(false) => Err(Mismatch::NoMatch),
        Err(_) => Err(Mismatch::Budget),
    }
}

/// What one cache entry holds: a compiled pattern or why it does not compile.
type Entry = Result<Arc<UserPattern>, PatternError>;

/// A cached format's key: its text, or its UTF-16 code units when it has a lone surrogate
/// (which a `str` cannot hold). Two maps, so a lookup by `&str` allocates nothing.
#[derive(Debug, Clone)]
enum Key {
    Str(Box<str>),
    Utf16(Box<[u16]>),
}

/// Compiled product formats, bounded by count and by bytes (issue 11 saw ~400 MiB kept by 250
/// formats under the earlier engine); the oldest entries go first.
#[derive(Default)]
struct Cache {
    by_str: HashMap<Box<str>, (Entry, usize)>,
    by_utf16: HashMap<Box<[u16]>, (Entry, usize)>,
    order: VecDeque<Key>,
    bytes: usize,
}

impl Cache {
    fn len(&self) -> usize {
        self.by_str.len() + self.by_utf16.len()
    }

    fn remove(&mut self, key: &Key) {
        let removed = match key {
            Key::Str(k) => self.by_str.remove(k),
            Key::Utf16(k) => self.by_utf16.remove(k),
        };
        if let Some((_, bytes)) = removed {
            self.bytes -= bytes;
        }
    }

    /// Keeps `entry` under `key` (of `units` code units), evicting the oldest entries first.
    fn insert(&mut self, key: Key, units: usize, entry: &Entry) {
        let size = units * 2
            + 64
            + match entry {
                Ok(p) => p.memory_usage(),
                Err(e) => e.to_string().len(),
            };
        if size > CACHE_BYTES {
            return;
        }
        // Two callers may have compiled the same format: the second replaces the first.
        self.remove(&key);
        self.order.retain(|k| !same(k, &key));
        while self.len() >= CACHE_ENTRIES || self.bytes + size > CACHE_BYTES {
            let Some(oldest) = self.order.pop_front() else { break };
            self.remove(&oldest);
        }
        self.order.push_back(key.clone());
        match key {
            Key::Str(k) => self.by_str.insert(k, (entry.clone(), size)),
            Key::Utf16(k) => self.by_utf16.insert(k, (entry.clone(), size)),
        };
        self.bytes += size;
    }
}

fn same(a: &Key, b: &Key) -> bool {
    match (a, b) {
        (Key::Str(x), Key::Str(y)) => x == y,
        (Key::Utf16(x), Key::Utf16(y)) => x == y,
        _ => false,
    }
}

/// At most this many formats are kept…
const CACHE_ENTRIES: usize = 256;
/// …and at most this many bytes of them (a format above it is compiled on every use).
const CACHE_BYTES: usize = 16 << 20;

static CACHE: Mutex<Option<Cache>> = Mutex::new(None);

/// Compiles a pattern that comes from data (a product's reference format) once, then serves
/// it from the bounded cache (decisions R10). Errors are cached too, so a bad format costs one
/// compile however often it is checked.
pub fn user(source: &str) -> Entry {
    {
        let guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((hit, _)) = guard.as_ref().and_then(|c| c.by_str.get(source)) {
            return hit.clone();
        }
    }
    // Compiled outside the lock.
    let compiled = UserPattern::compile(source).map(Arc::new);
    let mut guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    guard.get_or_insert_with(Cache::default).insert(Key::Str(source.into()), source.len(), &compiled);
    compiled
}

/// [`user`] for a pattern given as UTF-16 code units (from JavaScript, lone surrogates and all).
pub fn user_utf16(source: &[u16]) -> Entry {
    if let Ok(text) = String::from_utf16(source) {
        return user(&text);
    }
    {
        let guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((hit, _)) = guard.as_ref().and_then(|c| c.by_utf16.get(source)) {
            return hit.clone();
        }
    }
    let compiled = UserPattern::compile_utf16(source).map(Arc::new);
    let mut guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    guard.get_or_insert_with(Cache::default).insert(Key::Utf16(source.into()), source.len(), &compiled);
    compiled
}

/// Entries and bytes held by the cache (for the cache's tests).
#[cfg(test)]
fn cache_usage() -> (usize, usize) {
    let guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    guard.as_ref().map_or((0, 0), |c| (c.len(), c.bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_regexes_are_cached_with_their_errors() {
        let a = user("[0-9]{3,11}").unwrap();
        let b = user("[0-9]{3,11}").unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert!(user("(").is_err());
        assert_eq!(user("(").unwrap_err(), user("(").unwrap_err());
    }

    #[test]
    fn formats_with_lone_surrogates_are_cached_apart() {
        let lone = [0xD800, 0x2B];
        let a = user_utf16(&lone).unwrap();
        assert!(Arc::ptr_eq(&a, &user_utf16(&lone).unwrap()));
        assert_eq!(a.check_utf16(&[0xD800]), Ok(()));
        // Well-formed UTF-16 shares the entry of the same text.
        let b = user("[0-9]{4}").unwrap();
        assert!(Arc::ptr_eq(&b, &user_utf16(&"[0-9]{4}".encode_utf16().collect::<Vec<_>>()).unwrap()));
    }

    #[test]
    fn the_cache_is_bounded_by_count_and_bytes() {
        for i in 0..600 {
            let _ = user(&format!("(?:{i}|[a-z]+x){{2}}"));
            let (entries, bytes) = cache_usage();
            assert!(entries <= CACHE_ENTRIES && bytes <= CACHE_BYTES, "{entries} {bytes}");
        }
        // Large formats: far fewer of them fit.
        let big = |i: usize| format!("{}{i}", "(?:ab|[c-f]x|\\p{L}y|(?<=q)z)".repeat(30));
        let one = UserPattern::compile(&big(0)).unwrap().memory_usage();
        assert!(one > 10_000, "{one}");
        for i in 0..600 {
            let _ = user(&big(i));
            let (_, bytes) = cache_usage();
            assert!(bytes <= CACHE_BYTES, "{bytes}");
        }
    }

    #[test]
    fn class_shaped_formats_use_the_table_with_javas_verdicts() {
        let p = UserPattern::compile("^$|[a-z]{2,3}").unwrap();
        assert!(p.class_shape().is_some());
        assert_eq!(p.check(""), Ok(()));
        assert_eq!(p.check("aB"), Err(Mismatch::Char { ch: 'B', index: 1 }));
        assert_eq!(p.check("abcd"), Err(Mismatch::Count));
        // A back reference turns off Java's loop memo, so this backtracks exponentially.
        let q = UserPattern::compile(r"(a|aa)+\1?b").unwrap();
        assert!(q.class_shape().is_none());
        assert_eq!(q.check("aaab"), Ok(()));
        assert_eq!(q.check(&"a".repeat(40)), Err(Mismatch::Budget));
        assert_eq!(q.check_utf16(&[0x61; 40]), Err(Mismatch::Budget));
    }
}
