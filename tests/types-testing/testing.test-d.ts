import {
  installImpSimulator, installPortOneV2Simulator, type PortOneV2Simulator, rehearseInspection, formatReport, startRestSimulator, createRestFetch, startRestV2Simulator,
  IMP_MESSAGES, OUTCOMES, SCENARIOS, type ImpSimulator, type RehearsalReport, type ScenarioStatus, type Outcome,
  rehearseServer, SERVER_SCENARIOS, type ServerScenarioId,
} from 'naverpay-checkout/testing';

declare const page: { addInitScript(s: { content: string }): Promise<void>; route(u: string | RegExp, h: (r: any) => unknown): Promise<void>;
  exposeBinding(n: string, cb: (source: any, ...a: any[]) => unknown): Promise<void> };
declare const window: { document: { createElement(tag: string): unknown } };

async function simulator() {
  const imp: ImpSimulator = await installImpSimulator(page, { outcomes: ['cancel', { result: 'fail', error_msg: 'x', redirectEncoding: 'euc-kr' }] });
  await installImpSimulator(window);
  await imp.script('approve', 'never', ['below_minimum']);
  // @ts-expect-error not an outcome
  await imp.script('approved');
  // @ts-expect-error not an encoding
  await imp.script({ result: 'fail', redirectEncoding: 'utf-16' });
  const call = await imp.waitForCall({ count: 1, timeoutMs: 1000 });
  const mode: 'popup' | 'redirect' = call.mode;
  const message: string | null = call.response?.error_msg ?? null;
  const insufficient: string = IMP_MESSAGES.insufficient;
  const outcomes: readonly Outcome[] = OUTCOMES;
  // @ts-expect-error the record is read-only
  imp.calls = [];
  return [mode, message, insufficient, outcomes];
}

async function rehearsal() {
  const report: RehearsalReport = await rehearseInspection(page, {
    pay: '#pay-button',
    setup: async (p, { scenario }) => { await p.waitForSelector(scenario); },
    belowMinimum: { url: 'http://127.0.0.1:8080/?cart=small', amount: 50 },
    rest: { url: '/portone' },
    skip: ['redirect-tablet'],
    only: ['tampered-amount', 'redirect-crafted-link', 'request-warnings'],
  });
  // @ts-expect-error pay is required
  await rehearseInspection(page, { url: 'http://127.0.0.1:8080/' });
  // @ts-expect-error not a scenario
  await rehearseInspection(page, { pay: '#p', skip: ['redirect-watch'] });
  const status: ScenarioStatus = report.scenarios[0]!.status;
  // @ts-expect-error four states only
  const wrong: ScenarioStatus = 'skipped';
  const na: ScenarioStatus = 'not applicable';
  const notApplicable: number = report.notApplicable;
  // @ts-expect-error rest needs its url
  await rehearseInspection(page, { pay: '#p', rest: {} });
  const v2: RehearsalReport = await rehearseInspection(page, { sdk: 'v2', pay: '#pay', rest: { url: '/portone-v2' } });
  // @ts-expect-error 'v1' or 'v2'
  await rehearseInspection(page, { sdk: 'v3', pay: '#p' });
  const portOne: PortOneV2Simulator = await installPortOneV2Simulator(page, {
    outcomes: [{ result: 'fail', pgMessage: 'x' }],
    initScript: true,
    config: { reportUrl: '/portone-v2/__sim/payments', navigate: false },
  });
  const v2Call = await portOne.waitForCall({ timeoutMs: 1000 });
  const request: Record<string, any> = v2Call.request;
  const kind: 'payment' | 'billing_key' = v2Call.kind;
  // @ts-expect-error V2's calls have a request, not params
  v2Call.params;
  const text: string = formatReport(report);
  const ids: string[] = SCENARIOS.map((s) => s.id);
  return [status, wrong, na, notApplicable, text, ids, v2, request, kind];
}

async function server() {
  const report: RehearsalReport<ServerScenarioId> = await rehearseServer({
    baseUrl: 'http://127.0.0.1:8080/portone',
    async refund(ctx) {
      const p = await ctx.seedPayment({ merchant_uid: 'order_1', amount: 1000 });
      return p.imp_uid;
    },
    naverUseCfm: true,
    only: ['refund-body'],
  });
  // @ts-expect-error a page scenario is not a server one
  await rehearseServer({ baseUrl: 'x', only: ['tampered-amount'] });
  const ids: ServerScenarioId[] = SERVER_SCENARIOS.map((s) => s.id);
  return [report.ok, ids];
}

async function rest() {
  const server = await startRestSimulator({ impKey: 'k', impSecret: 's', port: 0 });
  const url: string = server.url;
  const cancels: any[] = server.rest.snapshot().cancellations;
  const refused: string | undefined = server.rest.snapshot().inspectionRefusals[0]?.message;
  server.rest.setInspection({ naverUseCfm: true });
  await startRestSimulator({ inspection: true });
  await server.close();
  const { fetch, rest } = createRestFetch({ baseUrl: 'https://api.iamport.kr' });
  const r: Response = await fetch('https://api.iamport.kr/users/getToken', { method: 'POST' });
  // @ts-expect-error the fetch simulator has no prefix
  createRestFetch({ prefix: '/portone' });
  return [url, cancels, refused, r, rest.impKey];
}

async function restV2() {
  const { url, rest: v2, close } = await startRestV2Simulator({ apiSecret: 's' });
  const headers: Record<string, string> = v2.signWebhook('{}', { timestamp: 1 });
  const deliveries = await v2.sendWebhook({ paymentId: 'p', url, times: 2 });
  // @ts-expect-error a webhook needs the payment and the endpoint
  await v2.sendWebhook({ paymentId: 'p' });
  v2.scriptFault({ kind: 'refused', path: '/payments/p', status: 409, type: 'PG_PROVIDER_ERROR', message: 'm' });
  // @ts-expect-error a fault's kind is one of the eight
  v2.scriptFault({ kind: 'flaky' });
  await close();
  return [headers, deliveries.map((d) => d.status)];
}

export { simulator, rehearsal, server, rest, restV2 };
