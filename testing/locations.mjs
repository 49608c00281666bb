// Where the test kit finds the simulators and the package's Node build, relative to this file.
// In the repository they are sim/ and pkg/node/; scripts/package.mjs copies the simulators into
// pkg/testing/ and rewrites these three paths for the package's layout.
import { fileURLToPath } from 'node:url';

export { createRestSimulator, readBody, parseForm, MESSAGES as REST_MESSAGES } from '../sim/rest.mjs';
export const IMP_SCRIPT = fileURLToPath(new URL('../sim/imp.js', import.meta.url));
export const NODE_BUILD = fileURLToPath(new URL('../pkg/node/naverpay_checkout.js', import.meta.url));
