// The input types of types/index.d.ts and types/v2.d.ts hold exactly the keys of the crate's
// tables: each extends the interface src/generate.rs writes from its table (`AgainPaymentFields`, …,
// between the `@generated field-tables` markers), so every row is a key by construction, and the
// lines below fail to compile on a key declared by hand that the table lacks (or a row an `Omit`
// drops and nothing declares again).
//   node_modules/.bin/tsc -p tests/types/tsconfig.json

import type {
  AgainPaymentFields,
  AgainPaymentInput,
  BillingKeyParams,
  BodyOptions,
  BodyOptionsFields,
  CancelPaymentFields,
  CancelPaymentInput,
  DeleteBillingKeyFields,
  DeleteBillingKeyInput,
  NaverPayParams,
  NaverProduct,
  NaverProductFields,
  PaymentExtraFields,
  PayOptions,
  RequestPayFields,
  RequesterExtraFields,
  ScheduleFields,
  ScheduleInput,
  SchedulePaymentFields,
  SchedulePaymentInput,
  UnschedulePaymentFields,
  UnschedulePaymentInput,
  ValidateOptions,
  ValidateOptionsFields,
} from 'naverpay-checkout';
import type {
  BillingKeyBypassFieldsV2,
  BillingKeyFieldsV2,
  BillingKeyParamsV2,
  CustomerFieldsV2,
  CustomerV2,
  EasyPayFieldsV2,
  NaverpayBillingBypassFieldsV2,
  NaverpayBypassFieldsV2,
  NaverPayParamsV2,
  NaverpayProductItem,
  NaverpayProductItemFieldsV2,
  PaymentBypassFieldsV2,
  PaymentFieldsV2,
  WindowTypesFieldsV2,
} from 'naverpay-checkout/v2';

/** `true` only when `A` and `B` are the same type. */
type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
/** `true` when every member of `A` is in `B`. */
type Within<A, B> = [A] extends [B] ? true : false;
/** Every key of every member of a union. */
type Keys<T> = T extends unknown ? keyof T : never;
/** The keys of `extra` in `T`. */
type ExtraKeys<T> = Keys<Exclude<T extends { extra?: infer E } ? E : never, undefined>>;

const request: Same<Keys<NaverPayParams | BillingKeyParams>, keyof RequestPayFields> = true;
const product: Same<Keys<NaverProduct>, keyof NaverProductFields> = true;
const again: Same<keyof AgainPaymentInput, keyof AgainPaymentFields> = true;
const againExtra: Same<ExtraKeys<AgainPaymentInput>, keyof PaymentExtraFields> = true;
const schedule: Same<keyof SchedulePaymentInput, keyof SchedulePaymentFields> = true;
const scheduleItem: Same<keyof ScheduleInput, keyof ScheduleFields> = true;
const scheduleExtra: Same<ExtraKeys<ScheduleInput>, keyof PaymentExtraFields> = true;
const unschedule: Same<Keys<UnschedulePaymentInput>, keyof UnschedulePaymentFields> = true;
const deleteBillingKey: Same<keyof DeleteBillingKeyInput, keyof DeleteBillingKeyFields> = true;
const deleteExtra: Same<ExtraKeys<DeleteBillingKeyInput>, keyof RequesterExtraFields> = true;
const cancel: Same<Keys<CancelPaymentInput>, keyof CancelPaymentFields> = true;
const cancelExtra: Same<ExtraKeys<CancelPaymentInput>, keyof RequesterExtraFields> = true;
// The options: `pay` reads PayOptions' keys of PAY_OPTIONS, the validators all of them.
const validateOptions: Same<keyof ValidateOptions, keyof ValidateOptionsFields> = true;
const payOptions: Within<keyof PayOptions, keyof ValidateOptionsFields> = true;
const bodyOptions: Same<keyof BodyOptions, keyof BodyOptionsFields> = true;

// V2 (types/v2.d.ts): its parameters also take any other key, through an index signature; the
// named keys are the table's.
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };
const paymentV2: Same<NamedKeys<NaverPayParamsV2>, keyof PaymentFieldsV2> = true;
const billingKeyV2: Same<NamedKeys<BillingKeyParamsV2>, keyof BillingKeyFieldsV2> = true;
const customerV2: Same<keyof CustomerV2, keyof CustomerFieldsV2> = true;
const productV2: Same<Keys<NaverpayProductItem>, keyof NaverpayProductItemFieldsV2> = true;
// The nested objects, reached from the parameters that hold them.
type Given<T> = Exclude<T, undefined>;
const windowTypeV2: Same<keyof Given<NaverPayParamsV2['windowType']>, keyof WindowTypesFieldsV2> = true;
const billingWindowTypeV2: Same<keyof Given<BillingKeyParamsV2['windowType']>, keyof WindowTypesFieldsV2> = true;
const easyPayV2: Same<NamedKeys<Given<NaverPayParamsV2['easyPay']>>, keyof EasyPayFieldsV2> = true;
const billingEasyPayV2: Same<NamedKeys<Given<BillingKeyParamsV2['easyPay']>>, keyof EasyPayFieldsV2> = true;
const paymentBypassV2: Same<NamedKeys<NaverPayParamsV2['bypass']>, keyof PaymentBypassFieldsV2> = true;
const naverpayBypassV2: Same<keyof NaverPayParamsV2['bypass']['naverpay'], keyof NaverpayBypassFieldsV2> = true;
const billingKeyBypassV2: Same<keyof Given<BillingKeyParamsV2['bypass']>, keyof BillingKeyBypassFieldsV2> = true;
const naverpayBillingBypassV2: Same<
  keyof Given<Given<BillingKeyParamsV2['bypass']>['naverpay']>,
  keyof NaverpayBillingBypassFieldsV2
> = true;

// The check itself: a difference of one key is caught, in either direction.
// @ts-expect-error a key missing from the declared side
const missing: Same<'a', 'a' | 'b'> = true;
// @ts-expect-error a key the table lacks
const extra: Same<'a' | 'b', 'a'> = true;
// @ts-expect-error a named key the table lacks, beside an index signature
const extraNamed: Same<NamedKeys<{ a: string; b: string; [key: string]: unknown }>, 'a'> = true;
// @ts-expect-error a hand-written key the table lacks, on an interface that extends the table's
const extraOnExtended: Same<keyof (AgainPaymentFields & { order_memo_typo?: string }), keyof AgainPaymentFields> = true;

export { request, product, again, againExtra, schedule, scheduleItem, scheduleExtra, unschedule, deleteBillingKey, deleteExtra, cancel, cancelExtra, validateOptions, payOptions, bodyOptions, paymentV2, billingKeyV2, customerV2, productV2, windowTypeV2, billingWindowTypeV2, easyPayV2, billingEasyPayV2, paymentBypassV2, naverpayBypassV2, billingKeyBypassV2, naverpayBillingBypassV2, missing, extra, extraNamed, extraOnExtended };
