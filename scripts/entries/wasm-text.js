// The inline entries' text form of the wasm (scripts/package.mjs writes it, scripts/entries/inline.js
// reads it). Each byte becomes one or two printable ASCII characters: the bytes the module holds
// most often one character each, the others a prefix character and one more. A byte always becomes
// the same characters, so every repeat of the module stays a repeat of the text and gzip finds it,
// as with hexadecimal, in about 1.1 characters a byte instead of 2 (docs/design.md, "How the wasm
// reaches each environment"). The alphabet leaves out the quotes, the backslash and `<` (no
// `</script>`, no `<!--`): the text is one plain string literal in every minifier, bundler and page.

/** The characters of the text, in order: printable ASCII without ' " ` \ <. */
export const ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => !`'"\`\\<`.includes(c))
  .join('');
/** How many characters of ALPHABET (its last ones) start a two-character byte. */
export const PREFIXES = 3;

/**
 * The byte of each code: the bytes of `singles` in ascending order (the one-character codes), then
 * the others in ascending order (the two-character codes, prefix by prefix). `singles` is a set of
 * ALPHABET.length - PREFIXES bytes as 64 hexadecimal digits, bit `b % 4` of digit `b / 4` for byte
 * `b`. Which byte gets which character changes nothing for gzip, only which bytes get one: so the
 * text needs no byte order, only this set.
 */
export function codeBytes(singles) {
  const bytes = [];
  for (const one of [1, 0])
    for (let b = 0; b < 256; b++) if (((parseInt(singles[b >> 2], 16) >> (b & 3)) & 1) === one) bytes.push(b);
  return new Uint8Array(bytes);
}

/**
 * The decoder, a WebAssembly module of its own: the decoding loop runs at once at full speed, where
 * the same loop in JavaScript starts in the interpreter (docs/design.md, "How the wasm reaches each
 * environment"). Its source, which tests/entries.test.mjs assembles and compares with these bytes:
 *
 * (module
 *  (memory (export "m") 1)
 *  ;; memory: [0, 128) the index of each character in ALPHABET, [128, 384) the byte of each code
 *  ;; (codeBytes), then the text's `len` characters, which the module's bytes overwrite as they
 *  ;; are decoded (a byte takes one character or two); returns how many bytes there are
 *  (func (export "d") (param $len i32) (param $single i32) (param $size i32) (result i32)
 *   (local $i i32) (local $n i32) (local $k i32)
 *   (loop $next
 *    (if (i32.lt_u (local.get $i) (local.get $len))
 *     (then
 *      (i32.store8 offset=384 (local.get $n)
 *       (i32.load8_u offset=128
 *        (if (result i32)
 *         (i32.ge_u (local.tee $k (i32.load8_u (i32.load8_u offset=384 (local.get $i)))) (local.get $single))
 *         (then
 *          (i32.add
 *           (i32.load8_u (i32.load8_u offset=384 (local.tee $i (i32.add (local.get $i) (i32.const 1)))))
 *           (i32.add (local.get $single) (i32.mul (i32.sub (local.get $k) (local.get $single)) (local.get $size)))))
 *         (else (local.get $k)))))
 *      (local.set $n (i32.add (local.get $n) (i32.const 1)))
 *      (local.set $i (i32.add (local.get $i) (i32.const 1)))
 *      (br $next))))
 *   (local.get $n)))
 */
export const DECODER =
  '0061736d0100000001080160037f7f7f017f030201000503010001070902016d0200016400000a5b015901037f034020032000490440200420032d0080032d0000220520014f047f200341016a22032d0080032d00002001200520016b20026c6a6a0520050b2d0080013a008003200441016a2104200341016a21030c010b0b20040b';

/** The module's bytes from its `text` and `singles` (see codeBytes). */
export function decode(text, singles) {
  const decoder = Uint8Array.from(DECODER.match(/../g), (h) => parseInt(h, 16));
  const { m, d } = new WebAssembly.Instance(new WebAssembly.Module(decoder)).exports;
  const len = text.length;
  m.grow(Math.ceil((384 + len) / 65536));
  const memory = new Uint8Array(m.buffer);
  for (let i = 0; i < ALPHABET.length; i++) memory[ALPHABET.charCodeAt(i)] = i;
  memory.set(codeBytes(singles), 128);
  // The text is ASCII: one byte a character.
  new TextEncoder().encodeInto(text, memory.subarray(384));
  const n = d(len, ALPHABET.length - PREFIXES, ALPHABET.length);
  return memory.slice(384, 384 + n);
}
