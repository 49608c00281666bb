// A merchant's server (ES module): validators and body builders, no DOM types needed.
import {
  buildAgainPaymentBody,
  buildCancelPaymentBody,
  buildSchedulePaymentBody,
  isNaverPayError,
  validateBillingKey,
} from 'naverpay-checkout';
import type { AgainPaymentJson, CancelPaymentJson, CancelRequester, SchedulePaymentJson } from 'naverpay-checkout';

export function bodies(now: number): { again: AgainPaymentJson; schedule: SchedulePaymentJson; cancel: CancelPaymentJson; form: string } {
  const again = buildAgainPaymentBody(
    { customer_uid: 'c1', merchant_uid: 'm2', amount: 10000, name: 'Plan', extra: { naverUseCfm: '20301001' } },
    { now },
  );
  const schedule = buildSchedulePaymentBody({
    customer_uid: 'c1',
    schedules: [{ merchant_uid: 'm3', schedule_at: Math.floor(now / 1000) + 86400, amount: 10000 }],
  });
  const requester: CancelRequester = 'customer';
  const cancel = buildCancelPaymentBody({ merchant_uid: 'm2', reason: 'customer asked', extra: { requester } });
  return { again: again.json, schedule: schedule.json, cancel: cancel.json, form: again.form };
}

export function billingKeyProblems(body: unknown): string[] {
  const report = validateBillingKey(body);
  return report.ok ? [] : report.errors.map((e) => `${e.field} ${e.code}`);
}

export function describe(e: unknown): string {
  return isNaverPayError(e) ? `${e.code} ${(e.errors ?? []).length}` : String(e);
}
