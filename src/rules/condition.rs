//! When a cross-field rule applies ([`Condition`], decisions R9), in every backend. "Present"
//! is the engine's reading: the member is there and not `null` (JSON's `null` and a left-out
//! member both mean "no value" to the server's binding).

use serde_json::{json, Value};

use super::issue::When;
use crate::schema::{Condition, Literal};

/// A member value a rule reads, as the engine kept it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kept<'a> {
    /// A JSON boolean.
    Bool(bool),
    /// A finite JSON number.
    Number(f64),
    /// A JSON string.
    Str(&'a str),
    /// Anything else (an object, an array, a value JSON cannot carry).
    Other,
}

/// What an object kept for its rules, by field index in its schema.
pub trait Members {
    /// The field is there and not `null`.
    fn present(&self, field: usize) -> bool;
    /// The value of a present field a rule reads.
    fn kept(&self, field: usize) -> Option<Kept<'_>>;
}

/// Does `c`, about the field at index `field`, hold for `m`?
pub fn holds(c: Condition, field: usize, m: &impl Members) -> bool {
    match c {
        Condition::Present(_) => m.present(field),
        Condition::Equals(_, lit) => m.kept(field).is_some_and(|v| equals(lit, v)),
        Condition::OneOf(_, values) => matches!(m.kept(field), Some(Kept::Str(s)) if values.contains(&s)),
    }
}

/// The value is the literal (same JSON type, same value).
pub fn equals(lit: Literal, v: Kept<'_>) -> bool {
    match (lit, v) {
        (Literal::Bool(a), Kept::Bool(b)) => a == b,
        (Literal::Int(a), Kept::Number(b)) => a as f64 == b,
        (Literal::Str(a), Kept::Str(b)) => a == b,
        _ => false,
    }
}

/// The value has the literal's JSON type (so comparing it means something).
pub fn same_type(lit: Literal, v: Kept<'_>) -> bool {
    matches!(
        (lit, v),
        (Literal::Bool(_), Kept::Bool(_)) | (Literal::Int(_), Kept::Number(_)) | (Literal::Str(_), Kept::Str(_))
    )
}

/// The condition as issue params (`params.when`).
pub fn when(c: Condition) -> When {
    match c {
        Condition::Present(f) => When { field: f.into(), equals: None, one_of: None, present: Some(true) },
        Condition::Equals(f, lit) => When { field: f.into(), equals: Some(lit.to_json()), one_of: None, present: None },
        Condition::OneOf(f, v) => {
            When { field: f.into(), equals: None, one_of: Some(v.iter().map(|s| (*s).into()).collect()), present: None }
        }
    }
}

/// The JavaScript test of `c`, where `present` and `value` name the field's variables.
pub fn js(c: Condition, present: &str, value: &str) -> String {
    match c {
        Condition::Present(_) => present.to_owned(),
        Condition::Equals(_, lit) => js_equals(lit, value),
        Condition::OneOf(_, values) => {
            let tests: Vec<String> = values.iter().map(|v| format!("{value} === {}", super::js::quote(v))).collect();
            format!("({})", tests.join(" || "))
        }
    }
}

/// JavaScript for [`equals`].
pub fn js_equals(lit: Literal, value: &str) -> String {
    format!("{value} === {}", super::js::literal(&lit.to_json()))
}

/// JavaScript for [`same_type`] (NaN and ±Infinity are not numbers to the engine).
pub fn js_same_type(lit: Literal, value: &str) -> String {
    match lit {
        Literal::Bool(_) => format!("typeof {value} === \"boolean\""),
        Literal::Int(_) => format!("Number.isFinite({value})"),
        Literal::Str(_) => format!("typeof {value} === \"string\""),
    }
}

/// The member is there and not `null`, as JSON Schema.
pub fn json_present(field: &str) -> Value {
    json!({ "required": [field], "properties": { field: { "not": { "type": "null" } } } })
}

/// The condition as a JSON Schema (`if`).
pub fn json_schema(c: Condition) -> Value {
    match c {
        Condition::Present(f) => json_present(f),
        Condition::Equals(f, lit) => json!({ "required": [f], "properties": { f: { "const": lit.to_json() } } }),
        Condition::OneOf(f, values) => json!({ "required": [f], "properties": { f: { "enum": values } } }),
    }
}

/// The condition in words (`` `isCredit` is true ``).
pub fn describe(c: Condition) -> String {
    let lit = |l: Literal| match l {
        Literal::Bool(b) => b.to_string(),
        Literal::Int(i) => i.to_string(),
        Literal::Str(s) => format!("{s:?}"),
    };
    match c {
        Condition::Present(f) => format!("`{f}` is given"),
        Condition::Equals(f, v) => format!("`{f}` is {}", lit(v)),
        Condition::OneOf(f, v) => format!("`{f}` is one of {}", v.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct One(Option<Kept<'static>>);
    impl Members for One {
        fn present(&self, _: usize) -> bool {
            self.0.is_some()
        }
        fn kept(&self, _: usize) -> Option<Kept<'_>> {
            self.0
        }
    }

    #[test]
    fn conditions_read_present_values_of_the_same_type() {
        let eq = Condition::Equals("a", Literal::Bool(true));
        assert!(holds(eq, 0, &One(Some(Kept::Bool(true)))));
        assert!(!holds(eq, 0, &One(Some(Kept::Str("true")))));
        assert!(!holds(eq, 0, &One(None)));
        let one_of = Condition::OneOf("a", &["X", "Y"]);
        assert!(holds(one_of, 0, &One(Some(Kept::Str("Y")))));
        assert!(!holds(one_of, 0, &One(Some(Kept::Other))));
        assert!(holds(Condition::Present("a"), 0, &One(Some(Kept::Other))));
        assert!(equals(Literal::Int(3), Kept::Number(3.0)) && !same_type(Literal::Int(3), Kept::Str("3")));
    }

    #[test]
    fn javascript_spells_the_same_tests() {
        assert_eq!(js(Condition::Equals("a", Literal::Str("RENTAL")), "p1", "v1"), "v1 === \"RENTAL\"");
        assert_eq!(js(Condition::OneOf("a", &["X", "Y"]), "p1", "v1"), "(v1 === \"X\" || v1 === \"Y\")");
        assert_eq!(js(Condition::Present("a"), "p1", "v1"), "p1");
        assert_eq!(js_same_type(Literal::Int(0), "v2"), "Number.isFinite(v2)");
    }
}
