//! The browser's services the app uses: local storage, downloads, the
//! clipboard, files, timing. Thin wrappers that turn JS errors into Chinese
//! messages; nothing here knows about reports.

pub mod files;
pub mod storage;

use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};

/// A JS exception as a short message.
pub fn js_error(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// Milliseconds since the page started (high resolution).
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// The text of a file served beside the page (relative `path`).
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let response =
        wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(path)).await.map_err(|e| js_error(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "读取失败".to_string())?;
    if !response.ok() {
        return Err(format!("服务器返回 {}", response.status()));
    }
    let text = response.text().map_err(|e| js_error(&e))?;
    let text = wasm_bindgen_futures::JsFuture::from(text).await.map_err(|e| js_error(&e))?;
    text.as_string().ok_or_else(|| "读取失败".to_string())
}

/// A non-negative number with `digits` decimals (as `format!("{:.1}")`
/// writes it, but for exact ties), written with integers: formatting an f64
/// brings Rust's float printing (about 4 KB gzip) into the wasm.
pub fn fixed(x: f64, digits: u32) -> String {
    let scale = 10u64.pow(digits);
    let n = (x.max(0.0) * scale as f64).round() as u64;
    format!("{}.{:0width$}", n / scale, n % scale, width = digits as usize)
}

/// Offers `content` as a file download.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    offer(file_name, mime, &JsValue::from_str(content))
}

/// Offers bytes (a .docx) as a file download.
pub fn download_bytes(file_name: &str, mime: &str, content: &[u8]) -> Result<(), String> {
    offer(file_name, mime, &js_sys::Uint8Array::from(content))
}

fn offer(file_name: &str, mime: &str, part: &JsValue) -> Result<(), String> {
    // (The Blob constructor takes strings and byte arrays alike.)
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| js_error(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_error(&e))?;
    let a: web_sys::HtmlAnchorElement =
        leptos::prelude::document().create_element("a").map_err(|e| js_error(&e))?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // The download has started by the next task; the URL can go then.
    leptos::prelude::set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(1),
    );
    Ok(())
}

/// Puts text on the clipboard.
pub async fn copy(text: String) -> Result<(), String> {
    let promise = window().navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|e| js_error(&e))
}

/// Scrolls an element to the middle of the view (and sideways only as far
/// as needed, so that a row's labels stay in sight).
pub fn scroll_to(id: &str) {
    if let Some(el) = leptos::prelude::document().get_element_by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Moves the keyboard focus to an element.
pub fn focus(id: &str) {
    if let Some(el) =
        leptos::prelude::document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls a box (not the page) so that its child is in the middle of it.
pub fn scroll_within(box_id: &str, child_id: &str) {
    let doc = leptos::prelude::document();
    let (Some(outer), Some(child)) = (doc.get_element_by_id(box_id), doc.get_element_by_id(child_id)) else { return };
    let (Ok(outer), Ok(child)) = (outer.dyn_into::<web_sys::HtmlElement>(), child.dyn_into::<web_sys::HtmlElement>())
    else {
        return;
    };
    let top = child.offset_top() - outer.client_height() / 2 + child.offset_height() / 2;
    outer.set_scroll_top(top.max(0));
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixed_rounds_like_the_float_formatting() {
        for &(x, d) in
            &[(0.0, 1), (0.04, 1), (0.05, 3), (12.345_678, 3), (999.96, 1), (1234.5, 3), (1.2e6 / 1048576.0, 1)]
        {
            assert_eq!(super::fixed(x, d), format!("{:.*}", d as usize, x), "{x}");
        }
        assert_eq!(super::fixed(f64::NAN, 1), "0.0");
    }
}
