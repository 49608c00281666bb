// The table of validation cases shared by bench/js-validator.test.mjs (equivalence of the wasm
// package and the hand-written JS validator) and bench/zod-schema.test.mjs. Each case:
// { name, kind: 'pay' | 'billing', params, options }.

/** 2024-12-31T15:30:00Z: already 2025-01-01 00:30 in Seoul. */
export const NOW_MS = 1_735_659_000_000;

export const PRODUCT = Object.freeze({
  categoryType: 'BOOK',
  categoryId: 'GENERAL',
  uid: '107922211',
  name: 'History of the World',
  count: 1,
});

export const PAYMENT = () => ({
  merchant_uid: 'order_0001',
  name: 'History of the World',
  amount: 14000,
  m_redirect_url: 'https://shop.example/pay/complete',
  naverProducts: [{ ...PRODUCT }],
});

export const BILLING = () => ({
  customer_uid: 'gildong_0001_1234',
  merchant_uid: 'order_monthly_0001',
  name: 'Slim plan (monthly)',
  amount: 14000,
  buyer_tel: '010-1234-5678',
  naverProductCode: 'slim_monthly',
  m_redirect_url: 'https://shop.example/billing/complete',
});

/** A cart of `n` products, valid, with every optional product field (the benchmark's input). */
export function cart(n) {
  const naverProducts = Array.from({ length: n }, (_, i) => ({
    categoryType: i % 3 === 0 ? 'BOOK' : i % 3 === 1 ? 'PRODUCT' : 'MOVIE',
    categoryId: i % 3 === 0 ? 'GENERAL' : i % 3 === 1 ? 'DIGITAL_CONTENT' : 'BLUERAY',
    uid: `sku-${100000 + i}`,
    name: i === 0 ? '세계의 역사 (History of the World)' : `상품 ${i} — product ${i}`,
    count: 1 + (i % 3),
    sellerId: `seller${i % 5}`,
    payReferrer: 'NAVER_SHOPPING',
  }));
  return {
    merchant_uid: `order_${n}_0001`,
    name: naverProducts[0].name,
    amount: 14000 * n,
    tax_free: 0,
    buyer_email: 'gildong@example.co.kr',
    buyer_tel: '010-1234-5678',
    buyer_name: '홍길동',
    m_redirect_url: 'https://shop.example/pay/complete?order=1',
    naverUseCfm: '20991231',
    naverProducts,
  };
}

const with_ = (base, patch) => {
  const o = base();
  for (const [k, v] of Object.entries(patch)) o[k] = v;
  return o;
};
const product = (patch) => {
  const o = PAYMENT();
  o.naverProducts = [{ ...PRODUCT, ...patch }];
  return o;
};

const OPTS = { now: NOW_MS };
const EN = { now: NOW_MS, locale: 'en' };

/** The hand-written table: every row of SPEC's parameter table, good and bad. */
export function cases() {
  const list = [];
  const add = (name, kind, params, options = OPTS) => list.push({ name, kind, params, options });
  const pay = (name, patch, options) => add(name, 'pay', with_(PAYMENT, patch), options);
  const bill = (name, patch, options) => add(name, 'billing', with_(BILLING, patch), options);
  const prod = (name, patch, options) => add(name, 'pay', product(patch), options);

  pay('the seed example', {});
  pay('the seed example (en)', {}, EN);
  for (const v of [undefined, null, [], [{}], 14000, true, 'x']) add(`params ${JSON.stringify(v)}`, 'pay', v);
  add('params function', 'pay', () => {});
  pay('every problem at once', {
    pg: 'kakaopay',
    merchant_uid: '',
    amount: '14000',
    naverUseCfm: '2025-01-01',
    buyer_email: 'x',
  });
  pay(
    'every problem at once (en)',
    { pg: 'kakaopay', merchant_uid: '', amount: '14000', naverUseCfm: '2025-01-01', buyer_email: 'x' },
    EN,
  );
  pay('typo and unknown', { naverPopUpMode: true, favourite_colour: 'blue' });
  pay('unknown warns, request keeps it', { favourite_colour: 'blue' });
  for (const a of [
    '14000',
    true,
    [14000],
    null,
    undefined,
    14000.5,
    NaN,
    Infinity,
    -Infinity,
    9007199254740992,
    1e300,
    9007199254740991,
    99,
    0,
    -0,
    -100,
    100,
  ]) {
    pay(`amount ${String(a)}`, { amount: a });
    pay(`amount ${String(a)} (en)`, { amount: a }, EN);
  }
  pay('minAmount 10, amount 9', { amount: 9 }, { now: NOW_MS, minAmount: 10, locale: 'en' });
  pay('minAmount 10, amount 10', { amount: 10 }, { now: NOW_MS, minAmount: 10 });
  pay('minAmount 0, amount 0', { amount: 0 }, { now: NOW_MS, minAmount: 0 });
  for (const pg of [
    'naverpay',
    'naverpay.np_123456',
    'naverpay.',
    'naverco',
    'kakaopay.naverpay',
    'NAVERPAY',
    '',
    1,
    null,
    'naverpay.a b',
    'naverpay.\u0085x',
    'naverpay.한국',
  ])
    pay(`pg ${JSON.stringify(pg)}`, { pg });
  pay('channelKey instead of pg', { channelKey: 'channel-key-1234' });
  pay('channelKey and pg', { channelKey: 'k', pg: 'naverpay' });
  pay('channelKey empty', { channelKey: '' });
  pay('channelKey number', { channelKey: 7 });
  pay('pg undefined key', { pg: undefined });
  for (const v of [undefined, null, '', 1234, 'a'.repeat(40), 'a'.repeat(41), '😀'.repeat(40), '😀'.repeat(41)]) {
    pay(`merchant_uid ${String(v).slice(0, 12)}… (${typeof v})`, { merchant_uid: v });
  }
  for (const v of ['', null, 5, '책'.repeat(40), '책'.repeat(41)]) pay(`name ${String(v).slice(0, 8)}`, { name: v });
  pay('name missing: from the first product', { name: undefined });
  add(
    'name missing, no products',
    'pay',
    (() => {
      const o = PAYMENT();
      delete o.name;
      delete o.naverProducts;
      return o;
    })(),
  );
  add(
    'name missing, first product name 41',
    'pay',
    (() => {
      const o = product({ name: '가'.repeat(41) });
      delete o.name;
      return o;
    })(),
  );
  add(
    'name missing, first product bad',
    'pay',
    (() => {
      const o = product({ name: 5 });
      delete o.name;
      return o;
    })(),
  );
  add(
    'name missing, first product not an object',
    'pay',
    (() => {
      const o = PAYMENT();
      delete o.name;
      o.naverProducts = ['x', { ...PRODUCT }];
      return o;
    })(),
  );
  add(
    'several products, name mismatch',
    'pay',
    with_(PAYMENT, { name: 'Other', naverProducts: [{ ...PRODUCT }, { ...PRODUCT, uid: '2' }] }),
  );
  add(
    'several products, name matches',
    'pay',
    with_(PAYMENT, { naverProducts: [{ ...PRODUCT }, { ...PRODUCT, uid: '2' }] }),
  );
  add('one product, name differs (no warning)', 'pay', with_(PAYMENT, { name: 'Other' }));
  for (const v of [undefined, null, [], {}, 'BOOK']) pay(`naverProducts ${JSON.stringify(v)}`, { naverProducts: v });
  pay('products not objects', { naverProducts: [{ ...PRODUCT }, 1, null, [PRODUCT]] });
  pay('second product bad count', { naverProducts: [{ ...PRODUCT }, { ...PRODUCT, count: 0 }] });
  prod('category MOVIE/BLUERAY', { categoryType: 'MOVIE', categoryId: 'BLUERAY' });
  prod('category INSURANCE/PET', { categoryType: 'INSURANCE', categoryId: 'PET' });
  prod('category MUSIC/GENERAL', { categoryType: 'MUSIC', categoryId: 'GENERAL' });
  prod('category MUSIC/GENERAL (en)', { categoryType: 'MUSIC', categoryId: 'GENERAL' });
  prod('category BOOK/BLURAY', { categoryId: 'BLURAY' });
  prod('category unknown type', { categoryType: 'TOY', categoryId: 'GENERAL' });
  prod('category lower case', { categoryType: 'book', categoryId: 'general' });
  prod('category constructor', { categoryType: 'constructor', categoryId: 'x' });
  prod('categoryType undefined', { categoryType: undefined });
  prod('categoryId 3', { categoryId: 3 });
  for (const uid of [
    undefined,
    '',
    107922211,
    'u'.repeat(100),
    'u'.repeat(101),
    '상'.repeat(33),
    '상'.repeat(34),
    '😀'.repeat(25),
    '😀'.repeat(26),
  ]) {
    prod(`uid ${String(uid).slice(0, 6)} (${typeof uid}${typeof uid === 'string' ? uid.length : ''})`, { uid });
  }
  for (const name of [undefined, '', ['x'], '상'.repeat(128), '상'.repeat(129)])
    prod(`product name ${String(name).slice(0, 4)}`, { name });
  for (const count of [1, 999999, 0, -1, 1000000, 1.5, NaN, '1', undefined, null])
    prod(`count ${String(count)}`, { count });
  for (const sellerId of ['seller01', 'a'.repeat(30), 'a'.repeat(31), 'seller_01', '판매자', '', 12, null])
    prod(`sellerId ${String(sellerId)}`, { sellerId });
  prod('sellerId bad (en)', { sellerId: 'x y' }, EN);
  for (const payReferrer of ['NAVER_BOOK', 'ETC', 'NAVER', 'naver_book', true])
    prod(`payReferrer ${String(payReferrer)}`, { payReferrer });
  prod('dates ok', { startDate: '20250101', endDate: '20250131' });
  prod('startDate 20240230', { startDate: '20240230' });
  prod('endDate 2025-01-31', { endDate: '2025-01-31' });
  prod('end before start', { startDate: '20250201', endDate: '20250131' });
  prod('end before start (en)', { startDate: '20250201', endDate: '20250131' }, EN);
  prod('startDate number', { startDate: 20250101 });
  prod('startDate leap', { startDate: '20240229', endDate: '20000229' });
  prod('dates 1900 not leap', { startDate: '19000229' });
  prod('typo sellerID', { sellerID: 'x' });
  prod('unknown colourOfCover', { colourOfCover: 'red' });
  prod('secret in product', { imp_secret: 's3cr3t' });
  for (const v of ['20250101', '20991231', '20241231', '20240230', '2025-01-01', '', 20250101, null]) {
    pay(`naverUseCfm ${String(v)}`, { naverUseCfm: v });
  }
  for (const v of ['19900101', '20250101', '20250102', '19900230', 19900101]) {
    pay(`birthday ${String(v)}`, { naverPurchaserBirthday: v });
  }
  pay('birthday future (en)', { naverPurchaserBirthday: '20250102' }, EN);
  for (const v of [true, false, 'true', 1, null]) pay(`naverPopupMode ${String(v)}`, { naverPopupMode: v });
  for (const mode of ['auto', 'popup', 'redirect']) {
    for (const npm of [undefined, true, false]) {
      pay(`mode ${mode}, naverPopupMode ${npm}`, { naverPopupMode: npm }, { now: NOW_MS, mode });
      pay(
        `mode ${mode}, naverPopupMode ${npm}, no url`,
        { naverPopupMode: npm, m_redirect_url: undefined },
        { now: NOW_MS, mode },
      );
    }
  }
  for (const v of [undefined, null, ''])
    pay(`redirect mode, m_redirect_url ${JSON.stringify(v)}`, { m_redirect_url: v }, { now: NOW_MS, mode: 'redirect' });
  for (const url of [
    'https://shop.example/pay/complete',
    'HTTPS://shop.example',
    'https://shop.example:8443/a?b=c#d',
    'https://[2001:db8::1]/x',
    'https://한국.kr/결제',
    'http://localhost:3000/done',
    'http://LOCALHOST/done',
    'http://127.0.0.1/done',
    'http://[::1]:8080/',
    'https://shop.example./x',
    '',
    'javascript:alert(1)',
    'data:text/html,x',
    '//evil.com',
    '/relative',
    'http://shop.example',
    'https:\\\\evil.com',
    'https:/\\evil',
    '/\\evil',
    'https:evil.com',
    'https:/evil.com',
    'https://',
    'https:///path',
    'https://user:pass@shop.example',
    'https://@shop.example',
    'https://shop.example:',
    'https://shop.example:99999',
    'https://shop.example:65535',
    'https://shop.example:8a',
    ' https://shop.example',
    'https://shop .example',
    'https://shop.example/\n',
    'https://sh\top.example',
    'https://..',
    'https://a..b',
    'https://%65vil.com',
    'https://[::1',
    'https://[zz]',
    'http://localhost.evil.com',
    'ftp://shop.example',
    'https://[::1]x',
    'https://a_b-c.example',
    'https://shop.example/\u00a0',
    'https://shop.example?x=@',
    'https://[]/',
    42,
    null,
  ]) {
    pay(`m_redirect_url ${JSON.stringify(url)}`, { m_redirect_url: url });
  }
  for (const [k, v] of [
    ['naverPurchaserName', ''],
    ['naverPurchaserName', 1],
    ['naverPurchaserName', '홍길동'],
    ['naverChainId', ''],
    ['naverChainId', {}],
    ['naverChainId', 'chain'],
  ])
    pay(`${k} ${JSON.stringify(v)}`, { [k]: v });
  for (const v of [
    'iamport@siot.do',
    'a.b+c@mail.example.co.kr',
    '',
    'iamport',
    'iamport@siot',
    'i@am@siot.do',
    '@siot.do',
    'a@b.',
    'a@.b',
    'a b@c.d',
    3,
    null,
  ])
    pay(`buyer_email ${JSON.stringify(v)}`, { buyer_email: v });
  for (const v of [
    '010-1234-5678',
    '01012345678',
    '+82-10-1234-5678',
    '',
    '123-456',
    '010 1234 5678',
    '010-1234-5678 ext',
    '82+1012345678',
    '123456789012345678901',
    '12345678901234567890',
    '--------',
    '+--12345678',
    '1234567-',
    '++821012345678',
    '０１０１２３４５６７８',
    1012345678,
  ]) {
    pay(`buyer_tel ${JSON.stringify(v)}`, { buyer_tel: v });
  }
  pay('buyer_tel bad (en)', { buyer_tel: '010' }, EN);
  for (const [k, v] of [
    ['buyer_name', 1],
    ['buyer_addr', ['서울']],
    ['buyer_postcode', 12345],
    ['buyer_name', null],
    ['buyer_name', '홍길동'],
  ])
    pay(`${k} ${JSON.stringify(v)}`, { [k]: v });
  for (const v of [0, 14000, 14001, -1, 0.5, '0', null]) pay(`tax_free ${JSON.stringify(v)}`, { tax_free: v });
  pay('tax_free with bad amount', { amount: 50, tax_free: 1e15 });
  for (const key of [
    'naverPopUpMode',
    'merchantUid',
    'amout',
    'naverProduct',
    'm_redirect_uri',
    'PG',
    'id',
    'Name',
    'notice_urls',
    'x'.repeat(70),
    'buyerEmail',
    'custom_data',
    'naverCultureBenefit',
    'currency',
  ]) {
    pay(`key ${key.slice(0, 20)}`, { [key]: 'v' });
    pay(`key ${key.slice(0, 20)} (en)`, { [key]: 'v' }, EN);
  }
  for (const key of [
    'imp_key',
    'imp_secret',
    'IMP-SECRET',
    'apiSecret',
    'api_key',
    'x-api-key',
    'access_token',
    'password',
    'clientSecret',
    'my_private_key',
    'authorization',
  ])
    pay(`secret ${key}`, { [key]: 's3cr3t' });
  pay('secret nested in custom_data', { custom_data: { a: [{ b: { access_token: 'x' } }] } });
  pay('secret with undefined value', { imp_secret: undefined });
  pay('undefined unknown key', { favourite: undefined });
  let deep = { imp_key: 'x' };
  for (let i = 0; i < 20; i++) deep = { d: deep };
  pay('secret 21 levels deep', { custom_data: deep });
  let edge = { imp_key: 'x' };
  for (let i = 0; i < 13; i++) edge = { d: edge };
  pay('secret 15 levels deep', { custom_data: edge });
  let edge2 = { imp_key: 'x' };
  for (let i = 0; i < 14; i++) edge2 = { d: edge2 };
  pay('secret 16 levels deep', { custom_data: edge2 });
  pay('custom_data kept by reference', { custom_data: { order: [1, 2, 3] } });
  pay('function field', { custom_data: () => 1 });
  pay('symbol and bigint fields', { currency: Symbol('x'), vat: 10n });

  // Options.
  for (const o of [
    { locale: 'jp' },
    { mode: 'mobile' },
    { minAmount: -1 },
    { minAmount: 1.5 },
    { minAmount: '100' },
    { device: 'iPhone' },
    { device: {} },
    { now: 'today' },
    { now: NaN },
    { now: new Date(NOW_MS) },
    { locale: 'en', mode: 'x', minAmount: 'y' },
    'options',
    [],
    5,
  ]) {
    pay(`options ${JSON.stringify(o)}`, {}, typeof o === 'object' && !Array.isArray(o) ? { now: NOW_MS, ...o } : o);
  }
  pay('bad options and bad params', { amount: 'x' }, { now: NOW_MS, mode: 'x' });
  for (const device of [
    { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' },
    { userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15', maxTouchPoints: 5 },
    { userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15', maxTouchPoints: 1 },
    { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36' },
    { userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/131.0', mobile: true },
    { userAgent: 'Mozilla/5.0 (Linux; Android 14; wv) KAKAOTALK 10.4.5' },
    { userAgent: 'Mozilla/5.0 (X11) Line/13.1.0' },
  ]) {
    pay(`device ${device.userAgent.slice(13, 40)} ${device.maxTouchPoints ?? ''}`, {}, { now: NOW_MS, device });
    pay(
      `device ${device.userAgent.slice(13, 40)} ${device.maxTouchPoints ?? ''} no url`,
      { m_redirect_url: undefined },
      { now: NOW_MS, device },
    );
  }
  pay('no options at all', {}, undefined);

  // Billing keys.
  bill('billing base', {});
  bill('billing no naverProducts is fine', { naverProducts: undefined });
  for (const [k, v] of [
    ['customer_uid', undefined],
    ['customer_uid', ''],
    ['customer_uid', 1],
    ['customer_uid', 'c'.repeat(80)],
    ['customer_uid', 'c'.repeat(81)],
    ['buyer_tel', undefined],
    ['buyer_tel', ''],
    ['buyer_tel', null],
    ['buyer_tel', '010'],
    ['naverProductCode', undefined],
    ['naverProductCode', ''],
    ['naverProductCode', 12],
    ['amount', 0],
    ['amount', -1],
    ['amount', -0],
    ['amount', 1.5],
    ['amount', '0'],
    ['amount', undefined],
    ['amount', 9007199254740992],
    ['naverProducts', []],
    ['naverProducts', null],
    ['naverProducts', 'PRODUCT'],
    ['naverProducts', [{ ...PRODUCT, categoryId: 'CD' }]],
    ['name', undefined],
    ['merchant_uid', undefined],
    ['pg', 'kakaopay'],
    ['imp_secret', 'x'],
    ['naverPopUpMode', false],
    ['m_redirect_url', 'javascript:alert(1)'],
    ['naverUseCfm', '20241231'],
    ['tax_free', 1],
  ]) {
    bill(`billing ${k} ${JSON.stringify(v)}`, { [k]: v });
  }
  add(
    'billing name from product',
    'billing',
    (() => {
      const o = BILLING();
      delete o.name;
      o.naverProducts = [{ ...PRODUCT, name: 'Slim plan' }];
      return o;
    })(),
  );
  add('billing amount 0 tax_free 1', 'billing', with_(BILLING, { amount: 0, tax_free: 1 }));
  // Merchants' real code and today's V1 (issue 19).
  pay('null in optional fields', {
    naverChainId: null,
    buyer_addr: null,
    pg: null,
    channelKey: null,
    naverPopupMode: null,
    tax_free: null,
  });
  pay('pay_method naverpay, escrow, SDK fields', {
    pay_method: 'naverpay',
    escrow: true,
    niceMobileV2: true,
    kakaoOpenApp: true,
  });
  pay('deprecated fields (en)', { pg: 'naverpay', naverChainId: 'c1', naverActionType: 'NEW' }, EN);
  for (const url of [
    'http://detectchangingwebview/iamport/rn',
    'https://shop.example/a b',
    'https://shop.123/',
    'https://256.0.0.1/',
    'https://1.2.3.4.5/',
    'https://4294967296/',
    'https://[::1::2]/',
    'https://[1.2.3.4]/',
    'https://shop\u2488example/',
    'https://0x7f.1/',
    'https://[::ffff:1.2.3.4]/',
    'https://한국.kr/',
  ]) {
    pay(`m_redirect_url ${url}`, { m_redirect_url: url }, EN);
  }
  pay(
    'popup forced on a phone',
    { naverPopupMode: true },
    { ...OPTS, device: { userAgent: 'Mozilla/5.0 (iPhone) Mobile/15E148' } },
  );
  pay(
    'popup option on a phone',
    {},
    { ...OPTS, mode: 'popup', device: { userAgent: 'Mozilla/5.0 (iPhone) Mobile/15E148' } },
  );
  pay('option typo and unknown option', {}, { ...OPTS, minAmmount: 5, colour: 'blue' });
  pay('naverProducts missing (en)', { naverProducts: undefined }, EN);
  pay('naverUseCfm in the past', { naverUseCfm: '20241231' });
  add('cart 1', 'pay', cart(1));
  add('cart 20', 'pay', cart(20));
  add('cart 20 (en)', 'pay', cart(20), EN);
  return list;
}

/** A seeded generator (mulberry32), so random cases are the same on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  99,
  100,
  14000,
  1.5,
  -1,
  NaN,
  Infinity,
  1e16,
  '',
  ' ',
  'x',
  '14000',
  'naverpay',
  'naverpay.mid',
  'BOOK',
  'GENERAL',
  'MOVIE',
  'BLUERAY',
  '20250101',
  '20241231',
  '20240230',
  '19900101',
  'https://shop.example/x',
  'http://localhost/x',
  'http://shop.example/x',
  'https://shop.123/x',
  'javascript:x',
  '010-1234-5678',
  'a@b.co',
  '가'.repeat(41),
  'u'.repeat(101),
  [],
  [1],
  {},
  { imp_key: 'x' },
  'NAVER_BOOK',
  'seller01',
];
const TOP_KEYS = [
  'pg',
  'channelKey',
  'merchant_uid',
  'customer_uid',
  'naverProductCode',
  'amount',
  'tax_free',
  'name',
  'naverProducts',
  'naverUseCfm',
  'naverPurchaserName',
  'naverPurchaserBirthday',
  'naverChainId',
  'naverPopupMode',
  'm_redirect_url',
  'buyer_email',
  'buyer_tel',
  'buyer_name',
  'buyer_addr',
  'buyer_postcode',
  'custom_data',
  'naverPopUpMode',
  'amout',
  'api_key',
  'favourite',
  'pay_method',
  'escrow',
  'naverActionType',
  'niceMobileV2',
];
const PRODUCT_KEYS = [
  'categoryType',
  'categoryId',
  'uid',
  'name',
  'count',
  'sellerId',
  'payReferrer',
  'startDate',
  'endDate',
  'sellerID',
  'colour',
  'imp_secret',
];

/** `n` random mutations of the payment and billing bases (seeded). */
export function randomCases(n, seed = 6) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const list = [];
  for (let i = 0; i < n; i++) {
    const kind = r() < 0.75 ? 'pay' : 'billing';
    const params = kind === 'pay' ? cart(1 + Math.floor(r() * 3)) : BILLING();
    const edits = 1 + Math.floor(r() * 4);
    for (let e = 0; e < edits; e++) {
      if (r() < 0.6 || !Array.isArray(params.naverProducts) || params.naverProducts.length === 0) {
        const k = pick(TOP_KEYS);
        if (r() < 0.15) delete params[k];
        else params[k] = pick(ODD_VALUES);
      } else {
        const p = pick(params.naverProducts);
        if (p && typeof p === 'object' && !Array.isArray(p)) {
          const k = pick(PRODUCT_KEYS);
          if (r() < 0.15) delete p[k];
          else p[k] = pick(ODD_VALUES);
        }
      }
    }
    const options = {
      now: NOW_MS,
      mode: pick(['auto', 'popup', 'redirect']),
      locale: pick(['ko', 'en']),
      minAmount: pick([undefined, 10, 100]),
    };
    if (options.minAmount === undefined) delete options.minAmount;
    list.push({ name: `random ${i}`, kind, params, options });
  }
  return list;
}

/** `n` ASCII keys whose FNV-1a hashes share their low 11 bits (one slot of a 2048-slot index). */
export function collidingKeys(n) {
  const out = [];
  for (let i = 0; out.length < n; i++) {
    const key = `k${i}`;
    let h = 0x811c9dc5;
    for (let j = 0; j < key.length; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193) >>> 0;
    if ((h & 2047) === 0) out.push(key);
  }
  return out;
}
