// Prints what each browser entry of pkg/ weighs (what a page downloads): raw, gzip -9 and brotli.
// With --check, fails when an entry exceeds its target (issue 11): the zero-configuration default
// entry (the wasm inline) at most 50 KB gzip, the size-optimized /web entry (.wasm + JS) at most 40,
// and PortOne V2's /v2 entry (its ES module, the wasm inline; issue 18) at most 50.
// Also a module: bench/run.mjs imports `measure`, `entrySizes` and the targets (printing nothing then).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const TARGET_GZIP = { default: 50 * 1024, web: 40 * 1024, v2: 50 * 1024 };

const files = (d) =>
  readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(js|wasm)$/.test(name) ? [path] : [];
  });

/** Raw, gzip -9 and brotli (quality 11) bytes of `buffers`, each compressed on its own (one file each). */
export const measure = (buffers) => {
  const raw = Buffer.concat(buffers);
  return {
    raw: raw.length,
    gzip: buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    brotli: buffers.reduce(
      (n, b) =>
        n +
        brotliCompressSync(b, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
        }).length,
      0,
    ),
  };
};

/**
 * Each browser entry of the package in `pkg`: `[{ name, folder, target, size }]`, `size` as
 * `measure` gives it over every .js and .wasm file of the entry's folder (for v2/, its ES module
 * alone: v2/node/ is the CommonJS copy, never sent to a browser).
 */
export function entrySizes(pkg = 'pkg') {
  return [
    { name: 'default (esm/, wasm inline)', folder: 'esm', target: TARGET_GZIP.default },
    { name: 'classic script (global/)', folder: 'global', only: 'naverpay-checkout.js', target: TARGET_GZIP.default },
    { name: 'web/ (.wasm fetched after init)', folder: 'web', target: TARGET_GZIP.web },
    { name: 'v2/ (PortOne V2, wasm inline)', folder: 'v2', only: 'naverpay_checkout.js', target: TARGET_GZIP.v2 },
    {
      name: 'V2 classic script (global/…-v2.js)',
      folder: 'global',
      only: 'naverpay-checkout-v2.js',
      target: TARGET_GZIP.v2,
    },
  ].map((e) => {
    const paths = e.only ? [join(pkg, e.folder, e.only)] : files(join(pkg, e.folder));
    return { ...e, size: measure(paths.map((f) => readFileSync(f))) };
  });
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entries = entrySizes('pkg');
  const width = Math.max(...entries.map((e) => e.name.length));
  console.log(
    `${'entry'.padEnd(width)} ${['raw', 'gzip -9', 'brotli', 'target'].map((h) => h.padStart(10)).join(' ')}`,
  );
  for (const { name, size, target } of entries) {
    console.log(
      `${name.padEnd(width)} ${[size.raw, size.gzip, size.brotli, target].map((n) => kb(n).padStart(10)).join(' ')}`,
    );
  }
  if (process.argv.includes('--check')) {
    const over = entries.filter((e) => e.size.gzip > e.target);
    for (const e of over)
      console.error(`size: ${e.name}: ${kb(e.size.gzip)} gzip exceeds its target of ${kb(e.target)}`);
    if (over.length) process.exit(1);
    console.log('size: every entry within its gzip target');
  }
}
