//! The API's fixed patterns ([`crate::schema::PATTERNS`]), compiled at build time by
//! `crates/fixed-patterns` (run from `build.rs`): class tables for the class-shaped ones, a
//! DFA table for EMAIL and NON_BLANK, and each one's ECMAScript form. Nothing here parses a
//! regex at run time, and the `.wasm` carries no Unicode property tables for them (issue 10).
//! The tests below hold the generated data to java-regex, the Java-exact engine.

use super::class::{byte_table, Class};
use super::Mismatch;
use crate::schema::Pattern;

/// A fixed pattern as compiled at build time.
#[derive(Debug)]
pub struct Fixed {
    /// Its name in the pattern table (checked against the table's order in the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    /// The whole-value ECMAScript form built with a DFA pattern; `None` for a class pattern,
    /// whose form is printed from its table (see [`Fixed::ecma`]).
    pub ecma: Option<&'static str>,
    pub matcher: FixedMatcher,
}

/// How a fixed pattern is matched.
#[derive(Debug)]
pub enum FixedMatcher {
    Class(Class<&'static [(u32, u32)]>),
    Dfa(DfaTable),
}

/// A minimized DFA over UTF-8 bytes: from state `s` (0 is the start) on byte `b` go to
/// `rows[s][b]`; the value matches if the state reached at its end accepts. Linear time, no
/// allocation; a row per state (11 KB for EMAIL) so each input byte costs one load. (Written
/// here rather than using regex-automata's `dfa-search`, which costs ~55 KB of `.wasm` for
/// what these ten lines do: see crates/fixed-patterns.)
#[derive(Debug)]
pub struct DfaTable {
    pub rows: &'static [[u8; 256]],
    pub accept: &'static [bool],
    /// The state no input leaves.
    pub dead: u8,
}

impl DfaTable {
    pub fn is_match(&self, value: &str) -> bool {
        let mut s = 0u8;
        for &b in value.as_bytes() {
            // Out of range cannot happen for generated tables; treat it as the dead state.
            s = self.rows.get(usize::from(s)).map_or(self.dead, |row| row[usize::from(b)]);
            if s == self.dead {
                return false;
            }
        }
        self.accept.get(usize::from(s)).copied().unwrap_or(false)
    }
}

impl Fixed {
    /// Whole-string match of `value`.
    pub fn check(&self, value: &str) -> Result<(), Mismatch> {
        match &self.matcher {
            FixedMatcher::Class(c) => c.check(value),
            FixedMatcher::Dfa(d) => {
                if d.is_match(value) {
                    Ok(())
                } else {
                    Err(Mismatch::NoMatch)
                }
            }
        }
    }

    /// The whole-value ECMAScript form (`^(?:…)$`, `u` flag) for JSON Schema and the
    /// JavaScript validators: the text crates/fixed-patterns prints from the pattern's HIR
    /// (for a class pattern, printed here from the table; a test checks they are the same).
    pub fn ecma(&self) -> std::borrow::Cow<'static, str> {
        match (&self.matcher, self.ecma) {
            (_, Some(e)) => e.into(),
            (FixedMatcher::Class(c), None) => {
                super::ecma::class_pattern(&c.ranges(), c.min, c.max, c.allow_empty).into()
            }
            // Not generated: a DFA pattern always carries its form. Matches nothing.
            (FixedMatcher::Dfa(_), None) => "(?!)".into(),
        }
    }

    /// The class table, for a class-shaped pattern.
    pub fn class(&self) -> Option<&Class<&'static [(u32, u32)]>> {
        match &self.matcher {
            FixedMatcher::Class(c) => Some(c),
            FixedMatcher::Dfa(_) => None,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/fixed_patterns.rs"));

/// The compiled form of the fixed pattern `p`.
pub fn fixed(p: Pattern) -> &'static Fixed {
    &FIXED[p as usize]
}

#[cfg(test)]
mod tests;
