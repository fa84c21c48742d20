//! The patterns in force: each fixed pattern of [`crate::schema::PATTERNS`] as compiled at
//! build time ([`super::fixed`]), or the one [`set_pattern`] installed in its place
//! (decisions R3), compiled by java-regex in Java's dialect like a product format. Patterns
//! match the whole value (decisions R1).

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, RwLock};

use super::fixed::{fixed, Fixed};
use super::user::UserPattern;
use super::{Mismatch, PatternError};
use crate::schema::{Pattern, PATTERNS};

/// The pattern in force for a name.
#[derive(Debug, Clone)]
pub enum InForce {
    /// The fixed pattern, compiled at build time.
    Fixed(&'static Fixed),
    /// A pattern installed with [`set_pattern`].
    Set(Arc<UserPattern>),
}

type Slot = Option<Arc<UserPattern>>;
static SET: RwLock<[Slot; 8]> = RwLock::new([None, None, None, None, None, None, None, None]);

/// A bit per pattern whose slot in [`SET`] holds a pattern, changed only with the write lock
/// held: every string with a pattern asks which one is in force, and while a pattern was never
/// replaced (the usual case) the answer needs no lock.
static REPLACED: AtomicU32 = AtomicU32::new(0);

fn bit(p: Pattern) -> u32 {
    1 << (p as u32 % 32)
}

/// The pattern in force for `p`.
pub fn in_force(p: Pattern) -> InForce {
    if REPLACED.load(Ordering::Acquire) & bit(p) == 0 {
        return InForce::Fixed(fixed(p));
    }
    match SET.read().unwrap_or_else(|e| e.into_inner()).get(p as usize).cloned().flatten() {
        Some(set) => InForce::Set(set),
        None => InForce::Fixed(fixed(p)),
    }
}

/// The source text in force for `p`: the fixed one, or the one [`set_pattern`] installed.
pub fn source(p: Pattern) -> String {
    match in_force(p) {
        InForce::Fixed(_) => p.def().source.to_owned(),
        InForce::Set(u) => u.source().to_owned(),
    }
}

/// Checks `value` against pattern `p` (whole string).
pub(crate) fn check(p: Pattern, value: &str) -> Result<(), Mismatch> {
    match in_force(p) {
        InForce::Fixed(f) => f.check(value),
        InForce::Set(u) => u.check(value),
    }
}

/// [`check`] on UTF-16 code units (a value from JavaScript, lone surrogates and all). The
/// fixed patterns see a lone surrogate as U+FFFD, as every value the engine validates does.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the JavaScript validators' __patternMatches
pub fn check_utf16(p: Pattern, value: &[u16]) -> Result<(), Mismatch> {
    match in_force(p) {
        InForce::Fixed(f) => f.check(&String::from_utf16_lossy(value)),
        InForce::Set(u) => u.check_utf16(value),
    }
}

fn unknown(name: &str) -> PatternError {
    PatternError::UnknownName {
        name: name.to_owned(),
        known: PATTERNS.iter().map(|d| d.name).collect::<Vec<_>>().join(", "),
    }
}

/// Replaces the pattern called `name` (e.g. `"NAME_CURLY"`) with `source`, a regex in the
/// server's Java dialect, for every later validation (decisions R3). Returns an error, and
/// changes nothing, when the name is unknown or the source does not compile.
pub fn set_pattern(name: &str, source: &str) -> Result<(), PatternError> {
    set_pattern_utf16(name, &source.encode_utf16().collect::<Vec<_>>())
}

/// [`set_pattern`] with the source as UTF-16 code units.
pub fn set_pattern_utf16(name: &str, source: &[u16]) -> Result<(), PatternError> {
    let p = Pattern::from_name(name).ok_or_else(|| unknown(name))?;
    let compiled = Arc::new(UserPattern::compile_utf16(source)?);
    let mut slots = SET.write().unwrap_or_else(|e| e.into_inner());
    if let Some(slot) = slots.get_mut(p as usize) {
        *slot = Some(compiled);
        REPLACED.fetch_or(bit(p), Ordering::Release);
    }
    Ok(())
}

/// Restores the fixed pattern called `name` (or all, for `None`).
pub fn reset_pattern(name: Option<&str>) -> Result<(), PatternError> {
    let p = name.map(|n| Pattern::from_name(n).ok_or_else(|| unknown(n))).transpose()?;
    let mut slots = SET.write().unwrap_or_else(|e| e.into_inner());
    match p {
        None => {
            slots.iter_mut().for_each(|s| *s = None);
            REPLACED.store(0, Ordering::Release);
        }
        Some(p) => {
            if let Some(slot) = slots.get_mut(p as usize) {
                *slot = None;
                REPLACED.fetch_and(!bit(p), Ordering::Release);
            }
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
        assert_eq!(SET.read().unwrap().len(), PATTERNS.len());
    }

    #[test]
    fn all_but_email_and_non_blank_are_class_tables() {
        for d in &PATTERNS {
            let expect_class = !matches!(d.pattern, Pattern::Email | Pattern::NonBlank);
            assert_eq!(fixed(d.pattern).class().is_some(), expect_class, "{}", d.name);
        }
    }
}
