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
export const PREFIXES = 2;

/**
 * The module's bytes from its `text` and `order` (the bytes, most frequent first, as hexadecimal):
 * the k-th byte of `order` is the k-th one-character code, then the two-character codes in turn.
 */
export function decode(text, order) {
  const single = ALPHABET.length - PREFIXES;
  const index = new Uint8Array(128);
  for (let i = 0; i < ALPHABET.length; i++) index[ALPHABET.charCodeAt(i)] = i;
  const byte = new Uint8Array(256);
  for (let k = 0; k < 256; k++) byte[k] = parseInt(order.substr(2 * k, 2), 16);
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let k = index[text.charCodeAt(i)];
    if (k >= single) k = single + (k - single) * ALPHABET.length + index[text.charCodeAt(++i)];
    bytes[n++] = byte[k];
  }
  return bytes.slice(0, n);
}
