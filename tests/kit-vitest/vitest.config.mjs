// The examples of docs/testing.md, written into generated/ by tests/testing-kit.test.mjs. The package is the
// built one in pkg/ (npm run build), under the name merchants import it by.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { 'naverpay-checkout/testing': fileURLToPath(new URL('../../pkg/testing/index.mjs', import.meta.url)) },
  },
  test: { include: ['generated/*.test.js'] },
});
