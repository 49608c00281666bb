//! JavaScript values to the core's plain data and back, with js-sys only (no serde: smaller, and
//! exact about `undefined`, `null` and types the core must report rather than coerce).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::value::{Map, Value};

/// Deeper nesting is not inspected: nothing IMP reads is that deep, and a cyclic object must not
/// overflow the stack.
const MAX_DEPTH: usize = 16;

#[wasm_bindgen]
extern "C" {
    // Bound with `catch`: a Proxy's ownKeys trap may throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(object: &JsValue) -> Result<Array, JsValue>;
}

/// The core's view of a JavaScript value.
pub(crate) fn from_js(v: &JsValue) -> Value {
    from_js_at(v, 0)
}

fn from_js_at(v: &JsValue, depth: usize) -> Value {
    // Most common first: each test is a call across the wasm boundary.
    if let Some(s) = v.as_string() {
        Value::String(s)
    } else if let Some(n) = v.as_f64() {
        Value::Number(n)
    } else if v.is_undefined() {
        Value::Undefined
    } else if v.is_null() {
        Value::Null
    } else if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else if v.is_bigint() {
        Value::Other("bigint")
    } else if v.is_symbol() {
        Value::Other("symbol")
    } else if v.is_function() {
        Value::Other("function")
    } else if depth >= MAX_DEPTH {
        Value::Other("object")
    } else if Array::is_array(v) {
        let len = Reflect::get(v, &"length".into()).ok().and_then(|l| l.as_f64()).unwrap_or(0.0);
        let items = (0..len as u32)
            .map(|i| Reflect::get_u32(v, i).map_or(Value::Other("error"), |x| from_js_at(&x, depth + 1)))
            .collect();
        Value::Array(items)
    } else {
        Value::Object(object_from_js(v, depth))
    }
}

fn object_from_js(v: &JsValue, depth: usize) -> Map {
    let Ok(keys) = own_keys(v) else { return Map::new() };
    Map::from_entries_first_wins(keys.iter().filter_map(|key| {
        let value = Reflect::get(v, &key).map_or(Value::Other("error"), |x| from_js_at(&x, depth + 1));
        Some((key.as_string()?, value))
    }))
}

/// A plain JavaScript value: objects are plain `Object`s, `undefined` entries are left out.
pub(crate) fn to_js(v: &Value) -> JsValue {
    match v {
        Value::Undefined | Value::Other(_) => JsValue::UNDEFINED,
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(*n),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(m) => map_to_js(m, None),
    }
}

/// An object from `map`. With `original`, arrays and objects are taken from it by reference, so
/// what the caller passed through (`custom_data`, `naverProducts`) reaches IMP untouched.
pub(crate) fn map_to_js(map: &Map, original: Option<&JsValue>) -> JsValue {
    let object = Object::new();
    for (key, value) in map.iter() {
        if value.is_absent() {
            continue;
        }
        let js = match (value, original) {
            (Value::Array(_) | Value::Object(_), Some(o)) => {
                Reflect::get(o, &key.into()).unwrap_or_else(|_| to_js(value))
            }
            _ => to_js(value),
        };
        set(&object, key, &js);
    }
    object.into()
}

/// Sets a property on an object this module created (plain, extensible: cannot throw).
pub(crate) fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &key.into(), value);
}

/// `Some(s)` as a string, `None` as `null`.
pub(crate) fn opt_str(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

/// A property of an arbitrary JavaScript value; anything that throws reads as `undefined`.
pub(crate) fn get(v: &JsValue, key: &str) -> JsValue {
    if !v.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}
