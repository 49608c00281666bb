// SPEC's Naver Pay rules as a zod schema: what a merchant who already uses zod could write instead.
// The output of a successful parse is the request IMP receives (pg, name and naverPopupMode filled
// in), as the package's `report.request`. Messages are zod's own (English); bench/zod-schema.test.mjs
// checks it accepts and refuses exactly what the package does on bench/cases.mjs.
import { z } from 'zod';
import {
  CATEGORIES,
  PAY_REFERRERS,
  REQUEST_PAY,
  REQUEST_PAY_FIELDS,
  PRODUCT_FIELDS,
  charCount,
  utf8Length,
  isNaverpayPg,
  isEmail,
  isTel,
  isSellerId,
  isSecretKey,
  suggestion,
  redirectUrl,
  parseYmd,
  seoulToday,
  choosePayMode,
} from './js-validator.mjs';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const KNOWN_TOP = new Set(REQUEST_PAY_FIELDS);
const KNOWN_PRODUCT = new Set(PRODUCT_FIELDS);

const maxChars = (n) =>
  z
    .string()
    .min(1)
    .refine((s) => s.length <= n || charCount(s) <= n, `at most ${n} characters`);
const ymd = z.string().refine((s) => parseYmd(s) !== null, 'yyyyMMdd');
// naverProducts' dates: the string, or its eight digits as a number (PortOne's V1 Naver Pay page).
const ymdOrNumber = z.union([
  ymd,
  z
    .number()
    .int()
    .refine((n) => n >= 1e7 && n < 1e8 && parseYmd(String(n)) !== null, 'yyyyMMdd'),
]);
const ymdValue = (d) => parseYmd(String(d));
// The documented request_pay fields without a rule of their own, by their type (src/catalog.rs).
const BY_TYPE = {
  s: () => z.string(),
  t: () => z.string().min(1),
  i: () => z.number().int().min(0).max(MAX_SAFE),
  b: () => z.boolean(),
  o: () => z.looseObject({}),
  a: () => z.array(z.unknown()),
  u: () => z.union([z.string(), z.array(z.string())]),
  x: () => z.unknown(),
};

function unknownKeys(o, known, list, prefix, ctx) {
  for (const key of Object.keys(o)) {
    if (o[key] == null || known.has(key) || isSecretKey(key)) continue;
    const s = suggestion(key, list);
    if (s !== null)
      ctx.addIssue({ code: 'custom', path: prefix.concat(key), message: `unknown field; did you mean ${s}?` });
  }
}

function secrets(v, path, depth, ctx) {
  if (typeof v !== 'object' || v === null) return;
  // Deeper than the search: refused, as the package does (LIMIT_EXCEEDED).
  if (depth >= 16) return ctx.addIssue({ code: 'custom', path, message: 'nested deeper than 16 levels' });
  if (Array.isArray(v)) {
    v.forEach((x, i) => secrets(x, path.concat(i), depth + 1, ctx));
    return;
  }
  for (const key of Object.keys(v)) {
    if (v[key] === undefined) continue;
    if (isSecretKey(key))
      ctx.addIssue({ code: 'custom', path: path.concat(key), message: 'REST API secrets never belong in a browser' });
    else secrets(v[key], path.concat(key), depth + 1, ctx);
  }
}

const product = z
  .looseObject({
    categoryType: z.string().min(1),
    categoryId: z.string().min(1),
    uid: z
      .string()
      .min(1)
      .refine((s) => s.length <= 33 || utf8Length(s) <= 100, 'at most 100 bytes'),
    name: maxChars(128),
    count: z.number().int().min(1).max(999_999),
    sellerId: z.string().refine(isSellerId).nullish(),
    payReferrer: z.enum(PAY_REFERRERS).nullish(),
    startDate: ymdOrNumber.nullish(),
    endDate: ymdOrNumber.nullish(),
  })
  .superRefine((p, ctx) => {
    const ids = Object.hasOwn(CATEGORIES, p.categoryType) ? CATEGORIES[p.categoryType] : null;
    if (!ids || !ids.includes(p.categoryId))
      ctx.addIssue({ code: 'custom', path: ['categoryId'], message: 'not a Naver Pay category' });
    if (p.startDate != null && p.endDate != null && ymdValue(p.endDate) < ymdValue(p.startDate)) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before startDate' });
    }
    unknownKeys(p, KNOWN_PRODUCT, PRODUCT_FIELDS, [], ctx);
  });

/**
 * The schema for one set of options (build it once per page: "today" is taken at build time).
 * @param {{ billing?: boolean, mode?: 'auto'|'popup'|'redirect', minAmount?: number, now?: number, device?: object }} o
 */
export function naverPaySchema({ billing = false, mode = 'auto', minAmount = 100, now = Date.now(), device } = {}) {
  const today = seoulToday(now);
  const deviceMode = mode === 'auto' ? choosePayMode(device) : mode;
  // In an optional field null means "not entered" (docs/rules.md).
  const nonEmpty = z.string().min(1).nullish();
  const amount = billing ? z.number().int().min(0).max(MAX_SAFE) : z.number().int().min(minAmount).max(MAX_SAFE);
  const shape = {};
  for (const [name, ty, max, flags] of REQUEST_PAY.values()) {
    if (flags.includes('U')) continue;
    let t = BY_TYPE[ty]();
    if (max > 0) t = t.refine((s) => s.length <= max || charCount(s) <= max);
    shape[name] = flags.includes(billing ? 'B' : 'R') ? t : t.nullish();
  }
  Object.assign(shape, {
    pg: z.string().refine(isNaverpayPg).nullish(),
    pay_method: z.string().nullish(),
    channelKey: nonEmpty,
    merchant_uid: maxChars(40),
    amount,
    tax_free: z.number().int().min(0).nullish(),
    vat_amount: z.number().int().min(0).nullish(),
    name: maxChars(40).optional(),
    naverProducts: billing ? z.array(product).nullish() : z.array(product).min(1),
    naverUseCfm: ymd.refine((s) => today === null || parseYmd(s) >= today, 'before today (Asia/Seoul)').nullish(),
    naverPurchaserName: nonEmpty,
    naverPurchaserBirthday: ymd.refine((s) => today === null || parseYmd(s) <= today, 'in the future').nullish(),
    naverChainId: nonEmpty,
    naverPopupMode: z.boolean().nullish(),
    m_redirect_url: z
      .string()
      .refine((s) => !['invalid', 'unencoded'].includes(redirectUrl(s)), 'an absolute http(s) URL')
      .nullish(),
    buyer_email: z
      .string()
      .refine((s) => s === '' || isEmail(s))
      .nullish(),
    buyer_tel: billing
      ? z.string().min(1).refine(isTel)
      : z
          .string()
          .refine((s) => s === '' || isTel(s))
          .nullish(),
    // A general payment takes no customer_uid: with it IMP would register a billing key.
    customer_uid: billing ? maxChars(80) : z.never().nullish(),
  });
  return z
    .looseObject(shape)
    .superRefine((o, ctx) => {
      const popup = mode !== 'auto' ? mode === 'popup' : (o.naverPopupMode ?? deviceMode === 'popup');
      if (!popup && !o.m_redirect_url)
        ctx.addIssue({ code: 'custom', path: ['m_redirect_url'], message: 'required in redirect mode' });
      for (const f of ['tax_free', 'vat_amount']) {
        if (o[f] != null && o[f] > o.amount) ctx.addIssue({ code: 'custom', path: [f], message: 'more than amount' });
      }
      const first = o.naverProducts?.[0];
      if (o.name === undefined) {
        if (!first) ctx.addIssue({ code: 'custom', path: ['name'], message: 'required' });
        else if (first.name.length > 40 && charCount(first.name) > 40)
          ctx.addIssue({ code: 'custom', path: ['name'], message: 'at most 40 characters' });
      }
      unknownKeys(o, KNOWN_TOP, REQUEST_PAY_FIELDS, [], ctx);
      secrets(o, [], 0, ctx);
    })
    .transform((o) => {
      const request = { ...o };
      if (o.pg == null && o.channelKey == null) request.pg = 'naverpay';
      if (o.name === undefined) request.name = o.naverProducts[0].name;
      request.naverPopupMode = mode !== 'auto' ? mode === 'popup' : (o.naverPopupMode ?? deviceMode === 'popup');
      return request;
    });
}
