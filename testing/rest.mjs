// The REST simulator (sim/rest.mjs) for the merchant's backend tests: a local HTTP server, or a `fetch`
// that answers PortOne's base URL without a network.
import http from 'node:http';
import { Readable } from 'node:stream';
import { createRestSimulator, createRestV2Simulator } from './locations.mjs';

export { createRestSimulator, createRestV2Simulator };

/** PortOne V1's REST base URL. */
export const API_URL = 'https://api.iamport.kr';

const notFound = () => JSON.stringify({ code: -1, message: 'Not Found', response: null });

/**
 * Starts the REST simulator on 127.0.0.1 (an ephemeral port unless `port`). Point your backend's PortOne
 * base URL at `url`. `rest` is the simulator: `state`, `snapshot()`, `reset()`, `impKey`, `impSecret`.
 * @param {{ port?: number, impKey?: string, impSecret?: string, prefix?: string, tokenTtlSec?: number }} [options]
 */
export function startRestSimulator(options = {}) {
  const { port = 0, ...simOptions } = options;
  return serve(createRestSimulator(simOptions), port);
}

/**
 * Starts PortOne V2's REST simulator (sim/rest-v2.mjs) on 127.0.0.1: point `createPortOneV2Client({ baseUrl })`
 * at `url`. `rest` has `state`, `snapshot()`, `apiSecret`, `webhookSecret`, `signWebhook()`, `sendWebhook()`.
 * @param {{ port?: number, apiSecret?: string, webhookSecret?: string }} [options]
 */
export function startRestV2Simulator(options = {}) {
  const { port = 0, ...simOptions } = options;
  return serve(createRestV2Simulator(simOptions), port);
}

/** `rest` on a local node:http server; `close()` also ends open connections. */
async function serve(rest, port) {
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    if (rest.handle(req, res)) return;
    res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(notFound());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}${rest.prefix}`;
  let closing = null;
  return {
    url,
    rest,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}

/**
 * A `fetch` that answers requests under `baseUrl` (default https://api.iamport.kr) from the simulator, in
 * memory; anything else rejects with a TypeError (a backend test should reach nothing else).
 * @param {{ baseUrl?: string, impKey?: string, impSecret?: string, tokenTtlSec?: number }} [options]
 * @returns {{ fetch: typeof fetch, rest: ReturnType<typeof createRestSimulator> }}
 */
export function createRestFetch(options = {}) {
  const { baseUrl = API_URL, ...simOptions } = options;
  const base = baseUrl.replace(/\/+$/, '');
  const rest = createRestSimulator({ ...simOptions, prefix: '' });
  async function fetch(input, init) {
    const request = new Request(input, init);
    if (request.url !== base && !request.url.startsWith(base + '/') && !request.url.startsWith(base + '?')) {
      throw new TypeError(`the PortOne REST simulator answers ${base} only, not ${request.url}`);
    }
    const body = Buffer.from(await request.arrayBuffer());
    // The simulator speaks node:http: an IncomingMessage-like stream and a ServerResponse-like sink.
    const req = Readable.from(body.length ? [body] : []);
    req.method = request.method;
    req.url = request.url.slice(base.length) || '/';
    req.headers = Object.fromEntries(request.headers);
    return new Promise((resolve, reject) => {
      const res = {
        headersSent: false,
        status: 200,
        headers: {},
        writeHead(status, headers = {}) {
          this.status = status;
          Object.assign(this.headers, headers);
          this.headersSent = true;
          return this;
        },
        end(chunk) {
          resolve(
            new Response(request.method === 'HEAD' || chunk === undefined ? null : chunk, {
              status: this.status,
              headers: this.headers,
            }),
          );
        },
        destroy() {
          reject(new TypeError('the REST simulator dropped the connection'));
        },
      };
      if (!rest.handle(req, res)) {
        resolve(
          new Response(notFound(), { status: 404, headers: { 'Content-Type': 'application/json; charset=utf-8' } }),
        );
      }
    });
  }
  return { fetch, rest };
}
