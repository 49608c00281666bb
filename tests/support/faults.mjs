// The scripted faults both REST clients are driven through (tests/server.test.mjs for V1, tests/server-v2.test.mjs
// for V2), the client settings they run with, and the bound each call must end within.

export const TIMEOUT = 300;
export const RETRIES = 1;
// Each attempt is bounded by TIMEOUT, the one retry waits 200 ms first; the rest is the machine's slack.
export const BOUND = (RETRIES + 1) * TIMEOUT + 200 + 700;

/**
 * [kind, scriptFault's extra arguments, the error code expected] for each fault kind; `status` and `refused`
 * answer in the API's own error body, so their codes are the API's (`api.status`, `api.refused`).
 */
export function faultCases(api) {
  return [
    ['hang', {}, 'TIMEOUT'],
    ['slow', { delayMs: 2000 }, 'TIMEOUT'],
    ['status', { status: 500 }, api.status],
    ['html', {}, 'BAD_RESPONSE'],
    ['garbage', {}, 'BAD_RESPONSE'],
    ['truncated', {}, 'BAD_RESPONSE'],
    ['refused', { message: '  PG사 응답 \n 오류 ', ...api.refusedExtra }, api.refused],
    ['huge', {}, 'TOO_LARGE'],
  ];
}
