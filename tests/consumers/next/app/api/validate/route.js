// A Route Handler checking a payment's params on the server, before the page is sent.
import { validateNaverPay } from 'naverpay-checkout';

export async function POST(request) {
  return Response.json(validateNaverPay(await request.json(), { mode: 'popup', locale: 'en' }));
}
