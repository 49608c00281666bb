// The default entry (and, bundled differently, the CommonJS and classic-script builds): the wasm
// travels inside this file as hexadecimal text and is compiled and instantiated synchronously when
// the module is evaluated. Importing the package so needs no bundler setting, no wasm loader, no
// top-level await and no `init()`; the validators are synchronous from the first line.
// Hexadecimal, not base64: two characters a byte keep the module's repeats byte-aligned, so gzip
// finds them (39 KB gzip against 46 KB for base64; docs/design.md).
import { initSync } from './glue.js';
import { WASM_HEX } from './wasm.js';

/** The bytes of lower-case hexadecimal text: natively where the engine has `Uint8Array.fromHex`
 * (0.2 ms in Chromium 156, against 4 to 13 ms for the loop in a page's first, interpreted run). */
function decode(hex) {
  if (typeof Uint8Array.fromHex === 'function') return Uint8Array.fromHex(hex);
  const digit = (c) => (c < 97 ? c - 48 : c - 87);
  const bytes = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = (digit(hex.charCodeAt(2 * i)) << 4) | digit(hex.charCodeAt(2 * i + 1));
  }
  return bytes;
}

initSync({ module: decode(WASM_HEX) });
