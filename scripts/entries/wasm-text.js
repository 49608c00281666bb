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

/** The module's bytes from its `text` and `singles` (see codeBytes). */
export function decode(text, singles) {
  const single = ALPHABET.length - PREFIXES;
  const index = new Uint8Array(128);
  for (let i = 0; i < ALPHABET.length; i++) index[ALPHABET.charCodeAt(i)] = i;
  const byte = codeBytes(singles);
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let k = index[text.charCodeAt(i)];
    if (k >= single) k = single + (k - single) * ALPHABET.length + index[text.charCodeAt(++i)];
    bytes[n++] = byte[k];
  }
  return bytes.slice(0, n);
}
