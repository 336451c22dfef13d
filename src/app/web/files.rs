//! Reading a picked or dropped file.

use super::js_error;
use crate::decode::decode;

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
    (name, decode(&bytes))
}
