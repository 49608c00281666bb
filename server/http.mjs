// The transport naverpay-checkout/server's clients share (V1 and V2): one attempt of a request with a timeout that
// covers the body, a cap on what is read, and the typed error of a failed call. No PortOne rule lives here.

/** PortOne's answers are a few KB; anything past this is not one (and is not read further). */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * A failed call to PortOne: `code` is PortOne's own (V1: a number; V2: its error `type`; `message` then its message
 * verbatim) when it refused; otherwise one of 'TIMEOUT', 'NETWORK', 'BAD_RESPONSE', 'TOO_LARGE', 'UNAUTHORIZED'.
 * `status` is the HTTP status (null without an answer), `path` the API path without its query.
 */
export class PortOneApiError extends Error {
  constructor({ code, message, status = null, path }, cause) {
    super(message, cause === undefined ? undefined : { cause });
    for (const [key, value] of [
      ['name', 'PortOneApiError'],
      ['code', code],
      ['status', status],
      ['path', path],
    ]) {
      Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
    }
  }
}

/** Whether `e` is a PortOneApiError, also across copies of the package. */
export function isPortOneApiError(e) {
  return e instanceof PortOneApiError || (e instanceof Error && e.name === 'PortOneApiError' && 'path' in e);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `attempt(method, path, { query, json, headers })` against `base` with `fetch`: the answer as
 * { status, parsed, body } (body the parsed JSON when `parsed`), or { failure: 'TIMEOUT' | 'NETWORK' | 'TOO_LARGE' }.
 * The timeout covers the headers and the body; past it the request is aborted.
 */
export function createTransport({ fetch, base, timeoutMs }) {
  /** One attempt: the answer as { status, parsed, body }, or { failure } when there was none in time. */
  async function attempt(method, path, { query, json, headers: extra = {} } = {}) {
    const controller = new AbortController();
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ failure: 'TIMEOUT' });
      }, timeoutMs);
    });
    const work = (async () => {
      const headers = { Accept: 'application/json' };
      if (json !== undefined) headers['Content-Type'] = 'application/json';
      Object.assign(headers, extra);
      let res;
      try {
        res = await fetch(base + path + (query ? `?${query}` : ''), {
          method,
          headers,
          body: json === undefined ? undefined : JSON.stringify(json),
          signal: controller.signal,
        });
      } catch (cause) {
        return { failure: 'NETWORK', cause };
      }
      const text = await readText(res, controller);
      if (text === null) return { failure: 'TOO_LARGE', status: res.status };
      try {
        return { status: res.status, parsed: true, body: JSON.parse(text) };
      } catch {
        return { status: res.status, parsed: false, body: undefined };
      }
    })().catch((cause) => ({ failure: 'NETWORK', cause }));
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The body as text, at most MAX_RESPONSE_BYTES; `null` past that (the rest is not read). */
  async function readText(res, controller) {
    const declared = Number(res.headers?.get?.('content-length'));
    if (declared > MAX_RESPONSE_BYTES) {
      controller.abort();
      return null;
    }
    if (!res.body?.getReader) {
      const text = await res.text();
      return text.length > MAX_RESPONSE_BYTES ? null : text;
    }
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_RESPONSE_BYTES) {
        controller.abort();
        reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return new TextDecoder().decode(bytes);
  }

  return { attempt };
}

/** The error of an attempt that got no usable answer, or `null` when it got one. */
export function noAnswerError(answer, path, timeoutMs) {
  if (answer.failure === 'TIMEOUT') {
    return new PortOneApiError({
      code: 'TIMEOUT',
      message: `PortOne이 ${timeoutMs}ms 안에 응답하지 않았습니다.`,
      path,
    });
  }
  if (answer.failure === 'TOO_LARGE') {
    return new PortOneApiError({
      code: 'TOO_LARGE',
      message: `PortOne의 응답이 ${MAX_RESPONSE_BYTES}바이트를 넘습니다.`,
      status: answer.status,
      path,
    });
  }
  if (answer.failure)
    return new PortOneApiError({ code: 'NETWORK', message: 'PortOne에 연결하지 못했습니다.', path }, answer.cause);
  return null;
}
