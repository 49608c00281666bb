// The ways merchants write params before passing them (the npm README's "TypeScript" section): an
// annotation, `satisfies` and `as const` keep the literal types that categoryType/categoryId need;
// an unannotated object literal in a `const` widens them to `string`, which cannot be checked.
import { NaverPayCheckout, validateNaverPay, type NaverPayParams, type NaverProduct, type BillingKeyParams } from 'naverpay-checkout';

declare const checkout: NaverPayCheckout;

const annotated: NaverPayParams = {
  merchant_uid: 'order_0001', name: 'History of the World', amount: 14000,
  naverProducts: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 }],
};
void checkout.pay(annotated);

const satisfying = {
  merchant_uid: 'order_0001', name: 'History of the World', amount: 14000,
  naverProducts: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 }],
} satisfies NaverPayParams;
void checkout.pay(satisfying);

const constant = {
  merchant_uid: 'order_0001', name: 'History of the World', amount: 14000,
  naverProducts: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 }],
} as const;
void checkout.pay(constant);

// Products mapped from a cart: each typed as NaverProduct where it is made.
declare const cart: { id: string; title: string; quantity: number }[];
const products = cart.map((item): NaverProduct => ({
  categoryType: 'BOOK', categoryId: 'GENERAL', uid: item.id, name: item.title, count: item.quantity,
}));
void checkout.pay({ merchant_uid: 'order_0002', name: 'Books', amount: 28000, naverProducts: products });

const billing = { merchant_uid: 'order_0003', name: 'Slim plan', amount: 0, customer_uid: 'gildong_0001_1234',
  buyer_tel: '010-1234-5678', naverProductCode: 'slim_plan' } satisfies BillingKeyParams;
void checkout.registerBillingKey(billing);

const widened = {
  merchant_uid: 'order_0001', name: 'History of the World', amount: 14000,
  naverProducts: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 }],
};
// @ts-expect-error categoryType widened to string: write `satisfies NaverPayParams` (or annotate the const)
void checkout.pay(widened);
// The validators take unknown input (they check at run time), so the widened object is accepted there.
validateNaverPay(widened);
