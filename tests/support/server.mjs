// A static file server for page-level tests, on 127.0.0.1 with an ephemeral port.
//
//   const server = await startStaticServer({ root: repoRoot });
//   await page.goto(`${server.url}/__fixtures/blank.html`);
//   …
//   await server.close(); // also ends connections held open by /__fixtures/hang.js
//
// Built-in fixture routes (always there, before static files):
//   /__fixtures/404.js          404, text/javascript body (a script URL that fails to load)
//   /__fixtures/no-imp.js       200 JavaScript that runs but defines no window.IMP (sets window.__noImpLoaded = true)
//   /__fixtures/throws.js       200 JavaScript that throws when run
//   /__fixtures/hang.js         never answers (held until close(); for SDK timeouts). Any path under /__fixtures/hang works.
//   /__fixtures/delay?ms=N&path=/sim/imp.js   serves the static file at `path` after N ms
//   /__fixtures/blank.html      an empty HTML page (any query)
//   /__fixtures/landing.html    a small HTML page showing its own URL (for m_redirect_url; any query)
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The MIME type a file name is served with (application/octet-stream when unknown). */
export function mimeTypeFor(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const BLANK_HTML =
  '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>';
const LANDING_HTML =
  '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>landing</title></head>' +
  '<body><p id="landing-url"></p><script>document.getElementById("landing-url").textContent = location.href;</script></body></html>';

/**
 * @param {object} options
 * @param {string} [options.root]     directory served at "/" (default: the current directory)
 * @param {Record<string,string>} [options.mounts]  extra directories by URL prefix, e.g. { '/pkg': '/tmp/pkg' }
 * @param {Record<string, Route>} [options.routes]  exact paths, or prefixes ending in '*' ('/api/*').
 *        Route = (req, res, ctx) => void | false | Promise<void | false>   (return false: not handled, fall through)
 *              | { status?, body?, type?, headers?, delayMs?, hang? }   (shorthand)
 * @param {Array<(req, res) => boolean>} [options.handlers]  tried in order first; return true when handled
 *        (e.g. createRestSimulator(...).handle)
 * @param {Record<string,string> | ((req) => Record<string,string>)} [options.headers]  added to every
 *        response (e.g. { 'Content-Security-Policy': "script-src 'self'" })
 * @returns {Promise<{ url: string, origin: string, port: number, requests: Array<{method:string,url:string}>,
 *                     close: () => Promise<void> }>}
 */
export async function startStaticServer(options = {}) {
  const root = path.resolve(options.root ?? process.cwd());
  const mounts = Object.entries(options.mounts ?? {})
    .map(([prefix, dir]) => [prefix.replace(/\/+$/, ''), path.resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const routes = options.routes ?? {};
  const handlers = options.handlers ?? [];
  const requests = [];
  const sockets = new Set();
  const held = new Set();

  function extraHeaders(req) {
    const h = typeof options.headers === 'function' ? options.headers(req) : options.headers;
    return h ?? {};
  }

  function send(req, res, status, body, type, headers = {}) {
    if (res.headersSent || res.writableEnded) return;
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      ...extraHeaders(req),
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function hold(req, res) {
    held.add(res);
    res.on('close', () => held.delete(res));
  }

  function resolveFile(pathname) {
    for (const [prefix, dir] of mounts) {
      if (pathname === prefix || pathname.startsWith(prefix + '/')) {
        return within(dir, pathname.slice(prefix.length));
      }
    }
    return within(root, pathname);
  }

  function within(dir, rel) {
    const full = path.resolve(dir, '.' + path.posix.normalize('/' + rel));
    return full === dir || full.startsWith(dir + path.sep) ? full : null;
  }

  async function serveFile(req, res, pathname) {
    let file = resolveFile(pathname);
    if (!file) return send(req, res, 403, 'Forbidden', 'text/plain; charset=utf-8');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      const body = await readFile(file);
      send(req, res, 200, body, mimeTypeFor(file));
    } catch {
      send(req, res, 404, 'Not Found', 'text/plain; charset=utf-8');
    }
  }

  async function fixture(req, res, url) {
    const p = url.pathname;
    if (p === '/__fixtures/404.js') {
      send(req, res, 404, '/* not found */', 'text/javascript; charset=utf-8');
    } else if (p === '/__fixtures/no-imp.js') {
      send(req, res, 200, 'window.__noImpLoaded = true;\n', 'text/javascript; charset=utf-8');
    } else if (p === '/__fixtures/throws.js') {
      send(
        req,
        res,
        200,
        'window.__throwsLoaded = true;\nthrow new Error("fixture script failed");\n',
        'text/javascript; charset=utf-8',
      );
    } else if (p === '/__fixtures/hang' || p.startsWith('/__fixtures/hang')) {
      hold(req, res);
    } else if (p === '/__fixtures/delay') {
      const ms = Math.max(0, Math.min(60_000, Number(url.searchParams.get('ms') ?? 0) || 0));
      hold(req, res);
      const timer = setTimeout(() => {
        held.delete(res);
        serveFile(req, res, url.searchParams.get('path') ?? '/');
      }, ms);
      res.on('close', () => clearTimeout(timer));
    } else if (p === '/__fixtures/blank.html') {
      send(req, res, 200, BLANK_HTML, 'text/html; charset=utf-8');
    } else if (p === '/__fixtures/landing.html') {
      send(req, res, 200, LANDING_HTML, 'text/html; charset=utf-8');
    } else {
      return false;
    }
    return true;
  }

  function findRoute(pathname) {
    if (Object.hasOwn(routes, pathname)) return routes[pathname];
    let best = null;
    for (const key of Object.keys(routes)) {
      if (key.endsWith('*') && pathname.startsWith(key.slice(0, -1)) && (!best || key.length > best.length)) best = key;
    }
    return best ? routes[best] : undefined;
  }

  async function runRoute(route, req, res, url) {
    if (typeof route === 'function') {
      const r = await route(req, res, { url, send: (...a) => send(req, res, ...a), hold: () => hold(req, res) });
      return r !== false;
    }
    if (route.hang) {
      hold(req, res);
      return true;
    }
    if (route.delayMs) {
      hold(req, res);
      await new Promise((r) => setTimeout(r, route.delayMs));
      held.delete(res);
    }
    send(req, res, route.status ?? 200, route.body ?? '', route.type ?? 'text/plain; charset=utf-8', route.headers);
    return true;
  }

  const server = http.createServer(async (req, res) => {
    requests.push({ method: req.method, url: req.url });
    try {
      for (const handler of handlers) {
        if (handler(req, res)) return;
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return send(req, res, 400, 'Bad Request', 'text/plain; charset=utf-8');
      }
      const route = findRoute(pathname);
      if (route !== undefined && (await runRoute(route, req, res, url))) return;
      if (await fixture(req, res, url)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(req, res, 405, 'Method Not Allowed', 'text/plain; charset=utf-8');
      }
      await serveFile(req, res, pathname);
    } catch (err) {
      send(req, res, 500, String(err?.stack ?? err), 'text/plain; charset=utf-8');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  let closing = null;

  return {
    url: origin,
    origin,
    port,
    requests,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        for (const res of held) res.destroy();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
