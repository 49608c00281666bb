// Every code block of the README users get on npm (docs/npm-readme.md) runs here as written: each
// block follows a `<!-- example: name -->` line, and each name has a runner below that executes the
// block where it belongs (a Chromium page with PortOne's SDK simulated, Node, TypeScript) and checks
// what the buyer or the caller gets. A block without a tag, or a tag without a runner, fails.
// Run after `bash scripts/build.sh`: node --test tests/npm-readme.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, mkdtemp, mkdir, writeFile, symlink, rm } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { launchBrowser } from './support/browser.mjs';
import { REPO_ROOT } from './support/pkg.mjs';
import { createRestFetch } from '../testing/index.mjs';

const README = await readFile(path.join(REPO_ROOT, 'docs/npm-readme.md'), 'utf8');
const SIM = await readFile(path.join(REPO_ROOT, 'sim/imp.js'), 'utf8');
const ORIGIN = 'https://shop.example';
const SDK_URL = 'https://cdn.iamport.kr/v1/iamport.js';
const SIM_V2 = await readFile(path.join(REPO_ROOT, 'sim/portone-v2.js'), 'utf8');
const SDK_V2_URL = 'https://cdn.portone.io/v2/browser-sdk.js';
const CDN = 'https://cdn.jsdelivr.net/npm/naverpay-checkout@0.1.0/';
const IMPORT_MAP =
  '<script type="importmap">{ "imports": { "naverpay-checkout": "/pkg/esm/naverpay_checkout.js", ' +
  '"naverpay-checkout/v2": "/pkg/v2/naverpay_checkout.js" } }</script>';

/** Every fenced block: its language, its code and the name of the `<!-- example: … -->` line above it. */
function blocks(markdown) {
  const found = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m; (m = fence.exec(markdown));) {
    const before = markdown.slice(0, m.index).trimEnd().split('\n').pop();
    const tag = before.match(/^<!-- example: ([\w-]+) -->$/);
    found.push({
      lang: m[1],
      code: m[2],
      name: tag ? tag[1] : null,
      line: markdown.slice(0, m.index).split('\n').length,
    });
  }
  return found;
}
const EXAMPLES = blocks(README);
/** The anchors of `markdown`'s headings, as GitHub and npm make them. */
const anchorsOf = (markdown) =>
  new Set(
    markdown
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .map((l) =>
        l
          .replace(/^#+ /, '')
          .toLowerCase()
          .replace(/[^\p{L}\p{N} -]/gu, '')
          .replace(/ /g, '-'),
      ),
  );
const HEADINGS = anchorsOf(README);
const example = (name) => {
  const found = EXAMPLES.filter((b) => b.name === name);
  assert.equal(found.length, 1, `exactly one block tagged ${name}`);
  return found[0].code;
};

let browser;
let work;
before(async () => {
  browser = await launchBrowser();
  work = await mkdtemp(path.join(tmpdir(), 'npm-readme-'));
  // `naverpay-checkout` resolves to the built package, as it does in a merchant's node_modules.
  await mkdir(path.join(work, 'node_modules'));
  await symlink(path.join(REPO_ROOT, 'pkg'), path.join(work, 'node_modules/naverpay-checkout'), 'dir');
});
after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.html': 'text/html; charset=utf-8',
};

/**
 * A page of https://shop.example with everything served offline: `pages` by path, the package under
 * /pkg/ (and where the README points: a CDN mirror of npm, /naverpay-checkout/), PortOne's SDK as the
 * simulator (answered after `sdkDelay` ms), and the merchant's /payments/complete recorded.
 */
async function openPage(t, { pages, sdkDelay = 0, url = '/', waitUntil = 'load' }) {
  const context = await browser.newContext();
  t.after(() => context.close());
  const completed = [];
  const errors = [];
  await context.route('**/*', async (route) => {
    const u = new URL(route.request().url());
    const file = async (rel) => {
      const body = await readFile(path.join(REPO_ROOT, 'pkg', rel)).catch(() => null);
      return body
        ? route.fulfill({ body, contentType: TYPES[path.extname(rel)] ?? 'application/octet-stream' })
        : route.fulfill({ status: 404 });
    };
    if (u.href === SDK_URL) {
      await new Promise((r) => setTimeout(r, sdkDelay));
      return route.fulfill({ body: SIM, contentType: 'text/javascript' });
    }
    if (u.href === SDK_V2_URL) {
      await new Promise((r) => setTimeout(r, sdkDelay));
      return route.fulfill({ body: SIM_V2, contentType: 'text/javascript' });
    }
    if (u.href.startsWith(CDN)) return file(u.href.slice(CDN.length));
    if (u.origin !== ORIGIN) return route.abort();
    if (u.pathname.startsWith('/pkg/')) return file(u.pathname.slice('/pkg/'.length));
    if (u.pathname.startsWith('/naverpay-checkout/')) return file(u.pathname.slice('/naverpay-checkout/'.length));
    if (u.pathname.startsWith('/bundle/'))
      return route.fulfill({ body: pages[u.pathname], contentType: 'text/javascript' });
    if (u.pathname === '/payments/complete' || u.pathname === '/api/payments/complete') {
      completed.push(JSON.parse(route.request().postData() ?? 'null'));
      return route.fulfill({ status: 204 });
    }
    if (u.pathname in pages) return route.fulfill({ body: pages[u.pathname], contentType: TYPES['.html'] });
    return route.fulfill({ status: 404 });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(ORIGIN + url, { waitUntil });
  return { page, completed, errors };
}

const modulePage = (code, body = '') =>
  `<!doctype html><meta charset="utf-8">${IMPORT_MAP}<body>${body}<p id="message"></p><script type="module">${code}</script></body>`;
const message = (page) => page.textContent('#message');

/** A small React (hooks, JSX to DOM) for the Next.js client components: enough to run them as written. */
const MINI_REACT = `
let hooks = [], effects = [], index = 0, render = () => {};
export function useState(initial) {
  const i = index++;
  if (!(i in hooks)) hooks[i] = typeof initial === 'function' ? initial() : initial;
  return [hooks[i], (next) => { hooks[i] = typeof next === 'function' ? next(hooks[i]) : next; queueMicrotask(render); }];
}
export function useEffect(effect) { const i = index++; if (!(i in hooks)) { hooks[i] = true; effects.push(effect); } }
export const Fragment = Symbol('Fragment');
function toDom(node) {
  if (node === null || node === undefined || node === false) return [];
  if (Array.isArray(node)) return node.flatMap(toDom);
  if (typeof node !== 'object') return [document.createTextNode(String(node))];
  if (node.type === Fragment) return toDom(node.props.children);
  if (typeof node.type === 'function') return toDom(node.type(node.props));
  const el = document.createElement(node.type);
  for (const [k, v] of Object.entries(node.props)) {
    if (k === 'children') continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (typeof v === 'boolean') el[k] = v;
    else el.setAttribute(k, v);
  }
  el.append(...toDom(node.props.children));
  return [el];
}
export function jsx(type, props) { return { type, props }; }
export { jsx as jsxs };
export function mount(root, element) {
  render = () => { index = 0; root.replaceChildren(...toDom(element)); for (const e of effects.splice(0)) e(); };
  render();
}`;

/** Bundles a client component with MINI_REACT and mounts `<Component {...props}/>` into #root. */
async function componentPage(code, props) {
  const dir = await mkdtemp(path.join(work, 'jsx-'));
  await writeFile(path.join(dir, 'component.jsx'), code);
  await writeFile(path.join(dir, 'react.js'), MINI_REACT);
  await writeFile(
    path.join(dir, 'main.jsx'),
    `import Component from './component.jsx'; import { mount } from 'react';\n` +
      `mount(document.getElementById('root'), <Component {...${JSON.stringify(props)}} />);`,
  );
  const out = await esbuild.build({
    entryPoints: [path.join(dir, 'main.jsx')],
    bundle: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    alias: { react: path.join(dir, 'react.js'), 'react/jsx-runtime': path.join(dir, 'react.js') },
    external: ['naverpay-checkout'],
    logLevel: 'silent',
  });
  return {
    '/': `<!doctype html><meta charset="utf-8">${IMPORT_MAP}<div id="root"></div><script type="module" src="/bundle/main.js"></script>`,
    '/bundle/main.js': out.outputFiles[0].text,
  };
}

/** Imports a Node example as a module of a merchant's project (`naverpay-checkout` from node_modules). */
async function importNode(name, code) {
  const file = path.join(work, `${name}.mjs`);
  await writeFile(file, code);
  return import(pathToFileURL(file).href);
}

const ORDER = {
  merchant_uid: 'order_0001',
  name: 'History of the World',
  amount: 14000,
  m_redirect_url: `${ORIGIN}/pay/complete`,
  naverProducts: [
    { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 },
  ],
};
// 한도 초과 in EUC-KR bytes, as a PG writes it.
const EUC_KR_QUERY =
  'imp_uid=imp_123412341234&merchant_uid=order_0001&error_code=F400&error_msg=%C7%D1%B5%B5+%C3%CA%B0%FA';

const RUNNERS = {
  async pay(t, code) {
    const pages = { '/': modulePage(code, '<button id="pay">pay</button>') };
    const { page, completed, errors } = await openPage(t, { pages, sdkDelay: 1000, waitUntil: 'commit' });
    await page.waitForSelector('#pay[disabled]'); // until load resolves
    await page.waitForSelector('#pay:not([disabled])');
    await page.evaluate(() => IMP.__sim.script(['cancel', 'approve']));
    await page.click('#pay');
    await page.waitForFunction(() => document.querySelector('#message').textContent !== '');
    assert.equal(
      await message(page),
      await page.evaluate(() => IMP.__sim.messages.cancel),
      'the PG message as it came',
    );
    await page.click('#pay');
    await page.waitForFunction(() => document.querySelector('#message').textContent === '결제를 확인하고 있습니다…');
    await page.waitForFunction(() => IMP.__sim.calls.length === 2);
    assert.match(completed.at(-1)?.imp_uid ?? '', /^imp_\d{12}$/);
    await page.evaluate(() => IMP.__sim.setOutcome('never'));
    await page.dblclick('#pay'); // a double click: the second pay() rejects PAYMENT_IN_PROGRESS, caught
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => IMP.__sim.calls.length), 3, 'one window for a double click');
    assert.deepEqual(errors, [], 'no uncaught error');
  },

  async 'v2-pay'(t, code) {
    const pages = { '/': modulePage(code, '<button id="pay">pay</button>') };
    const { page, completed, errors } = await openPage(t, { pages, sdkDelay: 1000, waitUntil: 'commit' });
    await page.waitForSelector('#pay[disabled]'); // until load resolves
    await page.waitForSelector('#pay:not([disabled])');
    await page.evaluate(() => PortOne.__sim.script(['cancel', 'approve']));
    await page.click('#pay');
    await page.waitForFunction(() => document.querySelector('#message').textContent !== '');
    assert.equal(
      await message(page),
      await page.evaluate(() => PortOne.__sim.messages.cancel),
      "Naver Pay's pgMessage as it came",
    );
    await page.click('#pay');
    await page.waitForFunction(() => document.querySelector('#message').textContent === '결제를 확인하고 있습니다…');
    await page.waitForFunction(() => PortOne.__sim.calls.length === 2);
    await page.waitForTimeout(100);
    assert.deepEqual(completed, [{ paymentId: await page.evaluate(() => PortOne.__sim.calls[1].request.paymentId) }]);
    await page.evaluate(() => PortOne.__sim.setOutcome('never'));
    await page.dblclick('#pay'); // a double click: the second pay() rejects PAYMENT_IN_PROGRESS, caught
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => PortOne.__sim.calls.length), 3, 'one window for a double click');
    assert.deepEqual(errors, [], 'no uncaught error');
  },

  async 'redirect-page'(t, code) {
    const { page, completed } = await openPage(t, {
      pages: { '/pay/complete': modulePage(code) },
      url: `/pay/complete?${EUC_KR_QUERY}`,
    });
    await page.waitForFunction(() => document.querySelector('#message').textContent !== '');
    assert.equal(await message(page), '한도 초과', 'EUC-KR error_msg intact');
    await page.goto(`${ORIGIN}/pay/complete?imp_uid=imp_123412341234&merchant_uid=order_0001`);
    await page.waitForFunction(() => document.querySelector('#message').textContent !== '');
    assert.equal(await message(page), '결제를 확인하고 있습니다…', "today's query: no flag, success from imp_uid");
    await page.waitForTimeout(100);
    assert.deepEqual(completed, [{ imp_uid: 'imp_123412341234', merchant_uid: 'order_0001' }]);
  },

  async 'next-redirect-client'(t, code) {
    const pages = await componentPage(code, {});
    const { page, completed } = await openPage(t, {
      pages: { ...pages, '/pay/complete': pages['/'] },
      url: `/pay/complete?${EUC_KR_QUERY}`,
    });
    await page.waitForSelector('#root p');
    assert.equal(await page.textContent('#root p'), '한도 초과');
    await page.goto(`${ORIGIN}/pay/complete?imp_uid=imp_123412341234&merchant_uid=order_0001`);
    await page.waitForSelector('#root p');
    assert.equal(await page.textContent('#root p'), '결제를 확인하고 있습니다…');
    await page.waitForTimeout(100);
    assert.deepEqual(completed, [{ imp_uid: 'imp_123412341234', merchant_uid: 'order_0001' }]);
  },

  async 'next-redirect-route'(t, code) {
    const { GET } = await importNode('redirect-route', code);
    const failed = await GET(new Request(`${ORIGIN}/pay/complete?${EUC_KR_QUERY}`));
    assert.equal(failed.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await failed.text(), /<p>한도 초과<\/p>/);
    const markup = await GET(
      new Request(`${ORIGIN}/pay/complete?imp_uid=imp_1&error_msg=${encodeURIComponent('<img src=x> & "q"')}`),
    );
    assert.match(await markup.text(), /<p>&#60;img src=x&#62; &#38; &#34;q&#34;<\/p>/, 'shown as text, not markup');
    const paid = await GET(new Request(`${ORIGIN}/pay/complete?imp_uid=imp_123412341234&merchant_uid=order%2F1`));
    assert.equal(paid.status, 303);
    assert.equal(paid.headers.get('location'), `${ORIGIN}/orders/order%2F1`);
  },

  async 'billing-key'(t, code) {
    const { page, errors } = await openPage(t, {
      pages: { '/': modulePage(code, '<button id="subscribe">subscribe</button>') },
    });
    await page.waitForFunction(() => window.IMP && IMP.__sim.inits.length > 0);
    await page.evaluate(() =>
      IMP.__sim.script(['approve', { result: 'fail', error_msg: '카드 정보를 확인해 주세요' }]),
    );
    await page.click('#subscribe');
    await page.waitForFunction(() => document.querySelector('#message').textContent !== '');
    assert.equal(await message(page), '정기결제가 등록되었습니다.');
    const call = await page.evaluate(() => IMP.__sim.calls[0].params);
    assert.equal(call.customer_uid, 'gildong_0001_1234');
    await page.click('#subscribe');
    await page.waitForFunction(() => document.querySelector('#message').textContent !== '정기결제가 등록되었습니다.');
    assert.equal(await message(page), '카드 정보를 확인해 주세요');
    assert.deepEqual(errors, []);
  },

  async 'next-pay-button'(t, code) {
    const { page, errors } = await openPage(t, {
      pages: await componentPage(code, { order: ORDER }),
      sdkDelay: 1000,
      waitUntil: 'commit',
    });
    await page.waitForSelector('#root button[disabled]'); // until load resolves
    await page.waitForSelector('#root button:not([disabled])');
    await page.evaluate(() => IMP.__sim.script([{ result: 'fail', error_msg: '잔액이 부족합니다' }]));
    await page.click('#root button');
    await page.waitForFunction(() => document.querySelector('#root p').textContent !== '');
    assert.equal(await page.textContent('#root p'), '잔액이 부족합니다');
    await page.evaluate(() => IMP.__sim.setOutcome('never'));
    await page.click('#root button');
    await page.waitForSelector('#root button[disabled]');
    assert.equal(await page.isDisabled('#root button'), true, 'disabled while the payment runs: no double click');
    assert.deepEqual(errors, []);
  },

  async 'next-refund-route'(t, code) {
    const { POST } = await importNode('refund-route', code);
    const response = await POST(
      new Request(`${ORIGIN}/api/refund`, {
        method: 'POST',
        body: JSON.stringify({ imp_uid: 'imp_123412341234', reason: '고객 요청' }),
      }),
    );
    assert.deepEqual(await response.json(), {
      imp_uid: 'imp_123412341234',
      reason: '고객 요청',
      extra: { requester: 'admin' },
    });
  },

  async 'bundler-import'(t, code) {
    const module = await importNode('bundler-import', `${code}\nexport { NaverPayCheckout, validateNaverPay };`);
    assert.equal(typeof module.NaverPayCheckout.load, 'function');
    assert.equal(module.validateNaverPay(ORDER).ok, true);
  },

  async 'import-map'(t, code) {
    const html = `<!doctype html><meta charset="utf-8">${code}<button id="pay" disabled>pay</button>`;
    const { page, errors } = await openPage(t, { pages: { '/': html } });
    await page.waitForSelector('#pay:not([disabled])');
    assert.equal(await page.evaluate(() => IMP.__sim.inits[0]), 'imp00000000');
    assert.deepEqual(errors, []);
  },

  async 'classic-script'(t, code) {
    const { page, errors } = await openPage(t, {
      pages: { '/': `<!doctype html><meta charset="utf-8"><body>${code}</body>` },
    });
    await page.waitForSelector('#pay:not([disabled])');
    await page.evaluate(() => IMP.__sim.setOutcome({ result: 'fail', error_msg: '한도 초과' }));
    await page.click('#pay');
    await page.waitForFunction(() => document.querySelector('#message').textContent !== '');
    assert.equal(await message(page), '한도 초과');
    await page.evaluate(() => IMP.__sim.setOutcome('never'));
    await page.dblclick('#pay');
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => IMP.__sim.calls.length), 2, 'the second click of a double click is caught');
    assert.deepEqual(errors, []);
  },

  async 'web-entry'(t, code) {
    const { page, errors } = await openPage(t, { pages: { '/': `<!doctype html><meta charset="utf-8">${code}` } });
    await page.waitForFunction(() => window.IMP && IMP.__sim.inits.length === 1);
    assert.deepEqual(errors, []);
  },

  async typescript(t, code) {
    const dir = await mkdtemp(path.join(work, 'ts-'));
    await writeFile(path.join(dir, 'order.ts'), code);
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2022', 'dom'],
        types: [],
        typeRoots: [],
      },
      files: ['order.ts'],
    };
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
    await symlink(path.join(work, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const tsc = path.join(REPO_ROOT, 'node_modules/.bin/tsc');
    await promisify(execFile)(tsc, ['-p', dir]).catch((e) => assert.fail(`${e.stdout}${e.stderr}`));
  },

  // The Server side's three lines, their free names (the page's ids, your order) given; PortOne's
  // REST API answered by the test kit's simulator, which knows no such payment.
  async 'server-node'(t, code) {
    const { fetch, rest } = createRestFetch({ impKey: 'key', impSecret: 'secret' });
    const saved = { fetch: globalThis.fetch, key: process.env.IMP_KEY, secret: process.env.IMP_SECRET };
    t.after(() => {
      globalThis.fetch = saved.fetch;
      process.env.IMP_KEY = saved.key ?? '';
      process.env.IMP_SECRET = saved.secret ?? '';
    });
    Object.assign(globalThis, { fetch });
    Object.assign(process.env, { IMP_KEY: 'key', IMP_SECRET: 'secret' });
    const given = "const imp_uid = 'imp_000000000000', merchant_uid = 'order_0001', order = { amount: 14000 };\n";
    const { verdict } = await importNode('server', `${given}${code}\nexport { verdict };`);
    assert.equal(verdict, 'not_found');
    assert.ok(rest.snapshot().tokens > 0, 'the example authenticated');
  },

  // Migrating: the README's V1 example, as its comment says, passes V2's validator once converted.
  async 'v2-migrate'(t, code) {
    const given = `const v1Params = ${JSON.stringify({ ...ORDER, m_redirect_url: 'https://shop.example/pay/complete' })};\n`;
    const { request, dropped, report } = await importNode(
      'v2-migrate',
      `${given}${code}\nexport { request, dropped, report };`,
    );
    assert.deepEqual(report.errors, []);
    assert.equal(request.storeId, 'store-…');
    assert.ok(Array.isArray(dropped));
  },
};

// Run by tests/server-docs.test.mjs, against the REST simulators, with a stand-in for express.
const RUN_ELSEWHERE = ['server-next', 'server-express', 'server-v2'];
// Fragments of a larger program (they use a `portone` client or a page's `payButton` defined around
// them): compiled here, not run. Each is named in the report that adds it.
// rehearse-v2 needs a Playwright `page` on a V2 checkout: tests/inspection.test.mjs makes the same call on the demo's.
const COMPILED_ONLY = ['server-rest-calls', 'rehearse-v2'];

test('every code block of the npm README is tagged, and every tag has a runner', () => {
  const code = EXAMPLES.filter((b) => !['sh', 'text'].includes(b.lang));
  assert.deepEqual(
    code.filter((b) => !b.name).map((b) => `line ${b.line} (${b.lang})`),
    [],
    'untagged blocks',
  );
  assert.deepEqual(
    code.map((b) => b.name).sort(),
    [...Object.keys(RUNNERS), ...RUN_ELSEWHERE, ...COMPILED_ONLY].sort(),
  );
});

for (const name of COMPILED_ONLY) {
  test(`npm README fragment "${name}" compiles`, async () => {
    await esbuild.transform(example(name), { format: 'esm', target: 'es2022', loader: 'js' });
  });
}

for (const [name, run] of Object.entries(RUNNERS)) {
  test(`npm README example "${name}" runs as written`, (t) => run(t, example(name)));
}

test('every link of the packed README and the documents it ships lands in the package or on the web', async () => {
  const pkg = path.join(REPO_ROOT, 'pkg');
  const { files } = JSON.parse(await readFile(path.join(pkg, 'package.json'), 'utf8'));
  const shipped = ['README.md', ...(await readdir(path.join(pkg, 'docs'))).map((doc) => `docs/${doc}`)];
  for (const file of shipped) {
    const text = await readFile(path.join(pkg, file), 'utf8');
    for (const [, link] of text.matchAll(/\]\(([^)]+)\)/g)) {
      if (link.startsWith('https://')) continue;
      const [target, anchor] = link.split('#');
      const resolved = target ? path.posix.join(path.posix.dirname(file), target) : file;
      assert.ok(files.includes(resolved.split('/')[0]), `${file}: ${link} is not in the package's files`);
      const content = await readFile(path.join(pkg, resolved), 'utf8').catch(() => null);
      assert.ok(content !== null, `${file}: ${link} names no file of the package`);
      if (anchor !== undefined) assert.ok(anchorsOf(content).has(anchor), `${file}: no heading for ${link}`);
    }
  }
  // Sections that comments in types/, src/ and tests/ name (docs/npm-readme.md, "…").
  for (const heading of ['Pay', 'Migrating from V1', 'What rejects, what resolves', 'Limits', 'Server side']) {
    assert.match(README, new RegExp(`^#+ ${heading}$`, 'm'), `the heading "${heading}"`);
  }
});

test("the repository's README points at the npm README instead of repeating it", async () => {
  const repository = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const guide = new Set(EXAMPLES.map((b) => b.code));
  assert.deepEqual(
    blocks(repository)
      .filter((b) => guide.has(b.code))
      .map((b) => `line ${b.line} (${b.lang})`),
    [],
    'code blocks of docs/npm-readme.md repeated in README.md',
  );
  const anchors = [...repository.matchAll(/\]\(docs\/npm-readme\.md#([^)]+)\)/g)].map((m) => m[1]);
  assert.ok(anchors.length > 0, "README.md links to the npm README's sections");
  for (const anchor of anchors) assert.ok(HEADINGS.has(anchor), `no heading for docs/npm-readme.md#${anchor}`);
});
