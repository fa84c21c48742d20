//! The value the validator walks: a JSON tree that borrows its strings from the input where
//! it can and keeps object keys in document order.
//!
//! Built from JSON text ([`Value::parse`]), from a `serde_json::Value` ([`Value::from_json`]),
//! or by the CSV reader (whose numbers too large for a double are ±Infinity, a `type` issue).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`: on an optional field, the same as leaving it out.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Every JSON number, as JavaScript sees it (decisions R8 makes larger integers invalid).
    Number(f64),
    /// A string, borrowed from the input where it has no escapes.
    String(Cow<'a, str>),
    /// Items in order.
    Array(Vec<Value<'a>>),
    /// Members in document order; a repeated key keeps every occurrence (the last one wins).
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The JSON type name of this value (`NaN` or `Infinity` for numbers JSON cannot carry).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_nan() => "NaN",
            Value::Number(n) if n.is_infinite() => "Infinity",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// Parses JSON text, borrowing unescaped strings from it.
    pub fn parse(text: &'a str) -> Result<Value<'a>, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(text);
        let v = ValueSeed.deserialize(&mut de)?;
        de.end()?;
        Ok(v)
    }

    /// A view of a `serde_json::Value` (borrows its strings).
    pub fn from_json(v: &'a serde_json::Value) -> Value<'a> {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Value::String(Cow::Borrowed(s)),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(Value::from_json).collect()),
            serde_json::Value::Object(o) => {
                Value::Object(o.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), Value::from_json(v))).collect())
            }
        }
    }

    /// The same value owning all its strings (to keep it past the input's lifetime).
    pub fn into_owned(self) -> Value<'static> {
        let own = |s: Cow<'_, str>| Cow::Owned(s.into_owned());
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(n),
            Value::String(s) => Value::String(own(s)),
            Value::Array(a) => Value::Array(a.into_iter().map(Value::into_owned).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (own(k), v.into_owned())).collect()),
        }
    }

    /// The member `key` of an object (the last occurrence), if any.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// This value as JSON (NaN and ±Infinity become `null`, as `JSON.stringify` writes them).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Number::from_f64(*n)
                .map(|n| {
                    // Keep integers integral so they print as `1`, not `1.0`.
                    if n.as_f64().is_some_and(|f| f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15) {
                        serde_json::Value::from(n.as_f64().unwrap_or(0.0) as i64)
                    } else {
                        serde_json::Value::Number(n)
                    }
                })
                .unwrap_or(serde_json::Value::Null),
            Value::String(s) => serde_json::Value::String(s.to_string()),
            Value::Array(a) => serde_json::Value::Array(a.iter().map(Value::to_json).collect()),
            Value::Object(o) => {
                let mut map = serde_json::Map::with_capacity(o.len());
                for (k, v) in o {
                    map.insert(k.to_string(), v.to_json());
                }
                serde_json::Value::Object(map)
            }
        }
    }
}

// ---- Value as a serde Deserializer (so the engine reads it like JSON text) -------------------

impl<'de> serde::Deserializer<'de> for &'de Value<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visitor.visit_f64(*n),
            Value::String(s) => visitor.visit_borrowed_str(s.as_ref()),
            Value::Array(items) => visitor.visit_seq(Items(items.iter())),
            Value::Object(members) => visitor.visit_map(Members { iter: members.iter(), value: None }),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

struct Items<'de, 'a>(std::slice::Iter<'de, Value<'a>>);

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = serde::de::value::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Self::Error> {
        self.0.next().map(|v| seed.deserialize(v)).transpose()
    }
}

struct Members<'de, 'a> {
    iter: std::slice::Iter<'de, (Cow<'a, str>, Value<'a>)>,
    value: Option<&'de Value<'a>>,
}

impl<'de> MapAccess<'de> for Members<'de, '_> {
    type Error = serde::de::value::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        let Some((k, v)) = self.iter.next() else { return Ok(None) };
        self.value = Some(v);
        seed.deserialize(serde::de::value::BorrowedStrDeserializer::new(k.as_ref())).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        match self.value.take() {
            Some(v) => seed.deserialize(v),
            None => Err(serde::de::Error::custom("a map value was requested before its key")),
        }
    }
}

// ---- JSON text → Value, borrowing where possible -------------------------------------------

struct ValueSeed;

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value<'de>, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value<'de>, E> {
        Ok(Value::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value<'de>, E> {
        Ok(Value::Number(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value<'de>, E> {
        Ok(Value::Number(n))
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E>(self, s: String) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(s)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(v) = seq.next_element_seed(ValueSeed)? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(k) = map.next_key_seed(KeySeed)? {
            let v = map.next_value_seed(ValueSeed)?;
            members.push((k, v));
        }
        Ok(Value::Object(members))
    }
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(s))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(s.to_owned()))
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_borrows_plain_strings_and_keeps_key_order() {
        let v = Value::parse(r#"{"b":"x","a":[1,2.5,null,true],"c":"e\u0301"}"#).unwrap();
        let Value::Object(m) = &v else { panic!() };
        assert_eq!(m.iter().map(|(k, _)| k.as_ref()).collect::<Vec<_>>(), ["b", "a", "c"]);
        assert!(matches!(&m[0].1, Value::String(Cow::Borrowed("x"))));
        assert!(matches!(&m[2].1, Value::String(Cow::Owned(s)) if s == "e\u{301}"));
        assert_eq!(m[1].1, Value::Array(vec![Value::Number(1.0), Value::Number(2.5), Value::Null, Value::Bool(true)]));
    }

    #[test]
    fn repeated_keys_resolve_to_the_last() {
        let v = Value::parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Number(2.0)));
    }

    #[test]
    fn parse_rejects_trailing_garbage_and_deep_nesting() {
        assert!(Value::parse("{} x").is_err());
        assert!(Value::parse(&"[".repeat(10_000)).is_err());
    }

    #[test]
    fn json_round_trip() {
        let j: serde_json::Value = serde_json::from_str(r#"{"a":[1,1.5,"s",{"b":null}],"c":false}"#).unwrap();
        assert_eq!(Value::from_json(&j).to_json(), j);
    }
}
