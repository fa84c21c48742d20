//! Messages as data: each rule states its English sentences as [`Template`]s next to its
//! check, and one small interpreter turns `{ path, code, params }` into text. The same table
//! is written into the package for the JavaScript twin of [`render`] (`src/js/core/message.js`),
//! so an issue found in JavaScript and one found in wasm read the same, and an application that
//! translates works from `code` and `params` alone, as these templates do.
//!
//! A template applies when its conditions hold **and** every param it prints is present and
//! of the type its filter reads; the first one that applies wins. So each code ends with a
//! template that prints no param, and malformed params give a plain sentence, never blanks.
//!
//! Placeholders: `{field}` (the field's label), `{code}`, `{name}` (a param, printed by
//! [`Filter::Text`]), `{name|filter}`, and `{#name}` (a constant of [`CONSTANTS`]).
//!
//! Fields are named by labels: the caller's [`Labels`] gives the label of the field at a JSON
//! Pointer, for `{field}` and for the other fields a param names (`when`, `anyOf`), which are
//! siblings of the field.

use serde_json::Value;

/// A condition on an issue, besides "every printed param is present".
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cond {
    /// The param is present (not `null`). No template needs it today; kept because the
    /// template language has it on both sides (its twin is `'has'` in `src/js/core/message.js`).
    #[allow(dead_code)]
    Has(&'static str),
    /// The param is absent or `null`.
    Missing(&'static str),
    /// The param is this string.
    Is(&'static str, &'static str),
    /// The param is this number.
    IsNumber(&'static str, f64),
    /// The param is a non-empty string.
    NonEmpty(&'static str),
    /// The param is a list of this many items.
    Count(&'static str, usize),
    /// The path ends with this member name (`/0/from`).
    PathEnds(&'static str),
}

/// How a param is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// A string as it is, a number as JavaScript prints it, anything else as JSON.
    Text,
    /// A JSON type name with its article (`an integer`, `true or false`).
    Article,
    /// A character, quoted, or `the character U+0009` when it is invisible.
    Char,
    /// A list joined with commas and a final `or`.
    Or,
    /// A list joined with commas.
    List,
    /// A rule's condition (`isCredit is true`).
    When,
    /// A pattern name: what the pattern allows, in words.
    Allows,
    /// A JSON Pointer, or `the whole document` for `""`.
    Pointer,
    /// A query mini-language name: what a value of it looks like.
    Syntax,
    /// A zero-based index counted from one.
    Ordinal,
    /// Names of fields beside the issue's, as their labels joined with a final `or`.
    Fields,
}

impl Filter {
    /// The name used in template text and in the table written for JavaScript.
    pub const fn name(self) -> &'static str {
        match self {
            Filter::Text => "text",
            Filter::Article => "article",
            Filter::Char => "char",
            Filter::Or => "or",
            Filter::List => "list",
            Filter::When => "when",
            Filter::Allows => "allows",
            Filter::Pointer => "pointer",
            Filter::Syntax => "syntax",
            Filter::Ordinal => "ordinal",
            Filter::Fields => "fields",
        }
    }

    const ALL: [Filter; 11] = [
        Filter::Text,
        Filter::Article,
        Filter::Char,
        Filter::Or,
        Filter::List,
        Filter::When,
        Filter::Allows,
        Filter::Pointer,
        Filter::Syntax,
        Filter::Ordinal,
        Filter::Fields,
    ];

    fn from_name(name: &str) -> Option<Filter> {
        Filter::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// One sentence for issues of `code` under `when`.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// The issue code this sentence is for.
    pub code: &'static str,
    /// Conditions besides the presence of the printed params.
    pub when: &'static [Cond],
    /// The sentence, with placeholders.
    pub text: &'static str,
}

/// `Template { code, when, text }`, shorter in the rule files' tables.
pub const fn template(code: &'static str, when: &'static [Cond], text: &'static str) -> Template {
    Template { code, when, text }
}

/// Numbers a template may print by name (`{#int32Max}`): bounds that live in code, not params.
pub const CONSTANTS: &[(&str, f64)] = &[
    ("int32Min", i32::MIN as f64),
    ("int32Max", i32::MAX as f64),
    ("maxSafeInteger", crate::schema::MAX_SAFE_INTEGER),
];

/// What the filters look up: the words for pattern names and query syntaxes.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Pattern name → what it allows (`PHONE` → `letters, digits, …`).
    pub allows: Vec<(&'static str, &'static str)>,
    /// Query syntax name → what a value looks like.
    pub syntax: Vec<(&'static str, String)>,
}

/// The label of the field at a JSON Pointer (`/siteAddress/postcode` → "Postcode").
pub type Labels<'a> = &'a dyn Fn(&str) -> String;

/// The sentence for `{ path, code, params }`: the first template of `code` that applies, with
/// fields named by `labels`; a generic sentence when none does.
pub fn render(
    templates: &[Template],
    words: &Vocabulary,
    path: &str,
    code: &str,
    params: &Value,
    labels: Labels<'_>,
) -> String {
    let at = Context { path, labels };
    for t in templates.iter().filter(|t| t.code == code) {
        if let Some(text) = apply(t, words, &at, code, params) {
            return text;
        }
    }
    format!("{} is not valid ({code}).", labels(path))
}

/// Where the issue is, and how fields are named.
struct Context<'a> {
    path: &'a str,
    labels: Labels<'a>,
}

impl Context<'_> {
    /// The label of the field `name` beside the field (in the same object).
    fn sibling(&self, name: &str) -> String {
        let parent = self.path.rfind('/').map_or("", |i| &self.path[..i]);
        (self.labels)(&format!("{parent}/{}", name.replace('~', "~0").replace('/', "~1")))
    }
}

fn param<'a>(params: &'a Value, name: &str) -> Option<&'a Value> {
    params.get(name).filter(|v| !v.is_null())
}

fn holds(c: Cond, path: &str, params: &Value) -> bool {
    match c {
        Cond::Has(k) => param(params, k).is_some(),
        Cond::Missing(k) => param(params, k).is_none(),
        Cond::Is(k, s) => param(params, k).and_then(Value::as_str) == Some(s),
        Cond::IsNumber(k, n) => param(params, k).and_then(Value::as_f64) == Some(n),
        Cond::NonEmpty(k) => param(params, k).and_then(Value::as_str).is_some_and(|s| !s.is_empty()),
        Cond::Count(k, n) => param(params, k).and_then(Value::as_array).is_some_and(|a| a.len() == n),
        Cond::PathEnds(name) => path.rsplit('/').next() == Some(name) && !path.is_empty(),
    }
}

/// The template's text with its placeholders filled, or `None` when it does not apply.
fn apply(t: &Template, words: &Vocabulary, at: &Context<'_>, code: &str, params: &Value) -> Option<String> {
    if !t.when.iter().all(|c| holds(*c, at.path, params)) {
        return None;
    }
    let mut out = String::with_capacity(t.text.len() + 16);
    let mut rest = t.text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}')? + open;
        let spec = &rest[open + 1..close];
        out.push_str(&placeholder(spec, words, at, code, params)?);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

fn placeholder(spec: &str, words: &Vocabulary, at: &Context<'_>, code: &str, params: &Value) -> Option<String> {
    if let Some(name) = spec.strip_prefix('#') {
        return CONSTANTS.iter().find(|(n, _)| *n == name).map(|(_, v)| js_number(*v));
    }
    let (name, filter) = match spec.split_once('|') {
        Some((n, f)) => (n, Filter::from_name(f)?),
        None => (spec, Filter::Text),
    };
    match name {
        "field" => return Some((at.labels)(at.path)),
        "code" => return Some(code.to_owned()),
        _ => {}
    }
    print(filter, param(params, name)?, words, at)
}

/// A param through a filter; `None` when the value is not what the filter reads.
fn print(filter: Filter, v: &Value, words: &Vocabulary, at: &Context<'_>) -> Option<String> {
    match filter {
        Filter::Text => Some(text(v)),
        Filter::Article => v.as_str().map(article),
        Filter::Char => v.as_str().and_then(show_char),
        Filter::Or => strings(v).map(|items| join_or(&items)),
        Filter::List => strings(v).map(|items| items.join(", ")),
        Filter::When => describe_when(v, at),
        Filter::Allows => {
            let name = v.as_str()?;
            words.allows.iter().find(|(n, _)| *n == name).map(|(_, a)| (*a).to_owned())
        }
        Filter::Pointer => {
            v.as_str().map(|p| if p.is_empty() { "the whole document".to_owned() } else { p.to_owned() })
        }
        Filter::Syntax => {
            let name = v.as_str()?;
            let known = words.syntax.iter().find(|(n, _)| *n == name).map(|(_, s)| s.clone());
            Some(known.unwrap_or_else(|| "a value in the parameter's documented form".to_owned()))
        }
        Filter::Ordinal => v.as_f64().map(|n| js_number(n + 1.0)),
        Filter::Fields => {
            let names = v.as_array()?.iter().map(Value::as_str).collect::<Option<Vec<_>>>()?;
            Some(join_or(&names.iter().map(|n| at.sibling(n)).collect::<Vec<_>>()))
        }
    }
}

/// A list param as texts (every item printed as [`Filter::Text`] does).
fn strings(v: &Value) -> Option<Vec<String>> {
    v.as_array().map(|a| a.iter().map(text).collect())
}

/// A value as a sentence shows it: strings bare, numbers as JavaScript prints them, the rest
/// as compact JSON.
pub fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), js_number),
        Value::Array(items) => format!("[{}]", items.iter().map(json_text).collect::<Vec<_>>().join(",")),
        Value::Object(_) => json_text(v),
        other => other.to_string(),
    }
}

/// Compact JSON as `JSON.stringify` writes it (numbers as JavaScript prints them).
fn json_text(v: &Value) -> String {
    match v {
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), js_number),
        Value::Array(items) => format!("[{}]", items.iter().map(json_text).collect::<Vec<_>>().join(",")),
        Value::Object(m) => {
            let members: Vec<String> =
                m.iter().map(|(k, v)| format!("{}:{}", Value::String(k.clone()), json_text(v))).collect();
            format!("{{{}}}", members.join(","))
        }
        other => other.to_string(),
    }
}

/// `x` as JavaScript's `String(x)` prints it (ECMAScript Number::toString): the shortest
/// digits that read back as `x`, plain between 1e-7 and 1e21, exponent form outside.
pub fn js_number(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if x == 0.0 {
        return "0".into();
    }
    // Rust's `{:e}` prints the shortest round-trip digits: `d.ddde±n`.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i32;
    let n = exp.parse::<i32>().unwrap_or(0) + 1; // position of the decimal point
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let sign = if e < 0 { '-' } else { '+' };
        let m = if k == 1 { digits.clone() } else { format!("{}.{}", &digits[..1], &digits[1..]) };
        format!("{m}e{sign}{}", e.abs())
    };
    if x < 0.0 {
        format!("-{body}")
    } else {
        body
    }
}

fn article(t: &str) -> String {
    match t {
        "integer" => "an integer".into(),
        "object" => "an object".into(),
        "array" => "an array".into(),
        "boolean" => "true or false".into(),
        "json" => "a JSON value".into(),
        "null" | "undefined" | "NaN" | "Infinity" => t.into(),
        other => format!("a {other}"),
    }
}

/// `'c'`, `a space`, or `the character U+0009` for another control or white-space character
/// (which would be invisible between quotes). Only the first character counts.
fn show_char(c: &str) -> Option<String> {
    let ch = c.chars().next()?;
    Some(if ch == ' ' {
        "a space".to_owned()
    } else if ch.is_control() || ch.is_whitespace() {
        format!("the character U+{:04X}", ch as u32)
    } else {
        format!("'{ch}'")
    })
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn describe_when(w: &Value, at: &Context<'_>) -> Option<String> {
    let field = at.sibling(w.get("field")?.as_str()?);
    Some(if let Some(v) = w.get("equals").filter(|v| !v.is_null()) {
        format!("{field} is {}", text(v))
    } else if let Some(values) = w.get("oneOf").and_then(strings) {
        format!("{field} is {}", join_or(&values))
    } else {
        format!("{field} is given")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const T: &[Template] = &[
        template(
            "minLength",
            &[Cond::IsNumber("limit", 1.0), Cond::IsNumber("actual", 0.0)],
            "{field} must not be empty.",
        ),
        template("minLength", &[], "{field} must be at least {limit} characters long (it has {actual})."),
        template("minLength", &[], "{field} is too short."),
    ];

    /// Labels fields by the last segment of their pointer.
    fn last(path: &str) -> String {
        path.rsplit('/').next().unwrap_or("").to_owned()
    }

    fn print(filter: Filter, v: &Value, w: &Vocabulary) -> Option<String> {
        super::print(filter, v, w, &Context { path: "/x/here", labels: &|p| format!("<{p}>") })
    }

    #[test]
    fn the_first_template_that_applies_wins() {
        let w = Vocabulary::default();
        assert_eq!(render(T, &w, "/a", "minLength", &json!({"limit": 1, "actual": 0}), &last), "a must not be empty.");
        let p = json!({"limit": 4, "actual": 2});
        assert_eq!(render(T, &w, "/a", "minLength", &p, &last), "a must be at least 4 characters long (it has 2).");
    }

    #[test]
    fn malformed_params_fall_through_to_a_plain_sentence() {
        let w = Vocabulary::default();
        assert_eq!(render(T, &w, "/a", "minLength", &json!({"limit": 4}), &last), "a is too short.");
        assert_eq!(render(T, &w, "/a", "nope", &Value::Null, &last), "a is not valid (nope).");
    }

    #[test]
    fn numbers_print_as_javascript_prints_them() {
        for (x, js) in [
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (100000.0, "100000"),
            (0.1, "0.1"),
            (1.5e-7, "1.5e-7"),
            (0.000001, "0.000001"),
            (1e21, "1e+21"),
            (123456789012345680000.0, "123456789012345680000"),
            (-2147483648.0, "-2147483648"),
            (9007199254740991.0, "9007199254740991"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (2.5, "2.5"),
        ] {
            assert_eq!(js_number(x), js, "{x:e}");
        }
    }

    #[test]
    fn filters_read_only_what_they_can_print() {
        let w = Vocabulary { allows: vec![("PHONE", "digits")], syntax: vec![("id", "an id".into())] };
        assert_eq!(print(Filter::Char, &json!("\t"), &w).as_deref(), Some("the character U+0009"));
        assert_eq!(print(Filter::Char, &json!("+"), &w).as_deref(), Some("'+'"));
        assert_eq!(print(Filter::Or, &json!(["a", "b", "c"]), &w).as_deref(), Some("a, b or c"));
        assert_eq!(print(Filter::Allows, &json!("PHONE"), &w).as_deref(), Some("digits"));
        assert_eq!(print(Filter::Allows, &json!("NOPE"), &w), None);
        assert_eq!(print(Filter::Article, &json!(3), &w), None);
        assert_eq!(
            print(Filter::Syntax, &json!("zzz"), &w).as_deref(),
            Some("a value in the parameter's documented form")
        );
        assert_eq!(print(Filter::Ordinal, &json!(0), &w).as_deref(), Some("1"));
        let when = json!({"field": "rentalRateType", "oneOf": ["ADVANCE", "ARREARS"]});
        assert_eq!(print(Filter::When, &when, &w).as_deref(), Some("</x/rentalRateType> is ADVANCE or ARREARS"));
        assert_eq!(print(Filter::Fields, &json!(["a", "b/c"]), &w).as_deref(), Some("</x/a> or </x/b~1c>"));
        assert_eq!(print(Filter::Char, &json!(" "), &w).as_deref(), Some("a space"));
    }
}
