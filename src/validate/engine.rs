//! The walker: checks a [`Value`] against a [`Kind`] and collects every defect.
//!
//! Rules of the walk (the contract of `validate`):
//! - every defect is one issue, and nothing cascades: a wrong type stops the checks below
//!   that value, a missing object is one `required` issue, a pattern failure that only
//!   restates a length failure is not reported twice;
//! - issues come out in document order: each issue carries the position of its path in the
//!   document (member index, array index; absent fields after the present ones, in schema
//!   order), and the list is stably sorted by it at the end, whatever order rules fire in;
//! - `null` on an optional field is the same as leaving it out (the server's JSON binding
//!   reads both as "no value"); on a required field it is a `required` issue.

use std::borrow::Cow;

use super::formats;
use super::issue::{Issue, IssueKind, When};
use super::patterns::{self, Mismatch, Pattern};
use super::schema::{Array, Condition, Integer, Kind, Literal, Rule, Schema, Text, TextFormat, Width};
use super::value::{Foreign, Value};
use super::Options;

/// Largest integer JavaScript represents exactly (decisions R8).
pub const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Most fields any schema has (the presence table is a fixed array). A test checks the model.
pub const MAX_FIELDS: usize = 64;

#[derive(Clone, Copy)]
enum Seg<'v> {
    Key(&'v str),
    Index(usize),
}

/// Collects issues for one `validate` call.
pub(crate) struct Walker<'v> {
    path: Vec<Seg<'v>>,
    pos: Vec<u32>,
    found: Vec<(Vec<u32>, Issue)>,
    opts: Options,
}

impl<'v> Walker<'v> {
    pub fn new(opts: Options) -> Self {
        Walker { path: Vec::with_capacity(8), pos: Vec::with_capacity(8), found: Vec::new(), opts }
    }

    /// Starts the walk below `pointer` segments (for `validate_field`).
    pub fn at(mut self, segments: &'v [Cow<'v, str>]) -> Self {
        for s in segments {
            self.path.push(Seg::Key(s));
            self.pos.push(0);
        }
        self
    }

    /// The issues, in document order.
    pub fn finish(mut self) -> Vec<Issue> {
        self.found.sort_by(|a, b| a.0.cmp(&b.0));
        self.found.into_iter().map(|(_, i)| i).collect()
    }

    fn done(&self) -> bool {
        self.opts.abort_early && !self.found.is_empty()
    }

    pub(crate) fn emit(&mut self, kind: IssueKind) {
        let mut path = String::new();
        for seg in &self.path {
            path.push('/');
            match seg {
                Seg::Key(k) => {
                    for c in k.chars() {
                        match c {
                            '~' => path.push_str("~0"),
                            '/' => path.push_str("~1"),
                            c => path.push(c),
                        }
                    }
                }
                Seg::Index(i) => path.push_str(&i.to_string()),
            }
        }
        self.found.push((self.pos.clone(), Issue { path, kind }));
    }

    fn enter(&mut self, seg: Seg<'v>, pos: usize) {
        self.path.push(seg);
        self.pos.push(pos as u32);
    }

    fn leave(&mut self) {
        self.path.pop();
        self.pos.pop();
    }

    fn type_issue(&mut self, expected: &str, v: &Value<'_>) {
        self.emit(IssueKind::Type { expected: expected.to_owned(), actual: v.type_name().to_owned() });
    }

    /// Checks `v` against `kind` at the current path.
    pub fn value(&mut self, kind: &Kind, v: &'v Value<'v>) {
        if self.done() {
            return;
        }
        match kind {
            Kind::String(t) => match v {
                Value::String(s) => self.string(t, s),
                _ => self.type_issue("string", v),
            },
            Kind::Integer(i) => self.integer(i, v),
            Kind::Number(n) => match v {
                Value::Number(x) => {
                    if let Some(min) = n.minimum.filter(|m| x < m) {
                        self.emit(IssueKind::Minimum { limit: min, actual: *x });
                    }
                    if let Some(max) = n.maximum.filter(|m| x > m) {
                        self.emit(IssueKind::Maximum { limit: max, actual: *x });
                    }
                }
                _ => self.type_issue("number", v),
            },
            Kind::Boolean => {
                if !matches!(v, Value::Bool(_)) {
                    self.type_issue("boolean", v);
                }
            }
            Kind::Object(schema) => match v {
                Value::Object(members) => self.object(schema, members),
                _ => self.type_issue("object", v),
            },
            Kind::Array(a) => match v {
                Value::Array(items) => self.array(a, items),
                _ => self.type_issue("array", v),
            },
            Kind::Any => self.json_only(v),
        }
    }

    /// Any JSON value is fine; JavaScript-only values inside it are not.
    fn json_only(&mut self, v: &'v Value<'v>) {
        match v {
            Value::Foreign(_) => self.type_issue("json", v),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.enter(Seg::Index(i), i);
                    self.json_only(item);
                    self.leave();
                }
            }
            Value::Object(members) => {
                for (i, (k, item)) in members.iter().enumerate() {
                    self.enter(Seg::Key(k), i);
                    self.json_only(item);
                    self.leave();
                }
            }
            _ => {}
        }
    }

    fn string(&mut self, t: &Text, s: &str) {
        let len = utf16_len(s);
        let mut length_issue = false;
        if len < u64::from(t.min_length) {
            self.emit(IssueKind::MinLength { limit: t.min_length.into(), actual: len });
            length_issue = true;
        }
        if let Some(max) = t.max_length.filter(|&m| len > u64::from(m)) {
            self.emit(IssueKind::MaxLength { limit: max.into(), actual: len });
            length_issue = true;
        }
        if let Some(choices) = t.choices {
            if !choices.values.contains(&s) {
                self.emit(IssueKind::Enum { allowed: choices.values.iter().map(|v| (*v).into()).collect() });
            }
            return;
        }
        if let Some(p) = t.pattern {
            match patterns::check(p, s) {
                Ok(()) => {}
                // Too short or too long only: the length issue already says so.
                Err(Mismatch::Count) if length_issue => return,
                Err(Mismatch::NoMatch) if s.is_empty() && length_issue => return,
                Err(m) => {
                    self.emit(pattern_issue(p, s, m));
                    return;
                }
            }
        }
        match t.format {
            None => {}
            Some(TextFormat::Date) if !formats::is_date(s) => self.format("date", None),
            Some(TextFormat::DateTime) if !formats::is_date_time(s) => self.format("date-time", None),
            Some(TextFormat::JsonPointer) if !formats::is_json_pointer(s) => self.format("json-pointer", None),
            Some(TextFormat::CountryCode) if !length_issue && !formats::is_country_code(s) => {
                self.emit(IssueKind::CountryCode {
                    actual: s.to_owned(),
                    suggestion: formats::country_suggestion(s).map(str::to_owned),
                });
            }
            Some(TextFormat::Regex) => {
                if let Err(e) = formats::user_regex(s) {
                    self.format("regex", Some(e.to_string()));
                }
            }
            Some(_) => {}
        }
    }

    fn format(&mut self, format: &str, reason: Option<String>) {
        self.emit(IssueKind::Format { format: format.to_owned(), reason });
    }

    fn integer(&mut self, i: &Integer, v: &Value<'_>) {
        let Value::Number(n) = *v else {
            return self.type_issue("integer", v);
        };
        if n.fract() != 0.0 {
            return self.emit(IssueKind::Type { expected: "integer".into(), actual: "number".into() });
        }
        let (lo, hi, name) = match i.width {
            Width::Int32 => (f64::from(i32::MIN), f64::from(i32::MAX), "int32"),
            Width::Int64 => (-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER, "int64"),
        };
        if n < lo || n > hi {
            return self.format(name, None);
        }
        if let Some(allowed) = i.choices {
            if !allowed.iter().any(|&a| a as f64 == n) {
                self.emit(IssueKind::Enum { allowed: allowed.iter().map(|&a| a.into()).collect() });
            }
            return;
        }
        if let Some(min) = i.minimum.filter(|&m| n < m as f64) {
            self.emit(IssueKind::Minimum { limit: min as f64, actual: n });
        }
        if let Some(max) = i.maximum.filter(|&m| n > m as f64) {
            self.emit(IssueKind::Maximum { limit: max as f64, actual: n });
        }
    }

    fn array(&mut self, a: &'static Array, items: &'v [Value<'v>]) {
        let n = items.len() as u64;
        if n < u64::from(a.min_items) {
            self.emit(IssueKind::MinItems { limit: a.min_items.into(), actual: n });
        }
        if let Some(max) = a.max_items.filter(|&m| n > u64::from(m)) {
            self.emit(IssueKind::MaxItems { limit: max.into(), actual: n });
        }
        for (i, item) in items.iter().enumerate() {
            if self.done() {
                return;
            }
            self.enter(Seg::Index(i), i);
            self.value(&a.items, item);
            self.leave();
        }
    }

    fn object(&mut self, schema: &'static Schema, members: &'v [(Cow<'v, str>, Value<'v>)]) {
        // Which member holds each field (the last occurrence of a repeated key), and which
        // field each member is: one lookup per member, reused by every pass below.
        let mut slot = [usize::MAX; MAX_FIELDS];
        let mut field_of = Vec::with_capacity(members.len());
        for (mi, (k, _)) in members.iter().enumerate() {
            let fi = field_index(schema, k);
            if let Some(fi) = fi {
                slot[fi] = mi;
            }
            field_of.push(fi);
        }
        let get = |name: &str| -> Option<&'v Value<'v>> {
            let fi = field_index(schema, name)?;
            let v = &members.get(slot[fi])?.1;
            (!is_absent(v)).then_some(v)
        };

        // Present members, in document order.
        for (mi, (k, v)) in members.iter().enumerate() {
            if self.done() {
                return;
            }
            let Some(fi) = field_of[mi] else {
                if self.opts.report_unknown_fields {
                    self.enter(Seg::Key(k), mi);
                    self.emit(IssueKind::UnknownField { allowed: None });
                    self.leave();
                }
                continue;
            };
            if slot[fi] != mi {
                continue;
            }
            let field = &schema.fields[fi];
            if is_absent(v) && !matches!(field.kind, Kind::Any) {
                // `null`: judged with the absent fields below, at this member's position.
                continue;
            }
            self.enter(Seg::Key(k), mi);
            if field.read_only {
                self.type_only(&field.kind, v);
            } else {
                self.value(&field.kind, v);
                for rule in schema.rules {
                    if let Rule::EqualsIf { field: target, value, when } = *rule {
                        if target == field.name && holds(when, &get) && literal_type_matches(value, v) && !literal_eq(value, v) {
                            self.emit(IssueKind::Dependency { expected: literal_json(value), when: when_of(when) });
                        }
                    }
                }
            }
            self.leave();
        }

        // Absent (or null) fields that must be there; missing ones sort after every member.
        for (fi, field) in schema.fields.iter().enumerate() {
            if self.done() {
                return;
            }
            let present = members.get(slot[fi]).is_some_and(|(_, v)| !is_absent(v) || matches!(field.kind, Kind::Any));
            if present {
                continue;
            }
            // A `null` member keeps its place in the document; a missing one goes last.
            let at = if slot[fi] == usize::MAX { members.len() + fi } else { slot[fi] };
            if field.required {
                if !field.read_only {
                    self.enter(Seg::Key(field.name), at);
                    self.emit(IssueKind::required());
                    self.leave();
                }
                continue;
            }
            for rule in schema.rules {
                let kind = match *rule {
                    Rule::RequiredIf { field: f, when } if f == field.name && holds(when, &get) => {
                        Some(IssueKind::Required { when: Some(when_of(when)), any_of: None })
                    }
                    Rule::AnyOf { fields } if fields.first() == Some(&field.name) && fields.iter().all(|f| get(f).is_none()) => {
                        Some(IssueKind::Required { when: None, any_of: Some(fields.iter().map(|f| (*f).to_owned()).collect()) })
                    }
                    Rule::EqualsIf { field: f, value, when } if f == field.name && holds(when, &get) => {
                        Some(IssueKind::Dependency { expected: literal_json(value), when: when_of(when) })
                    }
                    _ => None,
                };
                if let Some(kind) = kind {
                    self.enter(Seg::Key(field.name), at);
                    self.emit(kind);
                    self.leave();
                    break;
                }
            }
        }

        // Rules across the items of an array field.
        for rule in schema.rules {
            if let Rule::AtMostOneFlag { array, flag } = *rule {
                let (Some(fi), Some(Value::Array(items))) = (field_index(schema, array), get(array)) else { continue };
                let mut first = None;
                for (ii, item) in items.iter().enumerate() {
                    let Value::Object(m) = item else { continue };
                    let Some(fpos) = m.iter().rposition(|(k, _)| k == flag) else { continue };
                    if m[fpos].1 != Value::Bool(true) {
                        continue;
                    }
                    match first {
                        None => first = Some(ii),
                        Some(f) => {
                            self.enter(Seg::Key(array), slot[fi]);
                            self.enter(Seg::Index(ii), ii);
                            self.enter(Seg::Key(flag), fpos);
                            self.emit(IssueKind::SingleInvoiceContact { first: f as u64 });
                            self.leave();
                            self.leave();
                            self.leave();
                        }
                    }
                }
            }
        }
    }

    /// A read-only field sent anyway: the server ignores its value, but it must still bind
    /// to the field's JSON type.
    fn type_only(&mut self, kind: &Kind, v: &'v Value<'v>) {
        let ok = match kind {
            Kind::String(_) => matches!(v, Value::String(_)),
            Kind::Integer(_) => matches!(v, Value::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER),
            Kind::Number(_) => matches!(v, Value::Number(_)),
            Kind::Boolean => matches!(v, Value::Bool(_)),
            Kind::Object(_) => matches!(v, Value::Object(_)),
            Kind::Array(_) => matches!(v, Value::Array(_)),
            Kind::Any => return self.json_only(v),
        };
        if !ok {
            self.type_issue(kind_type_name(kind), v);
        }
    }
}

/// The JSON type name a kind expects (`"integer"`).
pub fn kind_type_name(kind: &Kind) -> &'static str {
    match kind {
        Kind::String(_) => "string",
        Kind::Integer(_) => "integer",
        Kind::Number(_) => "number",
        Kind::Boolean => "boolean",
        Kind::Object(_) => "object",
        Kind::Array(_) => "array",
        Kind::Any => "json",
    }
}

fn is_absent(v: &Value<'_>) -> bool {
    matches!(v, Value::Null | Value::Foreign(Foreign::Undefined))
}

fn field_index(schema: &Schema, key: &str) -> Option<usize> {
    // Length and first byte rule out almost every field before a full comparison.
    let (len, first) = (key.len(), key.as_bytes().first());
    schema.fields.iter().position(|f| f.name.len() == len && f.name.as_bytes().first() == first && f.name == key)
}

/// UTF-16 code units, as Java's `String.length()` and the browser count (decisions R5).
pub fn utf16_len(s: &str) -> u64 {
    if s.is_ascii() {
        return s.len() as u64;
    }
    s.chars().map(|c| c.len_utf16() as u64).sum()
}

fn holds<'v>(c: Condition, get: &impl Fn(&str) -> Option<&'v Value<'v>>) -> bool {
    match c {
        Condition::Present(f) => get(f).is_some(),
        Condition::Equals(f, lit) => get(f).is_some_and(|v| literal_eq(lit, v)),
        Condition::OneOf(f, values) => matches!(get(f), Some(Value::String(s)) if values.contains(&s.as_ref())),
    }
}

fn literal_eq(lit: Literal, v: &Value<'_>) -> bool {
    match (lit, v) {
        (Literal::Bool(a), Value::Bool(b)) => a == *b,
        (Literal::Int(a), Value::Number(b)) => a as f64 == *b,
        (Literal::Str(a), Value::String(b)) => a == b.as_ref(),
        _ => false,
    }
}

fn literal_type_matches(lit: Literal, v: &Value<'_>) -> bool {
    matches!(
        (lit, v),
        (Literal::Bool(_), Value::Bool(_)) | (Literal::Int(_), Value::Number(_)) | (Literal::Str(_), Value::String(_))
    )
}

/// A literal as JSON, for issue params and exported schemas.
pub fn literal_json(lit: Literal) -> serde_json::Value {
    match lit {
        Literal::Bool(b) => b.into(),
        Literal::Int(i) => i.into(),
        Literal::Str(s) => s.into(),
    }
}

/// A condition as issue params.
pub fn when_of(c: Condition) -> When {
    match c {
        Condition::Present(f) => When { field: f.into(), equals: None, one_of: None, present: Some(true) },
        Condition::Equals(f, lit) => When { field: f.into(), equals: Some(literal_json(lit)), one_of: None, present: None },
        Condition::OneOf(f, v) => {
            When { field: f.into(), equals: None, one_of: Some(v.iter().map(|s| (*s).into()).collect()), present: None }
        }
    }
}

/// A pattern issue with the most helpful diagnosis the mismatch allows.
fn pattern_issue(p: Pattern, s: &str, m: Mismatch) -> IssueKind {
    let mut issue = IssueKind::Pattern {
        pattern: p.def().name.to_owned(),
        character: None,
        index: None,
        reason: None,
        suggestion: None,
        format: None,
    };
    let IssueKind::Pattern { character, index, reason, suggestion, .. } = &mut issue else { return issue };
    if s.is_empty() {
        *reason = Some("empty".into());
        return issue;
    }
    if let Mismatch::Char { ch, index: at } = m {
        *character = Some(ch.to_string());
        *index = Some(at as u64);
        if ch == '+' && p == Pattern::Phone {
            // decisions R2: the server's class has no `+`. `00` is the international prefix
            // that the pattern accepts.
            *reason = Some("plusSign".into());
            let fixed = match s.strip_prefix('+') {
                Some(rest) => format!("00{rest}"),
                None => s.to_owned(),
            };
            if !fixed.contains('+') && patterns::check(p, &fixed).is_ok() {
                *suggestion = Some(fixed);
            }
        }
    }
    if p == Pattern::Country && s.chars().all(|c| c.is_ascii_alphabetic()) && s.len() == 2 {
        *reason = Some("lowercase".into());
        *suggestion = Some(s.to_ascii_uppercase());
    }
    issue
}
