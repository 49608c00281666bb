// A merchant's server as a CommonJS module: `require` resolves the package's Node build.
import npc = require('naverpay-checkout');

export function cancelBody(impUid: string): string {
  return npc.buildCancelPaymentBody({ imp_uid: impUid, reason: 'out of stock' }).form;
}
