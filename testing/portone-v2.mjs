// The PortOne V2 browser-SDK simulator (sim/portone-v2.js) installed into a Playwright page or context:
// PortOne's SDK URL answers with the simulator, and the outcomes given are handed out one per call
// (`window.PortOne.__sim` in the page records the calls and takes more: sim/README.md). The handle keeps, on the
// Node side, the record of every call and an outcome queue, as installImpSimulator's does for V1.
import { readFileSync } from 'node:fs';
import { PORTONE_V2_SCRIPT } from './locations.mjs';
import { OUTCOMES, installInPlaywright } from './imp.mjs';

/** sim/portone-v2.js, the classic script that defines `window.PortOne`. */
export const PORTONE_V2_SOURCE = readFileSync(PORTONE_V2_SCRIPT, 'utf8');

/** The URL merchants load PortOne V2's browser SDK from; installPortOneV2Simulator answers it. */
export const V2_SDK_URL = 'https://cdn.portone.io/v2/browser-sdk.js';

const installed = new WeakMap(); // target → handle

/**
 * Routes `V2_SDK_URL` to the simulator in `target` (a Playwright Page or BrowserContext) and scripts
 * `outcomes` (V1's outcome names or objects, one per coming call in each page that loads the SDK). With
 * `initScript: true` every document gets the simulator before its own scripts, wherever it would load the SDK
 * from; `config` is given to `PortOne.__sim.configure` (`reportUrl`, `navigate`). Installing twice on the same
 * target returns the first handle.
 */
export async function installPortOneV2Simulator(target, { outcomes = [], initScript = false, config = {} } = {}) {
  for (const o of outcomes) {
    const result = typeof o === 'string' ? o : o?.result;
    if (!OUTCOMES.includes(result))
      throw new TypeError(`an outcome's result is one of ${OUTCOMES.join(', ')}; got ${JSON.stringify(o)}`);
  }
  const known =
    installed.get(target) ?? (typeof target.context === 'function' ? installed.get(target.context()) : undefined);
  if (known) {
    if (outcomes.length) await known.script(...outcomes);
    return known;
  }
  const handle = await installInPlaywright(target, {
    outcomes,
    body:
      `${PORTONE_V2_SOURCE}\n;window.PortOne && window.PortOne.__sim && ` +
      `window.PortOne.__sim.configure(${JSON.stringify(config)});\n`,
    initScript,
    sdkUrls: [V2_SDK_URL],
    global: 'PortOne',
    bindings: ['__portOneSimRecord', '__portOneSimOutcome'],
  });
  installed.set(target, handle);
  return handle;
}
