// The shop's price list and plans. It lives on the server: the page shows these prices, but the
// amount a payment must match is always computed here, never taken from the browser.

/** Products on sale, with their Naver Pay category (`naverProducts[i].categoryType`/`categoryId`). */
export const PRODUCTS = Object.freeze([
  {
    id: 'history-of-the-world',
    uid: '107922211',
    name: '세계사 편력 (History of the World)',
    note: '도서 · 양장본',
    price: 14000,
    categoryType: 'BOOK',
    categoryId: 'GENERAL',
    badge: 'BOOK',
  },
  {
    id: 'bts-map-of-the-soul',
    uid: '299911002',
    name: 'BTS — Map of the Soul : 7 (CD)',
    note: '음반 · 정규 4집',
    price: 21500,
    categoryType: 'MUSIC',
    categoryId: 'CD',
    badge: 'CD',
  },
  {
    id: 'steel-tumbler',
    uid: '503300771',
    name: '스테인리스 텀블러 500ml',
    note: '생활 · 보온보냉',
    price: 12900,
    categoryType: 'PRODUCT',
    categoryId: 'GENERAL',
    badge: 'GOODS',
  },
  {
    id: 'ebook-sample',
    uid: '107922299',
    name: '전자책 맛보기 한 장',
    note: '전자책 · 바로 다운로드',
    price: 50,
    categoryType: 'BOOK',
    categoryId: 'EBOOK',
    badge: 'EBOOK',
  },
]);

/** Quantities the cart starts with. */
export const INITIAL_CART = Object.freeze({
  'history-of-the-world': 1,
  'bts-map-of-the-soul': 1,
  'steel-tumbler': 1,
  'ebook-sample': 0,
});

/** Recurring plans for the billing-key flow. */
export const PLANS = Object.freeze([
  {
    id: 'reading-club',
    name: '월간 독서 클럽',
    description: '매달 편집자가 고른 신간 한 권과 독서 노트',
    price: 9900,
    naverProductCode: 'reading-club-monthly',
  },
]);

export const MAX_COUNT = 999;
