// The server half of the inspection rehearsal: the merchant's own refund and unsubscribe endpoints, driven by
// the merchant's callbacks against the REST simulator in inspection mode (sim/rest.mjs), which refuses a cancel
// or a billing-key deletion without reason and extra.requester, as Naver Pay's inspection does.
import { finish, PASSED, FAILED, NOT_REHEARSED, quote, firstLine, newImpUid } from './rehearse.mjs';
import { API_URL } from './rest.mjs';

/** The server scenarios, in the order they run, with the inspection rule each stands for. */
export const SERVER_SCENARIOS = Object.freeze([
  {
    id: 'refund-body',
    title: "The merchant's refund cancels with reason and extra.requester",
    rule: 'POST /payments/cancel must carry reason and extra.requester (customer or admin), or the inspection fails',
  },
  {
    id: 'unsubscribe-body',
    title: "The merchant's unsubscribe deletes the billing key with reason and extra[requester]",
    rule: 'DELETE /subscribe/customers/{customer_uid} must carry reason and extra[requester] (customer or admin), or the inspection fails',
  },
]);

const byId = Object.fromEntries(SERVER_SCENARIOS.map((s) => [s.id, s]));

/**
 * Drives the merchant's refund and unsubscribe against the REST simulator their backend talks to, in
 * inspection mode for the time of the rehearsal.
 * @param {import('./index.d.ts').ServerRehearsalOptions} options
 * @returns {Promise<import('./index.d.ts').RehearsalReport>}
 */
export async function rehearseServer(options) {
  if (!options || (typeof options.baseUrl !== 'string' && typeof options.fetch !== 'function')) {
    throw new TypeError(
      'rehearseServer: give the REST simulator your backend uses, { baseUrl } (startRestSimulator().url) or { fetch } (createRestFetch().fetch)',
    );
  }
  const known = new Set(SERVER_SCENARIOS.map((s) => s.id));
  for (const id of [...(options.skip ?? []), ...(options.only ?? [])]) {
    if (!known.has(id))
      throw new TypeError(`rehearseServer: no scenario ${quote(id)}; the scenarios are ${[...known].join(', ')}`);
  }
  const base = (options.baseUrl ?? API_URL).replace(/\/+$/, '');
  const http = options.fetch ?? globalThis.fetch;
  const sim = async (method, path, body) => {
    const res = await http(`${base}/__sim/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await res.json();
    if (payload?.code !== 0) throw new Error(`the REST simulator at ${base} answered ${res.status} to /__sim/${path}`);
    return payload.response;
  };
  const ctx = {
    baseUrl: base,
    /** A paid Naver Pay payment in the simulator, as if the buyer had just paid. */
    async seedPayment(record) {
      const [p] = await sim('POST', 'payments', {
        imp_uid: newImpUid(),
        status: 'paid',
        pay_method: 'naverpay',
        pg_provider: 'naverpay',
        ...record,
      });
      return p;
    },
    /** A registered Naver Pay billing key (customer_uid), as if the buyer had just registered it. */
    async seedBillingKey(record) {
      await sim('POST', 'payments', {
        imp_uid: newImpUid(),
        kind: 'billing_key',
        status: 'paid',
        amount: 0,
        pg_provider: 'naverpay',
        ...record,
      });
      return { customer_uid: record.customer_uid };
    },
  };

  let before;
  try {
    before = await sim('GET', 'state');
  } catch (e) {
    throw new TypeError(`rehearseServer: no REST simulator at ${base}: ${firstLine(e.message)}`);
  }
  const skip = new Set([
    ...(options.skip ?? []),
    ...(options.only ? [...known].filter((id) => !options.only.includes(id)) : []),
  ]);
  const results = [];
  await sim('POST', 'inspection', { on: true, naverUseCfm: options.naverUseCfm === true });
  try {
    if (!skip.has('refund-body')) {
      results.push({
        ...byId['refund-body'],
        ...(await drive(options.refund, 'refund', ctx, sim, (state, from) => ({
          attempts: state.cancellations.slice(from.cancellations.length),
          call: 'POST /payments/cancel',
          refusals: state.inspectionRefusals.slice(from.inspectionRefusals.length),
        }))),
      });
    }
    if (!skip.has('unsubscribe-body')) {
      results.push({
        ...byId['unsubscribe-body'],
        ...(await drive(options.unsubscribe, 'unsubscribe', ctx, sim, (state, from) => ({
          attempts: state.deletions.slice(from.deletions.length),
          call: 'DELETE /subscribe/customers/{customer_uid}',
          refusals: state.inspectionRefusals.slice(from.inspectionRefusals.length),
        }))),
      });
    }
  } finally {
    await sim('POST', 'inspection', {
      on: before.inspection !== null,
      naverUseCfm: before.inspection?.naverUseCfm === true,
    });
  }
  return finish(results, 'Naver Pay inspection rehearsal (server)');
}

/** Runs the merchant's callback and judges the calls it made: { status, reason }. */
async function drive(callback, name, ctx, sim, select) {
  if (typeof callback !== 'function') {
    return {
      status: NOT_REHEARSED,
      reason: `needs ${name}(ctx): drive your ${name} endpoint (ctx.seed${name === 'refund' ? 'Payment' : 'BillingKey'} sets up what it acts on)`,
    };
  }
  const from = await sim('GET', 'state');
  let thrown = null;
  try {
    await callback(ctx);
  } catch (e) {
    thrown = e;
  }
  const { attempts, call, refusals } = select(await sim('GET', 'state'), from);
  if (refusals.length) {
    const r = refusals[0];
    return {
      status: FAILED,
      reason:
        `the REST simulator refused ${r.method} ${r.path}: ${r.message}` +
        (thrown ? `; your ${name} then failed: ${quote(firstLine(thrown.message ?? thrown))}` : ''),
    };
  }
  if (thrown)
    return {
      status: NOT_REHEARSED,
      reason: `your ${name}(ctx) threw before any refusal: ${quote(firstLine(thrown.message ?? thrown))}`,
    };
  const accepted = attempts.find((a) => a.accepted);
  if (accepted)
    return {
      status: PASSED,
      reason: `${call} with reason ${quote(accepted.reason)} and requester ${quote(accepted.requester)}`,
    };
  if (attempts.length)
    return {
      status: FAILED,
      reason: `PortOne refused the ${call} your ${name} made (reason ${quote(attempts[0].reason)}, requester ${quote(attempts[0].requester)})`,
    };
  return { status: FAILED, reason: `your ${name} made no ${call}` };
}
