// Type-only test of `naverpay-checkout` on a Node server compiled with lib ES2022 and no DOM:
// the default entry's declarations must not need DOM types.
//   node_modules/.bin/tsc -p tests/types/tsconfig.node.json

import {
  buildAgainPaymentBody,
  buildCancelPaymentBody,
  buildDeleteBillingKeyBody,
  buildSchedulePaymentBody,
  buildUnschedulePaymentBody,
  isNaverPayError,
  parseRedirectResult,
  validateNaverPay,
} from 'naverpay-checkout';

const again = buildAgainPaymentBody({ customer_uid: 'c', merchant_uid: 'o1', amount: 10000, name: 'Plan' });
const schedule = buildSchedulePaymentBody({
  customer_uid: 'c',
  schedules: [{ merchant_uid: 'o2', schedule_at: 1_900_000_000, amount: 10000 }],
});
const cancel = buildCancelPaymentBody({ imp_uid: 'imp_1', reason: 'Out of stock', extra: { requester: 'admin' } });
const unschedule = buildUnschedulePaymentBody({ customer_uid: 'c', merchant_uid: ['o2'] });
const deletion = buildDeleteBillingKeyBody({ customer_uid: 'c', reason: 'Unsubscribed', extra: { requester: 'customer' } });
const fullRefund = buildCancelPaymentBody({ imp_uid: 'imp_1', amount: 0, checksum: 10000, reason: 'Out of stock' });
const deleteUrl: string = `https://api.iamport.kr${deletion.path}?${deletion.form}`;
const bodies: string[] = [JSON.stringify(again.json), schedule.form, cancel.form, unschedule.form, deleteUrl];
bodies.push(...(fullRefund.warnings ?? []).map((w) => w.code));

// @ts-expect-error unschedule needs customer_uid or merchant_uid
buildUnschedulePaymentBody({});
// @ts-expect-error deleting a billing key needs a reason (Naver Pay's inspection)
buildDeleteBillingKeyBody({ customer_uid: 'c' });

const report = validateNaverPay({ merchant_uid: 'o3' }, { mode: 'redirect', now: new Date(0) });
const result = parseRedirectResult('imp_uid=imp_1&imp_success=true');
try {
  buildCancelPaymentBody({ merchant_uid: 'o4', reason: '' });
} catch (e) {
  if (isNaverPayError(e)) bodies.push(e.code);
}
void [bodies, report.ok, result.success];
