//! The patterns in force: each built-in pattern of [`crate::schema::PATTERNS`] compiled on
//! first use, or replaced at run time by [`set_pattern`] (decisions R3). Patterns match the
//! whole value (decisions R1); patterns of the shape "characters of one class, length in
//! [m, n]" (all but the e-mail one) compile to a per-character table lookup.

use std::sync::{Arc, RwLock};

use super::java::{self, Compiled, Limits, PatternError};
use crate::schema::{Pattern, PATTERNS};

/// The source text in force for `p`: the built-in one, or the one [`set_pattern`] installed.
pub fn source(p: Pattern) -> String {
    match compiled(p) {
        Ok(c) => c.source().to_owned(),
        Err(_) => p.def().source.to_owned(),
    }
}

/// Why a value does not match a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// A character the pattern's class does not allow, with its UTF-16 offset.
    Char { ch: char, index: usize },
    /// Every character is allowed but there are too few or too many of them.
    Count,
    /// The value does not match (a general pattern, no finer diagnosis).
    NoMatch,
}

type Slot = Option<Arc<Compiled>>;
static COMPILED: RwLock<[Slot; 8]> = RwLock::new([None, None, None, None, None, None, None, None]);

/// The compiled form of `p`, compiling the built-in source on first use.
pub fn compiled(p: Pattern) -> Result<Arc<Compiled>, PatternError> {
    let slot = p as usize;
    if let Some(c) = COMPILED.read().unwrap_or_else(|e| e.into_inner())[slot].clone() {
        return Ok(c);
    }
    let c = Arc::new(java::compile(p.def().source, Limits::BUILT_IN)?);
    COMPILED.write().unwrap_or_else(|e| e.into_inner())[slot] = Some(c.clone());
    Ok(c)
}

/// Checks `value` against pattern `p` (whole string).
pub(crate) fn check(p: Pattern, value: &str) -> Result<(), Mismatch> {
    match compiled(p) {
        Ok(c) => c.check(value),
        // The built-in sources are tested to compile; a failure here would be a bug in
        // this crate. Reject rather than accept (decisions: sound before complete).
        Err(_) => Err(Mismatch::NoMatch),
    }
}

/// Replaces the pattern called `name` (e.g. `"NAME_CURLY"`) with `source`, a regex in the
/// server's Java dialect, for every later validation (decisions R3). Returns an error, and
/// changes nothing, when the name is unknown or the source does not compile.
pub fn set_pattern(name: &str, source: &str) -> Result<(), PatternError> {
    let p = Pattern::from_name(name).ok_or_else(|| PatternError::UnknownName {
        name: name.to_owned(),
        known: PATTERNS.iter().map(|d| d.name).collect::<Vec<_>>().join(", "),
    })?;
    let c = Arc::new(java::compile(source, Limits::USER)?);
    COMPILED.write().unwrap_or_else(|e| e.into_inner())[p as usize] = Some(c);
    Ok(())
}

/// Restores the built-in source of the pattern called `name` (or of all, for `None`).
pub fn reset_pattern(name: Option<&str>) -> Result<(), PatternError> {
    let mut slots = COMPILED.write().unwrap_or_else(|e| e.into_inner());
    match name {
        None => slots.iter_mut().for_each(|s| *s = None),
        Some(n) => {
            let p = Pattern::from_name(n).ok_or_else(|| PatternError::UnknownName {
                name: n.to_owned(),
                known: PATTERNS.iter().map(|d| d.name).collect::<Vec<_>>().join(", "),
            })?;
            slots[p as usize] = None;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_order_matches_the_enum() {
        for (i, d) in PATTERNS.iter().enumerate() {
            assert_eq!(d.pattern as usize, i, "{}", d.name);
            assert_eq!(Pattern::from_name(d.name), Some(d.pattern));
        }
    }

    #[test]
    fn every_built_in_pattern_compiles() {
        for d in &PATTERNS {
            java::compile(d.source, Limits::BUILT_IN).unwrap_or_else(|e| panic!("{}: {e}", d.name));
        }
    }

    #[test]
    fn all_but_email_and_non_blank_take_the_class_fast_path() {
        for d in &PATTERNS {
            let c = java::compile(d.source, Limits::BUILT_IN).unwrap();
            let expect_class = !matches!(d.pattern, Pattern::Email | Pattern::NonBlank);
            assert_eq!(c.is_class_shaped(), expect_class, "{}", d.name);
        }
    }
}
