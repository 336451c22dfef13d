//! A panic must not leave a dead page that looks alive: the message goes to
//! the console, the text is saved, and the page's own banner (static HTML,
//! wired by boot.js) tells the user to reload, which restores the text.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        keep_text_and_tell();
    }));
}

fn keep_text_and_tell() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(input) = doc.get_element_by_id("input").and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = crate::web::storage::keep_text(&input.value());
    }
    if let Some(banner) = doc.get_element_by_id("fatal") {
        let _ = banner.remove_attribute("hidden");
    }
}

/// Panics on purpose: the browser test of the panic path calls it
/// (`window.nianbaoApp.debug_panic()`); nothing in the page does.
#[wasm_bindgen]
pub fn debug_panic() {
    panic!("debug_panic：测试用的故意崩溃");
}
