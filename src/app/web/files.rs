//! Reading a picked or dropped file.

use super::js_error;
use nianbao::input::text::decode;

/// The file's name and text, or a message saying why it cannot be read.
pub async fn read(file: web_sys::File) -> (String, Result<String, String>) {
    let name = file.name();
    if file.size() > nianbao::MAX_INPUT_BYTES as f64 {
        let mb = file.size() / 1048576.0;
        return (name, Err(format!("文件过大（{mb:.1} MB）；年度报告全文通常不超过1 MB，请确认选择的文件是否正确")));
    }
    let buffer = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(b) => b,
        Err(e) => return (name, Err(format!("无法读取文件：{}", js_error(&e)))),
    };
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    // The core's decoding (UTF-8, UTF-16); the web build has no GBK tables.
    let text = decode(&bytes).map(|d| d.text).map_err(|e| format!("{e}。请用记事本等软件把文件另存为UTF-8编码后再打开"));
    (name, text)
}
