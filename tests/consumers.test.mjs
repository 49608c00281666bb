// The package as its users meet it: the tarball `npm pack ./pkg` makes, installed with
// `npm install <tgz>` into real consumer apps under tests/consumers/ (never a path alias to pkg/ or
// the source), built with their own tools, and run: webpack 5 and Vite 7 apps and a plain
// <script type="module"> page paying through the PortOne simulator in Chromium, Node scripts
// (import and require), and TypeScript with tsc --strict against the published declarations.
//
// pkg/ must be built (`npm run build`; `npm test` does it first). Each app's own dependencies
// install once from its committed package-lock.json into tests/consumers/<app>/node_modules
// (gitignored) and are reused while the lock file is older than node_modules/.package-lock.json.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, lstat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, collectPageProblems } from './support/browser.mjs';
import { startStaticServer } from './support/server.mjs';
import { REPO_ROOT } from './support/pkg.mjs';

// NPC_PKG_DIR packs another built package directory instead (e.g. a patched copy of pkg/).
const PKG = path.resolve(process.env.NPC_PKG_DIR || path.join(REPO_ROOT, 'pkg'));
const CONSUMERS = path.join(REPO_ROOT, 'tests', 'consumers');
const SIM = path.join(REPO_ROOT, 'sim');
const APPS = ['webpack', 'vite', 'web', 'node', 'typescript'];
const appDir = (app) => path.join(CONSUMERS, app);

/** Runs a command; resolves { code, stdout, stderr } whatever the exit code. */
function run(cmd, args, cwd, { timeout = 180_000, env } = {}) {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr, err }));
  });
}

/** Like run, but fails with the output when the command does. */
async function must(cmd, args, cwd, options) {
  const r = await run(cmd, args, cwd, options);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')} (in ${path.relative(REPO_ROOT, cwd) || '.'}) failed:\n${r.stdout}\n${r.stderr}`);
  return r;
}

const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];
// npm run inside `npm test` inherits npm_config_* of the outer run; the apps get a clean npm.
const CLEAN_NPM_ENV = Object.fromEntries(Object.keys(process.env)
  .filter((k) => k.toLowerCase().startsWith('npm_config_')).map((k) => [k, undefined]));

/** pkg/ is shared and rebuilt at times by others: wait until its entries are all there. */
async function waitForPkg() {
  const needed = ['package.json', 'index.d.ts', 'web.d.ts', 'bundler/naverpay_checkout.js',
    'web/naverpay_checkout.js', 'node/naverpay_checkout.js'].map((f) => path.join(PKG, f));
  const deadline = Date.now() + 120_000;
  while (!needed.every((f) => existsSync(f))) {
    if (Date.now() > deadline) throw new Error('pkg/ is not built: run `npm run build` first');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** `npm ci` for an app with a lock file, unless node_modules already matches it (as scripts/setup.sh). */
async function installOwnDependencies(app) {
  const dir = appDir(app);
  const lock = path.join(dir, 'package-lock.json');
  if (!existsSync(lock)) return 'no lock file';
  const hidden = path.join(dir, 'node_modules', '.package-lock.json');
  if (existsSync(hidden) && (await stat(hidden)).mtimeMs >= (await stat(lock)).mtimeMs) return 'up to date';
  await must('npm', ['ci', ...NPM_QUIET], dir, { env: CLEAN_NPM_ENV });
  return 'npm ci';
}

let tmp;
let packed; // npm pack --json's entry for the tarball
let tarball; // its absolute path
let browser;

before(async () => {
  await waitForPkg();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'npc-consumers-'));
  const r = await must('npm', ['pack', PKG, '--pack-destination', tmp, '--json', '--loglevel=error'], REPO_ROOT, { env: CLEAN_NPM_ENV });
  [packed] = JSON.parse(r.stdout);
  tarball = path.join(tmp, packed.filename);
  assert.ok(existsSync(tarball), `npm pack wrote ${tarball}`);
  // Each app: its own devDependencies, then the tarball itself (not saved into package.json).
  await Promise.all(APPS.map(async (app) => {
    await installOwnDependencies(app);
    await must('npm', ['install', ...NPM_QUIET, '--no-save', tarball], appDir(app), { env: CLEAN_NPM_ENV });
  }));
}, { timeout: 280_000 });

after(async () => {
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// ---- the tarball ------------------------------------------------------------------------------

describe('the tarball', () => {
  test('holds the three builds and the declarations, and nothing of the workspace', async () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const f of [
      'package.json', 'README.md', 'index.d.ts', 'web.d.ts',
      'bundler/naverpay_checkout.js', 'bundler/naverpay_checkout_bg.js', 'bundler/naverpay_checkout_bg.wasm',
      'web/naverpay_checkout.js', 'web/naverpay_checkout_bg.wasm',
      'node/naverpay_checkout.js', 'node/naverpay_checkout_bg.wasm', 'node/package.json', 'node/naverpay_checkout.d.ts',
    ]) assert.ok(files.includes(f), `the tarball has ${f}`);
    // The NaverPayError class is inlined into each build's glue: no snippet module to fetch.
    assert.deepEqual(files.filter((f) => f.includes('/snippets/')), [], 'no wasm-bindgen snippets');
    const foreign = files.filter((f) =>
      /^(src|tests|target|sim|types|www|scripts|js|bench|fuzz|node_modules)\//.test(f) ||
      /\.(rs|tgz|toml|lock)$/.test(f) || /(^|\/)\.[^/]+$/.test(f));
    assert.deepEqual(foreign, [], 'nothing from the workspace (src/, tests/, Rust sources, dotfiles) is shipped');
    assert.ok(files.every((f) => /^(package\.json|README\.md|index\.d\.ts|web\.d\.ts|(bundler|web|node)\/.+)$/.test(f)),
      `only the declared files: ${files.join(', ')}`);

    // The archive on disk says the same as npm's listing.
    const listing = await must('tar', ['-tzf', tarball], tmp);
    assert.deepEqual(listing.stdout.trim().split('\n').map((l) => l.replace(/^package\//, '')).sort(), files);
  });

  test('every path package.json points at is in the tarball', async () => {
    const manifest = JSON.parse((await must('tar', ['-xzOf', tarball, 'package/package.json'], tmp)).stdout);
    assert.equal(manifest.name, 'naverpay-checkout');
    const files = new Set(packed.files.map((f) => f.path));
    const targets = [];
    const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v ?? {}).forEach(walk));
    walk(manifest.exports);
    targets.push(manifest.main, manifest.module, manifest.types);
    for (const t of targets) assert.ok(files.has(t.replace(/^\.\//, '')), `${t} is in the tarball`);
    assert.ok(targets.length >= 8);
  });

  test('each app got the very tarball, installed as files (no link to pkg/ or the source)', async () => {
    for (const app of APPS) {
      const installed = path.join(appDir(app), 'node_modules', 'naverpay-checkout');
      const info = await lstat(installed);
      assert.ok(info.isDirectory() && !info.isSymbolicLink(), `${app}: node_modules/naverpay-checkout is a real directory`);
      const lock = JSON.parse(await readFile(path.join(appDir(app), 'node_modules', '.package-lock.json'), 'utf8'));
      const entry = lock.packages['node_modules/naverpay-checkout'];
      assert.equal(entry?.integrity, packed.integrity, `${app}: installed from this run's tarball`);
      assert.match(entry.resolved, /\.tgz$/, `${app}: resolved from a .tgz`);
      const own = JSON.parse(await readFile(path.join(appDir(app), 'package.json'), 'utf8'));
      for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
        assert.equal(own[field]?.['naverpay-checkout'], undefined, `${app}: package.json has no ${field} entry (no file: link)`);
      }
    }
  });
});

// ---- Node -------------------------------------------------------------------------------------

describe('Node consumer (tests/consumers/node)', () => {
  for (const [script, entry] of [['server.mjs', 'import'], ['server.cjs', 'require']]) {
    test(`${script}: ${entry} resolves the Node build; validators and body builders give the documented results`, async () => {
      const r = await run(process.execPath, [script], appDir('node'));
      assert.equal(r.code, 0, `node ${script} failed:\n${r.stdout}\n${r.stderr}`);
      const out = JSON.parse(r.stdout.trim().split('\n').at(-1));
      assert.equal(out.entry, entry);
      assert.equal(out.ok, true);
      assert.match(out.resolved, /tests\/consumers\/node\/node_modules\/naverpay-checkout\/node\/naverpay_checkout\.js$/);
      assert.equal(out.again, 'customer_uid=gildong_0001_1234&merchant_uid=order_monthly_0002&amount=10000&name=Slim+plan&extra[naverUseCfm]=20201001');
    });
  }
});

// ---- TypeScript -------------------------------------------------------------------------------

describe('TypeScript consumer (tests/consumers/typescript)', () => {
  const dir = appDir('typescript');
  const tsc = (config, extra = []) =>
    run(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-p', config, '--strict', '--noEmit', '--pretty', 'false', ...extra], dir);
  const declarationFiles = (stdout) => stdout.split('\n').filter((l) => l.includes('naverpay-checkout'))
    .map((l) => path.relative(dir, l.trim()));
  // The compilations are independent: start them all at once, each test awaits its own.
  const runs = {};
  before(() => {
    runs.bundler = tsc('tsconfig.bundler.json', ['--listFiles']);
    runs.node16 = tsc('tsconfig.node16.json', ['--listFiles']);
    runs.nodenextCjs = tsc('tsconfig.nodenext-cjs.json');
    runs.node16Cjs = tsc('tsconfig.node16-cjs.json');
    runs.fail = tsc('tsconfig.fail.json');
  });

  test('moduleResolution bundler: the checkout page, the web entry and the server code compile', async () => {
    const r = await runs.bundler;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(declarationFiles(r.stdout).sort(),
      ['node_modules/naverpay-checkout/index.d.ts', 'node_modules/naverpay-checkout/web.d.ts'],
      'the declarations come from the installed tarball');
  });

  test('moduleResolution node16: an ES-module server compiles without the DOM library', async () => {
    const r = await runs.node16;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(declarationFiles(r.stdout), ['node_modules/naverpay-checkout/node/naverpay_checkout.d.ts'],
      'the node condition brings the Node build\'s own declarations');
  });

  test('moduleResolution nodenext: a CommonJS server (.cts, import = require) compiles', async () => {
    const r = await runs.nodenextCjs;
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  test('moduleResolution node16: a CommonJS server (.cts, import = require) compiles', async () => {
    const r = await runs.node16Cjs;
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  test('code that breaks the declared types does not compile (MUSIC/EBOOK, a string amount, a nullable message)', async () => {
    const r = await runs.fail;
    assert.notEqual(r.code, 0, 'tsc must reject fail/*.ts');
    const errors = [...r.stdout.matchAll(/^(fail\/[\w.-]+)\((\d+),\d+\): error (TS\d+): (.*)$/gm)]
      .map(([, file, line, code]) => `${file}:${line} ${code}`);
    assert.deepEqual(errors, [
      'fail/music-ebook.ts:5 TS2322',
      'fail/wrong-amount.ts:8 TS2322',
      'fail/wrong-amount.ts:13 TS2322',
    ], r.stdout);
    assert.match(r.stdout, /"EBOOK"' is not assignable to type '(?=[^']*"CD")(?=[^']*"LP")(?=[^']*"USED")[^']*'/,
      'EBOOK is refused because MUSIC allows only CD, LP, USED');
  });
});

// ---- browsers: webpack, Vite, <script type="module"> -------------------------------------------

const FAIL_MESSAGE = '<img src=x onerror="window.__xss=1"> 결제 실패 😢 100% a+b&c';

/** Opens the app, pays through the simulator's window and picks `action` there. */
async function payInPage(server, action, failMessage) {
  browser ??= await launchBrowser();
  const page = await browser.newPage();
  const problems = collectPageProblems(page);
  try {
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('status')?.textContent), null, { timeout: 15_000 })
      .catch((e) => {
        throw new Error(`the page never got ready: ${[...problems.pageErrors.map(String), ...problems.consoleErrors].join('; ') || e.message}`);
      });
    const ready = await page.evaluate(() => ({ status: document.getElementById('status').textContent, message: document.getElementById('message').textContent }));
    assert.equal(ready.status, 'ready', `the page loaded the package and the SDK: ${ready.message}`);
    await page.click('#pay');
    await page.waitForSelector('[data-imp-sim="dialog"]', { timeout: 10_000 });
    if (failMessage !== undefined) await page.fill('[data-imp-sim="fail-message"]', failMessage);
    await page.click(`[data-imp-sim="${action}"]`);
    await page.waitForFunction(() => ['paid', 'failed', 'error'].includes(document.getElementById('status').textContent), null, { timeout: 10_000 });
    return await page.evaluate(() => ({
      status: document.getElementById('status').textContent,
      message: document.getElementById('message').textContent,
      messageElements: document.getElementById('message').children.length,
      result: JSON.parse(document.getElementById('result').textContent || 'null'),
      calls: IMP.__sim.calls.map((c) => ({ params: c.params, userActivation: c.userActivation, mode: c.mode })),
      xss: window.__xss ?? null,
      problems: [],
    })).then((r) => ({ ...r, problems: [...problems.pageErrors.map(String), ...problems.consoleErrors] }));
  } finally {
    await page.close();
  }
}

function browserApp(name, { build, root, wasmRequest }) {
  describe(`${name} consumer (tests/consumers/${name})`, () => {
    let server;
    let built = false;
    before(async () => {
      server = await startStaticServer({
        root: root(),
        // The PortOne simulator served beside the app, and the page script the apps share.
        mounts: { '/sim': SIM, '/shared': path.join(CONSUMERS, 'shared') },
        routes: { '/favicon.ico': { status: 204 } }, // Chromium asks; a 404 would be a console error
      });
    });
    after(async () => { await server?.close(); });

    if (build) {
      test(`${name} builds the app from the installed package`, { timeout: 120_000 }, async () => {
        await build();
        built = true;
      });
    }

    test(`${name}: a simulated payment approved in Chromium shows the imp_uid`, { timeout: 60_000 }, async (t) => {
      if (build && !built) return t.skip('the build failed');
      const r = await payInPage(server, 'approve');
      assert.deepEqual(r.problems, [], 'no page error');
      assert.equal(r.status, 'paid', r.message);
      assert.equal(r.result.success, true);
      assert.match(r.result.imp_uid, /^imp_\d{12}$/);
      assert.equal(r.result.mode, 'popup');
      assert.equal(r.message, `결제 완료 ${r.result.imp_uid}`);
      assert.equal(r.calls.length, 1, 'IMP.request_pay called once');
      assert.equal(r.calls[0].params.pg, 'naverpay');
      assert.equal(r.calls[0].params.naverPopupMode, true);
      assert.equal(r.calls[0].params.amount, 14000);
      assert.equal(r.calls[0].userActivation, true, 'request_pay ran inside the click');
      assert.ok(server.requests.some((q) => wasmRequest(q.url)), `the .wasm was fetched: ${server.requests.map((q) => q.url).join(' ')}`);
    });

    test(`${name}: a failure shows the PG's error_msg verbatim, as text`, { timeout: 60_000 }, async (t) => {
      if (build && !built) return t.skip('the build failed');
      const r = await payInPage(server, 'fail', FAIL_MESSAGE);
      assert.deepEqual(r.problems, [], 'no page error');
      assert.equal(r.status, 'failed', r.message);
      assert.equal(r.result.success, false);
      assert.equal(r.result.error_msg, FAIL_MESSAGE);
      assert.equal(r.message, FAIL_MESSAGE);
      assert.equal(r.messageElements, 0, 'rendered as text, not HTML');
      assert.equal(r.xss, null, 'no script ran');
    });
  });
}

/** The .wasm files a build put in `dir`, each byte-identical to the package's bundler build. */
async function assertWasmEmitted(app, dir) {
  const wasm = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `${app} emitted one .wasm: ${wasm}`);
  const original = await readFile(path.join(appDir(app), 'node_modules/naverpay-checkout/bundler/naverpay_checkout_bg.wasm'));
  assert.ok((await readFile(path.join(dir, wasm[0]))).equals(original), 'the emitted .wasm is the package\'s');
  return wasm[0];
}

browserApp('webpack', {
  root: () => path.join(appDir('webpack'), 'dist'),
  build: async () => {
    await rm(path.join(appDir('webpack'), 'dist'), { recursive: true, force: true });
    const r = await must('npm', ['run', '--silent', 'build'], appDir('webpack'), { env: CLEAN_NPM_ENV });
    assert.match(r.stdout, /compiled successfully/, r.stdout);
    assert.doesNotMatch(r.stdout, /WARNING|ERROR/, r.stdout);
    await assertWasmEmitted('webpack', path.join(appDir('webpack'), 'dist'));
    assert.ok(existsSync(path.join(appDir('webpack'), 'dist/index.html')));
  },
  wasmRequest: (url) => /^\/[\w.-]+\.wasm$/.test(url),
});

browserApp('vite', {
  root: () => path.join(appDir('vite'), 'dist'),
  build: async () => {
    await rm(path.join(appDir('vite'), 'dist'), { recursive: true, force: true });
    const r = await must('npm', ['run', '--silent', 'build'], appDir('vite'), { env: CLEAN_NPM_ENV });
    assert.doesNotMatch(r.stdout + r.stderr, /error|warn/i, r.stdout + r.stderr);
    await assertWasmEmitted('vite', path.join(appDir('vite'), 'dist'));
    assert.ok(existsSync(path.join(appDir('vite'), 'dist/index.html')));
  },
  wasmRequest: (url) => /^\/assets\/naverpay_checkout_bg-[\w-]+\.wasm$/.test(url),
});

browserApp('web', {
  root: () => appDir('web'),
  wasmRequest: (url) => url === '/node_modules/naverpay-checkout/web/naverpay_checkout_bg.wasm',
});
