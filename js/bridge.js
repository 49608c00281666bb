// How values cross the wasm boundary: one string each way, not a call per property and type test.
//
// `encode` walks a JavaScript value once and writes it as compact text that src/wire.rs reads
// (src/js/convert.rs makes the calls). The same walk makes a snapshot: fresh plain data holding
// exactly the values it read (own properties only, arrays copied, functions and what threw left
// out). A request is built from that snapshot, never from the caller's objects, so no getter run
// again, later mutation, Proxy, `toJSON` or polluted prototype changes what IMP receives.
//
// The text, value by value:
//   s<n>:<chars>   a string of n UTF-16 code units     i<digits>;  an int32 (not -0)
//   x<hi>.<lo>;    any other number: its bits in hex   t f n u     true false null undefined
//   b y F          a bigint, symbol or function        E           a property that threw
//   [ … ]  { s<key> <value> … }
// A value past a limit stops the walk: the whole text is then L<kind><path> (kinds below), and
// src/js/convert.rs answers LIMIT_EXCEEDED at that path instead of reading anything.
//
// No exception leaves this file towards the wasm: every read of a caller's value is inside a try.

// @generated limits begin
/**
 * Limits of one call (README, "Reliability and security"); each stops the walk before it starts.
 * Written from `LIMITS` of src/wire.rs by src/generate.rs.
 */
const LIMITS = {
  /** Nesting: nothing IMP reads is deeper, and a cycle must end. */
  depth: 16,
  /** Items of one array, read from `length` before walking. */
  items: 1000,
  /** Keys of one object; an object with own indexes 0 to 1000 is refused before they are listed. */
  keys: 1000,
  /** UTF-16 code units of one string or key. */
  chars: 100_000,
  /**
   * Values in one call (shared references count each time they are reached), re-entered calls
   * included.
   */
  values: 50_000,
  /** UTF-16 code units of the whole text, far below V8's longest string (2^29 - 24). */
  text: 2_000_000,
};
// @generated limits end
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const { hasOwn, freeze, create, defineProperty, setPrototypeOf } = Object;
const ArrayPrototype = Array.prototype;
const dateTime = Date.prototype.getTime;

/**
 * The prototype of every snapshot object: what code expects of a plain object (`hasOwnProperty`,
 * `toString`, …), but none of what a polluted `Object.prototype` holds.
 */
const SHIELD = freeze(
  create(
    null,
    Object.fromEntries(
      [
        'constructor',
        'hasOwnProperty',
        'isPrototypeOf',
        'propertyIsEnumerable',
        'toLocaleString',
        'toString',
        'valueOf',
      ].map((k) => [k, { value: Object.prototype[k] }]),
    ),
  ),
);

/** Thrown up the walk when a limit is reached; `path` gathers the keys on the way up. */
const LIMIT = { kind: '', path: '' };

let copied; // the snapshot of the value `text` last wrote
let values = LIMITS.values; // values left in this call
let room = LIMITS.text; // text units left in this call
let depthOfCalls = 0; // encodes under way: a getter may call an export while one walks

/** `key: value` on a snapshot object: an own property even for `__proto__`. */
function put(o, key, value) {
  if (key === '__proto__') defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

/**
 * `value` as text, then `second` (a call's options) when given: one crossing for both. The own
 * entries of a top-level object `value` are pushed to `entries` (if given) as key, snapshot, …
 * `entries` true: only `value`'s own fields that are not objects (`fields`).
 */
function encode(value, entries, second) {
  if (entries === true) return encode(fields(value));
  // A call re-entered from a getter, a trap or `valueOf` spends what is left of the call under way:
  // giving it a fresh budget would also give one to the outer walk when it resumes.
  if (depthOfCalls++ === 0) {
    values = LIMITS.values;
    room = LIMITS.text;
  }
  let inOptions = false;
  // Filled by index, without a prototype: a setter polluted on Array.prototype takes nothing.
  if (entries) setPrototypeOf(entries, null);
  try {
    const first = text(value, 0, entries);
    inOptions = true;
    return second === undefined ? first : first + text(second, 0);
  } catch (e) {
    // Anything else (a RangeError past every limit) is refused at the whole input.
    const kind = e === LIMIT ? LIMIT.kind : 'v';
    if (inOptions) within('options');
    const path = LIMIT.path;
    LIMIT.path = '';
    if (entries) entries.length = 0;
    return `L${kind}s${path.length}:${path}`;
  } finally {
    depthOfCalls--;
  }
}

/** Puts a key, or an array index, in front of the path of the value past a limit. */
function within(key) {
  const path = LIMIT.path;
  // The empty key is written [""], as src/text.rs `push_key` does: '' is the whole input.
  const step = typeof key === 'number' ? `[${key}]` : key === '' ? '[""]' : key;
  LIMIT.path = path === '' || path[0] === '[' ? step + path : `${step}.${path}`;
}

function limit(kind) {
  LIMIT.kind = kind;
  throw LIMIT;
}

function text(v, depth, entries) {
  copied = undefined;
  if (--values < 0) limit('v');
  switch (typeof v) {
    case 'string':
      if (v.length > LIMITS.chars) limit('s');
      if ((room -= v.length) < 0) limit('v');
      copied = v;
      return `s${v.length}:${v}`;
    case 'number':
      copied = v;
      if ((v | 0) === v && (v !== 0 || 1 / v > 0)) return `i${v};`;
      bits[0] = v;
      return `x${words[1].toString(16)}.${words[0].toString(16)};`;
    case 'boolean':
      copied = v;
      return v ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'bigint':
      return 'b';
    case 'symbol':
      return 'y';
    case 'function':
      return 'F';
  }
  if (v === null) {
    copied = null;
    return 'n';
  }
  if (depth >= LIMITS.depth) limit('d');
  // A Proxy's traps may throw: what cannot be listed reads as empty, a property that throws as E.
  let array = false;
  let keys;
  let n = 0;
  let time;
  try {
    array = Array.isArray(v);
    if (array) {
      // Read once: a Proxy may answer a number, then an object whose `valueOf` counts on.
      const length = v.length;
      n = typeof length === 'number' ? length : 0;
    }
    // Counted before listing: the indexes of a typed array or a String object (of any realm, any
    // prototype, or behind a Proxy) cost no memory until listed, and 1e7 of them take seconds and
    // gigabytes to list. An object that owns indexes 0 to 1000 has more keys than the limit (each
    // a constant-time lookup, whatever `v` is).
    else {
      let i = 0;
      while (i <= LIMITS.keys && hasOwn(v, i)) i++;
      keys = i > LIMITS.keys ? limit('k') : Object.keys(v);
    }
    // A Date of any realm (an iframe's too): `getTime` reads any Date's time.
    if (!array && SHIELD.toString.call(v) === '[object Date]') time = dateTime.call(v);
  } catch (e) {
    if (e === LIMIT) throw e;
    copied = array ? [] : create(SHIELD);
    return array ? '[]' : '{}';
  }
  if (array) {
    // Read before walking: a length of 1e9 (or a Proxy's Infinity) is refused, not walked.
    if (!(n <= LIMITS.items)) limit('a');
    // Filled without a prototype, so that no setter polluted on Array.prototype takes an index.
    const copy = setPrototypeOf([], null);
    let out = '[';
    for (let i = 0; i < n; i++) {
      let t;
      try {
        // Own elements only: a hole never reads an index polluted on Array.prototype.
        t = hasOwn(v, i) ? text(v[i], depth + 1) : ((copied = undefined), 'u');
      } catch (e) {
        if (e === LIMIT) {
          within(i);
          throw e;
        }
        t = 'E';
        copied = undefined;
      }
      copy[i] = copied;
      out += t;
    }
    copied = setPrototypeOf(copy, ArrayPrototype);
    return `${out}]`;
  }
  if (keys.length > LIMITS.keys) limit('k');
  const copy = time === undefined ? create(SHIELD) : new Date(time);
  let out = '{';
  for (const key of keys) {
    if (key.length > LIMITS.chars) limit('s');
    if ((room -= key.length) < 0) limit('v');
    let t;
    try {
      // A getter may have deleted a later key: it is gone, never read from a (polluted) prototype.
      if (!hasOwn(v, key)) continue;
      t = text(v[key], depth + 1, entries);
    } catch (e) {
      if (e === LIMIT) {
        within(key);
        throw e;
      }
      t = 'E';
      copied = undefined;
    }
    out += keyText(key) + t;
    if (copied !== undefined) put(copy, key, copied);
    if (depth === 0 && entries) {
      entries[entries.length] = key;
      entries[entries.length] = copied;
    }
  }
  copied = copy;
  return `${out}}`;
}

/**
 * `s<n>:<key>`, kept for short keys: a cart repeats the same few keys, and writing a key's length
 * and key anew is about a sixth of the walk. At most 256 of at most 40 units, so a page's odd keys
 * cost little memory.
 */
function keyText(key) {
  let t = keyTexts.get(key);
  if (t === undefined) {
    t = `s${key.length}:${key}`;
    if (key.length <= 40 && keyTexts.size < 256) keyTexts.set(key, t);
  }
  return t;
}
const keyTexts = new Map();

/**
 * The own fields of `v` that are not objects, in a fresh object: IMP's answer, whose outcome they hold. What
 * it echoes beside them (`custom_data`) is not read, so no size of it turns an approval into a
 * failure, and the request's limits still bound the rest.
 */
function fields(v) {
  const out = create(SHIELD);
  try {
    for (const key of Object.keys(v)) {
      const x = v[key];
      if (x !== Object(x)) put(out, key, x);
    }
  } catch {
    // What could be read is the answer (nothing of `null`).
  }
  return out;
}

/**
 * What device detection reads of `navigator`, as text: `u` where there is none (Node before 21).
 * Read on every call (an emulator may change it), written again only when a value changed.
 */
function navigatorDevice() {
  try {
    const n = globalThis.navigator;
    if (!n) return 'u';
    const userAgent = n.userAgent;
    const maxTouchPoints = n.maxTouchPoints;
    const mobile = n.userAgentData?.mobile;
    const last = lastDevice;
    if (userAgent !== last.userAgent || maxTouchPoints !== last.maxTouchPoints || mobile !== last.mobile)
      lastDevice = { userAgent, maxTouchPoints, mobile, text: encode({ userAgent, maxTouchPoints, mobile }) };
    return lastDevice.text;
  } catch {
    return 'u';
  }
}
/** The device `navigatorDevice` read last, and its text (NaN equals nothing: the first is written). */
let lastDevice = { userAgent: NaN };

/** `v[key]` when it is `v`'s own property, else undefined; never throws. */
function own(v, key) {
  try {
    return v !== null && typeof v === 'object' && hasOwn(v, key) ? v[key] : undefined;
  } catch {
    return undefined;
  }
}

/** The time of `options.now` when it is a real `Date`, else NaN: a lookalike or a Proxy never throws. */
function timeOf(options) {
  try {
    return dateTime.call(own(options, 'now'));
  } catch {
    return NaN;
  }
}

/** The request an entry list describes: a position takes the snapshot of a caller's entry, a pair is new. */
function request(list, entries) {
  const out = create(SHIELD);
  for (const e of list) {
    const pair = typeof e !== 'number';
    put(out, pair ? e[0] : entries[2 * e], pair ? e[1] : entries[2 * e + 1]);
  }
  return out;
}

/**
 * A validation report from its JSON, its `request` (an entry list) made an object. A page checks
 * the same cart again and again, and a report without issues is then the same text (its request
 * holds positions, and only the few values validation adds): that text is parsed once, as
 * JSON.parse was a tenth of a call in Node 20.
 */
function decodeReport(json, entries) {
  if (json !== clean.json) {
    const report = JSON.parse(json);
    if (report.errors.length > 0 || report.warnings.length > 0) {
      if (report.request) report.request = request(report.request, entries);
      return report;
    }
    clean = { json, mode: report.mode, list: report.request };
  }
  // No errors: `ok` (src/validate/mod.rs `ValidationReport::ok`).
  const { mode, list } = clean;
  return { ok: true, errors: [], warnings: [], mode, request: list && request(list, entries) };
}
/** The last report without issues: its JSON, its mode and its request's entry list. */
let clean = { json: '' };

/** A request from its JSON entry list. */
function decodeRequest(json, entries) {
  return request(JSON.parse(json), entries);
}

/** A payment result from its JSON: `raw` (open-ended) reads nothing from a polluted prototype. */
function decodeResult(json) {
  const result = JSON.parse(json);
  setPrototypeOf(result.raw, SHIELD);
  return result;
}

/** The result of a popup callback: IMP's own strings (identical, lone surrogates too) and object as `raw`. */
function popupResult(success, mode, response) {
  const text = (key) => {
    const v = own(response, key);
    return typeof v === 'string' ? v : null;
  };
  const raw = response !== null && typeof response === 'object' ? response : create(SHIELD);
  // A literal defines its keys: no setter polluted on Object.prototype runs.
  return {
    success,
    imp_uid: text('imp_uid'),
    merchant_uid: text('merchant_uid'),
    error_code: text('error_code'),
    error_msg: text('error_msg'),
    mode,
    raw,
  };
}

/** `String(n)`: the JSON of a number that is not a safe integer, without float formatting in wasm. */
function numberText(n) {
  return Number.isFinite(n) ? String(n) : 'null';
}

/**
 * `f` called at most once: IMP may call a callback twice, and a wasm closure called again would
 * throw inside IMP's code. (`f`, the wasm's callback, never throws.)
 */
function once(f) {
  return (arg) => {
    const g = f;
    f = undefined;
    g?.(arg);
  };
}

/**
 * Makes `pay` and `registerBillingKey` of the checkout class reject with `freed` (a NaverPayError
 * CHECKOUT_FREED) on a freed checkout, or on a `this` that is none, instead of entering the wasm
 * with a null pointer (which throws through it). `free()` (and `Symbol.dispose`) does nothing on a
 * freed checkout, and during the checkout's own `pay()` (from a getter of the params, or from
 * `request_pay`) it waits until `pay()` returns: the wasm would throw through itself either way,
 * leaking its stack. Done once, on the first checkout made.
 */
function guardCheckout(checkout, freed) {
  checkouts.add(checkout);
  if (guarded) return checkout;
  guarded = true;
  const proto = Object.getPrototypeOf(checkout);
  // Only a checkout this module made, never a Proxy of one (its traps could lie about the pointer).
  const live = (c) => checkouts.has(c) && c.__wbg_ptr && !freeing.has(c);
  const free = proto.free;
  for (const name of ['pay', 'registerBillingKey']) {
    const method = proto[name];
    proto[name] = function () {
      if (!live(this)) return Promise.reject(freed);
      paying++;
      try {
        return method.apply(this, arguments);
      } finally {
        // The checkouts freed during the outermost call, now that none is borrowed.
        if (!--paying) for (const c of freeing) freeing.delete(c) && free.call(c);
      }
    };
  }
  proto.free = function () {
    if (live(this)) paying ? freeing.add(this) : free.call(this);
  };
  if (Symbol.dispose) proto[Symbol.dispose] = proto.free;
  return checkout;
}
const checkouts = new WeakSet();
/** How many `pay` or `registerBillingKey` calls are under way (one inside another's getter). */
let paying = 0;
/** Checkouts whose `free()` waits for those calls to return. */
const freeing = new Set();
let guarded = false;

export {
  SHIELD,
  encode,
  navigatorDevice,
  own,
  timeOf,
  decodeReport,
  decodeRequest,
  decodeResult,
  popupResult,
  numberText,
  once,
  guardCheckout,
  LIMITS,
};
