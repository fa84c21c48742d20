//! Regular expressions in the server's dialect (Java `java.util.regex`, decisions R2, R14),
//! matched against the whole value (decisions R1):
//! - the API's fixed patterns ([`fixed`]), compiled at build time (crates/fixed-patterns,
//!   run by `build.rs`) into class tables and DFA tables: no regex parser at run time;
//! - patterns that arrive at run time, a product's formats ([`user`], decisions R10) and
//!   `setPattern` ([`patterns`]), compiled by java-regex: Java's own parser and
//!   backtracking matcher over UTF-16, bounded by a step budget ([`user::STEP_BUDGET`]);
//! - what the JavaScript validators need printed ([`ecma`]).

mod class;
pub mod ecma;
pub mod fixed;
pub mod patterns;
mod user;

use std::fmt;

pub use patterns::{reset_pattern, set_pattern};
pub use user::{user, user_utf16, UserPattern, MAX_PATTERN_CHARS, STEP_BUDGET};

/// Why a value does not match a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// A character the pattern's class does not allow, with its UTF-16 offset (a lone
    /// surrogate shows as U+FFFD).
    Char { ch: char, index: usize },
    /// Every character is allowed but there are too few or too many of them.
    Count,
    /// The value does not match (a general pattern, no finer diagnosis).
    NoMatch,
    /// The matcher ran out of steps before it could decide (decisions R14): neither a match
    /// nor a mismatch. Reported as its own reason, never as "does not match".
    Budget,
}

/// Why a pattern cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PatternError {
    /// The pattern is longer than [`MAX_PATTERN_CHARS`].
    TooLong {
        /// [`MAX_PATTERN_CHARS`].
        limit: usize,
        /// The pattern's length, in characters.
        actual: usize,
    },
    /// Java's `Pattern.compile` refuses it: its `PatternSyntaxException` wording and index.
    Syntax(java_regex::Error),
    /// `set_pattern` got a name that is not in the pattern table.
    UnknownName {
        /// The name given.
        name: String,
        /// The names the table has, comma-separated.
        known: String,
    },
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::TooLong { limit, actual } => {
                write!(f, "the pattern is {actual} characters long; at most {limit} are accepted")
            }
            PatternError::Syntax(e) => e.fmt(f),
            PatternError::UnknownName { name, known } => {
                write!(f, "unknown pattern name {name:?}; known names: {known}")
            }
        }
    }
}

impl std::error::Error for PatternError {}
