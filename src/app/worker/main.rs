//! The batch's checker, run in each of the page's batch workers (bin
//! `batch-checker`, feature `worker`; Trunk builds it as a worker module
//! beside the app, `src/app/js/batch-worker.js` loads it when a batch
//! starts). A file's bytes become its text through the CLI's own readers
//! (`nianbao::input::file_text`: .txt/.md in UTF-8, UTF-16 or GB18030,
//! .html, .docx), so a file reads the same here as on the command line;
//! the check's result goes back as one summary row, never the report.

use nianbao::{Report, Severity};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn main() {}

/// What a binary file (an image, an archive) gets: what it is not, and
/// what the checker looks for.
const NOT_A_REPORT: &str = "这不是年度报告：文件是二进制内容（如图片或压缩包），不是文本。年报体检读取 .txt、.md、.html、.docx、.pdf 格式的报告全文，查找“二、主动公开政府信息情况”等部分标题和表二、表三、表四";

/// A file's report text, or why it has none (a Chinese message).
#[wasm_bindgen(js_name = readFile)]
pub fn read_file(name: &str, bytes: &[u8]) -> Result<String, JsError> {
    read(name, bytes).map_err(|e| JsError::new(&e))
}

fn read(name: &str, bytes: &[u8]) -> Result<String, String> {
    if bytes.len() > nianbao::MAX_INPUT_BYTES {
        let mb = bytes.len() as f64 / 1048576.0;
        return Err(format!("文件过大（{mb:.1} MB）；年度报告全文通常不超过1 MB"));
    }
    let kind = nianbao::input::FileKind::of(name, bytes);
    // NUL bytes in what would be read as text, and not UTF-16: an image or
    // other binary file (GB18030 would otherwise take almost any bytes).
    if kind != nianbao::input::FileKind::Docx && bytes.iter().take(8192).any(|&b| b == 0) {
        let utf16 = nianbao::input::text::decode(bytes).is_ok_and(|d| d.encoding.starts_with("UTF-16"));
        if !utf16 {
            return Err(NOT_A_REPORT.into());
        }
    }
    nianbao::input::file_text(name, bytes).map_err(|e| e.0)
}

/// One file of the batch as its summary table shows it (the JSON the
/// page's `batch.js` keeps and `src/app/batch/model.rs` reads).
#[derive(Serialize)]
struct Row<'a> {
    agency: Option<&'a str>,
    year: Option<i32>,
    template: Option<&'static str>,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Findings per rule code, in code order.
    codes: Vec<(&'static str, usize)>,
    /// The `report.unrecognised` message: the text is no annual report.
    unrecognised: Option<&'a str>,
    lines: usize,
}

fn row(report: &Report) -> Row<'_> {
    let mut codes: Vec<(&'static str, usize)> = Vec::new();
    for d in &report.diagnostics {
        match codes.iter_mut().find(|(c, _)| *c == d.code) {
            Some((_, n)) => *n += 1,
            None => codes.push((d.code, 1)),
        }
    }
    codes.sort_unstable();
    Row {
        agency: report.agency.as_deref(),
        year: report.year,
        template: report.template.map(|t| t.as_str()),
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        infos: report.count(Severity::Info),
        codes,
        unrecognised: report
            .diagnostics
            .iter()
            .find(|d| d.code == nianbao::rules::report_unrecognised::RULE.code)
            .map(|d| d.message.as_str()),
        lines: report.input_lines,
    }
}

/// Checks a file's text; the summary row as JSON.
#[wasm_bindgen(js_name = checkText)]
pub fn check_text(text: &str, name: &str) -> String {
    let report = nianbao::check(text, Some(name));
    serde_json::to_string(&row(&report)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn a_row_counts_what_the_report_has() {
        let text = String::from_utf8(fixture("002_9ca5b3fc5e07fc94.txt")).unwrap();
        let report = nianbao::check(&text, None);
        let r = row(&report);
        assert_eq!(r.errors, report.count(Severity::Error));
        assert_eq!(r.codes.iter().map(|c| c.1).sum::<usize>(), report.diagnostics.len());
        assert!(r.codes.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(r.unrecognised.is_none() && r.agency.is_some());
    }

    #[test]
    fn files_that_are_no_report_say_why() {
        let png = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0, 0, 0, 13, b'I', b'H', b'D', b'R'];
        assert_eq!(read("a.png", &png).unwrap_err(), NOT_A_REPORT);
        // UTF-16 has NUL bytes too, and is text.
        let utf16: Vec<u8> = "\u{feff}一、总体情况".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(read("a.txt", &utf16).unwrap(), "一、总体情况");
        let empty = nianbao::check("", None);
        assert!(row(&empty).unrecognised.is_some());
    }
}
