// The package's entries (scripts/package.mjs) as a page and Node meet them, straight from pkg/:
// the default ES module and the classic script carry the wasm inline and work at once, with no
// init(); the CommonJS build is the same API; `naverpay-checkout/web` answers NOT_INITIALIZED
// before init() instead of a TypeError. tests/consumers.test.mjs takes the same entries through
// every bundler from the packed tarball.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, collectPageProblems } from './support/browser.mjs';
import { startStaticServer } from './support/server.mjs';
import { REPO_ROOT, VALID_PARAMS } from './support/pkg.mjs';
import { decode, DECODER } from '../scripts/entries/wasm-text.js';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(`${REPO_ROOT}/pkg/package.json`, 'utf8'));
const cjs = require(`${REPO_ROOT}/pkg/node/naverpay_checkout.js`);
const API = Object.keys(cjs).sort();

let browser, server;
before(async () => {
  server = await startStaticServer({ root: REPO_ROOT, routes: { '/favicon.ico': { status: 204 } } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A blank page with its problems collected; `fn` runs in it; the page closes after. */
async function inPage(fn, arg) {
  const page = await browser.newPage();
  const problems = collectPageProblems(page);
  try {
    await page.goto(`${server.url}/__fixtures/blank.html`);
    const value = await page.evaluate(fn, arg);
    return { value, problems: [...problems.pageErrors.map(String), ...problems.consoleErrors] };
  } finally {
    await page.close();
  }
}

test('the API is the same in every entry (ES module, CommonJS, classic script); /web has all but the server body builders', async () => {
  assert.ok(
    API.includes('validateNaverPay') && API.includes('NaverPayCheckout') && API.includes('NaverPayError'),
    API.join(),
  );
  assert.equal(API.filter((name) => /^build\w+Body$/.test(name)).length, 5, API.join());
  const { value, problems } = await inPage(async () => {
    const esm = Object.keys(await import('/pkg/esm/naverpay_checkout.js')).sort();
    const web = Object.keys(await import('/pkg/web/naverpay_checkout.js'))
      .filter((k) => k !== 'default' && k !== 'initSync')
      .sort();
    await new Promise((resolve, reject) => {
      const s = Object.assign(document.createElement('script'), { src: '/pkg/global/naverpay-checkout.js' });
      s.onload = resolve;
      s.onerror = reject;
      document.head.append(s);
    });
    return { esm, web, global: Object.keys(window.NaverPayCheckout).sort() };
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(value, { esm: API, web: API.filter((name) => !/^build\w+Body$/.test(name)), global: API });
});

test('the default ES module validates on its first line, with no init()', async () => {
  const { value, problems } = await inPage(async (params) => {
    const { validateNaverPay, choosePayMode } = await import('/pkg/esm/naverpay_checkout.js');
    const report = validateNaverPay(params, { mode: 'popup' });
    return {
      ok: report.ok,
      popup: report.request.naverPopupMode,
      mode: choosePayMode({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' }),
    };
  }, VALID_PARAMS);
  assert.deepEqual(problems, []);
  assert.deepEqual(value, { ok: true, popup: true, mode: 'redirect' });
});

test('a classic <script src> defines window.NaverPayCheckout, usable in the next classic script', async () => {
  const page = await browser.newPage();
  const problems = collectPageProblems(page);
  try {
    await page.route(`${server.url}/classic.html`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><meta charset="utf-8"><p id="out"></p>
        <script src="/pkg/global/naverpay-checkout.js"></script>
        <script>
          var r = NaverPayCheckout.validateNaverPay(${JSON.stringify(VALID_PARAMS)}, { mode: 'popup' });
          document.getElementById('out').textContent = r.ok + ' ' + (typeof NaverPayCheckout.NaverPayCheckout.load);
        </script>`,
      }),
    );
    await page.goto(`${server.url}/classic.html`);
    assert.equal(await page.textContent('#out'), 'true function');
    assert.deepEqual([...problems.pageErrors.map(String), ...problems.consoleErrors], []);
  } finally {
    await page.close();
  }
});

test('naverpay-checkout/web before init(): a NaverPayError NOT_INITIALIZED, then init() makes it work', async () => {
  const { value, problems } = await inPage(async (params) => {
    const m = await import('/pkg/web/naverpay_checkout.js');
    const caught = (f) => {
      try {
        f();
        return 'no throw';
      } catch (e) {
        return `${m.isNaverPayError(e)} ${e.name} ${e.code}`;
      }
    };
    const before = [
      caught(() => m.validateNaverPay(params)),
      caught(() => m.parseRedirectResult('?imp_success=true')),
      caught(() => m.NaverPayCheckout.load({ merchantCode: 'imp12345678' })),
    ];
    await m.default();
    return { before, after: m.validateNaverPay(params, { mode: 'popup' }).ok };
  }, VALID_PARAMS);
  assert.deepEqual(problems, []);
  assert.deepEqual(value.before, Array(3).fill('true NaverPayError NOT_INITIALIZED'));
  assert.equal(value.after, true);
});

test('naverpay-checkout/web given a .wasm that compiles but is not its own: init() rejects, calls stay NOT_INITIALIZED, the right file then works', async () => {
  const { value, problems } = await inPage(async (params) => {
    const m = await import('/pkg/web/naverpay_checkout.js');
    const caught = (f) => {
      try {
        f();
        return 'no throw';
      } catch (e) {
        return `${m.isNaverPayError(e)} ${e.name} ${e.code}`;
      }
    };
    const empty = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]); // a valid module without exports
    const wrong = [];
    for (const attempt of [() => m.default({ module_or_path: empty }), () => m.initSync({ module: empty })]) {
      try {
        await attempt();
        wrong.push('accepted');
      } catch (e) {
        wrong.push(e.name);
      }
      wrong.push(caught(() => m.validateNaverPay(params)));
    }
    await m.default();
    return {
      wrong,
      after: m.validateNaverPay(params, { mode: 'popup' }).ok,
      redirect: m.parseRedirectResult('?imp_success=true&imp_uid=i').success,
    };
  }, VALID_PARAMS);
  assert.deepEqual(problems, []);
  assert.deepEqual(value, {
    wrong: ['TypeError', 'true NaverPayError NOT_INITIALIZED', 'TypeError', 'true NaverPayError NOT_INITIALIZED'],
    after: true,
    redirect: true,
  });
});

test('the inline entries carry one and the same wasm, larger than the one /web fetches by the body builders', () => {
  const web = readFileSync(`${REPO_ROOT}/pkg/web/naverpay_checkout_bg.wasm`);
  const inline = new Set();
  for (const file of ['esm/naverpay_checkout.js', 'node/naverpay_checkout.js', 'global/naverpay-checkout.js']) {
    const text = readFileSync(`${REPO_ROOT}/pkg/${file}`, 'utf8');
    // The wasm as scripts/entries/wasm-text.js's text, beside the set of its one-character bytes
    // (hexadecimal). Its alphabet has no quote, backtick, backslash nor `<`, so a match cannot span
    // code between two literals.
    const literals = [...text.matchAll(/(["'])([^"'`\\<]{512,})\1/g)].map((m) => m[2]);
    const singles = [...text.matchAll(/(["'])([0-9a-f]{64})\1/g)].map((m) => m[2]);
    const encoded = literals.reduce((a, b) => (b.length > a.length ? b : a));
    assert.ok(
      singles.length === 1 && encoded.length > 10000,
      `${file} holds the wasm as text and its one-character bytes`,
    );
    const bytes = Buffer.from(decode(encoded, singles[0]));
    assert.ok(WebAssembly.validate(bytes), `${file}: the text decodes to a valid module`);
    inline.add(bytes.toString('base64'));
    assert.doesNotMatch(text, /import\.meta|require\(|\bfetch\(/, `${file} reads no file and fetches nothing`);
  }
  assert.equal(inline.size, 1, 'the three inline entries carry the same module');
  assert.ok(WebAssembly.validate(web) && Buffer.from([...inline][0], 'base64').length > web.length);
});

test("the inline entries' decoder is the module its source in scripts/entries/wasm-text.js assembles to", () => {
  const file = `${REPO_ROOT}/scripts/entries/wasm-text.js`;
  const comment = readFileSync(file, 'utf8').match(/\n \* \(module\n[\s\S]*?\n \*\//);
  assert.ok(comment, "wasm-text.js holds the decoder's source");
  const source = comment[0]
    .split('\n')
    .filter((line) => line.startsWith(' * '))
    .map((line) => line.slice(3))
    .join('\n');
  const dir = mkdtempSync(path.join(tmpdir(), 'decoder-'));
  try {
    writeFileSync(path.join(dir, 'decoder.wat'), source);
    execFileSync(`${REPO_ROOT}/node_modules/.bin/wasm-as`, ['decoder.wat', '-o', 'decoder.wasm'], { cwd: dir });
    assert.equal(readFileSync(path.join(dir, 'decoder.wasm')).toString('hex'), DECODER);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('package.json: each condition names a file of the right format, and the user-facing fields are there', () => {
  const root = manifest.exports['.'];
  assert.deepEqual(
    Object.keys(root),
    ['node', 'require', 'types', 'default'],
    'node and require before the ESM default',
  );
  assert.equal(root.node.default, './node/naverpay_checkout.js');
  assert.equal(root.default, './esm/naverpay_checkout.js');
  assert.equal(JSON.parse(readFileSync(`${REPO_ROOT}/pkg/node/package.json`, 'utf8')).type, 'commonjs');
  assert.equal(manifest.type, 'module');
  assert.match(manifest.repository.url, /^git\+https:\/\/.+\.git$/);
  assert.match(manifest.homepage, /^https:\/\//);
  assert.match(manifest.bugs.url, /^https:\/\/.+\/issues$/);
  assert.equal(manifest.unpkg, './global/naverpay-checkout.js');
});
