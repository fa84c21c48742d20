//! JavaScript value → [`Value`], with `JSON.stringify`'s semantics, so the validator judges
//! exactly what the client would send: `toJSON()` is honoured (a `Date` becomes its ISO
//! string), `undefined`, functions and symbols are dropped from objects and become `null` in
//! arrays. What `JSON.stringify` would throw on (BigInt, cycles) or silently turn into `null`
//! (NaN, ±Infinity) becomes a [`Foreign`] value, reported as a `type` issue at its path.
//!
//! Nothing is mutated. Every call that can throw (getters, proxies, `toJSON`) is caught and
//! turned into a `FromJsError`, so a JS exception never unwinds through Rust frames.

use std::borrow::Cow;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::validate::value::{Foreign, Value};

/// Deepest nesting accepted; JSON bodies of the API are a few levels deep.
pub const MAX_DEPTH: usize = 256;

/// Most values (array items and object members, counted together) read from one input, so a
/// sparse array of length 2^32 - 1 is an error, not a hang. A `Customer` with 1000 sites
/// is about 60,000.
pub const MAX_VALUES: usize = 4_000_000;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(o: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(o: &JsValue) -> Result<bool, JsValue>;
}

/// Why a JS value could not be read at all.
#[derive(Debug)]
pub enum FromJsError {
    /// A getter, proxy trap or `toJSON` threw; `at` is the JSON Pointer being read.
    Threw { at: String, error: JsValue },
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than [`MAX_VALUES`] values.
    TooLarge,
}

impl FromJsError {
    pub fn message(&self) -> String {
        match self {
            FromJsError::Threw { at, error } => {
                let what = error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .or_else(|| error.as_string())
                    .unwrap_or_else(|| "an exception".into());
                let at = if at.is_empty() { "the value".to_owned() } else { format!("\"{at}\"") };
                format!("reading {at} threw: {what}")
            }
            FromJsError::TooDeep => format!("the value is nested more than {MAX_DEPTH} levels deep"),
            FromJsError::TooLarge => format!("the value holds more than {MAX_VALUES} items and members"),
        }
    }
}

/// Reads `v` as the JSON document `JSON.stringify(v)` would produce.
pub fn from_js(v: &JsValue) -> Result<Value<'static>, FromJsError> {
    let mut reader = Reader { ancestors: Vec::new(), path: Vec::new(), budget: MAX_VALUES };
    reader.read(v, &JsValue::from_str(""))
}

struct Reader {
    ancestors: Vec<JsValue>,
    path: Vec<String>,
    /// Values still allowed before [`FromJsError::TooLarge`].
    budget: usize,
}

impl Reader {
    fn pointer(&self) -> String {
        self.path.iter().map(|p| format!("/{}", p.replace('~', "~0").replace('/', "~1"))).collect()
    }

    fn spend(&mut self, n: usize) -> Result<(), FromJsError> {
        self.budget = self.budget.checked_sub(n).ok_or(FromJsError::TooLarge)?;
        Ok(())
    }

    fn threw(&self, error: JsValue) -> FromJsError {
        FromJsError::Threw { at: self.pointer(), error }
    }

    fn read(&mut self, v: &JsValue, key: &JsValue) -> Result<Value<'static>, FromJsError> {
        if let Some(s) = v.as_string() {
            return Ok(Value::String(Cow::Owned(s)));
        }
        if let Some(n) = v.as_f64() {
            return Ok(if n.is_nan() {
                Value::Foreign(Foreign::NaN)
            } else if n.is_infinite() {
                Value::Foreign(Foreign::Infinity)
            } else {
                Value::Number(n)
            });
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if v.is_null() {
            return Ok(Value::Null);
        }
        if v.is_undefined() {
            return Ok(Value::Foreign(Foreign::Undefined));
        }
        if v.is_bigint() {
            return Ok(Value::Foreign(Foreign::BigInt));
        }
        if v.is_symbol() {
            return Ok(Value::Foreign(Foreign::Symbol));
        }
        if v.is_function() {
            return Ok(Value::Foreign(Foreign::Function));
        }
        // An object. JSON.stringify calls toJSON(key) first (Date, and user classes).
        let to_json = Reflect::get(v, &JsValue::from_str("toJSON")).map_err(|e| self.threw(e))?;
        if let Some(f) = to_json.dyn_ref::<Function>() {
            let replaced = f.call1(v, key).map_err(|e| self.threw(e))?;
            if replaced.is_object() && !replaced.is_function() {
                return self.object(&replaced);
            }
            return self.read(&replaced, key);
        }
        // Boxed primitives serialise as their primitive value.
        if v.is_instance_of::<js_sys::Number>() || v.is_instance_of::<js_sys::JsString>() || v.is_instance_of::<js_sys::Boolean>() {
            let prim = Reflect::get(v, &JsValue::from_str("valueOf"))
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .and_then(|f| f.call0(v).ok());
            if let Some(p) = prim.filter(|p| !p.is_object()) {
                return self.read(&p, key);
            }
        }
        self.object(v)
    }

    fn object(&mut self, v: &JsValue) -> Result<Value<'static>, FromJsError> {
        if self.ancestors.iter().any(|a| Object::is(a, v)) {
            return Ok(Value::Foreign(Foreign::Cycle));
        }
        if self.ancestors.len() >= MAX_DEPTH {
            return Err(FromJsError::TooDeep);
        }
        self.ancestors.push(v.clone());
        let result = if is_array(v).map_err(|e| self.threw(e))? {
            self.array(v)
        } else {
            self.members(v)
        };
        self.ancestors.pop();
        result
    }

    fn array(&mut self, v: &JsValue) -> Result<Value<'static>, FromJsError> {
        let len = Reflect::get(v, &JsValue::from_str("length")).map_err(|e| self.threw(e))?.as_f64().unwrap_or(0.0);
        let len = len.clamp(0.0, u32::MAX as f64) as u32;
        self.spend(len as usize)?;
        let mut items = Vec::with_capacity(len.min(1024) as usize);
        for i in 0..len {
            self.path.push(i.to_string());
            let item = Reflect::get_u32(v, i).map_err(|e| self.threw(e))?;
            let value = self.read(&item, &JsValue::from_str(&i.to_string()))?;
            self.path.pop();
            // In arrays JSON.stringify writes null for undefined, functions and symbols.
            items.push(match value {
                Value::Foreign(Foreign::Undefined | Foreign::Function | Foreign::Symbol) => Value::Null,
                other => other,
            });
        }
        Ok(Value::Array(items))
    }

    fn members(&mut self, v: &JsValue) -> Result<Value<'static>, FromJsError> {
        let keys = object_keys(v).map_err(|e| self.threw(e))?;
        self.spend(keys.length() as usize)?;
        let mut members = Vec::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            self.path.push(name.clone());
            let item = Reflect::get(v, &key).map_err(|e| self.threw(e))?;
            let value = self.read(&item, &key)?;
            self.path.pop();
            // In objects JSON.stringify leaves these members out.
            if matches!(value, Value::Foreign(Foreign::Undefined | Foreign::Function | Foreign::Symbol)) {
                continue;
            }
            members.push((Cow::Owned(name), value));
        }
        Ok(Value::Object(members))
    }
}
