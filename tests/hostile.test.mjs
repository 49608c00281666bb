// Hostile input in Node (the whole module the inline entries carry, through its glue, which
// scripts/build.sh leaves in target/glue/, and initSync):
// nothing throws through the wasm, nothing hangs, work is bounded by documented limits, and the
// request is a snapshot of what validation read.
// The wasm is loaded with its stack pointer exported (tests/support/stack-pointer.mjs), so that
// an exception unwinding through wasm frames is seen. tests/hostile-browser.test.mjs does the
// same in Chromium for what needs a page (pay, the loader).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import net from 'node:net';
import { REPO_ROOT, VALID_PARAMS } from './support/pkg.mjs';
import { exportStackPointer } from './support/stack-pointer.mjs';
import { LIMITS } from '../js/bridge.js';
import { collidingKeys } from '../bench/cases.mjs';

let npc;
let stackPointer;

before(async () => {
  // The glue the inline entries bundle, given the instrumented wasm with initSync.
  npc = await import(`${REPO_ROOT}/target/glue/naverpay_checkout.js`);
  const exports = npc.initSync({ module: exportStackPointer(`${REPO_ROOT}/target/glue/naverpay_checkout_bg.wasm`) });
  stackPointer = () => exports.__test_stack_pointer.value;
});

const valid = () => structuredClone(VALID_PARAMS);
const codes = (r) => r.errors.map((e) => `${e.code}@${e.field}`);
const thrower = () => {
  throw new Error('hostile');
};

/** Values whose every read throws, in every way a read can. */
function throwingValues() {
  const traps = {
    get: thrower,
    ownKeys: thrower,
    getPrototypeOf: thrower,
    has: thrower,
    getOwnPropertyDescriptor: thrower,
  };
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  return [
    new Proxy({}, traps),
    new Proxy([], traps),
    new Proxy(new Date(), traps),
    revocable.proxy,
    {
      get merchant_uid() {
        throw new Error('getter');
      },
    },
    Object.create(Date.prototype),
    new Proxy(new Date(), {}),
    { getTime: thrower },
    { [Symbol.toPrimitive]: thrower, toString: thrower, valueOf: thrower },
  ];
}

test('100,000 throwing inputs through every export leave the stack pointer where it was and the module working', () => {
  const start = stackPointer();
  const hostile = throwingValues();
  const bodies = [npc.buildAgainPaymentBody, npc.buildSchedulePaymentBody, npc.buildCancelPaymentBody];
  let thrown = 0;
  let bodyErrors = 0;
  for (let i = 0; i < 100_000; i++) {
    const h = hostile[i % hostile.length];
    const calls = [
      () => npc.validateNaverPay(h, { now: h }),
      () => npc.validateBillingKey({ ...VALID_PARAMS, custom_data: h }, { now: h, device: h }),
      () => npc.choosePayMode(h),
      () => npc.parseRedirectResult(h),
      () => npc.NaverPayCheckout.load(h).catch(() => {}),
    ];
    try {
      calls[i % calls.length]();
    } catch {
      thrown += 1;
    }
    try {
      bodies[i % bodies.length](h, { now: h });
    } catch (e) {
      // The body builders refuse invalid input with a NaverPayError, thrown by the glue in JavaScript.
      if (npc.isNaverPayError(e)) bodyErrors += 1;
      else thrown += 1;
    }
  }
  assert.equal(thrown, 0, 'no call threw anything but a NaverPayError');
  assert.equal(bodyErrors, 100_000);
  assert.equal(stackPointer(), start, 'the wasm stack pointer is where it started');
  assert.equal(npc.validateNaverPay(valid(), { now: 0 }).ok, true, 'a valid call still works');
  assert.equal(stackPointer(), start);
});

test('options.now that is Date-like but not a Date is an issue under options.now, never a throw', () => {
  const lookalikes = [
    Object.create(Date.prototype),
    new Proxy(new Date(), {}),
    { getTime: () => 0 },
    { getTime: thrower },
    { getTime: () => Symbol('t') },
    {
      get now() {
        throw new Error('x');
      },
    },
  ];
  for (const [i, now] of lookalikes.entries()) {
    for (const validate of [npc.validateNaverPay, npc.validateBillingKey]) {
      assert.ok(codes(validate(valid(), { now })).includes('INVALID_TYPE@options.now'), `lookalike ${i}`);
    }
  }
  assert.equal(npc.validateNaverPay(valid(), { now: new Date(0) }).ok, true, 'a real Date is still read');
});

// ---- bounded work ------------------------------------------------------------------------------

const holes = (n) => {
  const a = [];
  a.length = n;
  return a;
};
const deep = (n, key = 'x') => {
  let o = {};
  const top = o;
  for (let i = 0; i < n; i++) o = o[key] = {};
  return top;
};
const manyKeys = (n, value = 1) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));

test('input past a limit is refused with LIMIT_EXCEEDED at its path, without walking it', () => {
  const cycle = {};
  cycle.a = cycle;
  cycle.b = cycle;
  cycle.c = cycle;
  const shared = { x: 1 };
  let dag = [shared, shared, shared, shared];
  for (let i = 0; i < 11; i++) dag = [dag, dag, dag, dag]; // 4^12 paths through 12 arrays
  const mb = 'x'.repeat(1 << 20);
  const cases = [
    ['an array whose length is 1e8', { naverProducts: holes(1e8) }, 'naverProducts'],
    ['an array whose length is 2^32 - 1', { naverProducts: holes(2 ** 32 - 1) }, 'naverProducts'],
    [
      'a Proxy claiming length Infinity',
      { naverProducts: new Proxy([], { get: (t, k) => (k === 'length' ? Infinity : t[k]) }) },
      'naverProducts',
    ],
    ['a Uint8Array(1e8)', { custom_data: new Uint8Array(1e8) }, 'custom_data'],
    ['a String object of 1e6 characters', { custom_data: new String(mb) }, 'custom_data'],
    [
      `${LIMITS.items + 1} products`,
      { naverProducts: Array(LIMITS.items + 1).fill(VALID_PARAMS.naverProducts[0]) },
      'naverProducts',
    ],
    [`${LIMITS.keys + 1} top-level keys`, manyKeys(LIMITS.keys + 1), ''],
    ['a string of 1 MB', { name: mb }, 'name'],
    ['a key of 1 MB', { custom_data: { [mb]: 1 } }, 'custom_data'],
    ['600 fields sharing one 1 MB string', { custom_data: manyKeys(600, mb.slice(0, LIMITS.chars)) }, ''],
    ['nesting 17 deep', { custom_data: deep(20) }, 'custom_data.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x'],
    // An empty key is written [""]: the path '' is kept for the whole input.
    ['nesting 17 deep through empty keys', { custom_data: deep(20, '') }, `custom_data${'[""]'.repeat(15)}`],
    ['a 3-key self-cycle', { custom_data: cycle }, 'custom_data.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a'],
    ['shared references reached 4^12 times', { custom_data: dag }, ''],
  ];
  for (const [what, patch, field] of cases) {
    const started = performance.now();
    const r = npc.validateNaverPay({ ...valid(), ...patch }, { now: 0, locale: 'en' });
    const ms = performance.now() - started;
    assert.equal(r.ok, false, what);
    assert.equal(r.errors[0].code, 'LIMIT_EXCEEDED', what);
    assert.ok(
      r.errors[0].field === field || (field === '' && r.errors[0].field.startsWith('custom_data')),
      `${what}: ${r.errors[0].field}`,
    );
    assert.equal(r.errors.length, 1, `${what}: nothing else is checked`);
    assert.ok(ms < 5000, `${what}: ${ms} ms`);
  }
});

test('the limit messages state the limits js/bridge.js applies', () => {
  const r = npc.validateNaverPay({ ...valid(), naverProducts: holes(LIMITS.items + 1) }, { locale: 'en' });
  assert.match(r.errors[0].message, new RegExp(`≤ ${LIMITS.items} items`));
  const s = npc.validateNaverPay({ ...valid(), name: 'x'.repeat(LIMITS.chars + 1) }, { locale: 'en' });
  assert.match(s.errors[0].message, new RegExp(`≤ ${LIMITS.chars} characters`));
  const d = npc.validateNaverPay({ ...valid(), custom_data: deep(30) }, { locale: 'en' });
  assert.match(d.errors[0].message, new RegExp(`≤ ${LIMITS.depth} levels`));
});

test('just inside the limits is read: 1000 products, 999 unknown keys, a 100,000-character custom string', () => {
  const products = Array(LIMITS.items).fill(VALID_PARAMS.naverProducts[0]);
  assert.equal(npc.validateNaverPay({ ...valid(), naverProducts: products }, { now: 0 }).ok, true);
  const keys = npc.validateNaverPay({ ...valid(), ...manyKeys(LIMITS.keys - 5) }, { now: 0 });
  assert.equal(keys.ok, true);
  assert.equal(keys.warnings.length, LIMITS.keys - 5);
  assert.equal(
    npc.validateNaverPay({ ...valid(), custom_data: { note: 'x'.repeat(LIMITS.chars) } }, { now: 0 }).ok,
    true,
  );
});

test('the body builders refuse input past a limit with INVALID_PARAMS listing LIMIT_EXCEEDED', () => {
  const schedules = Array.from({ length: LIMITS.items + 1 }, (_, i) => ({
    merchant_uid: `m${i}`,
    schedule_at: 2e9,
    amount: 1000,
  }));
  assert.throws(
    () => npc.buildSchedulePaymentBody({ customer_uid: 'c', schedules }, { now: 0 }),
    (e) => e.code === 'INVALID_PARAMS' && e.errors[0].code === 'LIMIT_EXCEEDED' && e.errors[0].field === 'schedules',
  );
});

test('parseRedirectResult is bounded: a 3M-character input, and keys crafted to collide in its index', () => {
  let started = performance.now();
  const huge = npc.parseRedirectResult(`imp_uid=x&${'a'.repeat(3e6)}`);
  assert.deepEqual([huge.success, huge.imp_uid, Object.keys(huge.raw).length], [false, null, 0]);
  assert.ok(performance.now() - started < 2000);
  const keys = collidingKeys(1000);
  const query = `imp_uid=imp_1&${keys.map((k) => `${k}=1`).join('&')}&${'z=1&'.repeat(100_000)}`;
  started = performance.now();
  const r = npc.parseRedirectResult(query);
  assert.equal(r.imp_uid, 'imp_1');
  assert.equal(Object.keys(r.raw).length, 1000, 'the first 1000 pairs are read, no more');
  assert.ok(performance.now() - started < 2000);
});

// ---- what IMP receives ---------------------------------------------------------------------------

test('the request is a snapshot: a getter read once, later mutation, a Proxy array and toJSON change nothing', () => {
  let reads = 0;
  const product = {
    ...VALID_PARAMS.naverProducts[0],
    get count() {
      reads += 1;
      return reads === 1 ? 1 : 0;
    },
  };
  const cart = [product];
  const params = { ...valid(), naverProducts: cart, custom_data: { toJSON: () => ({ imp_secret: 'S' }), order: 7 } };
  const r = npc.validateNaverPay(params, { now: 0 });
  assert.equal(r.ok, true);
  cart.length = 0;
  params.custom_data.order = 8;
  assert.equal(reads, 1, 'the getter ran once');
  assert.deepEqual(JSON.parse(JSON.stringify(r.request.naverProducts)), [
    { ...VALID_PARAMS.naverProducts[0], count: 1 },
  ]);
  assert.notEqual(r.request.naverProducts, cart, 'arrays are copied');
  assert.equal(JSON.stringify(r.request.custom_data), '{"order":7}', 'no toJSON, no later mutation');
  const proxied = npc.validateNaverPay(
    { ...valid(), naverProducts: new Proxy([...VALID_PARAMS.naverProducts], {}) },
    { now: 0 },
  );
  assert.equal(proxied.ok, true);
  assert.equal(Array.isArray(proxied.request.naverProducts) && proxied.request.naverProducts.length, 1);
  assert.equal(proxied.request.naverProducts[0].name, VALID_PARAMS.naverProducts[0].name);
});

test('a Date inside custom_data reaches IMP as a Date of the same time', () => {
  const at = new Date(1_700_000_000_000);
  const r = npc.validateNaverPay({ ...valid(), custom_data: { at } }, { now: 0 });
  assert.ok(r.request.custom_data.at instanceof Date);
  assert.equal(r.request.custom_data.at.getTime(), at.getTime());
});

test('a call re-entered from a getter spends the budget of the call under way: the limits stay on', () => {
  // 60 × 1,002 values and 25 × 100,000 characters, each chunk behind a getter that calls an export.
  const reenter = (chunk) => ({
    get again() {
      npc.choosePayMode();
      npc.validateNaverPay({});
      return 0;
    },
    chunk,
  });
  const values = { ...valid(), custom_data: Array.from({ length: 60 }, () => reenter(Array(999).fill(1))) };
  const chars = { ...valid(), custom_data: Array.from({ length: 25 }, () => reenter('x'.repeat(LIMITS.chars))) };
  let dag = [reenter(1), reenter(1), reenter(1), reenter(1)];
  for (let i = 0; i < 9; i++) dag = [dag, dag, dag, dag]; // 4^10 paths, each leaf re-entering
  const dagged = { ...valid(), custom_data: dag };
  for (const [what, params] of [
    ['values', values],
    ['characters', chars],
    ['a DAG of 10 levels', dagged],
  ]) {
    const started = performance.now();
    const r = npc.validateNaverPay(params, { now: 0 });
    assert.deepEqual([r.ok, r.errors[0]?.code], [false, 'LIMIT_EXCEEDED'], what);
    assert.ok(performance.now() - started < 5000, what);
  }
  assert.equal(npc.validateNaverPay(valid(), { now: 0 }).ok, true, 'the next call has its whole budget');
});

test('exotic objects are counted before they are listed, and a length is read once', () => {
  const big = 1e6;
  let listed = 0;
  const counting = (target) =>
    new Proxy(target, {
      ownKeys(t) {
        listed += 1;
        return Reflect.ownKeys(t);
      },
    });
  const foreign = runInNewContext(`new String('x'.repeat(${big}))`);
  const exotic = [
    ['a Proxy of a Uint8Array', counting(new Uint8Array(big))],
    ['a Proxy of a String object', counting(new String('x'.repeat(big)))],
    ['a Proxy of a String object of another realm', counting(foreign)],
    [
      'a Proxy of a String object with an Object prototype',
      counting(Object.setPrototypeOf(new String('x'.repeat(big)), Object.prototype)),
    ],
    ['a String object of another realm', foreign],
    ['a String object with an Object prototype', Object.setPrototypeOf(new String('x'.repeat(big)), Object.prototype)],
  ];
  for (const [what, custom_data] of exotic) {
    const started = performance.now();
    const r = npc.validateNaverPay({ ...valid(), custom_data }, { now: 0 });
    assert.deepEqual([r.ok, r.errors[0]?.code, r.errors[0]?.field], [false, 'LIMIT_EXCEEDED', 'custom_data'], what);
    assert.ok(performance.now() - started < 5000, what);
  }
  assert.equal(listed, 0, 'no index list was made');
  // An object that owns key "1000" among a few others is an ordinary object.
  assert.equal(npc.validateNaverPay({ ...valid(), custom_data: { 0: 'a', 999: 'b', 1000: 'c' } }, { now: 0 }).ok, true);

  // A Proxy array whose length answers 1, then an object whose valueOf says 5,000.
  const products = Array(5000).fill(VALID_PARAMS.naverProducts[0]);
  let reads = 0;
  const shifting = new Proxy(products, {
    get: (t, k) => (k === 'length' ? (++reads === 1 ? 1 : { valueOf: () => 5000 }) : t[k]),
  });
  const r = npc.validateNaverPay({ ...valid(), naverProducts: shifting }, { now: 0 });
  assert.equal(r.request?.naverProducts?.length, 1, 'the length read once');
  assert.equal(reads, 1);
});

test('the snapshot: a key deleted by an earlier getter is gone, never read from Object.prototype; a Date of another realm stays a Date', () => {
  const seen = polluted(
    () => {
      Object.prototype.notice_url = 'https://evil.example/';
    },
    () => {
      const params = valid();
      Object.defineProperty(params, 'buyer_name', {
        get() {
          delete params.notice_url;
          return 'Hong';
        },
        enumerable: true,
        configurable: true,
      });
      params.notice_url = 'https://shop.example/notice';
      assert.deepEqual(Object.keys(params).slice(-2), ['buyer_name', 'notice_url']);
      const r = npc.validateNaverPay(params, { now: 0 });
      return [r.ok, Object.hasOwn(r.request, 'notice_url'), r.request.notice_url];
    },
  );
  assert.deepEqual(seen, [true, false, undefined]);
  const at = runInNewContext('new Date(1700000000000)');
  assert.equal(at instanceof Date, false, 'another realm');
  const r = npc.validateNaverPay({ ...valid(), custom_data: { at } }, { now: 0 });
  assert.ok(r.request.custom_data.at instanceof Date);
  assert.equal(r.request.custom_data.at.getTime(), 1700000000000);
});

test('parseRedirectResult counts its limit in UTF-16 units, as it measures the string: 800,000 Hangul parse', () => {
  const r = npc.parseRedirectResult(`imp_uid=imp_1&imp_success=true&pad=${'가'.repeat(800_000)}`);
  assert.deepEqual([r.success, r.imp_uid], [true, 'imp_1']);
});

/** Runs `f` with `pollute()` applied to the prototypes, then removes what it added. */
function polluted(pollute, f) {
  const before = [Object.getOwnPropertyNames(Object.prototype), Object.getOwnPropertyNames(Array.prototype)];
  pollute();
  try {
    return f();
  } finally {
    for (const [proto, names] of [
      [Object.prototype, before[0]],
      [Array.prototype, before[1]],
    ]) {
      for (const k of Object.getOwnPropertyNames(proto)) if (!names.includes(k)) delete proto[k];
    }
  }
}

const POLLUTIONS = [
  [
    'data on Object.prototype',
    () =>
      Object.assign(Object.prototype, {
        m_redirect_url: 'javascript:alert(1)',
        customer_uid: 'evil',
        notice_url: 'https://evil.example/',
        pg: 'evil',
        imp_success: 'true',
        imp_uid: 'imp_evil',
        code: 'EVIL',
        sellerId: '!!',
      }),
  ],
  [
    'accessors on Object.prototype',
    () => {
      for (const k of ['amount', 'count', 'm_redirect_url', 'name', 'imp_uid', 'code', 'message']) {
        Object.defineProperty(Object.prototype, k, { get: () => 1, set: thrower, configurable: true });
      }
    },
  ],
  [
    'an index accessor on Array.prototype',
    () => {
      for (const i of [0, 1, 5])
        Object.defineProperty(Array.prototype, i, { get: () => 1, set: thrower, configurable: true });
    },
  ],
];

for (const [what, pollute] of POLLUTIONS) {
  test(`validateNaverPay and validateBillingKey with ${what}: the request holds what validation read, nothing inherited`, () => {
    // Read while the pollution is in place, as IMP reads its request.
    const seen = polluted(pollute, () => {
      // A literal defines its elements: no setter of the pollution runs here.
      const products = [{ ...VALID_PARAMS.naverProducts[0] }, { ...VALID_PARAMS.naverProducts[0], uid: 'second' }];
      const r = npc.validateNaverPay(
        { merchant_uid: 'o1', name: VALID_PARAMS.name, amount: 14000, naverProducts: products },
        { now: 0, mode: 'popup' },
      );
      const b = npc.validateBillingKey(
        {
          merchant_uid: 'o1',
          name: 'Slim plan',
          customer_uid: 'c1',
          buyer_tel: '010-1234-5678',
          amount: 0,
          naverProductCode: 'p',
        },
        { now: 0, mode: 'popup' },
      );
      const inherited = ['m_redirect_url', 'customer_uid', 'notice_url', 'sellerId']
        .flatMap((k) => [r.request?.[k], r.request?.naverProducts?.[0]?.[k]])
        .filter((v) => v !== undefined);
      return {
        ok: [r.ok, b.ok],
        amount: r.request?.amount,
        products: r.request?.naverProducts?.map((p) => [p.uid, p.count]),
        inherited,
        pg: r.request?.pg,
        customer: b.request?.customer_uid,
        hasOwnProperty: typeof r.request?.hasOwnProperty,
      };
    });
    assert.deepEqual(seen, {
      ok: [true, true],
      amount: 14000,
      products: [
        ['107922211', 1],
        ['second', 1],
      ],
      inherited: [],
      pg: 'naverpay',
      customer: 'c1',
      hasOwnProperty: 'function',
    });
  });

  test(`parseRedirectResult with ${what}: fields and raw read nothing inherited`, () => {
    const seen = polluted(pollute, () => {
      const r = npc.parseRedirectResult('?merchant_uid=o1&error_msg=x');
      return [r.success, r.imp_uid, r.raw.imp_uid, r.raw.imp_success, r.merchant_uid];
    });
    assert.deepEqual(seen, [false, null, undefined, undefined, 'o1']);
  });

  test(`a NaverPayError with ${what} keeps its own code and fields`, () => {
    const seen = polluted(pollute, () => {
      try {
        npc.buildCancelPaymentBody({});
      } catch (e) {
        return [e.code, Object.hasOwn(e, 'code'), Array.isArray(e.errors), e.errors?.[0]?.code];
      }
      return undefined;
    });
    assert.deepEqual(seen, ['INVALID_PARAMS', true, true, 'REQUIRED']);
  });
}

// ---- secrets ---------------------------------------------------------------------------------------

test('secret keys are found through every evasion, at any depth up to the limit, in pairs and JSON text', () => {
  const evasions = [
    'imp.key',
    'imp key',
    'imp_key ',
    'imp\u200b_key',
    'imp\u00adsecret',
    '\uff49\uff4d\uff50_key',
    'imp_s\u0435cret',
    'imp_key_1',
    'iamport_key',
    'portone_key',
    'rest_key',
    'api_token',
    'IMP-KEY',
    '\ufeffimp_secret',
    // Default-ignorable code points (invisible operators, joiners, variation selectors, fillers, tags).
    ...[
      '\u2061',
      '\u2062',
      '\u2063',
      '\u2064',
      '\u034f',
      '\ufe0f',
      '\u180b',
      '\u061c',
      '\u17b4',
      '\u115f',
      '\uffa0',
      '\u{e0069}',
      '\u{e0100}',
    ].map((c) => `imp${c}_key`),
  ];
  for (const key of evasions) {
    assert.ok(
      codes(npc.validateNaverPay({ ...valid(), [key]: 'S' }, { now: 0 })).includes(`SECRET_IN_BROWSER@${key}`),
      key,
    );
    const nested = npc.validateNaverPay({ ...valid(), custom_data: { a: { [key]: 'S' } } }, { now: 0 });
    assert.ok(codes(nested).includes(`SECRET_IN_BROWSER@custom_data.a.${key}`), `nested ${key}`);
  }
  const pairs = npc.validateNaverPay({ ...valid(), custom_data: [['imp_secret', 'S']] }, { now: 0 });
  assert.deepEqual(codes(pairs), ['SECRET_IN_BROWSER@custom_data[0]']);
  const json = npc.validateNaverPay({ ...valid(), custom_data: '{"rest": {"imp_secret": "S"}}' }, { now: 0 });
  assert.deepEqual(codes(json), ['SECRET_IN_BROWSER@custom_data']);
  const behindGetter = npc.validateNaverPay(
    {
      ...valid(),
      get custom_data() {
        return { api_secret: 'S' };
      },
    },
    { now: 0 },
  );
  assert.deepEqual(codes(behindGetter), ['SECRET_IN_BROWSER@custom_data.api_secret']);
  const tooDeep = npc.validateNaverPay(
    { ...valid(), custom_data: Object.assign(deep(20), { imp_secret: 'S' }) },
    { now: 0 },
  );
  assert.equal(tooDeep.ok, false, 'deeper than the search is refused, not left unchecked');
});

test('no false positive: the valid cases and the demo cart are not taken for secrets', async () => {
  const demo = readFileSync(`${REPO_ROOT}/www/app.js`, 'utf8');
  const keysInDemo = [...demo.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*:/g)].map((m) => m[1]);
  const params = { ...valid(), custom_data: Object.fromEntries(keysInDemo.map((k) => [k, 'v'])) };
  const r = npc.validateNaverPay(params, { now: 0 });
  assert.deepEqual(
    r.errors.filter((e) => e.code === 'SECRET_IN_BROWSER'),
    [],
  );
  for (const p of [
    valid(),
    {
      ...valid(),
      channelKey: 'channel-key-1',
      naverMerchantUserKey: 'u1',
      custom_data: { token_count: 1, keyword: 'k' },
    },
  ]) {
    assert.equal(npc.validateNaverPay(p, { now: 0 }).ok, true);
  }
});

// ---- the test kit's REST simulator -----------------------------------------------------------------

test('the REST simulator answers a request line that is no URL with 400 and keeps serving', async () => {
  const { startRestSimulator } = await import('../testing/rest.mjs');
  const sim = await startRestSimulator();
  try {
    const { port } = new URL(sim.url);
    const raw = (line) =>
      new Promise((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () =>
          socket.end(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
        );
        let answer = '';
        socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
        socket.on('data', (d) => {
          answer += d;
        });
        socket.on('end', () => resolve(answer.split('\r\n')[0]));
        socket.on('error', reject);
      });
    assert.equal(await raw('GET //[ HTTP/1.1'), 'HTTP/1.1 400 Bad Request');
    assert.equal(await raw('POST //[/payments/cancel HTTP/1.1'), 'HTTP/1.1 400 Bad Request');
    const after = await fetch(`${sim.url}/payments/find/imp_1`);
    assert.equal(after.status, 401, 'still serving');
  } finally {
    await sim.close();
  }
});

test('the REST simulator checks the token before parsing a form, and parses forms in linear time', async () => {
  const { createRestFetch } = await import('../testing/rest.mjs');
  const { parseForm } = await import('../sim/rest.mjs');
  const { fetch: restFetch, rest } = createRestFetch();
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const post = (path, body, headers = {}) =>
    restFetch(`https://api.iamport.kr${path}`, { method: 'POST', body, headers: { ...form, ...headers } });
  let started = performance.now();
  const anonymous = await post('/payments/cancel', 'extra[]=1&'.repeat(10_000)); // 100 KB, no token
  assert.equal(anonymous.status, 401);
  assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
  const { access_token } = rest.issueToken();
  started = performance.now();
  const appended = await post('/payments/cancel', `imp_uid=imp_none&${'extra[]=1&'.repeat(40_000)}`, {
    Authorization: access_token,
  });
  assert.notEqual(appended.status, 500);
  assert.ok(performance.now() - started < 2000, `40,000 appends: ${performance.now() - started} ms`);
  // Appending still counts the keys already there, explicit indexes included.
  assert.deepEqual(parseForm('a[]=1&a[]=2&a[7]=x&a[]=y&b[]=p&b[]=q'), {
    a: { 0: '1', 1: '2', 7: 'x', 3: 'y' },
    b: ['p', 'q'],
  });
});

test('buildDeleteBillingKeyBody refuses a customer_uid of . or .., which no URL path can carry', () => {
  const input = (customer_uid) => ({
    customer_uid,
    reason: 'Cancelled by the subscriber',
    extra: { requester: 'customer' },
  });
  for (const uid of ['.', '..']) {
    assert.throws(
      () => npc.buildDeleteBillingKeyBody(input(uid)),
      (e) =>
        e.code === 'INVALID_PARAMS' && e.errors.some((x) => x.code === 'INVALID_VALUE' && x.field === 'customer_uid'),
      uid,
    );
  }
  for (const [uid, path] of [
    ['...', '/subscribe/customers/...'],
    ['.a', '/subscribe/customers/.a'],
    ['a/..', '/subscribe/customers/a%2F..'],
  ]) {
    assert.equal(npc.buildDeleteBillingKeyBody(input(uid)).path, path);
  }
});
