// MUST NOT COMPILE: EBOOK is a BOOK category, not a MUSIC one. tests/consumers.test.mjs asserts
// tsc rejects this file with TS2322 on line 5 (the declaration), naming "EBOOK", and nothing else.
import type { NaverProduct } from 'naverpay-checkout';

export const product: NaverProduct = {
  categoryType: 'MUSIC',
  categoryId: 'EBOOK',
  uid: 'm1',
  name: 'Album',
  count: 1,
};
