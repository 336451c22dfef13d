//! The app's side of batch.js (loaded on first use through boot.js's
//! `nianbaoBatch`): calls to it, what it tells back, and the files of a
//! drop or a picker handed to it.

use crate::web::js_error;
use js_sys::{Array, Reflect};
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};

/// Calls batch.js's exported `name(...args)` and waits for its promise.
pub async fn call(name: &str, args: &[&JsValue]) -> Result<JsValue, String> {
    let f = Reflect::get(&window(), &JsValue::from_str("nianbaoBatch"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| "页面缺少批量检查模块".to_string())?;
    let all = Array::of1(&JsValue::from_str(name));
    for a in args {
        all.push(a);
    }
    let promise = f.apply(&JsValue::NULL, &all).map_err(|e| js_error(&e))?;
    let promise: js_sys::Promise = promise.dyn_into().map_err(|_| "批量检查模块返回了错误的结果".to_string())?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| js_error(&e))
}

pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The files and folders of a drop, as batch.js takes them: a folder as
/// its entry (walked there), a file as its entry or, when the browser
/// gives none (a drop made by a script), the File. Read now: the drop's
/// items are gone once its event is over.
pub fn dropped(dt: &web_sys::DataTransfer) -> (Array, bool) {
    let out = Array::new();
    let mut folder = false;
    let items = dt.items();
    for i in 0..items.length() {
        let Some(item) = items.get(i) else { continue };
        if item.kind() != "file" {
            continue;
        }
        match item.webkit_get_as_entry() {
            Ok(Some(entry)) => {
                folder |= entry.is_directory();
                out.push(&entry);
            }
            _ => {
                if let Ok(Some(file)) = item.get_as_file() {
                    out.push(&file);
                }
            }
        }
    }
    (out, folder)
}

/// A picker's files, as an array.
pub fn picked(input: &web_sys::HtmlInputElement) -> Array {
    let out = Array::new();
    if let Some(list) = input.files() {
        for i in 0..list.length() {
            if let Some(f) = list.get(i) {
                out.push(&f);
            }
        }
    }
    out
}

/// Whether the batch is on screen (batch.js shows and hides its section).
pub fn batch_shown() -> bool {
    leptos::prelude::document().get_element_by_id("batch-root").is_some_and(|e| !e.has_attribute("hidden"))
}

/// Whether this browser keeps a batch (a mark in local storage, so that a
/// page without one never loads batch.js or opens the database).
pub fn kept() -> bool {
    local().and_then(|s| s.get_item(MARK).ok().flatten()).is_some()
}

pub fn set_kept(kept: bool) {
    if let Some(s) = local() {
        let _ = if kept { s.set_item(MARK, "1") } else { s.remove_item(MARK) };
    }
}

const MARK: &str = "nianbao.batch";

fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
