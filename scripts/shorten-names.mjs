// Gives the names a wasm module imports and exports short forms, in the module and in its
// wasm-bindgen glue alike: `__wbg_addEventListener_f2d27251d333a631` becomes `a`, and
// `wasm_bindgen__convert__closures_____invoke__h3c915fa960423ffd` becomes `b`. These names carry
// hashes that neither gzip nor a minifier can shrink, and each is written twice (in the .wasm and
// in the .js): about 2 KB of the gzipped web build. `memory` keeps its name (pages may read it).
import { readFileSync, writeFileSync } from 'node:fs';
import { exports as exportsOf, imports, leb, sections } from './wasm-sections.mjs';

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
const escape = (name) => name.replace(/\$/g, '\\$');
const word = (name) => new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, 'g');

/** Short names in order, skipping any that `taken` refuses. */
function* shortNames(taken) {
  for (let n = 0; ; n++) {
    let name = '';
    for (let i = n; ; i = Math.floor(i / LETTERS.length) - 1) {
      name = LETTERS[i % LETTERS.length] + name;
      if (i < LETTERS.length) break;
    }
    if (!taken(name)) yield name;
  }
}

/** `wasm` with the names of section `id` that `rename` maps replaced; entries are `{ nameAt, nameEnd }`. */
function rewrite(wasm, id, entries, rename) {
  const section = sections(wasm).find((s) => s.id === id);
  let [count, from] = leb(wasm, section.start);
  const parts = [uleb(count)];
  for (const e of entries) {
    const short = rename(e);
    if (short === undefined) continue;
    parts.push(wasm.subarray(from, e.nameAt), uleb(short.length), Buffer.from(short));
    from = e.nameEnd;
  }
  parts.push(wasm.subarray(from, section.start + section.size));
  const contents = Buffer.concat(parts);
  return Buffer.concat([
    wasm.subarray(0, section.header),
    Buffer.from([id]),
    uleb(contents.length),
    contents,
    wasm.subarray(section.start + section.size),
  ]);
}

/**
 * Renames the imports of `module` and the exports of `wasmPath` in it and in the glue files `jsPaths`.
 * Each import must stand exactly once as a word in the glue (its function); each export renamed
 * must be read only as `wasm.<name>`. Throws, writing nothing, when an import does not.
 */
export function shortenNames(wasmPath, jsPaths, module) {
  let wasm = readFileSync(wasmPath);
  const js = jsPaths.map((p) => readFileSync(p, 'utf8'));
  const count = (re) => js.reduce((n, text) => n + (text.match(re)?.length ?? 0), 0);
  const replace = (re, to) =>
    js.forEach((text, i) => {
      js[i] = text.replace(re, to);
    });

  // Imports and exports draw from one sequence: no short name is both (a loader that binds a
  // module's imports and exports in one scope, as ES-module integration does, sees no clash).
  const names = shortNames((name) => count(word(name)) > 0);
  wasm = rewrite(
    wasm,
    2,
    imports(wasm).map((i) => ({ ...i, nameAt: i.fieldAt, nameEnd: i.fieldEnd })),
    (imp) => {
      if (imp.module !== module) return undefined;
      const found = count(word(imp.field));
      if (found !== 1) throw new Error(`${wasmPath}: import ${imp.field} stands ${found} times in the glue, not once`);
      const short = names.next().value;
      replace(word(imp.field), short);
      return short;
    },
  );

  // An export is renamed where the glue reads it only as `wasm.<name>`, or not at all (wasm-bindgen's
  // `__abort_handler` and `__instance_terminated`, which only a panic=unwind build's glue reads):
  // its other mentions must be bare identifiers (the glue names some JavaScript wrappers after the
  // export they call) or in doc comments, never another property access or a string.
  wasm = rewrite(wasm, 7, exportsOf(wasm), (exp) => {
    const asExport = new RegExp(`(?<![\\w$])wasm\\.${escape(exp.name)}(?![\\w$])`, 'g');
    const asProperty = new RegExp(`(?<=[.'"])${escape(exp.name)}(?![\\w$])`, 'g');
    const read = count(asExport);
    if (exp.name === 'memory' || count(asProperty) !== read) return undefined;
    const short = names.next().value;
    replace(asExport, `wasm.${short}`);
    return short;
  });

  writeFileSync(wasmPath, wasm);
  jsPaths.forEach((p, i) => writeFileSync(p, js[i]));
}
