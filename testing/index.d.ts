// naverpay-checkout/testing: the offline PortOne V1 simulators and the Naver Pay inspection rehearsal.
// Node only. Playwright types are structural here, so playwright-core stays an optional peer dependency.

/** What the simulated PG does with the next IMP.request_pay. */
export type OutcomeResult = 'approve' | 'cancel' | 'insufficient' | 'fail' | 'below_minimum' | 'never';
export type RedirectEncoding = 'form' | 'percent' | 'euc-kr';
export interface OutcomeObject {
  result: OutcomeResult;
  /** The PG's message, kept byte for byte (default: the simulator's message for the result). */
  error_msg?: string;
  /** Default 'F400'. */
  error_code?: string;
  /** Milliseconds before the callback or redirect (default 0). */
  delayMs?: number;
  /** How the redirect query is written: URLSearchParams ('form', default), encodeURIComponent, or EUC-KR bytes. */
  redirectEncoding?: RedirectEncoding;
  /** V2's simulator: the PG's message and code (`pgMessage` byte for byte), and PortOne's `code` (default 'FAILURE_TYPE_PG'). */
  pgMessage?: string;
  pgCode?: string;
  code?: string;
}
/** 'never': no window, no callback, no redirect (the buyer closed the window). */
export type Outcome = OutcomeResult | OutcomeObject;

/** The response IMP gives the callback, or writes into the m_redirect_url query. */
export interface SimResponse {
  /** Only in the legacy shape: today's iamport.js sends no success flag. */
  success?: boolean; imp_success?: boolean; imp_uid: string | null; merchant_uid: string | null;
  pay_method: string; pg_provider: 'naverpay'; status: 'paid' | 'failed' | null; paid_amount: number;
  error_code: string | null; error_msg: string | null; customer_uid?: string;
  [field: string]: unknown;
}
/** One IMP.request_pay, as the simulator saw it. */
export interface SimCall {
  id: string;
  /** A deep copy of the params, taken at the call. */
  params: Record<string, any>;
  mode: 'popup' | 'redirect';
  /** navigator.userActivation.isActive at the call: true when request_pay ran inside the click. */
  userActivation: boolean | undefined;
  hasBeenActive: boolean | undefined;
  at: number;
  outcome?: OutcomeObject;
  response: SimResponse | null;
  redirectedTo: string | null;
}
export interface ImpSimulator {
  readonly calls: SimCall[];
  readonly inits: unknown[];
  readonly redirects: string[];
  readonly queued: OutcomeObject[];
  readonly messages: typeof IMP_MESSAGES;
  /** Queues outcomes, one for each coming request_pay; a call with none queued opens the simulator's window. */
  script(...outcomes: Array<Outcome | Outcome[]>): Promise<void>;
  waitForCall(options?: { count?: number; timeoutMs?: number }): Promise<SimCall>;
  waitForResponse(call: SimCall, options?: { timeoutMs?: number }): Promise<SimCall>;
  /** Resolves once everything the page published so far is in calls and inits (Playwright reports asynchronously). */
  sync(): Promise<void>;
  reset(): Promise<void>;
  /** DOM windows only: window.IMP.__sim itself (sim/README.md). */
  readonly sim?: Record<string, any>;
}
export interface InstallOptions {
  outcomes?: Outcome[];
  /** Playwright: the SDK URLs answered with the simulator (default [SDK_URL]). */
  sdkUrls?: Array<string | RegExp>;
  /** Playwright: define IMP before the page's scripts (default true); false answers the SDK URLs only. */
  initScript?: boolean;
  /** Where approved payments are POSTed (e.g. the REST simulator's /__sim/payments). */
  reportUrl?: string;
  /** Follow m_redirect_url (Playwright default true; DOM windows always record without leaving). */
  navigate?: boolean;
  redirectEncoding?: RedirectEncoding;
  reportTimeoutMs?: number;
  /** 'current' (default): today's iamport.js, no success flags; 'legacy': `success`/`imp_success` too. */
  responseShape?: 'current' | 'legacy';
}
/** A Playwright Page or BrowserContext, by shape. */
export interface PlaywrightTarget {
  addInitScript(script: { content: string }): Promise<void>;
  route(url: string | RegExp, handler: (route: any) => unknown): Promise<void>;
  exposeBinding(name: string, callback: (source: any, ...args: any[]) => unknown): Promise<void>;
}
/** A DOM window: jsdom's dom.window, happy-dom's Window, or the global window of a Vitest environment. */
export interface DomWindow { document: { createElement(tag: string): unknown }; [key: string]: any }

export function installImpSimulator(target: PlaywrightTarget | DomWindow, options?: InstallOptions): Promise<ImpSimulator>;
/** One PortOne.requestPayment or requestIssueBillingKey, as the V2 simulator saw it (sim/README.md). */
export interface V2SimCall {
  id: string;
  kind: 'payment' | 'billing_key';
  /** A deep copy of the request, taken at the call. */
  request: Record<string, any>;
  /** 'redirect' when the request had forceRedirect: true. */
  mode: 'popup' | 'redirect';
  userActivation: boolean;
  at: number;
  outcome?: OutcomeResult;
  /** V2's response: { transactionType, txId?, paymentId?, billingKey?, code?, message?, pgCode?, pgMessage? }. */
  response?: Record<string, any>;
  redirectedTo?: string;
}
/** The V2 simulator's handle: the same as ImpSimulator's, over V2's calls. */
export interface PortOneV2Simulator extends Omit<ImpSimulator, 'calls' | 'waitForCall' | 'waitForResponse' | 'sim'> {
  readonly calls: V2SimCall[];
  waitForCall(options?: { count?: number; timeoutMs?: number }): Promise<V2SimCall>;
  waitForResponse(call: V2SimCall, options?: { timeoutMs?: number }): Promise<V2SimCall>;
}
/**
 * PortOne V2: answers V2_SDK_URL in a Playwright page or context with sim/portone-v2.js (window.PortOne, its
 * control at window.PortOne.__sim) and scripts `outcomes`, one per coming call; the handle records every call.
 * `initScript: true` defines PortOne before the page's scripts wherever the page loads the SDK from; `config` goes
 * to PortOne.__sim.configure (reportUrl, navigate, reportTimeoutMs).
 */
export function installPortOneV2Simulator(
  target: PlaywrightTarget,
  options?: { outcomes?: Outcome[]; initScript?: boolean; config?: { reportUrl?: string; navigate?: boolean; reportTimeoutMs?: number } },
): Promise<PortOneV2Simulator>;
/** sim/portone-v2.js: a classic script that defines window.PortOne (V2's browser SDK). */
export const PORTONE_V2_SOURCE: string;
/** https://cdn.portone.io/v2/browser-sdk.js */
export const V2_SDK_URL: string;
/** sim/imp.js: a classic script that defines window.IMP. */
export const IMP_SOURCE: string;
export const IMP_MESSAGES: Readonly<{
  notInitialized: string; paramsNotObject: string; merchantUidRequired: string; amountRequired: string;
  amountNotNumber: string; redirectUrlRequired: string; cancel: string; insufficient: string; fail: string; belowMinimum: string;
}>;
export const OUTCOMES: readonly OutcomeResult[];
/** https://cdn.iamport.kr/v1/iamport.js */
export const SDK_URL: string;

// ---- REST ----------------------------------------------------------------------------------------

export interface RestSimulatorOptions {
  impKey?: string; impSecret?: string; prefix?: string; tokenTtlSec?: number;
  /**
   * Inspection mode: refuse what Naver Pay's inspection rejects though PortOne takes it (a cancel or a billing-key
   * deletion without reason and extra.requester; with naverUseCfm, an again or a schedule without extra.naverUseCfm),
   * with a message naming the rule. Also POST {prefix}/__sim/inspection { on, naverUseCfm }.
   */
  inspection?: boolean | { naverUseCfm?: boolean };
}
export interface RestSimulator {
  handle(req: unknown, res: unknown): boolean;
  state: Record<string, any>;
  prefix: string;
  impKey: string;
  impSecret: string;
  reset(): void;
  issueToken(): { access_token: string; now: number; expired_at: number };
  /** Inspection mode on ({ naverUseCfm }) or off (null or false). */
  setInspection(option: boolean | { naverUseCfm?: boolean } | null): void;
  /** The next `times` (default 1) calls matching `method` and the path prefix `path` answer with a fault. */
  scriptFault(fault: ScriptedFault): object;
  /** Posts the payment's webhook ({ imp_uid, merchant_uid, status }) to `url` or its notice_url, `times` times. */
  sendWebhook(options: { imp_uid: string; url?: string; times?: number; contentType?: 'json' | 'form' }):
    Promise<{ url: string; body: Record<string, string>; status: number | null }[]>;
  snapshot(): {
    payments: any[]; billingKeys: any[]; schedules: any[]; cancellations: any[]; agains: any[];
    reports: any[]; requests: any[]; tokens: number;
    /** What inspection mode refused: { method, path, rule, message, body, at }. */
    inspectionRefusals: Array<{ method: string; path: string; rule: 'cancel' | 'deletion' | 'again' | 'schedule'; message: string; body: unknown; at: number }>;
    inspection: { naverUseCfm: boolean } | null;
    [more: string]: unknown;
  };
}
export interface ScriptedFault {
  kind: 'slow' | 'hang' | 'status' | 'html' | 'garbage' | 'truncated' | 'refused' | 'huge';
  path?: string; method?: string; times?: number; status?: number; message?: string; delayMs?: number;
  /** V2 only: the error body's `type` for `status` and `refused`. */
  type?: string;
}
export function createRestSimulator(options?: RestSimulatorOptions): RestSimulator;
/** A local server on 127.0.0.1: point your backend's PortOne base URL at `url`. */
export function startRestSimulator(options?: RestSimulatorOptions & { port?: number }):
  Promise<{ url: string; rest: RestSimulator; close(): Promise<void> }>;
/** A fetch answering `baseUrl` (default API_URL) in memory; other URLs reject with a TypeError. */
export function createRestFetch(options?: Omit<RestSimulatorOptions, 'prefix'> & { baseUrl?: string }):
  { fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>; rest: RestSimulator };
/** https://api.iamport.kr */
export const API_URL: string;

export interface RestV2Simulator {
  handle(req: unknown, res: unknown): boolean;
  state: Record<string, any>;
  prefix: string;
  apiSecret: string;
  /** `whsec_` and a base64 key, as PortOne's console issues them. */
  webhookSecret: string;
  snapshot(): { payments: any[]; billingKeys: any[]; schedules: any[]; cancellations: any[]; deletions: any[];
    requests: any[]; webhooks: any[]; faults: any[] };
  /** The next `times` (default 1) calls matching `method` and the path prefix `path` answer with a fault (V2's bodies). */
  scriptFault(fault: ScriptedFault): object;
  /** The Standard Webhooks headers PortOne would send with `body`. */
  signWebhook(body: string, options?: { id?: string; timestamp?: number }): Record<string, string>;
  /** Posts a signed webhook about `paymentId` to `url`, `times` times. */
  sendWebhook(options: { paymentId: string; url: string; type?: string; times?: number }):
    Promise<{ url: string; type: string; status: number | null }[]>;
}
export function createRestV2Simulator(options?: { apiSecret?: string; webhookSecret?: string; prefix?: string }): RestV2Simulator;
/** PortOne V2's REST simulator on 127.0.0.1: point `createPortOneV2Client({ baseUrl })` at `url`. */
export function startRestV2Simulator(options?: { apiSecret?: string; webhookSecret?: string; port?: number }):
  Promise<{ url: string; rest: RestV2Simulator; close(): Promise<void> }>;

// ---- the inspection rehearsal --------------------------------------------------------------------

export type ScenarioId = 'failure-message' | 'naver-products' | 'request-warnings' | 'double-click' | 'below-minimum'
  | 'redirect-phone' | 'redirect-tablet' | 'redirect-in-app' | 'failure-message-redirect' | 'failure-message-redirect-euc-kr'
  | 'redirect-crafted-link' | 'tampered-amount' | 'tampered-count';
export type ServerScenarioId = 'refund-body' | 'unsubscribe-body';
/**
 * 'not applicable': the scenario does not apply to the page (the minimum on a billing-key registration, EUC-KR on V2,
 * tampered-count on V1, whose payment has no products for a server to compare).
 */
export type ScenarioStatus = 'passed' | 'failed' | 'not rehearsed' | 'not applicable';
/** Called after each load of the checkout, before the click: fill the form, wait until it can pay. */
export type Setup = (page: any, info: { scenario: ScenarioId }) => unknown | Promise<unknown>;
export interface RehearsalOptions {
  /** The pay button's selector. */
  pay: string;
  /**
   * The SDK the checkout pays through: 'v1' (default; IMP.request_pay) or 'v2' (PortOne.requestPayment, e.g. through
   * naverpay-checkout/v2). On V2 failure-message-redirect-euc-kr is not applicable, and rest is V2's REST simulator;
   * on V1 tampered-count is not applicable.
   */
  sdk?: 'v1' | 'v2';
  /** The checkout (default: the page's URL now). */
  url?: string;
  setup?: Setup;
  /**
   * How to get a cart under the minimum; without it that scenario is not rehearsed. `amount`: the cart's total
   * after the setup, so that a page which raises it to the minimum and charges that fails.
   */
  belowMinimum?: { url?: string; setup?: Setup; amount?: number };
  /**
   * The REST simulator the merchant's backend talks to (absolute, or relative to the checkout): the tampered
   * payment is reported there and its record read back. Without it tampered-amount and tampered-count are not
   * rehearsed.
   */
  rest?: { url: string };
  /** The m_redirect_url (V2: redirectUrl) page, for the crafted link when no device asked for redirect mode. */
  redirectUrl?: string;
  /** Phone-sized contexts: another URL or setup (default: the same). */
  mobile?: { url?: string; setup?: Setup };
  /** Called on every page the rehearsal opens itself (the phone-sized ones), before it loads: routes, cookies. */
  preparePage?: (page: any) => unknown | Promise<unknown>;
  /** Replaces a device: { name, context: Playwright BrowserContextOptions }. */
  devices?: Partial<Record<'redirect-phone' | 'redirect-tablet' | 'redirect-in-app', { name: string; context: Record<string, unknown> }>>;
  skip?: ScenarioId[];
  /** Only these scenarios (an unknown id, here or in skip, is a TypeError). */
  only?: ScenarioId[];
  /** Default 100. */
  minAmount?: number;
  /** How long each step may take (default 5000 ms). */
  timeoutMs?: number;
  /** How long to watch for a second call or a late change (default 500 ms). */
  settleMs?: number;
}
export interface ScenarioResult<Id extends string = ScenarioId> {
  id: Id; title: string; rule: string; status: ScenarioStatus;
  /** Why: what the buyer saw, what IMP (V2: PortOne) received. */
  reason: string;
  device?: string;
}
export interface RehearsalReport<Id extends string = ScenarioId> {
  /** Every scenario passed or did not apply: none failed, none left not rehearsed. */
  ok: boolean;
  passed: number; failed: number; notRehearsed: number; notApplicable: number;
  scenarios: Array<ScenarioResult<Id>>;
  /** formatReport(this). */
  summary: string;
}
export function rehearseInspection(page: any, options: RehearsalOptions): Promise<RehearsalReport>;
export function formatReport(report: Omit<RehearsalReport<string>, 'summary'>, title?: string): string;
export const SCENARIOS: ReadonlyArray<{ id: ScenarioId; title: string; rule: string }>;
export const DEVICES: Readonly<Record<'redirect-phone' | 'redirect-tablet' | 'redirect-in-app', { name: string; context: Record<string, unknown> }>>;

// ---- the server rehearsal ------------------------------------------------------------------------

/** What rehearseServer gives the merchant's callbacks: seeds in the simulator to act on. */
export interface ServerRehearsalContext {
  baseUrl: string;
  /** A paid Naver Pay payment (imp_uid made up unless given), as if the buyer had just paid. */
  seedPayment(record: { merchant_uid: string; amount: number; [field: string]: unknown }): Promise<{ imp_uid: string; merchant_uid: string; amount: number; [field: string]: unknown }>;
  /** A registered Naver Pay billing key. */
  seedBillingKey(record: { customer_uid: string; [field: string]: unknown }): Promise<{ customer_uid: string }>;
}
export interface ServerRehearsalOptions {
  /** The REST simulator the merchant's backend talks to (startRestSimulator().url); default API_URL with `fetch`. */
  baseUrl?: string;
  /** A fetch that reaches it (createRestFetch().fetch); default the global fetch. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Drives the merchant's refund endpoint (which must end in POST /payments/cancel). */
  refund?: (ctx: ServerRehearsalContext) => unknown | Promise<unknown>;
  /** Drives the merchant's unsubscribe endpoint (which must end in DELETE /subscribe/customers/{customer_uid}). */
  unsubscribe?: (ctx: ServerRehearsalContext) => unknown | Promise<unknown>;
  /** The merchant's contract requires extra.naverUseCfm for its products: agains and schedules without it fail. */
  naverUseCfm?: boolean;
  skip?: ServerScenarioId[];
  only?: ServerScenarioId[];
}
export function rehearseServer(options: ServerRehearsalOptions): Promise<RehearsalReport<ServerScenarioId>>;
export const SERVER_SCENARIOS: ReadonlyArray<{ id: ServerScenarioId; title: string; rule: string }>;
