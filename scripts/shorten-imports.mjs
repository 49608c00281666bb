// Gives the functions a wasm module imports from its wasm-bindgen glue short names, in the module
// and in the glue alike: `__wbg_addEventListener_f2d27251d333a631` becomes `a`. Each name carries a
// 16-digit hash that neither gzip nor a minifier can shrink, and each is written twice (in the .wasm
// and in the .js): about 1.5 KB of the gzipped web build.
import { readFileSync, writeFileSync } from 'node:fs';
import { imports, leb, sections } from './wasm-sections.mjs';

function uleb(n) {
  const bytes = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    bytes.push(byte);
  } while (n);
  return Buffer.from(bytes);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const word = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');

/** Short names in order, skipping any that already stands as a word in `js`. */
function* shortNames(js) {
  for (let n = 0; ; n++) {
    let name = '';
    for (let i = n; ; i = Math.floor(i / LETTERS.length) - 1) {
      name = LETTERS[i % LETTERS.length] + name;
      if (i < LETTERS.length) break;
    }
    if (!word(name).test(js)) yield name;
  }
}

/**
 * Renames every import of `module` in `wasmPath` and in the glue `jsPath`, where each must stand
 * exactly once as a word (its key or its exported function); throws, changing nothing, otherwise.
 */
export function shortenImports(wasmPath, jsPath, module) {
  const wasm = readFileSync(wasmPath);
  let js = readFileSync(jsPath, 'utf8');
  const section = sections(wasm).find((s) => s.id === 2);
  const all = imports(wasm);
  const names = shortNames(js);
  const parts = [uleb(all.length)];
  let [, from] = leb(wasm, section.start);
  for (const imp of all) {
    if (imp.module !== module) continue;
    const found = js.match(word(imp.field))?.length ?? 0;
    if (found !== 1) throw new Error(`${jsPath}: import ${imp.field} stands ${found} times, not once`);
    const short = names.next().value;
    js = js.replace(word(imp.field), short);
    parts.push(wasm.subarray(from, imp.fieldAt), uleb(short.length), Buffer.from(short), wasm.subarray(imp.fieldEnd, imp.end));
    from = imp.end;
  }
  parts.push(wasm.subarray(from, section.start + section.size));
  const contents = Buffer.concat(parts);
  const out = Buffer.concat([wasm.subarray(0, section.header), Buffer.from([2]), uleb(contents.length), contents,
    wasm.subarray(section.start + section.size)]);
  writeFileSync(wasmPath, out);
  writeFileSync(jsPath, js);
}
