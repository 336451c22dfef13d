//! Reading a picked or dropped file, and pasted HTML. Text files are decoded
//! by the core; HTML, .docx and .pdf are decoded by the browser (inputs.js,
//! loaded on first use) into the core's blocks, written out as the text the
//! core checks (`nianbao::input::blocks_to_text`, as `check_blocks` does),
//! so that the source view's line numbers are the diagnostics' lines.

use super::js_error;
use nianbao::input::pdf_text::{read_pages, TextItem};
use nianbao::input::text::decode;
use nianbao::input::{blocks_to_text, Block, FileKind};
use wasm_bindgen::{JsCast, JsValue};

/// The file's name and text, or a message saying why it cannot be read.
pub async fn read(file: web_sys::File) -> (String, Result<String, String>) {
    let name = file.name();
    if file.size() > nianbao::MAX_INPUT_BYTES as f64 {
        let mb = super::fixed(file.size() / 1048576.0, 1);
        return (name, Err(format!("文件过大（{mb} MB）；年度报告全文通常不超过1 MB，请确认选择的文件是否正确")));
    }
    let buffer = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(b) => b,
        Err(e) => return (name, Err(format!("无法读取文件：{}", js_error(&e)))),
    };
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = if name.to_ascii_lowercase().ends_with(".pdf") || bytes.starts_with(b"%PDF-") {
        browser_read("pdf", &buffer).await.and_then(|items| pdf_text(&items))
    } else {
        match FileKind::of(&name, &bytes) {
            FileKind::Docx => browser_read("docx", &buffer).await.and_then(|b| blocks(&b)).map(|b| blocks_to_text(&b)),
            FileKind::Html => match decode(&bytes) {
                Ok(d) => html_text(&d.text).await,
                Err(e) => Err(e.to_string()),
            },
            // The core's decoding (UTF-8, UTF-16); GBK/GB18030 by the
            // browser's own decoder (the web build has no tables of its own).
            FileKind::Text => decode(&bytes).map(|d| d.text).or_else(|e| {
                // NUL bytes: an image or other binary file, not a report at all.
                if bytes.iter().take(8192).any(|&b| b == 0) {
                    Err(NOT_A_REPORT.to_string())
                } else {
                    gb18030(&bytes).ok_or_else(|| format!("{e}。请用记事本等软件把文件另存为UTF-8编码后再打开"))
                }
            }),
        }
    };
    (name, text)
}

/// What a binary file (an image, an archive) gets: what it is not, and what
/// the checker looks for.
const NOT_A_REPORT: &str = "这不是年度报告：文件是二进制内容（如图片或压缩包），不是文本。年报体检读取 .txt、.html、.docx、.pdf 格式的报告全文，查找“二、主动公开政府信息情况”等部分标题和表二、表三、表四";

/// Bytes as GB18030 (GBK's superset), by the browser's `TextDecoder`;
/// `None` when they are not (a byte sequence GB18030 has no character for).
fn gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// An HTML page's or pasted HTML's text, its tables one row a line.
pub async fn html_text(html: &str) -> Result<String, String> {
    let b = browser_read("html", &JsValue::from_str(html)).await?;
    blocks(&b).map(|b| blocks_to_text(&b))
}

/// Calls inputs.js's `read(kind, data)` (through boot.js's `nianbaoRead`).
async fn browser_read(kind: &str, data: &JsValue) -> Result<JsValue, String> {
    let f = js_sys::Reflect::get(&leptos::prelude::window(), &JsValue::from_str("nianbaoRead"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| "页面缺少文件读取模块".to_string())?;
    let promise = f.call2(&JsValue::NULL, &JsValue::from_str(kind), data).map_err(|e| js_error(&e))?;
    let promise: js_sys::Promise = promise.dyn_into().map_err(|_| "文件读取模块返回了错误的结果".to_string())?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| js_error(&e))
}

/// A PDF's text from the items inputs.js gives (pdf.js's, page by page:
/// `[[{s, x, y, w, h}, …], …]`), laid out as lines by the core as the
/// command line's are. (Read field by field: no JSON parser in the page's
/// first load for it.)
fn pdf_text(value: &JsValue) -> Result<String, String> {
    let bad = || "PDF文本读取失败".to_string();
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).map_err(|_| bad());
    let number = |v: &JsValue, k: &str| get(v, k).map(|n| n.as_f64().unwrap_or(0.0));
    let pages: &js_sys::Array = value.dyn_ref().ok_or_else(bad)?;
    let mut out = Vec::with_capacity(pages.length() as usize);
    for page in pages.iter() {
        let items: &js_sys::Array = page.dyn_ref().ok_or_else(bad)?;
        let mut read = Vec::with_capacity(items.length() as usize);
        for item in items.iter() {
            read.push(TextItem {
                text: get(&item, "s")?.as_string().ok_or_else(bad)?,
                x: number(&item, "x")?,
                y: number(&item, "y")?,
                width: number(&item, "w")?,
                height: number(&item, "h")?,
            });
        }
        out.push(read);
    }
    read_pages(&out).map_err(|e| e.0)
}

/// The blocks inputs.js gives (`[{kind: 'text', content: '…'}, {kind: 'table', content: [[…]]}]`).
fn blocks(value: &JsValue) -> Result<Vec<Block>, String> {
    let bad = || "文件读取模块返回了错误的结果".to_string();
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).map_err(|_| bad());
    let list: &js_sys::Array = value.dyn_ref().ok_or_else(bad)?;
    let mut out = Vec::with_capacity(list.length() as usize);
    for item in list.iter() {
        let content = get(&item, "content")?;
        match get(&item, "kind")?.as_string().as_deref() {
            Some("text") => out.push(Block::Text(content.as_string().ok_or_else(bad)?)),
            Some("table") => {
                let rows: &js_sys::Array = content.dyn_ref().ok_or_else(bad)?;
                let mut grid = Vec::with_capacity(rows.length() as usize);
                for row in rows.iter() {
                    let cells: &js_sys::Array = row.dyn_ref().ok_or_else(bad)?;
                    grid.push(cells.iter().map(|c| c.as_string().unwrap_or_default()).collect());
                }
                out.push(Block::Table(grid));
            }
            _ => return Err(bad()),
        }
    }
    Ok(out)
}
