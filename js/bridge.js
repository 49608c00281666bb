// How values cross the wasm boundary: one string each way, not a call per property and type test.
//
// `encode` walks a JavaScript value once and writes it as compact text that src/wire.rs reads
// (src/js/convert.rs makes the calls). The wasm answers in JSON; in a request, each entry it
// passes through untouched is a position into `entries`, so the caller's own values (strings,
// custom_data, naverProducts) reach IMP as the very values validated, read once.
//
// The text, value by value:
//   s<n>:<chars>   a string of n UTF-16 code units     i<digits>;  an int32 (not -0)
//   x<hi>.<lo>;    any other number: its bits in hex   t f n u     true false null undefined
//   b y F          a bigint, symbol or function        E           a property that threw
//   o              an object deeper than MAX_DEPTH     [ … ]  { s<key> <value> … }

/** Deeper nesting is not inspected: nothing IMP reads is that deep, and a cycle must end. */
const MAX_DEPTH = 16;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/**
 * `value` as text, then `second` (a call's options) when given: one crossing for both. The own
 * entries of a top-level object `value` are pushed to `entries` (if given) as key, value, …
 */
function encode(value, entries, second) {
  const first = text(value, 0, entries);
  return second === undefined ? first : first + text(second, 0);
}

function text(v, depth, entries) {
  switch (typeof v) {
    case 'string': return `s${v.length}:${v}`;
    case 'number':
      if ((v | 0) === v && (v !== 0 || 1 / v > 0)) return `i${v};`;
      bits[0] = v;
      return `x${words[1].toString(16)}.${words[0].toString(16)};`;
    case 'boolean': return v ? 't' : 'f';
    case 'undefined': return 'u';
    case 'bigint': return 'b';
    case 'symbol': return 'y';
    case 'function': return 'F';
  }
  if (v === null) return 'n';
  if (depth >= MAX_DEPTH) return 'o';
  // A Proxy's traps may throw: what cannot be listed reads as empty, a property that throws as E.
  let array = false;
  let keys = [];
  let n = 0;
  try {
    array = Array.isArray(v);
    if (array) n = typeof v.length === 'number' ? v.length : 0;
    else keys = Object.keys(v);
  } catch {
    return array ? '[]' : '{}';
  }
  if (array) {
    let out = '[';
    for (let i = 0; i < n; i++) {
      let t;
      try {
        t = text(v[i], depth + 1);
      } catch {
        t = 'E';
      }
      out += t;
    }
    return `${out}]`;
  }
  let out = '{';
  for (const key of keys) {
    let x;
    let t;
    try {
      x = v[key];
      t = text(x, depth + 1, entries);
    } catch {
      t = 'E';
    }
    out += `s${key.length}:${key}${t}`;
    if (depth === 0 && entries) entries.push(key, x);
  }
  return `${out}}`;
}

/** What device detection reads of `navigator`, as text: `u` where there is none (Node before 21). */
function navigatorDevice() {
  const n = globalThis.navigator;
  if (!n) return 'u';
  return text({ userAgent: n.userAgent, maxTouchPoints: n.maxTouchPoints, mobile: n.userAgentData?.mobile }, 0);
}

/** The request an entry list describes: a position takes the caller's own entry, a pair is new. */
function request(list, entries) {
  const out = {};
  for (const e of list) {
    const pair = typeof e !== 'number';
    const key = pair ? e[0] : entries[2 * e];
    const value = pair ? e[1] : entries[2 * e + 1];
    // An own property even for `__proto__`, which assignment would take as the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

/** A validation report from its JSON, its `request` (an entry list) made an object. */
function decodeReport(json, entries) {
  const report = JSON.parse(json);
  if (report.request) report.request = request(report.request, entries);
  return report;
}

/** A request from its JSON entry list. */
function decodeRequest(json, entries) {
  return request(JSON.parse(json), entries);
}

/** `String(n)`: the JSON of a number that is not a safe integer, without float formatting in wasm. */
function numberText(n) {
  return Number.isFinite(n) ? String(n) : 'null';
}

export { encode, navigatorDevice, decodeReport, decodeRequest, numberText };
