// The JavaScript boundary of the web build, in headless Chromium: any input is reported, never
// thrown; output is plain objects; errors are real Error objects; error_msg passes untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, collectPageProblems } from './support/browser.mjs';
import { startStaticServer } from './support/server.mjs';
import { openPackagePage, REPO_ROOT, VALID_PARAMS, NASTY_MESSAGES } from './support/pkg.mjs';

let browser, server, page, problems;
before(async () => {
  server = await startStaticServer({ root: REPO_ROOT });
  browser = await launchBrowser();
  page = await browser.newPage();
  problems = collectPageProblems(page);
  await openPackagePage(page, server);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const validate = (params, options) => page.evaluate(([p, o]) => npc.validateNaverPay(p, o), [params, options]);

test('non-object params are reported as a field error on the whole input, not thrown', async () => {
  const results = await page.evaluate(() =>
    [null, undefined, [], 'order', 42, true].map((p) => {
      const r = npc.validateNaverPay(p);
      return { ok: r.ok, fields: r.errors.map((e) => e.field), request: r.request };
    }),
  );
  for (const r of results) {
    assert.equal(r.ok, false);
    assert.deepEqual(r.fields, ['']);
    assert.equal(r.request, null);
  }
});

test('a string amount is INVALID_TYPE at amount', async () => {
  const r = await validate({ ...VALID_PARAMS, amount: '14000' });
  assert.deepEqual(
    r.errors.map((e) => [e.code, e.field]),
    [['INVALID_TYPE', 'amount']],
  );
});

test('types JSON cannot carry are reported, not thrown: bigint, function, symbol, NaN', async () => {
  const codes = await page.evaluate(
    (p) =>
      [10n, () => 1, Symbol('x'), NaN].map((amount) =>
        npc.validateNaverPay({ ...p, amount }).errors.map((e) => `${e.code}@${e.field}`),
      ),
    VALID_PARAMS,
  );
  assert.deepEqual(codes, [
    ['INVALID_TYPE@amount'],
    ['INVALID_TYPE@amount'],
    ['INVALID_TYPE@amount'],
    ['NOT_INTEGER@amount'],
  ]);
});

test('hostile objects do not throw: a throwing Proxy, a throwing getter; a cyclic custom_data is refused at the depth limit', async () => {
  const out = await page.evaluate((p) => {
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    const getter = {
      ...p,
      get buyer_name() {
        throw new Error('getter');
      },
    };
    const cyclic = { ...p, custom_data: {} };
    cyclic.custom_data.self = cyclic.custom_data;
    return [proxy, getter, cyclic].map((x) => npc.validateNaverPay(x).errors[0]?.code);
  }, VALID_PARAMS);
  assert.deepEqual(out, ['REQUIRED', 'INVALID_TYPE', 'LIMIT_EXCEEDED']);
});

test('the report is a plain object: arrays of plain issues, null request when invalid', async () => {
  const shape = await page.evaluate(() => {
    const r = npc.validateNaverPay({ amount: 1 }, { locale: 'en' });
    const plain = (o) => Object.getPrototypeOf(o) === Object.prototype;
    return {
      plain: plain(r) && r.errors.every(plain) && r.warnings.every(plain),
      arrays: Array.isArray(r.errors) && Array.isArray(r.warnings),
      keys: Object.keys(r).sort(),
      issueKeys: Object.keys(r.errors[0]).sort(),
      requestIsNull: r.request === null,
      json: JSON.parse(JSON.stringify(r)).errors.length === r.errors.length,
    };
  });
  assert.deepEqual(shape, {
    plain: true,
    arrays: true,
    keys: ['errors', 'mode', 'ok', 'request', 'warnings'],
    issueKeys: ['code', 'field', 'message'],
    requestIsNull: true,
    json: true,
  });
});

test('a valid request is what IMP receives: defaults applied, a fresh copy of the values validated', async () => {
  const out = await page.evaluate((p) => {
    const custom_data = { cart: [1, 2], at: 'x' };
    const params = { ...p, naverProducts: [...p.naverProducts], custom_data };
    const r = npc.validateNaverPay(params, { mode: 'popup' });
    return {
      ok: r.ok,
      pg: r.request.pg,
      popup: r.request.naverPopupMode,
      copiedProducts:
        r.request.naverProducts !== params.naverProducts &&
        JSON.stringify(r.request.naverProducts) === JSON.stringify(params.naverProducts),
      copiedCustom:
        r.request.custom_data !== custom_data && JSON.stringify(r.request.custom_data) === JSON.stringify(custom_data),
      // Not Object.prototype (whose pollution IMP would read), but what code expects of an object.
      shielded:
        Object.getPrototypeOf(r.request) !== Object.prototype &&
        typeof r.request.hasOwnProperty === 'function' &&
        String(r.request) === '[object Object]',
      undefinedHoles: Object.values(r.request).some((v) => v === undefined),
    };
  }, VALID_PARAMS);
  assert.deepEqual(out, {
    ok: true,
    pg: 'naverpay',
    popup: true,
    copiedProducts: true,
    copiedCustom: true,
    shielded: true,
    undefinedHoles: false,
  });
});

test('values cross the boundary exactly, one string each way (js/bridge.js, src/wire.rs)', async () => {
  const out = await page.evaluate((p) => {
    // Strings the Rust side reads and writes back: quotes, backslashes, control characters, line
    // separators, Korean, emoji; a lone surrogate arrives as U+FFFD, as TextEncoder makes it.
    const tricky = '한글 "q" \\ \n\t\u0001 \u2028 😀 </script>';
    const body = npc.buildCancelPaymentBody({ merchant_uid: 'order_1', reason: tricky, amount: 9007199254740991 });
    const lone = npc.buildCancelPaymentBody({ merchant_uid: 'order_1', reason: 'a\ud800b' }).json.reason;
    // Values the request passes on by position: the very values given, whatever JSON would make of them.
    const odd = { nan: NaN, negZero: -0, big: 1e21, tiny: 5e-324, neg: -2147483649 };
    const params = { ...p, ...odd };
    Object.defineProperty(params, '__proto__', { value: 'own', enumerable: true, configurable: true, writable: true });
    const r = npc.validateNaverPay(params, { mode: 'popup', now: new Date('2025-01-01T00:00:00+09:00') });
    return {
      reason: body.json.reason === tricky,
      amount: body.json.amount,
      form: body.form.includes('amount=9007199254740991'),
      lone,
      ok: r.ok,
      odd: Object.keys(odd).every((k) => Object.is(r.request[k], odd[k])),
      ownProto: Object.getOwnPropertyDescriptor(r.request, '__proto__')?.value,
      shielded: Object.getPrototypeOf(r.request) !== Object.prototype,
    };
  }, VALID_PARAMS);
  assert.deepEqual(out, {
    reason: true,
    amount: 9007199254740991,
    form: true,
    lone: 'a\ufffdb',
    ok: true,
    odd: true,
    ownProto: 'own',
    shielded: true,
  });
});

test('bad options are issues under options.*, never a throw', async () => {
  const r = await validate(VALID_PARAMS, { minAmount: 'x', mode: 'modal', locale: 'jp', now: 'today' });
  assert.deepEqual(r.errors.map((e) => e.field).sort(), [
    'options.locale',
    'options.minAmount',
    'options.mode',
    'options.now',
  ]);
  assert.equal(r.request, null);
});

test('messages come in Korean by default and English on request', async () => {
  const ko = await validate({ ...VALID_PARAMS, amount: 99 });
  const en = await validate({ ...VALID_PARAMS, amount: 99 }, { locale: 'en' });
  assert.equal(ko.errors[0].message, '결제 금액이 최소 결제 금액(100원)보다 적습니다.');
  assert.equal(en.errors[0].message, 'less than minimum amount (100 won)');
});

test('validateBillingKey requires customer_uid, buyer_tel and naverProductCode', async () => {
  const fields = await page.evaluate(() =>
    npc
      .validateBillingKey({ merchant_uid: 'b1', name: 'Plan', amount: 0 })
      .errors.filter((e) => e.code === 'REQUIRED')
      .map((e) => e.field)
      .sort(),
  );
  assert.deepEqual(fields, ['buyer_tel', 'customer_uid', 'naverProductCode']);
});

test('choosePayMode reads the device given, or this browser', async () => {
  const out = await page.evaluate(() => [
    npc.choosePayMode(),
    npc.choosePayMode({
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    }),
    npc.choosePayMode({
      userAgent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      maxTouchPoints: 5,
    }),
    npc.choosePayMode({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', mobile: true }),
    npc.choosePayMode('not a device'),
  ]);
  assert.deepEqual(out, ['popup', 'redirect', 'redirect', 'redirect', 'popup']);
});

test('the error object is a real NaverPayError: instanceof Error, name, code, field', async () => {
  const e = await page.evaluate(async () => {
    try {
      await npc.NaverPayCheckout.load({ merchantCode: 'not-a-code' });
      return null;
    } catch (err) {
      return {
        isError: err instanceof Error,
        isClass: err instanceof npc.NaverPayError,
        guard: npc.isNaverPayError(err),
        name: err.name,
        code: err.code,
        field: err.field,
        hasStack: typeof err.stack === 'string',
        message: err.message,
      };
    }
  });
  assert.equal(e.isError, true);
  assert.equal(e.isClass, true);
  assert.equal(e.guard, true);
  assert.equal(e.name, 'NaverPayError');
  assert.equal(e.code, 'INVALID_MERCHANT_CODE');
  assert.equal(e.field, 'merchantCode');
  assert.equal(e.hasStack, true);
  assert.ok(e.message.length > 0);
});

test('isNaverPayError is false for other values', async () => {
  const out = await page.evaluate(() =>
    [new Error('x'), { name: 'NaverPayError', code: 'X' }, null, undefined, 'NaverPayError'].map(npc.isNaverPayError),
  );
  assert.deepEqual(out, [false, false, false, false, false]);
});

test('parseRedirectResult gives back error_msg identical to what the server encoded', async () => {
  const out = await page.evaluate(
    (messages) =>
      messages.flatMap((m) => {
        const form = new URLSearchParams({
          imp_uid: 'imp_1',
          merchant_uid: 'o1',
          imp_success: 'false',
          error_msg: m,
        }).toString();
        const percent = `imp_uid=imp_1&imp_success=false&error_msg=${encodeURIComponent(m)}`;
        return [form, percent].map((q) => {
          const r = npc.parseRedirectResult(`https://shop.example/pay/complete?${q}#frag`);
          return { same: r.error_msg === m, success: r.success, raw: r.raw.error_msg === m };
        });
      }),
    NASTY_MESSAGES,
  );
  for (const r of out) assert.deepEqual(r, { same: true, success: false, raw: true });
});

test('parseRedirectResult decodes EUC-KR bytes in the browser too', async () => {
  const msg = await page.evaluate(
    () =>
      npc.parseRedirectResult(
        '?imp_uid=imp_1&imp_success=false&error_msg=%C0%DC%BE%D7%C0%CC%20%BA%CE%C1%B7%C7%D5%B4%CF%B4%D9',
      ).error_msg,
  );
  assert.equal(msg, '잔액이 부족합니다');
});

test('parseRedirectResult never throws and an empty or foreign query is not a success', async () => {
  const out = await page.evaluate(() =>
    ['', '?', 'garbage', '%', null, 42, {}, '?utm_source=x'].map((x) => {
      const r = npc.parseRedirectResult(x);
      return [r.success, r.imp_uid, r.mode];
    }),
  );
  for (const r of out) assert.deepEqual(r, [false, null, 'redirect']);
});

test('nothing reached the page as an uncaught error', () => {
  assert.deepEqual(problems.pageErrors.map(String), []);
});
