// The package as its users meet it: the tarball `npm pack ./pkg` makes, installed with
// `npm install <tgz>` into real consumer apps under tests/consumers/ (never a path alias to pkg/ or
// the source), each built with its own tools and NO configuration for the package (no wasm plugin,
// no experiments flag, no alias), and run: Next.js 16 (Turbopack and webpack; build + start and
// dev; server rendering and Route Handlers over HTTP), Vite 7 and 8 (dev server and build),
// webpack 5, esbuild, Rollup 4 + node-resolve and Parcel 2 pay through the PortOne simulator in
// Chromium, as do plain <script type="module"> pages and a classic <script src> page; Node scripts
// (import and require); TypeScript with tsc --strict against the published declarations.
// tests/consumers/README.md has the table of apps.
//
// pkg/ must be built (`npm run build`; `npm test` does it first). Each app's own dependencies
// install once from its committed package-lock.json into tests/consumers/<app>/node_modules
// (gitignored) and are reused while the lock file is older than node_modules/.package-lock.json.
// Builds and servers run one at a time (CI has 2 cores); installs run in parallel.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, lstat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, collectPageProblems } from './support/browser.mjs';
import { startStaticServer } from './support/server.mjs';
import { REPO_ROOT } from './support/pkg.mjs';

// NPC_PKG_DIR packs another built package directory instead (e.g. a patched copy of pkg/).
const PKG = path.resolve(process.env.NPC_PKG_DIR || path.join(REPO_ROOT, 'pkg'));
const CONSUMERS = path.join(REPO_ROOT, 'tests', 'consumers');
const SIM = path.join(REPO_ROOT, 'sim');
const PAGE_SCRIPT = path.join(CONSUMERS, 'shared', 'checkout-page.js');
const APPS = [
  'next',
  'vite7',
  'vite8',
  'webpack',
  'esbuild',
  'rollup',
  'parcel',
  'web',
  'classic',
  'node',
  'typescript',
];
// Apps whose bundler compiles the page: the shared page script is copied beside them (bundlers and
// dev servers keep to their project's folder), and those with their own server get the simulator
// in public/.
const BUNDLED = ['next', 'vite7', 'vite8', 'webpack', 'esbuild', 'rollup', 'parcel'];
const OWN_SERVER = ['next', 'vite7', 'vite8'];
const appDir = (app) => path.join(CONSUMERS, app);

/** Runs a command; resolves { code, stdout, stderr } whatever the exit code. */
function run(cmd, args, cwd, { timeout = 180_000, env } = {}) {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { cwd, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr, err }),
    );
  });
}

/** Like run, but fails with the output when the command does. */
async function must(cmd, args, cwd, options) {
  const r = await run(cmd, args, cwd, options);
  assert.equal(
    r.code,
    0,
    `${cmd} ${args.join(' ')} (in ${path.relative(REPO_ROOT, cwd) || '.'}) failed:\n${r.stdout}\n${r.stderr}`,
  );
  return r;
}

const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];
// npm run inside `npm test` inherits npm_config_* of the outer run; the apps get a clean npm.
const CLEAN_NPM_ENV = Object.fromEntries(
  Object.keys(process.env)
    .filter((k) => k.toLowerCase().startsWith('npm_config_'))
    .map((k) => [k, undefined]),
);
const TOOL_ENV = {
  ...CLEAN_NPM_ENV,
  NEXT_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  BROWSERSLIST_IGNORE_OLD_DATA: '1',
};

/** Every file the installed manifest's `exports` names (conditions flattened). */
function exportTargets(manifest) {
  const targets = [];
  const walk = (v) =>
    typeof v === 'string' ? targets.push(v.replace(/^\.\//, '')) : Object.values(v ?? {}).forEach(walk);
  walk(manifest.exports);
  return targets;
}

/** pkg/ is shared and rebuilt at times by others: wait until every file its exports name is there. */
async function waitForPkg() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const manifest = JSON.parse(await readFile(path.join(PKG, 'package.json'), 'utf8'));
      if (exportTargets(manifest).every((f) => existsSync(path.join(PKG, f)))) return;
    } catch {
      /* not there yet, or half written */
    }
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
  await must('npm', ['ci', ...NPM_QUIET], dir, { env: CLEAN_NPM_ENV, timeout: 300_000 });
  return 'npm ci';
}

/** Puts the shared page script (and, for apps with their own server, the simulator) in the app. */
async function placeSharedFiles(app) {
  const dir = appDir(app);
  await mkdir(path.join(dir, 'shared'), { recursive: true });
  await copyFile(PAGE_SCRIPT, path.join(dir, 'shared', 'checkout-page.js'));
  if (OWN_SERVER.includes(app)) {
    await mkdir(path.join(dir, 'public', 'sim'), { recursive: true });
    await copyFile(path.join(SIM, 'imp.js'), path.join(dir, 'public', 'sim', 'imp.js'));
  }
}

let tmp;
let packed; // npm pack --json's entry for the tarball
let tarball; // its absolute path
let browser;

before(
  async () => {
    await waitForPkg();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'npc-consumers-'));
    const r = await must('npm', ['pack', PKG, '--pack-destination', tmp, '--json', '--loglevel=error'], REPO_ROOT, {
      env: CLEAN_NPM_ENV,
    });
    [packed] = JSON.parse(r.stdout);
    tarball = path.join(tmp, packed.filename);
    assert.ok(existsSync(tarball), `npm pack wrote ${tarball}`);
    // Each app: its own dependencies, then the tarball itself (not saved into package.json).
    await Promise.all(
      APPS.map(async (app) => {
        await installOwnDependencies(app);
        await must('npm', ['install', ...NPM_QUIET, '--no-save', tarball], appDir(app), {
          env: CLEAN_NPM_ENV,
          timeout: 300_000,
        });
        if (BUNDLED.includes(app)) await placeSharedFiles(app);
      }),
    );
  },
  { timeout: 600_000 },
);

after(async () => {
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// ---- the tarball ------------------------------------------------------------------------------

describe('the tarball', () => {
  test('holds what package.json points at, the classic-script build and the declarations, nothing of the workspace', async () => {
    const files = packed.files.map((f) => f.path).sort();
    const manifest = JSON.parse((await must('tar', ['-xzOf', tarball, 'package/package.json'], tmp)).stdout);
    assert.equal(manifest.name, 'naverpay-checkout');
    const targets = [...exportTargets(manifest), manifest.main, manifest.module, manifest.types, manifest.browser]
      .filter((t) => typeof t === 'string')
      .map((t) => t.replace(/^\.\//, ''));
    for (const t of targets) assert.ok(files.includes(t), `${t} (named in package.json) is in the tarball`);
    for (const f of [
      'package.json',
      'README.md',
      'global/naverpay-checkout.js',
      'web/naverpay_checkout.js',
      'web/naverpay_checkout_bg.wasm',
    ]) {
      assert.ok(files.includes(f), `the tarball has ${f}`);
    }
    assert.ok(
      files.some((f) => f.endsWith('.d.ts')),
      'declarations are shipped',
    );
    // The NaverPayError class is inlined into each build's glue: no snippet module to fetch.
    assert.deepEqual(
      files.filter((f) => f.includes('/snippets/')),
      [],
      'no wasm-bindgen snippets',
    );
    const foreign = files.filter(
      (f) =>
        /^(src|tests|target|sim|types|www|scripts|js|bench|fuzz|node_modules)\//.test(f) ||
        /\.(rs|tgz|toml|lock)$/.test(f) ||
        /(^|\/)\.[^/]+$/.test(f),
    );
    assert.deepEqual(foreign, [], 'nothing from the workspace (src/, tests/, Rust sources, dotfiles) is shipped');

    // The archive on disk says the same as npm's listing.
    const listing = await must('tar', ['-tzf', tarball], tmp);
    assert.deepEqual(
      listing.stdout
        .trim()
        .split('\n')
        .map((l) => l.replace(/^package\//, ''))
        .sort(),
      files,
    );
  });

  test('each app got the very tarball, installed as files (no link to pkg/ or the source)', async () => {
    for (const app of APPS) {
      const installed = path.join(appDir(app), 'node_modules', 'naverpay-checkout');
      const info = await lstat(installed);
      assert.ok(
        info.isDirectory() && !info.isSymbolicLink(),
        `${app}: node_modules/naverpay-checkout is a real directory`,
      );
      const lock = JSON.parse(await readFile(path.join(appDir(app), 'node_modules', '.package-lock.json'), 'utf8'));
      const entry = lock.packages['node_modules/naverpay-checkout'];
      assert.equal(entry?.integrity, packed.integrity, `${app}: installed from this run's tarball`);
      assert.match(entry.resolved, /\.tgz$/, `${app}: resolved from a .tgz`);
      const own = JSON.parse(await readFile(path.join(appDir(app), 'package.json'), 'utf8'));
      for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
        assert.equal(
          own[field]?.['naverpay-checkout'],
          undefined,
          `${app}: package.json has no ${field} entry (no file: link)`,
        );
      }
    }
  });
});

// ---- Node -------------------------------------------------------------------------------------

describe('Node consumer (tests/consumers/node)', () => {
  for (const [script, entry] of [
    ['server.mjs', 'import'],
    ['server.cjs', 'require'],
  ]) {
    test(`${script}: ${entry} resolves the installed package; validators and body builders give the documented results`, async () => {
      const r = await run(process.execPath, [script], appDir('node'));
      assert.equal(r.code, 0, `node ${script} failed:\n${r.stdout}\n${r.stderr}`);
      const out = JSON.parse(r.stdout.trim().split('\n').at(-1));
      assert.equal(out.entry, entry);
      assert.equal(out.ok, true);
      assert.ok(
        out.resolved.startsWith(path.join(appDir('node'), 'node_modules', 'naverpay-checkout') + path.sep),
        out.resolved,
      );
      assert.equal(
        out.again,
        'customer_uid=gildong_0001_1234&merchant_uid=order_monthly_0002&amount=10000&name=Slim+plan&extra[naverUseCfm]=20201001',
      );
    });
  }
});

// ---- TypeScript -------------------------------------------------------------------------------

describe('TypeScript consumer (tests/consumers/typescript)', () => {
  const dir = appDir('typescript');
  const tsc = (config, extra = []) =>
    run(
      process.execPath,
      [
        path.join(dir, 'node_modules/typescript/bin/tsc'),
        '-p',
        config,
        '--strict',
        '--noEmit',
        '--pretty',
        'false',
        ...extra,
      ],
      dir,
    );
  const declarationFiles = (stdout) =>
    stdout
      .split('\n')
      .filter((l) => l.includes('naverpay-checkout'))
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

  test('moduleResolution bundler: the checkout page, the web entry, the V2 page and the server code compile', async () => {
    const r = await runs.bundler;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(
      declarationFiles(r.stdout).sort(),
      [
        'node_modules/naverpay-checkout/index.d.ts',
        'node_modules/naverpay-checkout/v2.d.ts',
        'node_modules/naverpay-checkout/web.d.ts',
      ],
      'the declarations come from the installed tarball',
    );
  });

  test('moduleResolution node16: an ES-module server compiles without the DOM library', async () => {
    const r = await runs.node16;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(
      declarationFiles(r.stdout),
      ['node_modules/naverpay-checkout/node/naverpay_checkout.d.ts'],
      "the node condition brings the Node build's own declarations",
    );
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
    const errors = [...r.stdout.matchAll(/^(fail\/[\w.-]+)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(
      ([, file, line, code]) => `${file}:${line} ${code}`,
    );
    assert.deepEqual(
      errors,
      ['fail/music-ebook.ts:5 TS2322', 'fail/wrong-amount.ts:8 TS2322', 'fail/wrong-amount.ts:13 TS2322'],
      r.stdout,
    );
    assert.match(
      r.stdout,
      /"EBOOK"' is not assignable to type '(?=[^']*"CD")(?=[^']*"LP")(?=[^']*"USED")[^']*'/,
      'EBOOK is refused because MUSIC allows only CD, LP, USED',
    );
  });
});

// ---- browsers ----------------------------------------------------------------------------------

const FAIL_MESSAGE = '<img src=x onerror="window.__xss=1"> 결제 실패 😢 100% a+b&c';

/** Opens `url`, pays through the simulator's window and picks `action` there. */
async function payInPage(url, action, failMessage) {
  browser ??= await launchBrowser();
  const page = await browser.newPage();
  const problems = collectPageProblems(page);
  const requests = [];
  const failedRequests = [];
  page.on('request', (q) => requests.push(q.url()));
  page.on('requestfailed', (q) => failedRequests.push(`${q.url()}: ${q.failure()?.errorText}`));
  page.on('response', (q) => {
    if (q.status() >= 400) failedRequests.push(`${q.url()}: HTTP ${q.status()}`);
  });
  const reported = () => [...problems.pageErrors.map(String), ...problems.consoleErrors, ...failedRequests].join('; ');
  try {
    // An uncaught error before the page is ready ends the wait at once (a page that threw on
    // load would otherwise sit out the timeout).
    const thrown = new Promise((resolve, reject) => page.once('pageerror', reject));
    thrown.catch(() => {});
    await page.goto(url);
    await Promise.race([
      page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('status')?.textContent), null, {
        timeout: 60_000,
      }),
      thrown,
    ]).catch((e) => {
      throw new Error(`the page never got ready: ${reported() || e.message}`);
    });
    const ready = await page.evaluate(() => ({
      status: document.getElementById('status').textContent,
      message: document.getElementById('message').textContent,
    }));
    assert.equal(ready.status, 'ready', `the page loaded the package and the SDK: ${ready.message} ${reported()}`);
    await page.click('#pay');
    await page.waitForSelector('[data-imp-sim="dialog"]', { timeout: 10_000 });
    if (failMessage !== undefined) await page.fill('[data-imp-sim="fail-message"]', failMessage);
    await page.click(`[data-imp-sim="${action}"]`);
    await page.waitForFunction(
      () => ['paid', 'failed', 'error'].includes(document.getElementById('status').textContent),
      null,
      { timeout: 10_000 },
    );
    const r = await page.evaluate(() => ({
      status: document.getElementById('status').textContent,
      message: document.getElementById('message').textContent,
      messageElements: document.getElementById('message').children.length,
      result: JSON.parse(document.getElementById('result').textContent || 'null'),
      calls: IMP.__sim.calls.map((c) => ({ params: c.params, userActivation: c.userActivation, mode: c.mode })),
      xss: window.__xss ?? null,
    }));
    return {
      ...r,
      problems: [...problems.pageErrors.map(String), ...problems.consoleErrors],
      failedRequests: [...failedRequests],
      requests: [...requests],
    };
  } finally {
    await page.close();
  }
}

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
  });
}

// App servers still running when this process ends (a failed hook, an interrupted run) end with it.
const liveServerGroups = new Set();
process.on('exit', () => {
  for (const pid of liveServerGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
});

/**
 * Starts an app's own server (next start, next dev, vite) in its own process group and waits
 * until `readyPath` answers. close() ends that group (the tools start workers of their own).
 */
async function startAppServer(app, args) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args(port), {
    cwd: appDir(app),
    env: { ...process.env, ...TOOL_ENV },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  liveServerGroups.add(child.pid);
  exited.then(() => {
    gone = true;
    liveServerGroups.delete(child.pid);
  });
  const close = async () => {
    if (gone) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`${app}: ${args(port).join(' ')} exited (${JSON.stringify(await exited)}):\n${output}`);
    try {
      await fetch(`${url}/sim/imp.js`, { signal: AbortSignal.timeout(5000) });
      break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`${app}: ${args(port).join(' ')} did not answer in 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, close, output: () => output };
}

/** A static server for a built app or a plain page, with the simulator beside it at /sim. */
function serveStatic(root, { mounts = {}, routes = {} } = {}) {
  return startStaticServer({
    root,
    mounts: { '/sim': SIM, ...mounts },
    routes: { '/favicon.ico': { status: 204 }, ...routes },
  });
}

/** The static page of the apps whose bundler writes only JavaScript to dist/main.js. */
const serveBundle = (app) =>
  serveStatic(path.join(appDir(app), 'dist'), {
    mounts: { '/dist': path.join(appDir(app), 'dist') },
    routes: {
      '/': async (req, res, { send }) =>
        send(200, await readFile(path.join(CONSUMERS, 'shared', 'bundle.html')), 'text/html; charset=utf-8'),
    },
  });

/** Runs an app's npm script, fails with its output, returns that output. */
async function npmRun(app, script, ...args) {
  const r = await must('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], appDir(app), {
    env: TOOL_ENV,
    timeout: 300_000,
  });
  return r.stdout + r.stderr;
}

/** Lines of a tool's output that warn or fail about the package (other warnings are the app's own). */
const packageComplaints = (output) =>
  output.split('\n').filter((l) => /warn|error|\(!\)/i.test(l) && /naverpay|wasm/i.test(l));

const VALID_PARAMS = {
  merchant_uid: 'order_0001',
  name: 'History of the World',
  amount: 14000,
  naverProducts: [
    { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 },
  ],
};
const postJson = (url, body) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });

/**
 * A setup: `start` builds the app if it needs to and serves it, resolving { url, close };
 * `pages` are paths to pay on; `wasm` says whether the page fetches a .wasm (only the /web entry
 * does: the default entry carries its wasm inside the JavaScript); `server` adds HTTP checks.
 */
function browserSetup(name, app, { start, pages = ['/'], wasm = false, server }) {
  describe(`${name} (tests/consumers/${app})`, () => {
    // Started by the first test that needs it (a --test-name-pattern run builds only what it runs);
    // a failed start fails each test that awaits it, with the cause.
    let starting;
    const started = () => (starting ??= start());
    after(async () => {
      await (await starting?.catch(() => null))?.close();
    });

    test(`${name}: builds and serves the app with no configuration for the package`, { timeout: 360_000 }, async () => {
      await started();
    });

    if (server) server(started);

    for (const pagePath of pages) {
      const where = pages.length > 1 ? ` (${pagePath})` : '';
      test(
        `${name}${where}: a simulated payment approved in Chromium shows the imp_uid`,
        { timeout: 120_000 },
        async () => {
          const { url } = await started();
          const r = await payInPage(`${url}${pagePath}`, 'approve');
          assert.deepEqual(r.problems, [], 'no page error');
          assert.deepEqual(r.failedRequests, [], 'no request failed');
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
          const wasmRequests = r.requests.filter((u) => new URL(u).pathname.endsWith('.wasm'));
          if (wasm) assert.equal(wasmRequests.length, 1, `the .wasm was fetched once: ${r.requests.join(' ')}`);
          else
            assert.deepEqual(wasmRequests, [], 'the default entry fetches no .wasm: it travels inside the JavaScript');
        },
      );

      test(`${name}${where}: a failure shows the PG's error_msg verbatim, as text`, { timeout: 120_000 }, async () => {
        const { url } = await started();
        const r = await payInPage(`${url}${pagePath}`, 'fail', FAIL_MESSAGE);
        assert.deepEqual(r.problems, [], 'no page error');
        assert.deepEqual(r.failedRequests, [], 'no request failed');
        assert.equal(r.status, 'failed', r.message);
        assert.equal(r.result.success, false);
        assert.equal(r.result.error_msg, FAIL_MESSAGE);
        assert.equal(r.message, FAIL_MESSAGE);
        assert.equal(r.messageElements, 0, 'rendered as text, not HTML');
        assert.equal(r.xss, null, 'no script ran');
      });
    }
  });
}

// Next.js: one app, run four ways one after another; .next/ is cleared before each.
const NEXT_BIN = ['node_modules/next/dist/bin/next'];
async function startNext(args) {
  await rm(path.join(appDir('next'), '.next'), { recursive: true, force: true });
  if (args[0] === 'build') {
    const r = await must(process.execPath, [...NEXT_BIN, ...args], appDir('next'), { env: TOOL_ENV, timeout: 300_000 });
    assert.deepEqual(packageComplaints(r.stdout + r.stderr), [], 'next build says nothing about the package');
    return startAppServer('next', (port) => [...NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1']);
  }
  return startAppServer('next', (port) => [...NEXT_BIN, ...args, '-p', String(port), '-H', '127.0.0.1']);
}

/** The server half of a Next.js app: the 'use client' page's HTML and the Route Handlers, over HTTP. */
function nextServerChecks(name) {
  return (started) => {
    test(
      `${name}: the 'use client' page importing the package renders on the server`,
      { timeout: 180_000 },
      async () => {
        const { url } = await started();
        const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(120_000) });
        const html = await res.text();
        assert.equal(res.status, 200, html.slice(0, 2000));
        assert.match(res.headers.get('content-type'), /^text\/html/);
        assert.match(
          html,
          /<button id="pay" type="button" disabled="">네이버페이로 결제<\/button>/,
          'the page markup is in the server HTML',
        );
        assert.match(html, /<p id="status">loading<\/p>/);
      },
    );

    test(
      `${name}: Route Handlers validate params and build a cancel body on the server`,
      { timeout: 180_000 },
      async () => {
        const { url } = await started();
        const okRes = await postJson(`${url}/api/validate`, VALID_PARAMS);
        const ok = await okRes.json();
        assert.equal(okRes.status, 200);
        assert.equal(ok.ok, true, JSON.stringify(ok.errors));
        assert.equal(ok.request.pg, 'naverpay');
        assert.equal(ok.request.naverPopupMode, true);
        const bad = await (
          await postJson(`${url}/api/validate`, { ...VALID_PARAMS, amount: '14000', imp_secret: 'shh' })
        ).json();
        assert.equal(bad.ok, false);
        assert.deepEqual(
          bad.errors.map((e) => [e.field, e.code]),
          [
            ['amount', 'INVALID_TYPE'],
            ['imp_secret', 'SECRET_IN_BROWSER'],
          ],
        );

        const cancelRes = await postJson(`${url}/api/cancel`, {
          imp_uid: 'imp_123412341234',
          amount: 5000,
          reason: '고객 요청',
        });
        const cancel = await cancelRes.json();
        assert.equal(cancelRes.status, 200, JSON.stringify(cancel));
        // SPEC.md: extra.requester defaults to admin and is always written out.
        assert.deepEqual(cancel.json, {
          imp_uid: 'imp_123412341234',
          amount: 5000,
          reason: '고객 요청',
          extra: { requester: 'admin' },
        });
        assert.equal(new URLSearchParams(cancel.form).get('reason'), '고객 요청');
        const refused = await postJson(`${url}/api/cancel`, { amount: -1 });
        assert.equal(refused.status, 400);
        const body = await refused.json();
        assert.equal(body.code, 'INVALID_PARAMS');
        assert.deepEqual(body.fields.sort(), ['amount', 'imp_uid', 'reason']);
      },
    );

    test(`${name}: a Route Handler verifies payments with naverpay-checkout/server`, { timeout: 180_000 }, async () => {
      const { url } = await started();
      const { startRestSimulator } = await import('../testing/rest.mjs');
      const sim = await startRestSimulator({ impKey: 'key_next_consumer', impSecret: 'secret_next_consumer' });
      try {
        const pay = (imp_uid, amount) =>
          postJson(`${sim.url}/__sim/payments`, { imp_uid, merchant_uid: 'order_next', amount, status: 'paid' });
        await pay('imp_000000000101', 15000);
        await pay('imp_000000000102', 100);
        const verify = async (imp_uid) =>
          (
            await postJson(`${url}/api/verify`, {
              baseUrl: sim.url,
              imp_uid,
              merchant_uid: 'order_next',
              amount: 15000,
            })
          ).json();
        assert.deepEqual(await verify('imp_000000000101'), { verdict: 'paid', cancelled: false });
        assert.deepEqual(await verify('imp_000000000102'), { verdict: 'amount_mismatch', cancelled: true });
        assert.deepEqual(
          sim.rest.snapshot().cancellations.map((c) => [c.imp_uid, c.requester, c.accepted]),
          [['imp_000000000102', 'admin', true]],
        );
      } finally {
        await sim.close();
      }
    });
  };
}

for (const [name, args] of [
  ['Next.js next build (Turbopack) + next start', ['build']],
  ['Next.js next build --webpack + next start', ['build', '--webpack']],
  ['Next.js next dev (Turbopack)', ['dev']],
  ['Next.js next dev --webpack', ['dev', '--webpack']],
]) {
  browserSetup(name, 'next', { start: () => startNext(args), server: nextServerChecks(name) });
}

for (const app of ['vite7', 'vite8']) {
  const version = app.slice(4);
  browserSetup(`Vite ${version} vite build`, app, {
    start: async () => {
      await rm(path.join(appDir(app), 'dist'), { recursive: true, force: true });
      const out = await npmRun(app, 'build');
      assert.deepEqual(packageComplaints(out), [], 'vite build says nothing about the package');
      return serveStatic(path.join(appDir(app), 'dist'));
    },
  });
  browserSetup(`Vite ${version} dev server`, app, {
    // --force: dependency pre-bundling starts afresh from the installed tarball.
    start: () =>
      startAppServer(app, (port) => [
        'node_modules/vite/bin/vite.js',
        '--port',
        String(port),
        '--strictPort',
        '--host',
        '127.0.0.1',
        '--force',
      ]),
  });
}

for (const [name, app] of [
  ['webpack 5 (no experiments)', 'webpack'],
  ['esbuild --bundle', 'esbuild'],
  ['Rollup 4 + node-resolve', 'rollup'],
]) {
  browserSetup(name, app, {
    start: async () => {
      await rm(path.join(appDir(app), 'dist'), { recursive: true, force: true });
      const out = await npmRun(app, 'build');
      assert.deepEqual(packageComplaints(out), [], `${app} says nothing about the package`);
      assert.ok(existsSync(path.join(appDir(app), 'dist', 'main.js')), `${app} wrote dist/main.js`);
      return serveBundle(app);
    },
  });
}

browserSetup('Parcel 2', 'parcel', {
  start: async () => {
    await rm(path.join(appDir('parcel'), 'dist'), { recursive: true, force: true });
    const out = await npmRun('parcel', 'build');
    assert.deepEqual(packageComplaints(out), [], 'parcel says nothing about the package');
    return serveStatic(path.join(appDir('parcel'), 'dist'));
  },
});

// Plain pages, served as files with node_modules/ beside them.
browserSetup('<script type="module"> with the default entry', 'web', {
  start: () => serveStatic(appDir('web'), { mounts: { '/shared': path.join(CONSUMERS, 'shared') } }),
  pages: ['/path.html', '/importmap.html'],
});
browserSetup('<script type="module"> with naverpay-checkout/web and init()', 'web', {
  start: () => serveStatic(appDir('web'), { mounts: { '/shared': path.join(CONSUMERS, 'shared') } }),
  pages: ['/init.html'],
  wasm: true,
});
browserSetup('classic <script src> page (window.NaverPayCheckout)', 'classic', {
  start: async () => {
    // The shared page script as a classic script: its one export becomes a global function.
    const source = await readFile(PAGE_SCRIPT, 'utf8');
    const classic = source.replace(/^export (async function runCheckoutPage)/m, '$1');
    assert.notEqual(classic, source);
    assert.doesNotMatch(classic, /^\s*(import|export)\b/m, 'no module syntax left');
    return serveStatic(appDir('classic'), {
      routes: { '/shared/checkout-page.classic.js': { body: classic, type: 'text/javascript; charset=utf-8' } },
    });
  },
  // index.html as the npm README writes it (`var npc = window.NaverPayCheckout`); destructured.html
  // takes the names out with a top-level `const { NaverPayCheckout, … } = window.NaverPayCheckout`.
  pages: ['/', '/destructured.html'],
});
