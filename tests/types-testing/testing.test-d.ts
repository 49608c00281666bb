import {
  installImpSimulator, rehearseInspection, formatReport, startRestSimulator, createRestFetch, startRestV2Simulator,
  IMP_MESSAGES, OUTCOMES, SCENARIOS, type ImpSimulator, type RehearsalReport, type ScenarioStatus, type Outcome,
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
    belowMinimum: { url: 'http://127.0.0.1:8080/?cart=small' },
    skip: ['redirect-tablet'],
  });
  // @ts-expect-error pay is required
  await rehearseInspection(page, { url: 'http://127.0.0.1:8080/' });
  // @ts-expect-error not a scenario
  await rehearseInspection(page, { pay: '#p', skip: ['redirect-watch'] });
  const status: ScenarioStatus = report.scenarios[0]!.status;
  // @ts-expect-error three states only
  const wrong: ScenarioStatus = 'skipped';
  const text: string = formatReport(report);
  const ids: string[] = SCENARIOS.map((s) => s.id);
  return [status, wrong, text, ids];
}

async function rest() {
  const server = await startRestSimulator({ impKey: 'k', impSecret: 's', port: 0 });
  const url: string = server.url;
  const cancels: any[] = server.rest.snapshot().cancellations;
  await server.close();
  const { fetch, rest } = createRestFetch({ baseUrl: 'https://api.iamport.kr' });
  const r: Response = await fetch('https://api.iamport.kr/users/getToken', { method: 'POST' });
  // @ts-expect-error the fetch simulator has no prefix
  createRestFetch({ prefix: '/portone' });
  return [url, cancels, r, rest.impKey];
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

export { simulator, rehearsal, rest, restV2 };
