// The PortOne V2 browser-SDK simulator (sim/portone-v2.js) installed into a Playwright page or context:
// PortOne's SDK URL answers with the simulator, and the outcomes given are handed out one per call
// (`window.PortOne.__sim` in the page records the calls and takes more: sim/README.md).
import { readFileSync } from 'node:fs';
import { PORTONE_V2_SCRIPT } from './locations.mjs';
import { OUTCOMES } from './imp.mjs';

/** sim/portone-v2.js, the classic script that defines `window.PortOne`. */
export const PORTONE_V2_SOURCE = readFileSync(PORTONE_V2_SCRIPT, 'utf8');

/** The URL merchants load PortOne V2's browser SDK from; installPortOneV2Simulator answers it. */
export const V2_SDK_URL = 'https://cdn.portone.io/v2/browser-sdk.js';

/**
 * Routes `V2_SDK_URL` to the simulator in `target` (a Playwright Page or BrowserContext) and scripts
 * `outcomes` (V1's outcome names or objects, one per coming call in each page that loads the SDK).
 */
export async function installPortOneV2Simulator(target, { outcomes = [] } = {}) {
  for (const o of outcomes) {
    const result = typeof o === 'string' ? o : o?.result;
    if (!OUTCOMES.includes(result))
      throw new TypeError(`an outcome's result is one of ${OUTCOMES.join(', ')}; got ${JSON.stringify(o)}`);
  }
  await target.route(V2_SDK_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: PORTONE_V2_SOURCE }),
  );
  if (outcomes.length)
    await target.addInitScript({ content: `window.__portOneV2Outcomes = ${JSON.stringify(outcomes)};` });
}
