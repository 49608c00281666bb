// A V2 page's code as a CommonJS module (.cts): `require` resolves naverpay-checkout/v2's Node build,
// typed by the same v2.d.ts.
import npc = require('naverpay-checkout/v2');

export function redirectMessage(query: string): string | null {
  const result: npc.PaymentResult = npc.parseRedirectResultV2(query);
  return result.success ? null : result.error_msg;
}

export function check(params: npc.NaverPayParamsV2): boolean {
  return npc.validateNaverPayV2(params).ok;
}
