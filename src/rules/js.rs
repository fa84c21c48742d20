//! Writing the JavaScript of a rule's check. The generated validators
//! ([`crate::export::js`]) call each rule's `js` function with the names of the
//! variables in scope; these helpers spell values as JavaScript literals.
//!
//! In every check: `x` is the value (already read as JSON.stringify reads it, never `null`),
//! `c` the validation context (`src/js/core/runtime.js`), and `k`, `mi` the member name (or
//! array index) and document position the issue is reported at.

use serde_json::Value;

/// `s` as a JavaScript string literal (JSON's quoting is valid JavaScript).
pub fn quote(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}

/// A JSON value as a JavaScript literal.
pub fn literal(v: &Value) -> String {
    v.to_string()
}

/// Module-level constants of the generated code (enum sets, lookup tables), each written once
/// however many checks use it.
#[derive(Debug, Default)]
pub struct Pool {
    /// `(name, expression)`, in order of first use.
    pub constants: Vec<(String, String)>,
}

impl Pool {
    /// The name of a constant holding `expression`, declared on first use.
    pub fn constant(&mut self, expression: String) -> String {
        if let Some((name, _)) = self.constants.iter().find(|(_, e)| *e == expression) {
            return name.clone();
        }
        let name = format!("K{}", self.constants.len());
        self.constants.push((name.clone(), expression));
        name
    }
}
