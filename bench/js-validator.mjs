// A hand-written JavaScript validator of SPEC's Naver Pay rules: what a merchant could write instead
// of using the wasm package. Same results as the package's validateNaverPay / validateBillingKey
// (codes, fields, order, messages, mode and request), proven by bench/js-validator.test.mjs.
// It is the benchmark's baseline for size (bundled + minified) and speed. No dependencies.

const CATEGORIES = {
  BOOK: ['GENERAL', 'EBOOK', 'USED'],
  MUSIC: ['CD', 'LP', 'USED'],
  MOVIE: ['DVD', 'BLUERAY', 'VOD', 'TICKET', 'USED'],
  PRODUCT: ['GENERAL', 'CASHABLE', 'CLAIM', 'DIGITAL_CONTENT', 'SUPPORT'],
  PLAY: ['TICKET'],
  TRAVEL: ['DOMESTIC', 'OVERSEA'],
  INSURANCE: [
    'CAR',
    'DRIVER',
    'HEALTH',
    'CHILD',
    'TRAVELER',
    'GOLF',
    'ANNUITY',
    'ANNUITY_SAVING',
    'SAVING',
    'VARIABLE_ANNUITY',
    'CANCER',
    'DENTIST',
    'ACCIDENT',
    'SEVERANCE',
    'PHONE',
    'PET',
  ],
  FLIGHT: ['TICKET'],
  FOOD: ['DELIVERY'],
  ETC: ['ETC'],
};
const PAY_REFERRERS = [
  'NAVER_BOOK',
  'NAVER_MUSIC',
  'NAVER_SHOPPING',
  'NAVER_MAP',
  'NAVER_PLACE',
  'SEARCH_AD',
  'NAVER_SEARCH',
  'BRAND_SEARCH',
  'PARTNER_DIRECT',
  'ETC',
];
// src/catalog.rs's REQUEST_PAY and PRODUCT tables: [name, type, max, flags]. Types: s string, t non-empty string,
// i whole number, b boolean, o object, a array, u string or string[], d yyyyMMdd, x anything. Flags: R required
// (payment), B required (billing key), U a rule of its own, I documented for other PGs (IGNORED_FIELD warning),
// D replaced or dropped by PortOne (DEPRECATED_FIELD warning).
const REQUEST_PAY = new Map(
  [
    ['pg', 's', 0, 'UD'],
    ['channelKey', 't', 0, ''],
    ['pay_method', 's', 0, 'U'],
    ['escrow', 'b', 0, ''],
    ['products', 'a', 0, 'I'],
    ['merchant_uid', 's', 40, 'RBU'],
    ['name', 's', 40, 'RBU'],
    ['amount', 'i', 0, 'RBU'],
    ['custom_data', 'x', 0, ''],
    ['tax_free', 'i', 0, 'U'],
    ['vat_amount', 'i', 0, 'UI'],
    ['vat', 'i', 0, 'I'],
    ['currency', 's', 0, 'I'],
    ['language', 's', 0, 'I'],
    ['buyer_name', 's', 0, ''],
    ['buyer_tel', 's', 0, 'BU'],
    ['buyer_email', 's', 0, 'U'],
    ['buyer_addr', 's', 0, ''],
    ['buyer_postcode', 's', 0, ''],
    ['confirm_url', 's', 0, ''],
    ['notice_url', 'u', 0, ''],
    ['customer_uid', 's', 80, 'BU'],
    ['customer_id', 's', 0, ''],
    ['digital', 'b', 0, 'I'],
    ['vbank_due', 's', 0, 'I'],
    ['m_redirect_url', 's', 0, 'U'],
    ['app_scheme', 's', 0, ''],
    ['biz_num', 's', 0, 'I'],
    ['useFreeInterestFromMall', 'b', 0, 'I'],
    ['display', 'o', 0, 'I'],
    ['card', 'o', 0, 'I'],
    ['popup', 'b', 0, 'I'],
    ['period', 'o', 0, 'I'],
    ['company', 's', 0, 'I'],
    ['bypass', 'o', 0, 'I'],
    ['naverPopupMode', 'b', 0, 'U'],
    ['naverUseCfm', 's', 0, 'U'],
    ['naverProducts', 'a', 0, 'RU'],
    ['naverPurchaserName', 't', 0, ''],
    ['naverPurchaserBirthday', 's', 0, 'U'],
    ['naverChainId', 't', 0, 'D'],
    ['naverCultureBenefit', 'b', 0, ''],
    ['naverMerchantUserKey', 't', 0, ''],
    ['naverProductCount', 'i', 0, ''],
    ['naverProductCode', 't', 0, 'B'],
    ['naverActionType', 's', 0, 'D'],
    ['naverInterface', 'o', 0, ''],
    ['niceMobileV2', 'b', 0, ''],
    ['kakaoOpenApp', 'b', 0, ''],
  ].map((r) => [r[0], r]),
);
const PRODUCT = new Map(
  [
    ['categoryType', 's', 0, 'RU'],
    ['categoryId', 's', 0, 'RU'],
    ['uid', 's', 0, 'RU'],
    ['name', 's', 128, 'RU'],
    ['count', 'i', 0, 'RU'],
    ['sellerId', 's', 30, 'U'],
    ['payReferrer', 's', 0, 'U'],
    ['startDate', 'd', 0, 'U'],
    ['endDate', 'd', 0, 'U'],
  ].map((r) => [r[0], r]),
);
const REQUEST_PAY_FIELDS = [...REQUEST_PAY.keys()];
const PRODUCT_FIELDS = [...PRODUCT.keys()];
const TYPE_NAMES = {
  s: 'string',
  t: 'non-empty string',
  i: 'integer',
  b: 'boolean',
  o: 'object',
  a: 'array',
  u: 'string | string[]',
  d: 'yyyyMMdd',
  x: 'any',
};
const SECRET_KEY_NAMES = new Set([
  'impkey',
  'impsecret',
  'apikey',
  'apisecret',
  'restapikey',
  'restapisecret',
  'accesstoken',
  'refreshtoken',
  'bearertoken',
  'authtoken',
  'secret',
  'clientsecret',
  'secretkey',
  'privatekey',
  'password',
  'passwd',
  'authorization',
]);
const SECRET_KEY_PARTS = ['secret', 'password', 'passwd', 'apikey', 'accesstoken', 'refreshtoken', 'privatekey'];
const REDIRECT_TOKENS = [
  'Mobi',
  'Android',
  'iPhone',
  'iPad',
  'iPod',
  'KAKAOTALK',
  'NAVER(inapp',
  'Instagram',
  'FBAN',
  'FBAV',
  'FB_IAB',
  ' Line/',
  'DaumApps',
  'DaumDevice',
  '; wv)',
];

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_DEPTH = 16;
const SEOUL_OFFSET_MS = 9 * 3_600_000;

const BASE = {
  REQUIRED: ['필수 항목입니다.', 'is required'],
  INVALID_TYPE: ['형식(타입)이 올바르지 않습니다.', 'has the wrong type'],
  NOT_INTEGER: ['정수여야 합니다.', 'must be an integer'],
  OUT_OF_RANGE: ['허용 범위를 벗어났습니다.', 'is out of range'],
  TOO_LONG: ['너무 깁니다.', 'is too long'],
  INVALID_FORMAT: ['형식이 올바르지 않습니다.', 'has an invalid format'],
  INVALID_VALUE: ['허용되지 않는 값입니다.', 'is not an allowed value'],
  INVALID_DATE: ['올바른 날짜(yyyyMMdd)가 아닙니다.', 'is not a valid date (yyyyMMdd)'],
  DATE_IN_PAST: ['오늘(한국 시간) 이전 날짜입니다.', 'is before today (Asia/Seoul)'],
  INVALID_CATEGORY: [
    '네이버페이 상품 분류(categoryType/categoryId)가 올바르지 않습니다.',
    'is not a Naver Pay categoryType/categoryId pair',
  ],
  INVALID_URL: ['허용되지 않는 URL입니다.', 'is not an allowed URL'],
  REDIRECT_URL_REQUIRED: [
    '리디렉션 방식에서는 리디렉션 URL이 필요합니다.',
    'a redirect URL is required in redirect mode',
  ],
  NAME_MISMATCH: [
    '상품이 여러 개이면 name은 naverProducts[0].name을 권장합니다.',
    'with several products, PortOne recommends naverProducts[0].name',
  ],
  UNKNOWN_FIELD: ['알 수 없는 필드입니다.', 'unknown field'],
  IGNORED_FIELD: [
    '다른 PG사용 필드입니다. 그대로 전달되지만 네이버페이는 무시합니다.',
    'documented for other PGs; passed on, but Naver Pay ignores it',
  ],
  SECRET_IN_BROWSER: ['REST API 비밀 값은 브라우저에 넣으면 안 됩니다.', 'REST API secrets never belong in a browser'],
  LIMIT_EXCEEDED: ['입력이 검사 한도를 넘습니다.', 'exceeds what the checker reads'],
  DEPRECATED_FIELD: ['포트원이 대체한 필드입니다.', 'deprecated by PortOne'],
  INSECURE_URL: [
    'http는 암호화되지 않습니다. 운영에서는 https를 쓰세요.',
    'plain http is unencrypted; use https in production',
  ],
  POPUP_ON_MOBILE: [
    '이 기기는 팝업 결과를 받지 못합니다. 리디렉션 방식이 필요합니다.',
    "this device loses a popup's result; it needs redirect mode",
  ],
};

// Details: [kind, a, b]. Kinds: 'e' expected, 'c' max chars, 'b' max bytes, 'r' range, 'm' min amount,
// 's' suggestion, 't' text.
function message(code, ko, field, d) {
  let text;
  if (code === 'AMOUNT_BELOW_MINIMUM') {
    return ko ? `결제 금액이 최소 결제 금액(${d[1]}원)보다 적습니다.` : `less than minimum amount (${d[1]} won)`;
  }
  if (d && d[0] === 's') {
    text = ko ? `알 수 없는 필드입니다. ${d[1]}을(를) 의도하셨나요?` : `unknown field; did you mean ${d[1]}?`;
  } else {
    const base = BASE[code][ko ? 0 : 1];
    if (!d) text = base;
    else if (d[0] === 'e') text = ko ? `${base} (${d[1]} 필요)` : `${base} (expected ${d[1]})`;
    else if (d[0] === 'c') text = ko ? `${base} (최대 ${d[1]}자)` : `${base} (at most ${d[1]} characters)`;
    else if (d[0] === 'b') text = ko ? `${base} (최대 ${d[1]}바이트)` : `${base} (at most ${d[1]} bytes)`;
    else if (d[0] === 'r') text = ko ? `${base} (${d[1]}~${d[2]})` : `${base} (${d[1]} to ${d[2]})`;
    else text = `${base} (${d[1]})`;
  }
  return field === '' ? text : `${field}: ${text}`;
}

// ---- small predicates ----------------------------------------------------------------------------

const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
// Rust's char::is_whitespace || char::is_control.
const SPACE_OR_CONTROL = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function charCount(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
const longerThan = (s, max) => s.length > max && charCount(s) > max;

function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const isNaverpayPg = (pg) =>
  pg === 'naverpay' || (pg.startsWith('naverpay.') && pg.length > 9 && !SPACE_OR_CONTROL.test(pg.slice(9)));

function isEmail(s) {
  const at = s.indexOf('@');
  if (at <= 0) return false;
  const domain = s.slice(at + 1);
  if (domain.includes('@') || SPACE_OR_CONTROL.test(s)) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => l !== '');
}

const isTel = (s) => s.length >= 8 && s.length <= 20 && /^\+?[0-9](?:[0-9-]*[0-9])?$/.test(s);
const isSellerId = (s) => /^[A-Za-z0-9]{1,30}$/.test(s);

function isSecretKey(key) {
  const norm = key.replace(/[_-]/g, '').toLowerCase();
  return SECRET_KEY_NAMES.has(norm) || SECRET_KEY_PARTS.some((p) => norm.includes(p));
}

function distance(a, b) {
  const A = [...a.replace(/[A-Z]/g, (c) => c.toLowerCase())];
  const B = [...b.toLowerCase()];
  let prev = Array.from({ length: B.length + 1 }, (_, i) => i);
  for (let i = 0; i < A.length; i++) {
    const cur = [i + 1];
    for (let j = 0; j < B.length; j++) {
      cur.push(Math.min(prev[j] + (A[i] === B[j] ? 0 : 1), prev[j + 1] + 1, cur[j] + 1));
    }
    prev = cur;
  }
  return prev[B.length];
}

function suggestion(key, known) {
  if (charCount(key) > 64) return null;
  let best = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(key, k);
    if (d <= 2 && d * 3 <= k.length && d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

// src/validate/url.rs: 'https', 'loopback' (http to this machine), 'http', 'unencoded' (whitespace or a
// control character) or 'invalid' (not an absolute http(s) URL whose host the URL Standard accepts).
function redirectUrl(s) {
  if (SPACE_OR_CONTROL.test(s)) return 'unencoded';
  if (s.includes('\\')) return 'invalid';
  const colon = s.indexOf(':');
  if (colon < 0) return 'invalid';
  const scheme = s.slice(0, colon).toLowerCase();
  const https = scheme === 'https';
  if (!https && scheme !== 'http') return 'invalid';
  const rest = s.slice(colon + 1);
  if (!rest.startsWith('//')) return 'invalid';
  const r = rest.slice(2);
  const m = /[/?#]/.exec(r);
  const authority = m ? r.slice(0, m.index) : r;
  if (authority.includes('@')) return 'invalid';
  let host;
  let port = null;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return 'invalid';
    host = authority.slice(0, close + 1);
    if (!isIpv6(host.slice(1, close))) return 'invalid';
    const after = authority.slice(close + 1);
    if (after !== '') {
      if (after[0] !== ':') return 'invalid';
      port = after.slice(1);
    }
  } else {
    const c = authority.indexOf(':');
    host = c < 0 ? authority : authority.slice(0, c);
    if (c >= 0) port = authority.slice(c + 1);
  }
  if (port !== null && !(/^[0-9]{1,5}$/.test(port) && Number(port) <= 65535)) return 'invalid';
  if (!host.startsWith('[') && !isDomainOrIpv4(host)) return 'invalid';
  if (https) return 'https';
  return host.toLowerCase() === 'localhost' || host === '127.0.0.1' || host === '[::1]' ? 'loopback' : 'http';
}

function isDomainOrIpv4(host) {
  const t = host.endsWith('.') ? host.slice(0, -1) : host;
  if (t === '' || t.split('.').some((l) => l === '')) return false;
  const last = t.slice(t.lastIndexOf('.') + 1);
  if (ipv4Number(last) !== null || /^[0-9]+$/.test(last)) return isIpv4(t);
  return /^(?:[A-Za-z0-9_.-]|(?![\x00-\x7f])\p{Alphabetic})+$/u.test(t);
}

function isIpv4(host) {
  const parts = host.split('.');
  if (parts.length > 4) return false;
  const numbers = parts.map(ipv4Number);
  if (numbers.some((n) => n === null)) return false;
  const last = numbers.pop();
  return numbers.every((n) => n <= 255n) && last < 1n << BigInt(8 * (5 - parts.length));
}

function ipv4Number(s) {
  let digits = s;
  let radix = 10;
  if (/^0[xX]/.test(s)) [digits, radix] = [s.slice(2), 16];
  else if (s.length > 1 && s[0] === '0') [digits, radix] = [s.slice(1), 8];
  if (digits.length > 32) return null;
  if (digits === '') return radix === 16 ? 0n : null;
  const ok = radix === 16 ? /^[0-9A-Fa-f]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!ok.test(digits)) return null;
  const n = BigInt(radix === 16 ? `0x${digits}` : radix === 8 ? `0o${digits}` : digits);
  return n <= 0xffffffffffffffffn ? n : null;
}

function isIpv6(s) {
  const i = s.indexOf('::');
  const compressed = i >= 0;
  const head = compressed ? s.slice(0, i) : s;
  const tail = compressed ? s.slice(i + 2) : '';
  if (tail.includes('::')) return false;
  const pieces = (part, last) => {
    if (part === '') return 0;
    const groups = part.split(':');
    let count = 0;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      if (last && g === groups.length - 1 && group.includes('.')) {
        const nums = group.split('.');
        if (nums.length !== 4 || !nums.every((n) => /^(?:0|[1-9][0-9]{0,2})$/.test(n) && Number(n) <= 255)) return null;
        count += 2;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(group)) count += 1;
      else return null;
    }
    return count;
  };
  const h = pieces(head, !compressed);
  const t = pieces(tail, true);
  if (h === null || t === null) return false;
  return compressed ? h + t <= 7 : h === 8;
}

// ---- dates: yyyyMMdd as the number yyyy*10000 + MM*100 + dd -----------------------------------------

function parseYmd(s) {
  if (s.length !== 8 || !/^[0-9]{8}$/.test(s)) return null;
  const y = +s.slice(0, 4);
  const m = +s.slice(4, 6);
  const d = +s.slice(6, 8);
  if (m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d > dim ? null : y * 10000 + m * 100 + d;
}

function seoulToday(ms) {
  if (!Number.isFinite(ms)) return null;
  const days = Math.floor((ms + SEOUL_OFFSET_MS) / 86_400_000);
  if (Math.abs(days) > 1e8) return null;
  // Howard Hinnant's civil_from_days.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

// ---- device and options ----------------------------------------------------------------------------

function deviceFrom(v) {
  if (typeof v !== 'object' || v === null) return null;
  const userAgent = v.userAgent;
  if (typeof userAgent !== 'string') return null;
  const t = v.maxTouchPoints;
  const touch = typeof t === 'number' && Number.isFinite(t) && t >= 0 ? Math.trunc(Math.min(t, 4294967295)) : 0;
  const mobile = typeof v.mobile === 'boolean' ? v.mobile : null;
  return { userAgent, maxTouchPoints: touch, mobile };
}

function navigatorDevice() {
  const nav = globalThis.navigator;
  const device = deviceFrom(nav);
  if (!device) return null;
  const data = nav.userAgentData;
  device.mobile = typeof data === 'object' && data !== null && typeof data.mobile === 'boolean' ? data.mobile : null;
  return device;
}

/** 'popup' or 'redirect' for a device (SPEC "Window mode by device"). */
export function choosePayMode(device) {
  const d = device === undefined || device === null ? navigatorDevice() : deviceFrom(device);
  if (!d) return 'popup';
  const ua = d.userAgent;
  const redirect =
    d.mobile === true ||
    (ua.includes('Macintosh') && d.maxTouchPoints > 1) ||
    REDIRECT_TOKENS.some((t) => ua.includes(t));
  return redirect ? 'redirect' : 'popup';
}

const OPTIONS = ['mode', 'minAmount', 'locale', 'device', 'now'];

function readOptions(options) {
  const out = { mode: 'auto', minAmount: 100, ko: true, device: null, now: Date.now() };
  const issues = [];
  const warnings = [];
  const issue = (code, field, d) => issues.push({ code, field, message: message(code, out.ko, field, d) });
  if (options === undefined || options === null) {
    out.device = navigatorDevice();
    return [out, issues, warnings];
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    issue('INVALID_TYPE', 'options', ['e', 'object']);
    out.device = navigatorDevice();
    return [out, issues, warnings];
  }
  const { locale, mode, minAmount, device, now } = options;
  if (locale !== undefined) {
    if (locale === 'ko' || locale === 'en') out.ko = locale === 'ko';
    else issue('INVALID_VALUE', 'options.locale', ['t', 'ko, en']);
  }
  // A key that is no option: as a parameter's (src/js/options.rs runs the same table check).
  for (const key of Object.keys(options)) {
    if (OPTIONS.includes(key) || options[key] === undefined || options[key] === null || isSecretKey(key)) continue;
    const s = suggestion(key, OPTIONS);
    if (s !== null) issue('UNKNOWN_FIELD', `options.${key}`, ['s', s]);
    else
      warnings.push({
        code: 'UNKNOWN_FIELD',
        field: `options.${key}`,
        message: message('UNKNOWN_FIELD', out.ko, `options.${key}`),
      });
  }
  if (mode !== undefined) {
    if (mode === 'auto' || mode === 'popup' || mode === 'redirect') out.mode = mode;
    else issue('INVALID_VALUE', 'options.mode', ['t', 'auto, popup, redirect']);
  }
  if (minAmount !== undefined) {
    const code =
      typeof minAmount !== 'number'
        ? 'INVALID_TYPE'
        : !Number.isInteger(minAmount)
          ? 'NOT_INTEGER'
          : minAmount < 0 || minAmount > MAX_SAFE
            ? 'OUT_OF_RANGE'
            : null;
    if (code) issue(code, 'options.minAmount', ['e', 'integer ≥ 0']);
    else out.minAmount = minAmount === 0 ? 0 : minAmount;
  }
  if (device === undefined) out.device = out.mode === 'redirect' ? null : navigatorDevice();
  else {
    out.device = deviceFrom(device);
    if (!out.device) issue('INVALID_TYPE', 'options.device', ['e', '{ userAgent: string }']);
  }
  if (now !== undefined) {
    const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : NaN;
    if (Number.isFinite(ms)) out.now = ms;
    else issue('INVALID_TYPE', 'options.now', ['e', 'Date | number']);
  }
  return [out, issues, warnings];
}

// ---- the checker -------------------------------------------------------------------------------------

function validate(params, options, billing) {
  const [opts, optionIssues, optionWarnings] = readOptions(options);
  const ko = opts.ko;
  const errors = [];
  const warnings = [];
  const today = seoulToday(opts.now);
  const error = (code, field, d) => errors.push({ code, field, message: message(code, ko, field, d) });
  const warn = (code, field, d) => warnings.push({ code, field, message: message(code, ko, field, d) });
  const tr = (k, e) => (ko ? k : e);
  const optionMode = opts.mode === 'auto' ? (opts.device ? choosePayMode(opts.device) : 'popup') : opts.mode;
  const finish = (mode, request) => {
    if (optionIssues.length) {
      errors.unshift(...optionIssues);
      request = null;
    }
    warnings.unshift(...optionWarnings);
    return { ok: errors.length === 0, errors, warnings, mode, request };
  };

  if (!isObj(params) || typeof params === 'function') {
    const missing = params === undefined || params === null;
    error(missing ? 'REQUIRED' : 'INVALID_TYPE', '', ['e', 'object']);
    return finish(optionMode, null);
  }
  const get = (o, k) => o[k];

  // A string: required → absent/null/'' is REQUIRED; optional → undefined is null, '' returned.
  const string = (v, field, required) => {
    if (typeof v === 'string') {
      if (v === '' && required) error('REQUIRED', field);
      else return v;
    } else if (v === undefined || v === null) {
      if (required) error('REQUIRED', field);
    } else error('INVALID_TYPE', field, ['e', 'string']);
    return null;
  };
  const shortString = (v, field, required, max) => {
    const s = string(v, field, required);
    if (s === null) return null;
    if (longerThan(s, max)) {
      error('TOO_LONG', field, ['c', max]);
      return null;
    }
    return s;
  };
  const integer = (v, field, required) => {
    if (typeof v === 'number') {
      if (Number.isInteger(v)) return v;
      error('NOT_INTEGER', field);
    } else if (v === undefined || v === null) {
      if (required) error('REQUIRED', field);
    } else error('INVALID_TYPE', field, ['e', 'number']);
    return null;
  };
  const integerIn = (v, field, required, lo, hi) => {
    const n = integer(v, field, required);
    if (n === null) return null;
    if (n < lo || n > hi) {
      error('OUT_OF_RANGE', field, ['r', lo, hi]);
      return null;
    }
    return n;
  };
  // A yyyyMMdd string; with numberToo also its eight digits as a number (naverProducts' dates).
  const date = (v, field, numberToo) => {
    let d;
    if (typeof v === 'number' && numberToo) d = Number.isInteger(v) && v >= 1e7 && v < 1e8 ? parseYmd(String(v)) : null;
    else if (v === undefined || v === null) return null;
    else if (typeof v === 'string') d = parseYmd(v);
    else {
      error('INVALID_TYPE', field, ['e', numberToo ? 'yyyyMMdd string | number' : 'yyyyMMdd string']);
      return null;
    }
    if (d === null) error('INVALID_DATE', field);
    return d;
  };
  // The type and length of a row without a rule of its own: [code, detail] or null.
  const typeIssue = (ty, max, v) => {
    let fine;
    if (ty === 'x') fine = true;
    else if (ty === 's') fine = typeof v === 'string';
    else if (ty === 't') fine = typeof v === 'string' && v !== '';
    else if (ty === 'i') {
      if (typeof v === 'number') {
        if (!Number.isInteger(v)) return ['NOT_INTEGER'];
        if (v < 0 || v > MAX_SAFE) return ['OUT_OF_RANGE', ['r', 0, MAX_SAFE]];
      }
      fine = typeof v === 'number';
    } else if (ty === 'b') fine = typeof v === 'boolean';
    else if (ty === 'o') fine = isObj(v);
    else if (ty === 'a') fine = Array.isArray(v);
    else fine = typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (!fine) return ['INVALID_TYPE', ['e', TYPE_NAMES[ty]]];
    return max > 0 && typeof v === 'string' && longerThan(v, max) ? ['TOO_LONG', ['c', max]] : null;
  };
  // The keys of o against a field table, as the package's check_table does in the browser.
  const tableCheck = (o, table, list, prefix, req) => {
    for (const key of Object.keys(o)) {
      const v = o[key];
      if (v === undefined || v === null) continue;
      const row = table.get(key);
      if (!row) {
        if (isSecretKey(key)) continue;
        const s = suggestion(key, list);
        if (s !== null) error('UNKNOWN_FIELD', prefix + key, ['s', s]);
        else warn('UNKNOWN_FIELD', prefix + key);
        continue;
      }
      const [, ty, max, flags] = row;
      if (flags.includes('I')) warn('IGNORED_FIELD', prefix + key);
      if (flags.includes('U')) continue;
      if (flags.includes(req) && v === '') error('REQUIRED', prefix + key);
      else {
        const t = typeIssue(ty, max, v);
        if (t) error(t[0], prefix + key, t[1]);
      }
    }
    for (const [name, , , flags] of table.values()) {
      if (flags.includes(req) && !flags.includes('U') && (o[name] === undefined || o[name] === null))
        error('REQUIRED', prefix + name);
    }
  };
  const secrets = (v, path, depth) => {
    if (typeof v !== 'object' || v === null) return;
    // Deeper than the search: refused, so that no secret hides below it.
    if (depth >= MAX_DEPTH) return error('LIMIT_EXCEEDED', path, ['t', '≤ 16 levels']);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) secrets(v[i], `${path}[${i}]`, depth + 1);
      return;
    }
    for (const key of Object.keys(v)) {
      const x = v[key];
      if (x === undefined) continue;
      const field = path === '' ? key : `${path}.${key}`;
      if (isSecretKey(key)) error('SECRET_IN_BROWSER', field);
      else secrets(x, field, depth + 1);
    }
  };

  // mode
  const npm = get(params, 'naverPopupMode');
  let explicit = null;
  if (typeof npm === 'boolean') explicit = npm;
  else if (npm !== undefined && npm !== null) error('INVALID_TYPE', 'naverPopupMode', ['e', 'boolean']);
  const mode =
    opts.mode !== 'auto' ? opts.mode : explicit === true ? 'popup' : explicit === false ? 'redirect' : optionMode;
  if (mode === 'popup' && opts.device && choosePayMode(opts.device) === 'redirect') {
    warn('POPUP_ON_MOBILE', opts.mode === 'popup' ? 'options.mode' : 'naverPopupMode');
  }
  const given = (v) => v !== undefined && v !== null;

  // pg / channelKey
  const channelKey = given(get(params, 'channelKey'));
  const pg = get(params, 'pg');
  let addPg = false;
  if (pg === undefined || pg === null) addPg = !channelKey;
  else if (typeof pg === 'string') {
    if (!isNaverpayPg(pg)) error('INVALID_VALUE', 'pg', ['t', 'naverpay, naverpay.<MID>']);
  } else error('INVALID_TYPE', 'pg', ['e', 'string']);

  shortString(get(params, 'merchant_uid'), 'merchant_uid', true, 40);
  if (billing) shortString(get(params, 'customer_uid'), 'customer_uid', true, 80);
  else if (given(get(params, 'customer_uid'))) {
    error('INVALID_VALUE', 'customer_uid', [
      't',
      tr(
        '빌링키 등록은 registerBillingKey / validateBillingKey로 하세요',
        'a billing key is registered with registerBillingKey / validateBillingKey',
      ),
    ]);
  }

  // amount, tax_free
  let amount = integer(get(params, 'amount'), 'amount', true);
  if (amount !== null) {
    let bad = true;
    if (!billing && amount > MAX_SAFE) error('OUT_OF_RANGE', 'amount', ['r', opts.minAmount, MAX_SAFE]);
    // Negative amounts included: the buyer sees the minimum-amount message.
    else if (!billing && amount < opts.minAmount) error('AMOUNT_BELOW_MINIMUM', 'amount', ['m', opts.minAmount]);
    else if (billing && !(amount >= 0 && amount <= MAX_SAFE)) error('OUT_OF_RANGE', 'amount', ['r', 0, MAX_SAFE]);
    else bad = false;
    if (bad) amount = null;
  }
  for (const f of ['tax_free', 'vat_amount']) {
    integerIn(get(params, f), f, false, 0, amount === null ? MAX_SAFE : Math.max(0, amount));
  }

  // naverProducts
  let productCount = 0;
  let firstName = null;
  const items = get(params, 'naverProducts');
  const shape = [
    't',
    tr(
      '검수 필수: [{ categoryType, categoryId, uid, name, count }]',
      'the inspection requires [{ categoryType, categoryId, uid, name, count }]',
    ),
  ];
  if (items === undefined || items === null) {
    if (!billing) error('REQUIRED', 'naverProducts', shape);
  } else if (!Array.isArray(items)) {
    error('INVALID_TYPE', 'naverProducts', ['e', 'array']);
  } else {
    if (items.length === 0 && !billing) error('REQUIRED', 'naverProducts', shape);
    productCount = items.length;
    for (let i = 0; i < items.length; i++) {
      const p = items[i];
      const prefix = `naverProducts[${i}]`;
      if (!isObj(p)) {
        error('INVALID_TYPE', prefix, ['e', 'object']);
        continue;
      }
      const t = string(p.categoryType, `${prefix}.categoryType`, true);
      const id = string(p.categoryId, `${prefix}.categoryId`, true);
      if (t !== null && id !== null) {
        const ids = Object.hasOwn(CATEGORIES, t) ? CATEGORIES[t] : null;
        if (!ids || !ids.includes(id))
          error('INVALID_CATEGORY', `${prefix}.categoryId`, ids ? ['t', ids.join(', ')] : undefined);
      }
      const uid = string(p.uid, `${prefix}.uid`, true);
      if (uid !== null && uid.length > 33 && utf8Length(uid) > 100) error('TOO_LONG', `${prefix}.uid`, ['b', 100]);
      const name = shortString(p.name, `${prefix}.name`, true, 128);
      integerIn(p.count, `${prefix}.count`, true, 1, 999_999);
      const sellerId = string(p.sellerId, `${prefix}.sellerId`, false);
      if (sellerId !== null && !isSellerId(sellerId)) {
        error('INVALID_FORMAT', `${prefix}.sellerId`, [
          't',
          tr('영문자와 숫자, 최대 30자', 'ASCII letters and digits, at most 30'),
        ]);
      }
      const referrer = string(p.payReferrer, `${prefix}.payReferrer`, false);
      if (referrer !== null && !PAY_REFERRERS.includes(referrer)) {
        error('INVALID_VALUE', `${prefix}.payReferrer`, ['t', PAY_REFERRERS.join(', ')]);
      }
      const start = date(p.startDate, `${prefix}.startDate`, true);
      const end = date(p.endDate, `${prefix}.endDate`, true);
      if (start !== null && end !== null && end < start) {
        error('INVALID_DATE', `${prefix}.endDate`, ['t', tr('startDate 이후여야 함', 'must not be before startDate')]);
      }
      tableCheck(p, PRODUCT, PRODUCT_FIELDS, `${prefix}.`, 'R');
      if (i === 0 && name) firstName = name;
    }
  }

  // name
  let defaultName = null;
  const nameValue = get(params, 'name');
  if (nameValue === undefined) {
    if (firstName !== null) {
      if (longerThan(firstName, 40)) error('TOO_LONG', 'name', ['c', 40]);
      else defaultName = firstName;
    } else if (productCount === 0) error('REQUIRED', 'name');
  } else {
    const name = shortString(nameValue, 'name', true, 40);
    if (name !== null && firstName !== null && productCount > 1 && name !== firstName) warn('NAME_MISMATCH', 'name');
  }

  // Naver fields
  const useCfm = date(get(params, 'naverUseCfm'), 'naverUseCfm', false);
  if (useCfm !== null && today !== null && useCfm < today) error('DATE_IN_PAST', 'naverUseCfm', ['e', `≥ ${today}`]);
  const birthday = date(get(params, 'naverPurchaserBirthday'), 'naverPurchaserBirthday', false);
  if (birthday !== null && today !== null && birthday > today) {
    error('INVALID_DATE', 'naverPurchaserBirthday', ['t', tr('미래 날짜 불가', 'must not be in the future')]);
  }

  // m_redirect_url
  const url = get(params, 'm_redirect_url');
  const redirect = mode === 'redirect';
  if (redirect && (url === undefined || url === null || url === '')) error('REDIRECT_URL_REQUIRED', 'm_redirect_url');
  else if (typeof url === 'string') {
    const verdict = redirectUrl(url);
    if (verdict === 'http') warn('INSECURE_URL', 'm_redirect_url');
    else if (verdict === 'unencoded') {
      error('INVALID_URL', 'm_redirect_url', [
        't',
        tr(
          '인코딩되지 않은 공백·제어 문자: encodeURI()로 인코딩하세요',
          'unencoded spaces or controls: encode with encodeURI()',
        ),
      ]);
    } else if (verdict === 'invalid') {
      error('INVALID_URL', 'm_redirect_url', [
        't',
        tr('브라우저가 읽는 https://호스트/경로 절대 URL 필요', 'an absolute https://host/path URL a browser accepts'),
      ]);
    }
  } else if (url !== undefined && url !== null) error('INVALID_TYPE', 'm_redirect_url', ['e', 'string']);

  // pay_method: naverpay is Naver Pay's code; any other is for other PGs.
  const payMethod = get(params, 'pay_method');
  if (typeof payMethod === 'string') {
    if (payMethod !== 'naverpay') warn('IGNORED_FIELD', 'pay_method');
  } else if (given(payMethod)) error('INVALID_TYPE', 'pay_method', ['e', 'string']);

  // Fields PortOne replaced or dropped.
  for (const [name, , , flags] of REQUEST_PAY.values()) {
    if (!flags.includes('D') || !given(get(params, name))) continue;
    const instead =
      name === 'pg'
        ? tr('channelKey를 쓰세요', 'use channelKey')
        : name === 'naverChainId'
          ? tr(
              '콘솔 채널에 Chain ID를 등록하고 channelKey를 쓰세요',
              "set the Chain ID on the console's channel; use channelKey",
            )
          : tr('포트원이 제거함', 'removed by PortOne');
    warn('DEPRECATED_FIELD', name, ['t', instead]);
  }

  // buyer
  const email = string(get(params, 'buyer_email'), 'buyer_email', false);
  if (email && !isEmail(email)) error('INVALID_FORMAT', 'buyer_email');
  const tel = string(get(params, 'buyer_tel'), 'buyer_tel', billing);
  if (tel && !isTel(tel)) {
    error('INVALID_FORMAT', 'buyer_tel', [
      't',
      tr('숫자, -, 맨 앞 +; 8~20자', "digits, '-', a leading '+'; 8 to 20 characters"),
    ]);
  }

  tableCheck(params, REQUEST_PAY, REQUEST_PAY_FIELDS, '', billing ? 'B' : 'R');
  secrets(params, '', 0);

  let request = null;
  if (errors.length === 0) {
    request = {};
    // The package's snapshot: nested values copied, functions, symbols and bigints as undefined,
    // and a nested object's undefined properties left out.
    const copy = (v) => {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return undefined;
      if (typeof v !== 'object' || v === null) return v;
      if (v instanceof Date) return new Date(v.getTime());
      if (Array.isArray(v)) return Array.from(v, copy);
      const o = {};
      for (const key of Object.keys(v)) {
        const x = copy(v[key]);
        if (x !== undefined) o[key] = x;
      }
      return o;
    };
    for (const key of Object.keys(params)) request[key] = copy(params[key]);
    if (addPg) request.pg = 'naverpay';
    if (defaultName !== null) request.name = defaultName;
    request.naverPopupMode = mode === 'popup';
    for (const key of Object.keys(params)) {
      if (params[key] === undefined && request[key] === undefined) delete request[key];
    }
  }
  return finish(mode, request);
}

// The tables and predicates, for bench/zod-schema.mjs (tree-shaken out of the validator's own bundle).
export {
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
};

/** validateNaverPay(params, options?): never throws. */
export const validateNaverPay = (params, options) => validate(params, options, false);
/** validateBillingKey(params, options?): never throws. */
export const validateBillingKey = (params, options) => validate(params, options, true);
