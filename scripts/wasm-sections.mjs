// A small WebAssembly reader: section sizes of a module, its imports and exports, and the body size
// of every function named in its `name` section (the benchmark's "where the bytes are"; the
// unstripped cargo output keeps names, pkg/ is stripped). scripts/shorten-names.mjs rewrites the
// imports and exports it finds.

/** The unsigned LEB128 number at `pos`, and the position after it. */
export function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}

const SECTION_NAMES = [
  'custom',
  'type',
  'import',
  'function',
  'table',
  'memory',
  'global',
  'export',
  'start',
  'element',
  'code',
  'data',
  'data count',
];

/** `[{ id, name, size, start, header }]` for every section (custom sections named by their own
 * name): `start` is where its contents begin, `header` where its id byte is. */
export function sections(buf) {
  const out = [];
  let pos = 8;
  while (pos < buf.length) {
    const header = pos;
    const id = buf[pos++];
    let size;
    [size, pos] = leb(buf, pos);
    let name = SECTION_NAMES[id] ?? `#${id}`;
    if (id === 0) {
      const [len, p] = leb(buf, pos);
      name = `custom:${buf.subarray(p, p + len).toString('utf8')}`;
    }
    out.push({ id, name, size, start: pos, header });
    pos += size;
  }
  return out;
}

/** The entries of section `id`, each read by `entry(pos)` → `[entry, next pos]`. */
function entries(buf, id, entry) {
  const out = [];
  const section = sections(buf).find((s) => s.id === id);
  if (!section) return out;
  let [count, p] = leb(buf, section.start);
  for (let i = 0; i < count; i++) {
    let e;
    [e, p] = entry(p);
    out.push(e);
  }
  return out;
}

/** The name at `pos` (its length, then UTF-8), and the position after it. */
function name(buf, pos) {
  const [len, p] = leb(buf, pos);
  return [buf.subarray(p, p + len).toString('utf8'), p + len];
}

/** `[{ module, field, kind, fieldAt, fieldEnd, end }]` for every import: the field name (with its
 * length) spans `fieldAt` to `fieldEnd`; the import ends at `end`. */
export function imports(buf) {
  return entries(buf, 2, (at) => {
    const [module, fieldAt] = name(buf, at);
    const [field, fieldEnd] = name(buf, fieldAt);
    let p = fieldEnd;
    const kind = buf[p++];
    if (kind === 0) {
      [, p] = leb(buf, p);
    } else if (kind === 1 || kind === 2) {
      if (kind === 1) p += 1;
      const flags = buf[p++];
      [, p] = leb(buf, p);
      if (flags & 1) [, p] = leb(buf, p);
    } else if (kind === 3) {
      p += 2;
    } else {
      p += 1;
      [, p] = leb(buf, p);
    }
    return [{ module, field, kind, fieldAt, fieldEnd, end: p }, p];
  });
}

/** `[{ name, kind, nameAt, nameEnd }]` for every export: its name (with its length) spans `nameAt` to `nameEnd`. */
export function exports(buf) {
  return entries(buf, 7, (nameAt) => {
    const [exported, nameEnd] = name(buf, nameAt);
    const kind = buf[nameEnd];
    const [, end] = leb(buf, nameEnd + 1);
    return [{ name: exported, kind, nameAt, nameEnd }, end];
  });
}

/** `[{ name, size }]`: the body size of each defined function, with names from the name section. */
export function functionSizes(buf) {
  const secs = sections(buf);
  const imported = imports(buf).filter((i) => i.kind === 0).length;
  const names = new Map();
  const nameSec = secs.find((s) => s.name === 'custom:name');
  if (nameSec) {
    let [len, p] = leb(buf, nameSec.start);
    p += len;
    const end = nameSec.start + nameSec.size;
    while (p < end) {
      const sub = buf[p++];
      let size;
      [size, p] = leb(buf, p);
      if (sub === 1) {
        let [count, q] = leb(buf, p);
        for (let i = 0; i < count; i++) {
          let idx;
          let n;
          [idx, q] = leb(buf, q);
          [n, q] = leb(buf, q);
          names.set(idx, buf.subarray(q, q + n).toString('utf8'));
          q += n;
        }
      }
      p += size;
    }
  }
  const code = secs.find((s) => s.id === 10);
  const out = [];
  if (!code) return out;
  let [count, p] = leb(buf, code.start);
  for (let i = 0; i < count; i++) {
    const start = p;
    let size;
    [size, p] = leb(buf, p);
    p += size;
    out.push({ name: names.get(imported + i) ?? `func[${imported + i}]`, size: p - start });
  }
  return out;
}

/** The crate a Rust symbol (as wasm-bindgen's and wasm-opt's name section writes it) comes from, roughly. */
export function crateOf(raw) {
  const name = raw.replace(/\[[0-9a-f]{8,}\]/g, '');
  if (/externref shim|^__wbg|^__wbindgen|^__externref|^wasm_bindgen::/.test(name)) return 'wasm-bindgen glue';
  const as = /^<[^<>]*? as ([a-z_][a-z0-9_]*)::/.exec(name);
  if (as) return as[1];
  const path = /^<?([a-z_][a-z0-9_]*)::/.exec(name);
  if (path) return path[1];
  return '(other)';
}
