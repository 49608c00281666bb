// The server examples of the user guide (docs/npm-readme.md, "Server side") run as written: the Next.js Route
// Handler (its POST called with a Request, as Next.js does), the Express webhook handler (on a small stand-in for
// express, as tests/testing-kit.test.mjs stands in for @playwright/test: express is not a dependency of this
// repository) and the V2 webhook Route Handler. V1's reach PortOne through the REST simulator's in-memory fetch,
// which answers https://api.iamport.kr; V2's through V2's simulator on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRestFetch, API_URL } from '../testing/rest.mjs';
import { createRestV2Simulator } from '../sim/rest-v2.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(REPO_ROOT, 'pkg');

/** The ```js block after `<!-- example: name -->` in the user guide. */
async function example(name) {
  const doc = await readFile(path.join(REPO_ROOT, 'docs/npm-readme.md'), 'utf8');
  const m = doc.match(new RegExp(`<!-- example: ${name} -->\\n\`\`\`js\\n([\\s\\S]*?)\\n\`\`\`\\n`));
  assert.ok(m, `docs/npm-readme.md has the example ${name}`);
  return m[1];
}

// express(), express.text() and the parts of req/res the example uses, on node:http.
const EXPRESS_SHIM = `
import http from 'node:http';
export default function express() {
  const routes = [];
  const app = (req, res) => {
    res.sendStatus = (status) => { res.writeHead(status, { 'Content-Type': 'text/plain' }); res.end(http.STATUS_CODES[status]); };
    const route = routes.find((r) => r.method === req.method && r.path === req.url.split('?')[0]);
    if (!route) return res.sendStatus(404);
    const run = (i) => route.handlers[i]?.(req, res, () => run(i + 1));
    run(0);
  };
  app.post = (path, ...handlers) => routes.push({ method: 'POST', path, handlers });
  app.listen = (port, host, cb) => http.createServer(app).listen(port, host, cb);
  return app;
}
express.text = () => (req, res, next) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => { req.body = Buffer.concat(chunks).toString('utf8'); next(); });
};
`;

// The merchant's order store.
const ORDERS = `
const store = new Map([['order_0001', { amount: 15000, paid: [] }], ['order_v2', { amount: 15000, paid: [] }],
  ['order_v2_tampered', { amount: 15000, paid: [] }]]);
export const orders = {
  async get(merchant_uid) { return store.get(merchant_uid); },
  async markPaid(merchant_uid, imp_uid) { const o = store.get(merchant_uid); if (!o.paid.includes(imp_uid)) o.paid.push(imp_uid); },
  store,
};
`;

let tmp;
let sim;
let nextRoute;
let expressApp;
let orders;
let v2Route;
let v2;
let v2Server;
before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'naverpay-server-docs-'));
  const rewrite = (code) =>
    code
      .replaceAll("'naverpay-checkout/server'", `'${pathToFileURL(path.join(PKG, 'server/index.mjs')).href}'`)
      .replaceAll("'naverpay-checkout'", `'${pathToFileURL(path.join(PKG, 'node/naverpay_checkout.js')).href}'`)
      .replaceAll("'express'", "'./express.mjs'");
  await writeFile(path.join(tmp, 'express.mjs'), EXPRESS_SHIM);
  await writeFile(path.join(tmp, 'orders.js'), ORDERS);
  await writeFile(path.join(tmp, 'package.json'), '{ "type": "module" }');
  await writeFile(path.join(tmp, 'route.js'), rewrite(await example('server-next')));
  await writeFile(path.join(tmp, 'webhook.js'), rewrite(await example('server-express')));
  await writeFile(path.join(tmp, 'webhook-v2.js'), rewrite(await example('server-v2')));
  // V2's simulator on 127.0.0.1; the example's client reaches it through a fetch that maps PortOne's V2 URL there.
  v2 = createRestV2Simulator({ apiSecret: 'v2_docs_secret' });
  v2Server = http.createServer((req, res) => {
    if (!v2.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise((r) => v2Server.listen(0, '127.0.0.1', r));
  const v2Url = `http://127.0.0.1:${v2Server.address().port}`;
  // The examples create their clients with globalThis.fetch at import: the simulator's, for that moment.
  sim = createRestFetch({ impKey: 'key_docs', impSecret: 'secret_docs' });
  const realFetch = globalThis.fetch;
  process.env.IMP_KEY = 'key_docs';
  process.env.IMP_SECRET = 'secret_docs';
  process.env.PORTONE_API_SECRET = v2.apiSecret;
  process.env.PORTONE_WEBHOOK_SECRET = v2.webhookSecret;
  globalThis.fetch = (input, init) =>
    String(input).startsWith('https://api.portone.io/')
      ? realFetch(String(input).replace('https://api.portone.io', v2Url), init)
      : sim.fetch(input, init);
  try {
    v2Route = await import(pathToFileURL(path.join(tmp, 'webhook-v2.js')).href);
    nextRoute = await import(pathToFileURL(path.join(tmp, 'route.js')).href);
    ({ app: expressApp } = await import(pathToFileURL(path.join(tmp, 'webhook.js')).href));
    ({ orders } = await import(pathToFileURL(path.join(tmp, 'orders.js')).href));
  } finally {
    globalThis.fetch = realFetch;
    delete process.env.IMP_KEY;
    delete process.env.IMP_SECRET;
    delete process.env.PORTONE_API_SECRET;
    delete process.env.PORTONE_WEBHOOK_SECRET;
  }
});
after(async () => {
  await new Promise((r) => v2Server?.close(r) ?? r());
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function pay(imp_uid, amount) {
  await sim.fetch(`${API_URL}/__sim/payments`, {
    method: 'POST',
    body: JSON.stringify({ imp_uid, merchant_uid: 'order_0001', amount, status: 'paid' }),
  });
}

test('npm README: the Next.js Route Handler refuses and cancels a tampered payment, accepts an honest one', async () => {
  const call = async (body) => {
    const res = await nextRoute.POST(
      new Request('http://shop.test/api/payments/complete', { method: 'POST', body: JSON.stringify(body) }),
    );
    return { status: res.status, body: await res.json() };
  };
  await pay('imp_000000000001', 100);
  assert.deepEqual(await call({ imp_uid: 'imp_000000000001', merchant_uid: 'order_0001' }), {
    status: 200,
    body: { verdict: 'amount_mismatch', cancelled: true },
  });
  const [cancel] = sim.rest.snapshot().cancellations;
  assert.deepEqual([cancel.accepted, cancel.requester], [true, 'admin']);
  await pay('imp_000000000002', 15000);
  assert.deepEqual(await call({ imp_uid: 'imp_000000000002', merchant_uid: 'order_0001' }), {
    status: 200,
    body: { verdict: 'paid', cancelled: false },
  });
  assert.deepEqual(orders.store.get('order_0001').paid, ['imp_000000000002']);
  assert.equal((await call({ imp_uid: 'imp_1', merchant_uid: 'order_9999' })).status, 404);
});

test('npm README: the Express webhook handler takes JSON and forms, twice is once, a malformed notice is a 400', async () => {
  const server = await new Promise((resolve) => {
    const s = expressApp.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${server.address().port}/portone-webhook`;
  const post = (body, type) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body }).then((r) => r.status);
  try {
    await pay('imp_000000000003', 15000);
    const notice = { imp_uid: 'imp_000000000003', merchant_uid: 'order_0001', status: 'paid' };
    assert.equal(await post(JSON.stringify(notice), 'application/json'), 200);
    assert.equal(await post(new URLSearchParams(notice).toString(), 'application/x-www-form-urlencoded'), 200);
    assert.equal(orders.store.get('order_0001').paid.filter((i) => i === 'imp_000000000003').length, 1);
    assert.equal(await post('{"imp_uid": 5}', 'application/json'), 400);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test('npm README: the V2 Route Handler takes only signed webhooks, marks an honest payment paid once, cancels a tampered one', async () => {
  const deliver = (text, headers) =>
    v2Route
      .POST(new Request('http://shop.test/api/portone-webhook', { method: 'POST', headers, body: text }))
      .then((r) => r.status);
  const notice = (paymentId) =>
    JSON.stringify({ type: 'Transaction.Paid', timestamp: new Date().toISOString(), data: { paymentId } });
  const seed = (body) =>
    fetch(`http://127.0.0.1:${v2Server.address().port}/__sim/payments`, { method: 'POST', body: JSON.stringify(body) });
  await seed({ id: 'order_v2', amount: 15000 });
  const text = notice('order_v2');
  assert.equal(await deliver(text, v2.signWebhook(text)), 200);
  assert.equal(await deliver(text, v2.signWebhook(text)), 200);
  assert.equal(orders.store.get('order_v2').paid.length, 1);
  assert.equal(await deliver(text, { ...v2.signWebhook(text), 'webhook-signature': 'v1,AAAA' }), 400);

  await seed({ id: 'order_v2_tampered', amount: 100 });
  const tampered = notice('order_v2_tampered');
  assert.equal(await deliver(tampered, v2.signWebhook(tampered)), 200);
  assert.deepEqual(orders.store.get('order_v2_tampered').paid, []);
  assert.deepEqual(
    v2.state.cancellations.map((c) => [c.paymentId, c.body.requester, c.accepted]),
    [['order_v2_tampered', 'ADMIN', true]],
  );
});
