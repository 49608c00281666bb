// What naverpay-checkout/server's clients (V1 and V2) check before any request: their options and the input of
// each call, as NaverPayError INVALID_PARAMS. Never a secret's value in a message.
import { NaverPayError } from '../pkg/node/naverpay_checkout.js';

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_RETRIES = 2;

/** A NaverPayError INVALID_PARAMS about one field. */
export function invalid(field, message) {
  return new NaverPayError('INVALID_PARAMS', '요청 파라미터가 올바르지 않습니다.', undefined, [
    { code: 'INVALID_TYPE', field, message: `${field}: ${message}` },
  ]);
}

export const nonEmptyString = (v) => typeof v === 'string' && v !== '';
export const amountLike = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function requireString(v, field) {
  if (!nonEmptyString(v)) throw invalid(field, '비어 있지 않은 문자열이어야 합니다.');
}

/** The transport options every client takes: `fetch`, `baseUrl` (without trailing slashes), `timeoutMs`, `retries`. */
export function transportOptions(options, defaultBaseUrl) {
  const { baseUrl = defaultBaseUrl, timeoutMs = DEFAULT_TIMEOUT_MS, retries = DEFAULT_RETRIES } = options ?? {};
  const fetch = options?.fetch ?? globalThis.fetch;
  if (typeof fetch !== 'function') throw invalid('fetch', 'fetch 함수가 필요합니다.');
  if (typeof baseUrl !== 'string' || !/^https?:\/\/[^/]/.test(baseUrl))
    throw invalid('baseUrl', 'http(s) URL이어야 합니다.');
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw invalid('timeoutMs', '0보다 큰 숫자여야 합니다.');
  if (!Number.isInteger(retries) || retries < 0 || retries > 5) throw invalid('retries', '0~5의 정수여야 합니다.');
  return { fetch, base: baseUrl.replace(/\/+$/, ''), timeoutMs, retries };
}
