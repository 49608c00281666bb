//! The check engine every validator is built from: the issue collector ([`Issues`]), the table
//! check ([`table`]) and the primitive field checks (object, string, string within a row's limit,
//! integer, integer within a range, date, a payment amount and its parts). `validate` (V1's and
//! V2's browser requests) and `body` (the server bodies) are its clients: each adds the rules of
//! its own fields.
//!
//! One notion of "not given": `undefined` and `null` ([`not_given`]), since `null` is how a form or
//! a setting left empty arrives. What a blank string is, and how an unknown key is judged, is the
//! call's [`Strictness`], fixed by the type of its collector.

pub(crate) mod table;

use crate::catalog::Field;
use crate::date::Ymd;
use crate::error::{Detail, ErrorCode, FieldIssue, Locale};
use crate::text;
use crate::value::{Map, Value};
use std::marker::PhantomData;

/// `Number.MAX_SAFE_INTEGER`: 2^53 − 1, the largest integer a JavaScript number holds exactly.
pub(crate) const MAX_SAFE: u64 = 9_007_199_254_740_991;

/// How strict a call is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strictness {
    /// A browser request (`request_pay`, `requestPayment`): the caller's object is passed on as
    /// given, so an unknown key without a suggestion is a warning, and credential-like keys are
    /// left to the secret check. A required string is blank when it is empty.
    Browser,
    /// A server body: rebuilt from its table, so an unknown key, which would otherwise be dropped
    /// silently, is an error. A required string is blank when it is empty or only whitespace.
    Server,
}

impl Strictness {
    /// Whether `s`, as a required string, counts as not given.
    fn blank(self, s: &str) -> bool {
        match self {
            Strictness::Browser => s.is_empty(),
            Strictness::Server => text::is_blank(s),
        }
    }
}

/// A kind of call, by its strictness: the type parameter of its [`Issues`], so that each client's
/// checks are compiled for its own strictness (a browser page carries no server rule).
pub(crate) trait Call {
    const STRICTNESS: Strictness;
}

/// A browser request: [`Strictness::Browser`].
pub(crate) enum BrowserRequest {}

impl Call for BrowserRequest {
    const STRICTNESS: Strictness = Strictness::Browser;
}

/// A server body: [`Strictness::Server`].
pub(crate) enum ServerBody {}

impl Call for ServerBody {
    const STRICTNESS: Strictness = Strictness::Server;
}

/// Whether a value was not given: `undefined`, or `null`.
pub(crate) fn not_given(v: &Value) -> bool {
    matches!(v, Value::Undefined | Value::Null)
}

/// The issue at `field`, a key of `within` unless that is empty. Not generic: one copy for every
/// kind of call.
fn issue(within: &str, code: ErrorCode, field: &str, locale: Locale, detail: Detail<'_>) -> FieldIssue {
    let field = if within.is_empty() { field.to_owned() } else { text::join_path(within, field) };
    FieldIssue::new(code, field, locale, detail)
}

/// The problems one call found (errors stop it, warnings do not), with the language of their
/// messages; `C` is the kind of call, which fixes its strictness. Each primitive check reports into it and returns `None`
/// exactly when it reported something, or when an optional value was not given.
pub(crate) struct Issues<C: Call> {
    errors: Vec<FieldIssue>,
    warnings: Vec<FieldIssue>,
    locale: Locale,
    /// The path the fields reported are keys of (`naverProducts[0]`), empty at the top.
    within: String,
    call: PhantomData<C>,
}

impl<C: Call> Issues<C> {
    pub(crate) fn new(locale: Locale) -> Self {
        Issues { errors: Vec::new(), warnings: Vec::new(), locale, within: String::new(), call: PhantomData }
    }

    pub(crate) fn error(&mut self, code: ErrorCode, field: &str, detail: Detail<'_>) {
        self.errors.push(issue(&self.within, code, field, self.locale, detail));
    }

    pub(crate) fn warn(&mut self, code: ErrorCode, field: &str, detail: Detail<'_>) {
        self.warnings.push(issue(&self.within, code, field, self.locale, detail));
    }

    /// Reports the fields of the checks that follow as keys of `path` (`uid` as
    /// `naverProducts[0].uid`), and returns the path they were keys of until now. The path is
    /// joined only when an issue is reported: a valid cart builds none.
    pub(crate) fn within(&mut self, path: String) -> String {
        std::mem::replace(&mut self.within, path)
    }

    /// Whether no error was reported.
    pub(crate) fn clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors and the warnings.
    pub(crate) fn into_parts(self) -> (Vec<FieldIssue>, Vec<FieldIssue>) {
        (self.errors, self.warnings)
    }

    /// The keys of `map` (at `prefix`) against `table`, `required` the flag that marks a required
    /// row in this call: see [`table::check_table`].
    // Out of line: inlined into V2's several nested tables it costs V2's module 50 bytes of gzip.
    #[inline(never)]
    pub(crate) fn table(&mut self, map: &Map, table: &'static [Field], prefix: &str, required: u8) {
        let locale = self.locale;
        let (errors, warnings) = (&mut self.errors, &mut self.warnings);
        table::check_table(map, table, prefix, required, C::STRICTNESS, &mut |issue| {
            let list = if issue.warning { &mut *warnings } else { &mut *errors };
            list.push(FieldIssue::new(issue.code, issue.field, locale, issue.detail));
        });
    }

    /// The object at `path`; `INVALID_TYPE` otherwise (given or not).
    pub(crate) fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map> {
        let map = v.as_object();
        if map.is_none() {
            self.error(ErrorCode::InvalidType, path, Detail::Expected("object"));
        }
        map
    }

    /// A string. Required: not given, or blank (by the strictness), is `REQUIRED`. Optional: not
    /// given is `None`, and any string is returned for the caller to judge. Anything else is
    /// `INVALID_TYPE`.
    pub(crate) fn string<'v>(&mut self, v: &'v Value, path: &str, required: bool) -> Option<&'v str> {
        match v {
            Value::Undefined | Value::Null if required => self.error(ErrorCode::Required, path, Detail::None),
            Value::String(s) if required && C::STRICTNESS.blank(s) => {
                self.error(ErrorCode::Required, path, Detail::None)
            }
            Value::Undefined | Value::Null => {}
            Value::String(s) => return Some(s),
            _ => self.error(ErrorCode::InvalidType, path, Detail::Expected("string")),
        }
        None
    }

    /// A string of at most `max_chars` characters (a row's limit, [`crate::catalog::max_chars!`]).
    pub(crate) fn short_string<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        required: bool,
        max_chars: usize,
    ) -> Option<&'v str> {
        let s = self.string(v, path, required)?;
        if s.chars().count() > max_chars {
            self.error(ErrorCode::TooLong, path, Detail::MaxChars(max_chars));
            return None;
        }
        Some(s)
    }

    /// A JavaScript number that is a finite integer, as `Number.isInteger` says (`NOT_INTEGER`,
    /// `INVALID_TYPE`); not given is `REQUIRED` when `required`. The range is the caller's.
    pub(crate) fn integer(&mut self, v: &Value, path: &str, required: bool) -> Option<f64> {
        match v {
            Value::Undefined | Value::Null if required => self.error(ErrorCode::Required, path, Detail::None),
            Value::Undefined | Value::Null => {}
            Value::Number(n) if !n.is_finite() || n.fract() != 0.0 => {
                self.error(ErrorCode::NotInteger, path, Detail::None)
            }
            Value::Number(n) => return Some(*n),
            _ => self.error(ErrorCode::InvalidType, path, Detail::Expected("number")),
        }
        None
    }

    /// An optional `yyyyMMdd` real calendar date (`INVALID_TYPE`, `INVALID_DATE`); with
    /// `number_too`, also as a number of eight digits (naver.mdx allows it for V1's products'
    /// `startDate`/`endDate`).
    pub(crate) fn date(&mut self, v: &Value, path: &str, number_too: bool) -> Option<Ymd> {
        let date = match v {
            Value::Number(n) if number_too => Ymd::from_number(*n),
            Value::Undefined | Value::Null => return None,
            Value::String(s) => Ymd::parse(s),
            _ => {
                let expected = if number_too { "yyyyMMdd string | number" } else { "yyyyMMdd string" };
                self.error(ErrorCode::InvalidType, path, Detail::Expected(expected));
                return None;
            }
        };
        if date.is_none() {
            self.error(ErrorCode::InvalidDate, path, Detail::None); // the message names yyyyMMdd
        }
        date
    }

    /// A required payment amount: an integer of at least `min` (`AMOUNT_BELOW_MINIMUM`, a negative
    /// one included: the buyer's message) and at most 2^53 − 1 (`OUT_OF_RANGE`).
    pub(crate) fn amount(&mut self, v: &Value, path: &str, min: u64) -> Option<u64> {
        let n = self.integer(v, path, true)?;
        if n < min as f64 {
            self.error(ErrorCode::AmountBelowMinimum, path, Detail::MinAmount(min));
            return None;
        }
        // The Rust API takes any minimum: one past 2^53 − 1 would name an empty range.
        if n > MAX_SAFE as f64 {
            self.error(ErrorCode::OutOfRange, path, Detail::Range(min.min(MAX_SAFE), MAX_SAFE));
            return None;
        }
        Some(n as u64)
    }

    /// A part of an amount (its tax-free part, its VAT): an optional integer from 0 to `amount`, or
    /// to 2^53 − 1 when the amount is not known.
    pub(crate) fn part_of_amount(&mut self, v: &Value, path: &str, amount: Option<u64>) -> Option<u64> {
        self.integer_in(v, path, false, 0, amount.unwrap_or(MAX_SAFE))
    }

    /// An integer within `lo..=hi` (both at most 2^53 − 1); `OUT_OF_RANGE` otherwise.
    pub(crate) fn integer_in(&mut self, v: &Value, path: &str, required: bool, lo: u64, hi: u64) -> Option<u64> {
        let n = self.integer(v, path, required)?;
        // Both bounds are at most 2^53 − 1, so the conversions are exact.
        if n < lo as f64 || n > hi as f64 {
            self.error(ErrorCode::OutOfRange, path, Detail::Range(lo, hi));
            return None;
        }
        Some(n as u64)
    }
}
