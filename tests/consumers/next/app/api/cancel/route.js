// A Route Handler building PortOne's POST /payments/cancel body on the server.
import { buildCancelPaymentBody, isNaverPayError } from 'naverpay-checkout';

export async function POST(request) {
  try {
    return Response.json(buildCancelPaymentBody(await request.json()));
  } catch (e) {
    if (!isNaverPayError(e)) throw e;
    return Response.json({ code: e.code, fields: e.errors.map((issue) => issue.field) }, { status: 400 });
  }
}
