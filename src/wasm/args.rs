//! Reading the arguments of exported functions safely: no JavaScript value may run code that
//! throws through a wasm frame, and no argument may reach wasm-bindgen's own conversions
//! (which trust their input: `validate(5, …)` once trapped with "memory access out of bounds").
//!
//! So every exported function takes `JsValue`s and reads them only with the typeof-based
//! intrinsics (`as_string`, `as_f64`, `is_object`…), wasm-bindgen's `instanceof` checks (which
//! catch), and imports declared with `catch` (`Reflect.get`). Strings are measured before they
//! are copied into wasm memory. What crosses is text (JSON made by JavaScript), bytes checked
//! by [`bytes`], numbers and booleans, and the few functions the client calls (fetch, the token
//! provider), always through `catch` imports. The JavaScript wrappers of the package
//! (`src/js/engine/`) check and bound arguments first and give the friendlier TypeErrors; these
//! checks are the floor under them, for the raw exports too.

use js_sys::{JsString, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The bounds of the boundary are declared below this layer (the generator, which runs
// natively, writes them for the package's wrappers; this layer is compiled for wasm32 only).
pub use crate::export::js::boundary::{CHUNK_BYTES, MAX_BYTES, MAX_JSON_UNITS, MAX_NAME_UNITS, MAX_TEXT_UNITS};

#[wasm_bindgen]
extern "C" {
    // `ArrayBuffer.isView` checks the internal slot: false for a Proxy around a typed array,
    // whose every property read would otherwise run the proxy's traps.
    #[wasm_bindgen(catch, js_namespace = ArrayBuffer, js_name = isView)]
    fn is_view(v: &JsValue) -> Result<bool, JsValue>;
}

/// A `TypeError` whose message starts with the package name.
pub fn type_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::TypeError::new(&super::prefixed(message)).into()
}

/// The name of `v`'s type in a message (`a number`, `null`, `an object`), read without
/// running any of its code.
pub fn type_of(v: &JsValue) -> &'static str {
    if v.is_null() {
        "null"
    } else if v.is_undefined() {
        "undefined"
    } else if v.is_string() {
        "a string"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.is_bigint() {
        "a bigint"
    } else if v.is_symbol() {
        "a symbol"
    } else if v.is_function() {
        "a function"
    } else {
        "an object"
    }
}

/// `v` as a string of at most `max` UTF-16 code units, or a `TypeError` naming `what`
/// (`"validate: schema"`). A String object or any other value is refused: converting it
/// would run its code.
pub fn string(v: &JsValue, what: &str, max: usize) -> Result<String, JsValue> {
    let s =
        v.dyn_ref::<JsString>().ok_or_else(|| type_error(format!("{what} must be a string, not {}", type_of(v))))?;
    if s.length() as usize > max {
        return Err(JsError::new(&super::prefixed(format_args!("{what} is longer than {max} characters"))).into());
    }
    Ok(String::from(s))
}

/// [`string`], or `None` for `undefined`.
pub fn optional_string(v: &JsValue, what: &str, max: usize) -> Result<Option<String>, JsValue> {
    if v.is_undefined() {
        Ok(None)
    } else {
        string(v, what, max).map(Some)
    }
}

/// The bytes of `v`: a real `Uint8Array` (checked by its internal slot, so a Proxy or a look-alike
/// is refused before any of its code runs; a detached one is empty) of at most [`MAX_BYTES`], or a
/// string (its UTF-8). The package's wrappers turn every other input (ArrayBuffer, other views,
/// large strings) into such arrays, in chunks, after checking them.
pub fn bytes(v: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(s) = v.dyn_ref::<JsString>() {
        // At most 3 bytes per unit while it is copied, then its UTF-8 length.
        if s.length() as usize > MAX_BYTES {
            return Err(too_large(what));
        }
        return Ok(String::from(s).into_bytes());
    }
    let real = is_view(v).unwrap_or(false) && v.is_instance_of::<Uint8Array>();
    if !real {
        return Err(type_error(format!("{what} must be a string or a Uint8Array, not {}", type_of(v))));
    }
    let array: &Uint8Array = v.unchecked_ref();
    if array.length() as usize > MAX_BYTES {
        return Err(too_large(what));
    }
    Ok(array.to_vec())
}

fn too_large(what: &str) -> JsValue {
    JsError::new(&super::prefixed(format_args!("{what} is larger than {MAX_BYTES} bytes: feed it in chunks"))).into()
}

/// Member `name` of an options object, read with `Reflect.get` (which catches): a getter or a
/// proxy trap that throws is an error naming the option, never the default.
pub fn option(options: &JsValue, fn_name: &str, name: &str) -> Result<JsValue, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsValue::UNDEFINED);
    }
    Reflect::get(options, &JsValue::from_str(name))
        .map_err(|e| type_error(format!("{fn_name}: reading options.{name} threw: {}", thrown_text(&e))))
}

/// What a thrown value says (`message` of an Error, a string as itself), read only through
/// `Reflect.get`: a hostile error object whose getters throw again gives a placeholder.
pub fn thrown_text(e: &JsValue) -> String {
    if let Some(s) = e.as_string() {
        return s;
    }
    if e.is_object() || e.is_function() {
        if let Ok(m) = Reflect::get(e, &JsValue::from_str("message")) {
            if let Some(m) = m.as_string() {
                return m.trim_start_matches(crate::export::js::MESSAGE_PREFIX).to_owned();
            }
        }
        return "an exception".to_owned();
    }
    match e.as_f64() {
        Some(n) => n.to_string(),
        None => "an exception".to_owned(),
    }
}
