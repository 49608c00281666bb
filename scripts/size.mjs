// Prints the size of the web build (what a page downloads): the .wasm and the JS glue, raw, gzip -9
// and brotli. With --check, fails when wasm + JS exceed the 40 KB gzip target.
// Also a module: bench/run.mjs imports `measure` and `webBuildSize` (running it prints nothing then).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// The check in `npm test` is issue 6's target: at most 40 KB gzip (the aim is 30; BENCHMARKS.md
// shows the gap).
export const TARGET_GZIP = 40 * 1024;

const jsFiles = (d) => readdirSync(d).flatMap((name) => {
  const path = join(d, name);
  if (statSync(path).isDirectory()) return jsFiles(path);
  return name.endsWith('.js') ? [path] : [];
});

/** Raw, gzip -9 and brotli (quality 11) bytes of `buffers`, each compressed on its own (one file each). */
export const measure = (buffers) => {
  const raw = Buffer.concat(buffers);
  return {
    raw: raw.length,
    gzip: buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    brotli: buffers.reduce((n, b) => n + brotliCompressSync(b, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length, 0),
  };
};

/** `{ wasm, js, total }` of the web build in `dir`, each `{ raw, gzip, brotli }`. */
export function webBuildSize(dir = 'pkg/web') {
  const wasm = measure([readFileSync(join(dir, 'naverpay_checkout_bg.wasm'))]);
  const js = measure(jsFiles(dir).map((f) => readFileSync(f)));
  const total = { raw: wasm.raw + js.raw, gzip: wasm.gzip + js.gzip, brotli: wasm.brotli + js.brotli };
  return { wasm, js, total };
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { wasm, js, total } = webBuildSize('pkg/web');
  console.log(`${'web build'.padEnd(10)} ${['raw', 'gzip -9', 'brotli'].map((h) => h.padStart(10)).join(' ')}`);
  for (const [name, m] of [['.wasm', wasm], ['JS glue', js], ['total', total]]) {
    console.log(`${name.padEnd(10)} ${[m.raw, m.gzip, m.brotli].map((n) => kb(n).padStart(10)).join(' ')}`);
  }
  if (process.argv.includes('--check')) {
    if (total.gzip > TARGET_GZIP) {
      console.error(`size: ${kb(total.gzip)} gzip exceeds the target of ${kb(TARGET_GZIP)}`);
      process.exit(1);
    }
    console.log(`size: ${kb(total.gzip)} gzip, within the ${kb(TARGET_GZIP)} target` +
      (total.gzip > TARGET_GZIP ? `; ${kb(total.gzip - TARGET_GZIP)} over the ${kb(TARGET_GZIP)} target` : ''));
  }
}
