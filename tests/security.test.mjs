// The security suite, in headless Chromium and Node:
// - XSS payloads (tests/support/xss-payloads.mjs) as the PG's error_msg (popup callback and the
//   m_redirect_url page) and as product names go through the demo shop and run nothing;
// - validateNaverPay refuses m_redirect_url values a browser would turn against the merchant;
// - the packed tarball holds nothing that looks like a secret (and the scan finds planted ones);
// - buyer details never reach the console, in the page and in the Node build;
// - the demo's Content-Security-Policy allows exactly what it needs, and a payment breaks none of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleDemo } from './support/demo.mjs';
import { startDemoServer } from '../www/server.mjs';
import { launchBrowser } from './support/browser.mjs';
import { startStaticServer } from './support/server.mjs';
import { openPackagePage, REPO_ROOT, VALID_PARAMS } from './support/pkg.mjs';
import { XSS_PAYLOADS } from './support/xss-payloads.mjs';
import { PLANTED } from './fixtures/planted-secrets.mjs';

const run = promisify(execFile);
// Every payload reaches the page as error_msg once: half in popup mode, half on the m_redirect_url
// page (both renderers see 38 each), which keeps `npm test` short. SECURITY_FULL=1 sends every
// payload down both paths.
const FULL = process.env.SECURITY_FULL === '1';
const POPUP_PAYLOADS = XSS_PAYLOADS.map((p, i) => ({ ...p, i })).filter(({ i }) => FULL || i % 2 === 0);
const REDIRECT_PAYLOADS = XSS_PAYLOADS.map((p, i) => ({ ...p, i })).filter(({ i }) => FULL || i % 2 === 1);
let browser, demo, distDir, statics;

before(async () => {
  distDir = await mkdtemp(path.join(os.tmpdir(), 'npc-security-'));
  browser = await launchBrowser();
  statics = await startStaticServer({ root: REPO_ROOT });
  // pkg/ can be half-written while a build runs beside the tests: a few tries.
  for (let attempt = 1; ; attempt++) {
    try {
      await bundleDemo(distDir);
      break;
    } catch (err) {
      if (attempt === 4) throw err;
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
  demo = await startDemoServer({ port: 0, distDir });
});
after(async () => {
  await browser?.close();
  await demo?.close();
  await statics?.close();
  if (distDir) await rm(distDir, { recursive: true, force: true });
});

/**
 * A page of the demo, watched: dialogs (dismissed), page errors, CSP violations, and every console
 * call with its arguments serialised. `bypassCSP` turns the demo's CSP off, so that only the way
 * the page renders text stands between a payload and its execution.
 */
async function open({ bypassCSP = false, contextOptions = {} } = {}) {
  const context = await browser.newContext({ bypassCSP, viewport: { width: 1280, height: 900 }, ...contextOptions });
  const watch = { context, dialogs: [], pageErrors: [], csp: [], console: [] };
  await context.exposeFunction('__reportCsp', (v) => watch.csp.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
    // Console arguments as the page passed them (objects included), not only their summary text.
    window.__consoleCalls = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']) {
      const original = console[level];
      console[level] = function (...args) {
        try {
          const seen = new WeakSet();
          window.__consoleCalls.push(
            args
              .map((a) => {
                if (typeof a === 'string') return a;
                try {
                  return (
                    JSON.stringify(a, (k, v) => {
                      if (v && typeof v === 'object') {
                        if (seen.has(v)) return '[cycle]';
                        seen.add(v);
                      }
                      return typeof v === 'bigint' ? String(v) : v;
                    }) ?? String(a)
                  );
                } catch {
                  return String(a);
                }
              })
              .join(' '),
          );
        } catch {
          /* never break the page */
        }
        return original.apply(this, args);
      };
    }
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
  page.on('console', (m) => watch.console.push(m.text()));
  watch.page = page;
  return watch;
}

const text = (page, selector) => page.$eval(selector, (e) => e.textContent);
const ready = (page) => page.waitForSelector('#checkout[data-ready="true"] #pay-button:not([disabled])');

// ---- XSS -------------------------------------------------------------------------------------

test(`the payload list has at least 50 distinct payloads (${XSS_PAYLOADS.length}), each sent as error_msg`, () => {
  assert.ok(XSS_PAYLOADS.length >= 50);
  const sent = new Set([...POPUP_PAYLOADS, ...REDIRECT_PAYLOADS].map((p) => p.i));
  assert.equal(sent.size, XSS_PAYLOADS.length);
  assert.equal(new Set(XSS_PAYLOADS.map((p) => p.payload)).size, XSS_PAYLOADS.length);
});

test('the detector works: rendered as HTML, payloads from the list do run', async () => {
  // A browser of its own: rendering every payload as HTML at once is rough on it.
  const own = await launchBrowser();
  const dialogs = [];
  let fired;
  try {
    const page = await own.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    await page.goto(`${statics.url}/__fixtures/blank.html`); // no CSP here
    // Each payload as the HTML of its own frame: what a page that renders text as HTML would do.
    fired = await page.evaluate(
      async (payloads) => {
        const frames = payloads.map((p) => {
          const f = document.createElement('iframe');
          f.srcdoc = p;
          document.body.append(f);
          return f;
        });
        // onerror, onload and ontoggle fire asynchronously: wait until nothing new fires for 500 ms (at most 5 s).
        const count = () => frames.filter((f) => f.contentWindow?.__xss === 1).length;
        let last = -1;
        for (let waited = 0; waited < 5000 && count() !== last; waited += 500) {
          last = count();
          await new Promise((r) => setTimeout(r, 500));
        }
        return frames.map((f) => f.contentWindow?.__xss === 1);
      },
      XSS_PAYLOADS.map((p) => p.payload),
    );
  } finally {
    await own.close();
  }
  const ran = XSS_PAYLOADS.filter((_, i) => fired[i]).map((p) => p.name);
  for (const name of ['script tag', 'img onerror', 'svg onload', 'body onload']) {
    assert.ok(ran.includes(name), `${name} runs when rendered as HTML`);
  }
  assert.ok(ran.length >= 15, `${ran.length} of ${XSS_PAYLOADS.length} payloads set window.__xss as HTML`);
  assert.ok(dialogs.length >= 1, `${dialogs.length} dialogs opened as HTML`);
});

test(`payloads as error_msg in popup mode are shown as text and run nothing (CSP off; ${POPUP_PAYLOADS.length})`, async () => {
  const { page, context, dialogs, pageErrors } = await open({ bypassCSP: true });
  const pages = [page]; // one lane: a second page in the same browser made it slower, not faster
  await Promise.all(
    pages.map(async (p, lane) => {
      await p.goto(demo.url + '/');
      let paid = 0;
      for (let k = lane; k < POPUP_PAYLOADS.length; k += pages.length) {
        const { name, payload } = POPUP_PAYLOADS[k];
        await ready(p);
        await p.evaluate((m) => window.IMP.__sim.setOutcome({ result: 'fail', error_msg: m }), payload);
        await p.click('#pay-button');
        paid += 1;
        await p.waitForFunction(
          (n) => window.IMP.__sim.calls.length === n && !document.getElementById('pay-result').hidden,
          paid,
        );
        assert.equal(await text(p, '#pay-message'), payload, name);
        assert.equal(await p.$eval('#pay-message', (e) => e.childElementCount), 0, name);
      }
      await p.waitForTimeout(300); // onerror, onload and ontoggle fire asynchronously
      assert.equal(await p.evaluate(() => window.__xss), undefined);
      assert.equal(
        await p.evaluate(
          () =>
            document.querySelectorAll(
              'main img, main svg, main iframe, main object, main embed, main a[href^="javascript"]',
            ).length,
        ),
        0,
      );
    }),
  );
  await context.close();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

test(`payloads as error_msg on the m_redirect_url page are shown as text and run nothing (CSP off; ${REDIRECT_PAYLOADS.length})`, async () => {
  const { page, context, dialogs, pageErrors } = await open({ bypassCSP: true });
  const pages = [page, await context.newPage(), await context.newPage(), await context.newPage()];
  for (const p of pages.slice(1)) {
    p.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    p.on('pageerror', (e) => pageErrors.push(String(e)));
  }
  const check = async (p, k) => {
    const { name, payload, i } = REDIRECT_PAYLOADS[k];
    const fields = {
      imp_uid: 'imp_123456789012',
      merchant_uid: `order_${i}`,
      imp_success: 'false',
      error_code: 'F400',
      error_msg: payload,
    };
    // Both ways IMP (and an attacker's link) may encode the query.
    const query =
      i % 2 === 0
        ? new URLSearchParams(fields).toString()
        : Object.entries(fields)
            .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
            .join('&');
    await p.goto(`${demo.url}/complete.html?${query}`);
    await p.waitForSelector('#complete[data-state="failed"]');
    assert.equal(await text(p, '#result-message'), payload, name);
    assert.equal(await p.$eval('#result-message', (e) => e.childElementCount), 0, name);
    await p.waitForTimeout(100);
    assert.equal(await p.evaluate(() => window.__xss), undefined, name);
  };
  await Promise.all(
    pages.map(async (p, lane) => {
      for (let k = lane; k < REDIRECT_PAYLOADS.length; k += pages.length) await check(p, k);
    }),
  );
  await context.close();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

test('payloads as product names: the cart, the validation messages and the payment window show them as text (CSP off)', async () => {
  const { page, context, dialogs, pageErrors } = await open({ bypassCSP: true });
  const products = XSS_PAYLOADS.map(({ payload }, i) => ({
    id: `p${i}`,
    uid: `9000${i}`,
    name: payload,
    note: 'xss',
    price: 1000,
    categoryType: 'BOOK',
    categoryId: 'GENERAL',
    badge: 'BOOK',
  }));
  const initialCart = Object.fromEntries(products.map((p) => [p.id, 1]));
  // Names longer than Naver Pay's 128 characters are refused, with a message: they stay in the cart only.
  const ordered = products.filter((p) => p.name.length <= 128);
  await page.route('**/api/products', (route) => route.fulfill({ json: { products, initialCart, plans: [] } }));
  await page.route('**/api/orders', (route) =>
    route.fulfill({
      json: {
        merchant_uid: 'order_xss_names',
        token: 't'.repeat(32),
        name: 'XSS 상품명 주문',
        amount: 1000 * ordered.length,
        naverProducts: ordered.map((p) => ({
          categoryType: p.categoryType,
          categoryId: p.categoryId,
          uid: p.uid,
          name: p.name,
          count: 1,
        })),
      },
    }),
  );
  await page.goto(demo.url + '/');
  await ready(page);
  const names = await page.$$eval('#cart-items .name', (els) => els.map((e) => e.textContent));
  assert.deepEqual(
    names,
    XSS_PAYLOADS.map((p) => p.payload),
  );
  assert.equal(await page.$$eval('#cart-items .name', (els) => els.reduce((n, e) => n + e.childElementCount, 0)), 0);

  await page.click('#pay-button');
  await page.waitForSelector('[data-imp-sim="dialog"]');
  const windowText = await text(page, '[data-imp-sim="products"]');
  for (const p of ordered) assert.ok(windowText.includes(p.name), `the payment window lists ${p.id} as text`);
  const call = await page.evaluate(() => window.IMP.__sim.calls[0].params);
  assert.deepEqual(
    call.naverProducts.map((p) => p.name),
    ordered.map((p) => p.name),
    'names reach IMP unchanged',
  );
  // The window is taller than the viewport with this many products: click the button directly.
  await page.$eval('[data-imp-sim="dialog"] [data-imp-sim="cancel"]', (b) => b.click());
  await page.waitForSelector('#pay-result:not([hidden])');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(
    await page.evaluate(
      () =>
        document.querySelectorAll('img, svg:not([aria-hidden]), iframe, object, embed, a[href^="javascript"]').length,
    ),
    0,
  );
  await page.unrouteAll({ behavior: 'ignoreErrors' }); // an order request still in flight must not fail later
  await context.close();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

// ---- m_redirect_url --------------------------------------------------------------------------

/** [url, why]: each must be INVALID_URL at m_redirect_url. */
const BAD_REDIRECT_URLS = [
  ['javascript:alert(1)', 'javascript: URL'],
  ['JavaScript:alert(document.domain)', 'javascript:, mixed case'],
  [' javascript:alert(1)', 'javascript: after a space'],
  ['java\tscript:alert(1)', 'javascript: with a tab browsers strip'],
  ['data:text/html,<script>alert(1)</script>', 'data: URL'],
  ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'data: URL, base64'],
  ['vbscript:msgbox(1)', 'vbscript: URL'],
  ['//evil.example/pay', 'protocol-relative'],
  ['///evil.example', 'protocol-relative, three slashes'],
  ['/\\evil.example', 'slash-backslash'],
  ['\\\\evil.example', 'two backslashes'],
  ['https:\\\\evil.example', 'https: with backslashes'],
  ['https:/\\evil.example', 'https: slash-backslash'],
  ['https://shop.example\\@evil.example', 'backslash before @'],
  ['https:evil.example', 'https: without slashes'],
  ['https:/evil.example', 'https: with one slash'],
  ['https://user:pass@shop.example/done', 'embedded credentials'],
  ['https://shop.example@evil.example/done', 'host hidden behind @'],
  ['https://@shop.example', 'empty credentials'],
  ['https://shop.123/done', 'a numeric last label that is no IPv4 address (new URL() rejects it)'],
  ['https://256.0.0.1/done', 'an IPv4 part over 255'],
  ['https://1.2.3.4.5/done', 'five IPv4 parts'],
  ['https://4294967296/done', 'an IPv4 number over 2^32 − 1'],
  ['https://[::1::2]/done', 'two :: in an IPv6 address'],
  ['https://[1.2.3.4]/done', 'an IPv4 address in brackets'],
  ['https://shop\u2488example/done', 'a symbol IDNA refuses in the host'],
  ['ftp://shop.example/done', 'ftp:'],
  ['/pay/complete', 'relative path'],
  ['shop.example/pay', 'no scheme'],
  [' https://shop.example/done', 'leading space'],
  ['https://shop.example/done ', 'trailing space'],
  ['https://shop.example/do ne', 'inner space'],
  ['https://shop.example/done\n', 'trailing newline'],
  ['https://shop\n.example/done', 'newline in the host'],
  ['https://shop.example/\r\nSet-Cookie:x=1', 'CRLF'],
  ['https://shop.example/\u0000', 'NUL'],
  ['https://sh\top.example/', 'tab in the host'],
  ['\u000bhttps://shop.example/', 'vertical tab first'],
  ['https://shop.example\u3000/', 'ideographic space'],
  ['https://shop.example\u00a0/', 'no-break space'],
  ['https://shop。example/', 'ideographic full stop in the host'],
  ['https://shop.example:99999/', 'port out of range'],
  ['https:///done', 'no host'],
];
const GOOD_REDIRECT_URLS = [
  'https://shop.example/pay/complete',
  'https://shop.example/pay/complete?order=1#top',
  'HTTPS://SHOP.EXAMPLE/done',
  'https://shop.example:8443/done',
  'https://[2001:db8::1]/done',
  'https://한국.kr/결제완료',
  'http://localhost:3000/pay/complete',
  'http://127.0.0.1:8080/pay/complete',
  // PortOne documents a URL, and its app SDKs inject http ones: accepted, with an INSECURE_URL warning.
  'http://shop.example/done',
  'http://detectchangingwebview/iamport/rn',
  'http://localhost.evil.example/',
  'http://127.0.0.1.evil.example/',
];

function checkRedirectTable(results) {
  for (const { url, why, errors, ok, request } of results.bad) {
    assert.equal(ok, false, `${why}: ${JSON.stringify(url)} refused`);
    assert.equal(request, null, why);
    assert.deepEqual(errors, [{ code: 'INVALID_URL', field: 'm_redirect_url' }], `${why}: ${JSON.stringify(url)}`);
  }
  for (const { url, errors, ok } of results.good) assert.equal(ok, true, `${url} accepted: ${JSON.stringify(errors)}`);
}

const redirectTableIn = (validate, base, bad, good) => {
  const check = (url) => {
    for (const mode of ['popup', 'redirect']) {
      const r = validate({ ...base, m_redirect_url: url }, { mode });
      const errors = r.errors.map((e) => ({ code: e.code, field: e.field }));
      if (mode === 'redirect') return { url, ok: r.ok, request: r.request, errors };
      if (!r.ok && !(errors.length === 1 && errors[0].code === 'INVALID_URL'))
        return { url, ok: r.ok, request: r.request, errors };
    }
  };
  return { bad: bad.map(([url, why]) => ({ why, ...check(url) })), good: good.map(check) };
};

test(`validateNaverPay refuses ${BAD_REDIRECT_URLS.length} dangerous m_redirect_url values and accepts ${GOOD_REDIRECT_URLS.length} good ones (Chromium)`, async () => {
  const { page, context } = await open();
  await openPackagePage(page, statics);
  const results = await page.evaluate(
    ([fn, base, bad, good]) => {
      // eslint-disable-next-line no-new-func
      const table = new Function(`return ${fn}`)();
      return table((p, o) => window.npc.validateNaverPay(p, o), base, bad, good);
    },
    [redirectTableIn.toString(), VALID_PARAMS, BAD_REDIRECT_URLS, GOOD_REDIRECT_URLS],
  );
  await context.close();
  checkRedirectTable(results);
});

test('validateNaverPay refuses the same m_redirect_url values in the Node build', async () => {
  const { createRequire } = await import('node:module');
  const npc = createRequire(import.meta.url)('../pkg/node/naverpay_checkout.js');
  checkRedirectTable(redirectTableIn(npc.validateNaverPay, VALID_PARAMS, BAD_REDIRECT_URLS, GOOD_REDIRECT_URLS));
});

// ---- secrets in the tarball ------------------------------------------------------------------

/** What a secret looks like. Each rule: [kind, test(file, text)]. */
const SECRET_RULES = [
  ['env file', (f) => /(^|\/)\.env(\.|$)/.test(f)],
  ['npm auth token', (f, t) => /_authToken\s*=|npm_[A-Za-z0-9]{36}/.test(t)],
  ['PortOne REST secret', (f, t) => /imp_?(secret|key)["']?\s*[:=]\s*["'][A-Za-z0-9+/=_-]{16,}["']/i.test(t)],
  ['private key', (f, t) => /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/.test(t) || /\.(pem|key|p12|pfx)$/.test(f)],
  ['AWS access key', (f, t) => /\bA(?:KIA|SIA)[0-9A-Z]{16}\b/.test(t)],
  ['GitHub token', (f, t) => /\bgh[pousr]_[A-Za-z0-9]{36,}\b/.test(t)],
  [
    'bearer token',
    (f, t) => /Bearer\s+[A-Za-z0-9._~+/-]{20,}/.test(t) || /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\./.test(t),
  ],
  [
    'generic secret assignment',
    (f, t) => /(?:secret|password|passwd|api_?key|access_?token)["']?\s*[:=]\s*["'][A-Za-z0-9+/=_-]{24,}["']/i.test(t),
  ],
  ['source map', (f, t) => f.endsWith('.map') || /sourceMappingURL=/.test(t)],
];

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

function buildMachinePaths(content) {
  return [...content.matchAll(/(?:\/(?:home|root|Users|work|tmp)\/[\w.-]+\/[\w./-]*|[A-Z]:\\Users\\[^\s"']*)/g)].map(
    (m) => m[0],
  );
}

/** Every file under `dir` (binary ones as latin1, so the .wasm's strings are seen): [{ file, kind }]. */
async function scanForSecrets(dir) {
  const findings = [];
  let files = 0;
  for await (const full of walk(dir)) {
    files += 1;
    const rel = path.relative(dir, full).split(path.sep).join('/');
    const content = (await readFile(full)).toString('latin1');
    for (const [kind, rule] of SECRET_RULES) if (rule(rel, content)) findings.push({ file: rel, kind });
    // scripts/build.sh remaps this machine's paths out of the wasm's panic locations.
    if (buildMachinePaths(content).length > 0) findings.push({ file: rel, kind: 'build machine path' });
  }
  return { files, findings };
}

async function packAndExtract() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'npc-pack-'));
  const { stdout } = await run(
    'npm',
    ['pack', path.join(REPO_ROOT, 'pkg'), '--pack-destination', dir, '--json', '--silent'],
    { cwd: dir },
  );
  const [{ filename }] = JSON.parse(stdout);
  await mkdir(path.join(dir, 'x'));
  await run('tar', ['-xzf', path.join(dir, path.basename(filename)), '-C', path.join(dir, 'x')]);
  return { dir, root: path.join(dir, 'x', 'package') };
}

test('the packed tarball contains nothing that looks like a secret', async () => {
  const { dir, root } = await packAndExtract();
  try {
    const { files, findings } = await scanForSecrets(root);
    const wasm = [];
    for await (const f of walk(root)) if (f.endsWith('.wasm')) wasm.push(f);
    assert.ok(files >= 5 && wasm.length >= 1, `the scan saw the package (${files} files, ${wasm.length} .wasm)`);
    assert.deepEqual(findings, []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the secret scan finds every kind of planted secret in a copy of the package', async () => {
  const { dir, root } = await packAndExtract();
  try {
    const copy = path.join(dir, 'planted');
    await cp(root, copy, { recursive: true });
    for (const { file, content } of PLANTED) {
      await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
      await writeFile(path.join(copy, file), content);
    }
    const { findings } = await scanForSecrets(copy);
    for (const { file, kind } of PLANTED) {
      assert.ok(
        findings.some((f) => f.file === file && f.kind === kind),
        `${kind} in ${file} found`,
      );
    }
    const plantedFiles = new Set(PLANTED.map((p) => p.file));
    assert.deepEqual(
      findings.filter((f) => !plantedFiles.has(f.file)),
      [],
      'nothing else is flagged',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// ---- buyer details and the console -----------------------------------------------------------

const BUYER = { buyer_name: '김보안테스트', buyer_email: 'q7.console.probe@buyer.example', buyer_tel: '010-7391-4628' };
const BAD_BUYER = { buyer_name: '김보안테스트', buyer_email: 'q7.console.probe@@bad', buyer_tel: 'tel-7391-4628-call' };
const BUYER_VALUES = [
  ...new Set([...Object.values(BUYER), ...Object.values(BAD_BUYER), '7391-4628', 'q7.console.probe']),
];

test('buyer details never reach the console through a whole payment in the page', async () => {
  const { page, context, console: consoleLines, pageErrors, csp } = await open();
  await page.goto(demo.url + '/');
  await page.waitForSelector('#checkout[data-ready="true"]');
  for (const [k, v] of Object.entries(BAD_BUYER)) await page.fill(`#${k}`, v); // invalid: reported beside the fields
  await page.waitForFunction(() => document.getElementById('buyer_email-error').textContent !== '');
  for (const [k, v] of Object.entries(BUYER)) await page.fill(`#${k}`, v);
  // A failure first, then an approved payment verified by the server.
  await ready(page);
  await page.evaluate(() => window.IMP.__sim.setOutcome({ result: 'insufficient' }));
  await page.click('#pay-button');
  await page.waitForSelector('#pay-result:not([hidden])');
  await ready(page);
  await page.click('#pay-button');
  await page.click('[data-imp-sim="dialog"] [data-imp-sim="approve"]');
  await page.waitForSelector('#receipt[data-state="verified"]');
  const calls = await page.evaluate(() => window.IMP.__sim.calls.map((c) => c.params.buyer_email));
  assert.deepEqual(calls, [BUYER.buyer_email, BUYER.buyer_email], 'the buyer details did reach IMP');
  // The library's own console output, with console.* arguments serialised.
  const serialised = await page.evaluate(() => window.__consoleCalls);
  await context.close();
  for (const line of [...consoleLines, ...serialised, ...pageErrors]) {
    for (const v of BUYER_VALUES) assert.ok(!line.includes(v), `"${v}" in the console: ${line}`);
  }
  assert.deepEqual(csp, []);
});

test('buyer details never reach the console, nor an error message, in the Node build', async () => {
  const script = `
    const npc = require(${JSON.stringify(path.join(REPO_ROOT, 'pkg/node/naverpay_checkout.js'))});
    const good = ${JSON.stringify(BUYER)}, bad = ${JSON.stringify(BAD_BUYER)};
    const base = ${JSON.stringify(VALID_PARAMS)};
    const messages = [];
    const keep = (r) => { for (const i of [...r.errors, ...r.warnings]) messages.push(i.message, i.field); return r; };
    for (const buyer of [good, bad]) {
      for (const locale of ['ko', 'en']) {
        keep(npc.validateNaverPay({ ...base, ...buyer, naverPurchaserName: buyer.buyer_name, naverPurchaserBirthday: '29991231' }, { locale }));
        keep(npc.validateBillingKey({ ...base, ...buyer, customer_uid: 'c_1', naverProductCode: 'p' }, { locale }));
        keep(npc.validateNaverPay({ ...base, ...buyer, [buyer.buyer_email]: buyer.buyer_tel }, { locale }));
      }
      try { npc.buildAgainPaymentBody({ customer_uid: 'c_1', merchant_uid: 'o_1', amount: 1000, name: 'n', buyer_email: buyer.buyer_email, buyer_tel: buyer.buyer_tel }); }
      catch (e) { messages.push(String(e.message), ...(e.errors ?? []).map((i) => i.message)); }
      try { npc.buildCancelPaymentBody({ imp_uid: 'imp_1', reason: buyer.buyer_name, extra: { requester: buyer.buyer_tel } }); }
      catch (e) { messages.push(String(e.message), ...(e.errors ?? []).map((i) => i.message)); }
    }
    process.stdout.write(JSON.stringify({ messages }));
  `;
  const { stdout, stderr } = await run(process.execPath, ['-e', script], { cwd: REPO_ROOT });
  const { messages } = JSON.parse(stdout);
  assert.ok(messages.length >= 10, `errors were produced (${messages.length} texts)`);
  assert.equal(stderr, '', 'nothing on stderr');
  // The values themselves: only the deliberately unknown key (named after the e-mail) may echo as a field path.
  const texts = messages.filter((m) => typeof m === 'string' && !m.includes('@'));
  for (const v of BUYER_VALUES) {
    for (const m of texts) assert.ok(!m.includes(v), `"${v}" in a message: ${m}`);
  }
});

// ---- Content-Security-Policy -----------------------------------------------------------------

function parseCsp(header) {
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name.toLowerCase(), sources];
      }),
  );
}
const KEYWORDS = new Set(["'self'", "'none'", "'wasm-unsafe-eval'", "'unsafe-inline'", "'unsafe-eval'", 'data:']);
const origins = (csp) =>
  new Set(
    Object.values(csp)
      .flat()
      .filter((s) => !KEYWORDS.has(s)),
  );

test('the demo serves a CSP: scripts from itself and WebAssembly only, no inline or eval, no other origin offline', async () => {
  const res = await fetch(demo.url + '/');
  const header = res.headers.get('content-security-policy');
  assert.ok(header, 'a Content-Security-Policy header');
  const csp = parseCsp(header);
  assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(csp['object-src'], ["'none'"]);
  assert.deepEqual(csp['base-uri'], ["'none'"]);
  assert.ok(csp['default-src']?.includes("'self'"));
  for (const [name, sources] of Object.entries(csp)) {
    assert.ok(!sources.includes("'unsafe-eval'"), `${name} has no 'unsafe-eval'`);
    if (name !== 'style-src-attr') assert.ok(!sources.includes("'unsafe-inline'"), `${name} has no 'unsafe-inline'`);
  }
  assert.deepEqual([...origins(csp)], [], 'offline, no outside origin at all');
  for (const p of ['/complete.html', '/subscribe.html']) {
    assert.equal(
      (await fetch(demo.url + p)).headers.get('content-security-policy'),
      header,
      `${p} has the same policy`,
    );
  }
});

test('with a real merchant code the CSP adds exactly the PortOne origins', async () => {
  const real = await startDemoServer({ port: 0, distDir, impCode: 'imp12345678' });
  try {
    const csp = parseCsp((await fetch(real.url + '/')).headers.get('content-security-policy'));
    assert.deepEqual([...origins(csp)].sort(), ['https://*.iamport.kr', 'https://cdn.iamport.kr']);
    assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'", 'https://cdn.iamport.kr']);
    assert.ok(csp['frame-src'].includes('https://*.iamport.kr'), 'the payment window frame');
  } finally {
    await real.close();
  }
});

test('a payment runs under the CSP with zero securitypolicyviolation events, and the listener does see one', async () => {
  const { page, context, csp, pageErrors, dialogs } = await open();
  await page.goto(demo.url + '/');
  await ready(page);
  await page.click('#pay-button');
  await page.click('[data-imp-sim="dialog"] [data-imp-sim="approve"]');
  await page.waitForSelector('#receipt[data-state="verified"]');
  await page.selectOption('#mode-select', 'redirect');
  await ready(page);
  await page.evaluate(() => window.IMP.__sim.setOutcome({ result: 'approve' }));
  await page.click('#pay-button');
  await page.waitForURL(/\/complete\.html\?/);
  await page.waitForSelector('#complete[data-state="verified"]');
  assert.deepEqual(csp, [], 'no violation in popup and redirect payments');
  // The listener works: an inline script is a violation under this policy.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
  });
  await page.waitForFunction(() => true);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__inline), undefined);
  assert.equal(csp.length, 1, `the deliberate inline script was reported: ${csp.join(', ')}`);
  assert.match(csp[0], /^script-src/);
  await context.close();
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(dialogs, []);
});
