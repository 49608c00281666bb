// The hand-written input types of types/index.d.ts hold exactly the keys of the crate's tables
// (src/catalog.rs, through tests/types/tables.generated.ts, which src/generate.rs writes): a field
// PortOne documents is declared, and nothing else is (V2: nothing else is). Each line fails to
// compile on a difference.
//   node_modules/.bin/tsc -p tests/types/tsconfig.json

import type {
  AgainPaymentInput,
  BillingKeyParams,
  BodyOptions,
  CancelPaymentInput,
  DeleteBillingKeyInput,
  NaverPayParams,
  NaverProduct,
  PayOptions,
  ScheduleInput,
  SchedulePaymentInput,
  UnschedulePaymentInput,
  ValidateOptions,
} from 'naverpay-checkout';
import type { BillingKeyParamsV2, CustomerV2, NaverPayParamsV2, NaverpayProductItem } from 'naverpay-checkout/v2';
import type * as Table from './tables.generated';

/** `true` only when `A` and `B` are the same type. */
type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
/** `true` when every member of `A` is in `B`. */
type Within<A, B> = [A] extends [B] ? true : false;
/** Every key of every member of a union. */
type Keys<T> = T extends unknown ? keyof T : never;
/** The keys of `extra` in `T`. */
type ExtraKeys<T> = Keys<Exclude<T extends { extra?: infer E } ? E : never, undefined>>;

const request: Same<Keys<NaverPayParams | BillingKeyParams>, Table.REQUEST_PAY> = true;
const product: Same<Keys<NaverProduct>, Table.PRODUCT> = true;
const again: Same<keyof AgainPaymentInput, Table.AGAIN> = true;
const againExtra: Same<ExtraKeys<AgainPaymentInput>, Table.PAYMENT_EXTRA> = true;
const schedule: Same<keyof SchedulePaymentInput, Table.SCHEDULE> = true;
const scheduleItem: Same<keyof ScheduleInput, Table.SCHEDULE_ITEM> = true;
const scheduleExtra: Same<ExtraKeys<ScheduleInput>, Table.PAYMENT_EXTRA> = true;
const unschedule: Same<Keys<UnschedulePaymentInput>, Table.UNSCHEDULE> = true;
const deleteBillingKey: Same<keyof DeleteBillingKeyInput, Table.DELETE_BILLING_KEY> = true;
const deleteExtra: Same<ExtraKeys<DeleteBillingKeyInput>, Table.REQUESTER_EXTRA> = true;
const cancel: Same<Keys<CancelPaymentInput>, Table.CANCEL> = true;
const cancelExtra: Same<ExtraKeys<CancelPaymentInput>, Table.REQUESTER_EXTRA> = true;
// The options: `pay` reads PayOptions' keys of PAY_OPTIONS, the validators all of them.
const validateOptions: Same<keyof ValidateOptions, Table.PAY_OPTIONS> = true;
const payOptions: Within<keyof PayOptions, Table.PAY_OPTIONS> = true;
const bodyOptions: Same<keyof BodyOptions, Table.BODY_OPTIONS> = true;

// V2 (types/v2.d.ts) declares the fields a Naver Pay page uses, not those PortOne documents for
// other PGs only: every key it declares is in the table.
// (Its parameters also take any other key, through an index signature: the named keys are checked.)
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };
const paymentV2: Within<NamedKeys<NaverPayParamsV2>, Table.V2_PAYMENT> = true;
const billingKeyV2: Within<NamedKeys<BillingKeyParamsV2>, Table.V2_BILLING_KEY> = true;
const customerV2: Within<keyof CustomerV2, Table.V2_CUSTOMER> = true;
const productV2: Within<Keys<NaverpayProductItem>, Table.V2_PRODUCT_ITEM> = true;

// The check itself: a difference of one key is caught, in either direction.
// @ts-expect-error a key missing from the declared side
const missing: Same<'a', 'a' | 'b'> = true;
// @ts-expect-error a key the table lacks
const extra: Same<'a' | 'b', 'a'> = true;
// @ts-expect-error a key the table lacks, in V2
const extraV2: Within<'a' | 'b', 'a'> = true;
// @ts-expect-error a named key the table lacks, beside an index signature
const extraNamed: Within<NamedKeys<{ a: string; [key: string]: unknown }>, 'b'> = true;

export { request, product, again, againExtra, schedule, scheduleItem, scheduleExtra, unschedule, deleteBillingKey, deleteExtra, cancel, cancelExtra, validateOptions, payOptions, bodyOptions, paymentV2, billingKeyV2, customerV2, productV2, missing, extra, extraV2, extraNamed };
