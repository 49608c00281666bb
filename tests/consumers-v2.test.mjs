// naverpay-checkout/v2 as its users meet it: the tarball `npm pack ./pkg` makes, installed with
// `npm install <tgz>` into a fresh app, imported by Node (import and require) and bundled with NO
// configuration for the package by esbuild and webpack 5 (the repository's own copies of both
// tools), by Rollup 4 with only node-resolve, Vite 7 and 8 and Parcel 2 (the apps of
// tests/consumers/, their own locked tools, the tarball installed into each as
// tests/consumers.test.mjs does), or loaded as a classic script (global/naverpay-checkout-v2.js),
// or a Next.js 16 client page (tests/consumers/next/app/v2: next build with Turbopack and with --webpack,
// served by next start, and next dev), or served by the Vite 7 and 8 dev servers, then paying through the
// V2 simulator in Chromium; and TypeScript (--strict; moduleResolution bundler, node16 and nodenext, ES module
// and CommonJS .cts) on a V2 page against the published declarations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import net from 'node:net';
import { copyFile, mkdtemp, rm, writeFile, mkdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, collectPageProblems } from './support/browser.mjs';
import { startStaticServer } from './support/server.mjs';
import { REPO_ROOT } from './support/pkg.mjs';

const BIN = path.join(REPO_ROOT, 'node_modules', '.bin');
const CLEAN_ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_'))),
  NEXT_TELEMETRY_DISABLED: '1',
};

function must(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd, env: CLEAN_ENV, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}\n${stdout}\n${stderr}`))
          : resolve(stdout + stderr),
    );
  });
}

// The page a V2 merchant writes: the npm README's snippet, with the simulator as the SDK.
const PAGE = `import { NaverPayCheckout, validateNaverPayV2, isNaverPayError } from 'naverpay-checkout/v2';
const $ = (id) => document.getElementById(id);
document.body.innerHTML = '<button id="pay" disabled>pay</button><p id="status">loading</p><p id="message"></p><pre id="result"></pre>';
const params = { paymentId: 'order_' + Date.now(), totalAmount: 14000,
  bypass: { naverpay: { productItems: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 }] } } };
try {
  if (!validateNaverPayV2({ ...params, storeId: 's', channelKey: 'c' }, { mode: 'popup' }).ok) throw new Error('invalid');
  const checkout = await NaverPayCheckout.load({ storeId: 'store-1', channelKey: 'channel-key-1', sdkUrl: '/sim/portone-v2.js' });
  $('pay').disabled = false;
  $('status').textContent = 'ready';
  $('pay').addEventListener('click', async () => {
    try {
      const result = await checkout.pay(params, { mode: 'popup' });
      $('result').textContent = JSON.stringify(result);
      $('message').textContent = result.success ? result.merchant_uid : result.error_msg;
      $('status').textContent = result.success ? 'paid' : 'failed';
    } catch (e) {
      $('message').textContent = isNaverPayError(e) ? e.code : String(e);
      $('status').textContent = 'error';
    }
  });
} catch (e) {
  $('message').textContent = String(e);
  $('status').textContent = 'error';
}
`;
const HTML =
  '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/dist/main.js"></script>';

let tmp, app, browser, tarball;
const CONSUMERS = path.join(REPO_ROOT, 'tests', 'consumers');

/** `npm ci` in a consumer app unless its node_modules matches its lock file (as tests/consumers.test.mjs). */
async function installConsumer(name) {
  const dir = path.join(CONSUMERS, name);
  const hidden = path.join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(hidden) || (await stat(hidden)).mtimeMs < (await stat(path.join(dir, 'package-lock.json'))).mtimeMs) {
    await must('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  }
  await must('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-save', tarball], dir);
  // The V2 page in the app's shared/ folder (git ignores it): the page script and, for the bundlers
  // that start from HTML, its page.
  const page = path.join(dir, 'shared', 'v2');
  await mkdir(page, { recursive: true });
  await writeFile(path.join(page, 'main.js'), PAGE);
  await writeFile(
    path.join(page, 'index.html'),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">' +
      '<body><script type="module" src="./main.js"></script></body>',
  );
  return dir;
}

before(
  async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'npc-consumers-v2-'));
    const packed = JSON.parse(
      await must(
        'npm',
        ['pack', path.join(REPO_ROOT, 'pkg'), '--pack-destination', tmp, '--json', '--loglevel=error'],
        REPO_ROOT,
      ),
    );
    tarball = path.join(tmp, packed[0].filename);
    app = path.join(tmp, 'app');
    await mkdir(path.join(app, 'src'), { recursive: true });
    await writeFile(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'v2-consumer', private: true, type: 'module' }),
    );
    await must('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-save', tarball], app);
    await writeFile(path.join(app, 'src', 'index.js'), PAGE);
    browser = await launchBrowser();
  },
  { timeout: 300_000 },
);
after(async () => {
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('Node: import and require give the V2 API from the installed tarball', async () => {
  const script = `
    const esm = await import('naverpay-checkout/v2');
    const { createRequire } = await import('node:module');
    const cjs = createRequire(process.cwd() + '/x.js')('naverpay-checkout/v2');
    const { request } = cjs.toV2PaymentRequest({ merchant_uid: 'o', amount: 1000, naverProducts: [{ categoryType: 'BOOK',
      categoryId: 'GENERAL', uid: '1', name: 'Book', count: 1 }] }, { storeId: 's', channelKey: 'c' });
    console.log(JSON.stringify([typeof esm.NaverPayCheckout, esm.validateNaverPayV2(request).ok, cjs.validateNaverPayV2(request).ok,
      typeof esm.validateNaverPay]));`;
  await writeFile(path.join(app, 'check.mjs'), script);
  assert.equal((await must(process.execPath, ['check.mjs'], app)).trim(), '["function",true,true,"undefined"]');
});

/** Serves `dist` (and `html` at /) with the simulator at /sim, pays in Chromium and returns what the page showed. */
async function pay(dist, action, pgMessage, html = HTML) {
  const server = await startStaticServer({
    root: dist,
    mounts: { '/sim': path.join(REPO_ROOT, 'sim'), '/dist': dist },
    routes: { '/': { status: 200, body: html, type: 'text/html; charset=utf-8' } },
  });
  try {
    return await payAt(server.url + '/', action, pgMessage);
  } finally {
    await server.close();
  }
}

/** Opens `url`, pays (`action` on the simulator's window, or scripted with `pgMessage`), returns what the page showed. */
async function payAt(url, action, pgMessage) {
  const page = await browser.newPage();
  const problems = collectPageProblems(page);
  try {
    await page.goto(url);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('status')?.textContent));
    assert.equal(
      await page.$eval('#status', (e) => e.textContent),
      'ready',
      await page.$eval('#message', (e) => e.textContent),
    );
    if (pgMessage !== undefined)
      await page.evaluate(([a, m]) => PortOne.__sim.setOutcome({ result: a, pgMessage: m }), [action, pgMessage]);
    await page.click('#pay');
    if (pgMessage === undefined) await page.click(`[data-portone-sim="${action}"]`);
    await page.waitForFunction(() =>
      ['paid', 'failed', 'error'].includes(document.getElementById('status').textContent),
    );
    const r = await page.evaluate(() => ({
      status: document.getElementById('status').textContent,
      message: document.getElementById('message').textContent,
      calls: PortOne.__sim.calls.length,
      userActivation: PortOne.__sim.calls[0]?.userActivation,
    }));
    assert.deepEqual(problems.pageErrors.map(String), []);
    return r;
  } finally {
    await page.close();
  }
}

const FAIL = '<img src=x onerror="window.__xss=1"> 결제 실패 😢 100% a+b&c';
for (const [name, build] of [
  [
    'esbuild --bundle',
    (dist) =>
      must(
        path.join(BIN, 'esbuild'),
        ['src/index.js', '--bundle', '--minify', '--format=esm', `--outfile=${dist}/main.js`],
        app,
      ),
  ],
  [
    'webpack 5 (no config file)',
    (dist) =>
      must(
        path.join(BIN, 'webpack'),
        ['--mode', 'production', '--entry', './src/index.js', '--output-path', dist, '--output-filename', 'main.js'],
        app,
      ),
  ],
]) {
  test(
    `${name}: a V2 page bundled with no configuration pays, and shows pgMessage as it came`,
    { timeout: 300_000 },
    async () => {
      const dist = path.join(app, `dist-${name.split(' ')[0]}`);
      await build(dist);
      const ok = await pay(dist, 'approve');
      assert.deepEqual([ok.status, ok.calls, ok.userActivation], ['paid', 1, true]);
      assert.match(ok.message, /^order_\d+$/);
      const failed = await pay(dist, 'fail', FAIL);
      assert.deepEqual([failed.status, failed.message], ['failed', FAIL]);
      assert.ok(
        (await readFile(path.join(dist, 'main.js'), 'utf8')).length > 100_000,
        'the wasm travels inside the bundle',
      );
    },
  );
}

test('a classic-script page: global/naverpay-checkout-v2.js defines window.NaverPayCheckoutV2 and pays', async () => {
  const dir = path.join(tmp, 'classic');
  await mkdir(dir, { recursive: true });
  await copyFile(
    path.join(app, 'node_modules', 'naverpay-checkout', 'global', 'naverpay-checkout-v2.js'),
    path.join(dir, 'npc-v2.js'),
  );
  // The page's own code as a classic script: no module, no await at the top.
  const classic = PAGE.replace(
    /^import .*$/m,
    'const { NaverPayCheckout, validateNaverPayV2, isNaverPayError } = window.NaverPayCheckoutV2;',
  )
    .replace(/^try \{/m, '(async () => { try {')
    .replace(/\}\n$/, '} })();\n');
  await writeFile(path.join(dir, 'page.js'), classic);
  const html =
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">' +
    '<script src="/dist/npc-v2.js" defer></script><script src="/dist/page.js" defer></script>';
  const ok = await pay(dir, 'approve', undefined, html);
  assert.deepEqual([ok.status, ok.calls, ok.userActivation], ['paid', 1, true]);
});

for (const [title, consumer, build] of [
  [
    'Rollup 4 with only node-resolve',
    'rollup',
    (dir, dist) =>
      must(
        path.join(dir, 'node_modules/.bin/rollup'),
        ['shared/v2/main.js', '--plugin', 'node-resolve', '--format', 'es', '--file', `${dist}/main.js`],
        dir,
      ),
  ],
  ...['vite7', 'vite8'].map((vite) => [
    `Vite ${vite.slice(4)} (vite build)`,
    vite,
    (dir, dist) =>
      must(path.join(dir, 'node_modules/.bin/vite'), ['build', 'shared/v2', '--outDir', dist, '--emptyOutDir'], dir),
  ]),
  [
    'Parcel 2 (parcel build)',
    'parcel',
    (dir, dist) =>
      must(
        path.join(dir, 'node_modules/.bin/parcel'),
        [
          'build',
          'shared/v2/index.html',
          '--dist-dir',
          dist,
          '--no-source-maps',
          '--cache-dir',
          path.join(tmp, 'parcel-cache'),
        ],
        dir,
      ),
  ],
]) {
  test(
    `${title}: a V2 page built with no configuration for the package pays, and shows pgMessage as it came`,
    { timeout: 600_000 },
    async () => {
      const dir = await installConsumer(consumer);
      const dist = path.join(tmp, `dist-${consumer}`);
      await build(dir, dist);
      const html = existsSync(path.join(dist, 'index.html'))
        ? await readFile(path.join(dist, 'index.html'), 'utf8')
        : HTML;
      const ok = await pay(dist, 'approve', undefined, html);
      assert.deepEqual([ok.status, ok.calls, ok.userActivation], ['paid', 1, true]);
      const failed = await pay(dist, 'fail', FAIL, html);
      assert.deepEqual([failed.status, failed.message], ['failed', FAIL]);
    },
  );
}

/** A free TCP port on the loopback interface. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
  });

/**
 * Starts `node <args> -p <port> -H 127.0.0.1` in `dir` in its own process group and waits until `path` answers
 * 200; close() ends the group (the tools start workers of their own).
 */
async function startAppServer(dir, args, readyPath) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args(port), {
    cwd: dir,
    env: CLEAN_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
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
  exited.then(() => {
    gone = true;
  });
  const close = async () => {
    if (gone) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* gone */
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
  for (const deadline = Date.now() + 180_000; ;) {
    if (gone) throw new Error(`${args(port).join(' ')} exited (${JSON.stringify(await exited)}):\n${output}`);
    const ok = await fetch(url + readyPath, { signal: AbortSignal.timeout(120_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`${args(port).join(' ')} did not answer in 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, close };
}

for (const [title, build, serve] of [
  ['next build (Turbopack) + next start', ['build'], 'start'],
  ['next build --webpack + next start', ['build', '--webpack'], 'start'],
  ['next dev (Turbopack)', null, 'dev'],
]) {
  test(`Next.js 16 ${title}: the V2 client page renders on the server and pays`, { timeout: 900_000 }, async () => {
    const dir = await installConsumer('next');
    // The app's V1 page needs the shared page script; the V2 page loads the simulator from public/.
    await copyFile(path.join(CONSUMERS, 'shared', 'checkout-page.js'), path.join(dir, 'shared', 'checkout-page.js'));
    await mkdir(path.join(dir, 'public', 'sim'), { recursive: true });
    await copyFile(path.join(REPO_ROOT, 'sim', 'portone-v2.js'), path.join(dir, 'public', 'sim', 'portone-v2.js'));
    await rm(path.join(dir, '.next'), { recursive: true, force: true });
    const next = path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next');
    if (build) await must(process.execPath, [next, ...build], dir);
    const server = await startAppServer(
      dir,
      (port) => [next, serve, '-p', String(port), '-H', '127.0.0.1'],
      '/sim/portone-v2.js',
    );
    try {
      const html = await fetch(`${server.url}/v2`, { signal: AbortSignal.timeout(120_000) }).then((r) => r.text());
      assert.match(html, /PortOne V2/, 'the page rendered on the server');
      const ok = await payAt(`${server.url}/v2`, 'approve');
      assert.deepEqual([ok.status, ok.calls, ok.userActivation], ['paid', 1, true]);
      const failed = await payAt(`${server.url}/v2`, 'fail', FAIL);
      assert.deepEqual([failed.status, failed.message], ['failed', FAIL]);
    } finally {
      await server.close();
    }
  });
}

for (const vite of ['vite7', 'vite8']) {
  test(
    `Vite ${vite.slice(4)} dev server: a V2 page served by vite (dependency pre-bundling) pays, and shows pgMessage as it came`,
    { timeout: 600_000 },
    async () => {
      const dir = await installConsumer(vite);
      // The dev server serves shared/v2; its public/ folder holds the simulator at /sim.
      await mkdir(path.join(dir, 'shared', 'v2', 'public', 'sim'), { recursive: true });
      await copyFile(
        path.join(REPO_ROOT, 'sim', 'portone-v2.js'),
        path.join(dir, 'shared', 'v2', 'public', 'sim', 'portone-v2.js'),
      );
      // --force: dependency pre-bundling starts afresh from the installed tarball.
      const server = await startAppServer(
        dir,
        (port) => [
          'node_modules/vite/bin/vite.js',
          'shared/v2',
          '--port',
          String(port),
          '--strictPort',
          '--host',
          '127.0.0.1',
          '--force',
        ],
        '/sim/portone-v2.js',
      );
      try {
        const ok = await payAt(`${server.url}/`, 'approve');
        assert.deepEqual([ok.status, ok.calls, ok.userActivation], ['paid', 1, true]);
        const failed = await payAt(`${server.url}/`, 'fail', FAIL);
        assert.deepEqual([failed.status, failed.message], ['failed', FAIL]);
      } finally {
        await server.close();
      }
    },
  );
}

test(
  'TypeScript (moduleResolution bundler, --strict): a V2 page compiles against the published v2.d.ts',
  { timeout: 300_000 },
  async () => {
    const dir = await installConsumer('typescript');
    await must(path.join(dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.bundler.json', '--strict', '--noEmit'], dir);
  },
);

// Node's resolution takes the "node" condition: the V2 Node build's own declarations (CommonJS-typed, so that a
// .cts may require the entry under node16 too: with v2.d.ts alone that was TS1471).
for (const [config, files] of [
  ['tsconfig.v2-node16.json', ['src/v2.ts']],
  ['tsconfig.v2-node16-cjs.json', ['src/v2.cts']],
  ['tsconfig.v2-nodenext.json', ['src/v2.ts', 'src/v2.cts']],
]) {
  test(
    `TypeScript (${config}): a V2 page (${files.join(', ')}) compiles against the published v2.d.ts`,
    { timeout: 300_000 },
    async () => {
      const dir = await installConsumer('typescript');
      const listed = await must(
        path.join(dir, 'node_modules/.bin/tsc'),
        ['-p', config, '--strict', '--noEmit', '--listFiles'],
        dir,
      );
      const ours = listed
        .split('\n')
        .filter((l) => l.includes('naverpay-checkout') || l.includes('/src/'))
        .map((l) => path.relative(dir, l.trim()))
        .sort();
      assert.deepEqual(
        ours,
        [
          'node_modules/naverpay-checkout/node/naverpay_checkout.d.ts',
          'node_modules/naverpay-checkout/v2/node/naverpay_checkout.d.ts',
          ...files,
        ].sort(),
        'the declarations come from the installed tarball',
      );
    },
  );
}
