//! The schema-driven serde seed: validates a value as it is deserialised.
//!
//! [`ValueSeed`] reads one value of a [`Kind`]; for an object it walks the members in
//! document order, matching each key to a field of the schema, and evaluates the schema's
//! rules at the end of the object from what it kept: which fields were given, where, and the
//! few values the rules read. Unknown members are skipped without being built.
//!
//! A number JSON cannot carry (NaN, ±Infinity: a CSV cell too large for a double) is a `type`
//! issue naming it, as the JavaScript validators report it.

use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::object::{rules, Given};
use super::plan::{self, bit, Plan};
use super::{Seg, Walker, MAX_FIELDS};
use crate::rules::condition::{self, Kept};
use crate::rules::issue::IssueKind;
use crate::rules::items;
use crate::schema::{Array, Kind, Schema};

/// What a value was, as far as the rules of its parent need to know.
pub(super) enum Seen {
    /// `null` or `undefined`: "not given" for an object member.
    Absent,
    Bool(bool),
    Number(f64),
    /// A string, kept only when a rule of the parent reads it.
    Str(String),
    /// Anything else (or a string no rule reads).
    Other,
    /// An object whose requested flag member is `true`, at this member position.
    Flagged(u32),
    /// An array: the items whose requested flag is `true`, with the flag's member position.
    Flags(Vec<(usize, u32)>),
}

/// Reads one value of `kind` at the walker's current path.
pub(super) struct ValueSeed<'w> {
    w: &'w mut Walker,
    kind: Kind,
    /// `null` / `undefined` mean "not given" (object members) rather than a wrong type.
    null_is_absent: bool,
    /// Keep a string's text (a rule of the parent reads it).
    capture: bool,
    /// Check the JSON type only (read-only fields).
    type_only: bool,
    /// For an object (or the objects of an array): report whether this boolean member is true.
    flag: Option<&'static str>,
}

impl<'w> ValueSeed<'w> {
    pub(super) fn new(w: &'w mut Walker, kind: Kind) -> Self {
        ValueSeed { w, kind, null_is_absent: false, capture: false, type_only: false, flag: None }
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Seen;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Seen, D::Error> {
        if self.w.done() {
            IgnoredAny::deserialize(d)?;
            return Ok(Seen::Other);
        }
        if let Kind::Any = self.kind {
            d.deserialize_any(AnyVisitor { w: self.w })?;
            return Ok(Seen::Other);
        }
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Seen;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Seen, E> {
        if !matches!(self.kind, Kind::Boolean) {
            self.w.type_issue(&self.kind, "boolean");
        }
        Ok(Seen::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Seen, E> {
        self.visit_f64(n as f64)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Seen, E> {
        self.visit_f64(n as f64)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Seen, E> {
        if !n.is_finite() {
            self.w.type_issue(&self.kind, non_finite(n));
            return Ok(Seen::Other);
        }
        self.w.number(&self.kind, n, self.type_only);
        Ok(Seen::Number(n))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Seen, E> {
        match &self.kind {
            Kind::String(t) if !self.type_only => self.w.string(t, s),
            Kind::String(_) => {}
            other => self.w.type_issue(other, "string"),
        }
        Ok(if self.capture { Seen::Str(s.to_owned()) } else { Seen::Other })
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Seen, E> {
        self.visit_str(s)
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Seen, E> {
        self.visit_str(&s)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Seen, E> {
        if self.null_is_absent {
            return Ok(Seen::Absent);
        }
        self.w.type_issue(&self.kind, "null");
        Ok(Seen::Other)
    }

    fn visit_none<E: de::Error>(self) -> Result<Seen, E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Seen, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Seen, A::Error> {
        match self.kind {
            Kind::Array(a) if !self.type_only => array(self.w, a, self.flag, seq),
            other => {
                if !matches!(other, Kind::Array(_)) {
                    self.w.type_issue(&other, "array");
                }
                drain_seq(seq)?;
                Ok(Seen::Other)
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Seen, A::Error> {
        match self.kind {
            Kind::Object(s) if !self.type_only => object(self.w, s, self.flag, map),
            other => {
                if !matches!(other, Kind::Object(_)) {
                    self.w.type_issue(&other, "object");
                }
                drain_map(map)?;
                Ok(Seen::Other)
            }
        }
    }
}

/// The `actual` of a number JSON cannot carry.
fn non_finite(n: f64) -> &'static str {
    if n.is_nan() {
        "NaN"
    } else {
        "Infinity"
    }
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

fn array<'de, A: SeqAccess<'de>>(
    w: &mut Walker,
    a: &'static Array,
    flag: Option<&'static str>,
    mut seq: A,
) -> Result<Seen, A::Error> {
    let mut count = 0usize;
    let mut flags = Vec::new();
    loop {
        if w.done() {
            while seq.next_element::<IgnoredAny>()?.is_some() {
                count += 1;
            }
            break;
        }
        w.enter(Seg::Index(count), count);
        let item =
            ValueSeed { w: &mut *w, kind: a.items, null_is_absent: false, capture: false, type_only: false, flag };
        let seen = seq.next_element_seed(item)?;
        w.leave();
        match seen {
            None => break,
            Some(Seen::Flagged(pos)) => flags.push((count, pos)),
            Some(_) => {}
        }
        count += 1;
    }
    items::check(a, count as u64, &mut |issue| w.emit(issue));
    Ok(if flag.is_some() { Seen::Flags(flags) } else { Seen::Other })
}

/// A member key: the index of the field it names, or an unknown key (kept only to report it).
enum Key {
    Field(usize),
    Unknown(Option<String>),
}

#[derive(Clone, Copy)]
struct KeySeed {
    schema: &'static Schema,
    plan: &'static Plan,
    keep_unknown: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }
    fn visit_str<E: de::Error>(self, k: &str) -> Result<Key, E> {
        Ok(match self.plan.field(self.schema, k) {
            Some(fi) => Key::Field(fi),
            None => Key::Unknown(self.keep_unknown.then(|| k.to_owned())),
        })
    }
    fn visit_borrowed_str<E: de::Error>(self, k: &'de str) -> Result<Key, E> {
        self.visit_str(k)
    }
    fn visit_string<E: de::Error>(self, k: String) -> Result<Key, E> {
        self.visit_str(&k)
    }
}

/// What an object kept for its rules.
struct Members {
    /// Keys given (even with `null`), and given with a value.
    given: u64,
    present: u64,
    /// Member position of each given field (its last occurrence).
    at: [u32; MAX_FIELDS],
    /// Values the rules read.
    kept: Vec<(usize, Seen)>,
    /// Items of array fields whose flag is true.
    flags: Vec<(usize, Vec<(usize, u32)>)>,
    count: u32,
}

impl Members {
    /// The kept value of field `fi`, if it is present.
    fn value(&self, fi: usize) -> Option<&Seen> {
        if self.present & bit(fi) == 0 {
            return None;
        }
        self.kept.iter().rev().find(|(i, _)| *i == fi).map(|(_, s)| s)
    }
}

fn object<'de, A: MapAccess<'de>>(
    w: &mut Walker,
    schema: &'static Schema,
    flag: Option<&'static str>,
    mut map: A,
) -> Result<Seen, A::Error> {
    let plan = plan::plan(schema);
    let flag_field = flag.and_then(|f| plan.field(schema, f));
    let capture = plan.captured | flag_field.map_or(0, bit);
    let mut m = Members { given: 0, present: 0, at: [0; MAX_FIELDS], kept: Vec::new(), flags: Vec::new(), count: 0 };
    let mut issues_of = [(0u32, 0u32); MAX_FIELDS];
    let keys = KeySeed { schema, plan, keep_unknown: w.opts.report_unknown_fields };
    while let Some(key) = map.next_key_seed(keys)? {
        let mi = m.count;
        m.count = m.count.saturating_add(1);
        let fi = match key {
            Key::Field(fi) => fi,
            Key::Unknown(name) => {
                if let Some(name) = name {
                    w.enter_key(name, mi as usize);
                    w.emit(IssueKind::UnknownField { allowed: None });
                    w.leave_key();
                }
                map.next_value::<IgnoredAny>()?;
                continue;
            }
        };
        let Some(field) = schema.fields.get(fi) else {
            map.next_value::<IgnoredAny>()?;
            continue;
        };
        let b = bit(fi);
        if m.given & b != 0 {
            // A repeated key: the last occurrence counts.
            let (from, to) = issues_of[fi % MAX_FIELDS];
            w.kill(from as usize..to as usize);
            m.present &= !b;
            m.kept.retain(|(i, _)| *i != fi);
            m.flags.retain(|(i, _)| *i != fi);
        }
        m.given |= b;
        m.at[fi % MAX_FIELDS] = mi;
        let start = w.found.len();
        w.enter(Seg::Name(field.name), mi as usize);
        let seed = ValueSeed {
            w: &mut *w,
            kind: field.kind,
            null_is_absent: true,
            capture: capture & b != 0,
            type_only: field.read_only,
            flag: if matches!(field.kind, Kind::Array(_)) { plan.flag_of_array(fi) } else { None },
        };
        let seen = map.next_value_seed(seed)?;
        w.leave();
        issues_of[fi % MAX_FIELDS] = (start as u32, w.found.len() as u32);
        if !matches!(seen, Seen::Absent) || matches!(field.kind, Kind::Any) {
            m.present |= b;
        }
        match seen {
            Seen::Flags(items) => m.flags.push((fi, items)),
            seen if capture & b != 0 => m.kept.push((fi, seen)),
            _ => {}
        }
    }
    if !w.done() {
        rules(w, schema, plan, &m);
    }
    if let Some(fi) = flag_field {
        if let Some(Seen::Bool(true)) = m.value(fi) {
            return Ok(Seen::Flagged(m.at[fi % MAX_FIELDS]));
        }
    }
    Ok(Seen::Other)
}

impl Given for Members {
    fn given(&self) -> u64 {
        self.given
    }
    fn present_mask(&self) -> u64 {
        self.present
    }
    fn at(&self, fi: usize) -> u32 {
        self.at[fi % MAX_FIELDS]
    }
    fn count(&self) -> u32 {
        self.count
    }
    fn each_flags(&self, mut f: impl FnMut(usize, &[(usize, u32)])) {
        for (fi, items) in &self.flags {
            f(*fi, items);
        }
    }
}

impl condition::Members for Members {
    fn present(&self, field: usize) -> bool {
        self.present & bit(field) != 0
    }

    fn kept(&self, field: usize) -> Option<Kept<'_>> {
        self.value(field).map(|seen| match seen {
            Seen::Bool(b) => Kept::Bool(*b),
            Seen::Number(n) => Kept::Number(*n),
            Seen::Str(s) => Kept::Str(s),
            _ => Kept::Other,
        })
    }
}

/// Any JSON value is fine; JavaScript-only values inside it are reported at their paths.
struct AnyVisitor<'w> {
    w: &'w mut Walker,
}

struct AnySeed<'w> {
    w: &'w mut Walker,
}

impl<'de> DeserializeSeed<'de> for AnySeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(AnyVisitor { w: self.w })
    }
}

impl<'de> Visitor<'de> for AnyVisitor<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<(), E> {
        if !n.is_finite() {
            self.w.type_issue(&Kind::Any, non_finite(n));
        }
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            self.w.enter(Seg::Index(i), i);
            let more = seq.next_element_seed(AnySeed { w: &mut *self.w })?;
            self.w.leave();
            if more.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut i = 0;
        while let Some(k) = map.next_key::<String>()? {
            self.w.enter_key(k, i);
            map.next_value_seed(AnySeed { w: &mut *self.w })?;
            self.w.leave_key();
            i += 1;
        }
        Ok(())
    }
}
