//! A JSON-like value with ordered objects: the plain data the core takes and returns.
//!
//! The browser edge converts JavaScript values into this and back; natively, servers build it
//! directly. Objects keep insertion order so requests and form bodies come out in a stable order.

use std::fmt;

/// A value as JavaScript would hand it over.
#[derive(Clone, PartialEq)]
pub enum Value {
    /// `undefined`, or a missing property.
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A JavaScript number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// A plain object.
    Object(Map),
    /// Anything else JavaScript can hold (`"bigint"`, `"function"`, `"symbol"`): its `typeof`.
    Other(&'static str),
    /// A property that could not be read: its getter (or a Proxy's trap) threw. Nothing of it
    /// reaches IMP; a check that needs it reports it as of the type `error`.
    Threw,
}

impl Value {
    /// The name of the value's type as messages say it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Undefined => "undefined",
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Other(t) => t,
            Value::Threw => "error",
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// `undefined` counts as absent, as it does for IMP.
    pub fn is_absent(&self) -> bool {
        matches!(self, Value::Undefined)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Number(n)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        // Amounts are at most 2^53 - 1, where the conversion is exact.
        Value::Number(n as f64)
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Self {
        Value::Object(m)
    }
}

impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Self {
        Value::Array(v)
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Undefined => f.write_str("undefined"),
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => write!(f, "{n}"),
            Value::String(s) => write!(f, "{s:?}"),
            Value::Array(a) => f.debug_list().entries(a).finish(),
            Value::Object(m) => m.fmt(f),
            Value::Other(t) => write!(f, "<{t}>"),
            Value::Threw => f.write_str("<threw>"),
        }
    }
}

/// An object whose keys keep their insertion order.
#[derive(Clone, Default, PartialEq)]
pub struct Map {
    entries: Vec<(String, Value)>,
}

impl Map {
    /// An empty object.
    pub const fn new() -> Self {
        Map { entries: Vec::new() }
    }

    /// The value under `key`, `Undefined` when there is none.
    pub fn get(&self, key: &str) -> &Value {
        self.entries.iter().find(|(k, _)| k == key).map_or(&Value::Undefined, |(_, v)| v)
    }

    /// Whether `key` is present with a value other than `undefined`.
    pub fn contains(&self, key: &str) -> bool {
        !self.get(key).is_absent()
    }

    /// Sets `key`, in place when it exists, else at the end.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<Value>) {
        let key = key.into();
        let value = value.into();
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.entries.push((key, value)),
        }
    }

    /// The entries in order, keeping the first of each key (as `URLSearchParams.get` does), in
    /// linear time: a query with tens of thousands of keys must not freeze the page.
    pub fn from_entries_first_wins(entries: impl IntoIterator<Item = (String, Value)>) -> Map {
        Map::first_wins(entries.into_iter().collect())
    }

    // Not generic: one copy in the wasm whatever the callers' iterators.
    fn first_wins(entries: Vec<(String, Value)>) -> Map {
        // A small open-addressing index of entry positions (no std hasher or BTree: wasm size).
        let slots = (entries.len() * 2).next_power_of_two();
        let mut index: Vec<Option<usize>> = vec![None; slots];
        let mut keep = vec![false; entries.len()];
        for (i, (key, _)) in entries.iter().enumerate() {
            let mut slot = fnv1a(key) & (slots - 1);
            loop {
                match index.get(slot).copied().flatten() {
                    Some(j) if entries.get(j).is_some_and(|(k, _)| k == key) => break,
                    Some(_) => slot = (slot + 1) & (slots - 1),
                    None => {
                        if let (Some(s), Some(k)) = (index.get_mut(slot), keep.get_mut(i)) {
                            *s = Some(i);
                            *k = true;
                        }
                        break;
                    }
                }
            }
        }
        let entries = entries.into_iter().zip(keep).filter_map(|(e, k)| k.then_some(e)).collect();
        Map { entries }
    }

    /// The entries as they are: their keys must be distinct already (as JavaScript's `Object.keys` gives them).
    #[cfg(any(target_arch = "wasm32", test))]
    pub(crate) fn from_distinct_entries(entries: Vec<(String, Value)>) -> Map {
        Map { entries }
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.entries.iter().position(|(k, _)| k == key)?;
        Some(self.entries.remove(i).1)
    }

    /// The entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn fnv1a(s: &str) -> usize {
    s.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193)) as usize
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Map {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = Map::new();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}

/// Buyer details never reach a log: `Debug` shows their keys, not their values.
impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_map();
        for (k, v) in self.iter() {
            if crate::catalog::is_buyer_detail(k) {
                d.entry(&k, &format_args!("<redacted>"));
            } else {
                d.entry(&k, v);
            }
        }
        d.finish()
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use super::{Map, Value};
    use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

    impl Serialize for Value {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Value::Undefined | Value::Null | Value::Other(_) | Value::Threw => s.serialize_unit(),
                Value::Bool(b) => s.serialize_bool(*b),
                Value::Number(n) if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 => s.serialize_i64(*n as i64),
                Value::Number(n) => s.serialize_f64(*n),
                Value::String(v) => s.serialize_str(v),
                Value::Array(a) => {
                    let mut seq = s.serialize_seq(Some(a.len()))?;
                    for v in a {
                        seq.serialize_element(v)?;
                    }
                    seq.end()
                }
                Value::Object(m) => m.serialize(s),
            }
        }
    }

    impl Serialize for Map {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let present = self.iter().filter(|(_, v)| !v.is_absent());
            let mut map = s.serialize_map(None)?;
            for (k, v) in present {
                map.serialize_entry(k, v)?;
            }
            map.end()
        }
    }
}
