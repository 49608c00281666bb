// The demo shop's server: static files (dist/, sim/), a Content-Security-Policy, the merchant backend
// (/api/…), and, unless IMP_CODE is set, the PortOne V1 REST simulator under /portone (and, unless PORTONE_STORE_ID
// is set, the PortOne V2 REST simulator under /portone-v2).
//
//   npm start                              offline: sim/imp.js in the page, sim/rest.mjs behind the backend;
//                                          V2 (/v2.html): sim/portone-v2.js in the page, sim/rest-v2.mjs behind it
//   IMP_CODE=imp12345678 npm start         the real SDK (https://cdn.iamport.kr/v1/iamport.js) with that code;
//     IMP_KEY=… IMP_SECRET=…               the backend then verifies against https://api.iamport.kr
//   PORT=9000 npm start                    another port (default 8080); always 127.0.0.1
//   PORTONE_STORE_ID=store-… PORTONE_CHANNEL_KEY=channel-key-… npm start
//                                          the V2 page on PortOne's real V2 SDK with that store and channel;
//     PORTONE_API_SECRET=…                 the backend then verifies V2 payments against https://api.portone.io
//   CSP_REPORT=1 npm start                 the CSP gets a report-uri; the server prints every violation
//
// The backend verifies every payment with naverpay-checkout/server (server/index.mjs) before it shows it as paid.
//
// import { startDemoServer } from './www/server.mjs';
// const demo = await startDemoServer({ port: 0 }); … await demo.close();
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRestSimulator, readBody, BODY_TOO_LARGE } from '../sim/rest.mjs';
import { createRestV2Simulator } from '../sim/rest-v2.mjs';
import { PRODUCTS, INITIAL_CART, PLANS, MAX_COUNT } from './catalog.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const SIM = path.join(ROOT, 'sim');
const REAL_SDK_URL = 'https://cdn.iamport.kr/v1/iamport.js';
const REAL_SDK_URL_V2 = 'https://cdn.portone.io/v2/browser-sdk.js';
const SIM_MERCHANT_CODE = 'imp00000000';
const MAX_BODY = 64 * 1024;
const MISMATCH_REASON = '결제 금액 불일치: 위변조가 의심되어 자동 환불';
const CSP_REPORT_PATH = '/__csp-report';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The Content-Security-Policy the shop is served with: exactly what the page needs.
 * - scripts: our bundle, WebAssembly compilation ('wasm-unsafe-eval'), and the PortOne SDK only with a real code;
 * - style attributes: the payment window (the simulator's and PortOne's) is styled inline, so style-src-attr
 *   allows them; <style> elements and stylesheets stay 'self';
 * - with the real SDK: PortOne opens its payment window in an iframe from *.iamport.kr, talks to it, and
 *   posts forms there (from public CSPs that run PortOne V1; not verifiable offline);
 * - with the real V2 SDK (storeId): the SDK from https://cdn.portone.io and its window on *.portone.io (the SDK's
 *   URL is in browser-sdk's docs; the window's origins are not verifiable offline: CSP_REPORT=1 shows them).
 */
export function contentSecurityPolicy({ impCode, storeId, reportViolations = false } = {}) {
  const origins = [...(impCode ? ['https://*.iamport.kr'] : []), ...(storeId ? ['https://*.portone.io'] : [])];
  const scripts = [...(impCode ? ['https://cdn.iamport.kr'] : []), ...(storeId ? ['https://cdn.portone.io'] : [])];
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...scripts],
    'style-src': ["'self'"],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', ...origins],
    'connect-src': ["'self'", ...origins],
    'frame-src': origins.length ? origins : ["'none'"],
    'form-action': ["'self'", ...origins],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    // With the real SDK nothing here can be checked offline: CSP_REPORT=1 has the server print what was blocked.
    ...(reportViolations ? { 'report-uri': [CSP_REPORT_PATH] } : {}),
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

// ---- PortOne's REST API, through the package's server entry ------------------------------------

let serverEntry = null;

/**
 * Loads naverpay-checkout/server (server/index.mjs, which imports pkg/node) once, at start: in memory it no longer
 * depends on pkg/, which `npm run build` deletes and rewrites. A few tries, in case a build is writing it right now.
 */
async function loadServerEntry() {
  for (let attempt = 1; ; attempt++) {
    try {
      serverEntry ??= await import('../server/index.mjs');
      return serverEntry;
    } catch (err) {
      if (attempt === 5) throw new Error(`demo: server/index.mjs did not load (${err.message}); run npm run build`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

class HttpError extends Error {
  constructor(status, message, extra = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

/** PortOne refused or failed: its message as it came (a refusal) and 409, or 502 for a fault. */
function portoneFailure(error, fallback) {
  if (!serverEntry.isPortOneApiError(error)) return error;
  return typeof error.code === 'number' ? new HttpError(409, error.message || fallback) : new HttpError(502, fallback);
}

// ---- small HTTP helpers ----------------------------------------------------------------------

async function readJson(req) {
  let text;
  try {
    text = await readBody(req, MAX_BODY);
  } catch (e) {
    throw e.message === BODY_TOO_LARGE ? new HttpError(413, BODY_TOO_LARGE) : e;
  }
  let value;
  try {
    value = text === '' ? {} : JSON.parse(text);
  } catch {
    value = null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new HttpError(400, 'the body must be a JSON object');
  return value;
}

const id = (bytes = 6) => randomBytes(bytes).toString('hex');
const str = (v) => (typeof v === 'string' ? v : '');

/** 'YYYYMMDD…' timestamps make merchant_uids sortable in PortOne's console; ≤ 40 characters. */
function newUid(prefix) {
  return `${prefix}_${Date.now().toString(36)}_${id(4)}`;
}

/** The same day next month, 10:00 in Asia/Seoul, as UNIX seconds (the 31st becomes the month's last day). */
export function nextMonthSec(now = Date.now()) {
  const kst = new Date(now + 9 * 3600_000);
  const y = kst.getUTCFullYear();
  const m = kst.getUTCMonth() + 1;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(kst.getUTCDate(), last);
  return Math.floor((Date.UTC(y, m, day, 10) - 9 * 3600_000) / 1000);
}

// ---- the shop's backend ----------------------------------------------------------------------

function createShop(connected, connectedV2) {
  function portone() {
    if (!connected) throw new HttpError(503, 'IMP_KEY와 IMP_SECRET이 없어 PortOne에서 결제를 확인할 수 없습니다.');
    return connected;
  }
  function portoneV2() {
    if (!connectedV2) throw new HttpError(503, 'PORTONE_API_SECRET이 없어 PortOne V2에서 결제를 확인할 수 없습니다.');
    return connectedV2;
  }

  const orders = new Map(); // merchant_uid → order
  const subscriptions = new Map(); // registration merchant_uid → subscription
  const byId = new Map(PRODUCTS.map((p) => [p.id, p]));

  function ownOrder(body) {
    const order = orders.get(str(body.merchant_uid));
    if (!order) throw new HttpError(404, '주문을 찾을 수 없습니다.');
    return order;
  }

  function requireToken(record, body) {
    if (str(body.token) === '' || body.token !== record.token)
      throw new HttpError(403, '이 주문에 대한 권한이 없습니다.');
  }

  async function cancel(order, reason, requester) {
    try {
      return await portone().cancelPayment({
        imp_uid: order.imp_uid,
        merchant_uid: order.merchant_uid,
        reason,
        extra: { requester },
      });
    } catch (error) {
      throw portoneFailure(error, '취소하지 못했습니다.');
    }
  }

  const routes = {
    'GET /api/products': () => ({ products: PRODUCTS, initialCart: INITIAL_CART, plans: PLANS }),

    /** Records an order for the cart; the amount comes from the price list, never from the page. */
    'POST /api/orders': (body) => {
      const items = Array.isArray(body.items) ? body.items : [];
      const lines = [];
      for (const item of items) {
        const product = byId.get(str(item?.id));
        const count = item?.count;
        if (!product) throw new HttpError(400, '알 수 없는 상품입니다.');
        if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT)
          throw new HttpError(400, '수량이 올바르지 않습니다.');
        if (count > 0 && !lines.some((l) => l.product === product)) lines.push({ product, count });
      }
      if (lines.length === 0) throw new HttpError(400, '장바구니가 비어 있습니다.');
      const order = {
        merchant_uid: newUid('order'),
        token: id(16),
        name: lines[0].product.name, // Naver Pay appends "외 N개" itself
        amount: lines.reduce((sum, l) => sum + l.product.price * l.count, 0),
        naverProducts: lines.map(({ product: p, count }) => ({
          categoryType: p.categoryType,
          categoryId: p.categoryId,
          uid: p.uid,
          name: p.name,
          count,
        })),
        // The same lines as PortOne V2's `products` (the V2 page sends them; PortOne's payment lists them back).
        products: lines.map(({ product: p, count }) => ({ id: p.id, name: p.name, amount: p.price, quantity: count })),
        status: 'ready',
        imp_uid: null,
      };
      orders.set(order.merchant_uid, order);
      const { merchant_uid, token, name, amount, naverProducts, products } = order;
      return { merchant_uid, token, name, amount, naverProducts, products };
    },

    /**
     * The browser says "paid": verify first. naverpay-checkout/server looks the payment up at PortOne and compares
     * it with the order; a paid amount that differs from the order is a forged payment, refunded at once.
     */
    'POST /api/payments/complete': async (body) => {
      const order = ownOrder(body);
      const impUid = str(body.imp_uid);
      if (impUid === '') throw new HttpError(400, 'imp_uid가 필요합니다.');
      if (order.status === 'paid' && order.imp_uid === impUid) return verified(order);
      if (order.status !== 'ready') throw new HttpError(409, '이미 처리된 주문입니다.');
      const result = await portone().verifyPayment(
        { imp_uid: impUid, merchant_uid: order.merchant_uid, amount: order.amount },
        { onMismatch: 'cancel', reason: MISMATCH_REASON },
      );
      return judged(order, result, impUid);
    },

    /**
     * The V2 page says "paid" (PortOne V2's paymentId is the order's merchant_uid): the same verify-first, with
     * createPortOneV2Client, and the order's lines compared with PortOne's `products` too. A paid amount that
     * differs, or lines that differ at the same amount (a count raised), are cancelled at once with a reason that
     * names the mismatch and requester ADMIN.
     */
    'POST /api/v2/payments/complete': async (body) => {
      const order = orders.get(str(body.paymentId));
      if (!order) throw new HttpError(404, '주문을 찾을 수 없습니다.');
      if (order.status === 'paid' && order.imp_uid === order.merchant_uid) return verified(order);
      if (order.status !== 'ready') throw new HttpError(409, '이미 처리된 주문입니다.');
      const result = await portoneV2().verifyPayment(
        { paymentId: order.merchant_uid, amount: order.amount, products: order.products },
        { onMismatch: 'cancel' },
      );
      return judged(order, result, order.merchant_uid);
    },

    /**
     * PortOne's webhook (the notice_url), which may come twice or before the page's redirect: the payment is
     * looked up again and judged against the order, as the complete route does; twice is once.
     */
    'POST /api/portone/webhook': async (body) => {
      let result;
      try {
        result = await portone().handleWebhook(body, {
          orderAmount: (merchantUid) => orders.get(merchantUid)?.amount,
          onMismatch: 'cancel',
          reason: MISMATCH_REASON,
        });
      } catch (error) {
        if (error?.name === 'NaverPayError') throw new HttpError(400, '웹훅 본문이 올바르지 않습니다.');
        throw error;
      }
      const order = orders.get(result.merchant_uid);
      if (order?.status === 'ready' && (result.verdict === 'paid' || result.verdict === 'amount_mismatch')) {
        order.status = result.verdict === 'paid' ? 'paid' : 'forged';
        order.imp_uid = result.imp_uid;
      }
      return { verdict: result.verdict };
    },

    /** The buyer cancels their paid order (the token proves it is theirs). */
    'POST /api/payments/cancel': async (body) => {
      const order = ownOrder(body);
      requireToken(order, body);
      if (order.status !== 'paid') throw new HttpError(409, '결제 완료된 주문만 취소할 수 있습니다.');
      const reason = str(body.reason).trim() || '구매자 요청';
      const payment = await cancel(order, reason, 'customer');
      order.status = 'cancelled';
      return { cancelled: true, merchant_uid: order.merchant_uid, cancel_amount: payment.cancel_amount, reason };
    },

    /** A subscription waiting for its billing key: the page registers it with registerBillingKey. */
    'POST /api/subscriptions': (body) => {
      const plan = PLANS.find((p) => p.id === str(body.plan)) ?? PLANS[0];
      const sub = {
        merchant_uid: newUid('subreg'),
        customer_uid: `cust_${id(8)}`,
        token: id(16),
        plan,
        status: 'pending',
      };
      subscriptions.set(sub.merchant_uid, sub);
      return {
        merchant_uid: sub.merchant_uid,
        customer_uid: sub.customer_uid,
        token: sub.token,
        name: plan.name,
        amount: plan.price,
        naverProductCode: plan.naverProductCode,
      };
    },

    /** After registration: check the key at PortOne, charge the first month, schedule the next. */
    'POST /api/subscriptions/activate': async (body) => {
      const sub = subscriptions.get(str(body.merchant_uid));
      if (!sub) throw new HttpError(404, '구독 신청을 찾을 수 없습니다.');
      requireToken(sub, body);
      if (sub.status === 'active') return sub.result;
      const client = portone();
      const refusal = (fallback) => (error) => {
        const failure = portoneFailure(error, fallback);
        if (!(failure instanceof HttpError)) throw failure;
        return { refused: failure.message };
      };
      const key = await client.getBillingKey(sub.customer_uid).catch(refusal('빌링키가 등록되지 않았습니다.'));
      if (key.refused) return { active: false, message: '빌링키가 등록되지 않았습니다.' };

      const first = await client
        .againPayment({
          customer_uid: sub.customer_uid,
          merchant_uid: newUid('sub'),
          amount: sub.plan.price,
          name: `${sub.plan.name} (첫 달)`,
        })
        .catch(refusal('첫 결제가 승인되지 않았습니다.'));
      if (first.refused) return { active: false, message: first.refused };
      if (first.status !== 'paid' || first.amount !== sub.plan.price)
        return { active: false, message: '첫 결제가 승인되지 않았습니다.' };

      const scheduled = await client
        .schedulePayments({
          customer_uid: sub.customer_uid,
          schedules: [{ merchant_uid: newUid('sub'), schedule_at: nextMonthSec(), amount: sub.plan.price }],
        })
        .catch(refusal('다음 결제를 예약하지 못했습니다.'));
      if (scheduled.refused) return { active: false, message: scheduled.refused };
      const [next] = scheduled;

      sub.status = 'active';
      sub.result = {
        active: true,
        plan: sub.plan.name,
        first: { merchant_uid: first.merchant_uid, imp_uid: first.imp_uid, amount: first.amount },
        next: { merchant_uid: next.merchant_uid, schedule_at: next.schedule_at, amount: next.amount },
      };
      return sub.result;
    },

    /**
     * The subscriber cancels: revoke every scheduled charge of the key, then delete the key. Naver Pay's
     * inspection checks that the deletion carries reason and extra[requester] (the builder always writes both).
     */
    'POST /api/subscriptions/cancel': async (body) => {
      const sub = subscriptions.get(str(body.merchant_uid));
      if (!sub) throw new HttpError(404, '구독 신청을 찾을 수 없습니다.');
      requireToken(sub, body);
      if (sub.status === 'cancelled') return { cancelled: true, revoked: sub.revoked };
      if (sub.status !== 'active') throw new HttpError(409, '진행 중인 구독이 아닙니다.');

      const client = portone();
      const revoked = await client.unschedulePayments({ customer_uid: sub.customer_uid }).catch((error) => {
        throw portoneFailure(error, '예약된 결제를 취소하지 못했습니다.');
      });
      await client
        .deleteBillingKey({
          customer_uid: sub.customer_uid,
          reason: str(body.reason) || '구독자 해지 요청',
          extra: { requester: 'customer' },
        })
        .catch((error) => {
          throw portoneFailure(error, '빌링키를 삭제하지 못했습니다.');
        });

      sub.status = 'cancelled';
      sub.revoked = revoked.map((s) => s.merchant_uid);
      return { cancelled: true, revoked: sub.revoked };
    },
  };

  /** What the buyer is told of the refund of a payment that was not the order's. */
  const refundNote = (result) =>
    result.cancelled ? '결제를 자동으로 환불했습니다.' : '환불하지 못했습니다: 고객센터에 문의해 주세요.';

  /** The page's answer for `result` (verifyPayment's, V1 or V2), `paymentRef` the PortOne id it was looked up by. */
  function judged(order, result, paymentRef) {
    switch (result.verdict) {
      case 'paid':
        order.status = 'paid';
        order.imp_uid = paymentRef;
        return verified(order);
      case 'amount_mismatch':
        order.status = 'forged';
        order.imp_uid = paymentRef;
        return {
          verified: false,
          status: 'amount_mismatch',
          message: `결제 금액(${result.paid_amount}원)이 주문 금액(${order.amount}원)과 다릅니다. ${refundNote(result)}`,
          expected: order.amount,
          paid: result.paid_amount,
          refunded: result.cancelled,
        };
      case 'products_mismatch':
        order.status = 'forged';
        order.imp_uid = paymentRef;
        return {
          verified: false,
          status: 'products_mismatch',
          message: `결제된 상품 또는 수량이 주문과 다릅니다. ${refundNote(result)}`,
          refunded: result.cancelled,
        };
      case 'not_paid':
        return { verified: false, status: result.status, message: '결제가 완료되지 않았습니다.' };
      case 'unknown': // the order stays open: the page (or the webhook) may ask again
        return {
          verified: false,
          status: 'unknown',
          message: '결제 상태를 확인하지 못했습니다. 잠시 후 다시 확인해 주세요.',
        };
      default: // not_found, or a payment of another order
        return { verified: false, status: 'not_found', message: '결제 내역을 확인할 수 없습니다.' };
    }
  }

  function verified(order) {
    return {
      verified: true,
      status: 'paid',
      merchant_uid: order.merchant_uid,
      imp_uid: order.imp_uid,
      amount: order.amount,
      name: order.name,
      count: order.naverProducts.length,
    };
  }

  return { routes, orders, subscriptions };
}

// ---- the server ------------------------------------------------------------------------------

/**
 * Starts the demo on 127.0.0.1.
 * @param {{ port?: number, impCode?: string, impKey?: string, impSecret?: string, apiUrl?: string, distDir?: string,
 *           storeId?: string, channelKey?: string, apiSecretV2?: string, apiUrlV2?: string,
 *           reportViolations?: boolean, onCspViolation?: (report: object) => void }} [options]
 *   impCode: a real PortOne merchant code → the real SDK in the page (and, with impKey/impSecret, the real REST API).
 *   storeId + channelKey: PortOne V2's real SDK on the V2 page (and, with apiSecretV2, the real V2 REST API).
 *   Neither: the simulators, V1's REST one as `rest` (under /portone), V2's as `restV2` (under /portone-v2).
 * @returns {Promise<{ url: string, port: number, csp: string, rest: object | null, restV2: object | null, shop: object,
 *           close(): Promise<void> }>}
 */
export async function startDemoServer(options = {}) {
  const impCode = options.impCode || null;
  if (impCode && !/^imp\d+$/.test(impCode))
    throw new Error(`IMP_CODE must be "imp" and digits, got ${JSON.stringify(impCode)}`);
  const storeId = options.storeId || null;
  if (Boolean(storeId) !== Boolean(options.channelKey))
    throw new Error('PORTONE_STORE_ID and PORTONE_CHANNEL_KEY go together');
  const reportViolations = Boolean(options.reportViolations);
  const csp = contentSecurityPolicy({ impCode, storeId, reportViolations });
  const { createPortOneClient, createPortOneV2Client } = await loadServerEntry();
  const dist = path.resolve(options.distDir ?? DIST);

  // Offline, the REST simulator holds the secret the backend signs in with; the page never sees it.
  const rest = impCode
    ? null
    : createRestSimulator({ prefix: '/portone', impKey: `key_${id()}`, impSecret: `secret_${id(16)}` });
  // V2 offline unless a real store is given, and only in the offline demo (a real IMP_CODE alone has no V2 page).
  const restV2 =
    storeId || impCode ? null : createRestV2Simulator({ prefix: '/portone-v2', apiSecret: `secret_${id(16)}` });

  const server = http.createServer();
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;

  // With a real merchant code, the real REST API when IMP_KEY and IMP_SECRET are given (else nothing is verified).
  const portone = rest
    ? createPortOneClient({ baseUrl: `${url}/portone`, apiKey: rest.impKey, apiSecret: rest.impSecret })
    : options.impKey && options.impSecret
      ? createPortOneClient({
          baseUrl: options.apiUrl ?? serverEntry.API_URL,
          apiKey: options.impKey,
          apiSecret: options.impSecret,
        })
      : null;
  const portoneV2 = restV2
    ? createPortOneV2Client({ baseUrl: `${url}/portone-v2`, apiSecret: restV2.apiSecret })
    : storeId && options.apiSecretV2
      ? createPortOneV2Client({
          baseUrl: options.apiUrlV2 ?? serverEntry.API_URL_V2,
          apiSecret: options.apiSecretV2,
          storeId,
        })
      : null;
  const shop = createShop(portone, portoneV2);

  // The V2 page (www/v2.html): the V2 simulator reports its approvals to the V2 REST simulator, as V1's does.
  const v2 = storeId
    ? { storeId, channelKey: options.channelKey, sdkUrl: REAL_SDK_URL_V2, simulator: false }
    : restV2 && {
        storeId: 'store-00000000-0000-0000-0000-000000000000',
        channelKey: 'channel-key-demo',
        sdkUrl: '/sim/portone-v2.js?reportUrl=%2Fportone-v2%2F__sim%2Fpayments',
        simulator: true,
      };
  const pageConfig = impCode
    ? { merchantCode: impCode, sdkUrl: REAL_SDK_URL, simulator: false, v2 }
    : {
        merchantCode: SIM_MERCHANT_CODE,
        sdkUrl: '/sim/imp.js?reportUrl=%2Fportone%2F__sim%2Fpayments',
        simulator: true,
        v2,
      };

  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cache-Control': 'no-store',
  };
  const send = (res, status, body, type) => {
    res.writeHead(status, { ...headers, 'Content-Type': type });
    res.end(body);
  };
  const sendJson = (res, status, value) => send(res, status, JSON.stringify(value), MIME['.json']);

  async function serveFile(req, res, dir, rel) {
    const file = path.resolve(dir, '.' + path.posix.normalize('/' + rel));
    if (file !== dir && !file.startsWith(dir + path.sep)) return send(res, 403, 'Forbidden', 'text/plain');
    try {
      let target = file;
      if ((await stat(target)).isDirectory()) target = path.join(target, 'index.html');
      const body = await readFile(target);
      send(
        res,
        200,
        req.method === 'HEAD' ? undefined : body,
        MIME[path.extname(target)] ?? 'application/octet-stream',
      );
    } catch {
      const hint = dir === dist ? 'Not found (did the webpack step run? npm start builds dist/)' : 'Not found';
      send(res, 404, hint, 'text/plain; charset=utf-8');
    }
  }

  server.on('request', async (req, res) => {
    try {
      if (restV2 && restV2.handle(req, res)) return;
      if (rest && rest.handle(req, res)) return;
      const { pathname } = new URL(req.url, url);
      const route = shop.routes[`${req.method} ${pathname}`];
      if (route) {
        const body = req.method === 'POST' ? await readJson(req) : {};
        return sendJson(res, 200, await route(body));
      }
      if (pathname === '/config.json') return sendJson(res, 200, pageConfig);
      if (reportViolations && pathname === CSP_REPORT_PATH && req.method === 'POST') {
        const report = (await readJson(req))['csp-report'] ?? {};
        // The directive and the blocked origin only: the page's URL may carry a payment result.
        const blocked = String(report['blocked-uri'] ?? '').replace(/^(https?:\/\/[^/]+).*$/, '$1');
        options.onCspViolation?.(report);
        process.stderr.write(
          `demo: CSP blocked ${blocked || 'something'} (${report['effective-directive'] ?? report['violated-directive'] ?? '?'})\n`,
        );
        res.writeHead(204, headers);
        return res.end();
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', 'text/plain');
      let decoded;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        return send(res, 400, 'Bad Request', 'text/plain');
      }
      if (decoded.startsWith('/sim/')) return serveFile(req, res, SIM, decoded.slice('/sim'.length));
      return serveFile(req, res, dist, decoded);
    } catch (err) {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message, ...err.extra });
      // Never echo request bodies: they carry buyer details.
      process.stderr.write(`demo: ${req.method} ${req.url?.split('?')[0]}: ${err?.message ?? err}\n`);
      return sendJson(res, 500, { error: '서버 오류가 발생했습니다.' });
    }
  });

  let closing = null;
  return {
    url,
    port,
    csp,
    rest,
    restV2,
    shop,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = await startDemoServer({
    port: process.env.PORT === undefined ? 8080 : Number(process.env.PORT),
    impCode: process.env.IMP_CODE,
    impKey: process.env.IMP_KEY,
    impSecret: process.env.IMP_SECRET,
    storeId: process.env.PORTONE_STORE_ID,
    channelKey: process.env.PORTONE_CHANNEL_KEY,
    apiSecretV2: process.env.PORTONE_API_SECRET,
    reportViolations: process.env.CSP_REPORT === '1',
  });
  console.log(
    `naverpay-checkout demo: ${demo.url}/  (${demo.rest ? 'offline PortOne simulator' : `PortOne SDK, merchant ${process.env.IMP_CODE}`})`,
  );
  if (!demo.rest && !(process.env.IMP_KEY && process.env.IMP_SECRET)) {
    console.log("  IMP_KEY and IMP_SECRET are not set: the backend cannot verify payments with PortOne's REST API.");
  }
  if (process.env.PORTONE_STORE_ID) {
    console.log(
      `  V2 (/v2.html): PortOne V2 SDK, store ${process.env.PORTONE_STORE_ID}` +
        (process.env.PORTONE_API_SECRET ? '' : '; PORTONE_API_SECRET is not set: V2 payments cannot be verified.'),
    );
  }
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
