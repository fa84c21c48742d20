//! Text to values: how the text of a form input or a CSV cell becomes the JSON value a field
//! of a given kind takes. One set of rules, used by the CSV reader (`crate::validate::csv`)
//! and, through the table [`text_rules`] written into the package, by the JavaScript form
//! helper `formBody` (`src/js/core/form.js`); `tests/js/form-input.test.mjs` holds the two to
//! the same bodies.
//!
//! Nothing is guessed beyond the model and nothing is trimmed: the empty text is absent; an
//! integer field takes [`INTEGER_TEXT`], a number field [`NUMBER_TEXT`], a boolean field
//! exactly `true` or `false`; any other text stays a string, so the validator reports `type`
//! (a person typed something that is not a number: they are told so, not given a guess).

use super::Kind;

/// The text an integer field reads as a number (ECMAScript regex, anchored).
pub const INTEGER_TEXT: &str = "^-?[0-9]+$";

/// The text a number field reads as a number: decimal and exponent forms (ECMAScript regex,
/// anchored).
pub const NUMBER_TEXT: &str = r"^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$";

/// The texts a boolean field reads as `true` and `false`.
pub const BOOLEAN_TEXT: [(&str, bool); 2] = [("true", true), ("false", false)];

/// What a non-empty text is for a field of some kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TextValue<'a> {
    /// A number (read with Rust's `f64` parser, as JavaScript's `Number` reads the same text;
    /// the text is kept for callers that need to know it overflowed).
    Number(f64),
    /// `true` or `false`.
    Bool(bool),
    /// The text itself.
    Text(&'a str),
}

/// Does `t` match [`INTEGER_TEXT`]? (Written out: no regex engine for this.)
pub fn is_integer_text(t: &str) -> bool {
    let digits = t.strip_prefix('-').unwrap_or(t);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Does `t` match [`NUMBER_TEXT`]? (Written out: no regex engine for this.)
pub fn is_number_text(t: &str) -> bool {
    let b = t.strip_prefix('-').unwrap_or(t).as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int = digits(0);
    let mut i = int;
    let mut frac = 0;
    if b.get(i) == Some(&b'.') {
        frac = digits(i + 1);
        i += 1 + frac;
    }
    if int == 0 && frac == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp = digits(j);
        if exp == 0 {
            return false;
        }
        i = j + exp;
    }
    i == b.len()
}

/// The value of the non-empty text `t` for a field of `kind` (module doc). A number too
/// large for a double is ±infinity here; callers decide what that means.
pub fn text_value<'a>(kind: &Kind, t: &'a str) -> TextValue<'a> {
    let numeric = match kind {
        Kind::Integer(_) => is_integer_text(t),
        Kind::Number(_) => is_number_text(t),
        Kind::Boolean => {
            return BOOLEAN_TEXT
                .iter()
                .find(|(text, _)| *text == t)
                .map_or(TextValue::Text(t), |(_, b)| TextValue::Bool(*b))
        }
        _ => false,
    };
    match t.parse::<f64>() {
        Ok(n) if numeric => TextValue::Number(n),
        _ => TextValue::Text(t),
    }
}

/// The rules as data, for the JavaScript form helper: `{ integer, number, boolean }`.
pub fn text_rules() -> serde_json::Value {
    let boolean: serde_json::Map<String, serde_json::Value> =
        BOOLEAN_TEXT.iter().map(|(t, b)| ((*t).to_owned(), (*b).into())).collect();
    serde_json::json!({ "integer": INTEGER_TEXT, "number": NUMBER_TEXT, "boolean": boolean })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::nfa::thompson::pikevm::PikeVM;

    /// The hand-written matchers are the published expressions, over every short text of the
    /// characters that matter.
    #[test]
    fn matchers_agree_with_the_expressions() {
        let integer = PikeVM::new(INTEGER_TEXT).unwrap();
        let number = PikeVM::new(NUMBER_TEXT).unwrap();
        let alphabet = ['0', '7', '-', '+', '.', 'e', 'E', ' ', 'x'];
        let mut texts = vec![String::new()];
        let mut frontier = vec![String::new()];
        for _ in 0..5 {
            let mut next = Vec::new();
            for t in &frontier {
                for c in alphabet {
                    next.push(format!("{t}{c}"));
                }
            }
            texts.extend(next.iter().cloned());
            frontier = next;
        }
        let matches = |re: &PikeVM, t: &str| {
            let mut cache = re.create_cache();
            re.is_match(&mut cache, t)
        };
        for t in &texts {
            assert_eq!(is_integer_text(t), matches(&integer, t), "integer {t:?}");
            assert_eq!(is_number_text(t), matches(&number, t), "number {t:?}");
            if is_number_text(t) {
                assert!(t.parse::<f64>().is_ok(), "{t:?} matches but does not parse");
            }
        }
    }

    #[test]
    fn texts_become_values_by_kind_only() {
        use crate::schema::{boolean, date, int32, number};
        let int = int32().kind();
        assert_eq!(text_value(&int, "-12"), TextValue::Number(-12.0));
        assert_eq!(text_value(&int, "1.5"), TextValue::Text("1.5"));
        assert_eq!(text_value(&int, " 1"), TextValue::Text(" 1"));
        assert_eq!(text_value(&number(None, None), ".5"), TextValue::Number(0.5));
        assert_eq!(text_value(&number(None, None), "1e400"), TextValue::Number(f64::INFINITY));
        assert_eq!(text_value(&boolean(), "true"), TextValue::Bool(true));
        assert_eq!(text_value(&boolean(), "TRUE"), TextValue::Text("TRUE"));
        assert_eq!(text_value(&date(), "12"), TextValue::Text("12"));
    }
}
