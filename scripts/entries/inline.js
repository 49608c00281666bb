// The default entry (and, bundled differently, the CommonJS and classic-script builds): the wasm
// travels inside this file as text and is compiled and instantiated synchronously when the module
// is evaluated. Importing the package so needs no bundler setting, no wasm loader, no top-level
// await and no `init()`; the validators are synchronous from the first line.
// The text is scripts/entries/wasm-text.js's: each byte one or two printable characters, so gzip
// finds the module's repeats as in hexadecimal at little more than half its length (docs/design.md).
// The text first in the bundle (esbuild keeps the import order): gzip then compresses it and the
// glue's code in fewer shared blocks, 0.2 KB less than with the glue first (docs/design.md).
import { WASM_TEXT, WASM_SINGLES } from './wasm.js';
import { decode } from './wasm-text.js';
import { initSync } from './glue.js';

initSync({ module: decode(WASM_TEXT, WASM_SINGLES) });
