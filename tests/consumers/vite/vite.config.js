// Vite as vite-plugin-wasm's README sets it up for a wasm-bindgen "bundler" package. Vite 7's
// default build target (baseline-widely-available: Chrome 107, Safari 16, Firefox 104) has
// top-level await, so vite-plugin-top-level-await is not needed.
import { defineConfig } from 'vite';
import wasm from 'vite-plugin-wasm';

export default defineConfig({
  plugins: [wasm()],
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true },
});
