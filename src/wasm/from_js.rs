//! JavaScript value → [`Value`]. The value is encoded in one pass by `src/js/encode.js`
//! (JSON.stringify's meaning; foreign markers for BigInt, NaN, cycles…; bounded in size and
//! depth) as a binary structure plus one text holding every string, and decoded here,
//! borrowing every string from that text.
//!
//! The decoder trusts nothing: a malformed buffer is an error, never a panic.

use std::borrow::Cow;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::validate::value::{Foreign, Value};

#[wasm_bindgen(module = "/src/js/encode.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = encodeValue)]
    fn encode_value(v: &JsValue) -> Result<js_sys::Uint8Array, JsValue>;
    #[wasm_bindgen(js_name = takeText)]
    fn take_text(memory: &JsValue, ptr: u32, cap: u32) -> u32;
    #[wasm_bindgen(js_name = validResult)]
    pub(crate) fn valid_result() -> JsValue;
    #[wasm_bindgen(js_name = writeString)]
    fn write_string(memory: &JsValue, s: &js_sys::JsString, ptr: u32, cap: u32) -> u32;
}

/// Reads `v` as a value that owns its strings (for calls that keep it across an `await`).
/// Fails with the encoder's `Error` (a getter threw, too deep, too large).
pub fn from_js(v: &JsValue) -> Result<Value<'static>, JsValue> {
    Ok(encode(v)?.value()?.into_owned())
}

/// The message of a JS `Error` (or the text of any other thrown value), without our prefix.
pub fn error_message(e: &JsValue) -> String {
    let text = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "an exception".into());
    text.trim_start_matches("elevate-billing: ").to_owned()
}

/// The bytes of a JS string (UTF-8) or binary value (`Uint8Array`, any `ArrayBufferView`,
/// `ArrayBuffer`), copied into wasm memory with native code (no per-character JS loop).
pub fn bytes_of(v: &JsValue) -> Option<Vec<u8>> {
    if let Some(s) = v.dyn_ref::<js_sys::JsString>() {
        let cap = (s.length() as usize).saturating_mul(3);
        let mut buf = vec![0u8; cap];
        let written = MEMORY.with(|m| write_string(m, s, buf.as_mut_ptr() as u32, cap as u32)) as usize;
        buf.truncate(written);
        return Some(buf);
    }
    if let Some(a) = v.dyn_ref::<js_sys::Uint8Array>() {
        return Some(a.to_vec());
    }
    if let Some(b) = v.dyn_ref::<js_sys::ArrayBuffer>() {
        return Some(js_sys::Uint8Array::new(b).to_vec());
    }
    if js_sys::ArrayBuffer::is_view(v) {
        let view: &js_sys::Object = v.unchecked_ref();
        let get = |k: &str| js_sys::Reflect::get(view, &JsValue::from_str(k)).ok();
        let buffer = get("buffer")?;
        let offset = get("byteOffset")?.as_f64()? as u32;
        let len = get("byteLength")?.as_f64()? as u32;
        return Some(js_sys::Uint8Array::new_with_byte_offset_and_length(&buffer, offset, len).to_vec());
    }
    None
}

/// The encoded form of a JS value; [`Encoded::value`] reads it.
pub struct Encoded {
    bytes: Vec<u8>,
    text: String,
}

thread_local! {
    /// This instance's memory, fetched once.
    static MEMORY: JsValue = wasm_bindgen::memory();
}

/// Encodes `v`. Fails with the encoder's `Error` (a getter threw, too deep, too large).
pub fn encode(v: &JsValue) -> Result<Encoded, JsValue> {
    let mut bytes = encode_value(v)?.to_vec();
    let tail = bytes.len().checked_sub(4).ok_or_else(corrupt)?;
    let units = u32::from_le_bytes(bytes[tail..].try_into().map_err(|_| corrupt())?) as usize;
    bytes.truncate(tail);
    // The text goes straight into wasm memory with the engine's native UTF-8 encoder
    // (wasm-bindgen's own string passing loops over characters in JS: measured 2x slower).
    let cap = units.saturating_mul(3);
    let mut buf = vec![0u8; cap];
    // The pointer is exposed to JS as an integer, as wasm-bindgen does for every slice.
    let written = MEMORY.with(|m| take_text(m, buf.as_mut_ptr() as u32, cap as u32)) as usize;
    buf.truncate(written);
    let text = String::from_utf8(buf).map_err(|_| corrupt())?;
    Ok(Encoded { bytes, text })
}

impl Encoded {
    /// Validates the encoded value against `kind` in one pass, without building a tree.
    pub fn validate(
        &self,
        kind: &crate::schema::Kind,
        options: crate::validate::Options,
    ) -> Result<crate::validate::Report, JsValue> {
        crate::validate::validate_from(kind, options, |w, k| {
            let mut r = Reader { bytes: &self.bytes, at: 0, text: &self.text, ascii: self.text.is_ascii() };
            w.check(k, Stream { r: &mut r, depth: 0 })?;
            if r.at != self.bytes.len() || !r.text.is_empty() {
                return Err(StreamError("trailing data".into()));
            }
            Ok(())
        })
        .map_err(|_| JsValue::from(corrupt()))
    }

    /// The value, borrowing its strings from the encoded text.
    pub fn value(&self) -> Result<Value<'_>, JsValue> {
        let mut r = Reader { bytes: &self.bytes, at: 0, text: &self.text, ascii: self.text.is_ascii() };
        let v = r.value(0)?;
        if r.at != self.bytes.len() || !r.text.is_empty() {
            return Err(corrupt().into());
        }
        Ok(v)
    }
}

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const NUMBER: u8 = 3;
const STRING: u8 = 4;
const ARRAY: u8 = 5;
const OBJECT: u8 = 6;
const END: u8 = 7;
const FOREIGN: u8 = 8;

/// Deeper than the encoder allows: only a corrupt buffer gets here.
const MAX_DEPTH: usize = 300;

fn corrupt() -> JsError {
    JsError::new("elevate-billing: internal error: the encoded value is malformed")
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The strings not read yet.
    text: &'a str,
    /// All of `text` is ASCII, so UTF-16 lengths are byte lengths.
    ascii: bool,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], JsError> {
        let end = self.at.checked_add(n).ok_or_else(corrupt)?;
        let s = self.bytes.get(self.at..end).ok_or_else(corrupt)?;
        self.at = end;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, JsError> {
        Ok(self.take(1)?[0])
    }

    /// The next string: its UTF-16 length comes from the structure, its text from `text`.
    fn string(&mut self) -> Result<&'a str, JsError> {
        let len: [u8; 4] = self.take(4)?.try_into().map_err(|_| corrupt())?;
        let units = u32::from_le_bytes(len) as usize;
        let bytes = if self.ascii {
            units
        } else {
            let mut seen = 0;
            let mut end = 0;
            for c in self.text.chars() {
                if seen >= units {
                    break;
                }
                seen += c.len_utf16();
                end += c.len_utf8();
            }
            if seen != units {
                return Err(corrupt());
            }
            end
        };
        let s = self.text.get(..bytes).ok_or_else(corrupt)?;
        self.text = &self.text[bytes..];
        Ok(s)
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, JsError> {
        if depth > MAX_DEPTH {
            return Err(corrupt());
        }
        Ok(match self.byte()? {
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            NUMBER => {
                let b: [u8; 8] = self.take(8)?.try_into().map_err(|_| corrupt())?;
                Value::Number(f64::from_le_bytes(b))
            }
            STRING => Value::String(Cow::Borrowed(self.string()?)),
            ARRAY => {
                let mut items = Vec::new();
                while self.bytes.get(self.at) != Some(&END) {
                    items.push(self.value(depth + 1)?);
                }
                self.at += 1;
                Value::Array(items)
            }
            OBJECT => {
                let mut members = Vec::new();
                while self.bytes.get(self.at) != Some(&END) {
                    if self.byte()? != STRING {
                        return Err(corrupt());
                    }
                    let k = self.string()?;
                    members.push((Cow::Borrowed(k), self.value(depth + 1)?));
                }
                self.at += 1;
                Value::Object(members)
            }
            FOREIGN => Value::Foreign(Foreign::from_code(self.byte()?).ok_or_else(corrupt)?),
            _ => return Err(corrupt()),
        })
    }
}

// ---- the encoded stream as a serde Deserializer (validation reads it directly) -------------

/// The reader's errors as serde errors (a corrupt buffer; never user input).
#[derive(Debug)]
struct StreamError(String);

impl std::fmt::Display for StreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StreamError {}

impl serde::de::Error for StreamError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        StreamError(msg.to_string())
    }
}

fn bad() -> StreamError {
    StreamError("the encoded value is malformed".into())
}

struct Stream<'r, 'a> {
    r: &'r mut Reader<'a>,
    depth: usize,
}

impl<'de> serde::Deserializer<'de> for Stream<'_, 'de> {
    type Error = StreamError;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, StreamError> {
        if self.depth > MAX_DEPTH {
            return Err(bad());
        }
        match self.r.byte().map_err(|_| bad())? {
            NULL => visitor.visit_unit(),
            FALSE => visitor.visit_bool(false),
            TRUE => visitor.visit_bool(true),
            NUMBER => {
                let b: [u8; 8] = self.r.take(8).map_err(|_| bad())?.try_into().map_err(|_| bad())?;
                visitor.visit_f64(f64::from_le_bytes(b))
            }
            STRING => visitor.visit_borrowed_str(self.r.string().map_err(|_| bad())?),
            ARRAY => visitor.visit_seq(Items { r: self.r, depth: self.depth + 1 }),
            OBJECT => visitor.visit_map(Members { r: self.r, depth: self.depth + 1 }),
            // The engine's convention for values JSON cannot carry (validate/engine/seed.rs).
            FOREIGN => {
                let code = self.r.byte().map_err(|_| bad())?;
                visitor.visit_newtype_struct(serde::de::IntoDeserializer::<StreamError>::into_deserializer(code))
            }
            _ => Err(bad()),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

struct Items<'r, 'a> {
    r: &'r mut Reader<'a>,
    depth: usize,
}

impl<'de> serde::de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = StreamError;
    fn next_element_seed<T: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, StreamError> {
        match self.r.bytes.get(self.r.at) {
            None => Err(bad()),
            Some(&END) => {
                self.r.at += 1;
                Ok(None)
            }
            Some(_) => seed.deserialize(Stream { r: &mut *self.r, depth: self.depth }).map(Some),
        }
    }
}

struct Members<'r, 'a> {
    r: &'r mut Reader<'a>,
    depth: usize,
}

impl<'de> serde::de::MapAccess<'de> for Members<'_, 'de> {
    type Error = StreamError;
    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, StreamError> {
        match self.r.bytes.get(self.r.at) {
            None => Err(bad()),
            Some(&END) => {
                self.r.at += 1;
                Ok(None)
            }
            Some(&STRING) => {
                self.r.at += 1;
                let k = self.r.string().map_err(|_| bad())?;
                seed.deserialize(serde::de::value::BorrowedStrDeserializer::new(k)).map(Some)
            }
            Some(_) => Err(bad()),
        }
    }
    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, StreamError> {
        seed.deserialize(Stream { r: &mut *self.r, depth: self.depth })
    }
}
