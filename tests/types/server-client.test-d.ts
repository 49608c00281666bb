// Type-only test of `naverpay-checkout/server` with lib ES2022 and no DOM (a Node server).
//   node_modules/.bin/tsc -p tests/types/tsconfig.node.json

import { createPortOneClient, isPortOneApiError, type VerifyResult } from 'naverpay-checkout/server';

const portone = createPortOneClient({ apiKey: 'k', apiSecret: 's', timeoutMs: 3000, retries: 1 });

async function complete(imp_uid: string, merchant_uid: string, amount: number): Promise<boolean> {
  const result: VerifyResult = await portone.verifyPayment({ imp_uid, merchant_uid, amount }, { onMismatch: 'cancel' });
  switch (result.verdict) {
    case 'paid':
      return true;
    case 'amount_mismatch':
    case 'merchant_uid_mismatch':
    case 'not_paid':
    case 'not_found':
    case 'unknown':
      return false;
  }
}

async function webhook(body: string): Promise<string> {
  const r = await portone.handleWebhook(body, { orderAmount: async (uid) => (uid === 'o' ? 1000 : null) });
  return `${r.notice.imp_uid} ${r.verdict}`;
}

async function calls(): Promise<void> {
  await portone.preparePayment({ merchant_uid: 'o', amount: 1000 });
  await portone.cancelPayment({ imp_uid: 'imp_1', reason: 'r', extra: { requester: 'admin' } });
  await portone.deleteBillingKey({ customer_uid: 'c', reason: 'r', extra: { requester: 'customer' } });
  try {
    await portone.getPayment('imp_1');
  } catch (e) {
    if (isPortOneApiError(e)) {
      const code: number | string = e.code;
      const status: number | null = e.status;
      void [code, status, e.path];
    }
  }
}

// @ts-expect-error the secret is required
createPortOneClient({ apiKey: 'k' });
// @ts-expect-error onMismatch is 'cancel' or absent
void portone.verifyPayment({ imp_uid: 'i', merchant_uid: 'o', amount: 1 }, { onMismatch: 'refund' });
// @ts-expect-error the amount is the number your server recorded
void portone.verifyPayment({ imp_uid: 'i', merchant_uid: 'o', amount: '1000' });
// @ts-expect-error handleWebhook needs your order's amount
void portone.handleWebhook('{}', {});

void [complete, webhook, calls];

// ---- V2 ----
import { createPortOneV2Client } from 'naverpay-checkout/server';

const v2 = createPortOneV2Client({ apiSecret: 's', webhookSecret: 'whsec_x' });
async function v2Flow(body: string, headers: Record<string, string>): Promise<boolean> {
  const r = await v2.verifyPayment({ paymentId: 'p', amount: 1000 }, { onMismatch: 'cancel' });
  await v2.cancelPayment({ paymentId: 'p', reason: 'r', requester: 'CUSTOMER' });
  await v2.deleteBillingKey({ billingKey: 'k', reason: 'r', requester: 'ADMIN' });
  await v2.revokePaymentSchedules({ billingKey: 'k' });
  const hook = await v2.handleWebhook(body, headers, { orderAmount: () => 1000 });
  const lines = await v2.verifyPayment(
    { paymentId: 'p', amount: 1000, products: [{ id: 'book', amount: 500, quantity: 2 }] },
    { onMismatch: 'cancel' },
  );
  return r.verdict === 'paid' && hook.verdict !== 'unknown' && lines.verdict !== 'products_mismatch';
}
// @ts-expect-error an order line's quantity is a number
void v2.verifyPayment({ paymentId: 'p', amount: 1000, products: [{ id: 'book', amount: 500, quantity: '2' }] });
// @ts-expect-error V2's requester is CUSTOMER or ADMIN
void v2.cancelPayment({ paymentId: 'p', reason: 'r', requester: 'customer' });
// @ts-expect-error billing-key deletion needs reason and requester
void v2.deleteBillingKey({ billingKey: 'k' });
// @ts-expect-error V2 has no merchant_uid_mismatch
const impossible: import('naverpay-checkout/server').V2Verdict = 'merchant_uid_mismatch';
void [v2Flow, impossible];
