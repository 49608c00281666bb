// A merchant's checkout page in TypeScript, with the default entry (a bundler resolves it).
import { NaverPayCheckout, isNaverPayError, parseRedirectResult, validateNaverPay } from 'naverpay-checkout';
import type { FieldIssue, NaverPayParams, NaverProduct, PaymentResult, PayMode } from 'naverpay-checkout';

const products: NaverProduct[] = [
  { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 },
  { categoryType: 'MUSIC', categoryId: 'LP', uid: 'lp-0001', name: 'Abbey Road', count: 2, payReferrer: 'NAVER_MUSIC' },
  { categoryType: 'MOVIE', categoryId: 'BLUERAY', uid: 'bd-0001', name: 'Oldboy', count: 1 },
];

const params: NaverPayParams = {
  merchant_uid: 'order_0001',
  name: products[0]?.name ?? 'order',
  amount: 14000,
  buyer_email: 'buyer@example.com',
  m_redirect_url: 'https://shop.example/pay/complete',
  naverProducts: products,
};

export function showIssues(list: HTMLElement, issues: readonly FieldIssue[]): void {
  list.replaceChildren(
    ...issues.map((issue) => {
      const li = document.createElement('li');
      li.textContent = `${issue.field}: ${issue.message} (${issue.code})`;
      return li;
    }),
  );
}

export async function setUpCheckout(button: HTMLButtonElement, message: HTMLElement, issues: HTMLElement): Promise<void> {
  const report = validateNaverPay(params, { locale: 'en' });
  if (!report.ok) {
    showIssues(issues, report.errors);
    return;
  }
  const mode: PayMode = report.mode;
  const amount: number = report.request.amount;
  message.textContent = `${mode}: ${amount}`;

  const checkout = await NaverPayCheckout.load({ merchantCode: 'imp00000000', timeoutMs: 5000 });
  button.addEventListener('click', async () => {
    try {
      const result: PaymentResult = await checkout.pay(params, { mode: 'auto', minAmount: 100 });
      message.textContent = result.success ? `paid: ${result.imp_uid ?? ''}` : (result.error_msg ?? '');
    } catch (e) {
      if (isNaverPayError(e)) {
        // Narrowed: the error code is a literal union.
        if (e.code === 'INVALID_PARAMS') showIssues(issues, e.errors ?? []);
        else if (e.code === 'PAYMENT_IN_PROGRESS') message.textContent = 'wait';
      }
    }
  });
}

export function onRedirectPage(href: string): string {
  const result = parseRedirectResult(href);
  return result.success ? (result.imp_uid ?? '') : (result.error_msg ?? '');
}
