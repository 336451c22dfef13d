//! The text being checked, kept in the browser's local storage so that a
//! reload (or a crash) does not lose it; and the rule groups chosen.

use super::js_error;
use leptos::prelude::window;

const TEXT: &str = "nianbao.text";
const SOURCE: &str = "nianbao.source";
/// The rule groups left out (`local`), comma-separated; absent: none.
const IGNORED: &str = "nianbao.ignore";

fn storage() -> Result<web_sys::Storage, String> {
    match window().local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("浏览器未提供本地存储".into()),
        Err(e) => Err(js_error(&e)),
    }
}

/// The kept text and its file name, if any.
pub fn load() -> Result<Option<(String, Option<String>)>, String> {
    let s = storage()?;
    let text = s.get_item(TEXT).map_err(|e| js_error(&e))?;
    let source = s.get_item(SOURCE).map_err(|e| js_error(&e))?;
    Ok(text.filter(|t| !t.is_empty()).map(|t| (t, source)))
}

pub fn save(text: &str, source: Option<&str>) -> Result<(), String> {
    let s = storage()?;
    if text.is_empty() {
        return clear();
    }
    s.set_item(TEXT, text).map_err(|e| js_error(&e))?;
    match source {
        Some(name) => s.set_item(SOURCE, name),
        None => s.remove_item(SOURCE),
    }
    .map_err(|e| js_error(&e))
}

/// Keeps the text only, leaving the kept file name as it is (for the panic
/// hook, which knows no state).
pub fn keep_text(text: &str) -> Result<(), String> {
    storage()?.set_item(TEXT, text).map_err(|e| js_error(&e))
}

/// Another item the app keeps (the 填报 mode's grid, the mode).
pub fn item(key: &str) -> Result<Option<String>, String> {
    storage()?.get_item(key).map_err(|e| js_error(&e))
}

pub fn set_item(key: &str, value: &str) -> Result<(), String> {
    storage()?.set_item(key, value).map_err(|e| js_error(&e))
}

pub fn clear() -> Result<(), String> {
    let s = storage()?;
    s.remove_item(TEXT).map_err(|e| js_error(&e))?;
    s.remove_item(SOURCE).map_err(|e| js_error(&e))
}

/// The rule groups the user left out (`local`), as the last visit left them.
pub fn load_ignored() -> Result<String, String> {
    Ok(storage()?.get_item(IGNORED).map_err(|e| js_error(&e))?.unwrap_or_default())
}

/// Keeps the rule groups left out (kept apart from the text: clearing the
/// text keeps them).
pub fn save_ignored(groups: &str) -> Result<(), String> {
    let s = storage()?;
    if groups.is_empty() { s.remove_item(IGNORED) } else { s.set_item(IGNORED, groups) }.map_err(|e| js_error(&e))
}
