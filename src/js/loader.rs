//! Loads PortOne's SDK (`window.IMP`) once per page.
//!
//! As stripe-js does: reuse an `IMP` already on the page, or a script tag with exactly this URL,
//! else inject one; concurrent loads share one script element and one promise. Unlike some
//! loaders, a failed load is forgotten at once, so the next call retries.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlScriptElement};

use super::convert::get;
use super::error::{naver_pay_error, ErrorParts};
use crate::error::{ErrorCode, Locale};

thread_local! {
    /// Loads in flight, by script URL. An entry leaves as soon as its load settles.
    static IN_FLIGHT: RefCell<Vec<(String, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// `window.IMP` if it is there and looks like PortOne's SDK.
pub(crate) fn current_imp() -> Option<JsValue> {
    let imp = get(&js_sys::global(), "IMP");
    let has = |name: &str| get(&imp, name).is_function();
    (has("init") && has("request_pay")).then_some(imp)
}

/// Resolves with `window.IMP`, loading `sdk_url` when needed; rejects with a `NaverPayError`.
pub(crate) fn load_imp(document: &Document, sdk_url: &str, timeout_ms: u32, locale: Locale) -> Promise {
    if let Some(imp) = current_imp() {
        return Promise::resolve(&imp);
    }
    let shared = IN_FLIGHT.with(|f| f.borrow().iter().find(|(u, _)| u == sdk_url).map(|(_, p)| p.clone()));
    shared.unwrap_or_else(|| {
        let p = start_load(document, sdk_url, timeout_ms, locale);
        IN_FLIGHT.with(|f| f.borrow_mut().push((sdk_url.to_owned(), p.clone())));
        p
    })
}

fn forget(sdk_url: &str) {
    IN_FLIGHT.with(|f| f.borrow_mut().retain(|(u, _)| u != sdk_url));
}

/// One load: find or inject the script, then settle on `load`, `error` or the timeout.
fn start_load(document: &Document, sdk_url: &str, timeout_ms: u32, locale: Locale) -> Promise {
    let url = sdk_url.to_owned();
    let document = document.clone();
    Promise::new(&mut |resolve: Function, reject: Function| {
        let (script, injected) = match find_script(&document, &url) {
            Some(s) => (s, false),
            None => match inject_script(&document, &url) {
                Ok(s) => (s, true),
                Err(cause) => {
                    forget(&url);
                    let parts = ErrorParts { cause: Some(cause), ..ErrorParts::default() };
                    let _ = reject.call1(&JsValue::UNDEFINED, &naver_pay_error(ErrorCode::SdkLoadFailed, locale, parts));
                    return;
                }
            },
        };
        let settle = Settle::new(url.clone(), script.clone(), injected, resolve, reject);
        let s = settle.clone();
        let on_load = EventListener::once(&script, "load", move |_| match current_imp() {
            Some(imp) => s.resolve(imp),
            None => s.reject(ErrorCode::SdkUnavailable, locale, None),
        });
        let s = settle.clone();
        let on_error = EventListener::once(&script, "error", move |event| {
            s.reject(ErrorCode::SdkLoadFailed, locale, Some(event.clone().into()));
        });
        let s = settle.clone();
        let timeout = Timeout::new(timeout_ms, move || s.reject(ErrorCode::SdkTimeout, locale, None));
        settle.arm(vec![on_load, on_error], timeout);
    })
}

/// A script tag whose resolved `src` is exactly `url` resolved: lookalikes do not count.
fn find_script(document: &Document, url: &str) -> Option<HtmlScriptElement> {
    let wanted = resolve_url(document, url)?;
    let scripts = document.get_elements_by_tag_name("script");
    (0..scripts.length())
        .filter_map(|i| scripts.item(i)?.dyn_into::<HtmlScriptElement>().ok())
        .find(|s| s.has_attribute("src") && s.src() == wanted)
}

fn resolve_url(document: &Document, url: &str) -> Option<String> {
    let base = document.base_uri().ok().flatten()?;
    let resolved = js_sys::Reflect::construct(
        &get(&js_sys::global(), "URL").dyn_into::<Function>().ok()?,
        &js_sys::Array::of2(&url.into(), &base.into()),
    )
    .ok()?;
    get(&resolved, "href").as_string()
}

fn inject_script(document: &Document, url: &str) -> Result<HtmlScriptElement, JsValue> {
    let script: HtmlScriptElement = document.create_element("script")?.dyn_into()?;
    script.set_src(url);
    script.set_async(true);
    let parent = match document.head() {
        Some(head) => head.into(),
        None => document.document_element().ok_or(JsValue::UNDEFINED)?,
    };
    let _: web_sys::Node = parent.append_child(&script)?;
    Ok(script)
}

/// Settles one load exactly once, then drops its listeners and timer and leaves `IN_FLIGHT`.
#[derive(Clone)]
struct Settle(Rc<RefCell<Option<SettleState>>>);

struct SettleState {
    url: String,
    script: HtmlScriptElement,
    injected: bool,
    resolve: Function,
    reject: Function,
    guards: Option<(Vec<EventListener>, Timeout)>,
}

impl Settle {
    fn new(url: String, script: HtmlScriptElement, injected: bool, resolve: Function, reject: Function) -> Self {
        Settle(Rc::new(RefCell::new(Some(SettleState { url, script, injected, resolve, reject, guards: None }))))
    }

    fn arm(&self, listeners: Vec<EventListener>, timeout: Timeout) {
        if let Some(state) = self.0.borrow_mut().as_mut() {
            state.guards = Some((listeners, timeout));
        }
    }

    fn take(&self) -> Option<SettleState> {
        let state = self.0.borrow_mut().take()?;
        forget(&state.url);
        Some(state)
    }

    fn resolve(&self, imp: JsValue) {
        if let Some(state) = self.take() {
            let _ = state.resolve.call1(&JsValue::UNDEFINED, &imp);
            drop(state.guards);
        }
    }

    fn reject(&self, code: ErrorCode, locale: Locale, cause: Option<JsValue>) {
        if let Some(state) = self.take() {
            // A failed script element never fetches again: remove ours so a retry injects a fresh one.
            if state.injected {
                state.script.remove();
            }
            let parts = ErrorParts { cause, ..ErrorParts::default() };
            let _ = state.reject.call1(&JsValue::UNDEFINED, &naver_pay_error(code, locale, parts));
            drop(state.guards);
        }
    }
}

/// Calls `IMP.init(code)` unless this very `IMP` was last initialised with `code`.
pub(crate) fn ensure_init(imp: &JsValue, code: &str) -> Result<(), JsValue> {
    thread_local! {
        static LAST_INIT: RefCell<Option<(JsValue, String)>> = const { RefCell::new(None) };
    }
    let done = LAST_INIT.with(|l| l.borrow().as_ref().is_some_and(|(i, c)| i == imp && c == code));
    if done {
        return Ok(());
    }
    let init: Function = Reflect::get(imp, &"init".into())?.dyn_into()?;
    init.call1(imp, &code.into())?;
    LAST_INIT.with(|l| *l.borrow_mut() = Some((imp.clone(), code.to_owned())));
    Ok(())
}
