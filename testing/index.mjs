// naverpay-checkout/testing: the offline PortOne simulators and Naver Pay's inspection, rehearsed.
// Node only (tests and the CLI); no browser entry of the package imports it.
export { installImpSimulator, IMP_SOURCE, IMP_MESSAGES, OUTCOMES, SDK_URL } from './imp.mjs';
export { installPortOneV2Simulator, PORTONE_V2_SOURCE, V2_SDK_URL } from './portone-v2.mjs';
export {
  startRestSimulator,
  createRestFetch,
  createRestSimulator,
  API_URL,
  startRestV2Simulator,
  createRestV2Simulator,
} from './rest.mjs';
export { rehearseInspection, formatReport, SCENARIOS, DEVICES } from './rehearse.mjs';
export { rehearseServer, SERVER_SCENARIOS } from './rehearse-server.mjs';
