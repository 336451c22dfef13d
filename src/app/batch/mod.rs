//! The reviewer's batch, on the app's side: a row of the batch opened in
//! the single-report view, the batch's messages in the page's notice bar,
//! drops handed over, and the few static pieces batch.js works in (see
//! [`view`]).
//!
//! Everything else — the pickers' and the switch's wiring (boot.js), the
//! workers, the summary table, the bar back from an opened row, IndexedDB,
//! which of the two views is shown — is src/app/js/batch.js, loaded only
//! once a batch is wanted: the page's first load carries next to none of it.

pub mod view;

use crate::state::{AppState, LastYearText, Level};
use leptos::prelude::{GetUntracked, Set, SetValue, WithValue};
use std::cell::Cell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The page's state, for batch.js's calls.
    static STATE: Cell<Option<AppState>> = const { Cell::new(None) };
}

/// Lets batch.js reach the page's state.
pub fn install(state: AppState) {
    STATE.set(Some(state));
}

#[wasm_bindgen]
extern "C" {
    /// boot.js: takes the drop when it is one for the batch (several files,
    /// a folder, or anything while the batch is shown).
    #[wasm_bindgen(catch, js_name = nianbaoDrop)]
    fn batch_drop(dt: &web_sys::DataTransfer) -> Result<bool, JsValue>;
}

/// Whether the batch took a drop (then the single-report view does not).
pub fn dropped(dt: &web_sys::DataTransfer) -> bool {
    batch_drop(dt).unwrap_or(false)
}

/// A row of the batch, shown in the single-report view (called by
/// batch.js), checked against last year's report when the batch pairs it
/// with one (its name and text).
#[wasm_bindgen(js_name = batchOpen)]
pub fn open(name: String, text: String, last_name: Option<String>, last_text: Option<String>) {
    if let Some(state) = STATE.get() {
        state.last_year.set_value(last_text.map(|t| LastYearText::new(last_name.unwrap_or_default(), t)));
        state.source.set(Some(name));
        state.text.set(text);
        state.check_now();
    }
}

/// The report shown, for its feedback letter (batch.js writes it): its
/// name, text, and last year's name and text when it is paired.
#[wasm_bindgen(js_name = batchCurrent)]
pub fn current() -> Vec<JsValue> {
    let Some(state) = STATE.get() else { return Vec::new() };
    let name = state.source.get_untracked().unwrap_or_else(|| "粘贴文本".into());
    let text = state.text.get_untracked();
    let (last_name, last_text) =
        state.last_year.with_value(|l| l.as_ref().map(|l| (l.name.clone(), l.text.clone()))).unzip();
    let opt = |s: Option<String>| s.map_or(JsValue::UNDEFINED, |s| JsValue::from_str(&s));
    vec![JsValue::from_str(&name), JsValue::from_str(&text), opt(last_name), opt(last_text)]
}

/// One of the batch's messages (`info`, `warning` or `error`), in the notice bar.
#[wasm_bindgen(js_name = batchTell)]
pub fn tell(level: &str, message: String) {
    let level = match level {
        "error" => Level::Error,
        "warning" => Level::Warning,
        _ => Level::Info,
    };
    if let Some(state) = STATE.get() {
        state.tell(level, "batch", message);
    }
}
