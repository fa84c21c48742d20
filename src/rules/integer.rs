//! Integers of the documentation's widths (`int32`, `int64`): a JSON number without a
//! fraction (else `type`), within the width (else `format: int32` / `int64`; int64 stops at
//! JavaScript's safe integers, decisions R8), then the allowed values ([`super::choices`])
//! or the bounds ([`super::range`]). A read-only field is only type-checked: any integer
//! JavaScript holds exactly.

use serde_json::{Map, Value};

use super::issue::IssueKind;
use super::js::Pool;
use super::message::{template, Cond, Template};
use super::{choices, range};
use crate::schema::{Integer, Width};

/// Sentences for `format: int32` and `format: int64`.
pub const MESSAGES: &[Template] = &[
    template(
        "format",
        &[Cond::Is("format", "int32")],
        "{field} must be a whole number between {#int32Min} and {#int32Max}.",
    ),
    template(
        "format",
        &[Cond::Is("format", "int64")],
        "{field} is too large: whole numbers beyond ±{#maxSafeInteger} cannot be sent exactly from JavaScript.",
    ),
];

fn min_max(i: &Integer) -> (Option<f64>, Option<f64>) {
    (i.minimum.map(|m| m as f64), i.maximum.map(|m| m as f64))
}

/// Reports the issues of number `n` where integer `i` is expected.
pub fn check(i: &Integer, n: f64, type_only: bool, emit: &mut impl FnMut(IssueKind)) {
    if n.fract() != 0.0 {
        return emit(IssueKind::Type { expected: "integer".into(), actual: "number".into() });
    }
    let width = if type_only { Width::Int64 } else { i.width };
    let (lo, hi) = width.bounds();
    if n < lo || n > hi {
        return emit(IssueKind::Format { format: width.name().into(), reason: None });
    }
    if type_only {
        return;
    }
    if let Some(allowed) = i.choices {
        if let Some(issue) = choices::check_int(allowed, n) {
            emit(issue);
        }
        return;
    }
    let (min, max) = min_max(i);
    range::check(min, max, n, emit);
}

/// JavaScript: the same checks of `x` (any value: a finite number is checked, anything else is
/// a `type` issue).
pub fn js(i: &Integer, type_only: bool, pool: &mut Pool) -> String {
    let width = if type_only { Width::Int64 } else { i.width };
    let (lo, hi) = width.bounds();
    let mut out = format!(
        "if (typeof x !== \"number\" || x !== x || x === Infinity || x === -Infinity) return c.t(k, mi, \"integer\", x);\n\
         if (x % 1 !== 0) return c.e(k, mi, \"type\", {{ expected: \"integer\", actual: \"number\" }});\n\
         if (x < {} || x > {}) return c.e(k, mi, \"format\", {{ format: {} }});\n",
        super::message::js_number(lo),
        super::message::js_number(hi),
        super::js::quote(width.name()),
    );
    if type_only {
        return out;
    }
    if let Some(allowed) = i.choices {
        out.push_str(&choices::js_int(allowed, pool));
        return out;
    }
    let (min, max) = min_max(i);
    out.push_str(&range::js(min, max));
    out
}

/// JSON Schema keywords: the width as bounds (decisions R8), the list or the bounds.
pub fn json_schema(i: &Integer, m: &mut Map<String, Value>) {
    let (lo, hi) = i.width.bounds();
    let (lo, hi) = (lo as i64, hi as i64);
    m.insert("type".into(), "integer".into());
    m.insert("format".into(), i.width.name().into());
    if let Some(only) = i.choices {
        // The engine checks the width, then the list; other bounds do not apply.
        m.insert("minimum".into(), lo.into());
        m.insert("maximum".into(), hi.into());
        choices::json_schema(Value::from(only.to_vec()), m);
        return;
    }
    m.insert("minimum".into(), i.minimum.map_or(lo, |v| v.max(lo)).into());
    m.insert("maximum".into(), i.maximum.map_or(hi, |v| v.min(hi)).into());
}

/// `describeField` entries.
pub fn describe(i: &Integer, d: &mut Map<String, Value>) {
    d.insert("format".into(), i.width.name().into());
    let (min, max) = min_max(i);
    range::describe(min, max, d);
    if let Some(only) = i.choices {
        choices::describe(None, Value::from(only.to_vec()), d);
    }
}
