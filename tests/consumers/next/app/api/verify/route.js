// A Route Handler verifying a payment with naverpay-checkout/server (verify-first). The test passes the base URL
// of the REST simulator it started; a real shop reads its keys from the environment and uses PortOne's URL.
import { createPortOneClient } from 'naverpay-checkout/server';

export async function POST(request) {
  const { baseUrl, imp_uid, merchant_uid, amount } = await request.json();
  const portone = createPortOneClient({ apiKey: 'key_next_consumer', apiSecret: 'secret_next_consumer', baseUrl });
  const result = await portone.verifyPayment({ imp_uid, merchant_uid, amount }, { onMismatch: 'cancel' });
  return Response.json({ verdict: result.verdict, cancelled: result.cancelled });
}
