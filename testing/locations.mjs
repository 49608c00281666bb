// Where the test kit finds the simulators and the package's Node build, relative to this file.
// In the repository they are sim/, pkg/node/ and pkg/v2/node/; scripts/package.mjs copies the simulators into
// pkg/testing/ and rewrites these six paths for the package's layout.
// (Plain paths, not `new URL(…, import.meta.url)`: under jsdom, `URL` may be the DOM's own class.)
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { createRestSimulator } from '../sim/rest.mjs';
export { createRestV2Simulator } from '../sim/rest-v2.mjs';
const here = path.dirname(fileURLToPath(import.meta.url));
export const IMP_SCRIPT = path.join(here, '../sim/imp.js');
export const PORTONE_V2_SCRIPT = path.join(here, '../sim/portone-v2.js');
export const NODE_BUILD = path.join(here, '../pkg/node/naverpay_checkout.js');
export const NODE_BUILD_V2 = path.join(here, '../pkg/v2/node/naverpay_checkout.js');
